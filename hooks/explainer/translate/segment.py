"""Stage 3: Article -> translation units.

One unit per title, subtitle, heading, paragraph and list item (gettext: one message).
``msgctxt`` is the article's slug, so identical sentences in two articles stay
apart while an inserted paragraph does not shift the context of the others
(a positional context would turn every later unit fuzzy). ``msgid`` is the
Arabic text exactly as rendered on the Arabic page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explainer.model import Article

# "title", "heading", "paragraph", "item" here; feature modules may add kinds (e.g. "term").
UnitKind = str


@dataclass(frozen=True)
class Unit:
    """One translatable segment: where it sits (``segment_id``) and its gettext key.

    ``line`` is the 1-based seed line (the ``#:`` reference); ``kind`` goes into
    the extracted comment (``#. s1-p2 paragraph``) that translators see.
    """

    msgctxt: str
    msgid: str
    segment_id: str
    kind: UnitKind
    line: int


def article_units(article: Article) -> list[Unit]:
    """List the translation units of ``article`` in reading order.

    Output: a list of :class:`Unit`; the same ``(msgctxt, msgid)`` may occur more
    than once when the article repeats a sentence (gettext stores it once).
    """
    ctxt = article.slug
    units = [Unit(ctxt, article.title, "title", "title", article.lede.line if article.lede else 0)]
    if article.subtitle:
        units.append(Unit(ctxt, article.subtitle.text, "subtitle", "subtitle", article.subtitle.line))
    if article.lede:
        units.append(Unit(ctxt, article.lede.text, article.lede.id, "paragraph", article.lede.line))
    for section in article.sections:
        if section.heading is not None:
            units.append(Unit(ctxt, section.heading, section.id, "heading", section.line))
        for block in section.blocks:
            if block.kind == "paragraph":
                units.append(Unit(ctxt, block.text, block.id, "paragraph", block.line))
            else:
                for index, item in enumerate(block.items):
                    units.append(Unit(ctxt, item, block.item_id(index), "item", block.line + index))
    return units


# Extra unit sources: functions Article -> units, registered by feature modules
# (key facts, glossary...) so their text joins the article's catalog.
UnitSource = Callable[[Article], Iterable[Unit]]
UNIT_SOURCES: list[UnitSource] = []


def register_unit_source(source: UnitSource) -> UnitSource:
    """Add ``source`` to the functions :func:`catalog_units` calls; returns it (usable as a decorator).

    A source returns extra :class:`Unit` objects for an article; use the
    article's slug as ``msgctxt`` so :func:`explainer.site.make_lookup` finds them.
    """
    if source not in UNIT_SOURCES:
        UNIT_SOURCES.append(source)
    return source


def catalog_units(article: Article) -> list[Unit]:
    """Every translation unit of ``article``: :func:`article_units`, then each registered source's units.

    This is what extraction writes to the POT and what coverage counts.
    """
    units = article_units(article)
    for source in UNIT_SOURCES:
        units.extend(source(article))
    return units
