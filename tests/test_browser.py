"""Real-browser checks in Debian's Chromium: direction, language switch, search, screenshots.

These tests never skip: `make test` installs Chromium, and a missing browser
must fail CI rather than pass silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize(("path", "lang", "direction"), [("deepseek/", "ar", "rtl"), ("en/deepseek/", "en", "ltr")])
def test_article_direction_and_screenshot(page: Page, base_url: str, path: str, lang: str, direction: str) -> None:
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.lang") == lang
    computed = page.evaluate("getComputedStyle(document.querySelector('article #s1-p1')).direction")
    assert computed == direction
    align = page.evaluate("getComputedStyle(document.querySelector('article h1')).textAlign")
    assert align in ("start", "right" if direction == "rtl" else "left")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"article-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_language_switch_round_trip(page: Page, base_url: str) -> None:
    page.goto(base_url + "deepseek/")
    page.locator("a.ex-switch__link[hreflang=en]").click()
    page.wait_for_url(base_url + "en/deepseek/")
    expect(page.locator("article h1")).to_have_text(
        "There is a new kid on the block who has already laid the groundwork to become OpenAI's new rival")
    page.locator("a.ex-switch__link[hreflang=ar]").click()
    page.wait_for_url(base_url + "deepseek/")


def _reading_line_block(page: Page) -> str:
    """Id of the first segment with more than a line showing under the header."""
    return page.evaluate("""() => {
        const top = document.querySelector('.md-header').getBoundingClientRect().bottom + 24;
        const el = [...document.querySelectorAll('article p[id], article h2[id], article li[id]')]
            .find(el => el.getBoundingClientRect().bottom > top);
        return el ? el.id : '';
    }""")


@pytest.mark.parametrize(("start", "target", "segment", "viewport"), [
    ("deepseek/", "en/deepseek/", "s1-p1", {"width": 1280, "height": 800}),
    ("en/deepseek/", "deepseek/", "s0-p2", {"width": 1280, "height": 800}),
    ("deepseek/", "en/deepseek/", "s2", {"width": 360, "height": 740}),
    ("en/deepseek/", "deepseek/", "s1-p3", {"width": 360, "height": 740}),
])
def test_language_switch_keeps_the_place(browser, base_url: str, start: str, target: str, segment: str,
                                         viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(base_url + start)
        page.locator(f"#{segment}").evaluate("""el => window.scrollTo(0, el.getBoundingClientRect().top + scrollY
            - document.querySelector('.md-header').getBoundingClientRect().bottom - 8)""")
        page.wait_for_timeout(100)
        assert _reading_line_block(page) == segment
        page.locator("a.ex-switch__link").click()
        page.wait_for_url(f"{base_url}{target}#{segment}")
        page.wait_for_timeout(100)
        assert _reading_line_block(page) == segment
        assert page.locator(f"#{segment}").is_visible()
    finally:
        context.close()


def test_language_switch_at_top_has_no_fragment_and_works_by_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/")
    page.locator("a.ex-switch__link").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(base_url)


def _record(page: Page, url: str) -> tuple[list[str], list[str]]:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requests, errors


@pytest.mark.parametrize("path", ["", "deepseek/", "en/", "en/deepseek/", "en/404/", "404.html"])
def test_no_request_leaves_the_origin_and_console_is_clean(page: Page, base_url: str, path: str) -> None:
    requests, errors = _record(page, base_url + path)
    assert requests and all(r.startswith((base_url, "data:")) for r in requests), requests
    assert not [r for r in requests if r.endswith("sitemap.xml") and r != base_url + "sitemap.xml"]
    assert errors == []


@pytest.mark.parametrize(("path", "loads_arabic_face"), [("deepseek/", True), ("en/deepseek/", False)])
def test_self_hosted_fonts_load_only_where_needed(page: Page, base_url: str, path: str,
                                                  loads_arabic_face: bool) -> None:
    requests, _errors = _record(page, base_url + path)
    page.evaluate("document.fonts.ready")
    fonts = sorted(r.rsplit("/", 1)[1] for r in requests if r.endswith(".woff2"))
    expected = ["noto-naskh-arabic-arabic-400-normal.woff2"] if loads_arabic_face else []
    assert fonts == expected + ["noto-sans-latin-400-normal.woff2"]
    family = page.evaluate("getComputedStyle(document.querySelector('#s1-p1')).fontFamily")
    assert family.startswith('"Noto Naskh Arabic"' if loads_arabic_face else '"Noto Sans"')
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'DeepSeek')")


@pytest.mark.parametrize("path", ["deepseek/", "", "en/deepseek/"])
def test_no_letter_spacing_on_arabic_and_room_for_tashkeel(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    spaced = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(el => el.closest('[lang]').lang === 'ar' || document.documentElement.lang === 'ar' && !el.closest('[lang=en]'))
        .map(el => [el.tagName, getComputedStyle(el).letterSpacing])
        .filter(([, ls]) => ls !== 'normal' && ls !== '0px')""")
    assert spaced == []
    if path != "en/deepseek/":
        ratio = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('article p, article h1'));
            return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }""")
        assert ratio >= 1.6


def _search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    box.press("End")  # Material reads the query on keyup; non-ASCII text is inserted without key events
    expect(page.locator(".md-search-result__meta")).not_to_have_text("", timeout=10_000)
    page.wait_for_function("document.querySelectorAll('a.md-search-result__link').length > 0", timeout=10_000)
    return page.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("en/", "Stargate", "en/deepseek/"),
    ("", "ستارغيت", "deepseek/"),
])
def test_search_finds_article(page: Page, base_url: str, start: str, query: str, expected: str) -> None:
    page.goto(base_url + start)
    hrefs = _search(page, query)
    assert any(expected in href for href in hrefs), hrefs


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "deepseek/", "en/", "en/deepseek/", "404.html", "en/404/"])
def test_readable_on_a_phone(browser, base_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
        size = page.evaluate("""parseFloat(getComputedStyle(document.querySelector('article #lede')
            || document.querySelector('article p')).fontSize)""")  # body text, not a byline
        assert size >= 14
        expect(page.locator("a.ex-switch__link" if "404" not in path else "article a").first).to_be_visible()
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default")
    finally:
        context.close()
