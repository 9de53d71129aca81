"""Stage 2: normalized seed text -> :class:`~explainer.model.Article`.

A seed is plain text, one paragraph per line (blank lines are ignored). Each
line is first classified by its own form, then given a role from its
neighbours:

* separator lines (punctuation only: ``* * *``, ``———``) and boilerplate lines
  from the catalog (:mod:`explainer.ingest.boilerplate`): dropped and reported;
* bulleted lines (``-``, ``*``, ``–`` then a space; ``•``, ``▪``, ``◦``, ``●`` with or
  without one):
  two or more in a row with the same marker are a list; a lone one is a
  heading, unless it follows a line ending in ``:`` or ends the article (then a
  one-item list) or is too long (then a glued paragraph is looked for, see
  :mod:`explainer.ingest.glue`, else it stays a paragraph);
* numbered lines (``1.``, ``1)``, ``1-``, ``١.``, ``١)``): two or more in a row
  numbered 1, 2, 3 ... are an ordered list (the markers become its numbering,
  reported); any other numbered line is a paragraph that keeps its number;
* ordinal lines (``أولاً: ...``, ``ثانيًا - ...``): a heading when short, else
  a heading glued to its paragraph when a seam is found, else a paragraph;
* other lines between two blocks: a question heading (ends in ``؟``/``?``, one
  sentence, at most ``QUESTION_HEADING_WORDS`` words), or a short heading (at most
  ``SHORT_HEADING_WORDS`` words, no final punctuation, not mostly numbers, not
  starting with a connective or ending with a preposition, followed by a list,
  a clearly longer paragraph or a paragraph that opens a list); a line whose first sentence is a question glued to the next
  sentence (``…؟ويرى``) is split into heading and paragraph;
* every other line: a paragraph.

The first paragraph is the lede; paragraphs before the first heading form the
untitled section ``s0``. The title comes from metadata, else from a first line
that reads as a title, else from the lede's first sentence. Spacing around
punctuation is repaired in every text (:mod:`explainer.ingest.punctuation`). Every
repair, drop and inferred structure is reported with its seed line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from explainer.ingest.boilerplate import match_boilerplate
from explainer.errors import SeedError
from explainer.ingest.glue import MAX_HEADING_WORDS, find_seam
from explainer.model import Article, Block, Metadata, Repair, Section
from explainer.ingest.punctuation import repair_spacing

# ``-``, ``*`` and ``–`` need a space after them (``-5``, ``*ملاحظة``); the bullet symbols do not.
_BULLET_RE = re.compile(r"^(?:(?P<mark>[-*–])\s+|(?P<symbol>[•▪◦●])\s*)(?P<text>[^\s•▪◦●].*)$")
_NUMBERED_RE = re.compile(r"^(?P<num>[0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\s?(?P<mark>[.)]|\s?[-–])\s+(?P<text>\S.*)$")
# Ordinal words that open numbered headings (أولاً: / ثانيًا - ...), with or without tanween.
_ORDINAL_RE = re.compile(
    r"^(?P<ordinal>(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير)(?:اً|ًا|ا)?)"
    r"\s*(?P<mark>[:\-–])\s*(?P<text>.*)$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!\u061f?])\s+")
_INNER_END_RE = re.compile(r"[.!\u061f?]\s")
_SEAM_RE = re.compile(r"[.!\u061f?:](?=[\u0621-\u064a])")  # a mark glued to the next word
_FINAL_PUNCT = tuple(".،,؛;:!؟?…")
# Characters that draw a separator line (``* * *``, ``———``, ``=====``) together with punctuation.
_SEPARATOR_CHARS = frozenset("*=_~-—–•▪◦●·#+<>|")
TITLE_MAX_WORDS = 14
SHORT_HEADING_WORDS = 10
QUESTION_HEADING_WORDS = 12
# A short heading must be followed by a paragraph at least this many times longer (in words).
HEADING_FOLLOWER_RATIO = 2
HEADING_FOLLOWER_MIN_WORDS = 8
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
    kind: str  # "text", "bullet", "numbered", "ordinal"
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


BOILERPLATE_MAX_WORDS = 8


def _boilerplate_edges(lines: list[str]) -> set[int]:
    """0-based indexes of the lines a boilerplate rule may drop.

    Platform chrome sits around an article, never inside it: only the leading and
    trailing runs of lines that are blank, punctuation-only or short catalog
    matches (at most ``BOILERPLATE_MAX_WORDS`` words, no sentence-final mark)
    qualify. A matching line inside the article is kept (and reported).
    """
    def chrome(line: str) -> bool:
        line = line.strip()
        if not line or _is_separator(line):
            return True
        short = len(line.split()) <= BOILERPLATE_MAX_WORDS and not line.endswith((".", "!", "\u061f", "?"))
        return short and match_boilerplate(line) is not None

    edges: set[int] = set()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for index in order:
            if not chrome(lines[index]):
                break
            edges.add(index)
    return edges


def _is_separator(line: str) -> bool:
    return all(ch.isspace() or ch in _SEPARATOR_CHARS or unicodedata.category(ch)[0] == "P" for ch in line)


def _classify(lines: list[str], repairs: list[Repair]) -> list[_Line]:
    found: list[_Line] = []
    droppable = _boilerplate_edges(lines)
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if _is_separator(line):
            repairs.append(Repair("drop-separator", number, "dropped a separator line (punctuation only)",
                                  dropped=line))
            continue
        rule = match_boilerplate(line)
        if rule is not None and number - 1 in droppable:
            repairs.append(Repair("drop-boilerplate", number,
                                  f"dropped {rule.platform} boilerplate line", dropped=line))
            continue
        if rule is not None:
            repairs.append(Repair("kept-boilerplate-like", number,
                                  f"kept a line that looks like {rule.platform} boilerplate: it is inside the "
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


def _fixed(text: str, line: int, repairs: list[Repair]) -> str:
    fixed, notes = repair_spacing(text)
    if notes:
        repairs.append(Repair("punctuation-space", line, "repaired spacing around punctuation: " + ", ".join(notes)))
    return fixed


def derive_title(lede: str) -> str:
    """Derive a title from the lede text: its first sentence without the final mark.

    Input: lede text. Output: at most ``TITLE_MAX_WORDS`` words; a longer first
    sentence is cut and ends with ``…``.

    >>> derive_title("هناك طفل جديد. وقال آخرون.")
    'هناك طفل جديد'
    """
    first = _SENTENCE_END_RE.split(lede.strip(), maxsplit=1)[0].rstrip(".!\u061f?")
    words = first.split()
    if len(words) > TITLE_MAX_WORDS:
        return " ".join(words[:TITLE_MAX_WORDS - 2]) + "…"
    return first


def _reads_as_title(line: _Line, following: _Line | None) -> bool:
    words = line.text.split()
    return (line.kind == "text" and len(words) <= TITLE_MAX_WORDS
            and not line.text.endswith((".", "،", "؛", ":", "!", ",", ";"))
            and not _INNER_END_RE.search(line.text)
            and following is not None)


def _is_fragment(words: list[str]) -> bool:
    return words[0] in _CONNECTIVES or words[-1] in _DANGLING


def _text_heading_reason(text: str, following: _Line | None) -> str | None:
    """Why a text line standing between two blocks reads as a heading, or ``None``."""
    words = text.split()
    if following is None or not words or _INNER_END_RE.search(text):
        return None
    if text.endswith(("؟", "?")) and len(words) <= QUESTION_HEADING_WORDS and following.kind == "text":
        return "a one-sentence question between paragraphs"
    if len(words) > SHORT_HEADING_WORDS or text.endswith(_FINAL_PUNCT) or _is_fragment(words):
        return None
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
                   marks: str = "\u061f?!.:", lexical: bool = True, max_words: int = MAX_HEADING_WORDS) -> bool:
    """Split ``raw`` (text before spacing repairs: a glued seam has no space) into heading + paragraph."""
    seam = find_seam(raw, marks=marks, lexical=lexical)
    if seam is None or len(seam.heading.split()) > max_words:
        return False
    what = "a paragraph glued to its heading" if lexical else "a question heading glued to its paragraph"
    repairs.append(Repair("split-heading", line.number, f"split {what}: {seam.evidence}"))
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


def _add_text(builder: _Builder, line: _Line, following: _Line | None, repairs: list[Repair]) -> None:
    if builder.last_text is None:
        builder.paragraph(line.number, _fixed(line.text, line.number, repairs))
        return
    if _split_heading(builder, line, "", line.text, repairs, marks="\u061f?", lexical=False,
                      max_words=QUESTION_HEADING_WORDS):
        return
    text = _fixed(line.text, line.number, repairs)
    if (reason := _text_heading_reason(text, following)) is not None:
        repairs.append(Repair("heading", line.number, f"read as a heading: {reason}"))
        builder.heading(line.number, text)
        return
    builder.paragraph(line.number, text)


_Glued = tuple[int, str] | None  # (seed line, lede text glued to the title line)


def _take_title(lines: list[_Line], metadata: Metadata, repairs: list[Repair]) -> tuple[str | None, list[_Line], _Glued]:
    """Title from metadata or the first line; returns (title, remaining lines, (line, glued lede text))."""
    first = lines[0]
    if metadata.title is not None:
        if first.kind == "text" and repair_spacing(first.text)[0] == metadata.title:
            repairs.append(Repair("drop-duplicate-title", first.number,
                                  "dropped the first line: it repeats the metadata title", dropped=first.raw))
            return metadata.title, lines[1:], None
        return metadata.title, lines, None
    following = lines[1] if len(lines) > 1 else None
    if first.kind == "text":
        seam = find_seam(first.text, marks="\u061f?", lexical=False)
        if seam is not None and len(seam.heading.split()) <= TITLE_MAX_WORDS:
            repairs.append(Repair("split-title", first.number,
                                  f"split the lede glued to the title line: {seam.evidence}"))
            return _fixed(seam.heading, first.number, repairs), lines[1:], (first.number, seam.rest)
    if _reads_as_title(first, following):
        return _fixed(first.text, first.number, repairs), lines[1:], None
    if first.kind == "bullet" and following is not None and following.kind == "text" \
            and _reads_as_title(_Line(first.number, "text", first.text, first.raw), following):
        repairs.append(Repair("title", first.number, "read as the title: a lone bulleted line opening the article"))
        return _fixed(first.text, first.number, repairs), lines[1:], None
    return None, lines, None


def parse_article(text: str, *, path: str, slug: str, metadata: Metadata | None = None) -> Article:
    """Parse normalized seed text into an :class:`Article`.

    Input: text from :func:`explainer.ingest.decode.normalize_seed` (front matter
    already blanked), the seed's display ``path`` and its ``slug``; optional
    :class:`Metadata` (its title wins). Output: a frozen :class:`Article` whose
    ``repairs`` list every change made, with seed line numbers, and whose
    ``source_text`` is ``text``.
    Raises :class:`~explainer.errors.SeedError` when nothing of an article is left.
    """
    metadata = metadata or Metadata()
    repairs: list[Repair] = []
    if not text.strip():
        raise SeedError(path, None, "the seed has no article text after its front matter",
                        "Put the article below the closing '---' line.")
    lines = _classify(text.split("\n"), repairs)
    if not lines:
        raise SeedError(path, None, "no article text left after dropping separator and boilerplate lines",
                        "Check that the file holds the article itself.")
    title, lines, glued_lede = _take_title(lines, metadata, repairs)
    builder = _Builder()
    if glued_lede is not None:
        builder.paragraph(*glued_lede)
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.kind in ("bullet", "numbered"):
            run = _run(lines, position)
            following = lines[position + len(run)] if position + len(run) < len(lines) else None
            if len(run) >= 2:
                _add_list(builder, run, repairs)
            elif line.kind == "numbered":
                # A lone numbered line is a sentence that starts with a number, not a list.
                builder.paragraph(line.number, _fixed(line.raw, line.number, repairs))
            else:
                _add_bullet(builder, line, following, repairs)
            position += len(run)
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        if line.kind == "ordinal":
            _add_ordinal(builder, line, following, repairs)
        else:
            _add_text(builder, line, following, repairs)
        position += 1

    title_derived = False
    if title is None:
        first_text = builder.lede or next((b for _l, _h, bs in builder.sections for b in bs if b.kind == "paragraph"),
                                          None)
        if first_text is not None:
            title = derive_title(first_text.text)
        else:
            heading = next((h for _l, h, _b in builder.sections if h), None)
            if heading is None:
                raise SeedError(path, lines[0].number if lines else None, "cannot derive a title: the seed has no "
                                "paragraph or heading", "Add a title line at the top, or 'title:' metadata.")
            title = heading
        title_derived = True
    return Article(slug=slug, source_path=path, title=title, title_derived=title_derived, lede=builder.lede,
                   sections=builder.built(), metadata=metadata, repairs=tuple(repairs), source_text=text)
