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
keeps asking for the key. To add a string, append a :class:`UiMessage` to
:data:`MESSAGES` (or call :func:`register`), run ``explainer update`` and
translate the new entry in ``locales/ar/LC_MESSAGES/ui.po``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

LANGS = ("ar", "en")
SOURCE_LANG = "ar"          # language of the seeds (articles)
UI_SOURCE_LANG = "en"       # language of the interface msgids
UI_DOMAIN = "ui"
LANG_NAMES = {"ar": "العربية", "en": "English"}
DIRECTIONS = {"ar": "rtl", "en": "ltr"}


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

MESSAGES: list[UiMessage] = [
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
    UiMessage("outdated", "Translation may be outdated: the original has changed since it was translated.",
              "Notice above a passage whose translation is fuzzy (the original changed)."),
    UiMessage("see_original", "Read the original",
              "Link after the 'outdated' notice, to the same passage in the original language."),
    UiMessage("nothing_translated",
              "Nothing in this article has been translated yet; the Arabic original is shown.",
              "Notice at the top of an article page with no translated passage."),
    UiMessage("partly_translated",
              "{translated} of {total} passages of this article are translated; the others are marked.",
              "Notice at the top of an article page with some passages untranslated or outdated."),
    UiMessage("status_title", "Translation status", "Title of the translation status page and of links to it."),
    UiMessage("status_intro",
              "How much of each article has a current English translation. Outdated passages are "
              "translations of an earlier version of the Arabic text.",
              "First paragraph of the translation status page."),
    UiMessage("status_article", "Article", "Column heading on the status page."),
    UiMessage("status_translated", "Translated", "Column heading on the status page."),
    UiMessage("status_fuzzy", "Outdated", "Column heading on the status page (fuzzy entries)."),
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
]


def register(message: UiMessage) -> UiMessage:
    """Add ``message`` to :data:`MESSAGES` (for feature modules); returns it.

    Raises ``ValueError`` if another message already uses the key with a different source.
    """
    for existing in MESSAGES:
        if existing.key == message.key:
            if existing != message:
                raise ValueError(f"interface string {message.key!r} is already registered")
            return existing
    MESSAGES.append(message)
    return message


def message_for(key: str) -> UiMessage:
    """The registered :class:`UiMessage` named ``key``; ``KeyError`` if there is none."""
    for message in MESSAGES:
        if message.key == key:
            return message
    raise KeyError(f"unknown interface string {key!r}; add it to explainer.translate.ui.MESSAGES")


@dataclass(frozen=True)
class UiStrings:
    """The interface strings of one build: current translations keyed by ``(lang, key)``.

    Built by :func:`explainer.site.load_ui_strings` from the ``ui`` catalogs.
    :meth:`text` follows gettext: a missing or fuzzy translation falls back to
    the English ``msgid``.
    """

    translations: Mapping[tuple[str, str], str] = field(default_factory=dict)
    fuzzy: frozenset[tuple[str, str]] = frozenset()

    def text(self, key: str, lang: str, **values: object) -> str:
        """Interface string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

        Output: plain text (escape it before putting it in HTML or Markdown).
        Raises ``KeyError`` for an unregistered key.

        >>> UiStrings({("ar", "status_total"): "المجموع"}).text("status_total", "ar")
        'المجموع'
        >>> UiStrings().text("partly_translated", "en", translated=3, total=4)
        '3 of 4 passages of this article are translated; the others are marked.'
        """
        message = message_for(key)
        template = self.translations.get((lang, key)) or message.source
        return _PLACEHOLDER_RE.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)

    def missing(self, lang: str) -> list[str]:
        """Keys with no current translation in ``lang`` (always empty for the source language)."""
        if lang == UI_SOURCE_LANG:
            return []
        return [m.key for m in MESSAGES if (lang, m.key) not in self.translations]

    def counts(self, lang: str) -> dict[str, int]:
        """Interface strings of ``lang`` by state: ``{"translated": n, "fuzzy": n, "untranslated": n}``."""
        missing = self.missing(lang)
        fuzzy = sum(1 for key in missing if (lang, key) in self.fuzzy)
        return {"translated": len(MESSAGES) - len(missing), "fuzzy": fuzzy, "untranslated": len(missing) - fuzzy}


def ui_po_path(locales_dir: Path, lang: str) -> Path:
    """Path of the interface catalog of ``lang``: ``locales/<lang>/LC_MESSAGES/ui.po``."""
    return locales_dir / lang / "LC_MESSAGES" / f"{UI_DOMAIN}.po"
