"""Stage 5: Article + translations -> Markdown pages (with YAML front matter).

Seed and catalog text is data: every string goes through :func:`escape_inline`
(Markdown headings and link texts) or :func:`html.escape` (raw HTML blocks),
so no character of a seed or a msgstr becomes markup. The one exception is
deliberate: in paragraphs and list items, http(s) URLs and e-mail addresses
become ``<a>`` links (:func:`explainer.render.links.linkify_html`, both languages), and runs of the
other direction are isolated in ``<bdi>`` (:mod:`explainer.render.bidi`). Paragraphs and lists are
raw HTML blocks carrying the shared segment ids; headings are Markdown headings
with an explicit id (``attr_list``) so the table of contents and search see them.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from explainer.model import Article, Block
from explainer.render.bidi import isolate_html
from explainer.render.links import link_spans, linkify_html
from explainer.translate.catalog import Translation
from explainer.translate.segment import Unit, catalog_units
from explainer.translate.ui import DIRECTIONS, LANG_NAMES, SOURCE_LANG, UiStrings

_SOURCE_UI = UiStrings()  # interface strings with no catalogs: the English msgids

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_ESCAPED = set("\\`*_{}[]()>#+-.!")
_MD_ESCAPE_RE = re.compile("[" + re.escape("".join(sorted(_MD_ESCAPED))) + "]")
EXCERPT_WORDS = 30


@dataclass(frozen=True)
class PageSource:
    """A generated page: where it goes (``src_uri``, always ``/``-separated), its language, its text."""

    src_uri: str
    lang: str
    markdown: str


# A lookup from an Arabic msgid of the article to its translation (None if missing).
Lookup = Callable[[str], "Translation | None"]


def article_uri(slug: str, lang: str) -> str:
    """src_uri of an article page: ``deepseek.md`` (Arabic, at the root) or ``en/deepseek.md``."""
    return f"{slug}.md" if lang == SOURCE_LANG else f"{lang}/{slug}.md"


def home_uri(lang: str) -> str:
    """src_uri of a language's home page: ``index.md`` or ``en/index.md``."""
    return "index.md" if lang == SOURCE_LANG else f"{lang}/index.md"


def status_uri(lang: str) -> str:
    """src_uri of a language's translation status page: ``status.md`` or ``en/status.md`` (slug reserved)."""
    return "status.md" if lang == SOURCE_LANG else f"{lang}/status.md"


@functools.lru_cache(maxsize=8192)  # posixpath.relpath is slow and every unit of a page asks for the same links
def relative_uri(from_uri: str, to_uri: str) -> str:
    """Markdown link from page ``from_uri`` to ``to_uri`` (both src_uris), which MkDocs then validates and rewrites.

    >>> relative_uri("en/deepseek.md", "deepseek.md")
    '../deepseek.md'
    """
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def escape_inline(text: str) -> str:
    """Escape text for inline Markdown: HTML-escape, then backslash-escape Markdown marks.

    >>> escape_inline("a *b* <i>{#x}")
    'a \\\\*b\\\\* &lt;i&gt;\\\\{\\\\#x\\\\}'
    """
    escaped = html.escape(text, quote=False)
    return _MD_ESCAPE_RE.sub(lambda match: "\\" + match.group(0), escaped)


def _inline(text: str, text_lang: str, escape: Callable[[str], str] | None = None) -> str:
    """Escaped text in ``text_lang`` with runs of the other direction isolated (:mod:`explainer.render.bidi`).

    Runs of the source language's direction inside text of another direction
    (Arabic inside English) are also marked ``lang`` (``ar``), for fonts and
    screen readers; Latin runs inside Arabic get no ``lang`` (a name is not English).
    """
    base_dir = DIRECTIONS[text_lang]
    source_dir = DIRECTIONS[SOURCE_LANG]
    lang_of = {source_dir: SOURCE_LANG} if base_dir != source_dir else None
    if escape is None:
        return isolate_html(text, base_dir, lang_of=lang_of)
    return isolate_html(text, base_dir, escape, lang_of=lang_of)


def inline_html(text: str, text_lang: str) -> str:
    """Escaped ``text`` in ``text_lang`` with its runs of the other direction isolated (no link detection)."""
    return _inline(text, text_lang)


def text_html(text: str, text_lang: str) -> str:
    """HTML of a paragraph or list item: URLs and e-mail addresses as links
    (:func:`explainer.render.links.link_spans`; a link's ``dir="ltr"`` isolates it), every
    other piece escaped with its runs of the other direction isolated (:func:`_inline`)."""
    parts = []
    for span in link_spans(text):
        if span.href is None:
            parts.append(_inline(span.text, text_lang))
        else:
            parts.append(linkify_html(span.text))  # the span is one whole link
    return "".join(parts)


def _attrs(**values: str | None) -> str:
    parts = [f'{key.rstrip("_").replace("_", "-")}="{html.escape(value)}"'
             for key, value in values.items() if value]
    return " ".join(parts)


# libyaml's emitter when PyYAML has it (same output as SafeDumper, ~7x faster: 2,000 pages a build).
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _front_matter(meta: dict[str, object]) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first ``words`` words of ``text``, with ``…`` when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


@dataclass(frozen=True)
class Shown:
    """What a page shows for one unit: the text, its language and the unit's translation state.

    ``state`` is ``"source"`` (source-language page), ``"translated"``,
    ``"fuzzy"`` (old translation of a changed msgid: shown, but marked as
    possibly outdated) or ``"untranslated"`` (the source text is shown, marked
    with its own ``lang``/``dir``).
    """

    text: str
    lang: str
    state: str


def resolve(msgid: str, lang: str, lookup: Lookup) -> Shown:
    """Decide what the ``lang`` page shows for ``msgid`` (gettext rules: fuzzy is never current).

    >>> resolve("نص", "en", lambda m: None)
    Shown(text='نص', lang='ar', state='untranslated')
    >>> resolve("نص", "en", lambda m: Translation("text", True)).state
    'fuzzy'
    """
    if lang == SOURCE_LANG:
        return Shown(msgid, lang, "source")
    found = lookup(msgid)
    if found is None:
        return Shown(msgid, SOURCE_LANG, "untranslated")
    return Shown(found.text, lang, "fuzzy" if found.fuzzy else "translated")


def resolve_current(msgid: str, lang: str, lookup: Lookup) -> Shown:
    """Like :func:`resolve`, for places with no room for a notice (listings, meta description).

    A fuzzy translation is not current (gettext), and there is no notice to say
    so there: such places show the source text instead, marked as untranslated.
    """
    shown = resolve(msgid, lang, lookup)
    return Shown(msgid, SOURCE_LANG, "untranslated") if shown.state == "fuzzy" else shown


def notice(shown: Shown, page_lang: str, ui: UiStrings, original: str | None = None) -> str:
    """Markdown for the notice above a unit that is not current (empty string otherwise).

    Untranslated: a raw HTML ``<p class="ex-notice ex-notice--untranslated">``
    in the page language. Fuzzy: a Markdown paragraph (so MkDocs validates and
    rewrites the link) with the "may be outdated" text and, when ``original`` is
    given (a relative ``.md`` link with ``#anchor``), a link to the original.
    """
    if shown.state == "untranslated":
        return (f'<p class="ex-notice ex-notice--untranslated" role="note" data-search-exclude>'
                f'{html.escape(ui.text("untranslated", page_lang))}</p>\n\n')
    if shown.state == "fuzzy":
        text = escape_inline(ui.text("outdated", page_lang))
        if original:
            # target: Material's alternate-language script otherwise rewrites the link and drops the #anchor
            text += (f' [{escape_inline(ui.text("see_original", page_lang))}]({original})'
                     f'{{: hreflang="{SOURCE_LANG}" target="_self" }}')
        return f'{text}\n{{: .ex-notice .ex-notice--fuzzy role="note" data-search-exclude="" }}\n\n'
    return ""


def _lang_attrs(shown: Shown, page_lang: str) -> dict[str, str | None]:
    if shown.lang == page_lang:
        return {"lang": None, "dir": None}
    return {"lang": shown.lang, "dir": DIRECTIONS[shown.lang]}


def _state_class(shown: Shown) -> str | None:
    return None if shown.state in ("source", "translated") else f"ex-{shown.state}"


@dataclass(frozen=True)
class _PageContext:
    """What every unit renderer of one page needs: the page language, its src_uri, the strings, the lookup."""

    lang: str
    src_uri: str
    source_uri: str     # the same article in the source language
    ui: UiStrings
    lookup: Lookup
    mark: Callable[[str, str], str] = text_html  # (text, its lang) -> HTML; glossary markup, see Extras

    def original(self, anchor: str) -> str:
        return f"{relative_uri(self.src_uri, self.source_uri)}#{anchor}"


def _render_heading(level: int, seg_id: str, shown: Shown, ctx: _PageContext) -> str:
    extra = _lang_attrs(shown, ctx.lang)
    attr = f"#{seg_id}"
    if cls := _state_class(shown):
        attr += f" .{cls}"
    for key, value in extra.items():
        if value:
            attr += f' {key}="{value}"'
    return notice(shown, ctx.lang, ctx.ui, ctx.original(seg_id)) + f"{'#' * level} {_inline(shown.text, shown.lang, escape_inline)} {{{attr}}}\n\n"


def _render_paragraph(seg_id: str, shown: Shown, ctx: _PageContext, css: str | None = None) -> str:
    classes = " ".join(c for c in (css, _state_class(shown)) if c) or None
    attrs = _attrs(id=seg_id, class_=classes, **_lang_attrs(shown, ctx.lang))
    return notice(shown, ctx.lang, ctx.ui, ctx.original(seg_id)) + f"<p {attrs}>{ctx.mark(shown.text, shown.lang)}</p>\n\n"


def _render_list(block: Block, ctx: _PageContext) -> str:
    tag = "ol" if block.ordered else "ul"
    items = []
    fuzzy_ids = []
    for index, item in enumerate(block.items):
        shown = resolve(item, ctx.lang, ctx.lookup)
        attrs = _attrs(id=block.item_id(index), class_=_state_class(shown), **_lang_attrs(shown, ctx.lang))
        badge = ""
        if shown.state in ("untranslated", "fuzzy"):
            key = "untranslated" if shown.state == "untranslated" else "outdated"
            badge = (f'<span class="ex-badge" lang="{ctx.lang}" dir="{DIRECTIONS[ctx.lang]}" data-search-exclude>'
                     f'{html.escape(ctx.ui.text(key, ctx.lang))}</span> ')
        if shown.state == "fuzzy":
            fuzzy_ids.append(block.item_id(index))
        items.append(f"<li {attrs}>{badge}{ctx.mark(shown.text, shown.lang)}</li>")
    before = "".join(notice(Shown("", ctx.lang, "fuzzy"), ctx.lang, ctx.ui, ctx.original(seg)) for seg in fuzzy_ids)
    return before + f'<{tag} id="{block.id}">' + "".join(items) + f"</{tag}>\n\n"


def unit_states(article: Article, lang: str, lookup: Lookup) -> list[tuple[Unit, str]]:
    """Each catalog unit of ``article`` (:func:`~explainer.translate.segment.catalog_units`) with its state in ``lang``.

    States as in :class:`Shown`; on the source-language page every unit is ``"source"``.
    """
    return [(unit, resolve(unit.msgid, lang, lookup).state) for unit in catalog_units(article)]


def translation_state(article: Article, lang: str, lookup: Lookup) -> dict[str, int]:
    """Count the article's units by state in ``lang``: ``{"translated": n, "fuzzy": n, "untranslated": n}``.

    On the source-language page every unit counts as translated.
    """
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for _unit, state in unit_states(article, lang, lookup):
        counts["translated" if state == "source" else state] += 1
    return counts


def _page_notice(counts: dict[str, int], lang: str, src_uri: str, ui: UiStrings) -> str:
    total = sum(counts.values())
    if lang == SOURCE_LANG or counts["translated"] == total:
        return ""
    status = f' [{escape_inline(ui.text("status_title", lang))}]({relative_uri(src_uri, status_uri(lang))})'
    if counts["translated"] == 0 and counts["fuzzy"] == 0:
        text = escape_inline(ui.text("nothing_translated", lang))
    else:
        text = escape_inline(ui.text("partly_translated", lang, translated=counts["translated"], total=total))
    return f'{text}{status}\n{{: .ex-notice .ex-notice--page role="note" data-search-exclude="" }}\n\n'


@dataclass(frozen=True)
class Extras:
    """What the explainer layer adds to an article page (see :mod:`explainer.render.layer`).

    ``header``: Markdown/HTML placed right after the title (byline, key facts);
    ``mark``: ``(text, text_lang) -> HTML`` of a paragraph or list item with glossary
    markup; it must escape every character it is given, keep links and isolate bidi
    runs as :func:`text_html` does (``None``: :func:`text_html` itself); ``footer``: called after the body is rendered, returns
    Markdown/HTML for the end of the page.
    """

    header: str = ""
    mark: Callable[[str, str], str] | None = None
    footer: Callable[[], str] = lambda: ""


def render_article(article: Article, lang: str, lookup: Lookup, langs: Sequence[str],
                   ui: UiStrings = _SOURCE_UI, extras: Extras | None = None) -> PageSource:
    """Render the article page in ``lang``.

    Input: the parsed article, the page language, a lookup for translations
    (ignored for the source language), every language of the site and the
    interface strings. Output: a :class:`PageSource` whose Markdown starts with
    front matter (``title``, ``description``, ``lang``, ``dir``, ``article``,
    ``alternates``: language -> src_uri of the same article). A page that is not
    fully translated starts with a notice (nothing / N of M translated) linking
    the status page; each unit that is not current carries its own notice.
    ``extras`` adds the explainer layer's header, glossary markup and footer.
    """
    extras = extras or Extras()
    src_uri = article_uri(article.slug, lang)
    ctx = _PageContext(lang, src_uri, article_uri(article.slug, SOURCE_LANG), ui, lookup, extras.mark or text_html)
    title = resolve(article.title, lang, lookup)
    lede = resolve(article.lede.text, lang, lookup) if article.lede else None
    summary = resolve_current(article.lede.text if article.lede else article.title, lang, lookup)
    meta: dict[str, object] = {
        "title": title.text,
        "description": excerpt(summary.text, 40),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "article": article.slug,
        "alternates": {other: article_uri(article.slug, other) for other in langs},
    }
    body = [_front_matter(meta)]
    body.append(_page_notice(translation_state(article, lang, lookup), lang, src_uri, ui))
    body.append(_render_heading(1, "title", title, ctx))
    if article.subtitle:
        # like a heading, the subtitle gets no glossary markup (the first use of a term is in the body)
        shown = resolve(article.subtitle.text, lang, lookup)
        body.append(_render_paragraph("subtitle", shown, dataclasses.replace(ctx, mark=text_html), css="ex-subtitle"))
    body.append(extras.header)
    if lede:
        body.append(_render_paragraph("lede", lede, ctx, css="ex-lede"))
    for section in article.sections:
        if section.heading is not None:
            body.append(_render_heading(2, section.id, resolve(section.heading, lang, lookup), ctx))
        for block in section.blocks:
            if block.kind == "paragraph":
                body.append(_render_paragraph(block.id, resolve(block.text, lang, lookup), ctx))
            else:
                body.append(_render_list(block, ctx))
    body.append(extras.footer())
    return PageSource(src_uri, lang, "".join(body))


def _link_attrs(shown: Shown, lang: str) -> str:
    return "" if shown.lang == lang else f'{{: lang="{shown.lang}" dir="{DIRECTIONS[shown.lang]}"}}'


HOME_PAGE_SIZE = 30  # articles per home page: keeps every home page a few dozen KB at any N


def home_page_uri(lang: str, number: int = 1) -> str:
    """src_uri of page ``number`` of a language's home listing (slug ``page`` is reserved).

    >>> [home_page_uri("ar"), home_page_uri("ar", 2), home_page_uri("en", 3)]
    ['index.md', 'page/2.md', 'en/page/3.md']
    """
    if number == 1:
        return home_uri(lang)
    return f"page/{number}.md" if lang == SOURCE_LANG else f"{lang}/page/{number}.md"


def _render_pager(number: int, count: int, lang: str, ui: UiStrings) -> str:
    """Links to the other pages of the home listing: previous, page numbers, next.

    Shows the first and last page and two pages either side of the current
    one, so the pager stays short at any number of pages.
    """
    here = home_page_uri(lang, number)
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    parts: list[str] = []
    if number > 1:
        parts.append(f"[{escape_inline(ui.text('previous_page', lang))}]"
                     f"({relative_uri(here, home_page_uri(lang, number - 1))})")
    last = 0
    for page in shown:
        if page - last > 1:
            parts.append("…")
        parts.append(f"**{page}**" if page == number else f"[{page}]({relative_uri(here, home_page_uri(lang, page))})")
        last = page
    if number < count:
        parts.append(f"[{escape_inline(ui.text('next_page', lang))}]"
                     f"({relative_uri(here, home_page_uri(lang, number + 1))})")
    return " ".join(parts) + "\n{: .ex-pager }\n\n"


def render_home_pages(articles: Sequence[Article], lang: str, lookups: dict[str, Lookup], langs: Sequence[str],
                      ui: UiStrings = _SOURCE_UI, page_size: int = HOME_PAGE_SIZE) -> list[PageSource]:
    """Render the home listing of ``lang``, ``page_size`` articles per page.

    Output: one :class:`PageSource` per page: page 1 at :func:`home_uri`, page k
    at ``page/k.md`` (``en/page/k.md``); a single page when the articles fit.
    Pages after the first carry ``in_nav: false`` in their front matter: the
    pager reaches them, the navigation (written into every page) does not.
    """
    chunks = [articles[start:start + page_size] for start in range(0, len(articles), page_size)] or [[]]
    return [_render_home_page(chunk, number, len(chunks), lang, lookups, langs, ui)
            for number, chunk in enumerate(chunks, start=1)]


def render_home(articles: Sequence[Article], lang: str, lookups: dict[str, Lookup], langs: Sequence[str],
                ui: UiStrings = _SOURCE_UI) -> PageSource:
    """Render the home page of ``lang`` with every article on it (one page; see :func:`render_home_pages`)."""
    return _render_home_page(articles, 1, 1, lang, lookups, langs, ui)


def _render_home_page(articles: Sequence[Article], number: int, count: int, lang: str, lookups: dict[str, Lookup],
                      langs: Sequence[str], ui: UiStrings) -> PageSource:
    """One page of the home listing: a title, an intro, one entry per article, the pager, a link to the status page.

    Each entry links the article page (a Markdown link, so MkDocs validates it)
    and shows an excerpt of its lede in the page language when translated.
    """
    here = home_page_uri(lang, number)
    title_text = ui.text("home_title", lang)
    if number > 1:
        title_text = ui.text("home_page_n", lang, title=title_text, number=number, count=count)
    meta: dict[str, object] = {
        "title": title_text,
        "description": ui.text("home_intro", lang),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "alternates": {other: home_page_uri(other, number) for other in langs},
        # A listing repeats the articles' titles and ledes: searching it would only
        # push the articles themselves down the results (Material's search front matter).
        "search": {"exclude": True},
    }
    if number > 1:
        meta["in_nav"] = False
    body = [_front_matter(meta), f"# {escape_inline(title_text)} {{#title}}\n\n",
            f"{escape_inline(ui.text('home_intro', lang))}\n\n"]
    for article in articles:
        lookup = lookups[article.slug]
        title = resolve_current(article.title, lang, lookup)
        link = relative_uri(here, article_uri(article.slug, lang))
        body.append(f"- [{_inline(title.text, title.lang, escape_inline)}]({link}){_link_attrs(title, lang)}")
        if article.lede:
            lede = resolve_current(article.lede.text, lang, lookup)
            body.append(f"\n\n    <span class=\"ex-excerpt\" {_attrs(**_lang_attrs(lede, lang))}>"
                        f"{_inline(excerpt(lede.text), lede.lang, escape_inline)}</span>")
        body.append("\n\n")
    if count > 1:
        body.append(_render_pager(number, count, lang, ui))
    status = relative_uri(here, status_uri(lang))
    body.append(f'[{escape_inline(ui.text("status_title", lang))}]({status})\n{{: .ex-status-link }}\n\n')
    return PageSource(here, lang, "".join(body))


def _cell(text: str) -> str:
    return escape_inline(text).replace("|", "&#124;")


def render_status(articles: Sequence[Article], lang: str, lookups: dict[str, dict[str, Lookup]],
                  langs: Sequence[str], ui: UiStrings = _SOURCE_UI) -> PageSource:
    """Render the translation status page of ``lang`` (``status.md`` / ``en/status.md``).

    Input: the articles, the page language, ``lookups[lang][slug]`` for every
    language, every site language and the interface strings. Output: a page
    with one table per target language (each language but the source): one
    row per article (linked, title in the page language when translated) with
    translated / fuzzy / untranslated counts and percent translated, then a
    total row. Needs the ``tables`` Markdown extension.
    """
    src_uri = status_uri(lang)
    meta: dict[str, object] = {
        "title": ui.text("status_title", lang),
        "description": ui.text("status_intro", lang),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "alternates": {other: status_uri(other) for other in langs},
        "search": {"exclude": True},  # a listing of article titles, like the home pages
    }
    body = [_front_matter(meta), f"# {escape_inline(ui.text('status_title', lang))} {{#title}}\n\n",
            f"{escape_inline(ui.text('status_intro', lang))}\n\n"]
    columns = [ui.text(key, lang) for key in ("status_article", "status_translated", "status_fuzzy",
                                              "status_untranslated", "status_percent")]
    for target in (other for other in langs if other != SOURCE_LANG):
        if len(langs) > 2:
            body.append(f"## {escape_inline(LANG_NAMES.get(target, target))} {{#{target}}}\n\n")
        body.append("| " + " | ".join(_cell(c) for c in columns) + " |\n| --- | ---: | ---: | ---: | ---: |\n")
        totals = {"translated": 0, "fuzzy": 0, "untranslated": 0}
        for article in articles:
            counts = translation_state(article, target, lookups[target][article.slug])
            for key in totals:
                totals[key] += counts[key]
            title = resolve(article.title, lang, lookups[lang][article.slug])
            link = relative_uri(src_uri, article_uri(article.slug, target))
            body.append(f"| [{_cell(title.text)}]({link}){_link_attrs(title, lang)} | {_status_numbers(counts)} |\n")
        body.append(f"| **{_cell(ui.text('status_total', lang))}** | {_status_numbers(totals)} |\n\n")
    return PageSource(src_uri, lang, "".join(body))


def _status_numbers(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    percent = 100 * counts["translated"] // total if total else 100  # floor: 100% only when complete
    return f'{counts["translated"]} | {counts["fuzzy"]} | {counts["untranslated"]} | {percent}%'


def not_found_uri(lang: str) -> str:
    """src_uri of the "page not found" page of a language other than the source: ``en/404.md``.

    The source language's 404 is the theme's ``404.html`` at the site root (the
    file GitHub Pages serves for every missing path); it sends readers of a
    missing ``/en/...`` address to this page.
    """
    return f"{lang}/404.md"


def render_not_found(lang: str, langs: Sequence[str], ui: UiStrings = _SOURCE_UI) -> PageSource:
    """Render the "page not found" page of ``lang``: kept out of search, navigation and the sitemap."""
    meta: dict[str, object] = {
        "title": ui.text("not_found_title", lang),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "not_found": True,
        "search": {"exclude": True},
    }
    links = []
    for other in sorted(langs, key=lambda code: code != lang):
        target = "../" + home_uri(other)  # relative to the page's folder, <lang>/
        attrs = "" if other == lang else f'{{: lang="{other}" dir="{DIRECTIONS[other]}"}}'
        links.append(f"- [{escape_inline(ui.text('not_found_home', other))}]({target}){attrs}\n")
    body = [_front_matter(meta), f"# {escape_inline(ui.text('not_found_title', lang))} {{#title}}\n\n",
            f"{escape_inline(ui.text('not_found_body', lang))}\n\n", *links]
    return PageSource(not_found_uri(lang), lang, "".join(body))


def language_name(lang: str) -> str:
    """Endonym of ``lang`` for the language switch (``العربية``, ``English``)."""
    return LANG_NAMES[lang]
