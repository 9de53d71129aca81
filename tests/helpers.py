"""Helpers shared by the tests: HTML parsing and the word stream of a text."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup


def article_html(article, lang: str, lookup=lambda _msgid: None, langs=("ar", "en")) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    """The article page's body as the renderer gives it (no engine), parsed with lxml."""
    from explainer.render.pages import SiteContext, render_article
    from explainer.translate.state import article_states
    from explainer.translate.ui import UiStrings

    page = render_article(article, article_states(article, lang, lookup), SiteContext(tuple(langs), UiStrings()))
    return BeautifulSoup(page.html, "lxml")


def soup(path: Path) -> BeautifulSoup:
    """Parse a built HTML file with lxml."""
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def letters(text: str) -> str:
    """Only the letters, digits and marks of ``text``, NFC: what 'no word lost' compares."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LNM")


SEGMENT_ID_RE = re.compile(r"^(?:title|subtitle|lede|s\d+|s\d+-p\d+|s\d+-l\d+)$")


def segment_text(page: BeautifulSoup, include_title: bool = False) -> str:
    """Text of an article's blocks (title, lede, headings, paragraphs, lists) in document order."""
    parts = []
    for element in page.select("article [id]"):
        seg = element.get("id", "")
        if SEGMENT_ID_RE.match(seg) and (include_title or seg != "title"):
            parts.append(element.get_text(" "))
    return " ".join(parts)


def pagefind_fragments(bundle: Path) -> list[dict]:
    """The records of a Pagefind bundle (``site/search/<lang>/``): url, content, meta.

    Each fragment file is gzip, then the 12-byte signature ``pagefind_dcd``, then JSON.
    ``url`` is the record's address, as the search worker reads it: Pagefind's ``url`` meta.
    """
    out = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd", path
        fragment = json.loads(data[12:])
        fragment["url"] = fragment["meta"]["url"]
        out.append(fragment)
    return out
