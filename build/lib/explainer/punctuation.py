"""Spacing repairs around punctuation, leaving URLs, e-mails, numbers and names alone.

Rules (applied outside protected spans only):

* no space before ``. , ، ؛ ؟ ! : ; ?`` (``منافسوهم .`` -> ``منافسوهم.``), unless a
  digit follows the mark (``about .5``);
* one space after those marks when an Arabic letter follows directly
  (``DeepSeek.في`` -> ``DeepSeek. في``); a Latin letter or digit after a dot is
  left alone (``example.com``, ``12.5``, ``U.S.``);
* runs of spaces become one space.

Protected spans: URLs, e-mail addresses and clock times (``10:30``).
"""

from __future__ import annotations

import re

_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_MARKS = ".,\u060c\u061b\u061f!:;?"  # . , ، ؛ ؟ ! : ; ?

PROTECTED_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?\u060c\u061b\u061f)]"  # URL, without trailing mark
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # e-mail address
    r"|\b\d{1,2}:\d{2}\b",  # clock time
)
_SPACE_BEFORE_RE = re.compile(rf"(?<=\S) +([{re.escape(_MARKS)}]+)(?!\d)")
_NO_SPACE_AFTER_RE = re.compile(rf"([{re.escape(_MARKS)}])(?=[{_ARABIC_LETTER}])")
_MULTI_SPACE_RE = re.compile(r" {2,}")


def _fix_free_text(text: str) -> str:
    text = _SPACE_BEFORE_RE.sub(r"\1", text)
    text = _NO_SPACE_AFTER_RE.sub(r"\1 ", text)
    return _MULTI_SPACE_RE.sub(" ", text)


def fix_spacing(text: str) -> str:
    """Repair spacing around punctuation in one line of text.

    Input: a single line (no ``\\n``). Output: the repaired line, stripped.
    Words and their order never change; only U+0020 spaces are removed or
    inserted next to punctuation.

    >>> fix_spacing("مثل DeepSeek.في 20 يناير")
    'مثل DeepSeek. في 20 يناير'
    >>> fix_spacing("منافسوهم .")
    'منافسوهم.'
    >>> fix_spacing("راجع https://example.com/a.b ثم 12.5 و10:30")
    'راجع https://example.com/a.b ثم 12.5 و10:30'
    """
    pieces: list[str] = []
    last = 0
    for match in PROTECTED_RE.finditer(text):
        pieces.append(_fix_free_text(text[last:match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_fix_free_text(text[last:]))
    return _MULTI_SPACE_RE.sub(" ", "".join(pieces)).strip()
