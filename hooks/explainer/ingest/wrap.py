"""Hard-wrapped text (PDF copies, e-mail, some editors): lines joined back into paragraphs.

A hard-wrapped seed breaks its lines every 50–80 characters wherever the next word did not
fit, and marks a paragraph end with a blank line (or a short last line). A seed written
one paragraph per line (the README's format) has long lines of very different lengths
that end at sentence ends. The evidence, from line-length statistics:

* the *width* ``W`` is the 90th percentile of the line lengths; it lies between
  ``MIN_WIDTH`` and ``MAX_WIDTH`` characters;
* a break between two lines (no blank line between them) is a *wrap* when the next
  line's first word would not have fitted on the line: ``len(line) + 1 +
  len(first word) > FIT_TOLERANCE × W`` (justified PDF text is only roughly greedy);
  in a seed without blank lines, a line that ends a sentence ends its paragraph
  unless the word would not have fitted even on the widest line;
* of the breaks after lines that do not end a sentence, at least ``MIN_WRAP_SHARE`` are
  wraps, and there are at least ``MIN_WRAPS``;
* at least ``MIN_BLOCK_END_SHARE`` of the blocks (runs of two or more lines between blank
  lines; a one-line block is a heading, a running head or a page number) end with a
  sentence mark: a poem's stanzas do not.

When the seed is hard-wrapped, a line is joined to the one before it when that break is
a wrap and the line does not start a list item (``-``, ``•``, ``1.``). A short line (a
heading, a paragraph's last line) keeps its break, so headings are still found by the
parser. A Latin word cut by a hyphen at a line end (``infor-`` / ``mation``) is joined
without a space. The joining is reported once per seed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.model import Repair

MIN_WIDTH = 30
MAX_WIDTH = 110
FIT_TOLERANCE = 0.9
MIN_WRAP_SHARE = 0.7
MIN_WRAPS = 3
MIN_BLOCK_END_SHARE = 0.5
MIN_LINES = 5
_SENTENCE_END = (".", "!", "؟", "?", ":", "؛", "…", "»", '"', ")")
_LIST_START_RE = re.compile(r"^(?:[-*–•▪◦●]|[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}\s?[.)\-–])\s*\S")
_HYPHEN_END_RE = re.compile(r"[A-Za-z]-$")


@dataclass(frozen=True)
class Unwrapped:
    """Seed lines after joining: ``(first seed line number, text)`` per line (blank lines kept),
    and the report entry (``None`` when the seed is not hard-wrapped)."""

    lines: tuple[tuple[int, str], ...]
    repair: Repair | None = None


def _width(lengths: list[int]) -> int:
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def _fits(line: str, following: str, width: int, tolerance: float = FIT_TOLERANCE) -> bool:
    """Would the first word of ``following`` have fitted at the end of ``line``?"""
    word = following.split()[0] if following.split() else ""
    return len(line) + 1 + len(word) <= tolerance * width


def wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped seed, or ``None`` when the seed is not hard-wrapped.

    Input: the seed's lines (blank lines included). Output: ``W`` in characters.
    """
    content = [line.strip() for line in lines if line.strip()]
    if len(content) < MIN_LINES:
        return None
    width = _width([len(line) for line in content])
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    open_breaks = wraps = 0
    blocks = ends = 0
    block_lines = 0
    stripped = [line.strip() for line in lines]
    for index, line in enumerate(stripped):
        if not line:
            continue
        block_lines += 1
        following = stripped[index + 1] if index + 1 < len(stripped) else ""
        if not following:
            if block_lines >= 2:  # a one-line block is a heading, a running head or a page number
                blocks += 1
                ends += line.endswith(_SENTENCE_END)
            block_lines = 0
            continue
        if line.endswith(_SENTENCE_END) or _LIST_START_RE.match(following):
            continue
        open_breaks += 1
        wraps += not _fits(line, following, width)
    if wraps < MIN_WRAPS or wraps < MIN_WRAP_SHARE * open_breaks:
        return None
    if blocks and ends < MIN_BLOCK_END_SHARE * blocks:
        return None
    return width


def unwrap(lines: list[str]) -> Unwrapped:
    """Join the lines of a hard-wrapped seed into paragraphs (see the module docstring).

    Input: the seed's lines. Output: :class:`Unwrapped`; a seed that is not
    hard-wrapped comes back line for line, numbered from 1, with no repair.

    >>> text = ["هذا نص طويل مكسور الأسطر كما يحدث عند النسخ من ملف", "PDF إلى محرر نصوص عادي في الحاسوب.", "",
    ...         "وهذه فقرة ثانية مكسورة أيضا في منتصف الجملة تماما كما", "في الفقرة الأولى من هذا النص القصير.", "",
    ...         "وفقرة ثالثة تكسر أسطرها الطويلة عند عرض ثابت من", "الحروف، ثم تنتهي هنا بنقطة واضحة."]
    >>> [number for number, text in unwrap(text).lines if text]  # three paragraphs, numbered by their first line
    [1, 4, 7]
    """
    numbered = tuple((number, line) for number, line in enumerate(lines, start=1))
    width = wrap_width(lines)
    if width is None:
        return Unwrapped(numbered)
    widest = max(len(line.strip()) for line in lines)
    # Paragraphs separated by blank lines: a line ending a sentence inside a block is still wrapped.
    # Without blank lines, a line ending a sentence ends its paragraph unless the next word surely
    # did not fit (measured against the widest line, as a greedy wrap would).
    blank_separated = any(not line.strip() for line in lines[1:-1])
    out: list[tuple[int, str]] = []
    joined = 0
    previous = ""  # the last seed line added to the current paragraph (stripped)
    for number, raw in numbered:
        line = raw.strip()
        if not line:
            out.append((number, ""))
            previous = ""
            continue
        strict = previous.endswith(_SENTENCE_END) and not blank_separated
        wrapped = not (_fits(previous, line, widest, 1.0) if strict else _fits(previous, line, width))
        if previous and out and wrapped and not _LIST_START_RE.match(line):
            first, text = out[-1]
            glue = "" if _HYPHEN_END_RE.search(text) and line[:1].islower() else " "
            out[-1] = (first, text + glue + line)
            joined += 1
        else:
            out.append((number, line))
        previous = line
    paragraphs = sum(1 for _n, text in out if text)
    first_line = next(n for n, _t in numbered if _t.strip())
    repair = Repair("join-wrapped-lines", first_line,
                    f"joined hard-wrapped lines (about {width} characters wide, as in PDF or e-mail copies): "
                    f"{joined} line breaks removed, {paragraphs} lines left")
    return Unwrapped(tuple(out), repair)
