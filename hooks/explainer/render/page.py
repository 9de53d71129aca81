"""A generated page as data: where it goes, its metadata, its HTML blocks and its table of contents.

The renderers (:mod:`explainer.render.pages`, :mod:`explainer.render.layer`) return
:class:`Page` objects; an engine adapter hands ``Page.html`` to the site generator as
the page's finished content, ``Page.toc()`` as its table of contents and the other
fields as structured metadata (no front matter text is written or parsed). The
hook-free export (:mod:`explainer.render.export`) writes the same blocks as Markdown
pages. Every text in a block is escaped when the block is made: nothing here parses HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass


def escape(text: str) -> str:
    """HTML text escaping (``& < >``; quotes stay, as Python-Markdown writes text)."""
    return html.escape(text, quote=False)


def attrs(*pairs: tuple[str, str | None]) -> str:
    """`` name="value"`` for each pair whose value is set, in the given order, values escaped (HTML 5).

    >>> attrs(("id", "s1"), ("lang", None), ("data-tip", 'a "b"'))
    ' id="s1" data-tip="a &quot;b&quot;"'
    """
    return "".join(f' {name}="{html.escape(value)}"' for name, value in pairs if value is not None)


@dataclass(frozen=True)
class Heading:
    """A heading block: ``html`` is the whole element; the rest says what it holds.

    ``text`` is the heading's plain text in ``text_lang``; ``attributes`` are the
    element's attributes besides ``id`` (class, ``lang``, ``dir``), in output order;
    ``isolated`` says whether runs of the other direction are isolated in ``html``
    (:mod:`explainer.render.bidi`), which the export repeats in Markdown.
    """

    level: int
    id: str
    text: str
    text_lang: str
    html: str
    attributes: tuple[tuple[str, str], ...] = ()
    isolated: bool = False


Block = str | Heading  # raw HTML (ending with a newline) or a heading


@dataclass(frozen=True)
class TocEntry:
    """One table-of-contents entry: heading ``level``, ``id``, ``title`` (escaped plain text), nested entries."""

    level: int
    id: str
    title: str
    children: tuple[TocEntry, ...] = ()


def _nest(headings: Sequence[Heading]) -> tuple[TocEntry, ...]:
    """Nest headings by level into entries, as Python-Markdown's ``toc`` extension does."""
    stack: list[tuple[int, str, str, list[TocEntry]]] = []
    top: list[TocEntry] = []

    def close() -> None:
        level, ident, title, children = stack.pop()
        entry = TocEntry(level, ident, title, tuple(children))
        (stack[-1][3] if stack else top).append(entry)

    for heading in headings:
        while stack and stack[-1][0] >= heading.level:
            close()
        stack.append((heading.level, heading.id, escape(heading.text), []))
    while stack:
        close()
    return tuple(top)


@dataclass(frozen=True)
class Page:
    """A generated page.

    ``src_uri`` names it (``deepseek.md``, ``en/page/2.md``; see :mod:`explainer.render.urls`);
    ``kind`` is ``article``, ``parallel``, ``home``, ``status``, ``glossary`` or ``not_found``;
    ``title`` and ``description`` are plain text; ``blocks`` the body; ``alternates``
    maps each language to the src_uri of the same page in it; ``article`` is the slug of
    the article a page shows (article and parallel pages). ``in_nav``: listed in the
    site navigation; ``indexed``: its text goes into the search index (the engine's own
    search is given none of it: see :mod:`explainer.search.records`); ``hide``:
    theme parts to hide (``toc``).
    """

    src_uri: str
    lang: str
    kind: str
    title: str
    blocks: tuple[Block, ...]
    description: str | None = None
    alternates: tuple[tuple[str, str], ...] = ()
    article: str | None = None
    in_nav: bool = True
    indexed: bool = False
    hide: tuple[str, ...] = ()

    @property
    def html(self) -> str:
        """The body as HTML: the blocks, each heading on its own line, with no newline at the end."""
        return "".join(block if isinstance(block, str) else block.html + "\n" for block in self.blocks).rstrip("\n")

    def headings(self) -> list[Heading]:
        """The heading blocks, in order."""
        return [block for block in self.blocks if isinstance(block, Heading)]

    def toc(self) -> tuple[TocEntry, ...]:
        """The table of contents: the headings nested by level (the ``h1`` holds the ``h2`` entries)."""
        return _nest(self.headings())

