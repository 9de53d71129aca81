"""Scale features on small synthetic corpora: the benchmark's generator, the short navigation, home
pagination, and `serve --dirty` rebuilding only the pages whose inputs changed.

The corpus comes from ``bench/corpus.py`` (the benchmark's generator) with one
article more than a home page holds, so the listing gets a second page.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po
from mkdocs.commands.build import build
from mkdocs.config import load_config

from explainer.errors import CatalogError
from explainer.render.pages import HOME_PAGE_SIZE
from explainer.translate.catalog import Translation, load_translations, read_catalog

from .conftest import ROOT, make_project, run_build
from .helpers import soup

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus

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


def _dirty_rebuild(project: Path, site: Path) -> dict[str, int]:
    """One `mkdocs serve --dirty` style build in this process; returns each HTML file's mtime (ns) by path."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_dirty_rebuild_renders_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = make_project(tmp_path, copy_locales=True)
    write_corpus(3, project)
    site = tmp_path / "site"
    first = _dirty_rebuild(project, site)
    seed = project / "seeds/article-0002.txt"
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + " علامةالتعديل\n", "utf-8")
    po = project / "locales/en/LC_MESSAGES/article-0003.po"
    header, title, rest = po.read_text("utf-8").split('msgstr "', 2)  # the title's msgstr follows the header's
    po.write_text(header + 'msgstr "' + title + 'msgstr "EDITED ' + rest, "utf-8")
    second = _dirty_rebuild(project, site)
    changed = {rel for rel, mtime in second.items() if mtime != first[rel]}
    assert {"article-0002/index.html", "en/article-0002/index.html", "en/article-0003/index.html"} <= changed
    assert not changed & {"article-0001/index.html", "en/article-0001/index.html", "article-0003/index.html"}
    assert "علامةالتعديل" in (site / "article-0002/index.html").read_text("utf-8")
    assert "EDITED " in (site / "en/article-0003/index.html").read_text("utf-8")
    page = soup(site / "en/article-0002/index.html")  # rebuilt pages keep the short navigation
    assert [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")] == [
        "Articles", "Translation status"]


CRAFTED_PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# translator comment
#. s1-p1 paragraph
#: seeds/x.txt:1
#, fuzzy, python-format
#| msgid "قديم"
msgctxt "x"
msgid "جديد"
msgstr "new \\"quoted\\" \\\\ text"

#, python-brace-format
#, fuzzy
msgctxt "x"
msgid ""
"سطر "
"ثان"
msgstr ""
"line "
"two"

msgid "no context"
msgstr "yes"

msgctxt "x"
msgid "empty"
msgstr ""

msgid "one"
msgid_plural "many"
msgstr[0] "a"
msgstr[1] "b"

#~ msgctxt "x"
#~ msgid "gone"
#~ msgstr "gone too"
'''


def test_build_time_catalog_loading_agrees_with_babel(tmp_path: Path) -> None:
    """load_translations reads entries from the strict scan, not Babel: both must give the same translations."""
    path = tmp_path / "x.po"
    path.write_text(CRAFTED_PO, "utf-8")
    expected = {(m.context or "", m.id): Translation(m.string, m.fuzzy) for m in read_catalog(path)
                if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string}
    assert load_translations(path) == expected == {
        ("x", "جديد"): Translation('new "quoted" \\ text', True),
        ("x", "سطر ثان"): Translation("line two", True),
        ("", "no context"): Translation("yes", False),
    }
    path.write_text(CRAFTED_PO.replace('msgstr "yes"', 'msgstr "changed"'), "utf-8")  # same path, new bytes
    assert load_translations(path)[("", "no context")] == Translation("changed", False)
    bad_header = tmp_path / "bad.po"
    bad_header.write_text(CRAFTED_PO.replace("nplurals=2; plural=(n != 1);", "nplurals=x; plural=("), "utf-8")
    with pytest.raises(CatalogError, match="bad.po"):
        load_translations(bad_header)
