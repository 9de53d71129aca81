"""Catalog workflow on Babel: extract a POT per article (and one for the interface), merge it into each PO.

Follows ``msgmerge`` / ``pybabel update --previous`` semantics, with one
difference that keeps the rules exact:

* a msgid still present keeps its entry (translation, flags, translator comments);
* a msgid that changed is matched to the most similar *vanished* msgid of the
  same msgctxt (``difflib`` ratio >= 0.6, like Babel; for a msgctxt naming a
  single message, as in the ``ui`` domain, the vanished entry of that context
  whatever the ratio): it keeps the old msgstr, is marked ``fuzzy`` and
  records the previous msgid (``#|``, the one the translation was made for);
* a removed msgid becomes obsolete (``#~``) if it had a translation; so does a translated plural
  entry (``msgid_plural``) added by hand, which no passage makes;
* a new msgid gets an empty msgstr.

Babel's ``Catalog.update`` also fuzzy-matches a *new* paragraph against any
translated one that is still present, giving it someone else's translation;
matching only vanished msgids avoids that. A file is rewritten only when
something other than its timestamps changes, so runs are reproducible.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import errno
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from babel import Locale
from babel.messages.catalog import Catalog, Message

from explainer.errors import CatalogError
from explainer.fileio import atomic_write_bytes
from explainer.model import Article
from explainer.translate import ui as _ui
from explainer.translate.catalog import po_path, read_catalog
from explainer.translate.pofile import render_catalog
from explainer.translate.segment import Unit, article_units
from explainer.translate.ui import UI_DOMAIN, UI_SOURCE_LANG, ui_po_path

PROJECT = "explainers"
_EPOCH = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)
_TIMESTAMP_RE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
WIDTH = 79  # gettext page width (msgcat), see explainer.translate.pofile
FUZZY_CUTOFF = 0.6
_PLACEHOLDER_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"   # gettext's (and Babel's) header placeholders
_PLACEHOLDER_TEAM = "LANGUAGE <LL@li.org>"
# Flags Babel adds by guessing from a msgid's text; msgfmt --check then validates the msgstr against them.
_FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


def _epoch() -> _dt.datetime:
    """Catalog date: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) if set, else a fixed date."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return _dt.datetime.fromtimestamp(int(value), tz=_dt.UTC)
    return _EPOCH


def _new_catalog(locale: str | None = None) -> Catalog:
    """An empty PO whose header ``msgfmt --check`` accepts (GNU gettext manual, "Header Entry").

    Language and Plural-Forms come from CLDR through Babel; Language-Team is the language's
    English name; Last-Translator stays empty until someone translates (never the
    ``FULL NAME <EMAIL@ADDRESS>`` placeholder msgfmt warns about).
    """
    team = Locale.parse(locale).english_name if locale else None
    catalog = Catalog(locale=locale, project=PROJECT, version="1", charset="UTF-8", fuzzy=False,
                      creation_date=_epoch(), revision_date=_epoch(), language_team=team,
                      copyright_holder="the explainers authors")
    catalog.last_translator = ""  # Babel's constructor turns "" into its placeholder
    return catalog


def _new_template() -> Catalog:
    """An empty POT with the header ``pybabel extract`` writes (fuzzy, placeholder revision date)."""
    return Catalog(project=PROJECT, version="1", charset="UTF-8", creation_date=_epoch())


def template_for(article: Article) -> Catalog:
    """Build the POT catalog of ``article``: one message per distinct (msgctxt, msgid).

    Units come from :func:`explainer.translate.segment.article_units`. Each message carries its seed location
    (``#: seeds/x.txt:LINE``) and an extracted comment naming its segment id
    and kind (``#. s1-p2 paragraph``).
    """
    catalog = _new_template()
    for unit in article_units(article):
        existing = catalog.get(unit.msgid, context=unit.msgctxt)
        comment = f"{unit.segment_id} {unit.kind}"
        if existing is not None:
            existing.locations.append((article.source_path, unit.line))
            existing.auto_comments.append(comment)
            continue
        message = catalog.add(unit.msgid, string="", locations=[(article.source_path, unit.line)],
                              auto_comments=[comment], context=unit.msgctxt)
        message.flags -= _FORMAT_FLAGS  # seed text is prose: "10% of" or "{ x }" are not format strings
    return catalog


def ui_template() -> Catalog:
    """Build the POT of the interface (``ui`` domain): msgctxt = key, msgid = English source.

    Messages with ``{name}`` placeholders get the ``python-brace-format`` flag,
    so ``msgfmt --check`` verifies translations keep them.
    """
    catalog = _new_template()
    for message in _ui.MESSAGES:  # read at call time (tests reword a message)
        flags = ["python-brace-format"] if message.placeholders else []
        added = catalog.add(message.source, string="", auto_comments=[message.comment] if message.comment else [],
                            flags=flags, context=message.key)
        added.flags = set(flags)  # only the flags we mean (Babel guesses format flags from the text)
    return catalog


def render_po(catalog: Catalog) -> bytes:
    """Serialize a catalog as PO text (UTF-8) in GNU gettext's layout (:func:`explainer.translate.pofile.render_catalog`).

    Previous msgids (``#|``), obsolete entries (``#~``) with their flags, and line
    wrapping are written as ``msgcat`` writes them, so a round trip through gettext
    tools or a PO editor that uses them changes nothing.
    """
    return render_catalog(catalog)


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless the file differs from it only in PO timestamps. Returns True if written."""
    if path.exists():
        old = path.read_bytes().decode("utf-8", errors="replace")
        if _TIMESTAMP_RE.sub("", old) == _TIMESTAMP_RE.sub("", content.decode("utf-8")):
            return False
    atomic_write_bytes(path, content)  # a whole old or new file, even when interrupted
    return True


def pot_path(locales_dir: Path, slug: str) -> Path:
    """Path of the template of article ``slug`` (or of the ``ui`` domain): ``locales/<slug>.pot``."""
    return locales_dir / f"{slug}.pot"


def _id(message: Message) -> str:
    """The msgid of a singular message (the only kind these catalogs make; a plural one added by hand is only kept as
    obsolete, see :func:`merge`)."""
    return cast(str, message.id)


def _string(message: Message) -> str:
    return cast(str, message.string)


def _key(message: Message) -> tuple[str, str]:
    return (message.context or "", _id(message))


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
        return 0.0
    return matcher.ratio()


def merge(old: Catalog, template: Catalog, prefill: bool = False) -> Catalog:
    """Merge ``template`` (a POT) into ``old`` (a PO); return the new catalog (``old`` is not changed).

    Output order is the template's; obsolete entries follow (old obsolete ones
    first, then newly removed ones, each in file order). See the module
    docstring for the rules. Header fields of ``old`` are kept. ``prefill``
    gives empty entries their msgid as msgstr, as ``msginit`` does for a
    catalog in the template's own language (the English ``ui.po``).
    """
    new = Catalog(locale=old.locale, domain=old.domain, project=PROJECT, version="1", charset="utf-8", fuzzy=False,
                  creation_date=_epoch(), revision_date=_epoch())
    new.header_comment = old.header_comment
    new.mime_headers = old.mime_headers
    if old.locale is not None:  # placeholders msgfmt --check warns about ("still has the initial default value")
        if new.last_translator == _PLACEHOLDER_TRANSLATOR:
            new.last_translator = ""
        if new.language_team == _PLACEHOLDER_TEAM:
            new.language_team = Locale.parse(old.locale).english_name or ""
    new.creation_date = _epoch()
    new.revision_date = _epoch()
    new.fuzzy = False
    live = {_key(m): m for m in old if m.id and isinstance(m.id, str)}
    obsolete = {_key(m): m for m in old.obsolete.values() if isinstance(m.id, str)}
    wanted = [m for m in template if m.id and isinstance(m.id, str)]
    wanted_keys = {_key(m) for m in wanted}
    contexts = Counter(m.context for m in wanted)
    vanished = [m for k, m in live.items() if k not in wanted_keys and m.string]
    matched: dict[tuple[str, str], Message] = {}
    unmatched = [m for m in wanted if _key(m) not in live and _key(m) not in obsolete]
    pairs: list[tuple[float, int, int]] = []
    for i, new_msg in enumerate(unmatched):
        same_ctxt = [j for j, o in enumerate(vanished) if o.context == new_msg.context]
        for j in same_ctxt:
            ratio = _similarity(_id(new_msg), _id(vanished[j]))
            if ratio < FUZZY_CUTOFF and contexts[new_msg.context] == 1 and len(same_ctxt) == 1:
                ratio = FUZZY_CUTOFF  # the context names this one message: it was reworded
            if ratio >= FUZZY_CUTOFF:
                pairs.append((ratio, i, j))
    used_old: set[int] = set()
    for ratio, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        key = _key(unmatched[i])
        if key in matched or j in used_old:
            continue
        matched[key] = vanished[j]
        used_old.add(j)
    for tmsg in wanted:
        key = _key(tmsg)
        flags = set(tmsg.flags)
        string, user_comments, previous = "", [], []
        if key in live or key in obsolete:
            prior = live.get(key) or obsolete[key]
            string, user_comments = _string(prior), list(prior.user_comments)
            flags |= set(prior.flags)
            if prior.fuzzy and prior.previous_id and prior.previous_id[0] == _id(tmsg):
                flags.discard("fuzzy")  # the seed edit was undone: the translation was made for this very text
            elif prior.fuzzy:
                previous = list(prior.previous_id)
        elif key in matched:
            prior = matched[key]
            string, user_comments = _string(prior), list(prior.user_comments)
            flags |= set(prior.flags) | {"fuzzy"}
            previous = list(prior.previous_id) if prior.fuzzy and prior.previous_id else [_id(prior)]
            if previous[0] == _id(tmsg):  # the seed edit was undone: the translation was made for this very text
                flags.discard("fuzzy")
                previous = []
        if prefill and not string:
            string = _id(tmsg)
        flags -= _FORMAT_FLAGS - set(tmsg.flags)  # format flags come from the template only
        added = new.add(tmsg.id, string=string, locations=list(tmsg.locations), flags=sorted(flags),
                        auto_comments=list(tmsg.auto_comments), user_comments=user_comments,
                        previous_id=previous, context=tmsg.context)
        added.flags = set(flags)
    gone = [obsolete[k] for k in obsolete if k not in wanted_keys]
    gone += [m for j, m in enumerate(vanished) if j not in used_old]
    # A plural entry (msgid_plural, msgstr[N]) is never one of ours: one added by hand is kept, as an obsolete
    # entry, when it holds a translation (as a removed passage's is), never dropped without a trace.
    gone += [m for m in [*old, *old.obsolete.values()]
             if isinstance(m.id, (list, tuple)) and any(m.string if isinstance(m.string, (list, tuple)) else [m.string])]
    for message in gone:  # flags (fuzzy) and the previous msgid stay with an obsolete entry (msgmerge does the same)
        new.obsolete[_key(message)] = Message(message.id, message.string, user_comments=list(message.user_comments),
                                              flags=set(message.flags) - _FORMAT_FLAGS,
                                              previous_id=list(message.previous_id) if message.fuzzy else [],
                                              context=message.context)
    return new


def _update_file(path: Path, template: Catalog, lang: str, prefill: bool = False) -> bool:
    if path.exists():
        catalog = merge(read_catalog(path), template, prefill)
    else:
        catalog = merge(_new_catalog(lang), template, prefill)
    return write_if_changed(path, render_po(catalog))


def extract(article: Article, locales_dir: Path) -> bool:
    """Write ``locales/<slug>.pot`` for ``article``. Returns True if the file changed."""
    return write_if_changed(pot_path(locales_dir, article.slug), render_po(template_for(article)))


def update(article: Article, locales_dir: Path, lang: str) -> bool:
    """Merge the article's template into ``locales/<lang>/LC_MESSAGES/<slug>.po`` (see :func:`merge`).

    Creates the PO (all msgstr empty) when missing. Returns True if the file changed.
    Raises :class:`~explainer.errors.CatalogError` if the existing PO is malformed.
    """
    return _update_file(po_path(locales_dir, lang, article.slug), template_for(article), lang)


def extract_ui(locales_dir: Path) -> bool:
    """Write ``locales/ui.pot`` from :data:`explainer.translate.ui.MESSAGES`. Returns True if the file changed."""
    return write_if_changed(pot_path(locales_dir, UI_DOMAIN), render_po(ui_template()))


def update_ui(locales_dir: Path, lang: str) -> bool:
    """Merge the interface template into ``locales/<lang>/LC_MESSAGES/ui.po``. Returns True if it changed.

    The English catalog (the domain's source language) gets new entries pre-filled with their msgid.
    """
    return _update_file(ui_po_path(locales_dir, lang), ui_template(), lang, prefill=lang == UI_SOURCE_LANG)


def template_from_units(units: Iterable[tuple[Unit, str]]) -> Catalog:
    """A POT of ``(unit, source path)`` pairs, for catalogs that are not an article's (glossary, facts).

    Same message layout as :func:`template_for`: ``#: source_path:LINE`` and
    ``#. <segment id> <kind>`` on each message.
    """
    catalog = _new_catalog()
    for unit, source_path in units:
        existing = catalog.get(unit.msgid, context=unit.msgctxt)
        if existing is not None:
            existing.locations.append((source_path, unit.line))
            continue
        catalog.add(unit.msgid, string="", locations=[(source_path, unit.line)],
                    auto_comments=[f"{unit.segment_id} {unit.kind}"], context=unit.msgctxt)
    return catalog


def update_catalog(name: str, template: Catalog, locales_dir: Path, lang: str) -> bool:
    """Merge ``template`` into ``locales/<lang>/LC_MESSAGES/<name>.po`` (rules of :func:`merge`)."""
    return _update_file(po_path(locales_dir, lang, name), template, lang)


# -- renamed and deleted seeds -------------------------------------------------------------

#: A catalog no seed uses is taken as a renamed seed's when at least this share of the seed's
#: msgids are in it (current or obsolete entries), and it is the best such catalog.
RENAME_SHARE = 0.5


@dataclass(frozen=True)
class Orphan:
    """A catalog (``locales/<name>.pot`` or ``locales/<lang>/LC_MESSAGES/<name>.po``) whose name is no seed's slug.

    ``match`` is the current seed whose msgids it shares most (``shared`` of its ``total``
    msgids), or ``None`` when it shares none.
    """

    path: Path
    name: str
    match: str | None = None
    shared: int = 0
    total: int = 0


def catalog_msgids(path: Path) -> set[str]:
    """The msgids of a PO or POT file, current and obsolete (header excluded). Raises :class:`CatalogError`."""
    catalog = read_catalog(path)
    return {_id(m) for m in [*catalog, *catalog.obsolete.values()] if m.id and isinstance(m.id, str)}


def template_msgids(template: Catalog) -> set[str]:
    """The msgids of a template (a :func:`template_for` result)."""
    return {_id(m) for m in template if m.id and isinstance(m.id, str)}


def find_orphans(locales_dir: Path, slugs: Iterable[str], reserved: Iterable[str],
                 seed_msgids: dict[str, set[str]] | None = None) -> list[Orphan]:
    """Every catalog under ``locales_dir`` named after no slug of ``slugs`` nor a ``reserved`` domain.

    Input: the slugs that have a seed (a seed that failed to load counts: its file name), the
    layer domains (``ui``, ``facts``, ``glossary``) and optionally each current seed's msgids,
    to say which seed an orphan's messages match. Output: :class:`Orphan` rows, sorted by path.
    A catalog that cannot be read is still listed (``total`` 0).
    """
    known = set(slugs) | set(reserved)
    found = []
    for path in sorted([*locales_dir.glob("*.pot"), *locales_dir.glob("*/LC_MESSAGES/*.po")]):
        if path.stem in known:
            continue
        match, shared, total = None, 0, 0
        if seed_msgids:
            try:
                ids = catalog_msgids(path)
            except CatalogError:
                ids = set()
            total = len(ids)
            best = max(seed_msgids, key=lambda slug: (len(ids & seed_msgids[slug]), slug), default=None)
            if best is not None and ids & seed_msgids[best]:
                match, shared = best, len(ids & seed_msgids[best])
        found.append(Orphan(path, path.stem, match, shared, total))
    return found


def orphan_message(orphan: Orphan, root: Path) -> str:
    """One line on an orphan catalog and what to do; never advises deleting one whose msgids match a seed."""
    shown = orphan.path.relative_to(root).as_posix() if orphan.path.is_relative_to(root) else str(orphan.path)
    if orphan.match is not None:
        return (f"{shown}: no seed has the slug {orphan.name!r}, but {orphan.shared} of its {orphan.total} messages "
                f"are in the seed {orphan.match!r}: if that seed was renamed, run "
                f"'explainer rename {orphan.name} {orphan.match}' to keep its translations; keep the file until then")
    return (f"{shown}: no seed has the slug {orphan.name!r}: if its seed was renamed, run "
            f"'explainer rename {orphan.name} NEW-SLUG'; if the article was removed on purpose, delete the file")


def renamed_from(template: Catalog, candidates: Iterable[str], locales_dir: Path, lang: str) -> str | None:
    """The orphan catalog (a name from ``candidates``) that a seed with no catalog was renamed from, if any.

    Chosen by msgids: the candidate whose ``<lang>`` PO holds the most of the template's
    msgids, if that is at least :data:`RENAME_SHARE` of them.
    """
    wanted = template_msgids(template)
    best, best_shared = None, 0
    for name in sorted(candidates):
        path = po_path(locales_dir, lang, name)
        if not path.exists() or not wanted:
            continue
        try:
            shared = len(catalog_msgids(path) & wanted)
        except CatalogError:
            continue
        if shared > best_shared:
            best, best_shared = name, shared
    return best if best is not None and best_shared >= RENAME_SHARE * len(wanted) else None


def _with_context(catalog: Catalog, old: str, new: str) -> Catalog:
    """A copy of ``catalog`` whose msgctxt ``old`` (current and obsolete entries) reads ``new``."""
    result = Catalog(locale=catalog.locale, domain=catalog.domain, project=PROJECT, version="1", charset="UTF-8",
                     fuzzy=catalog.fuzzy, creation_date=_epoch(), revision_date=_epoch())
    result.header_comment = catalog.header_comment
    result.mime_headers = catalog.mime_headers
    result.fuzzy = catalog.fuzzy

    def renamed(message: Message) -> Message:
        copy = Message(message.id, message.string, locations=list(message.locations),
                       auto_comments=list(message.auto_comments), user_comments=list(message.user_comments),
                       previous_id=list(message.previous_id),
                       context=new if message.context == old else message.context)
        copy.flags = set(message.flags)  # only the file's flags (Babel guesses format flags from the text)
        return copy

    for message in catalog:
        if message.id:
            copy = renamed(message)
            result[copy.id] = copy
    for message in catalog.obsolete.values():
        copy = renamed(message)
        result.obsolete[_key(copy)] = copy
    return result


def rename_catalogs(locales_dir: Path, langs: Iterable[str], old: str, new: str,
                    shared_catalogs: Iterable[str] = ()) -> list[tuple[Path, Path | None]]:
    """Move the catalogs of slug ``old`` to ``new``, with their msgctxt; return ``(old path, new path)`` pairs.

    Every ``locales/<lang>/LC_MESSAGES/<old>.po`` is rewritten under ``<new>.po`` with msgctxt
    ``old`` -> ``new``; ``locales/<old>.pot`` is removed (``explainer update`` extracts
    ``<new>.pot``; its pair has ``None``); in each ``shared_catalogs`` PO (``facts``) the
    entries of context ``old`` get ``new``. All new files are written (atomically, each)
    before any old one is removed. Raises :class:`CatalogError` for an unreadable catalog
    and :class:`FileExistsError` when a ``<new>.po`` exists.
    """
    moves: list[tuple[Path, Path | None, bytes | None]] = []
    for lang in langs:
        source, target = po_path(locales_dir, lang, old), po_path(locales_dir, lang, new)
        if source.exists():
            if target.exists():
                raise FileExistsError(errno.EEXIST, "a catalog of the new slug exists already", str(target))
            moves.append((source, target, render_po(_with_context(read_catalog(source), old, new))))
        for name in shared_catalogs:
            shared = po_path(locales_dir, lang, name)
            if shared.exists():
                catalog = read_catalog(shared)
                if any(m.context == old for m in [*catalog, *catalog.obsolete.values()] if m.id):
                    moves.append((shared, shared, render_po(_with_context(catalog, old, new))))
    if pot_path(locales_dir, old).exists():
        moves.append((pot_path(locales_dir, old), None, None))
    for _from, to, content in moves:
        if to is not None and content is not None:
            atomic_write_bytes(to, content)
    for from_, to, _content in moves:
        if to != from_:
            from_.unlink(missing_ok=True)
    return [(from_, to) for from_, to, _content in moves if to != from_]


def orphan_warnings(root: Path, locales_dir: Path, articles: Iterable[Article], seed_stems: Iterable[str]) -> list[str]:
    """Warning lines for the catalogs no seed uses (:func:`find_orphans`, :func:`orphan_message`).

    Input: the project root (for shown paths), the locales folder, the loaded articles and the
    file names (stems) of every seed, loaded or not (a seed that failed to load keeps its
    catalogs). The articles' msgids are compared only when an orphan exists.
    """
    from explainer.render.facts import CATALOG as FACTS  # the layer modules import this one
    from explainer.render.glossary import CATALOG as GLOSSARY

    articles = list(articles)
    slugs = {article.slug for article in articles} | set(seed_stems)
    reserved = {UI_DOMAIN, FACTS, GLOSSARY}
    if not find_orphans(locales_dir, slugs, reserved):
        return []
    msgids = {article.slug: template_msgids(template_for(article)) for article in articles}
    return [orphan_message(orphan, root) for orphan in find_orphans(locales_dir, slugs, reserved, msgids)]
