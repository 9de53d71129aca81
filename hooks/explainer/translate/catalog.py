"""Stage 4: gettext PO catalogs (read and written with Babel) -> translations.

Layout (GNU gettext / Babel convention)::

    locales/<slug>.pot                      template, made from the seed
    locales/<lang>/LC_MESSAGES/<slug>.po    one catalog per article and language
    locales/ui.pot, locales/<lang>/LC_MESSAGES/ui.po   the interface (see :mod:`explainer.translate.ui`)

A translation is *current* only when its msgstr is non-empty and the entry is
not marked ``fuzzy`` (gettext semantics: fuzzy entries are not used by msgfmt).

Babel's reader is lenient in ways that would let a broken file through
(an unterminated string, a duplicate message, an unknown escape) and it turns
previous-msgid lines (``#|``) into translator comments. :func:`scan_po` is a
strict line scanner run first: it reports the first problem with its line and
collects the ``#|`` lines, which :func:`read_catalog` restores as
``Message.previous_id`` so a read/write round trip keeps them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, unescape

from explainer.errors import CatalogError
from explainer.translate.ui import UiStrings, message_for, ui_po_path


@dataclass(frozen=True)
class Translation:
    """The msgstr of one message and whether gettext would consider it stale."""

    text: str
    fuzzy: bool


Translations = dict[tuple[str, str], Translation]

_HINT = "Fix the entry (msgfmt --check shows it too), or restore the file from git and run 'explainer update'."
_STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # unrolled loop: one pass, no per-character alternation
_ESCAPE_RE = re.compile(r"\\(.)")
_VALID_ESCAPES = set('\\"abfnrtv')
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_KEYWORD_RE = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d+)\])(?:\s+(.*))?$")


def po_path(locales_dir: Path, lang: str, slug: str) -> Path:
    """Path of the PO catalog of article ``slug`` in language ``lang``."""
    return locales_dir / lang / "LC_MESSAGES" / f"{slug}.po"


@dataclass
class _Entry:
    line: int                       # 1-based line of the first keyword (msgctxt or msgid)
    obsolete: bool
    parts: dict[str, list[str]] = field(default_factory=dict)  # keyword -> raw string literals
    order: list[str] = field(default_factory=list)
    previous: dict[str, list[str]] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()  # from the "#," line before the entry (fuzzy, python-format...)

    def value(self, keyword: str, source: dict[str, list[str]] | None = None) -> str | None:
        raw = (self.parts if source is None else source).get(keyword)
        return None if raw is None else "".join(unescape(s) for s in raw)


@dataclass(frozen=True)
class PoScan:
    """What :func:`scan_po` learned: previous msgids by ``(msgctxt, msgid)``, and the text for Babel.

    ``babel_text`` is the input with ``#|`` / ``#~|`` lines blanked (same line
    numbers), since Babel's reader misreads them.
    """

    previous: dict[tuple[str, str], str]
    babel_text: str
    translations: Translations = field(default_factory=dict)  # current entries: (msgctxt, msgid) -> msgstr, fuzzy
    obsolete_previous: dict[tuple[str, str], str] = field(default_factory=dict)  # "#~|" msgids of obsolete entries


def _string_literal(text: str, shown: str, lineno: int) -> str:
    """Check that ``text`` is exactly one well-formed PO string literal; return it."""
    text = text.strip()
    if not text.startswith('"'):
        raise CatalogError(shown, lineno, f"malformed PO file: expected a quoted string, found {text[:40]!r}", _HINT)
    match = _STRING_RE.match(text)
    if match is None:
        raise CatalogError(shown, lineno, "malformed PO file: unterminated string (a closing '\"' is missing)", _HINT)
    if match.end() != len(text):
        raise CatalogError(shown, lineno, f"malformed PO file: unexpected text after the string: {text[match.end():][:40]!r}",
                           "Inside a string, write a quote as \\\" and a backslash as \\\\.")
    for escape in _ESCAPE_RE.finditer(text[1:-1]) if "\\" in text else ():
        if escape.group(1) not in _VALID_ESCAPES and not escape.group(1).isdigit():
            raise CatalogError(shown, lineno, f"malformed PO file: invalid escape sequence '\\{escape.group(1)}'",
                               "Valid escapes: \\n \\t \\\" \\\\ (write a literal backslash as \\\\).")
    return text


def scan_po(text: str, shown: str) -> PoScan:
    """Check the PO syntax of ``text`` line by line (GNU gettext PO format).

    Input: the decoded file text and the path to show in messages.
    Output: a :class:`PoScan`. Raises :class:`CatalogError` naming the 1-based
    line for: an unknown keyword, a string that is unterminated, has trailing
    text or an invalid escape, a continuation string outside an entry, a msgid
    without msgstr (or the reverse), plural forms used inconsistently, and a
    message (same msgctxt and msgid) defined twice.
    """
    entries: list[_Entry] = []
    current: _Entry | None = None
    last_keyword: str | None = None     # keyword the next continuation string belongs to
    pending_previous: dict[str, list[str]] = {}
    previous_keyword: str | None = None
    pending_flags: frozenset[str] = frozenset()
    babel_lines: list[str] = []

    def close(lineno: int) -> None:
        nonlocal current, last_keyword
        if current is not None:
            if "msgid" not in current.parts:
                raise CatalogError(shown, current.line, "malformed PO file: msgctxt without a msgid", _HINT)
            if not any(k.startswith("msgstr") for k in current.parts):
                raise CatalogError(shown, current.line, "malformed PO file: msgid without a msgstr",
                                   "Every msgid needs a msgstr line (msgstr \"\" when untranslated).")
            plural = "msgid_plural" in current.parts
            if plural and "msgstr" in current.parts:
                raise CatalogError(shown, current.line, "malformed PO file: a plural message needs msgstr[0], msgstr[1]...", _HINT)
            if not plural and any(k.startswith("msgstr[") for k in current.parts):
                raise CatalogError(shown, current.line, "malformed PO file: msgstr[N] without msgid_plural", _HINT)
            entries.append(current)
        current = None
        last_keyword = None

    lines = text.splitlines()
    for index, raw_line in enumerate(lines):
        lineno = index + 1
        line = raw_line.strip()
        babel_line = raw_line
        obsolete = line.startswith("#~")
        body = line[2:].strip() if obsolete else line
        if line.startswith("#|") or (obsolete and body.startswith("|")):
            babel_line = ""
            prev = body[1:].strip() if obsolete else line[2:].strip()
            if current is not None and any(k.startswith("msgstr") for k in current.parts):
                close(lineno)
            if prev.startswith('"') and previous_keyword:
                pending_previous[previous_keyword].append(_string_literal(prev, shown, lineno))
            else:
                match = _KEYWORD_RE.match(prev)
                if match is None or match.group(1) not in ("msgctxt", "msgid", "msgid_plural") or match.group(3) is None:
                    raise CatalogError(shown, lineno, f"malformed PO file: bad previous-message line {line[:40]!r}",
                                       "Previous-message lines look like '#| msgid \"...\"'; delete the line if unsure.")
                previous_keyword = match.group(1)
                pending_previous[previous_keyword] = [_string_literal(match.group(3), shown, lineno)]
        elif not line or (line.startswith("#") and not obsolete):
            if line.startswith("#-"):
                raise CatalogError(shown, lineno, "malformed PO file: merge conflict markers ('#-#-#-#-#')",
                                   "Resolve the conflicting translations by hand (msgcat output), then delete the markers.")
            if not line and current is not None and any(k.startswith("msgstr") for k in current.parts):
                close(lineno)   # a blank line ends a complete entry
            elif line and current is not None:
                if not any(k.startswith("msgstr") for k in current.parts):
                    raise CatalogError(shown, current.line, "malformed PO file: msgid without a msgstr",
                                       "Every msgid needs a msgstr line (msgstr \"\" when untranslated).")
                close(lineno)
            if line.startswith("#,"):  # flags of the next entry (Babel's reader joins every "#," line)
                pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif obsolete and not body:
            pass
        elif body.startswith('"'):
            if current is None or last_keyword is None:
                raise CatalogError(shown, lineno, "malformed PO file: a string line outside any msgid, msgstr or msgctxt",
                                   "Continuation lines must follow a msgid, msgstr or msgctxt line.")
            current.parts[last_keyword].append(_string_literal(body, shown, lineno))
        else:
            match = _KEYWORD_RE.match(body)
            if match is None:
                word = body.split(None, 1)[0] if body.split() else body
                raise CatalogError(shown, lineno, f"malformed PO file: unknown keyword {word[:30]!r}",
                                   "Lines must start with msgctxt, msgid, msgid_plural, msgstr, '\"' or '#'.")
            keyword, argument = match.group(1), match.group(3)
            if argument is None:
                raise CatalogError(shown, lineno, f"malformed PO file: {keyword} without a string", _HINT)
            literal = _string_literal(argument, shown, lineno)
            if keyword in ("msgctxt", "msgid"):
                if current is not None and (keyword in current.parts or "msgid" in current.parts
                                            or any(k.startswith("msgstr") for k in current.parts)):
                    if not any(k.startswith("msgstr") for k in current.parts):
                        raise CatalogError(shown, current.line, "malformed PO file: msgid without a msgstr",
                                           "Every msgid needs a msgstr line (msgstr \"\" when untranslated).")
                    close(lineno)
                if current is None:
                    current = _Entry(lineno, obsolete, previous=pending_previous, flags=pending_flags)
                    pending_previous, previous_keyword, pending_flags = {}, None, frozenset()
            elif current is None or "msgid" not in current.parts:
                raise CatalogError(shown, lineno, f"malformed PO file: {keyword} without a msgid before it", _HINT)
            elif keyword == "msgid_plural" and ("msgid_plural" in current.parts or current.order[-1] != "msgid"):
                raise CatalogError(shown, lineno, "malformed PO file: misplaced msgid_plural", _HINT)
            elif keyword in current.parts:
                raise CatalogError(shown, lineno, f"malformed PO file: {keyword} given twice in one entry", _HINT)
            current.parts[keyword] = [literal]
            current.order.append(keyword)
            last_keyword = keyword
        babel_lines.append(babel_line)
    if current is not None:
        close(len(lines))

    seen: dict[tuple[str | None, str], int] = {}
    previous: dict[tuple[str, str], str] = {}
    translations: Translations = {}
    obsolete_previous: dict[tuple[str, str], str] = {}
    for entry in entries:
        if entry.obsolete:
            old = entry.value("msgid", entry.previous)
            if old is not None:
                obsolete_previous[(entry.value("msgctxt") or "", entry.value("msgid") or "")] = old
            continue
        key = (entry.value("msgctxt"), entry.value("msgid") or "")
        if key in seen:
            ctxt = f" (msgctxt {key[0]!r})" if key[0] is not None else ""
            msgid = key[1] if len(key[1]) <= 80 else key[1][:79] + "…"
            raise CatalogError(shown, entry.line, f"malformed PO file: duplicate message{ctxt}: msgid {msgid!r} "
                               f"is already defined on line {seen[key]}",
                               "Keep one of the two entries (msgfmt rejects duplicates).")
        seen[key] = entry.line
        _check_newlines(entry, key[1], shown)
        _check_placeholders(entry, key[1], shown)
        old = entry.value("msgid", entry.previous)
        if old is not None:
            previous[(key[0] or "", key[1])] = old
        msgstr = entry.value("msgstr")  # None for plural entries (msgstr[N])
        if key[1] and msgstr:
            translations[(key[0] or "", key[1])] = Translation(msgstr, "fuzzy" in entry.flags)
    return PoScan(previous, "\n".join(babel_lines) + "\n", translations, obsolete_previous)


def _check_newlines(entry: _Entry, msgid: str, shown: str) -> None:
    """gettext rule (``msgfmt --check``): msgid and a non-empty msgstr both begin, and both end, with ``\\n`` or neither."""
    if not msgid:
        return
    for keyword in entry.order:
        string = entry.value(keyword) if keyword.startswith("msgstr") else None
        if not string:
            continue
        for where, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(msgid, "\n") != test(string, "\n"):
                raise CatalogError(shown, entry.line, f"malformed PO file: msgid and {keyword} must both {where} "
                                   "with '\\n' or neither", "Add or remove the '\\n' in the msgstr (msgfmt --check).")


def _check_placeholders(entry: _Entry, msgid: str, shown: str) -> None:
    """A current ``python-brace-format`` msgstr uses the same ``{name}`` placeholders as its msgid."""
    if "python-brace-format" not in entry.flags or "fuzzy" in entry.flags:
        return
    wanted = set(_PLACEHOLDER_RE.findall(msgid))
    for keyword in entry.order:
        string = entry.value(keyword) if keyword.startswith("msgstr") else None
        if string and set(_PLACEHOLDER_RE.findall(string)) != wanted:
            raise CatalogError(shown, entry.line, f"malformed PO file: the msgstr must use the placeholders of "
                               f"the msgid ({', '.join(sorted(wanted)) or 'none'})",
                               "Keep each {name} as in the msgid; translate the words around it.")


def _scan_bytes(data: bytes, shown: str) -> PoScan:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data[:exc.start].count(b"\n") + 1
        raise CatalogError(shown, lineno, f"cannot decode the PO file: byte 0x{data[exc.start]:02x} is not valid UTF-8",
                           "PO files must be UTF-8 with 'Content-Type: text/plain; charset=UTF-8'.") from None
    text = text.removeprefix("\ufeff")
    if control := _CONTROL_RE.search(text):
        lineno = text.count("\n", 0, control.start()) + 1
        raise CatalogError(shown, lineno, f"malformed PO file: control character U+{ord(control.group()):04X} in the text",
                           "Delete it (PO text may contain tabs and newlines only, written as \\t and \\n).")
    return scan_po(text, shown)


def read_catalog(path: Path, display_path: str | None = None) -> Catalog:
    """Read a PO file strictly: :func:`scan_po`, then Babel's ``read_po(abort_invalid=True)``.

    Input: the file path. Output: a Babel ``Catalog`` whose messages keep their
    previous msgid (``#|``) in ``previous_id``. Raises :class:`CatalogError`
    naming the file and line for syntax errors, bad encoding or a file Babel
    cannot read.
    """
    shown = display_path or str(path)
    scan = _scan_bytes(path.read_bytes(), shown)
    catalog = _babel_read(scan.babel_text, shown)
    for message in catalog:
        if message.id and isinstance(message.id, str):
            old = scan.previous.get((message.context or "", message.id))
            if old is not None:
                message.previous_id = [old]
    for message in catalog.obsolete.values():  # obsolete entries keep their flags (Babel) and "#~|" msgid (here)
        if isinstance(message.id, str) and (old := scan.obsolete_previous.get((message.context or "", message.id))):
            message.previous_id = [old]
    return catalog


def _babel_read(babel_text: str, shown: str) -> Catalog:
    try:
        return read_po(babel_text.splitlines(keepends=True), abort_invalid=True)
    except PoFileError as exc:
        problem = exc.args[0].rsplit(" on ", 1)[0] if exc.args else "syntax error"
        raise CatalogError(shown, exc.lineno + 1, f"malformed PO file: {problem}: {exc.line.strip()!r}", _HINT) from None
    except (ValueError, LookupError) as exc:
        lines = babel_text.splitlines()
        header_line = next((i + 1 for i, line in enumerate(lines) if "Plural-Forms:" in line),
                           next((i + 1 for i, line in enumerate(lines) if "charset=" in line), 1))
        raise CatalogError(shown, header_line, f"malformed PO file header: {exc}",
                           "Check the header's Plural-Forms and Content-Type lines "
                           "('Content-Type: text/plain; charset=UTF-8'), or copy them from another catalog.") from None


def load_translations(path: Path, display_path: str | None = None) -> Translations:
    """Load the translations of one PO file, keyed by ``(msgctxt, msgid)``.

    A missing file gives an empty dict (nothing translated); otherwise see
    :func:`translations_from_bytes`. Raises :class:`CatalogError` as
    :func:`read_catalog` does.
    """
    if not path.exists():
        return {}
    return translations_from_bytes(path.read_bytes(), display_path or str(path))


def translations_from_bytes(data: bytes, shown: str) -> Translations:
    """The translations of a PO file's bytes, keyed by ``(msgctxt, msgid)``.

    Output: entries with an empty msgstr are left out, fuzzy ones kept with
    ``fuzzy=True``; each msgstr is normalized like seed text (see ``_clean``).
    ``shown`` is the path to name in errors. Raises :class:`CatalogError` as
    :func:`read_catalog` does.

    The translations come from the strict scan (:func:`scan_po`, which already
    parses every entry); Babel reads only the header block, so a catalog is
    parsed once, not twice (1,000 catalogs a build).
    """
    scan = _scan_bytes(data, shown)  # the strict scan collects the translations; Babel then reads
    _check_header(scan.babel_text.split("\n\n", 1)[0] + "\n", shown)
    return {key: _clean(value) for key, value in scan.translations.items()}


@functools.lru_cache(maxsize=64)  # the catalogs of one project share a few header blocks
def _header_accepted(header: str) -> bool:
    _babel_read(header, "")
    return True


def _check_header(header: str, shown: str) -> None:
    """Babel reads the header block (its fields: charset, plural forms); raises :class:`CatalogError` naming ``shown``."""
    try:
        _header_accepted(header)
    except CatalogError:
        _babel_read(header, shown)  # again, for the message naming this file


def _clean(translation: Translation) -> Translation:
    """A msgstr gets the seed's normalization (:func:`explainer.ingest.decode.normalize_text`):
    NFC, and no bidi overrides or zero-width characters, which would reorder or
    hide text on the page (an RLO in a msgstr reverses the rest of its line)."""
    from explainer.ingest.decode import normalize_text

    text = normalize_text(translation.text)
    return translation if text == translation.text else Translation(text, translation.fuzzy)


def load_ui_strings(locales_dir: Path, langs: Sequence[str], display: Callable[[Path], str] = str) -> UiStrings:
    """Read the interface catalogs ``locales/<lang>/LC_MESSAGES/ui.po`` of every language.

    A missing file means nothing translated; see :func:`ui_strings` for the output.
    ``display`` maps a path to the text shown in errors. Raises :class:`CatalogError`
    for a malformed file.
    """
    return ui_strings({lang: load_translations(ui_po_path(locales_dir, lang), display(ui_po_path(locales_dir, lang)))
                       for lang in langs})


def ui_strings(catalogs: Mapping[str, Translations]) -> UiStrings:
    """The interface strings from each language's ``ui`` catalog translations.

    Output: a :class:`~explainer.translate.ui.UiStrings` holding the current (non-empty,
    non-fuzzy) translations whose msgctxt names a registered key and whose msgid is
    that key's current English source.
    """
    found: dict[tuple[str, str], str] = {}
    fuzzy: set[tuple[str, str]] = set()
    for lang, translations in catalogs.items():
        for (key, msgid), translation in translations.items():
            try:
                source = message_for(key).source
            except KeyError:
                continue
            if msgid == source and not translation.fuzzy:
                found[(lang, key)] = translation.text
            else:
                fuzzy.add((lang, key))
    return UiStrings(found, frozenset(fuzzy))


__all__ = [
    "Translation",
    "Translations",
    "load_translations",
    "load_ui_strings",
    "po_path",
    "read_catalog",
    "scan_po",
    "translations_from_bytes",
    "ui_strings",
]
