"""Write PO and POT files in the layout GNU gettext's own tools write (``msgcat``, ``msgmerge``).

Babel reads catalogs correctly but writes them differently from gettext: it wraps at 76
columns with Python's :mod:`textwrap`, breaks before spaces, wraps comments and forgets the
flags and previous msgids of obsolete entries. A catalog that went through Poedit, Weblate
or ``msgcat`` would then come back rewritten on every ``explainer update``. This module
writes what gettext writes, so ``msgcat FILE -o OUT`` leaves every file byte-identical.

The layout follows the GNU gettext manual, section 3 "The Format of PO Files"
(https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html) and the writer of
gettext-tools (``write-po.c``, ``wrap()``), version 0.21:

* an entry is, in this order: translator comments ``# ``, extracted comments ``#. ``,
  references ``#:`` (as many ``file:line`` as fit in 79 columns per line), flags ``#,``
  (``fuzzy`` first), the previous message ``#| msgctxt`` / ``#| msgid``, then ``msgctxt``,
  ``msgid``, ``msgstr``; entries are separated by one blank line, none after the last;
* an obsolete entry keeps its comments and flags; its previous message is ``#~| ...`` and
  its keywords ``#~ msgctxt``, ``#~ msgid``, ``#~ msgstr``;
* a string is cut after each ``\\n`` it contains; a string with text after a ``\\n``, or
  too long for its line, starts with ``""`` on the keyword's line; each line holds at most
  79 columns including the quotes; a long line breaks at the last line-break opportunity
  that fits, the space staying at the end of the line (Unicode line breaking, UAX #14, as
  libunistring implements it: the table below was measured against ``msgcat`` 0.21 for one
  representative of each class, see ``tests/test_po_gettext.py``);
* columns are display columns: combining marks (Arabic harakat) and format characters
  take none, wide characters two; the escapes ``\\"`` ``\\\\`` ``\\n`` ``\\t`` take two and
  are never split.

Entry point: :func:`render_catalog` (a Babel ``Catalog`` -> bytes).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from babel.messages.catalog import Catalog, Message

PAGE_WIDTH = 79

# Line-breaking classes (UAX #14 names; "DQ" is the escaped double quote, "EL" the ellipsis,
# "TB" a tab or another escaped control character).
_CLASSES = ["AL", "NU", "HY", "BA", "B2", "IS", "EX", "OP", "CP", "QU", "PR", "GL", "DQ", "EL", "CM", "CL", "ZW", "TB"]
# _PAIRS[before][after]: D a break is possible even without a space, I only after a space,
# P never. Rows: class of the last character before the spaces; columns: the next one.
# Measured with msgcat 0.21 ("x" * 70 + WJ + A + [" "] + B + WJ + "y" * 70 for each pair).
_PAIRS_ROWS = (
    "IIIIDPPIPIIIIIIPPI",  # AL
    "IIIIDPPIPIIIIIIPPI",  # NU
    "DIIIDPPDPIDDDIIPPD",  # HY
    "DDIIDPPDPIDDDIIPPD",  # BA
    "DDIIPPPDPIDIDIIPPD",  # B2
    "DIIIDPPDPIDIDIIPPD",  # IS
    "DDIIDPPDPIDIDIIPPD",  # EX
    "PPPPPPPPPPPPPPIPPP",  # OP
    "IIIIDPPDPIIIIIIPPI",  # CP
    "IIIIIPPPPIIIIIIPPI",  # QU
    "IIIIDPPIPIDIDIIPPD",  # PR
    "IIIIIPPIPIIIIIIPPI",  # GL
    "IIIIIPPPPIIIIIIPPI",  # DQ
    "DDIIDPPDPIDIDIIPPD",  # EL
    "IIIIIPPIPIIIIIIPPI",  # CM
    "DDIIDPPDPIIIIIIPPI",  # CL
    "DDDDDDDDDDDDDDDDPD",  # ZW
    "IIIIDPPIPIIIIIIPPI",  # TB
)
_PAIRS = {row: dict(zip(_CLASSES, _PAIRS_ROWS[i], strict=True)) for i, row in enumerate(_CLASSES)}

_EXPLICIT = {
    " ": "SP", "-": "HY", '"': "DQ", "'": "QU", "\\": "PR", "/": "IS", "|": "BA", "\t": "TB", "\r": "TB",
    ",": "IS", ".": "IS", ":": "IS", ";": "IS", "\u060c": "IS",
    "!": "EX", "?": "EX", "\u061f": "EX", "\u061b": "EX", "\u06d4": "EX", "\u2014": "B2", "\u2026": "EL",
    "(": "OP", "[": "OP", "{": "OP", "\u201e": "OP", ")": "CP", "]": "CP", "}": "CL",
    "$": "PR", "+": "PR", "\u20ac": "PR", "%": "PR", "\u066a": "PR", "\u2030": "PR", "\u00b0": "PR",
    "\u00a0": "GL", "\u2011": "GL", "\u202f": "GL", "\u2007": "GL", "\u2060": "GL", "\ufeff": "GL",
    "\u200b": "ZW", "\u00ad": "BA", "\u2010": "BA", "\u2013": "BA",
}
_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
            "\\": "\\\\", '"': '\\"'}
_FLAG_ORDER = ("fuzzy", "c-format", "python-format", "python-brace-format")


def _line_class(char: str) -> str:
    """The UAX #14 class of ``char`` (reduced to the classes of :data:`_CLASSES` plus ``SP``)."""
    if (cls := _EXPLICIT.get(char)) is not None:
        return cls
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Mc", "Cf"):
        return "CM"
    if category == "Nd":
        return "NU"
    if category == "Zs":
        return "BA"   # em space, thin space...: break after, as msgcat does
    if category == "Ps":
        return "OP"
    if category == "Pe":
        return "CL"
    if category in ("Pi", "Pf"):
        return "QU"
    if category == "Pd":
        return "BA"
    if category == "Sc":
        return "PR"
    return "AL"


def _width(char: str) -> int:
    """Display columns of ``char`` (wcwidth rules as libunistring's ``uc_width``)."""
    if char in _ESCAPES:
        return 2
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") and char != "\u00ad":
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def _breaks(portion: str) -> list[bool]:
    """For each character of ``portion``: may the line break before it (UAX #14 pair table)?"""
    result = [False] * len(portion)
    last: str | None = None
    seen_space = False
    for index, char in enumerate(portion):
        cls = _line_class(char)
        if cls == "SP":
            seen_space = True
            continue
        if cls == "CM":
            if last is not None and not seen_space:
                continue        # a combining mark belongs to the character before it
            result[index] = last is not None   # after a space it starts a word (msgcat breaks before it)
            last, seen_space = "AL", False
            continue
        if last is not None:
            entry = _PAIRS[last][cls]
            result[index] = entry == "D" or (entry == "I" and seen_space)
        last, seen_space = cls, False
    return result


def _fit(portion: str, breaks: list[bool], width: int, start: int) -> list[int]:
    """Indexes where the lines of ``portion`` start after the first (libunistring ``u8_width_linebreaks``)."""
    cuts: list[int] = []
    last_break: int | None = None
    last_column = start
    piece = 0
    for index, char in enumerate(portion):
        if breaks[index]:
            if last_break is not None and last_column + piece > width:
                cuts.append(last_break)
                last_column = 0
            last_break = index
            last_column += piece
            piece = 0
        piece += _width(char)
    if last_break is not None and last_column + piece > width:
        cuts.append(last_break)
    return cuts


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def wrap_string(keyword: str, value: str, prefix: str = "", page_width: int = PAGE_WIDTH) -> list[str]:
    """The lines gettext writes for ``keyword "value"`` (e.g. ``msgid``), each starting with ``prefix``.

    Input: the keyword, the unescaped string, a line prefix (``""``, ``"#~ "``, ``"#| "``
    or ``"#~| "``). Output: lines without newline characters.
    """
    width = page_width - 1 - (len(prefix) + 1)   # room for both quotes
    lines: list[str] = []
    portions: list[str] = []
    rest = value
    while True:
        cut = rest.find("\n")
        if cut < 0:
            portions.append(rest)
            break
        portions.append(rest[:cut + 1])
        rest = rest[cut + 1:]
        if not rest:
            break
    first = True
    for number, portion in enumerate(portions):
        breaks = _breaks(portion)
        if portion.endswith("\n"):
            breaks[-1] = False
        start = len(keyword) + 1 if first else 0
        cuts = _fit(portion, breaks, width, start)
        if first and portion and (number + 1 < len(portions) or start > width or cuts):
            lines.append(f'{prefix}{keyword} ""')
            first = False
            cuts = _fit(portion, breaks, width, 0)
        bounds = [0, *cuts, len(portion)]
        for index in range(len(bounds) - 1):
            text = _escape(portion[bounds[index]:bounds[index + 1]])
            head = f"{keyword} " if first and index == 0 else ""
            lines.append(f'{prefix}{head}"{text}"')
        first = False
    return lines


def _references(locations: Iterable[tuple[str, int | None]], page_width: int = PAGE_WIDTH) -> list[str]:
    """``#:`` lines: ``file:line`` references, as many per line as fit (gettext's layout)."""
    lines: list[str] = []
    current = "#:"
    for filename, lineno in locations:
        ref = f"{filename}:{lineno}" if lineno is not None else filename
        if len(current) > 2 and len(current) + 1 + len(ref) > page_width:
            lines.append(current)
            current = "#:"
        current += " " + ref
    if len(current) > 2:
        lines.append(current)
    return lines


def _flags(flags: Iterable[str]) -> list[str]:
    known = [flag for flag in _FLAG_ORDER if flag in flags]
    others = sorted(set(flags) - set(_FLAG_ORDER))
    return [f"#, {', '.join(known + others)}"] if known or others else []


def _comments(message: Message, obsolete: bool) -> list[str]:
    lines = [f"# {c}".rstrip() if c else "#" for comment in message.user_comments for c in comment.split("\n")]
    if not obsolete:
        lines += [f"#. {c}".rstrip() for comment in message.auto_comments for c in comment.split("\n")]
        lines += _references(message.locations)
    lines += _flags(message.flags)
    previous = [p for p in (message.previous_id or ()) if p]
    if previous:
        lines += wrap_string("msgid", previous[0], "#~| " if obsolete else "#| ")
    return lines


def _entry(message: Message, obsolete: bool = False) -> list[str]:
    prefix = "#~ " if obsolete else ""
    lines = _comments(message, obsolete)
    if message.context is not None:
        lines += wrap_string("msgctxt", message.context, prefix)
    if isinstance(message.id, (list, tuple)):
        lines += wrap_string("msgid", message.id[0], prefix)
        lines += wrap_string("msgid_plural", message.id[1], prefix)
        strings: Sequence[str] = message.string if isinstance(message.string, (list, tuple)) else [message.string or ""]
        for index, string in enumerate(strings):
            lines += wrap_string(f"msgstr[{index}]", string or "", prefix)
    else:
        lines += wrap_string("msgid", message.id, prefix)
        lines += wrap_string("msgstr", str(message.string or ""), prefix)
    return lines


def header_text(catalog: Catalog) -> str:
    """The header entry's msgstr: one ``Field: value\\n`` per MIME header of ``catalog``, charset ``UTF-8``."""
    fields = []
    for name, value in catalog.mime_headers:
        if name.lower() == "content-type":
            value = "text/plain; charset=UTF-8"
        fields.append(f"{name}: {value.rstrip()}\n")  # Babel keeps a newline in its Generated-By value
    return "".join(fields)


def render_catalog(catalog: Catalog) -> bytes:
    """Serialize ``catalog`` as gettext writes it (UTF-8 bytes).

    Input: a Babel ``Catalog``; its header comment and MIME headers (``Catalog.mime_headers``),
    the header's ``fuzzy`` flag (templates), its messages in order with ``previous_id`` (the
    ``#|`` msgid), then ``catalog.obsolete`` (flags and previous msgid kept). Output: the
    file's bytes; ``msgcat`` writes the same bytes back.
    """
    blocks: list[list[str]] = []
    header = [line.rstrip() for line in (catalog.header_comment or "").splitlines()]
    if catalog.fuzzy:
        header.append("#, fuzzy")
    header += wrap_string("msgid", "") + wrap_string("msgstr", header_text(catalog))
    blocks.append(header)
    for message in catalog:
        if message.id:
            blocks.append(_entry(message))
    for message in catalog.obsolete.values():
        blocks.append(_entry(message, obsolete=True))
    return ("\n\n".join("\n".join(block) for block in blocks) + "\n").encode("utf-8")


__all__ = ["PAGE_WIDTH", "header_text", "render_catalog", "wrap_string"]
