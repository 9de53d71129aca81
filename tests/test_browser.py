"""Real-browser checks in Debian's Chromium: direction, language switch, search, screenshots.

These tests never skip: `make test` installs Chromium, and a missing browser
must fail CI rather than pass silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from .browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(real_build):
    with serve_directory(real_build.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


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
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(base_url + "en/deepseek/")
    expect(page.locator("article h1")).to_have_text(
        "There is a new kid on the block who has already laid the groundwork to become OpenAI's new rival")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=ar]").click()
    page.wait_for_url(base_url + "deepseek/")


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
