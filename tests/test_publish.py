"""Publishing metadata in the built site: hreflang, canonical, Open Graph, sitemap, 404 pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from xml.etree import ElementTree

from explainer.render.publish import SitemapEntry, absolute_url, alternates, sitemap_xml

from .helpers import soup

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is unset
PAGES = {"index.html": ("ar", ""), "deepseek/index.html": ("ar", "deepseek/"),
         "en/index.html": ("en", "en/"), "en/deepseek/index.html": ("en", "en/deepseek/"),
         "status/index.html": ("ar", "status/"), "en/status/index.html": ("en", "en/status/"),
         # explainer layer: the glossary and the parallel view, each with its counterpart
         "glossary/index.html": ("ar", "glossary/"), "en/glossary/index.html": ("en", "en/glossary/"),
         "parallel/deepseek/index.html": ("ar", "parallel/deepseek/"),
         "en/parallel/deepseek/index.html": ("en", "en/parallel/deepseek/")}
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _head(site: Path, rel: str) -> dict[str, object]:
    page = soup(site / rel)
    metas = {}
    for meta in page.select("head meta[property]"):
        metas.setdefault(meta["property"], []).append(meta["content"])
    return {
        "hreflang": {link["hreflang"]: link["href"] for link in page.select("head link[rel=alternate][hreflang]")},
        "canonical": [link["href"] for link in page.select("head link[rel=canonical]")],
        "og": metas,
        "description": [m["content"] for m in page.select("head meta[name=description]")],
    }


def test_hreflang_is_absolute_reciprocal_with_x_default(real_build) -> None:
    heads = {rel: _head(real_build.site, rel) for rel in PAGES}
    for rel, (lang, url) in PAGES.items():
        links = heads[rel]["hreflang"]
        assert set(links) == {"ar", "en", "x-default"}, rel
        assert links[lang] == SITE_URL + url, "every page lists itself"
        assert links["x-default"] == links["ar"]
        assert all(href.startswith(SITE_URL) for href in links.values())
        assert heads[rel]["canonical"] == [SITE_URL + url]
        for other_lang, href in links.items():  # reciprocal: the counterpart points back here
            other = next(r for r, (_l, u) in PAGES.items() if SITE_URL + u == href)
            assert heads[other]["hreflang"][lang] == SITE_URL + url, (rel, other_lang)


def test_open_graph_and_description_per_language(real_build) -> None:
    ar, en = _head(real_build.site, "deepseek/index.html"), _head(real_build.site, "en/deepseek/index.html")
    assert ar["og"]["og:locale"] == ["ar_AR"] and ar["og"]["og:locale:alternate"] == ["en_US"]
    assert en["og"]["og:locale"] == ["en_US"] and en["og"]["og:locale:alternate"] == ["ar_AR"]
    assert ar["og"]["og:type"] == ["article"] and _head(real_build.site, "index.html")["og"]["og:type"] == ["website"]
    assert ar["og"]["og:url"] == [SITE_URL + "deepseek/"]
    assert ar["og"]["og:title"][0].startswith("هناك طفل جديد")
    assert en["og"]["og:title"][0].startswith("There is a new kid")
    # the description is the lede (the first sentence is the title, no title line)
    assert ar["description"][0].startswith("تمكنت شركة صينية") and en["description"][0].startswith("A Chinese artificial")
    assert en["og"]["og:description"] == en["description"]


def test_sitemap_lists_both_languages_with_alternates(real_build) -> None:
    raw = (real_build.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((real_build.site / "sitemap.xml.gz").read_bytes()) == raw
    root = ElementTree.fromstring(raw)
    urls = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    assert set(urls) == {SITE_URL + u for _l, u in PAGES.values()}
    assert urls[SITE_URL + "en/deepseek/"] == {"ar": SITE_URL + "deepseek/", "en": SITE_URL + "en/deepseek/",
                                               "x-default": SITE_URL + "deepseek/"}
    for loc, links in urls.items():
        assert loc in links.values()


def test_not_found_pages_in_both_languages(real_build) -> None:
    ar = soup(real_build.site / "404.html")
    assert (ar.html["lang"], ar.body["dir"]) == ("ar", "rtl")
    assert ar.select_one("article h1").get_text() == "الصفحة غير موجودة"
    assert ar.select_one("article [lang=en] a")["href"] == "/en/"
    assert ar.select_one("article [lang=en] h2").get_text() == "Page not found"
    assert ar.select_one("head meta[name=robots]")["content"] == "noindex"
    en = soup(real_build.site / "en/404/index.html")
    assert (en.html["lang"], en.body["dir"]) == ("en", "ltr")
    assert en.select_one("article h1").get_text() == "Page not found"
    assert en.select_one("head meta[name=robots]")["content"] == "noindex"
    assert not en.select("head link[rel=canonical], head link[hreflang]")
    index = json.loads((real_build.site / "search/search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("en/404")]
    assert "404" not in (real_build.site / "sitemap.xml").read_text("utf-8")
    nav = [a.get_text(strip=True) for a in soup(real_build.site / "en/index.html").select(".md-nav--primary a")]
    assert "Page not found" not in nav


def test_publish_functions() -> None:
    assert absolute_url("https://u.github.io/r", "") == "https://u.github.io/r/"
    assert alternates({}, "https://x/") == ()
    xml = sitemap_xml([SitemapEntry("https://x/?a=1&b=2", alternates({"ar": "", "en": "en/"}, "https://x/"))])
    root = ElementTree.fromstring(xml)
    assert root.find("s:url/s:loc", NS).text == "https://x/?a=1&b=2"
    assert [link.get("hreflang") for link in root.findall("s:url/x:link", NS)] == ["ar", "en", "x-default"]


def test_xml_escape_is_saxutils_escape() -> None:
    from xml.sax.saxutils import escape

    from explainer.render.publish import xml_escape

    for text in ("", "plain", "a&b", "&amp;", "<&>", "x>&<y", "\"'", "https://e.com/?a=1&b=<2>", "عربي & <b>"):
        assert xml_escape(text) == escape(text), text
