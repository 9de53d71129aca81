"""Stage 2: normalized seed text -> :class:`~explainer.model.Article`.

A seed is plain text, one paragraph per line (blank lines are ignored). The
parser recognizes, line by line:

* boilerplate lines from the catalog (dropped and reported);
* a lone bulleted line (``- ``, ``• ``, ``* ``, ``▪ ``) between paragraphs: a heading;
  if a paragraph is glued to it, the seam is found (:mod:`explainer.glue`) and
  both parts are kept;
* two or more consecutive bulleted or numbered lines: a list;
* every other line: a paragraph.

The first paragraph is the lede; paragraphs before the first heading form the
untitled section ``s0``. Spacing around punctuation is repaired in every text
(:mod:`explainer.punctuation`) and each repair is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import match_boilerplate
from .glue import MAX_HEADING_WORDS, find_seam
from .model import Article, Block, Metadata, Repair, Section
from .punctuation import fix_spacing

_BULLET_RE = re.compile(r"^[-•*▪◦●]\s+(?P<text>.+)$")
_NUMBERED_RE = re.compile(r"^(?P<num>[0-9\u0660-\u0669]{1,3})[.)]\s+(?P<text>.+)$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!\u061f?])\s+")
TITLE_MAX_WORDS = 14


@dataclass
class _Line:
    number: int
    kind: str  # "text", "bullet", "numbered"
    text: str  # without the list marker
    raw: str  # the whole trimmed line


def _classify(lines: list[str], repairs: list[Repair]) -> list[_Line]:
    found: list[_Line] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        rule = match_boilerplate(line)
        if rule is not None:
            repairs.append(Repair("drop-boilerplate", number,
                                  f"dropped {rule.platform} boilerplate line", dropped=line))
            continue
        if match := _BULLET_RE.match(line):
            found.append(_Line(number, "bullet", match.group("text"), line))
        elif match := _NUMBERED_RE.match(line):
            found.append(_Line(number, "numbered", match.group("text"), line))
        else:
            found.append(_Line(number, "text", line, line))
    return found


def _fixed(text: str, line: int, repairs: list[Repair]) -> str:
    fixed = fix_spacing(text)
    if fixed != text.strip():
        repairs.append(Repair("punctuation-space", line, "repaired spacing around punctuation"))
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
            and not line.text.endswith((".", "،", "؛", ":", "!"))
            and following is not None and following.kind == "text")


def parse_article(text: str, *, path: str, slug: str, metadata: Metadata | None = None) -> Article:
    """Parse normalized seed text into an :class:`Article`.

    Input: text from :func:`explainer.decode.normalize_text`, the seed's display
    ``path`` and its ``slug``; optional :class:`Metadata` (its title wins).
    Output: a frozen :class:`Article` whose ``repairs`` list every change made.
    Raises :class:`~explainer.errors.SeedError` when nothing of an article is left.
    """
    from .errors import SeedError

    metadata = metadata or Metadata()
    repairs: list[Repair] = []
    lines = _classify(text.split("\n"), repairs)
    if not lines:
        raise SeedError(path, None, "no article text left after dropping boilerplate",
                        "Check that the file holds the article itself.")

    title: str | None = metadata.title
    title_derived = False
    if title is None and _reads_as_title(lines[0], lines[1] if len(lines) > 1 else None):
        title = _fixed(lines[0].text, lines[0].number, repairs)
        lines = lines[1:]

    # Group lines into headings, lists and paragraphs.
    sections: list[tuple[int, str | None, list[Block]]] = [(0, None, [])]
    counters: dict[int, dict[str, int]] = {0: {"p": 0, "l": 0}}
    lede: Block | None = None

    def add_block(kind: str, line: int, text: str = "", items: tuple[str, ...] = (), ordered: bool = False) -> None:
        nonlocal lede
        index = len(sections) - 1
        if kind == "paragraph" and lede is None and index == 0 and not sections[0][2]:
            lede = Block("lede", "paragraph", text=text, line=line)
            return
        letter = "p" if kind == "paragraph" else "l"
        counters[index][letter] += 1
        block_id = f"s{index}-{letter}{counters[index][letter]}"
        sections[index][2].append(Block(block_id, kind, text=text, items=items, ordered=ordered, line=line))  # type: ignore[arg-type]

    def add_heading(line: int, text: str) -> None:
        sections.append((line, text, []))
        counters[len(sections) - 1] = {"p": 0, "l": 0}

    position = 0
    while position < len(lines):
        line = lines[position]
        if line.kind == "text":
            add_block("paragraph", line.number, _fixed(line.text, line.number, repairs))
            position += 1
            continue
        run_end = position
        while run_end < len(lines) and lines[run_end].kind == line.kind:
            run_end += 1
        run = lines[position:run_end]
        if len(run) == 1 and line.kind == "numbered":
            # A lone numbered line is a sentence that starts with a number, not a list.
            add_block("paragraph", line.number, _fixed(line.raw, line.number, repairs))
        elif len(run) == 1 and line.kind == "bullet":
            text_fixed = _fixed(line.text, line.number, repairs)
            if len(text_fixed.split()) <= MAX_HEADING_WORDS and not _SENTENCE_END_RE.search(text_fixed):
                add_heading(line.number, text_fixed.rstrip("."))
            elif seam := find_seam(text_fixed):
                repairs.append(Repair("split-heading", line.number,
                                      f"split a paragraph glued to its heading: {seam.evidence}"))
                add_heading(line.number, seam.heading)
                add_block("paragraph", line.number, seam.rest)
            else:
                repairs.append(Repair("long-bullet", line.number,
                                      "a lone bulleted line too long for a heading: kept as a paragraph"))
                add_block("paragraph", line.number, text_fixed)
        else:
            items = tuple(_fixed(item.text, item.number, repairs) for item in run)
            add_block("list", line.number, items=items, ordered=line.kind == "numbered")
        position = run_end

    if title is None:
        if lede is None:
            raise SeedError(path, lines[0].number, "cannot derive a title: the seed does not start with a paragraph",
                            f"Add a title line at the top, or a 'title:' in {path.rsplit('.', 1)[0]}.yml.")
        title = derive_title(lede.text)
        title_derived = True

    built = tuple(
        Section(f"s{index}", heading, tuple(blocks), line=number)
        for index, (number, heading, blocks) in enumerate(sections)
        if index > 0 or blocks
    )
    return Article(slug=slug, source_path=path, title=title, title_derived=title_derived, lede=lede,
                   sections=built, metadata=metadata, repairs=tuple(repairs))
