"""The search query table (tests/search_queries.tsv), typed into Material's search box in Chromium.

Two sites: this repository's own ("sample") and a purpose-written seed with an
English catalog ("rules", tests/data/search/) whose sentences exercise each rule
the sample article lacks (tashkeel and tatweel in the text, ى, ٱ, Arabic-Indic
digits, every clitic). A row passes when the expected page#section link is among
the first three result links and every result link is a page of the reader's language.
"""

from __future__ import annotations

import csv
import io
import re
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from playwright.sync_api import Page

from explainer.site import load_seed
from explainer.translate.segment import article_units

from .browser import serve_directory
from .conftest import make_project, run_build

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
TABLE = HERE / "search_queries.tsv"
RULES_DATA = HERE / "data" / "search"
RULES_SLUG = "search-rules"
TOP = 3


@dataclass(frozen=True)
class Row:
    site: str
    lang: str
    query: str
    page: str
    section: str
    rule: str

    @property
    def target(self) -> str:
        return self.page + (f"#{self.section}" if self.section else "")


def load_table(path: Path = TABLE) -> list[Row]:
    """Rows of the query table (tab-separated, '#' comment lines, one header line)."""
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Row(**{key: (value or "") for key, value in record.items()}) for record in reader]


ROWS = load_table()


def rules_po(seed: Path, english: Path) -> str:
    """The English catalog of the rules seed: its units in order, one English line each."""
    article = load_seed(seed, seed.parent)
    units = article_units(article)
    lines = english.read_text("utf-8").splitlines()
    assert len(lines) == len(units), f"{english}: {len(lines)} lines for {len(units)} units of {seed}"
    catalog = Catalog(locale="en", charset="utf-8", fuzzy=False)
    for unit, text in zip(units, lines):
        catalog.add(unit.msgid, string=text, context=RULES_SLUG)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    return buffer.getvalue().decode("utf-8")


@pytest.fixture(scope="module")
def rules_site_dir(tmp_path_factory) -> Path:
    """The rules site (tests/data/search/ as slug ``search-rules``), built; its folder."""
    base = tmp_path_factory.mktemp("search-rules")
    seed_path = base / f"{RULES_SLUG}.txt"
    seed_path.write_bytes((RULES_DATA / "seed.txt").read_bytes())
    project = make_project(
        base, seeds={f"{RULES_SLUG}.txt": seed_path.read_bytes()},
        po={f"en/LC_MESSAGES/{RULES_SLUG}.po": rules_po(seed_path, RULES_DATA / "en.txt")},
    )
    build = run_build(project, base / "site")
    assert build.returncode == 0, build.log
    return build.site


@pytest.fixture(scope="module")
def sites(real_build, rules_site_dir):
    """Base URL per site name, each served from its own built folder."""
    with serve_directory(real_build.site) as sample_url, serve_directory(rules_site_dir) as rules_url:
        yield {"sample": sample_url, "rules": rules_url}


@pytest.fixture(scope="module")
def tabs(browser, sites):
    """One tab per (site, language), opened on that language's home page and reused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened: dict[tuple[str, str], Page] = {}

    def tab(site: str, lang: str) -> Page:
        if (site, lang) not in opened:
            page = context.new_page()
            page.goto(sites[site] + ("" if lang == "ar" else f"{lang}/"))
            opened[(site, lang)] = page
        return opened[(site, lang)]

    yield tab
    context.close()


def _snapshot(page: Page) -> tuple[str, list[str]]:
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    return meta, hrefs


def search(page: Page, query: str, timeout_s: float = 20.0, expect_results: bool = True) -> list[str]:
    """Type ``query`` into the search box as a reader would; the result links' page#section, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    box.press("End")  # Material reads the query on keyup; non-ASCII text is inserted without key events
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    deadline = time.monotonic() + timeout_s
    previous, stable = None, 0
    while time.monotonic() < deadline:  # results arrive asynchronously: wait until the list stops changing
        page.wait_for_timeout(150)
        current = _snapshot(page)
        # An empty list may be the answer to the cleared box arriving late: when the row expects
        # results, only a non-empty list counts as settled (a slow machine answers late).
        answered = current[0].strip() not in ("", placeholder) and (bool(current[1]) or not expect_results)
        stable = stable + 1 if answered and current == previous else 0
        previous = current
        if stable >= (2 if expect_results else 6):
            break
    else:
        raise AssertionError(f"no settled search results for {query!r}: {previous}")
    base = page.url.split("/", 3)
    root = "/".join(base[:3]) + "/"
    out = []
    for href in (previous or ("", []))[1]:
        parts = urllib.parse.urlsplit(href)
        out.append(urllib.parse.unquote(parts.path).removeprefix(urllib.parse.urlsplit(root).path)
                   + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.site}-{r.lang}-{r.query}" for r in ROWS])
def test_query_table(tabs, row: Row) -> None:
    links = search(tabs(row.site, row.lang), row.query)
    assert row.target in links[:TOP], f"{row.rule}: {row.query!r} -> {links[:6]}"
    other = [link for link in links if (link.startswith("en/") != (row.lang == "en"))]
    assert not other, f"results from another language on a {row.lang} page: {other}"


def test_table_covers_both_languages_and_forty_rows() -> None:
    assert len(ROWS) >= 40
    assert {r.lang for r in ROWS} == {"ar", "en"}
    assert all(r.page.startswith("en/") == (r.lang == "en") for r in ROWS)


def test_snippet_shows_text_as_written(tabs, sites) -> None:
    page = tabs("rules", "ar")
    search(page, "اعلنت")
    marks = page.locator(".md-search-result__list mark").all_inner_texts()
    assert "أَعْلَنَتْ" in marks, marks  # the word as on the page, with its hamza and tashkeel
    teaser = page.locator(".md-search-result__article p").first.inner_text()
    article = page.context.new_page()
    article.goto(sites["rules"] + f"{RULES_SLUG}/")
    written = " ".join(article.locator("article #s1 ~ p").all_inner_texts())
    article.close()
    assert "٢٠٢٤" in teaser and teaser.strip(" …") in written, (teaser, written)


def test_markup_in_a_seed_is_shown_as_text(tabs) -> None:
    page = tabs("rules", "en")
    search(page, "alert")
    results = page.locator(".md-search-result__list")
    assert results.locator("script, b").count() == 0
    assert "<script>alert(1)</script>" in results.inner_text()


def test_no_results(tabs) -> None:
    page = tabs("rules", "en")
    assert search(page, "zzzqqq", expect_results=False) == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"No matching|لا توجد", meta), meta


#: Words on no page of the rules site, most of them near-misses of its real words that Pagefind's
#: stemming or prefix matching would still lead to a page (``announcer`` -> ``announc``).
ABSENT = [
    ("ar", "مستشفيات"), ("ar", "كتابات"), ("ar", "مدرستنا"), ("ar", "شركاتهم"),
    ("en", "announcer"), ("en", "hospitality"), ("en", "schooled"), ("en", "officiate"),
]
#: Real words of those pages, with the section they are in.
PRESENT = [("ar", "مستشفى", "search-rules/#s1"), ("ar", "كتاب", "search-rules/#s2"),
           ("en", "announced", "en/search-rules/#s1"), ("en", "hospital", "en/search-rules/#s1")]


def _site_words(site: Path, lang: str) -> set[str]:
    """Every folded word (with its clitic-free stems) of the built pages of ``lang``."""
    from bs4 import BeautifulSoup

    from explainer.search.rules import index_terms

    found: set[str] = set()
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("search/", "assets/")) or rel.startswith("en/") != (lang == "en"):
            continue
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        if article is not None:
            found.update(index_terms(article.get_text(" ")))
    return found


@pytest.mark.parametrize(("lang", "query"), ABSENT, ids=[q for _, q in ABSENT])
def test_word_on_no_page_gives_no_results(tabs, sites, rules_site_dir, lang: str, query: str) -> None:
    from explainer.search.rules import query_forms, query_words

    forms = [form for word in query_words(query) for form in query_forms(word)]
    starts = sorted(w for w in _site_words(rules_site_dir, lang) if any(w.startswith(f) for f in forms))
    assert not starts, f"{query!r} is on a page after all: {starts}"  # the premise of the test
    page = tabs("rules", lang)
    assert search(page, query, expect_results=False) == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"No matching|لا توجد", meta), meta


@pytest.mark.parametrize(("lang", "query", "target"), PRESENT, ids=[q for _, q, _ in PRESENT])
def test_real_word_still_found(tabs, lang: str, query: str, target: str) -> None:
    links = search(tabs("rules", lang), query)
    assert target in links[:TOP], links


def test_result_links_carry_the_matched_terms(tabs) -> None:
    """Every result link highlights the words it matched (``?h=``), never an empty highlight."""
    page = tabs("rules", "ar")
    search(page, "الكتاب")
    hrefs = page.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    assert hrefs
    for href in hrefs:
        highlight = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query, keep_blank_values=True).get("h")
        assert highlight is None or all(value.strip() for value in highlight), href
    assert any("h=" in href for href in hrefs), hrefs


def test_a_query_pasted_without_keys_is_searched(tabs) -> None:
    # Pasting with the mouse or dictating fires no key event; Material reads the query on key release only.
    page = tabs("sample", "ar")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.fill("انفيديا")  # fill() sets the value and fires "input", with no key event
    page.wait_for_function("document.querySelectorAll('a.md-search-result__link').length > 0", timeout=20000)
    assert "deepseek/" in page.locator("a.md-search-result__link").first.get_attribute("href")
