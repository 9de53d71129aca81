"""The explainer layer: key facts, byline furniture, glossary markup, parallel and glossary pages.

:func:`load_layer` reads the side data (``glossary.yml``, ``seeds/*.facts.yml`` and the
glossary catalogs); :func:`article_extras` gives the :class:`~explainer.render.pages.Extras`
of one article page; :func:`layer_pages` the parallel and glossary pages. Links between
generated pages are Markdown links to ``.md`` sources, so MkDocs checks them.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote

from babel.dates import format_date
from babel.numbers import format_percent

from explainer.model import Article
from explainer.render.facts import CATALOG as FACTS_CATALOG
from explainer.render.facts import Fact, load_article_facts, render_box
from explainer.render.glossary import (
    CATALOG,
    GLOSSARY_FILE,
    LocalTerm,
    Term,
    TermMarker,
    articles_using,
    localize,
    matcher_for,
    read_glossary,
    sort_key,
)
from explainer.render.pages import (
    Extras,
    Lookup,
    PageSource,
    _front_matter,
    escape_inline,
    inline_html,
    translation_state,
)
from explainer.render.parallel import parallel_uri, render_rows
from explainer.render.readtime import count_words, format_minutes, reading_minutes
from explainer.translate.catalog import Translation, Translations, load_translations, po_path
from explainer.translate.segment import article_units
from explainer.translate.ui import DIRECTIONS, SOURCE_LANG, UiMessage, UiStrings, register

for _message in (
    UiMessage("key_facts", "Key facts", "Title of the key-facts box at the top of an article."),
    UiMessage("fact_date", "Date", "Default label of a date in the key-facts box."),
    UiMessage("fact_quantity", "Figure", "Default label of a number with its unit in the key-facts box."),
    UiMessage("fact_percent", "Percentage", "Default label of a percentage in the key-facts box."),
    UiMessage("fact_fraction", "Proportion", "Default label of a fraction (a tenth of ...) in the key-facts box."),
    UiMessage("fact_name", "Name", "Default label of a Latin-script name in the key-facts box."),
    UiMessage("fact_person", "Person", "Default label of a person's name in the key-facts box."),
    UiMessage("fact_organisation", "Organisation", "Default label of an organisation in the key-facts box."),
    UiMessage("fact_product", "Product", "Default label of a product in the key-facts box."),
    UiMessage("fact_project", "Project", "Default label of a project in the key-facts box."),
    UiMessage("fact_text", "Fact", "Default label of a fact an editor added in the key-facts box."),
    UiMessage("reading_time", "{duration} read", "Byline under an article title; {duration} is e.g. '3 minutes'."),
    UiMessage("published", "Published {date}", "Byline; {date} is the publication date, e.g. 'January 27, 2025'."),
    UiMessage("by_author", "By {author}", "Byline; {author} is the article's author."),
    UiMessage("source", "Source", "Byline link to the original article on the web."),
    UiMessage("parallel_link", "Read side by side", "Byline link from an article to its parallel (two-column) view."),
    UiMessage("parallel_title", "Side by side", "Title prefix of the parallel view: 'Side by side: <article title>'."),
    UiMessage("parallel_back", "Back to the article", "Link from the parallel view to the article page."),
    UiMessage("translated_from", "Translated from Arabic", "Line under the title of a translated article."),
    UiMessage("original", "Arabic original", "Link to the Arabic article, after 'Translated from Arabic'."),
    UiMessage("coverage", "{percent} of the passages translated",
              "After 'Translated from Arabic'; {percent} is e.g. '100%'."),
    UiMessage("previous", "Previous article", "Label of the link to the previous article, at the end of an article."),
    UiMessage("next", "Next article", "Label of the link to the next article, at the end of an article."),
    UiMessage("terms_title", "Terms in this article", "Title of the list of glossary terms at the end of an article."),
    UiMessage("glossary_title", "Glossary", "Title of the glossary page."),
    UiMessage("glossary_intro", "Terms used in the articles, each with a short explanation and the articles that use it.",
              "First paragraph of the glossary page."),
    UiMessage("glossary_used_in", "Used in", "Glossary page: label before the list of articles using a term."),
    UiMessage("glossary_unused", "Not used in any article yet.", "Glossary page: a term no article uses."),
    UiMessage("glossary_all", "All terms in the glossary", "Link from an article's term list to the glossary page."),
):
    register(_message)

Translate = Callable[[str], "str | None"]


def current(lookup: Callable[[str], Translation | None]) -> Translate:
    """A translate function giving only current (non-fuzzy) msgstrs, else ``None``."""
    def translate(msgid: str) -> str | None:
        found = lookup(msgid)
        return found.text if found is not None and not found.fuzzy else None
    return translate


@dataclass(frozen=True)
class Layer:
    """Side data of the whole site: glossary terms, their translations, and each article's shown facts."""

    terms: tuple[Term, ...]
    glossary: dict[str, Translate]
    facts: dict[str, list[Fact]]
    fact_translations: dict[str, Translations]  # lang -> the facts catalog, keyed (slug, msgid)

    def fact_translate(self, slug: str, lang: str) -> Translate:
        """Current translations of article ``slug``'s fact texts into ``lang``."""
        found = self.fact_translations.get(lang, {})
        return current(lambda msgid: found.get((slug, msgid)))


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _glossary_entry(found: Translations, msgid: str) -> Translation | None:
    return found.get((CATALOG, msgid))


def load_layer(articles: Sequence[Article], root: Path, locales_dir: Path, langs: Sequence[str]) -> Layer:
    """Read ``seeds/glossary.yml``, each article's ``.facts.yml`` and the glossary and facts PO files.

    Raises :class:`~explainer.errors.DataError` / ``CatalogError`` naming file and line.
    """
    terms = read_glossary(root / GLOSSARY_FILE, GLOSSARY_FILE)
    glossary: dict[str, Translate] = {}
    for lang in langs:
        path = po_path(locales_dir, lang, CATALOG)
        found = load_translations(path, _display(path, root)) if lang != SOURCE_LANG else {}
        glossary[lang] = current(partial(_glossary_entry, found))
    fact_translations: dict[str, Translations] = {}
    for lang in langs:
        if lang != SOURCE_LANG:
            path = po_path(locales_dir, lang, FACTS_CATALOG)
            fact_translations[lang] = load_translations(path, _display(path, root))
    facts: dict[str, list[Fact]] = {}
    for article in articles:
        facts[article.slug] = load_article_facts(article, root)
    return Layer(terms, glossary, facts, fact_translations)


def _page_texts(article: Article, lang: str, lookup: Lookup) -> list[str]:
    texts = []
    for unit in article_units(article):
        found = lookup(unit.msgid) if lang != SOURCE_LANG else None
        texts.append(found.text if found is not None else unit.msgid)
    return texts


def _link(label: str, target: str) -> str:
    return f"[{escape_inline(label)}]({quote(target, safe='/#.-_~')})"


def _byline(article: Article, lang: str, lookup: Lookup, counts: dict[str, int], ui: UiStrings) -> str:
    parts: list[str] = []
    meta = article.metadata
    if meta.date:
        when = format_date(_dt.date.fromisoformat(meta.date), "long", locale=lang)
        parts.append(escape_inline(ui.text("published", lang, date=when)))
    if meta.author:
        # the name may be in the other script (an Arabic name on the English page, a Latin one on the Arabic
        # page): a <bdi> isolates it, so the separators around it keep their places
        before, _, after = ui.text("by_author", lang, author="\x00").partition("\x00")
        parts.append(f"{escape_inline(before)}<bdi>{escape_inline(meta.author)}</bdi>{escape_inline(after)}")
    if meta.source:
        url = meta.source.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        parts.append(f"[{escape_inline(ui.text('source', lang))}]({url})")
    minutes = reading_minutes(count_words(_page_texts(article, lang, lookup)), lang)
    parts.append(escape_inline(ui.text("reading_time", lang, duration=format_minutes(minutes, lang))))
    parts.append(_link(ui.text("parallel_link", lang), f"parallel/{article.slug}.md"))  # relative to the article
    line = " · ".join(parts) + "\n{: .ex-byline data-search-exclude=\"\" }\n\n"
    if lang != SOURCE_LANG:
        total = sum(counts.values()) or 1
        share = format_percent(counts["translated"] / total, locale=lang, numbering_system="latn")
        line += (escape_inline(ui.text("translated_from", lang)) + " (" + _link(ui.text("original", lang), f"../{article.slug}.md")
                 + ") · " + escape_inline(ui.text("coverage", lang, percent=share)) + "\n{: .ex-translated data-search-exclude=\"\" }\n\n")
    return line


def _terms_footer(used: Sequence[LocalTerm], lang: str, ui: UiStrings) -> str:
    if not used:
        return ""
    rows = "".join(
        f'<div id="gl-{t.id}"><dt{_lang(t.term_lang, lang)}>{html.escape(t.term)}</dt>'
        f'<dd id="gl-{t.id}-def"{_lang(t.explanation_lang, lang)}>{html.escape(t.explanation)}</dd></div>'
        for t in used)
    return (f'<aside class="ex-terms" aria-labelledby="ex-terms-title" data-search-exclude><p class="ex-terms__title" id="ex-terms-title">'
            f'{html.escape(ui.text("terms_title", lang))}</p><dl>{rows}</dl></aside>\n\n'
            f"{_link(ui.text('glossary_all', lang), 'glossary.md')}\n{{: .ex-glossary-link data-search-exclude=\"\" }}\n\n")


def _lang(text_lang: str, page_lang: str) -> str:
    return "" if text_lang == page_lang else f' lang="{text_lang}" dir="{DIRECTIONS[text_lang]}"'


def _prev_next(articles: Sequence[Article], index: int, lang: str, titles: dict[str, str], ui: UiStrings) -> str:
    links = []
    if index > 0:
        prev = articles[index - 1]
        links.append(escape_inline(ui.text("previous", lang)) + ": " + _link(titles[prev.slug], f"{prev.slug}.md"))
    if index + 1 < len(articles):
        nxt = articles[index + 1]
        links.append(escape_inline(ui.text("next", lang)) + ": " + _link(titles[nxt.slug], f"{nxt.slug}.md"))
    return (" · ".join(links) + "\n{: .ex-prevnext data-search-exclude=\"\" }\n\n") if links else ""


def _body_texts(article: Article) -> list[str]:
    """The Arabic texts glossary markup applies to: lede, paragraphs and list items (not headings)."""
    texts: list[str] = []
    for block in article.blocks():
        texts.extend([block.text] if block.kind == "paragraph" else block.items)
    return texts


def article_term_ids(terms: Sequence[Term], article: Article) -> list[str]:
    """Ids of the glossary terms the article's Arabic body uses, in first-use order."""
    matcher = matcher_for(terms)
    found: list[str] = []
    for text_ar in _body_texts(article):
        for match in matcher.find(text_ar):
            if match.key not in found:
                found.append(match.key)
    return found


def article_extras(layer: Layer, articles: Sequence[Article], index: int, lang: str,
                   lookups: dict[str, Lookup], ui: UiStrings) -> Extras:
    """The explainer layer of article ``articles[index]`` in ``lang``.

    ``lookups`` maps each slug to its translation lookup in ``lang`` (for titles of
    the previous/next links); ``ui`` gives the interface strings.
    """
    article = articles[index]
    lookup = lookups[article.slug]
    counts = translation_state(article, lang, lookup)
    translate = layer.fact_translate(article.slug, lang)
    box = render_box(layer.facts[article.slug], lang, translate, ui.text, DIRECTIONS)
    # The article's terms are those its Arabic body uses (first-use order), on every page, so the
    # term list has the same ids in each language and every marked term has its description.
    ids = article_term_ids(layer.terms, article)
    terms = sorted((t for t in layer.terms if t.id in ids), key=lambda t: ids.index(t.id))
    local = localize(terms, lang, layer.glossary[lang])
    marker = TermMarker(terms, local, inline_html)
    titles = {}
    for other in articles:
        shown = current(lookups[other.slug])(other.title) if lang != SOURCE_LANG else None
        titles[other.slug] = shown or other.title
    tail = _prev_next(articles, index, lang, titles, ui)
    return Extras(header=_byline(article, lang, lookup, counts, ui) + box, mark=marker.mark,
                  footer=lambda: _terms_footer(local, lang, ui) + tail)


def render_parallel(article: Article, lang: str, lookup: Lookup, langs: Sequence[str], ui: UiStrings) -> PageSource:
    """The parallel page of ``article`` with ``lang`` as interface language (rows: :mod:`explainer.render.parallel`)."""
    title = current(lookup)(article.title) if lang != SOURCE_LANG else None
    meta = {
        "title": f"{ui.text('parallel_title', lang)}: {title or article.title}",
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "alternates": {other: parallel_uri(article.slug, other) for other in langs},
        "search": {"exclude": True},  # Material: the article pages are already indexed
        "in_nav": False,              # one per article: kept out of the short navigation, like articles
        "hide": ["toc"],
    }
    back = _link(ui.text("parallel_back", lang), f"../{article.slug}.md")
    body = (f"# {escape_inline(str(meta['title']))} {{#ex-parallel}}\n\n{back}\n{{: .ex-byline data-search-exclude=\"\" }}\n\n"
            + render_rows(article, lang, langs, lookup, ui.text))
    return PageSource(parallel_uri(article.slug, lang), lang, _front_matter(meta) + body)


def glossary_uri(lang: str) -> str:
    """src_uri of the glossary page: ``glossary.md`` or ``<lang>/glossary.md``."""
    return "glossary.md" if lang == SOURCE_LANG else f"{lang}/glossary.md"


def render_glossary(layer: Layer, articles: Sequence[Article], lang: str, lookups: dict[str, Lookup],
                    langs: Sequence[str], ui: UiStrings) -> PageSource:
    """The glossary page of ``lang``: every term (alphabetical), its explanation and the articles using it."""
    meta: dict[str, object] = {
        "title": ui.text("glossary_title", lang),
        "description": ui.text("glossary_intro", lang),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "alternates": {other: glossary_uri(other) for other in langs},
    }
    uses = articles_using(layer.terms, {a.slug: [u.msgid for u in article_units(a)] for a in articles})
    by_slug = {a.slug: a for a in articles}
    body = [f"# {escape_inline(ui.text('glossary_title', lang))} {{#title}}\n\n",
            f"{escape_inline(ui.text('glossary_intro', lang))}\n\n"]
    local: list[LocalTerm] = sorted(localize(layer.terms, lang, layer.glossary[lang]), key=sort_key)
    for term in local:
        attrs = f' lang="{term.term_lang}" dir="{DIRECTIONS[term.term_lang]}"' if term.term_lang != lang else ""
        body.append(f"## {escape_inline(term.term)} {{#gl-{term.id}{attrs}}}\n\n")
        body.append(f'<p{_lang(term.explanation_lang, lang)}>{html.escape(term.explanation)}</p>\n\n')
        links = []
        for slug in uses[term.id]:
            shown = current(lookups[slug])(by_slug[slug].title) if lang != SOURCE_LANG else None
            links.append(_link(shown or by_slug[slug].title, f"{slug}.md"))
        comma = "، " if DIRECTIONS[lang] == "rtl" else ", "
        used = (escape_inline(ui.text("glossary_used_in", lang)) + ": " + comma.join(links) if links
                else escape_inline(ui.text("glossary_unused", lang)))
        body.append(used + "\n{: .ex-glossary-uses }\n\n")
    return PageSource(glossary_uri(lang), lang, _front_matter(meta) + "".join(body))


def layer_pages(layer: Layer, articles: Sequence[Article], lookups: dict[str, dict[str, Lookup]],
                langs: Sequence[str], ui: UiStrings) -> list[PageSource]:
    """Parallel pages (one per article and language) and, when there are terms, each language's glossary page."""
    pages = []
    for lang in langs:
        other = next((l for l in langs if l != SOURCE_LANG), None)
        for article in articles:
            if other is not None:
                pages.append(render_parallel(article, lang, lookups[other][article.slug], langs, ui))
        if layer.terms:  # no glossary file, no glossary page
            pages.append(render_glossary(layer, articles, lang, lookups[lang], langs, ui))
    return pages
