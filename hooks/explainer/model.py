"""The article model: frozen dataclasses, plain data, no behaviour beyond views.

Ids are positional and shared by every language of an article, so an anchor such
as ``#s2-p1`` points at the same paragraph on the Arabic page and on its mirror:

* ``subtitle``         the line under the title (a dek), when the seed has one
* ``lede``             the first paragraph of the article
* ``s0``               untitled sections before the first heading (no heading)
* ``s1``, ``s2`` ...   headed sections, in seed order
* ``s1-p1``            the first paragraph of section 1
* ``s1-l1``, ``s1-l1-i2``   the first list of section 1 and its second item
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "list"]


@dataclass(frozen=True)
class Block:
    """A paragraph or a list inside a section.

    ``text`` holds the paragraph text (empty for lists); ``items`` holds the list
    items in order (empty for paragraphs). ``line`` is the 1-based seed line the
    block starts on.
    """

    id: str
    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    ordered: bool = False
    line: int = 0

    def item_id(self, index: int) -> str:
        """Id of the ``index``-th item (0-based) of a list block, e.g. ``s1-l1-i1``."""
        return f"{self.id}-i{index + 1}"


@dataclass(frozen=True)
class Section:
    """A section: an optional heading (``None`` for the untitled intro) and blocks."""

    id: str
    heading: str | None
    blocks: tuple[Block, ...]
    line: int = 0


@dataclass(frozen=True)
class Repair:
    """One change the pipeline made to the seed text, for the ingestion report.

    ``kind`` is a short machine name (``split-heading``, ``punctuation-space``,
    ``drop-boilerplate`` ...); ``line`` is the 1-based seed line; ``detail`` is a
    human sentence; ``dropped`` holds text removed from the article, if any.
    ``level`` is ``"info"`` for a routine repair, or ``"warning"`` for one the
    editor should act on (the MkDocs hook logs it as a warning, so
    ``mkdocs build --strict`` fails).
    """

    kind: str
    line: int
    detail: str
    dropped: str = ""
    level: str = "info"


@dataclass(frozen=True)
class Metadata:
    """Editor-supplied facts about a seed; every field is optional."""

    title: str | None = None
    slug: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Article:
    """A parsed seed.

    ``title_derived`` is True when no title line or metadata gave the title and
    it was derived from the first sentence (which then leaves its paragraph, unless it was
    too long and the title is cut with ``…``). ``subtitle`` is the line under the title
    (id ``subtitle``), or ``None``. ``title_line`` is the 1-based seed line the title was read
    from (the first sentence's line for a derived title; for a metadata title the line that
    repeated it, else 1): the ``#:`` reference of the title's PO entry.
    ``source_text`` is the normalized seed text the article was parsed from
    (front matter lines blanked, so line numbers match the file); the
    preservation check compares it with the rendered page.
    """

    slug: str
    source_path: str
    title: str
    title_derived: bool
    lede: Block | None
    sections: tuple[Section, ...]
    metadata: Metadata = field(default_factory=Metadata)
    repairs: tuple[Repair, ...] = ()
    source_text: str = field(default="", repr=False, compare=False)
    subtitle: Block | None = None
    title_line: int = 1

    def blocks(self) -> list[Block]:
        """Every block of the body in reading order, the lede first."""
        found = [self.lede] if self.lede else []
        for section in self.sections:
            found.extend(section.blocks)
        return found
