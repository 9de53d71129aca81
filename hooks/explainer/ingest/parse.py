"""Stage 2: normalized seed text -> :class:`~explainer.model.Article`.

A seed is plain text, one paragraph per line (blank lines are ignored), or a hard-wrapped
copy whose lines are first joined back into paragraphs (:mod:`explainer.ingest.wrap`).
The furniture at the seed's edges (section labels, date lines, bylines, reading times,
share buttons, footers, related links: :mod:`explainer.ingest.edges`) is dropped and
reported; a date line gives the article's date and a byline its author, unless metadata
sets them. Each remaining line is first classified by its own form, then given a role
from its neighbours:

* separator lines (punctuation only: ``* * *``, ``———``, ``〰️〰️``; or one symbol repeated: ``➖➖➖``): dropped and reported;
  catalog lines inside the article are kept and reported;
* bulleted lines (``-``, ``*``, ``–`` then a space; ``•``, ``▪``, ``◦``, ``●``, and the emoji
  squares and diamonds of chat apps ``▫ ◾ ◽ ◼ ◻ 🔹 🔸 🔷 🔶`` (with or without U+FE0F), with or
  without one):
  two or more in a row with the same marker are a list; a lone one is a
  heading, unless it follows a line ending in ``:`` or ends the article (then a
  one-item list) or is too long (then a glued paragraph is looked for, see
  :mod:`explainer.ingest.glue`, else it stays a paragraph);
* numbered lines (``1.``, ``1)``, ``1-``, ``١.``, ``١)``): two or more in a row
  numbered 1, 2, 3 ... are an ordered list (the markers become its numbering,
  reported); lone numbered lines that count up or down by one, each followed by its
  own paragraphs and each short enough for a heading, are the headings of a listicle
  (their numbers stay visible); any other numbered line is a paragraph that keeps its number;
* ordinal lines (``أولاً: ...``, ``ثانيًا - ...``): a heading when short, else
  a heading glued to its paragraph when a seam is found, else a paragraph;
* other lines between two blocks: a question heading (ends in ``؟``/``?``, one
  sentence, at most ``QUESTION_HEADING_WORDS`` words), or a short heading (at most
  ``SHORT_HEADING_WORDS`` words, no final punctuation, not mostly numbers, not
  starting with a connective or ending with a preposition, followed by a list,
  a clearly longer paragraph or a paragraph that opens a list); a line that starts with
  such a heading glued to its paragraph (a question mark, a final-only letter ``ة ى`` or
  two common words joined: ``…؟ويرى``, ``…الطبيعةتبدأ``) is split into heading and paragraph;
* every other line: a paragraph.

The title comes from metadata, else from a first line that reads as a title (a question
followed by a subtitle on the same line gives both), else from the first sentence of the
first paragraph, which then leaves that paragraph (no sentence is printed twice; a first
sentence too long for a title gives a title cut with ``…`` and stays whole). A subtitle
is a short line without final full stop right under the title. The first paragraph is
the lede; paragraphs before the first heading form the untitled section ``s0``. Spacing
around punctuation is repaired in every text (:mod:`explainer.ingest.punctuation`). Every
repair, drop and inferred structure is reported with its seed line.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from explainer.errors import SeedError
from explainer.ingest.boilerplate import match_boilerplate
from explainer.ingest.edges import (
    Edges,
    find_edges,
    is_separator,
    reads_as_subtitle,
    separator_what,
    split_question_title,
)
from explainer.ingest.glue import MAX_HEADING_WORDS, Seam, find_seam
from explainer.ingest.header import caption, caption_opener, credit
from explainer.ingest.marks import read_marks
from explainer.ingest.markup import read_markdown
from explainer.ingest.punctuation import repair_spacing
from explainer.ingest.wrap import unwrap
from explainer.model import Article, Block, Metadata, Repair, Section
from explainer.text import ARABIC_DIGITS, BASIC_LETTERS, arabic_share

# ``-``, ``*`` and ``–`` need a space after them (``-5``, ``*ملاحظة``); the bullet symbols do not.
# Chat apps draw bullets with emoji squares and diamonds, often with the emoji presentation selector U+FE0F
# after them (``▪️``, ``🔹``): the selector belongs to the bullet, never to the item's text.
_BULLET_SYMBOLS = "•▪◦●▫◾◽◼◻🔹🔸🔷🔶"
_BULLET_RE = re.compile(rf"^(?:(?P<mark>[-*–])\s+|(?P<symbol>[{_BULLET_SYMBOLS}])\ufe0f?\s*)"
                        rf"(?P<text>[^\s\ufe0f{_BULLET_SYMBOLS}].*)$")
_NUMBERED_RE = re.compile(rf"^(?P<num>[0-9{ARABIC_DIGITS}]{{1,3}})\s?(?P<mark>[.)]|\s?[-–])\s+(?P<text>\S.*)$")
# Ordinal words that open numbered headings (أولاً: / ثانيًا - ...), with or without tanween.
_ORDINAL_RE = re.compile(
    r"^(?P<ordinal>(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير)(?:اً|ًا|ا)?)"
    r"\s*(?P<mark>[:\-–])\s*(?P<text>.*)$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!\u061f?])\s+")
_INNER_END_RE = re.compile(r"[.!\u061f?]\s")
_SEAM_RE = re.compile(rf"[.!\u061f?:](?=[{BASIC_LETTERS}])")  # a mark glued to the next word
_FINAL_PUNCT = tuple(".،,؛;:!؟?…")
# "2.1 العينة", "٣.٢ الوسائط", "1.2.3 …": a report's section number (one or two digits a level), then words only
_SECTION_NUMBER_RE = re.compile(rf"^[0-9{ARABIC_DIGITS}]{{1,2}}(?:\.[0-9{ARABIC_DIGITS}]{{1,2}})+\.?\s+[^\d\s][^\d]*$")
MIN_SECTION_NUMBERED = 2
_CAPTION_SPLIT_RE = re.compile(r"\s*[:：،,\-–—]")
TITLE_MAX_WORDS = 14
# A first sentence up to this long becomes the title of a seed without a title line.
DERIVED_TITLE_MAX_WORDS = 20
SHORT_HEADING_WORDS = 10
QUESTION_HEADING_WORDS = 12
LISTICLE_HEADING_WORDS = 12
# A subtitle (without furniture under it) stands above a paragraph that ends a sentence or is this long.
SUBTITLE_FOLLOWER_WORDS = 15
_SENTENCE_MARKS = (".", "!", "\u061f", "?", "…", "»", '"')
# A short heading must be followed by a paragraph at least this many times longer (in words).
HEADING_FOLLOWER_RATIO = 2
HEADING_FOLLOWER_MIN_WORDS = 8
# Below this share of Arabic letters (of all letters) a seed is not an Arabic article.
MIN_ARABIC_SHARE = 0.2
# Words that open a continuing sentence or close an unfinished one: a short line
# starting or ending with one is a fragment of prose, not a heading.
_CONNECTIVES = frozenset([
    "و", "ف", "ثم", "لكن", "ولكن", "لذلك", "ولذلك", "كما", "حيث", "إذ", "إذا", "لأن", "وقد", "قد",
    "لقد", "ولقد", "فإن", "إن", "أن", "وأن", "وهذا", "وهذه", "هذا", "هذه", "وهو", "وهي", "هو",
    "هي", "بل", "أو", "أم", "حتى", "بينما", "كذلك", "وكذلك", "أيضا",
])
_DANGLING = frozenset([
    "في", "من", "على", "إلى", "عن", "مع", "ب", "ل", "و", "أو", "أن", "إن", "التي", "الذي", "الذين",
    "ثم", "لكن", "حتى", "عند", "بين",
])


@dataclass
class _Line:
    number: int
    kind: str  # "text", "bullet", "numbered", "ordinal"; a Markdown paste's "heading" and "quote"
    text: str  # without the list marker (ordinal lines: the whole line)
    raw: str  # the whole trimmed line
    mark: str = ""  # bullet character, or the digits of a numbered line
    value: int = 0  # number of a numbered line


def _digits_value(digits: str) -> int:
    """Value of ASCII, Arabic-Indic or Extended Arabic-Indic digits (Unicode Nd)."""
    value = 0
    for ch in digits:
        value = value * 10 + unicodedata.digit(ch)
    return value


def _drop_detail(edges: Edges, index: int, metadata: Metadata, used: dict[str, int]) -> str:
    """The report text of an edge drop, saying what its date or author became."""
    drop = edges.drops[index]
    detail = drop.detail
    found = drop.furniture
    if found is None:
        return detail
    for key in ("date", "author"):
        value = getattr(found, key)
        if not value:
            continue
        given = getattr(metadata, key)
        if used.get(key) == index:
            detail += f"; it gives the article's {key}: {value}"
        elif given is not None and used.get(key) is None:
            detail += f"; the metadata {key} {given!r} is kept"
    if "date" in found.kind.split("+") and found.date is None and "relative" not in found.what:
        detail += " (no day, month and year in it: it sets no date)"
    return detail


def _classify(lines: tuple[tuple[int, str], ...], edges: Edges, metadata: Metadata,
              used: dict[str, int], repairs: list[Repair], roles: dict[int, str]) -> list[_Line]:
    found: list[_Line] = []
    for index, (number, raw) in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if index in edges.drops:
            drop = edges.drops[index]
            repairs.append(Repair(drop.kind, number, _drop_detail(edges, index, metadata, used), dropped=line))
            continue
        if index in edges.suspects:
            repairs.append(Repair("kept-boilerplate-like", number, edges.suspects[index]))
        role = roles.get(number)
        if role in ("heading", "quote"):  # a Markdown paste's heading or quote line (explainer.ingest.markup)
            found.append(_Line(number, role, line, line))
            continue
        if role == "item" and (match := _BULLET_RE.match(line)):
            found.append(_Line(number, "bullet", match.group("text"), line, mark="markdown"))
            continue
        if is_separator(line):
            repairs.append(Repair("drop-separator", number, f"dropped {separator_what(line)}",
                                  dropped=line))
            continue
        if (credited := credit(line, anywhere=True)) is not None:
            repairs.append(Repair("drop-furniture", number, f"dropped {credited.what}: never article text, wherever "
                                  "it stands", dropped=line))
            continue
        if (")" in line or "]" in line) and (captioned := caption(line)) is not None:
            repairs.append(Repair("drop-furniture", number, f"dropped {captioned.what}: the picture is not part "
                                  "of the page, wherever it stands", dropped=line))
            continue
        rule = match_boilerplate(line)
        if rule is None and caption_opener(line):
            opener = _CAPTION_SPLIT_RE.split(line, maxsplit=1)[0]
            repairs.append(Repair("kept-boilerplate-like", number, "kept a line that opens like a photo caption ("
                                  f"{opener}: …) but has no credit: it describes the picture, so "
                                  "it stays; delete it from the seed if it is only a caption"))
        if rule is not None and rule.anywhere:
            what = f"{rule.what}: never article text" if rule.what else \
                f"a {rule.platform} line ({'a page number' if rule.platform == 'document' else 'a label'}: never article text)"
            repairs.append(Repair("drop-boilerplate", number, f"dropped {what}", dropped=line))
            continue
        if rule is not None:
            repairs.append(Repair("kept-boilerplate-like", number,
                                  f"kept a line that looks like {rule.what or rule.platform + ' boilerplate'}: it is inside the "
                                  "article or reads as a sentence"))
        if match := _BULLET_RE.match(line):
            found.append(_Line(number, "bullet", match.group("text"), line,
                               mark=match.group("mark") or match.group("symbol")))
        elif match := _NUMBERED_RE.match(line):
            found.append(_Line(number, "numbered", match.group("text"), line, mark=match.group("num"),
                               value=_digits_value(match.group("num"))))
        elif _ORDINAL_RE.match(line):
            found.append(_Line(number, "ordinal", line, line))
        else:
            found.append(_Line(number, "text", line, line))
    return found


def _furniture_metadata(metadata: Metadata, edges: Edges) -> tuple[Metadata, dict[str, int]]:
    """Metadata completed with the date and author the edge furniture gives (metadata wins)."""
    used: dict[str, int] = {}
    values: dict[str, str] = {}
    for key in ("date", "author"):
        given = edges.given(key)
        if given is not None and getattr(metadata, key) is None:
            used[key], values[key] = given
    return (dataclasses.replace(metadata, **values) if values else metadata), used


def _arabic_warning(lines: list[_Line], path: str) -> Repair | None:
    """A warning when the article text is not Arabic (English only, emoji only)."""
    arabic, letters = arabic_share(" ".join(line.raw for line in lines))
    if letters and arabic >= MIN_ARABIC_SHARE * letters:
        return None
    first = lines[0].number if lines else 1
    if not letters:
        what = "has no letters at all (only digits, emoji or symbols)"
    elif not arabic:
        what = f"has no Arabic text (none of its {letters} letters is Arabic)"
    else:
        what = f"is mostly not Arabic ({arabic} of its {letters} letters are Arabic)"
    return Repair("not-arabic", first, f"{path} {what}: it would be published as an Arabic article. "
                  "Check that this is the right file, or put the Arabic original here", level="warning")


def _fixed(text: str, line: int, repairs: list[Repair]) -> str:
    fixed, notes = repair_spacing(text)
    if notes:
        repairs.append(Repair("punctuation-space", line, "repaired spacing around punctuation: " + ", ".join(notes)))
    return fixed


def derive_title(lede: str, *, cut: bool = False) -> str:
    """Derive a title from the lede text: its first sentence without a final full stop.

    Input: lede text. Output: at most ``DERIVED_TITLE_MAX_WORDS`` words; a longer first
    sentence (or any, with ``cut``: the sentence stays in its paragraph) is cut at its
    first comma within ``TITLE_MAX_WORDS`` words (else after ``TITLE_MAX_WORDS - 2``
    words) and ends with ``…``.

    >>> derive_title("هناك طفل جديد. وقال آخرون.")
    'هناك طفل جديد'
    >>> derive_title("هناك طفل جديد. وقال آخرون.", cut=True)
    'هناك طفل جديد…'
    """
    first = _first_sentence(lede.strip())[0].rstrip(".")
    words = first.split()
    if len(words) <= DERIVED_TITLE_MAX_WORDS and not cut:
        return first
    if len(words) <= TITLE_MAX_WORDS - 2:
        return first.rstrip(".!؟?") + "…"
    clause = next((index for index, word in enumerate(words[:TITLE_MAX_WORDS]) if word.endswith(("،", ","))), None)
    if clause is not None and clause >= 2:
        return " ".join(words[:clause + 1]).rstrip("،,") + "…"
    return " ".join(words[:TITLE_MAX_WORDS - 2]) + "…"


def _first_sentence(text: str) -> tuple[str, str]:
    """``(first sentence, rest)`` of a paragraph (split after ``. ! ؟ ?`` and a space)."""
    parts = _SENTENCE_END_RE.split(text, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _reads_as_title(line: _Line, following: _Line | None) -> bool:
    words = line.text.split()
    return (line.kind == "text" and len(words) <= TITLE_MAX_WORDS
            and not line.text.endswith((".", "،", "؛", ":", ",", ";"))
            and not _INNER_END_RE.search(line.text)
            and following is not None)


def _is_fragment(words: list[str]) -> bool:
    return words[0] in _CONNECTIVES or words[-1] in _DANGLING


def _section_numbered(lines: list[_Line]) -> frozenset[int]:
    """Seed lines opened by a multi-level section number (``2.1 العينة``, ``3.2.1 …``) and no other digit,
    when the seed has two or more of them (a Word or PDF report's numbered sections; one such line
    alone may be a figure: ``1.5 مليون``)."""
    found = frozenset(line.number for line in lines if line.kind == "text" and _SECTION_NUMBER_RE.match(line.text))
    return found if len(found) >= MIN_SECTION_NUMBERED else frozenset()


def _text_heading_reason(text: str, following: _Line | None, *, section_number: bool = False) -> str | None:
    """Why a text line standing between two blocks reads as a heading, or ``None``.

    ``section_number``: the line opens with a report's section number (:func:`_section_numbered`), which
    then does not count as a figure."""
    words = text.split()
    if following is None or not words or _INNER_END_RE.search(text):
        return None
    if text.endswith(("؟", "?")) and len(words) <= QUESTION_HEADING_WORDS and following.kind == "text":
        return "a one-sentence question between paragraphs"
    if len(words) > SHORT_HEADING_WORDS or text.endswith(_FINAL_PUNCT) or _is_fragment(words[section_number:] or words):
        return None
    if section_number and len(words) > 1 and following.kind == "text":
        follower = len(following.text.split())
        if follower >= max(HEADING_FOLLOWER_RATIO * len(words), HEADING_FOLLOWER_MIN_WORDS) \
                or _SECTION_NUMBER_RE.match(following.text):
            return "a numbered section heading (2.1 …: two or more lines of the seed open with such numbers)"
    if 2 * sum(1 for word in words if any(ch.isdigit() for ch in word)) >= len(words):
        return None  # a date, a figure or a reference line, not a heading
    if following.kind == "text":
        follower = len(following.text.split())
        if follower >= max(HEADING_FOLLOWER_RATIO * len(words), HEADING_FOLLOWER_MIN_WORDS):
            return "a short line without final punctuation before a longer paragraph"
        if following.text.endswith(":") and follower > len(words):
            return "a short line without final punctuation before a paragraph that opens a list"
        return None
    if following.kind in ("bullet", "numbered"):
        return "a short line without final punctuation before a list"
    return None


def _glued_heading_fits(seam: Seam, max_words: int = SHORT_HEADING_WORDS) -> bool:
    """A seam inside a word (orthography or lexicon) on a line that is not a bullet: the part
    before it must read as a short heading and the part after it as a clearly longer paragraph;
    a word glued inside a sentence (a missing space) does not split the line."""
    words = seam.heading.split()
    rest = seam.rest.split()
    if len(words) > max_words or _is_fragment(words) or re.search(r"[،,؛;:]", seam.heading):
        return False
    if words[-1].startswith(("ال", "لل")) and rest[0].startswith("ال"):
        return False  # a definite noun and its adjective written without a space ("المدينةالكبيرة")
    if 2 * sum(1 for word in words if any(ch.isdigit() for ch in word)) >= len(words):
        return False
    return len(rest) >= max(HEADING_FOLLOWER_RATIO * len(words), HEADING_FOLLOWER_MIN_WORDS)


def _find_glued(text: str, *, guarded: bool, max_words: int = SHORT_HEADING_WORDS) -> Seam | None:
    """A heading glued to its paragraph at the start of ``text``: a question mark seam, or (when
    ``guarded``, with :func:`_glued_heading_fits`) a seam inside a word."""
    seam = find_seam(text, marks="\u061f?", lexical=False, orthographic=False)
    if seam is not None and len(seam.heading.split()) <= QUESTION_HEADING_WORDS:
        return seam
    if not guarded:
        return None
    seam = find_seam(text, marks="")
    if seam is None or not _glued_heading_fits(seam, max_words):
        return None
    if "not a known word" in seam.evidence and not _opens_paragraph(seam.rest):
        return None  # lexical evidence alone, on a line that is not a bullet: only before a paragraph opener
    return seam


def _opens_paragraph(rest: str) -> bool:
    """Does ``rest`` start the way Arabic paragraphs start: a conjunction و/ف on a common word,
    or a very common word (Zipf ≥ 4)? Lexical seams on plain lines need it (rare plurals and names
    split into two known halves otherwise)."""
    from explainer.ingest.glue import KNOWN_ZIPF, zipf

    first = rest.split()[0].strip("\"'«»()[]")
    if first[:1] in ("و", "ف") and len(first) > 3 and zipf(first[1:]) >= KNOWN_ZIPF:
        return True
    return zipf(first) >= 4.0


@dataclass
class _Builder:
    """Accumulates sections and blocks with their ids while the lines are read."""

    sections: list[tuple[int, str | None, list[Block]]] = field(default_factory=lambda: [(0, None, [])])
    counters: dict[int, dict[str, int]] = field(default_factory=lambda: {0: {"p": 0, "l": 0}})
    lede: Block | None = None
    last_text: str | None = None  # text of the last block added (None before the first)

    def paragraph(self, line: int, text: str) -> None:
        self.last_text = text
        if self.lede is None and len(self.sections) == 1 and not self.sections[0][2]:
            self.lede = Block("lede", "paragraph", text=text, line=line)
            return
        self._add("p", Block("", "paragraph", text=text, line=line))

    def list(self, line: int, items: tuple[str, ...], ordered: bool) -> None:
        self.last_text = items[-1]
        self._add("l", Block("", "list", items=items, ordered=ordered, line=line))

    def heading(self, line: int, text: str) -> None:
        self.last_text = text
        self.sections.append((line, text, []))
        self.counters[len(self.sections) - 1] = {"p": 0, "l": 0}

    def _add(self, letter: str, block: Block) -> None:
        index = len(self.sections) - 1
        self.counters[index][letter] += 1
        block_id = f"s{index}-{letter}{self.counters[index][letter]}"
        self.sections[index][2].append(Block(block_id, block.kind, text=block.text, items=block.items,
                                             ordered=block.ordered, line=block.line))

    def take_first_sentence(self) -> tuple[str, int] | None:
        """Take the first sentence out of the lede: ``(sentence, line)``, or ``None``.

        The lede keeps the rest; a lede that was one sentence is removed and the next
        paragraph before any heading becomes the lede. ``None`` (nothing taken) when there
        is no lede (the article opens with a heading or a list: its first paragraph comes
        later, and a title taken from there would read out of order) or when the first
        sentence is longer than ``DERIVED_TITLE_MAX_WORDS`` words.
        """
        if self.lede is None:
            return None
        sentence, rest = _first_sentence(self.lede.text)
        if len(sentence.split()) > DERIVED_TITLE_MAX_WORDS:
            return None
        line = self.lede.line
        if rest:
            self.lede = dataclasses.replace(self.lede, text=rest)
        else:
            self.lede = None
            self._promote_lede()
        return sentence, line

    def _promote_lede(self) -> None:
        blocks = self.sections[0][2]
        if blocks and blocks[0].kind == "paragraph":
            first = blocks.pop(0)
            self.lede = dataclasses.replace(first, id="lede")
            self._renumber(0)

    def _renumber(self, index: int) -> None:
        counts = {"p": 0, "l": 0}
        blocks = self.sections[index][2]
        for position, block in enumerate(blocks):
            letter = "p" if block.kind == "paragraph" else "l"
            counts[letter] += 1
            blocks[position] = dataclasses.replace(block, id=f"s{index}-{letter}{counts[letter]}")
        self.counters[index] = counts

    def built(self) -> tuple[Section, ...]:
        return tuple(Section(f"s{index}", heading, tuple(blocks), line=number)
                     for index, (number, heading, blocks) in enumerate(self.sections)
                     if index > 0 or blocks)


def _run(lines: list[_Line], start: int) -> list[_Line]:
    """The list run starting at ``start``: same bullet marker, or numbers 1, 2, 3 ..."""
    first = lines[start]
    run = [first]
    for line in lines[start + 1:]:
        if line.kind != first.kind:
            break
        if first.kind == "bullet" and line.mark != first.mark:
            break
        if first.kind == "numbered" and line.value != run[-1].value + 1:
            break
        run.append(line)
    if first.kind == "numbered" and first.value != 1:
        return [first]
    return run


def _numbered_heading_like(line: _Line) -> bool:
    text = line.text
    if len(text.split()) <= LISTICLE_HEADING_WORDS and not _INNER_END_RE.search(text) \
            and not text.endswith((".", "،", ",", "؛", ";", ":")) and not _SEAM_RE.search(text):
        return True
    return find_seam(text) is not None


def _listicle_lines(lines: list[_Line]) -> set[int]:
    """Seed line numbers of the numbered lines that are a listicle's headings.

    Evidence: two or more numbered lines, each standing alone (not part of a run
    numbered 1, 2, 3 ...: that is a list) and followed by its own paragraphs or lists, counting up or down by one
    in reading order, every one short enough for a heading (or a heading glued to its
    paragraph). Consecutive numbered lines (a list) never count.
    """
    alone: list[int] = []
    position = 0
    while position < len(lines):
        if lines[position].kind != "numbered":
            position += 1
            continue
        run = _run(lines, position)
        if len(run) == 1:
            alone.append(position)
        position += len(run)
    chains: list[list[int]] = []
    for position in alone:
        if chains and abs(lines[position].value - lines[chains[-1][-1]].value) == 1 and (
                len(chains[-1]) == 1 or lines[position].value - lines[chains[-1][-1]].value
                == lines[chains[-1][-1]].value - lines[chains[-1][-2]].value):
            chains[-1].append(position)
        else:
            chains.append([position])
    found: set[int] = set()
    for chain in chains:
        if len(chain) < 2 or not all(_numbered_heading_like(lines[p]) for p in chain):
            continue
        if chain[-1] + 1 >= len(lines):
            continue  # the last heading needs its paragraph
        found.update(lines[p].number for p in chain)
    return found


def _add_list(builder: _Builder, run: list[_Line], repairs: list[Repair]) -> None:
    items = tuple(_fixed(item.text, item.number, repairs) for item in run)
    ordered = run[0].kind == "numbered"
    if ordered:
        markers = " ".join(item.raw[: len(item.raw) - len(item.text)].strip() for item in run)
        repairs.append(Repair("list-numbering", run[0].number,
                              f"numbered lines {run[0].number}–{run[-1].number} became an ordered list; "
                              "their numbers are the list's numbering", dropped=markers))
    builder.list(run[0].number, items, ordered)


def _split_heading(builder: _Builder, line: _Line, prefix: str, raw: str, repairs: list[Repair], *,
                   marks: str = "\u061f?!.:", lexical: bool = True, max_words: int = MAX_HEADING_WORDS,
                   seam: Seam | None = None) -> bool:
    """Split ``raw`` (text before spacing repairs: a glued seam has no space) into heading + paragraph."""
    seam = seam or find_seam(raw, marks=marks, lexical=lexical)
    if seam is None or len(seam.heading.split()) > max_words:
        return False
    repairs.append(Repair("split-heading", line.number, f"split a heading glued to its paragraph: {seam.evidence}"))
    builder.heading(line.number, prefix + _fixed(seam.heading, line.number, repairs))
    builder.paragraph(line.number, _fixed(seam.rest, line.number, repairs))
    return True


def _add_bullet(builder: _Builder, line: _Line, following: _Line | None, repairs: list[Repair]) -> None:
    if builder.last_text is not None and builder.last_text.endswith(":") or following is None:
        why = "follows a line ending in ':'" if following is not None else "ends the article"
        text = _fixed(line.text, line.number, repairs)
        repairs.append(Repair("one-item-list", line.number, f"a lone bulleted line that {why}: kept as a one-item list"))
        builder.list(line.number, (text,), ordered=False)
        return
    words = line.text.split()
    heading_like = (len(words) <= MAX_HEADING_WORDS and not _INNER_END_RE.search(line.text)
                    and not line.text.endswith((".", "!", "،", "؛")) and not _SEAM_RE.search(line.text))
    if heading_like:
        builder.heading(line.number, _fixed(line.text, line.number, repairs))
    elif not _split_heading(builder, line, "", line.text, repairs):
        text = _fixed(line.text, line.number, repairs)
        if len(text.split()) <= MAX_HEADING_WORDS and not _INNER_END_RE.search(text):
            builder.heading(line.number, text.rstrip("."))
            return
        repairs.append(Repair("long-bullet", line.number,
                              "a lone bulleted line too long for a heading: kept as a paragraph"))
        builder.paragraph(line.number, text)


def _add_numbered_heading(builder: _Builder, line: _Line, repairs: list[Repair]) -> None:
    prefix = line.raw[: len(line.raw) - len(line.text)]
    text = line.text
    if len(text.split()) <= LISTICLE_HEADING_WORDS and not _SEAM_RE.search(text) and not _INNER_END_RE.search(text):
        repairs.append(Repair("heading", line.number, "read as a heading: a numbered line of a listicle "
                              "(numbered lines counting by one, each followed by its own paragraphs); "
                              "its number stays in the heading"))
        builder.heading(line.number, _fixed(line.raw, line.number, repairs))
        return
    repairs.append(Repair("heading", line.number, "read as a heading: a numbered line of a listicle, glued to "
                          "its paragraph; its number stays in the heading"))
    if not _split_heading(builder, line, _fixed(prefix, line.number, []) + " ", text, repairs):
        builder.heading(line.number, _fixed(line.raw, line.number, repairs))


def _add_ordinal(builder: _Builder, line: _Line, following: _Line | None, repairs: list[Repair]) -> None:
    match = _ORDINAL_RE.match(line.text)
    rest = match.group("text") if match else ""
    words = line.text.split()
    if following is not None and len(words) <= MAX_HEADING_WORDS and not _INNER_END_RE.search(line.text) \
            and not line.text.endswith((".", "،", "؛", "!")) and not _SEAM_RE.search(line.text):
        repairs.append(Repair("heading", line.number, "read as a heading: a line opened by an ordinal word (أولاً، ثانيًا ...)"))
        builder.heading(line.number, _fixed(line.text, line.number, repairs))
    elif not (match and rest and _split_heading(builder, line, _fixed(line.text[: len(line.text) - len(rest)],
                                                                       line.number, []) + " ", rest, repairs)):
        builder.paragraph(line.number, _fixed(line.text, line.number, repairs))


def _add_text(builder: _Builder, line: _Line, following: _Line | None, repairs: list[Repair], *,
              section_number: bool = False) -> None:
    if builder.last_text is None:
        builder.paragraph(line.number, _fixed(line.text, line.number, repairs))
        return
    seam = _find_glued(line.text, guarded=True)
    if seam is not None and _split_heading(builder, line, "", line.text, repairs, seam=seam,
                                           max_words=QUESTION_HEADING_WORDS):
        return
    text = _fixed(line.text, line.number, repairs)
    rule = match_boilerplate(line.text)
    if rule is not None and rule.block:
        builder.paragraph(line.number, text)  # a "read also" link inside the article is kept, never a heading
        return
    if (reason := _text_heading_reason(text, following, section_number=section_number)) is not None:
        repairs.append(Repair("heading", line.number, f"read as a heading: {reason}"))
        builder.heading(line.number, text)
        return
    builder.paragraph(line.number, text)


@dataclass
class _Head:
    """What the top of the seed gave: title, subtitle ``(line, text)`` and a lede glued to the title line."""

    title: str | None = None
    line: int = 1  # the seed line the title was read from
    subtitle: tuple[int, str] | None = None
    glued: tuple[int, str] | None = None


def _later_text_heading(lines: list[_Line]) -> bool:
    """Does a later line read as a heading of the same kind (a short text line before a longer paragraph)?"""
    for position in range(2, len(lines) - 1):
        line = lines[position]
        if line.kind == "text" and _text_heading_reason(line.text, lines[position + 1]) is not None:
            return True
    return False


def _take_subtitle(lines: list[_Line], head: _Head, confirmed: int | None, repairs: list[Repair]) -> list[_Line]:
    """A subtitle line right under the title, or ``lines`` unchanged.

    Evidence: furniture under it (``confirmed``: the seed line of such a subtitle), or a
    line of two words or more without final full stop before a paragraph, in a seed
    where no later short line reads as a heading (then it is the first section's heading).
    """
    if head.subtitle is not None or head.glued is not None or len(lines) < 2:
        return lines
    line, following = lines[0], lines[1]
    if line.kind != "text" or following.kind != "text" or not reads_as_subtitle(line.text) \
            or line.text.endswith(("؟", "?")) or find_seam(line.text, marks="\u061f?!.:", lexical=False):
        return lines
    if line.number != confirmed and not (following.text.endswith(_SENTENCE_MARKS)
                                         or len(following.text.split()) >= SUBTITLE_FOLLOWER_WORDS):
        return lines  # short lines follow: a list without bullets or a poem, not a title and its subtitle
    if line.number == confirmed:
        why = "a short line under the title, with the date or byline under it"
    elif not _later_text_heading(lines):
        why = "a short line without final full stop right under the title"
    else:
        return lines  # the seed's later headings look the same: this is the first one
    repairs.append(Repair("subtitle", line.number, f"read as the subtitle: {why}"))
    head.subtitle = (line.number, _fixed(line.text, line.number, repairs))
    return lines[1:]


def _take_title(lines: list[_Line], metadata: Metadata, confirmed: int | None,
                repairs: list[Repair]) -> tuple[_Head, list[_Line]]:
    """Title (and subtitle) from metadata or the first line; returns the head and the remaining lines."""
    first = lines[0]
    head = _Head()
    if metadata.title is not None:
        head.title = metadata.title
        if first.kind in ("text", "heading") and repair_spacing(first.text)[0] == metadata.title:
            repairs.append(Repair("drop-duplicate-title", first.number,
                                  "dropped the first line: it repeats the metadata title", dropped=first.raw))
            head.line = first.number
            return head, _take_subtitle(lines[1:], head, confirmed, repairs)
        return head, _take_subtitle(lines, head, confirmed, repairs)
    following = lines[1] if len(lines) > 1 else None
    if first.kind == "heading":
        repairs.append(Repair("title", first.number, "read as the title: a Markdown heading line opening the article"))
        head.title = _fixed(first.text, first.number, repairs)
        head.line = first.number
        return head, _take_subtitle(lines[1:], head, confirmed, repairs)
    if first.kind == "text" and following is not None:
        if (pair := split_question_title(first.text)) is not None:
            repairs.append(Repair("split-title", first.number, "split the title line into a question (the title) "
                                  "and the subtitle after it"))
            head.title = _fixed(pair[0], first.number, repairs)
            head.line = first.number
            head.subtitle = (first.number, _fixed(pair[1], first.number, repairs))
            return head, lines[1:]
        seam = _find_glued(first.text, guarded=True, max_words=TITLE_MAX_WORDS)
        if seam is not None and len(seam.heading.split()) <= TITLE_MAX_WORDS:
            repairs.append(Repair("split-title", first.number,
                                  f"split the text glued to the title line: {seam.evidence}"))
            head.title = _fixed(seam.heading, first.number, repairs)
            head.line = first.number
            if reads_as_subtitle(seam.rest) and not seam.rest.endswith(("؟", "?")) and len(seam.rest.split()) < 16:
                head.subtitle = (first.number, _fixed(seam.rest, first.number, repairs))
            else:
                head.glued = (first.number, _fixed(seam.rest, first.number, repairs))
            return head, lines[1:]
    if _reads_as_title(first, following):
        head.title = _fixed(first.text, first.number, repairs)
        head.line = first.number
        return head, _take_subtitle(lines[1:], head, confirmed, repairs)
    if first.kind == "bullet" and following is not None and not _reads_as_title(
            _Line(first.number, "text", first.text, first.raw), following):
        seam = find_seam(first.text)
        if seam is not None and len(seam.heading.split()) <= TITLE_MAX_WORDS:
            repairs.append(Repair("split-title", first.number, "read as the title: a lone bulleted line opening the "
                                  f"article, glued to its paragraph: {seam.evidence}"))
            head.title = _fixed(seam.heading, first.number, repairs)
            head.line = first.number
            head.glued = (first.number, _fixed(seam.rest, first.number, repairs))
            return head, lines[1:]
    if first.kind == "bullet" and following is not None and following.kind == "text" \
            and _reads_as_title(_Line(first.number, "text", first.text, first.raw), following):
        repairs.append(Repair("title", first.number, "read as the title: a lone bulleted line opening the article"))
        head.title = _fixed(first.text, first.number, repairs)
        head.line = first.number
        return head, _take_subtitle(lines[1:], head, confirmed, repairs)
    return head, lines


def parse_article(text: str, *, path: str, slug: str, metadata: Metadata | None = None) -> Article:
    """Parse normalized seed text into an :class:`Article`.

    Input: text from :func:`explainer.ingest.decode.normalize_seed` (front matter
    already blanked), the seed's display ``path`` and its ``slug``; optional
    :class:`Metadata` (its title, date and author win over what the seed's furniture
    gives). Output: a frozen :class:`Article` whose ``repairs`` list every change made,
    with seed line numbers, and whose ``source_text`` is ``text``; its metadata holds
    the date and author taken from the seed's date line and byline.
    Raises :class:`~explainer.errors.SeedError` when nothing of an article is left.
    """
    metadata = metadata or Metadata()
    repairs: list[Repair] = []
    if not text.strip():
        raise SeedError(path, None, "the seed has no article text after its front matter",
                        "Put the article below the closing '---' line.")
    markup = read_markdown(text.split("\n"))
    if markup is not None:
        repairs.extend(markup.repairs)
    marks = read_marks(markup.lines if markup is not None else text.split("\n"), markdown=markup is not None)
    repairs.extend(marks.repairs)
    unwrapped = unwrap(marks.lines)
    if unwrapped.repair is not None:
        repairs.append(unwrapped.repair)
    repairs.extend(unwrapped.blocks)
    edges = find_edges([line for _number, line in unwrapped.lines])
    metadata, used = _furniture_metadata(metadata, edges)
    lines = _classify(unwrapped.lines, edges, metadata, used, repairs, markup.roles if markup is not None else {})
    if not lines:
        raise SeedError(path, None, "no article text left after dropping separator and boilerplate lines",
                        "Check that the file holds the article itself.")
    if (warning := _arabic_warning(lines, path)) is not None:
        repairs.append(warning)
    confirmed = unwrapped.lines[edges.subtitle][0] if edges.subtitle is not None else None
    head, lines = _take_title(lines, metadata, confirmed, repairs)
    builder = _Builder()
    if head.title is not None:
        # the lines under a title are read like any others: a short line before a paragraph is a heading
        builder.last_text = head.subtitle[1] if head.subtitle else head.title
    if head.glued is not None:
        builder.paragraph(*head.glued)
    listicle = _listicle_lines(lines)
    sectioned = _section_numbered(lines)
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.number in listicle:
            _add_numbered_heading(builder, line, repairs)
            position += 1
            continue
        if line.kind in ("bullet", "numbered"):
            run = _run(lines, position)
            following = lines[position + len(run)] if position + len(run) < len(lines) else None
            if len(run) >= 2 or line.mark == "markdown":
                _add_list(builder, run, repairs)
            elif line.kind == "numbered":
                # A lone numbered line is a sentence that starts with a number, not a list.
                builder.paragraph(line.number, _fixed(line.raw, line.number, repairs))
            else:
                _add_bullet(builder, line, following, repairs)
            position += len(run)
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        if line.kind == "heading":
            builder.heading(line.number, _fixed(line.text, line.number, repairs))
        elif line.kind == "quote":
            builder.paragraph(line.number, _fixed(line.text, line.number, repairs))
        elif line.kind == "ordinal":
            _add_ordinal(builder, line, following, repairs)
        else:
            _add_text(builder, line, following, repairs, section_number=line.number in sectioned)
        position += 1

    title, title_line = head.title, head.line
    title_derived = False
    if title is None:
        title, title_line = _derived_title(builder, path, lines, repairs)
        title_derived = True
    subtitle = Block("subtitle", "paragraph", text=head.subtitle[1], line=head.subtitle[0]) if head.subtitle else None
    return Article(slug=slug, source_path=path, title=title, title_derived=title_derived, lede=builder.lede,
                   sections=builder.built(), metadata=metadata, repairs=tuple(repairs), source_text=text,
                   subtitle=subtitle, title_line=title_line)


def _derived_title(builder: _Builder, path: str, lines: list[_Line], repairs: list[Repair]) -> tuple[str, int]:
    """The title of a seed without a title line (the first sentence, taken out of its paragraph) and its line."""
    taken = builder.take_first_sentence()
    if taken is not None:
        sentence, line = taken
        repairs.append(Repair("title", line, "no title line: the first sentence is the title and leaves its "
                              "paragraph, so it is printed once"))
        return sentence.rstrip(".").rstrip() or sentence, line
    first_text = builder.lede or next((b for _l, _h, bs in builder.sections for b in bs if b.kind == "paragraph"),
                                      None)
    if first_text is not None:
        why = (f"the first sentence is longer than {DERIVED_TITLE_MAX_WORDS} words" if builder.lede is not None
               else "the article opens with a heading or a list")
        repairs.append(Repair("title-cut", first_text.line,
                              f"no title line, and {why}: the title is the first clause or words of the first "
                              "paragraph, cut with '…', and the sentence stays whole. "
                              "Add a title line at the top, or 'title:' metadata"))
        return derive_title(first_text.text, cut=True), first_text.line
    heading = next(((h, at) for at, h, _b in builder.sections if h), None)
    if heading is None:
        raise SeedError(path, lines[0].number if lines else None, "cannot derive a title: the seed has no "
                        "paragraph or heading", "Add a title line at the top, or 'title:' metadata.")
    return heading
