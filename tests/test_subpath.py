"""The site under a GitHub Pages project subpath: build for http://127.0.0.1:<port>/repo/, serve it
there like GitHub Pages (404.html for missing paths) and crawl every page.

Checks: no broken internal link (fragments included), no link that escapes /repo/, every head
hreflang and sitemap URL exists, every language switch lands on an existing counterpart that
switches back.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections import deque
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, run_build

PREFIX = "/repo/"


class _ProjectSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under PREFIX only; missing paths get 404.html with status 404, as on GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = urlsplit(self.path).path
        if not path.startswith(PREFIX) and path != PREFIX.rstrip("/"):
            self.send_error(404, "outside the project prefix")
            return None
        local = Path(self.translate_path(path))
        if path.startswith(PREFIX) and not local.exists() or (local.is_dir() and not (local / "index.html").exists()
                                                                and not path.endswith("/")):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else path)


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory):
    dest = tmp_path_factory.mktemp("subpath-site")
    handler = functools.partial(_ProjectSiteHandler, directory=str(dest))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    os.environ["SITE_URL"] = base
    try:
        build = run_build(ROOT, dest)
    finally:
        del os.environ["SITE_URL"]
    assert build.returncode == 0, build.log
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urlopen(url, timeout=10) as response:
            data = response.read()
            return response.status, response.headers.get("Content-Type", ""), data.decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8", "replace")


def _links(page: BeautifulSoup, page_url: str) -> list[str]:
    found = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")):
        for element in page.find_all(tag):
            value = element.get(attr)
            if value and not value.startswith(("mailto:", "data:", "javascript:")):
                found.append(urljoin(page_url, value))
    return found


def test_crawl_under_project_subpath(project_site: str) -> None:
    origin = project_site[: -len(PREFIX) + 1]
    queue = deque([project_site, project_site + "404.html"])
    pages: dict[str, BeautifulSoup] = {}
    status: dict[str, int] = {}
    escaped, broken, missing_ids = [], [], []
    while queue:
        url = queue.popleft()
        if url in status:
            continue
        code, kind, body = _get(url)
        status[url] = code
        if code != 200:
            continue
        if "html" in kind:
            page = BeautifulSoup(body, "lxml")
            pages[url] = page
            for link in _links(page, url):
                target, _fragment = urldefrag(link)
                if not target.startswith(origin):
                    continue  # another site (the theme's credit line)
                if not target.startswith(project_site):
                    escaped.append((url, link))
                    continue
                queue.append(target)
    for url, page in pages.items():
        for link in _links(page, url):
            target, fragment = urldefrag(link)
            if target.startswith(project_site) and status.get(target) != 200:
                broken.append((url, link, status.get(target)))
            if fragment and target in pages and not pages[target].find(id=fragment):
                missing_ids.append((url, link))
    assert not escaped, escaped
    assert not broken, broken
    assert not missing_ids, missing_ids
    assert {project_site, project_site + "deepseek/", project_site + "en/", project_site + "en/deepseek/"} <= set(pages)

    # Head alternates and the sitemap point at pages that exist, under the prefix.
    for url, page in pages.items():
        for link in page.select("head link[hreflang], head link[rel=canonical]"):
            assert link["href"].startswith(project_site) and status.get(link["href"], _get(link["href"])[0]) == 200
    sitemap = ElementTree.fromstring(_get(project_site + "sitemap.xml")[2].encode("utf-8"))
    locs = [el.text for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc in pages for loc in locs)

    # Every language switch lands on an existing counterpart whose switch leads back.
    switched = 0
    for url, page in pages.items():
        for link in page.select("a.ex-switch__link"):
            target = urljoin(url, link["href"])
            assert target in pages, (url, target)
            back = {urljoin(target, a["href"]) for a in pages[target].select("a.ex-switch__link")}
            assert url in back, (url, target, back)
            assert pages[target].html["lang"] == link["hreflang"]
            switched += 1
    assert switched >= 4


def test_missing_pages_get_the_404_page_under_the_prefix(project_site: str) -> None:
    code, _kind, body = _get(project_site + "en/no-such-page/")
    assert code == 404
    page = BeautifulSoup(body, "lxml")
    assert page.select_one("article h1").get_text() == "الصفحة غير موجودة"
    hrefs = [el.get("href") or el.get("src") for el in page.select("[href], [src]")]
    local = [h for h in hrefs if not h.startswith(("http", "data:"))]
    assert local and all(h.startswith(PREFIX) for h in local), local


@pytest.mark.browser
def test_missing_english_address_opens_the_english_404_page(project_site: str) -> None:
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(project_site + "en/no-such-page/")
            page.wait_for_url(project_site + "en/404/")
            assert page.locator("article h1").inner_text() == "Page not found"
            assert page.evaluate("document.documentElement.lang") == "en"
            page.goto(project_site + "no-such-page/")
            assert page.locator("article h1").inner_text() == "الصفحة غير موجودة"
            assert page.url == project_site + "no-such-page/"
        finally:
            browser.close()
