"""Search records from the core's own data: one per page and per headed section, in the page's language.

The records are made from what the renderer shows (the article's segments in the page
language, through :class:`~explainer.translate.state.TranslationStates`), never by
reading HTML back. A record holds only the reading text: the title or heading and the
paragraphs and list items under it, joined by spaces. Furniture stays out: the key-facts
box, byline, notices, badges, the term list and the previous/next links are labels and
repeats, not text a reader searches for (they once reached the index as one glued run,
``حقائق أساسيةرقم273…``, which garbled snippets and highlighting).

* An article page gives a record for the page (``deepseek/``: title, subtitle, lede and
  the untitled intro section) and one per headed section (``deepseek/#s1``: heading and its
  blocks).
* A glossary page gives a record for the page (its title and introduction) and one per
  term (``glossary/#gl-chip``: term and explanation).
* Listings (home, status), parallel views and "not found" pages give none.

Locations are page URLs relative to the site root (:func:`explainer.render.urls.page_url`).
The bundle writer gives Pagefind one page per site page, with the section records under
headings carrying their anchors (:func:`explainer.search.bundle.page_html`).
"""

from __future__ import annotations

from collections.abc import Sequence

from explainer.model import Article, Section
from explainer.render.glossary import LocalTerm
from explainer.render.urls import article_uri, glossary_uri, page_url
from explainer.search.rules import SearchRecord
from explainer.translate.state import TranslationStates


def _section_texts(section: Section, states: TranslationStates) -> list[str]:
    texts: list[str] = []
    for block in section.blocks:
        if block.kind == "paragraph":
            texts.append(states.of(block.text).text)
        else:
            texts.extend(states.of(item).text for item in block.items)
    return texts


def article_records(article: Article, states: TranslationStates, directory_urls: bool = True) -> list[SearchRecord]:
    """The records of ``article``'s page in ``states.lang`` (rules in the module docstring).

    Output: the page record first, then one per headed section in reading order; each
    text is what the page shows for the segment (a passage without a current
    translation shows, and is indexed with, its Arabic text).
    """
    lang = states.lang
    url = page_url(article_uri(article.slug, lang), directory_urls)
    title = states.of(article.title).text
    intro = [states.of(article.subtitle.text).text] if article.subtitle else []
    intro += [states.of(article.lede.text).text] if article.lede else []
    records: list[SearchRecord] = []
    sections = []
    for section in article.sections:
        if section.heading is None:
            intro += _section_texts(section, states)
        else:
            sections.append(section)
    records.append(SearchRecord(url, lang, title, title, " ".join(intro)))
    for section in sections:
        assert section.heading is not None
        heading = states.of(section.heading).text
        records.append(SearchRecord(f"{url}#{section.id}", lang, heading, title, " ".join(_section_texts(section, states))))
    return records


def glossary_records(terms: Sequence[LocalTerm], lang: str, page_title: str, intro: str,
                     directory_urls: bool = True) -> list[SearchRecord]:
    """The records of the glossary page of ``lang``: the page (title and ``intro``), then each term
    (the term as title, its explanation as text), in the page's order."""
    url = page_url(glossary_uri(lang), directory_urls)
    return [SearchRecord(url, lang, page_title, page_title, intro),
            *(SearchRecord(f"{url}#gl-{term.id}", lang, term.term, page_title, term.explanation) for term in terms)]
