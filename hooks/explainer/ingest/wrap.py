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
  wraps, and there are at least ``MIN_WRAPS``; in a seed without blank lines, a line shorter
  than ``SHORT_LINE_SHARE`` × ``W`` is a one-line block (a heading, a title, a byline) and its
  break does not count;
* at least ``MIN_BLOCK_END_SHARE`` of the blocks (runs of two or more lines between blank
  lines; a one-line block is a heading, a running head or a page number) end with a
  sentence mark: a poem's stanzas do not. A seed without blank lines between its
  paragraphs (a PDF copy where each paragraph ends in a short last line) has no such
  blocks: its blocks are then the runs of lines joined by wraps (a list or ordinal item
  starts a new one), and the same share of them must end with a sentence mark.

Lines that are laid out rather than wrapped take no part: a *page number* (one to four
digits alone) and a line with a run of three or more spaces or a tab inside it (a PDF's
running head with the journal's name at one margin and the issue or page at the other).
They do not count in the width and are never joined to the lines around them. A journal's
issue or page line (:func:`explainer.ingest.header.issue_line`) is such a line too. A page
break inside a paragraph (the line before it ends no sentence and the next word would not
have fitted on it) does not end the paragraph: the lines after it are joined to it, and the
page break's lines follow the paragraph, for the edges to drop.

When the seed is hard-wrapped, a line is joined to the one before it when that break is
a wrap and the line does not start a list item (``-``, ``•``, ``1.``) or an ordinal item
(``أولاً:``, ``ثانيًا -``). A short line (a
heading, a paragraph's last line) keeps its break, so headings are still found by the
parser. A Latin word cut by a hyphen at a line end (``infor-`` / ``mation``) is joined
without a space. A headline or heading broken over two short lines is joined too, when the
second line continues the first: it opens with the conjunction ``و`` glued to a word
(``أزمة المياه في الأردن: الأسباب`` / ``والحلول الممكنة``) or with a preposition (``في سهول
حوران``), or the first line ends on a preposition or conjunction (``أثر الجفاف على`` /
``الزراعة في الأردن``); neither line ends a sentence (the seed's first line may end with
``:``, a main title above its subtitle) and the two hold at most ``MAX_HEADING_JOIN_WORDS``
words; the second line is not wrapped itself (the next word would have fitted after it). The joining is
reported once per seed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.model import Repair
from explainer.text import ARABIC_DIGITS

MIN_WIDTH = 30
MAX_WIDTH = 110
FIT_TOLERANCE = 0.9
MIN_WRAP_SHARE = 0.7
MIN_WRAPS = 3
MIN_BLOCK_END_SHARE = 0.5
MIN_LINES = 5
MAX_HEADING_JOIN_WORDS = 14
SHORT_LINE_SHARE = 0.6
_SENTENCE_END = (".", "!", "؟", "?", ":", "؛", "…", "»", '"', ")")
_LIST_START_RE = re.compile(rf"^(?:[-*–•▪◦●]|[0-9{ARABIC_DIGITS}]{{1,3}}\s?[.)\-–])\s*\S")
_HYPHEN_END_RE = re.compile(r"[A-Za-z]-$")
_PAGE_NUMBER_RE = re.compile(rf"[0-9{ARABIC_DIGITS}]{{1,4}}")
_LAID_OUT_RE = re.compile(r"\S(?: {3,}|\t)\s*\S")
# Words a headline's first line cannot end on: the second line continues it.
_DANGLING = frozenset(("في", "من", "على", "إلى", "الى", "عن", "مع", "بين", "و", "أو", "ثم", "حتى", "عند", "لدى",
                       "نحو", "ضد", "دون", "حول", "بعد", "قبل", "خلال", "عبر"))
_CONJUNCTION_RE = re.compile(r"^و[^\W\d_و]{2,}")
# A line opened by an ordinal word (``أولاً:``, ``ثانيًا -``) starts its own paragraph, as a list item does.
_ORDINAL_START_RE = re.compile(r"^(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير)(?:اً|ًا|ا)?\s*[:\-–]")


def _laid_out(line: str) -> bool:
    """A line laid out rather than wrapped: a page number alone, or a run of spaces or a tab inside it
    (a running head with the journal's name at one margin and the issue or page at the other)."""
    line = line.strip()
    return bool(_PAGE_NUMBER_RE.fullmatch(line) or _LAID_OUT_RE.search(line))


def _page_furniture(line: str) -> bool:
    """A page number, a laid-out line or a journal's issue or page line (``مجلة … – العدد 14``, ``… ص 42``)."""
    from explainer.ingest.header import issue_line

    return bool(line.strip()) and (_laid_out(line) or issue_line(line.strip()) is not None)


def _page_break_continues(numbered: tuple[tuple[int, str], ...], position: int, previous: str, width: int) -> bool:
    """Do the lines from ``position`` on form a page break (page numbers, running heads and blank lines, at
    least one of them not blank) inside the paragraph whose last line is ``previous``: the paragraph goes on
    after it (``previous`` ends no sentence and the next word would not have fitted on it)?"""
    if not previous or previous.endswith(_SENTENCE_END) or _page_furniture(previous):
        return False
    furniture = False
    for _number, raw in numbered[position:]:
        line = raw.strip()
        if not line:
            continue
        if _page_furniture(line):
            furniture = True
            continue
        return furniture and not _fits(previous, line, width) and not _LIST_START_RE.match(line) \
            and not _ORDINAL_START_RE.match(line)
    return False


def _heading_continues(previous: str, line: str, *, opening: bool = False) -> bool:
    """Does the short ``line`` continue the short ``previous`` one (a headline broken over two lines)?

    ``line`` opens with ``و`` glued to a word or with a preposition, or ``previous`` ends on one; neither
    ends a sentence, except that the seed's first line (``opening``) may end with ``:`` (``main title:`` /
    ``its subtitle``)."""
    words, following = previous.split(), line.split()
    ends = previous.endswith(_SENTENCE_END) and not (opening and previous.endswith(":"))
    if not words or not following or ends or line.endswith((".", "!", "؟", "?", "،", "؛", ":")):
        return False
    if len(words) + len(following) > MAX_HEADING_JOIN_WORDS or _LIST_START_RE.match(line):
        return False
    if opening and previous.endswith(":"):
        return True
    return bool(_CONJUNCTION_RE.match(following[0])) or following[0] in _DANGLING or words[-1] in _DANGLING


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
    content = [line.strip() for line in lines if line.strip() and not _page_furniture(line)]
    if len(content) < MIN_LINES:
        return None
    width = _width([len(line) for line in content])
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    open_breaks = wraps = 0
    blocks = ends = 0
    block_lines = 0
    stripped = [line.strip() for line in lines if not _page_furniture(line)]  # a page break joins its two sides
    blank_separated = any(not line.strip() for line in lines[1:-1])
    for index, line in enumerate(stripped):
        if not line:
            continue
        block_lines += 1
        following = stripped[index + 1] if index + 1 < len(stripped) else ""
        # a block ends at a blank line (or a laid-out line); without blank lines, where a line is not wrapped
        if not following or (not blank_separated and (_fits(line, following, width) or _LIST_START_RE.match(following)
                                                      or _ORDINAL_START_RE.match(following))):
            if block_lines >= 2:  # a one-line block is a heading, a running head or a page number
                blocks += 1
                ends += line.endswith(_SENTENCE_END)
            block_lines = 0
            if not following:
                continue
        if line.endswith(_SENTENCE_END) or _LIST_START_RE.match(following):
            continue
        if not blank_separated and len(line) < SHORT_LINE_SHARE * width:
            continue  # without blank lines, a short line is a one-line block: a heading, a title, a byline
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
    widest = max(len(line.strip()) for line in lines if line.strip() and not _page_furniture(line))
    # Paragraphs separated by blank lines: a line ending a sentence inside a block is still wrapped.
    # Without blank lines, a line ending a sentence ends its paragraph unless the next word surely
    # did not fit (measured against the widest line, as a greedy wrap would).
    blank_separated = any(not line.strip() for line in lines[1:-1])
    out: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []  # a page break inside the open paragraph: its lines go after the paragraph
    joined = 0
    in_break = False
    previous = ""  # the last seed line added to the current paragraph (stripped)
    for position, (number, raw) in enumerate(numbered):
        line = raw.strip()
        after = numbered[position + 1][1].strip() if position + 1 < len(numbered) else ""
        if (not line or _page_furniture(line)) and (in_break or _page_break_continues(numbered, position, previous,
                                                                                     width)):
            pending.append((number, line))  # previous stays the paragraph's last line
            in_break = True
            continue
        in_break = False
        if not line:
            out.append((number, ""))
            previous = ""
            continue
        if _page_furniture(line) or _page_furniture(previous):
            out.extend(pending)
            pending.clear()
            out.append((number, line))  # a page number or a running head: its own line, joined to nothing
            previous = line
            continue
        strict = previous.endswith(_SENTENCE_END) and not blank_separated
        wrapped = not (_fits(previous, line, widest, 1.0) if strict else _fits(previous, line, width))
        opening = sum(1 for _n, text in out if text and not _page_furniture(text)) == 1
        if previous and out and not wrapped and _heading_continues(out[-1][1], line, opening=opening) \
                and (not after or _page_furniture(after) or _fits(line, after, width)):
            wrapped = True  # a headline or heading broken over two short lines
        if previous and out and wrapped and not _LIST_START_RE.match(line) and not _ORDINAL_START_RE.match(line):
            first, text = out[-1]
            glue = "" if _HYPHEN_END_RE.search(text) and line[:1].islower() else " "
            out[-1] = (first, text + glue + line)
            joined += 1
        else:
            out.extend(pending)
            pending.clear()
            out.append((number, line))
        previous = line
    out.extend(pending)
    paragraphs = sum(1 for _n, text in out if text)
    first_line = next(n for n, _t in numbered if _t.strip())
    repair = Repair("join-wrapped-lines", first_line,
                    f"joined hard-wrapped lines (about {width} characters wide, as in PDF or e-mail copies): "
                    f"{joined} line breaks removed, {paragraphs} lines left")
    return Unwrapped(tuple(out), repair)
