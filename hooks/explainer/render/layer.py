"""The explainer layer: byline furniture, key facts, glossary markup, the parallel and glossary pages.

:func:`article_extras` gives the :class:`~explainer.render.pages.Extras` of one article
page (byline and key facts under the title, glossary terms marked at first use, the
term list and the previous/next links at the end); :func:`render_parallel` and
:func:`render_glossary` give those pages. The side data they show is read by
:mod:`explainer.site` (``glossary.yml``, ``seeds/*.facts.yml``, the glossary and facts
catalogs) and handed in.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_percent

from explainer.cldr import direction, format_list, locale
from explainer.model import Article
from explainer.render.facts import Fact, render_box
from explainer.render.glossary import LocalTerm, Term, TermMarker, localize, sort_key
from explainer.render.page import Heading, Page, escape
from explainer.render.pages import Extras, ListedArticle, SiteContext, a, heading, inline_html, paragraph
from explainer.render.parallel import render_rows
from explainer.render.readtime import format_minutes, mixed_reading_minutes
from explainer.render.urls import article_uri, glossary_uri, parallel_uri
from explainer.translate.catalog import Translation
from explainer.translate.state import TranslationStates, current_text
from explainer.translate.ui import SOURCE_LANG

Translate = Callable[[str], "str | None"]


def current(lookup: Callable[[str], Translation | None]) -> Translate:
    """A translate function giving only current msgstrs (:func:`explainer.translate.state.current_text`), else ``None``."""
    def translate(msgid: str) -> str | None:
        return current_text(msgid, lookup(msgid))
    return translate


def _lang(text_lang: str, page_lang: str) -> str:
    return "" if text_lang == page_lang else f' lang="{text_lang}" dir="{direction(text_lang)}"'


def _source_url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def _byline(article: Article, states: TranslationStates, site: SiteContext, speed: Callable[[str], int]) -> str:
    lang, ui = states.lang, site.ui
    src_uri = article_uri(article.slug, lang)
    parts: list[str] = []
    meta = article.metadata
    if meta.date:
        when = format_date(_dt.date.fromisoformat(meta.date), "long", locale=locale(lang))
        parts.append(escape(ui.text("published", lang, date=when)))
    if meta.author:
        # the name may be in the other script (an Arabic name on the English page, a Latin one on the Arabic
        # page): a <bdi> isolates it, so the separators around it keep their places
        parts.append(ui.markup("by_author", lang, author=f"<bdi>{escape(meta.author)}</bdi>"))
    if meta.source:
        parts.append(a(_source_url(meta.source), escape(ui.text("source", lang))))
    # a passage shown in Arabic on the English page is read at the Arabic speed
    minutes = mixed_reading_minutes(((shown.text, shown.lang) for shown in (states.of(u.msgid) for u, _s in states.units)),
                                    speed)
    parts.append(escape(ui.text("reading_time", lang, duration=format_minutes(minutes, lang))))
    parts.append(a(site.href(src_uri, parallel_uri(article.slug, lang)), escape(ui.text("parallel_link", lang))))
    line = paragraph(" · ".join(parts), ("class", "ex-byline"), ("data-search-exclude", ""))
    if lang != SOURCE_LANG:
        # the coverage figure of explainer.translate.state.percent (rounded down), written in the page's locale
        share = format_percent(Decimal(states.percent) / 100, locale=locale(lang), numbering_system="latn")
        original = a(site.href(src_uri, article_uri(article.slug, SOURCE_LANG)), escape(ui.text("original", lang)))
        figure = "" if states.unreadable else " · " + escape(ui.text("coverage", lang, percent=share))  # unknown: no figure
        line += paragraph(ui.markup("translated_from", lang, original=original) + figure,
                          ("class", "ex-translated"), ("data-search-exclude", ""))
    return line


def _terms_footer(used: Sequence[LocalTerm], src_uri: str, lang: str, site: SiteContext) -> str:
    if not used:
        return ""
    ui = site.ui
    rows = "".join(
        f'<div id="gl-{t.id}"><dt{_lang(t.term_lang, lang)}>{html.escape(t.term)}</dt>'
        f'<dd id="gl-{t.id}-def"{_lang(t.explanation_lang, lang)}>{html.escape(t.explanation)}</dd></div>'
        for t in used)
    link = a(site.href(src_uri, glossary_uri(lang)), escape(ui.text("glossary_all", lang)))
    return (f'<aside class="ex-terms" aria-labelledby="ex-terms-title" data-search-exclude><p class="ex-terms__title" id="ex-terms-title">'
            f'{html.escape(ui.text("terms_title", lang))}</p><dl>{rows}</dl></aside>\n\n'
            + paragraph(link, ("class", "ex-glossary-link"), ("data-search-exclude", "")))


def _prev_next(src_uri: str, lang: str, previous: ListedArticle | None, following: ListedArticle | None,
               site: SiteContext) -> str:
    links = []
    for key, other in (("previous", previous), ("next", following)):
        if other is not None:
            # an untranslated title is Arabic on the English page: marked and isolated, as in the home listing
            title = other.title
            marks = (("dir", direction(title.lang)), ("lang", title.lang)) if title.lang != lang else ()
            link = a(site.href(src_uri, article_uri(other.slug, lang)), inline_html(title.text, title.lang), *marks)
            links.append(site.ui.markup(key, lang, title=link))
    return paragraph(" · ".join(links), ("class", "ex-prevnext"), ("data-search-exclude", "")) if links else ""


@dataclass(frozen=True)
class ArticleLayer:
    """The explainer layer's data for one article in one language.

    ``facts``: the facts shown (:func:`explainer.render.facts.load_article_facts`) and
    ``fact_translate`` their current translations; ``terms``: the glossary terms the
    article's Arabic body uses, in first-use order, and ``term_translate`` the glossary's
    current translations; ``previous``/``following``: the neighbours in the home
    listing's order, as listings show them; ``words_per_minute``: the reading speed of the
    page's language, ``speeds`` the reading speed of any language (a passage shown in Arabic
    on an English page is read at the Arabic speed; ``None``: ``words_per_minute`` for all).
    """

    facts: Sequence[Fact] = ()
    fact_translate: Translate = lambda _msgid: None
    terms: Sequence[Term] = ()
    term_translate: Translate = lambda _msgid: None
    previous: ListedArticle | None = None
    following: ListedArticle | None = None
    words_per_minute: int = 200
    speeds: Callable[[str], int] | None = None


def article_extras(article: Article, states: TranslationStates, site: SiteContext, layer: ArticleLayer) -> Extras:
    """The explainer layer of ``article``'s page in ``states.lang`` (see :class:`ArticleLayer`)."""
    lang = states.lang
    src_uri = article_uri(article.slug, lang)
    box = render_box(layer.facts, lang, layer.fact_translate, site.ui.text)
    # The article's terms are those its Arabic body uses (first-use order), on every page, so the
    # term list has the same ids in each language and every marked term has its description.
    local = localize(layer.terms, lang, layer.term_translate)
    marker = TermMarker(layer.terms, local, inline_html)
    tail = _prev_next(src_uri, lang, layer.previous, layer.following, site)
    speed = layer.speeds or (lambda _lang: layer.words_per_minute)
    return Extras(header=_byline(article, states, site, speed) + box, mark=marker.mark,
                  footer=lambda: _terms_footer(local, src_uri, lang, site) + tail)


def render_parallel(article: Article, lang: str, target: TranslationStates, site: SiteContext) -> Page:
    """The parallel page of ``article`` with ``lang`` as interface language (rows: :mod:`explainer.render.parallel`).

    ``target`` is the article's translation state in the language shown beside the
    Arabic (``lang`` itself, or the first translation on the Arabic page). The article
    pages are indexed already: this one is not.
    """
    title = target.current(article.title).text if lang != SOURCE_LANG else article.title
    title_text = site.ui.text("parallel_title", lang, title=title)
    src_uri = parallel_uri(article.slug, lang)
    back = a(site.href(src_uri, article_uri(article.slug, lang)), escape(site.ui.text("parallel_back", lang)))
    blocks = (heading(1, "ex-parallel", title_text, lang, isolate=False),
              paragraph(back, ("class", "ex-byline"), ("data-search-exclude", "")),
              render_rows(article, lang, (SOURCE_LANG, target.lang), target, site.ui.text))
    return Page(src_uri, lang, "parallel", title_text, blocks, alternates=site.alternates(lambda o: parallel_uri(article.slug, o)),
                article=article.slug, in_nav=False, hide=("toc",))


@dataclass(frozen=True)
class Glossary:
    """The site glossary: its terms and, per language, the current translations of their texts."""

    terms: tuple[Term, ...] = ()
    translate: Mapping[str, Translate] | None = None

    def translate_into(self, lang: str) -> Translate:
        """Current translations of the glossary's texts into ``lang`` (none for the source language)."""
        return (self.translate or {}).get(lang) or (lambda _msgid: None)


def render_glossary(glossary: Glossary, lang: str, uses: Mapping[str, Sequence[ListedArticle]], site: SiteContext) -> Page:
    """The glossary page of ``lang``: every term (alphabetical), its explanation and the articles using it.

    ``uses`` maps a term id to the articles using it, as the page's listings show them.
    """
    ui = site.ui
    src_uri = glossary_uri(lang)
    blocks: list[str | Heading] = [heading(1, "title", ui.text("glossary_title", lang), lang, isolate=False),
                                   paragraph(escape(ui.text("glossary_intro", lang)))]
    for term in sorted(localize(glossary.terms, lang, glossary.translate_into(lang)), key=sort_key):
        blocks.append(heading(2, f"gl-{term.id}", term.term, term.term_lang, page_lang=lang, isolate=False))
        blocks.append(f"<p{_lang(term.explanation_lang, lang)}>{html.escape(term.explanation)}</p>\n\n")
        links = [a(site.href(src_uri, article_uri(entry.slug, lang)), escape(entry.title.text)) for entry in uses.get(term.id, ())]
        used = (ui.markup("glossary_used_in", lang, articles=format_list(links, lang)) if links
                else escape(ui.text("glossary_unused", lang)))
        blocks.append(paragraph(used, ("class", "ex-glossary-uses")))
    return Page(src_uri, lang, "glossary", ui.text("glossary_title", lang), tuple(blocks),
                description=ui.text("glossary_intro", lang), alternates=site.alternates(glossary_uri), indexed=True)
