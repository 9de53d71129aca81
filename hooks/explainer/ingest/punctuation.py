"""Spacing repairs around punctuation, leaving URLs, e-mails, numbers and names alone.

Rules (applied outside protected spans only):

* no space before ``. , ، ؛ ؟ ! : ; ?`` (``منافسوهم .`` -> ``منافسوهم.``) when the
  mark ends the text or is followed by a space, a closing quote or bracket, or an
  Arabic letter; never before ``.5`` or ``.com``;
* one space after those marks when an Arabic letter follows directly
  (``DeepSeek.في`` -> ``DeepSeek. في``); a Latin letter or digit after a dot is
  left alone (``example.com``, ``12.5``, ``U.S.``), and so is a dot after a lone
  Arabic letter (abbreviations: ``ص.ب``, ``ق.م``);
* runs of spaces become one space.

Protected spans: URLs, e-mail addresses and clock times (``10:30``). They are
hidden behind private-use placeholder characters while the rules run; the
placeholders are chosen among code points the text does not contain, so a seed
that itself holds private-use characters (U+E000...) comes through unchanged.
"""

from __future__ import annotations

import re

from explainer.text import ARABIC_LETTERS

_ARABIC_LETTER = ARABIC_LETTERS
_MARKS = ".,\u060c\u061b\u061f!:;?"  # . , ، ؛ ؟ ! : ; ?

PROTECTED_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?\u060c\u061b\u061f)]"  # URL, without trailing mark
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # e-mail address
    r"|\b\d{1,2}:\d{2}\b",  # clock time
)
_SPACE_BEFORE_RE = re.compile(rf"(?<=\S) +([{re.escape(_MARKS)}]+)(?=$|\s|[\"'»)\]{_ARABIC_LETTER}])")
_NO_SPACE_AFTER_RE = re.compile(rf"([{re.escape(_MARKS)}])(?=[{_ARABIC_LETTER}])")
_MULTI_SPACE_RE = re.compile(r" {2,}")


def _is_abbreviation_dot(text: str, index: int) -> bool:
    """A dot after a lone Arabic letter is an abbreviation (``ص.ب``, ``ق.م``, ``د.``), not a sentence end."""
    if text[index] != "." or index == 0 or not re.match(f"[{_ARABIC_LETTER}]", text[index - 1]):
        return False
    return index == 1 or text[index - 2] in " .\u0640" or not re.match(f"[{_ARABIC_LETTER}]", text[index - 2])


def _fix_free_text(text: str, notes: dict[str, int]) -> str:
    def before(match: re.Match[str]) -> str:
        key = f"removed space before '{match.group(1)[0]}'"
        notes[key] = notes.get(key, 0) + 1
        return match.group(1)

    def after(match: re.Match[str]) -> str:
        if _is_abbreviation_dot(match.string, match.start()):
            return match.group(1)
        key = f"added space after '{match.group(1)}'"
        notes[key] = notes.get(key, 0) + 1
        return match.group(1) + " "

    def collapse(match: re.Match[str]) -> str:
        notes["collapsed repeated spaces"] = notes.get("collapsed repeated spaces", 0) + 1
        return " "

    text = _SPACE_BEFORE_RE.sub(before, text)
    text = _NO_SPACE_AFTER_RE.sub(after, text)
    return _MULTI_SPACE_RE.sub(collapse, text)


def _sentinels(text: str) -> tuple[str, str]:
    """Two private-use characters (U+E000–U+F8FF) that do not occur in ``text``."""
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    return next(free), next(free)


def repair_spacing(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair spacing around punctuation in one line and say what changed.

    Input: a single line (no ``\\n``). Output: the repaired line, stripped, and
    one note per kind of change (``"removed space before '.'"``, ``"added
    space after '،' ×2"``, ``"collapsed repeated spaces"``); no notes when
    nothing changed but the stripping. Words and their order never change; only
    U+0020 spaces are removed or inserted next to punctuation.

    >>> repair_spacing("كلمة ، كلمة.ثم")
    ('كلمة، كلمة. ثم', ("removed space before '،'", "added space after '.'"))
    """
    protected: list[str] = []
    open_mark, close_mark = _sentinels(text)

    def hide(match: re.Match[str]) -> str:
        protected.append(match.group(0))
        return f"{open_mark}{len(protected) - 1}{close_mark}"

    notes: dict[str, int] = {}
    masked = _fix_free_text(PROTECTED_RE.sub(hide, text.strip()), notes)
    restored = re.sub(f"{open_mark}(\\d+){close_mark}", lambda m: protected[int(m.group(1))], masked)
    return restored.strip(), tuple(f"{key} ×{count}" if count > 1 else key for key, count in notes.items())


def fix_spacing(text: str) -> str:
    """Repair spacing around punctuation in one line of text (the text of :func:`repair_spacing`).

    Input: a single line (no ``\\n``). Output: the repaired line, stripped.

    >>> fix_spacing("مثل DeepSeek.في 20 يناير")
    'مثل DeepSeek. في 20 يناير'
    >>> fix_spacing("منافسوهم .")
    'منافسوهم.'
    >>> fix_spacing("راجع https://example.com/a.b ثم 12.5 و10:30")
    'راجع https://example.com/a.b ثم 12.5 و10:30'
    >>> fix_spacing("رمز \ue000 0 \ue001 خاص")
    'رمز \ue000 0 \ue001 خاص'
    """
    return repair_spacing(text)[0]
