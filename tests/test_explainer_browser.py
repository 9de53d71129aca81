"""Explainer layer in Debian's Chromium: tooltip by keyboard, parallel view layout, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
pytestmark = pytest.mark.browser


def _page(browser, width: int) -> Page:
    return browser.new_context(viewport={"width": width, "height": 900}).new_page()


def _tip_visible(page: Page) -> bool:
    return page.evaluate("getComputedStyle(document.activeElement, '::after').display") != "none"


@pytest.mark.parametrize(("path", "term", "explanation"), [
    ("en/deepseek/", "artificial intelligence", "The branch of computer science"),
    ("deepseek/", "الذكاء الاصطناعي", "فرع من علوم الحاسوب"),
])
def test_glossary_tooltip_reachable_by_keyboard(browser, base_url: str, path: str, term: str, explanation: str) -> None:
    page = _page(browser, 1280)
    page.goto(base_url + path)
    term_link = page.locator("article a.ex-term").first
    assert page.evaluate("getComputedStyle(document.querySelector('article a.ex-term'), '::after').display") == "none"
    for _ in range(80):  # Tab through the page until the first glossary term has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ex-term')"):
            break
    else:
        pytest.fail("no glossary term reachable with Tab")
    assert page.evaluate("document.activeElement.textContent") == term
    assert _tip_visible(page)
    tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert explanation in tip
    # Screen readers: the explanation is the link's accessible description, and is not read twice.
    expect(term_link).to_have_accessible_description(page.locator("#" + term_link.get_attribute("aria-describedby")).inner_text())
    expect(term_link).to_have_accessible_name(term)
    if path.startswith("en/"):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "glossary-tooltip-en.png"))
    page.context.close()


def test_glossary_tooltip_on_hover(browser, base_url: str) -> None:
    page = _page(browser, 1280)
    page.goto(base_url + "en/deepseek/")
    page.locator("article a.ex-term").first.hover()
    assert page.evaluate("getComputedStyle(document.querySelector('article a.ex-term'), '::after').display") == "block"
    page.context.close()


@pytest.mark.parametrize(("path", "shot"), [("deepseek/", "key-facts-ar.png"), ("en/deepseek/", "key-facts-en.png")])
def test_key_facts_box_screenshot(browser, base_url: str, path: str, shot: str) -> None:
    page = _page(browser, 1280)
    page.goto(base_url + path)
    box = page.locator("article aside.ex-facts")
    expect(box).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    box.screenshot(path=str(ARTIFACTS / shot))
    assert (ARTIFACTS / shot).stat().st_size > 5_000
    page.context.close()


@pytest.mark.parametrize(("path", "width", "shot"), [
    ("parallel/deepseek/", 1280, "parallel-ar.png"),
    ("en/parallel/deepseek/", 1280, "parallel-en.png"),
    ("en/parallel/deepseek/", 360, "parallel-en-360.png"),
])
def test_parallel_view_layout(browser, base_url: str, path: str, width: int, shot: str) -> None:
    page = _page(browser, width)
    page.goto(base_url + path + "#s1-p2")
    row = page.locator("#s1-p2")
    ar, en = row.locator(".ex-cell[lang=ar]").bounding_box(), row.locator(".ex-cell[lang=en]").bounding_box()
    assert page.evaluate("getComputedStyle(document.querySelector('#s1-p2 .ex-cell[lang=ar]')).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#s1-p2 .ex-cell[lang=en]')).direction") == "ltr"
    if width >= 1000:
        assert ar["x"] > en["x"] and abs(ar["y"] - en["y"]) < 2, "side by side, Arabic on the right"
    else:
        assert en["y"] + en["height"] <= ar["y"] + 1, "stacked on a phone, the page language first"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base_url + path)
    page.screenshot(path=str(ARTIFACTS / shot))
    page.context.close()


def test_glossary_tooltip_fits_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "en/deepseek/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("article a.ex-term").first.focus()
    box = page.evaluate("""(() => {
        const s = getComputedStyle(document.activeElement, '::after');
        return {display: s.display, position: s.position, left: s.left, right: s.right};
    })()""")
    assert box["display"] == "block" and box["position"] == "fixed"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
