"""Publishing metadata: hreflang alternates, Open Graph locales and the sitemap.

Pure functions over URLs; the MkDocs hook feeds them page URLs and ``site_url``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from explainer.translate.ui import SOURCE_LANG


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities: what ``xml.sax.saxutils.escape`` does, without importing
    ``xml.sax`` (which imports ``urllib.request``, ``http.client`` and ``ssl``: a build needs none of them).

    >>> xml_escape('a&b<c>d"e')
    'a&amp;b&lt;c&gt;d"e'
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


# Open Graph wants language_TERRITORY (ogp.me, "og:locale"); Facebook's list uses ar_AR for Arabic.
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
X_DEFAULT = "x-default"
_PLAIN_PATH_RE = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*/?")


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang=... href=...>``: a BCP 47 tag (or ``x-default``) and an absolute URL."""

    hreflang: str
    href: str


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative page URL (``en/deepseek/``, ``./`` or ``""`` for the root) to ``site_url``.

    >>> absolute_url("https://me.github.io/repo/", "en/deepseek/")
    'https://me.github.io/repo/en/deepseek/'
    >>> absolute_url("https://me.github.io/repo", "./")
    'https://me.github.io/repo/'
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    url = url.removeprefix("/")
    if url in ("", "./"):
        return urljoin(base, url)
    if _PLAIN_PATH_RE.fullmatch(url):  # a page URL (letters, digits, - _ /, no dot segment): urljoin appends it
        return base + url
    return urljoin(base, url)


def alternates(urls_by_lang: Mapping[str, str], site_url: str) -> tuple[Alternate, ...]:
    """hreflang alternates of one page: one per language, then ``x-default``.

    Input: language -> site-relative URL of the page in that language (the page
    itself included, as Google's hreflang rules ask every page to list itself),
    and ``site_url``. ``x-default`` points at the source-language (Arabic)
    page, which is also what the site root opens. Output: absolute URLs, in
    the order of ``urls_by_lang``.

    >>> [(a.hreflang, a.href) for a in alternates({"ar": "x/", "en": "en/x/"}, "https://h.test/r/")]
    [('ar', 'https://h.test/r/x/'), ('en', 'https://h.test/r/en/x/'), ('x-default', 'https://h.test/r/x/')]
    """
    links = [Alternate(lang, absolute_url(site_url, url)) for lang, url in urls_by_lang.items()]
    default = urls_by_lang.get(SOURCE_LANG)
    if default is not None and links:
        links.append(Alternate(X_DEFAULT, absolute_url(site_url, default)))
    return tuple(links)


def og_locale(lang: str) -> str:
    """Open Graph locale of a page language (``ar`` -> ``ar_AR``)."""
    return OG_LOCALES.get(lang, lang)


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` of the sitemap: the absolute page URL and its hreflang alternates."""

    loc: str
    alternates: tuple[Alternate, ...] = ()


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    """A sitemap (sitemaps.org 0.9) with ``xhtml:link`` hreflang alternates per URL.

    The alternates follow Google's sitemap form of hreflang: every ``<url>``
    lists all language versions, itself included. Entries are written in the
    given order; the output is deterministic (no dates).
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
              'xmlns:xhtml="http://www.w3.org/1999/xhtml">')]
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(entry.loc)}</loc>")
        for alt in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{xml_escape(alt.hreflang)}" '
                         f'href="{xml_escape(alt.href)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
