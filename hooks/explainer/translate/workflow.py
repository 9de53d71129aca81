"""Catalog workflow on Babel: extract a POT per article (and one for the interface), merge it into each PO.

Follows ``msgmerge`` / ``pybabel update --previous`` semantics, with one
difference that keeps the rules exact:

* a msgid still present keeps its entry (translation, flags, translator comments);
* a msgid that changed is matched to the most similar *vanished* msgid of the
  same msgctxt (``difflib`` ratio >= 0.6, like Babel; for a msgctxt naming a
  single message, as in the ``ui`` domain, the vanished entry of that context
  whatever the ratio): it keeps the old msgstr, is marked ``fuzzy`` and
  records the previous msgid (``#|``, the one the translation was made for);
* a removed msgid becomes obsolete (``#~``) if it had a translation;
* a new msgid gets an empty msgstr.

Babel's ``Catalog.update`` also fuzzy-matches a *new* paragraph against any
translated one that is still present, giving it someone else's translation;
matching only vanished msgids avoids that. A file is rewritten only when
something other than its timestamps changes, so runs are reproducible.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import cast

from babel import Locale
from babel.messages.catalog import Catalog, Message

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
    """The msgid of a singular message (the only kind these catalogs hold; plural ones are filtered out first)."""
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
            if prior.fuzzy:
                previous = list(prior.previous_id)
        elif key in matched:
            prior = matched[key]
            string, user_comments = _string(prior), list(prior.user_comments)
            flags |= set(prior.flags) | {"fuzzy"}
            previous = list(prior.previous_id) if prior.fuzzy and prior.previous_id else [_id(prior)]
        if prefill and not string:
            string = _id(tmsg)
        flags -= _FORMAT_FLAGS - set(tmsg.flags)  # format flags come from the template only
        added = new.add(tmsg.id, string=string, locations=list(tmsg.locations), flags=sorted(flags),
                        auto_comments=list(tmsg.auto_comments), user_comments=user_comments,
                        previous_id=previous, context=tmsg.context)
        added.flags = set(flags)
    gone = [obsolete[k] for k in obsolete if k not in wanted_keys]
    gone += [m for j, m in enumerate(vanished) if j not in used_old]
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
