"""Stage 3: Article -> translation units.

One unit per title, subtitle, heading, paragraph and list item (gettext: one message).
``msgctxt`` is the article's slug, so identical sentences in two articles stay
apart while an inserted paragraph does not shift the context of the others
(a positional context would turn every later unit fuzzy). ``msgid`` is the
Arabic text exactly as rendered on the Arabic page.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.model import Article

# "title", "heading", "paragraph", "item" for articles; the glossary and key facts catalogs add their own kinds.
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
    than once when the article repeats a sentence (gettext stores it once). This is
    what extraction writes to the POT and what coverage counts.
    """
    ctxt = article.slug
    units = [Unit(ctxt, article.title, "title", "title", article.title_line)]
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
