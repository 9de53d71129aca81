"""Interface strings of the generated pages, kept in the gettext domain ``ui``.

The site's own words (site name, home labels, notices, the status page, the
footer) are messages like the articles' segments, so translators handle them
with the same tools::

    locales/ui.pot                        template, made from :data:`MESSAGES`
    locales/ar/LC_MESSAGES/ui.po          Arabic interface
    locales/en/LC_MESSAGES/ui.po          English interface

The source language of this domain is English (``UI_SOURCE_LANG``): each
message's ``msgid`` is the English wording and its ``msgctxt`` a stable key, so
rewording a ``msgid`` makes the Arabic entry fuzzy (gettext semantics) while code
keeps asking for the key. To add a string, add a :class:`UiMessage` to
:data:`MESSAGES`, run ``explainer update`` and translate the new entry in
``locales/ar/LC_MESSAGES/ui.po``.

A message is a whole sentence or label: words that belong to one sentence are one
message with ``{name}`` placeholders (``Previous article: {title}``), never pieces
joined in code, so a translation can order them as its language does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

LANGS = ("ar", "en")
SOURCE_LANG = "ar"          # language of the seeds (articles)
UI_SOURCE_LANG = "en"       # language of the interface msgids
UI_DOMAIN = "ui"


@dataclass(frozen=True)
class UiMessage:
    """One interface string: ``key`` (the msgctxt), English ``source`` (the msgid), a note for translators.

    ``source`` may hold ``{name}`` placeholders (flag ``python-brace-format``,
    checked by ``msgfmt --check``); :meth:`UiStrings.text` fills them.
    """

    key: str
    source: str
    comment: str = ""

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Names of the ``{name}`` placeholders in ``source``, in order."""
        return tuple(_PLACEHOLDER_RE.findall(self.source))


_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)

_PAGE_MESSAGES = (
    UiMessage("site_name", "Explainers", "Site name, shown in the header and in every page title."),
    UiMessage("home_title", "Articles", "Heading of the home page."),
    UiMessage("home_intro", "Arabic articles explained, each with an English translation.",
              "First paragraph of the home page."),
    UiMessage("home_page_n", "{title} (page {number} of {count})",
              "Title of the second and later pages of the home listing; {title} is the home page's heading."),
    UiMessage("previous_page", "← Previous", "Pager link under the home listing, to the previous page."),
    UiMessage("next_page", "Next →", "Pager link under the home listing, to the next page."),
    UiMessage("untranslated", "Not yet translated",
              "Notice above a passage shown in the original language because it has no translation."),
    UiMessage("outdated", "Translation to be reviewed: it may not match the original.",
              "Notice above a passage whose translation waits for review: flagged fuzzy, made for an earlier "
              "version of the original, or questioned by a check (a number or a name differs)."),
    UiMessage("see_original", "Read the original",
              "Link after the 'outdated' notice, to the same passage in the original language."),
    UiMessage("nothing_translated",
              "Nothing in this article has been translated yet; the Arabic original is shown.",
              "Notice at the top of an article page with no translated passage."),
    UiMessage("partly_translated",
              "{translated} of {total} passages of this article are translated; the others are marked.",
              "Notice at the top of an article page with some passages untranslated or outdated."),
    UiMessage("catalog_unreadable",
              "The translation of this article could not be read ({problem}); the Arabic original is shown "
              "until the file is fixed.",
              "Notice at the top of an article page in a preview (mkdocs serve) when its PO file is malformed; "
              "{problem} is the file, line and problem."),
    UiMessage("seed_error_title", "This article could not be read",
              "Title of the page a preview (mkdocs serve) shows at the address of an article whose seed has an error."),
    UiMessage("seed_error_body",
              "The preview leaves this article out until its seed is fixed. Fix the file and save it: this page "
              "then shows the article again.",
              "Paragraph of that page, above the error message (file, line, problem, in English)."),
    UiMessage("status_title", "Translation status", "Title of the translation status page and of links to it."),
    UiMessage("status_intro",
              "How much of each article has a current English translation. Passages to review have a "
              "translation that may not match the Arabic text: flagged for review, made for an earlier "
              "version of it, or with a number or a name that differs.",
              "First paragraph of the translation status page."),
    UiMessage("status_article", "Article", "Column heading on the status page."),
    UiMessage("status_translated", "Translated", "Column heading on the status page."),
    UiMessage("status_fuzzy", "To review", "Column heading on the status page (fuzzy entries, translations of an "
              "earlier version of the original, translations a check questions)."),
    UiMessage("status_untranslated", "Not translated", "Column heading on the status page."),
    UiMessage("status_percent", "Coverage", "Column heading on the status page (percent translated)."),
    UiMessage("status_total", "Total", "Last row of the status page table."),
    UiMessage("footer", "Arabic articles with English translations kept in gettext catalogs.",
              "Footer line of every page."),
    UiMessage("not_found_title", "Page not found", "Heading and title of the 404 page."),
    UiMessage("not_found_body",
              "We could not find the page you asked for. It may have moved, or the address may be mistyped.",
              "Text of the 404 page."),
    UiMessage("not_found_home", "Go to the home page", "Link on the 404 page to the home page of this language."),
    UiMessage("switch_title", "Read this page in English",
              "Tooltip of the header link that opens the same page in this catalog's language; "
              "'English' is the name of the catalog's language (Arabic: بالعربية)."),
)


#: The explainer layer's words (byline, key facts, parallel view, glossary).
_LAYER_MESSAGES = (
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
    UiMessage("parallel_title", "Side by side: {title}",
              "Title of the parallel view; {title} is the article's title."),
    UiMessage("parallel_back", "Back to the article", "Link from the parallel view to the article page."),
    UiMessage("translated_from", "Translated from Arabic ({original})",
              "Line under the title of a translated article; {original} is a link labelled 'Arabic original'."),
    UiMessage("original", "Arabic original", "Label of the link to the Arabic article, in 'Translated from Arabic'."),
    UiMessage("coverage", "{percent} of the passages translated",
              "After 'Translated from Arabic'; {percent} is e.g. '100%'."),
    UiMessage("previous", "Previous article: {title}",
              "Link to the previous article, at the end of an article; {title} is that article's title, linked."),
    UiMessage("next", "Next article: {title}",
              "Link to the next article, at the end of an article; {title} is that article's title, linked."),
    UiMessage("terms_title", "Terms in this article", "Title of the list of glossary terms at the end of an article."),
    UiMessage("glossary_title", "Glossary", "Title of the glossary page."),
    UiMessage("glossary_intro", "Terms used in the articles, each with a short explanation and the articles that use it.",
              "First paragraph of the glossary page."),
    UiMessage("glossary_used_in", "Used in: {articles}",
              "Glossary page: the articles using a term; {articles} is the list of their linked titles."),
    UiMessage("glossary_unused", "Not used in any article yet.", "Glossary page: a term no article uses."),
    UiMessage("glossary_all", "All terms in the glossary", "Link from an article's term list to the glossary page."),
)

#: Every interface string, in the order of ``locales/ui.pot``.
MESSAGES: tuple[UiMessage, ...] = _PAGE_MESSAGES + _LAYER_MESSAGES


def _by_key() -> dict[str, UiMessage]:
    return {message.key: message for message in MESSAGES}


def message_for(key: str) -> UiMessage:
    """The registered :class:`UiMessage` named ``key``; ``KeyError`` if there is none."""
    try:
        return _by_key()[key]
    except KeyError:
        raise KeyError(f"unknown interface string {key!r}; add it to explainer.translate.ui.MESSAGES") from None


@dataclass(frozen=True)
class UiStrings:
    """The interface strings of one build: current translations keyed by ``(lang, key)``.

    Built by :func:`explainer.site.load_ui_strings` from the ``ui`` catalogs.
    :meth:`text` follows gettext: a missing or fuzzy translation falls back to
    the English ``msgid``.
    """

    translations: Mapping[tuple[str, str], str] = field(default_factory=dict)
    fuzzy: frozenset[tuple[str, str]] = frozenset()
    messages: Mapping[str, UiMessage] = field(default_factory=_by_key, repr=False)  # key -> message (MESSAGES)

    def text(self, key: str, lang: str, **values: object) -> str:
        """Interface string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

        Output: plain text (escape it before putting it in HTML or Markdown).
        Raises ``KeyError`` for an unregistered key.

        >>> UiStrings({("ar", "status_total"): "المجموع"}).text("status_total", "ar")
        'المجموع'
        >>> UiStrings().text("partly_translated", "en", translated=3, total=4)
        '3 of 4 passages of this article are translated; the others are marked.'
        """
        template = self.translations.get((lang, key)) or self._message(key).source
        return _PLACEHOLDER_RE.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)

    def markup(self, key: str, lang: str, escape: Callable[[str], str] = _escape_text, **values: str) -> str:
        """Interface string ``key`` in ``lang`` as markup: its words escaped, its placeholders filled with markup.

        Each of ``values`` must already be markup (a link, escaped text); the words
        around the placeholders go through ``escape`` (default: HTML text escaping).
        Raises ``KeyError`` for an unregistered key.

        >>> UiStrings().markup("previous", "en", title='<a href="x/">A &amp; B</a>')
        'Previous article: <a href="x/">A &amp; B</a>'
        """
        template = self.translations.get((lang, key)) or self._message(key).source
        parts = _PLACEHOLDER_RE.split(template)  # text, name, text, name, ..., text
        return "".join(escape(part) if index % 2 == 0 else values.get(part, "{" + part + "}")
                       for index, part in enumerate(parts))

    def missing(self, lang: str) -> list[str]:
        """Keys with no current translation in ``lang`` (always empty for the source language)."""
        if lang == UI_SOURCE_LANG:
            return []
        return [key for key in self.messages if (lang, key) not in self.translations]

    def counts(self, lang: str) -> dict[str, int]:
        """Interface strings of ``lang`` by state: ``{"translated": n, "fuzzy": n, "untranslated": n}``."""
        missing = self.missing(lang)
        fuzzy = sum(1 for key in missing if (lang, key) in self.fuzzy)
        return {"translated": len(self.messages) - len(missing), "fuzzy": fuzzy, "untranslated": len(missing) - fuzzy}

    def _message(self, key: str) -> UiMessage:
        try:
            return self.messages[key]
        except KeyError:
            raise KeyError(f"unknown interface string {key!r}; add it to explainer.translate.ui.MESSAGES") from None


def ui_po_path(locales_dir: Path, lang: str) -> Path:
    """Path of the interface catalog of ``lang``: ``locales/<lang>/LC_MESSAGES/ui.po``."""
    return locales_dir / lang / "LC_MESSAGES" / f"{UI_DOMAIN}.po"
