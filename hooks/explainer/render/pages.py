"""Stage 5: Article + translations -> finished HTML pages (:class:`~explainer.render.page.Page`).

Seed and catalog text is data: every string is HTML-escaped where it is put in a
block (:func:`~explainer.render.page.escape`), so no character of a seed or a msgstr
becomes markup. The one exception is deliberate: in paragraphs and list items,
http(s) URLs and e-mail addresses become ``<a>`` links
(:func:`explainer.render.links.linkify_html`, both languages), and runs of the other
direction are isolated in ``<bdi>`` (:mod:`explainer.render.bidi`). Every block
carries its segment id (shared by both languages); links between pages are relative
URLs (:func:`explainer.render.urls.link_url`), the form MkDocs gives its own links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from explainer.cldr import direction, language_name
from explainer.model import Article
from explainer.model import Block as ModelBlock
from explainer.render.bidi import isolate_html
from explainer.render.links import link_spans, linkify_html
from explainer.render.page import Block, Group, Heading, Page, attrs, escape
from explainer.render.urls import article_uri, home_page_uri, link_url, not_found_uri, status_uri
from explainer.translate.state import Shown, TranslationStates, percent
from explainer.translate.ui import SOURCE_LANG, UiStrings

EXCERPT_WORDS = 30
HOME_PAGE_SIZE = 30  # articles per home page: keeps every home page a few dozen KB at any N


@dataclass(frozen=True)
class SiteContext:
    """What every page renderer of one build needs.

    ``langs``: the site's languages, the source language first; ``ui``: the interface
    strings; ``directory_urls``: the engine's URL style (MkDocs ``use_directory_urls``).
    """

    langs: tuple[str, ...]
    ui: UiStrings
    directory_urls: bool = True

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """The link from page ``from_uri`` to ``to_uri`` (:func:`~explainer.render.urls.link_url`)."""
        return link_url(from_uri, to_uri, anchor, self.directory_urls)

    def alternates(self, uri_of: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
        """``(lang, src_uri)`` of one page in every language."""
        return tuple((lang, uri_of(lang)) for lang in self.langs)


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first ``words`` words of ``text``, with ``…`` when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


def inline_html(text: str, text_lang: str) -> str:
    """Escaped ``text`` in ``text_lang`` with its runs of the other direction isolated (no link detection).

    Runs of the source language's direction inside text of another direction
    (Arabic inside English) are also marked ``lang`` (``ar``), for fonts and
    screen readers; Latin runs inside Arabic get no ``lang`` (a name is not English).
    """
    base_dir = direction(text_lang)
    source_dir = direction(SOURCE_LANG)
    return isolate_html(text, base_dir, lang_of={source_dir: SOURCE_LANG} if base_dir != source_dir else None)


def text_html(text: str, text_lang: str) -> str:
    """HTML of a paragraph or list item: URLs and e-mail addresses as links
    (:func:`explainer.render.links.link_spans`; a link's ``dir="ltr"`` isolates it), every
    other piece escaped with its runs of the other direction isolated (:func:`inline_html`)."""
    return "".join(inline_html(span.text, text_lang) if span.href is None else linkify_html(span.text)
                   for span in link_spans(text))


def a(href: str, label_html: str, *extra: tuple[str, str | None]) -> str:
    """A link element: ``href`` then ``extra`` attributes; ``label_html`` is already HTML."""
    return f'<a{attrs(("href", href), *extra)}>{label_html}</a>'


def heading(level: int, seg_id: str, text: str, text_lang: str, classes: Sequence[str] = (),
            page_lang: str | None = None, isolate: bool = True) -> Heading:
    """A heading block with id ``seg_id``; ``lang``/``dir`` are set when ``text_lang`` is not ``page_lang``.

    Attributes are written in name order (class, dir, id, lang).
    """
    extra: list[tuple[str, str]] = []
    if classes:
        extra.append(("class", " ".join(classes)))
    if page_lang is not None and text_lang != page_lang:
        extra += [("lang", text_lang), ("dir", direction(text_lang))]
    inner = inline_html(text, text_lang) if isolate else escape(text)
    element = f"<h{level}{attrs(*sorted([*extra, ('id', seg_id)]))}>{inner}</h{level}>"
    return Heading(level, seg_id, text, text_lang, element, tuple(extra), isolate)


def paragraph(inner_html: str, *attributes: tuple[str, str | None]) -> str:
    """A ``<p>`` block whose content is already HTML."""
    return f"<p{attrs(*attributes)}>{inner_html}</p>\n"


def _lang_attrs(shown: Shown, page_lang: str) -> tuple[tuple[str, str | None], ...]:
    if shown.lang == page_lang:
        return (("lang", None), ("dir", None))
    return (("lang", shown.lang), ("dir", direction(shown.lang)))


def _state_class(shown: Shown) -> str | None:
    return None if shown.state in ("source", "translated") else f"ex-{shown.state}"


PENDING = ("untranslated", "fuzzy")  # states shown with a notice


def notice(state: str, page_lang: str, ui: UiStrings, original_href: str | None = None,
           notice_id: str | None = None) -> str:
    """The notice of a passage (or a run of passages) in ``state``; empty for a current one.

    Untranslated: "Not yet translated" in the page language. Fuzzy: "to be reviewed"
    and, when ``original_href`` is given, a link to the same passage in the original.
    ``notice_id`` is the notice's own id (its group points at it).
    """
    if state == "untranslated":
        text = escape(ui.text("untranslated", page_lang))
    elif state == "fuzzy":
        text = escape(ui.text("outdated", page_lang))
        if original_href:
            # target: Material's alternate-language script otherwise rewrites the link and drops the #anchor
            text += " " + a(original_href, escape(ui.text("see_original", page_lang)),
                            ("hreflang", SOURCE_LANG), ("target", "_self"))
    else:
        return ""
    return paragraph(text, ("class", f"ex-notice ex-notice--{state}"), ("id", notice_id), ("data-search-exclude", ""),
                     ("role", "note"))


def notice_group(state: str, anchor: str, blocks: Sequence[Block], page_lang: str, ui: UiStrings,
                 original_href: str | None = None) -> Group:
    """A run of consecutive passages in the same ``state`` (untranslated or fuzzy) under one notice.

    Input: the state, ``anchor`` (the id of the run's first block: the notice's id is
    ``ex-note-<anchor>``), the blocks (headings, paragraphs, lists; each keeps its own id),
    the page language, the interface strings and, for a fuzzy run, the link to the run's
    first passage on the original page. Output: a :class:`~explainer.render.page.Group`
    ``<div class="ex-pending ex-pending--<state>" role="group" aria-describedby="ex-note-…">``
    holding the notice then the blocks: assistive technology hears the notice once, as
    the group's description, and the stylesheet draws one rule along the run, keeps the
    notice in view while the run is (sticky, under the header) and attaches a heading's
    notice to its heading (``ex-pending--h1`` .. ``--h6``: the run starts with a heading).
    """
    notice_id = f"ex-note-{anchor}"
    classes = ["ex-pending", f"ex-pending--{state}"]
    if blocks and isinstance(blocks[0], Heading):
        classes.append(f"ex-pending--h{blocks[0].level}")
    return Group((("class", " ".join(classes)), ("role", "group"), ("aria-describedby", notice_id)),
                 (notice(state, page_lang, ui, original_href, notice_id), *blocks))


@dataclass(frozen=True)
class Extras:
    """What the explainer layer adds to an article page (see :mod:`explainer.render.layer`).

    ``header``: HTML blocks placed right after the title (byline, key facts);
    ``mark``: ``(text, text_lang) -> HTML`` of a paragraph or list item with glossary
    markup; it must escape every character it is given, keep links and isolate bidi
    runs as :func:`text_html` does (``None``: :func:`text_html` itself); ``footer``:
    called after the body is rendered, returns the HTML blocks of the end of the page.
    """

    header: str = ""
    mark: Callable[[str, str], str] | None = None
    footer: Callable[[], str] = lambda: ""


@dataclass(frozen=True)
class _ArticleRender:
    """What every unit renderer of one article page needs."""

    site: SiteContext
    lang: str
    src_uri: str
    source_uri: str     # the same article in the source language
    states: TranslationStates
    mark: Callable[[str, str], str]

    def original(self, anchor: str) -> str:
        return self.site.href(self.src_uri, self.source_uri, anchor)


@dataclass(frozen=True)
class _Unit:
    """One rendered block of an article body: its translation state, its id and its markup.

    ``state`` is a :class:`~explainer.translate.state.Shown` state; a list whose items are
    not all in one state is ``"mixed"`` (its items carry their own marks).
    """

    state: str
    anchor: str
    block: Block


def _render_heading(level: int, seg_id: str, shown: Shown, r: _ArticleRender) -> _Unit:
    state = _state_class(shown)
    return _Unit(shown.state, seg_id, heading(level, seg_id, shown.text, shown.lang, [state] if state else [], r.lang))


def _render_paragraph(seg_id: str, shown: Shown, r: _ArticleRender, css: str | None = None) -> _Unit:
    classes = " ".join(c for c in (css, _state_class(shown)) if c) or None
    return _Unit(shown.state, seg_id,
                 f"<p{attrs(('id', seg_id), ('class', classes), *_lang_attrs(shown, r.lang))}>{r.mark(shown.text, shown.lang)}</p>\n\n")


def _render_list(block: ModelBlock, r: _ArticleRender) -> _Unit:
    """A list: one unit. When all its items share a state, the list takes it (and joins a run of
    passages in that state, its ``lang``/``dir`` set when they are not the page's); otherwise
    the first item of each run of items not current carries a badge (a fuzzy one links the
    item on the original page)."""
    tag = "ol" if block.ordered else "ul"
    shown_items = [r.states.of(item) for item in block.items]
    states = {shown.state for shown in shown_items}
    state = states.pop() if len(states) == 1 else "mixed"
    ui = r.site.ui
    items = []
    previous = None
    for index, (item, shown) in enumerate(zip(block.items, shown_items)):
        item_id = block.item_id(index)
        badge = ""
        if state == "mixed" and shown.state in PENDING and shown.state != previous:
            key = "untranslated" if shown.state == "untranslated" else "outdated"
            text = escape(ui.text(key, r.lang))
            if shown.state == "fuzzy":
                text += " " + a(r.original(item_id), escape(ui.text("see_original", r.lang)),
                                ("hreflang", SOURCE_LANG), ("target", "_self"))
            badge = (f'<span class="ex-badge ex-badge--{shown.state}" lang="{r.lang}" dir="{direction(r.lang)}" '
                     f'data-search-exclude>{text}</span> ')
        previous = shown.state
        items.append(f"<li{attrs(('id', item_id), ('class', _state_class(shown)), *_lang_attrs(shown, r.lang))}>"
                     f"{badge}{r.mark(shown.text, shown.lang)}</li>")
    list_attrs = attrs(("id", block.id), *(_lang_attrs(shown_items[0], r.lang) if state != "mixed" else ()))
    return _Unit(state, block.id, f"<{tag}{list_attrs}>" + "".join(items) + f"</{tag}>\n\n")


def _grouped(parts: Sequence[_Unit | str], r: _ArticleRender) -> list[Block]:
    """The page's blocks: each run of consecutive units in one pending state (untranslated,
    fuzzy) becomes one :func:`notice_group`; other units and the furniture between them
    (byline, key facts: strings) stay as they are. Furniture ends a run, and a heading
    starts a new one: a group never spans two sections, and a heading's notice is its own."""
    out: list[Block] = []
    run: list[_Unit] = []

    def close() -> None:
        if run:
            first = run[0]
            out.append(notice_group(first.state, first.anchor, [u.block for u in run], r.lang, r.site.ui,
                                    r.original(first.anchor) if first.state == "fuzzy" else None))
            run.clear()

    for part in parts:
        if isinstance(part, str):
            if part:
                close()
                out.append(part)
        elif part.state in PENDING:
            if run and (run[0].state != part.state or isinstance(part.block, Heading)):
                close()
            run.append(part)
        else:
            close()
            out.append(part.block)
    close()
    return out


def _page_notice(states: TranslationStates, lang: str, src_uri: str, site: SiteContext) -> str:
    if lang == SOURCE_LANG or states.complete:
        return ""
    ui = site.ui
    status = a(site.href(src_uri, status_uri(lang)), escape(ui.text("status_title", lang)))
    counts = states.counts
    if states.unreadable:  # a preview with a malformed catalog: say so, never "nothing translated"
        text = escape(ui.text("catalog_unreadable", lang, problem=states.unreadable))
    elif counts["translated"] == 0 and counts["fuzzy"] == 0:
        text = escape(ui.text("nothing_translated", lang))
    else:
        text = escape(ui.text("partly_translated", lang, translated=counts["translated"], total=states.total))
    return paragraph(f"{text} {status}", ("class", "ex-notice ex-notice--page"), ("data-search-exclude", ""),
                     ("role", "note"))


def render_article(article: Article, states: TranslationStates, site: SiteContext, extras: Extras | None = None) -> Page:
    """Render the article page in ``states.lang``.

    Input: the parsed article, its translation state in the page language
    (:func:`explainer.translate.state.article_states`), the site context and the
    explainer layer's extras. Output: a :class:`~explainer.render.page.Page` of kind
    ``article``. A page that is not fully translated starts with a notice (nothing /
    N of M translated) linking the status page; each run of consecutive passages that
    are untranslated (or fuzzy) is one group under one notice (:func:`notice_group`),
    every block keeping its id.
    """
    lang = states.lang
    extras = extras or Extras()
    src_uri = article_uri(article.slug, lang)
    r = _ArticleRender(site, lang, src_uri, article_uri(article.slug, SOURCE_LANG), states, extras.mark or text_html)
    title = states.of(article.title)
    summary = states.current(article.lede.text if article.lede else article.title)
    parts: list[_Unit | str] = [_page_notice(states, lang, src_uri, site), _render_heading(1, "title", title, r)]
    if article.subtitle:
        # like a heading, the subtitle gets no glossary markup (the first use of a term is in the body)
        plain = dataclasses.replace(r, mark=text_html)
        parts.append(_render_paragraph("subtitle", states.of(article.subtitle.text), plain, css="ex-subtitle"))
    parts.append(extras.header)
    if article.lede:
        parts.append(_render_paragraph("lede", states.of(article.lede.text), r, css="ex-lede"))
    for section in article.sections:
        if section.heading is not None:
            parts.append(_render_heading(2, section.id, states.of(section.heading), r))
        for block in section.blocks:
            if block.kind == "paragraph":
                parts.append(_render_paragraph(block.id, states.of(block.text), r))
            else:
                parts.append(_render_list(block, r))
    parts.append(extras.footer())
    blocks = _grouped(parts, r)
    return Page(src_uri, lang, "article", title.text, tuple(blocks), description=excerpt(summary.text, 40),
                alternates=site.alternates(lambda other: article_uri(article.slug, other)), article=article.slug,
                in_nav=False, indexed=True, title_lang=title.lang if title.lang != lang else None)


def _link_lang(shown: Shown, lang: str) -> tuple[tuple[str, str], ...]:
    """``dir``/``lang`` of a link whose text is not in the page language (name order, as the other attributes)."""
    return () if shown.lang == lang else (("dir", direction(shown.lang)), ("lang", shown.lang))


def _sorted_link(href: str, label_html: str, extra: tuple[tuple[str, str], ...]) -> str:
    return f"<a{attrs(*sorted([('href', href), *extra]))}>{label_html}</a>"


def _render_pager(number: int, count: int, lang: str, site: SiteContext) -> str:
    """Links to the other pages of the home listing: previous, page numbers, next.

    Shows the first and last page and two pages either side of the current
    one, so the pager stays short at any number of pages.
    """
    here = home_page_uri(lang, number)
    ui = site.ui
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    parts: list[str] = []
    if number > 1:
        parts.append(a(site.href(here, home_page_uri(lang, number - 1)), escape(ui.text("previous_page", lang))))
    last = 0
    for page in shown:
        if page - last > 1:
            parts.append("…")
        parts.append(f"<strong>{page}</strong>" if page == number else a(site.href(here, home_page_uri(lang, page)), str(page)))
        last = page
    if number < count:
        parts.append(a(site.href(here, home_page_uri(lang, number + 1)), escape(ui.text("next_page", lang))))
    return paragraph(" ".join(parts), ("class", "ex-pager"))


@dataclass(frozen=True)
class ListedArticle:
    """An article as a listing shows it in one language: slug, title and lede excerpt (current translations only)."""

    slug: str
    title: Shown
    lede: Shown | None


def listed(article: Article, states: TranslationStates) -> ListedArticle:
    """The article as listings in ``states.lang`` show it (:meth:`TranslationStates.current`)."""
    return ListedArticle(article.slug, states.current(article.title),
                         states.current(article.lede.text) if article.lede else None)


def render_home_page(articles: Sequence[ListedArticle], number: int, count: int, lang: str, site: SiteContext) -> Page:
    """Page ``number`` of ``count`` of the home listing: a title, an intro, one entry per article, the pager,
    a link to the status page.

    Each entry links the article page and shows an excerpt of its lede in the page
    language when translated. A listing repeats the articles' titles and ledes, so
    it is not indexed: it would only push the articles themselves down the results.
    """
    ui = site.ui
    here = home_page_uri(lang, number)
    title_text = ui.text("home_title", lang)
    if number > 1:
        title_text = ui.text("home_page_n", lang, title=title_text, number=number, count=count)
    blocks: list[str | Heading] = [heading(1, "title", title_text, lang, isolate=False),
                                   paragraph(escape(ui.text("home_intro", lang)))]
    if articles:
        loose = len(articles) > 1 or articles[0].lede is not None  # Python-Markdown's "loose list"
        items = []
        for entry in articles:
            link = _sorted_link(site.href(here, article_uri(entry.slug, lang)), inline_html(entry.title.text, entry.title.lang),
                                _link_lang(entry.title, lang))
            if not loose:
                items.append(f"<li>{link}</li>\n")
                continue
            item = f"<li>\n<p>{link}</p>\n"
            if entry.lede is not None:
                lede_attrs = attrs(*_lang_attrs(entry.lede, lang))
                item += (f'<p><span class="ex-excerpt" {lede_attrs.lstrip()}>'
                         f"{inline_html(excerpt(entry.lede.text), entry.lede.lang)}</span></p>\n")
            items.append(item + "</li>\n")
        blocks.append("<ul>\n" + "".join(items) + "</ul>\n")
    if count > 1:
        blocks.append(_render_pager(number, count, lang, site))
    blocks.append(paragraph(a(site.href(here, status_uri(lang)), escape(ui.text("status_title", lang))),
                            ("class", "ex-status-link")))
    return Page(here, lang, "home", title_text, tuple(blocks), description=ui.text("home_intro", lang),
                alternates=site.alternates(lambda other: home_page_uri(other, number)), in_nav=number == 1)


def _cell(text: str) -> str:
    return escape(text).replace("|", "&#124;")


def _status_numbers(counts: Mapping[str, int]) -> list[str]:
    figure = percent(counts["translated"], sum(counts.values()))  # the one rounding rule (rounded down)
    return [str(counts["translated"]), str(counts["fuzzy"]), str(counts["untranslated"]), f"{figure}%"]


def _row(cells: Sequence[str], tag: str = "td") -> str:
    out = [f"<{tag}>{cells[0]}</{tag}>"]
    out += [f'<{tag} style="text-align: right;">{cell}</{tag}>' for cell in cells[1:]]
    return "<tr>\n" + "\n".join(out) + "\n</tr>\n"


@dataclass(frozen=True)
class StatusRow:
    """An article on the status page of one language: its title as that page shows it and its
    unit counts by target language (``{lang: {"translated": n, "fuzzy": n, "untranslated": n}}``)."""

    slug: str
    title: Shown
    counts: Mapping[str, Mapping[str, int]]
    unreadable: frozenset[str] = frozenset()  # languages whose catalog could not be read (previews): figures unknown


def render_status(rows_in: Sequence[StatusRow], lang: str, site: SiteContext) -> Page:
    """Render the translation status page of ``lang`` (``status.md`` / ``en/status.md``).

    Input: a :class:`StatusRow` per article, the page language and the site context. Output: a page with one table per target language
    (each language but the source): one row per article (linked, title in the page
    language when translated) with translated / fuzzy / untranslated counts and percent
    translated, then a total row. A listing of the articles' titles: not indexed.
    """
    ui = site.ui
    src_uri = status_uri(lang)
    blocks: list[str | Heading] = [heading(1, "title", ui.text("status_title", lang), lang, isolate=False),
                                   paragraph(escape(ui.text("status_intro", lang)))]
    columns = [_cell(ui.text(key, lang)) for key in ("status_article", "status_translated", "status_fuzzy",
                                                     "status_untranslated", "status_percent")]
    for target in site.langs[1:]:
        if len(site.langs) > 2:
            blocks.append(heading(2, target, language_name(target), lang, isolate=False))
        rows = []
        totals = {"translated": 0, "fuzzy": 0, "untranslated": 0}
        unknown = ["\u2014"] * 4  # a catalog that could not be read (previews): its figures are not known
        for entry in rows_in:
            counts = entry.counts[target]
            for key in totals:
                totals[key] += counts[key]
            link = _sorted_link(site.href(src_uri, article_uri(entry.slug, target)), _cell(entry.title.text),
                                _link_lang(entry.title, lang))
            rows.append(_row([link, *(unknown if target in entry.unreadable else _status_numbers(counts))]))
        total = unknown if any(target in entry.unreadable for entry in rows_in) else _status_numbers(totals)
        rows.append(_row([f"<strong>{_cell(ui.text('status_total', lang))}</strong>", *total]))
        blocks.append(f"<table>\n<thead>\n{_row(columns, 'th')}</thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n")
    return Page(src_uri, lang, "status", ui.text("status_title", lang), tuple(blocks),
                description=ui.text("status_intro", lang), alternates=site.alternates(status_uri))


def render_not_found(lang: str, site: SiteContext) -> Page:
    """Render the "page not found" page of ``lang``: kept out of search, navigation and the sitemap."""
    ui = site.ui
    links = []
    for other in sorted(site.langs, key=lambda code: code != lang):
        href = site.href(not_found_uri(lang), home_page_uri(other))
        extra = (("dir", direction(other)), ("lang", other)) if other != lang else ()
        links.append(f"<li>{_sorted_link(href, escape(ui.text('not_found_home', other)), extra)}</li>\n")
    blocks = (heading(1, "title", ui.text("not_found_title", lang), lang, isolate=False),
              paragraph(escape(ui.text("not_found_body", lang))), "<ul>\n" + "".join(links) + "</ul>\n")
    return Page(not_found_uri(lang), lang, "not_found", ui.text("not_found_title", lang), blocks, in_nav=False)


def render_seed_error(slug: str, problem: str, lang: str, site: SiteContext) -> Page:
    """The page a preview (``mkdocs serve``) shows at the address of an article whose seed it left out.

    Input: the article's slug (the seed's file name), the error (file, line, problem and
    what to do, in English) and the page language. Output: a page at the article's
    address saying that the article could not be read, with the error as preformatted
    left-to-right text: an editor who saves a broken seed sees why the page is gone, not a
    "page not found". Kept out of the navigation, the search index and the sitemap; a
    real build stops on the error instead (:func:`explainer.site.build_site`).
    """
    ui = site.ui
    blocks = (heading(1, "title", ui.text("seed_error_title", lang), lang, isolate=False),
              paragraph(escape(ui.text("seed_error_body", lang)), ("class", "ex-notice ex-notice--page"), ("role", "note")),
              f'<pre class="ex-seed-error" lang="en" dir="ltr"><code>{escape(problem)}</code></pre>\n')
    return Page(article_uri(slug, lang), lang, "seed_error", ui.text("seed_error_title", lang), blocks,
                in_nav=False, alternates=site.alternates(lambda other: article_uri(slug, other)))
