"""Scale features on a small synthetic corpus: the benchmark's generator, the short navigation, home pagination.

The corpus comes from ``bench/corpus.py`` (the benchmark's generator) with one
article more than a home page holds, so the listing gets a second page.
"""

from __future__ import annotations

import sys
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po

from explainer.render import HOME_PAGE_SIZE

from .conftest import ROOT, make_project, run_build
from .helpers import soup

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus  # noqa: E402

N = HOME_PAGE_SIZE + 1


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("scale")
    sample = (ROOT / "seeds/deepseek.txt").read_bytes()
    project = make_project(base, seeds={"deepseek.txt": sample}, copy_locales=True)
    write_corpus(N, project)
    build = run_build(project, base / "site")
    assert build.returncode == 0, build.log
    return project, build


def test_generator_writes_complete_catalogs(corpus_build) -> None:
    project, build = corpus_build
    assert "WARNING" not in build.log
    catalogs = sorted((project / "locales/en/LC_MESSAGES").glob("article-*.po"))
    assert len(catalogs) == len(list((project / "seeds").glob("*.txt"))) == N
    assert not list((project / "locales").glob("**/deepseek.po*"))  # replaced seeds lose their catalogs
    assert (project / "locales/ar/LC_MESSAGES/ui.po").exists()  # the interface catalogs stay
    with catalogs[0].open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    assert messages and all(m.string and not m.fuzzy for m in messages)
    sections = soup(build.site / "article-0001/index.html").select("article h2")
    assert 4 <= len(sections) <= 6
    english = soup(build.site / "en/article-0001/index.html")
    assert not english.select(".ex-notice") and english.html["lang"] == "en"


def test_navigation_leaves_articles_out(corpus_build) -> None:
    _, build = corpus_build
    for rel, home in [("article-0001/index.html", "https://x.test/"), ("en/article-0001/index.html", "https://x.test/en/")]:
        page = soup(build.site / rel)
        base = "https://x.test/" + rel.removesuffix("index.html")
        nav_links = [urljoin(base, a["href"]) for a in page.select("nav.md-nav--primary a.md-nav__link")]
        # the language's home and status pages only: no article, no second listing page
        assert nav_links == [home, home + "status/"], rel
        assert urljoin(base, page.select_one("a.md-logo")["href"]) == home


def test_home_listing_is_paginated_with_pager(corpus_build) -> None:
    _, build = corpus_build
    for prefix in ("", "en/"):
        first = soup(build.site / prefix / "index.html")
        second = soup(build.site / prefix / "page/2/index.html")
        assert len(first.select("article li > a, article li > p > a")) == HOME_PAGE_SIZE
        assert [a["href"] for a in second.select("article li a")] == [f"../../article-{N:04d}/"]
        assert [a["href"] for a in first.select(".ex-pager a")][-2:] == ["page/2/", "page/2/"]
        assert "../../" in [a["href"] for a in second.select(".ex-pager a")]
        assert second.html["lang"] == ("en" if prefix else "ar")
