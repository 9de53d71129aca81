"""Where every generated page lives: its ``src_uri`` and its URL, and links between pages.

A ``src_uri`` is the page's source name, always ``/``-separated (``deepseek.md``,
``en/deepseek.md``, ``page/2.md``); a *URL* is where the built page is served, relative
to the site root, as MkDocs gives it: with directory URLs (``use_directory_urls: true``)
``deepseek.md`` -> ``deepseek/`` and ``index.md`` -> ``./``; without, ``deepseek.html``.
The renderer writes finished HTML, so it links pages by URL itself (:func:`link_url`),
with the same relative form MkDocs gives its own links.
"""

from __future__ import annotations

import functools
import posixpath

from explainer.translate.ui import SOURCE_LANG

PARALLEL_DIR = "parallel"


def _in_lang(path: str, lang: str) -> str:
    return path if lang == SOURCE_LANG else f"{lang}/{path}"


def article_uri(slug: str, lang: str) -> str:
    """src_uri of an article page: ``deepseek.md`` (Arabic, at the root) or ``en/deepseek.md``."""
    return _in_lang(f"{slug}.md", lang)


def home_uri(lang: str) -> str:
    """src_uri of a language's home page: ``index.md`` or ``en/index.md``."""
    return _in_lang("index.md", lang)


def home_page_uri(lang: str, number: int = 1) -> str:
    """src_uri of page ``number`` of a language's home listing (slug ``page`` is reserved).

    >>> [home_page_uri("ar"), home_page_uri("ar", 2), home_page_uri("en", 3)]
    ['index.md', 'page/2.md', 'en/page/3.md']
    """
    return home_uri(lang) if number == 1 else _in_lang(f"page/{number}.md", lang)


def status_uri(lang: str) -> str:
    """src_uri of a language's translation status page: ``status.md`` or ``en/status.md`` (slug reserved)."""
    return _in_lang("status.md", lang)


def not_found_uri(lang: str) -> str:
    """src_uri of the "page not found" page of a language other than the source: ``en/404.md``.

    The source language's 404 is the theme's ``404.html`` at the site root (the
    file GitHub Pages serves for every missing path); it sends readers of a
    missing ``/en/...`` address to this page.
    """
    return f"{lang}/404.md"


def parallel_uri(slug: str, lang: str) -> str:
    """src_uri of the parallel page in ``lang``: ``parallel/<slug>.md`` or ``<lang>/parallel/<slug>.md``."""
    return _in_lang(f"{PARALLEL_DIR}/{slug}.md", lang)


def glossary_uri(lang: str) -> str:
    """src_uri of the glossary page: ``glossary.md`` or ``<lang>/glossary.md``."""
    return _in_lang("glossary.md", lang)


@functools.lru_cache(maxsize=16384)
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of the page built from ``src_uri``, relative to the site root (MkDocs' rule).

    >>> [page_url("index.md"), page_url("en/deepseek.md"), page_url("page/2.md", False)]
    ['./', 'en/deepseek/', 'page/2.html']
    """
    stem = src_uri.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name == "index":
        return f"{folder}/" if folder else "./"
    if directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def _parts(url: str) -> list[str]:
    parts: list[str] = []
    for part in url.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts


@functools.lru_cache(maxsize=65536)  # every unit of a page asks for the same few links
def relative_url(to_url: str, from_url: str) -> str:
    """``to_url`` relative to the page at ``from_url`` (both site-relative URLs), as MkDocs writes links.

    >>> relative_url("./", "page/2/"), relative_url("deepseek/", "en/deepseek/"), relative_url("en/", "./")
    ('../../', '../../deepseek/', 'en/')
    """
    base = posixpath.dirname(from_url) if "." in from_url.rpartition("/")[2] else from_url
    base_parts, to_parts = _parts(base), _parts(to_url)
    common = 0
    for a, b in zip(base_parts, to_parts):
        if a != b:
            break
        common += 1
    path = "/".join([".."] * (len(base_parts) - common) + to_parts[common:]) or "."
    return path + "/" if to_url.endswith("/") else path


def link_url(from_uri: str, to_uri: str, anchor: str = "", directory_urls: bool = True) -> str:
    """The href of a link from page ``from_uri`` to page ``to_uri`` (src_uris), with an optional ``#anchor``.

    >>> link_url("en/deepseek.md", "deepseek.md", "lede"), link_url("index.md", "status.md")
    ('../../deepseek/#lede', 'status/')
    """
    href = relative_url(page_url(to_uri, directory_urls), page_url(from_uri, directory_urls))
    return f"{href}#{anchor}" if anchor else href
