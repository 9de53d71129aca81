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

A seed that is not hard-wrapped as a whole (one-line paragraphs) may still hold one paragraph pasted
from a PDF: each block (a run of consecutive non-blank lines) is then read on its own evidence
(:func:`join_wrapped_blocks`): three or more lines near the paragraph's own width (30–110 characters),
every line but the last ending without a sentence mark where the next word would not have fitted, no
line wider than the others, the last line ending a sentence, the lines not all rhyming, no line ending
in ``:`` right above (a list without markers). The seed's first line (the title), list and ordinal
items, page furniture, headings (shorter than the paragraph's lines), one-sentence-per-line prose and
link titles keep their breaks. Each joined paragraph is reported with its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

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
_LIST_START_RE = re.compile(rf"^(?:[-*–•▪◦●▫◾◽◼◻🔹🔸🔷🔶]|[0-9{ARABIC_DIGITS}]{{1,3}}\s?[.)\-–])\s*\S")
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
    the report entry of a hard-wrapped seed (``None`` when the seed is not hard-wrapped as a whole),
    and one report entry per paragraph joined on its own block's evidence (:func:`join_wrapped_blocks`)."""

    lines: tuple[tuple[int, str], ...]
    repair: Repair | None = None
    blocks: tuple[Repair, ...] = ()


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
        return join_wrapped_blocks(numbered)
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


MIN_BLOCK_WRAPS = 2
BLOCK_LINE_SLACK = 1.1


def _rhymes(lines: list[str]) -> bool:
    """Do all the lines end with the same letter (a poem's rhyme, ``قافية``)?"""
    finals = {line.rstrip(" .!؟?،,:؛;…»\"")[-1:].replace("ى", "ي").replace("ة", "ه") for line in lines}
    return len(finals) == 1


def _wrapped_run(lines: list[str]) -> int | None:
    """The width of a run of lines that is one hard-wrapped paragraph, or ``None``.

    Evidence, all of it required: at least ``MIN_BLOCK_WRAPS`` + 1 lines; their width ``W`` (the widest
    line but the last) between ``MIN_WIDTH`` and ``MAX_WIDTH``; every line but the last ends without a
    sentence mark and is full (the next line's first word would not have fitted on it:
    ``len + 1 + word > FIT_TOLERANCE × W``); no line is wider than ``BLOCK_LINE_SLACK × W``; the last line
    ends a sentence (a run of link titles or a list without markers does not); the lines do not all end
    with the same letter (a poem's rhyme).
    """
    if len(lines) < MIN_BLOCK_WRAPS + 1:
        return None
    width = max(len(line) for line in lines[:-1])
    if not MIN_WIDTH <= width <= MAX_WIDTH or any(len(line) > BLOCK_LINE_SLACK * width for line in lines):
        return None
    if not lines[-1].endswith(_SENTENCE_END) or _rhymes(lines):
        return None
    for line, following in pairwise(lines):
        if line.endswith(_SENTENCE_END) or _fits(line, following, width):
            return None
    return width


def _open_shape(line: str, following: str) -> bool:
    """The cheap part of :func:`_open_break` (lengths, the end of ``line``, the start of ``following``)."""
    return (len(line) <= MAX_WIDTH and len(following) <= MAX_WIDTH and not line.endswith(_SENTENCE_END)
            and not _LIST_START_RE.match(following) and not _ORDINAL_START_RE.match(following))


def _open_break(line: str, following: str) -> bool:
    """Could the break between two lines of a block be a wrap: ``line`` ends no sentence, neither is page
    furniture nor wider than ``MAX_WIDTH``, and ``following`` starts no list or ordinal item?"""
    return _open_shape(line, following) and not _page_furniture(line) and not _page_furniture(following)


def _runs(lines: list[str]) -> list[tuple[int, int, int]]:
    """``(start, end, width)`` of the hard-wrapped paragraphs in one block of lines (``end`` exclusive).

    A chain of open breaks (:func:`_open_break`) plus the line after the last of them is a candidate;
    it is cut where a line is not full for the candidate's width, and each piece is checked on its own
    (:func:`_wrapped_run`); a run under a line ending in ``:`` is a list without markers and stays. A
    sentence ending on a full line does not end the paragraph when the rest reads as its lines
    (:func:`_continued`)."""
    found: list[tuple[int, int, int]] = []
    start = 0
    while start < len(lines) - 1:
        end = start
        while end < len(lines) - 1 and _open_shape(lines[end], lines[end + 1]):
            end += 1
        stop = end + 1  # the chain's last line (it ends the paragraph) is lines[end]
        piece = (start, stop)
        # only the chain's last line ends a sentence, so a chain cut at page furniture holds no paragraph's end
        if not lines[end].endswith(_SENTENCE_END) or (end - start >= MIN_BLOCK_WRAPS and any(
                _page_furniture(line) for line in lines[start:stop])):
            piece = (stop, stop)  # link titles, a menu, a poem without marks; a page number or a running head
        while piece[1] - piece[0] >= MIN_BLOCK_WRAPS + 1:
            first, last = piece
            if (first == 0 or not lines[first - 1].endswith(":")) \
                    and (width := _wrapped_run(lines[first:last])) is not None:
                stop = _continued(lines, last, width)
                found.append((first, stop, width))
                break
            piece = (first + 1, last)  # a heading or a short line above the paragraph: try without it
        start = max(stop, start + 1)
    return found


def _continued(lines: list[str], last: int, width: int) -> int:
    """Where a wrapped paragraph ending at ``lines[last - 1]`` really ends: a line that ends a sentence
    but is full even on the paragraph's widest line (the next word would not have fitted: ``len + 1 +
    word > W``) is wrapped too, when two or more lines after it read as the rest of the paragraph (each
    full and ending mid-sentence but the last, which ends a sentence; none wider than ``BLOCK_LINE_SLACK × W``)."""
    while last < len(lines) and not _fits(lines[last - 1], lines[last], width, 1.0) \
            and len(lines[last]) <= BLOCK_LINE_SLACK * width and not _page_furniture(lines[last]) \
            and not _LIST_START_RE.match(lines[last]) and not _ORDINAL_START_RE.match(lines[last]):
        end = last
        while end < len(lines) - 1 and _open_break(lines[end], lines[end + 1]) \
                and not _fits(lines[end], lines[end + 1], width) and len(lines[end + 1]) <= BLOCK_LINE_SLACK * width:
            end += 1
        if end == last or not lines[end].endswith(_SENTENCE_END):
            break  # one short line after a full one may be a paragraph of its own
        last = end + 1
    return last


LABEL_WORDS = 3


def _stands_alone(texts: list[str], first: int) -> bool:
    """Does ``texts[first]`` stand on its own above a wrapped paragraph: a catalog or furniture line
    (``اقرأ أيضًا: …``, a date line), or the seed's headline: a line that reads as one
    (:func:`~explainer.ingest.edges.reads_as_headline`) with nothing above it, or only furniture (a date
    line, a byline, a dateline: :func:`~explainer.ingest.edges.head_furniture`, one at least) and short
    labels (at most ``LABEL_WORDS`` words without punctuation: a section's name)?"""
    from explainer.ingest.boilerplate import match_boilerplate
    from explainer.ingest.edges import head_furniture, reads_as_headline

    line = texts[first]
    if match_boilerplate(line) is not None or head_furniture(line):
        return True
    if not reads_as_headline(line):
        return False
    above = [text for text in texts[:first] if text]
    furniture = [head_furniture(text) for text in above]
    labels = all(known or (len(text.split()) <= LABEL_WORDS and not re.search(r"[^\w\s]", text))
                 for text, known in zip(above, furniture, strict=True))
    return not above or (labels and any(furniture))


def join_wrapped_blocks(numbered: tuple[tuple[int, str], ...]) -> Unwrapped:
    """Join the hard-wrapped paragraphs of a seed that is not hard-wrapped as a whole.

    A seed of one-line paragraphs may hold one paragraph pasted from a PDF, broken over several lines
    at a similar width without blank lines between them. Each block (a run of consecutive non-blank
    lines) is read on its own evidence (:func:`_runs`, :func:`_wrapped_run`): lines of similar length near
    the paragraph's own width, ending without a sentence mark, the next line continuing the sentence
    where its first word would not have fitted. The headline (a line that reads as one at the top of the seed,
under furniture or nothing), a catalog or furniture line (:func:`_stands_alone`) is never joined; list
    items, page furniture, one-sentence-per-line prose, headings and link titles keep their lines.

    Input: the seed's ``(line number, line)`` pairs. Output: :class:`Unwrapped` with one
    ``join-wrapped-lines`` report entry per joined paragraph (no ``repair``).

    >>> lines = ["عنوان المقالة", "تشهد أسواق العمل في المنطقة العربية تحولات متسارعة بفعل",
    ...          "انتشار أدوات الذكاء الاصطناعي في الشركات والمؤسسات الحكومية،",
    ...          "إذ باتت كثير من المهام الروتينية تنجز آليا في دقائق.", "وفقرة ثانية على سطر واحد."]
    >>> joined = join_wrapped_blocks(tuple(enumerate(lines, start=1)))
    >>> [number for number, _text in joined.lines], joined.blocks[0].line
    ([1, 2, 5], 2)
    """
    texts = [line.strip() for _number, line in numbered]
    joins: dict[int, tuple[int, int]] = {}  # index of a run's first line -> (end, width)
    index = 0
    while index < len(texts):
        if not texts[index]:
            index += 1
            continue
        end = index
        while end < len(texts) and texts[end]:
            end += 1
        for first, last, width in _runs(texts[index:end]):
            first += index
            if _stands_alone(texts, first):  # the headline is never joined to the paragraph under it
                first += 1
                found = _wrapped_run(texts[first:index + last])
                if found is None:
                    continue
                width = found
            joins[first] = (index + last, width)
        index = end
    if not joins:
        return Unwrapped(numbered)
    out: list[tuple[int, str]] = []
    repairs: list[Repair] = []
    index = 0
    while index < len(numbered):
        if index not in joins:
            out.append((numbered[index][0], texts[index] if texts[index] else ""))
            index += 1
            continue
        last, width = joins[index]
        text = texts[index]
        for line in texts[index + 1:last]:
            text += ("" if _HYPHEN_END_RE.search(text) and line[:1].islower() else " ") + line
        out.append((numbered[index][0], text))
        repairs.append(Repair("join-wrapped-lines", numbered[index][0],
                              f"joined the hard-wrapped lines {numbered[index][0]}-{numbered[last - 1][0]} into one "
                              f"paragraph (lines of about {width} characters, each broken where the next word "
                              f"did not fit, as in a PDF or e-mail copy): {last - index - 1} line breaks removed"))
        index = last
    return Unwrapped(tuple(out), None, tuple(repairs))
