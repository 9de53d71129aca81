"""The parallel view of an article: Arabic and its translation side by side, one row per segment.

URLs: ``/parallel/<slug>/`` (Arabic interface) and ``/<lang>/parallel/<slug>/``. Each row
is a ``<div class="ex-row">`` holding two cells, the page language's first (so Arabic sits
on the right in both the RTL and the LTR page; on a narrow screen the cells stack). The
*row* carries the segment id (``title``, ``lede``, ``s1``, ``s1-p2``, ``s1-l1-i3``), so
one id names the pair and stays unique in the page; a list is a group ``<div>`` with the
list's id (``s1-l1``). Every anchor of the article pages therefore works here too.
A translation cell shows the same marks as the mirror page: the ``ex-untranslated`` /
``ex-fuzzy`` classes and the notice text; an untranslated cell shows only the notice
(the Arabic is beside it).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from explainer.model import Article, Block
from explainer.translate.ui import DIRECTIONS, LANG_NAMES, SOURCE_LANG

PARALLEL_DIR = "parallel"
Lookup = Callable[[str], "object | None"]  # msgid -> Translation-like (text, fuzzy) or None
Ui = Callable[[str, str], str]


def parallel_uri(slug: str, lang: str) -> str:
    """src_uri of the parallel page in ``lang``: ``parallel/<slug>.md`` or ``<lang>/parallel/<slug>.md``."""
    return f"{PARALLEL_DIR}/{slug}.md" if lang == SOURCE_LANG else f"{lang}/{PARALLEL_DIR}/{slug}.md"


def _cell(msgid: str, lang: str, page_lang: str, lookup: Lookup, ui: Ui, tag: str) -> str:
    attrs = f'lang="{lang}" dir="{DIRECTIONS[lang]}"'
    if lang == SOURCE_LANG:
        return f'<div class="ex-cell" {attrs}><{tag}>{html.escape(msgid)}</{tag}></div>'
    found = lookup(msgid)
    if found is None:
        notice = html.escape(ui("untranslated", page_lang))
        return (f'<div class="ex-cell ex-untranslated" {attrs}>'
                f'<p class="ex-notice ex-notice--untranslated" role="note" lang="{page_lang}" dir="{DIRECTIONS[page_lang]}">{notice}</p></div>')
    text, fuzzy = found.text, found.fuzzy  # type: ignore[attr-defined]
    notice = ""
    if fuzzy:
        notice = (f'<p class="ex-notice ex-notice--fuzzy" role="note" lang="{page_lang}" dir="{DIRECTIONS[page_lang]}">'
                  f'{html.escape(ui("outdated", page_lang))}</p>')
    css = "ex-cell ex-fuzzy" if fuzzy else "ex-cell"
    return f'<div class="{css}" {attrs}>{notice}<{tag}>{html.escape(text)}</{tag}></div>'


def _row(seg_id: str, msgid: str, kind: str, page_lang: str, langs: Sequence[str], lookup: Lookup, ui: Ui,
         tag: str = "p") -> str:
    order = [page_lang] + [lang for lang in langs if lang != page_lang]
    cells = "".join(_cell(msgid, lang, page_lang, lookup, ui, tag) for lang in order)
    return f'<div class="ex-row ex-row--{kind}" id="{seg_id}">{cells}</div>\n'


def _list_rows(block: Block, page_lang: str, langs: Sequence[str], lookup: Lookup, ui: Ui) -> str:
    rows = "".join(_row(block.item_id(i), item, "item", page_lang, langs, lookup, ui)
                   for i, item in enumerate(block.items))
    return f'<div class="ex-group" id="{block.id}">\n{rows}</div>\n'


def render_rows(article: Article, page_lang: str, langs: Sequence[str], lookup: Lookup, ui: Ui) -> str:
    """The rows of the parallel view as one raw HTML block (every text HTML-escaped).

    Input: the article, the page language, the site's languages (two: the source
    and one translation), a lookup for the translation and the UI string function.
    Output: ``<div class="ex-parallel">`` with a header row naming the columns.
    """
    order = [page_lang] + [lang for lang in langs if lang != page_lang]
    head = "".join(f'<div class="ex-cell" lang="{lang}" dir="{DIRECTIONS[lang]}">{html.escape(LANG_NAMES[lang])}</div>'
                   for lang in order)
    parts = [f'<div class="ex-parallel">\n<div class="ex-row ex-row--head" aria-hidden="true">{head}</div>\n',
             _row("title", article.title, "title", page_lang, langs, lookup, ui, "strong")]
    if article.subtitle:
        parts.append(_row("subtitle", article.subtitle.text, "subtitle", page_lang, langs, lookup, ui))
    if article.lede:
        parts.append(_row("lede", article.lede.text, "lede", page_lang, langs, lookup, ui))
    for section in article.sections:
        if section.heading is not None:
            parts.append(_row(section.id, section.heading, "heading", page_lang, langs, lookup, ui, "strong"))
        for block in section.blocks:
            if block.kind == "paragraph":
                parts.append(_row(block.id, block.text, "paragraph", page_lang, langs, lookup, ui))
            else:
                parts.append(_list_rows(block, page_lang, langs, lookup, ui))
    parts.append("</div>\n\n")
    return "".join(parts)
