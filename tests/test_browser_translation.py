"""Real-browser checks of translation marks: an edited seed (one fuzzy paragraph) and a deleted translation.

These tests never skip: `make test` installs Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from explainer.cli import main as explainer

from .browser import CHROMIUM, CHROMIUM_ARGS, serve_directory
from .conftest import ROOT, make_project, run_build

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("marks")
    seed = (ROOT / "seeds/deepseek.txt").read_text("utf-8").replace("على 10 آلاف شريحة", "على عشرة آلاف شريحة")
    po = (ROOT / "locales/en/LC_MESSAGES/deepseek.po").read_text("utf-8")
    start = po.rindex("msgstr", 0, po.index('"The key to DeepSeek'))
    po = po[:start] + 'msgstr ""' + po[po.index("\n\n", start):]
    project = make_project(base, seeds={"deepseek.txt": seed}, po={"en/LC_MESSAGES/deepseek.po": po})
    assert explainer(["--root", str(project), "update"]) == 0
    build = run_build(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    with serve_directory(build.site) as url:
        yield url


@pytest.fixture()
def page(base_url: str) -> Page:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        yield tab
        browser.close()


def _box(page: Page, selector: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();"
                         " return {top: r.top, height: r.height, width: r.width}; })()")


def test_marks_are_visible_and_untranslated_text_runs_rtl(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/deepseek/")
    untranslated = page.locator("article #s1-p3")
    assert untranslated.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert untranslated.get_attribute("lang") == "ar"
    for selector in (".ex-notice--page", ".ex-notice--fuzzy", ".ex-notice--untranslated"):
        notice = page.locator(f"article {selector}")
        assert notice.count() == 1 and notice.is_visible(), selector
        assert notice.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert _box(page, f"article {selector}")["height"] > 8
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-en-marks.png"), full_page=True)


def test_outdated_notice_links_the_arabic_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/deepseek/")
    page.locator("article .ex-notice--fuzzy a").click()
    page.wait_for_url("**/deepseek/#s1-p2")  # Material's language script must not drop the anchor
    assert not page.url.split("#")[0].endswith("/en/deepseek/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    box = _box(page, "#s1-p2")
    assert 0 <= box["top"] < 900 and "عشرة آلاف" in page.locator("#s1-p2").inner_text()


@pytest.mark.parametrize(("path", "lang"), [("status/", "ar"), ("en/status/", "en")])
def test_status_page_screenshot(page: Page, base_url: str, path: str, lang: str) -> None:
    page.goto(base_url + path)
    cells = page.locator("article table tbody tr").first.locator("td").all_inner_texts()
    # 12 segments (s1-p2 fuzzy, s1-p3 untranslated) and the phrase of an auto-selected key fact (untranslated)
    assert cells[1:] == ["10", "1", "2", "76%"]
    page.screenshot(path=str(ARTIFACTS / f"status-{lang}.png"), full_page=True)
