"""Accessibility: axe-core (through axe-playwright-python) in Debian's Chromium.

No serious or critical violation on the home, article, search and 404 pages in both languages,
in the light and dark palettes. The counts of every impact level are printed (`pytest -s`).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
BLOCKING = ("serious", "critical")
PAGES = {
    "ar-home": "", "ar-article": "deepseek/", "ar-search": "deepseek/", "ar-404": "no-such-page/",
    "en-home": "en/", "en-article": "en/deepseek/", "en-search": "en/deepseek/", "en-404": "en/404/",
}
QUERIES = {"ar-search": "الذكاء", "en-search": "intelligence"}


def _open(page: Page, base: str, name: str) -> None:
    if name == "ar-404":  # the static server answers 404 with nothing: open the page GitHub Pages would serve
        page.goto(base + "404.html")
    else:
        page.goto(base + PAGES[name])
    if name in QUERIES:
        page.locator("label.md-header__button[for=__search]").first.click() if page.viewport_size["width"] < 960 \
            else page.locator("input.md-search__input").click()
        box = page.locator("input.md-search__input")
        box.fill(QUERIES[name])
        box.press("End")
        expect(page.locator("a.md-search-result__link").first).to_be_visible(timeout=10_000)
    page.evaluate("document.fonts.ready")
    # Colours are measured mid-fade otherwise (results and the dialog fade in).
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
    page.wait_for_timeout(300)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_axe_violations(browser, base_url: str, name: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        _open(page, base_url, name)
        results = Axe().run(page)
        violations = results.response["violations"]
        counts = {level: sum(len(v["nodes"]) for v in violations if v["impact"] == level)
                  for level in ("minor", "moderate", "serious", "critical")}
        print(f"axe {name} {scheme}: {counts}")
        blocking = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
                    for v in violations if v["impact"] in BLOCKING]
        assert blocking == [], blocking
    finally:
        context.close()
