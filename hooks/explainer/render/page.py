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


@dataclass(frozen=True)
class Group:
    """Blocks shown together in one wrapping element (a run of passages under one notice).

    ``attributes`` are the wrapper's (``class``, ``role``...), in output order; ``blocks``
    its content, headings included (they stay in the table of contents).
    """

    attributes: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]

    @property
    def html(self) -> str:
        """The wrapper element with its blocks."""
        return f"<div{attrs(*self.attributes)}>\n{_blocks_html(self.blocks)}</div>\n\n"


Block = str | Heading | Group  # raw HTML (ending with a newline), a heading, or a group of blocks


def _blocks_html(blocks: Sequence[Block]) -> str:
    return "".join(block if isinstance(block, str) else block.html + ("" if isinstance(block, Group) else "\n")
                   for block in blocks)


def headings_in(blocks: Sequence[Block]) -> list[Heading]:
    """The heading blocks of ``blocks``, in order, those inside groups included."""
    found: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading):
            found.append(block)
        elif isinstance(block, Group):
            found += headings_in(block.blocks)
    return found


@dataclass(frozen=True)
class TocEntry:
    """One table-of-contents entry: heading ``level``, ``id``, ``title`` (HTML: :func:`toc_title`), nested entries."""

    level: int
    id: str
    title: str
    children: tuple[TocEntry, ...] = ()


def toc_title(heading: Heading) -> str:
    """A heading's table-of-contents title as HTML: its escaped text, in a ``<bdi>`` with the
    heading's ``lang``/``dir`` when it has them (a passage in another language than the page's,
    e.g. an untranslated Arabic heading on an English page: the theme's navigation is in the
    page's direction, and the isolate keeps the Arabic text's order and language)."""
    marks = [(name, value) for name, value in heading.attributes if name in ("lang", "dir")]
    if not marks:
        return escape(heading.text)
    return f"<bdi{attrs(*sorted(marks))}>{escape(heading.text)}</bdi>"


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
        stack.append((heading.level, heading.id, toc_title(heading), []))
    while stack:
        close()
    return tuple(top)


@dataclass(frozen=True)
class Page:
    """A generated page.

    ``src_uri`` names it (``deepseek.md``, ``en/page/2.md``; see :mod:`explainer.render.urls`);
    ``kind`` is ``article``, ``parallel``, ``home``, ``status``, ``glossary``, ``not_found`` or ``seed_error``
    (a preview's page for a seed it left out);
    ``title`` and ``description`` are plain text; ``blocks`` the body (raw HTML, headings, groups); ``alternates``
    maps each language to the src_uri of the same page in it; ``article`` is the slug of
    the article a page shows (article and parallel pages). ``in_nav``: listed in the
    site navigation; ``indexed``: its text goes into the search index (the engine's own
    search is given none of it: see :mod:`explainer.search.records`); ``hide``:
    theme parts to hide (``toc``); ``title_lang``: the language of ``title`` when it is not
    the page's (an untranslated title: the theme's header marks it), else ``None``.
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
    title_lang: str | None = None

    @property
    def html(self) -> str:
        """The body as HTML: the blocks, each heading on its own line, with no newline at the end."""
        return _blocks_html(self.blocks).rstrip("\n")

    def headings(self) -> list[Heading]:
        """The heading blocks, in order (those inside groups included)."""
        return headings_in(self.blocks)

    def toc(self) -> tuple[TocEntry, ...]:
        """The table of contents: the headings nested by level (the ``h1`` holds the ``h2`` entries)."""
        return _nest(self.headings())

