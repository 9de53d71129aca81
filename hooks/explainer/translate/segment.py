"""Stage 3: Article -> translation units.

One unit per title, subtitle, heading, paragraph and list item (gettext: one message).
``msgctxt`` is the article's slug, so identical sentences in two articles stay
apart while an inserted paragraph does not shift the context of the others
(a positional context would turn every later unit fuzzy). ``msgid`` is the
Arabic text exactly as rendered on the Arabic page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.model import Article

_NOT_LETTERS = re.compile(r"[\W_]+")   # spaces, punctuation, tatweel's neighbours: what spacing repairs change

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
    units = [Unit(ctxt, article.title, "title", "title", title_line(article))]
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


def _fold(text: str) -> str:
    return _NOT_LETTERS.sub("", text.replace("\u0640", "").removesuffix("…"))


def title_line(article: Article) -> int:
    """The 1-based seed line the title was read from (its ``#:`` reference).

    A title line, a question split from its subtitle, or a title derived from the first
    sentence: the first line of the seed text where the title's letters start (spacing and
    punctuation repairs ignored; a derived sentence may run over hard-wrapped lines).
    A metadata title: the seed line that repeated it, if any, else line 1 (the front matter
    or the seed's top). Falls back to the lede's line.
    """
    lines = article.source_text.splitlines()
    folded = [_fold(line) for line in lines]
    wanted = _fold(article.title)
    for repair in article.repairs:
        if repair.kind == "drop-duplicate-title":
            return repair.line
    if wanted:
        for index, line in enumerate(folded):
            if not line:
                continue
            if line.startswith(wanted):
                return index + 1
            if wanted.startswith(line):     # a sentence wrapped over several lines
                joined, end = line, index
                while len(joined) < len(wanted) and end + 1 < len(folded):
                    end += 1
                    joined += folded[end]
                if joined.startswith(wanted):
                    return index + 1
    if article.metadata.title is not None and article.metadata.title == article.title:
        return 1
    return article.lede.line if article.lede else 1
