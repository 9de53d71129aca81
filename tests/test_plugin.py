"""The MkDocs plugin object: options from mkdocs.yml, state on the plugin, the core free of MkDocs,
per-language config views, and `serve` rebuilds that redo only what changed yet equal a fresh build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from explainer.cli import main as explainer

from .conftest import ROOT, make_project, run_build
from .helpers import pagefind_fragments, soup

SEED = "عنوان المقالة الأولى\nفقرة أولى طويلة بما يكفي لتكون مقدمة للمقالة في هذا الاختبار.\n- قسم\nفقرة ثانية هنا.\n"


def _with_options(project: Path, block: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\nextra:\n" in text
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n  explainer:\n{block}", 1), "utf-8")
    return project


def test_the_core_package_imports_no_mkdocs() -> None:
    code = ("import importlib, pkgutil, sys, explainer\n"
            "for m in pkgutil.walk_packages(explainer.__path__, 'explainer.'):\n"
            "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
            "bad = sorted(n for n in sys.modules if n == 'mkdocs' or n.startswith(('mkdocs.', 'material', 'explainer_mkdocs')))\n"
            "print(len([n for n in sys.modules if n.startswith('explainer.')]), bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT / "hooks")
    count, bad = out.stdout.split(" ", 1)
    assert int(count) > 30 and bad.strip() == "[]", out.stdout


@pytest.mark.parametrize(("block", "message"), [
    ("    languages: [en, ar]\n", ("Config value 'extra.explainer.languages': the first language is the seeds' language "
                                   "and must be 'ar' (got 'en')")),
    ("    languages: [ar, xx-nope]\n", "Config value 'extra.explainer.languages': 'xx-nope' is not a language CLDR knows"),
    ("    home_page_size: 0\n", ("Config value 'extra.explainer.home_page_size': expected a whole number of articles "
                                 "from 1 to 1000, got 0")),
    ("    reading_speeds: {fr: 200}\n", ("Config value 'extra.explainer.reading_speeds': reading speed given for 'fr', "
                                       "which is not one of the languages ['ar', 'en']")),
    ("    seeds_dir: ../elsewhere\n", ("Config value 'extra.explainer.seeds_dir': '../elsewhere' must be a path inside "
                                     "the project folder")),
])
def test_bad_options_are_mkdocs_config_errors(project_factory, tmp_path: Path, block: str, message: str) -> None:
    project = _with_options(project_factory(seeds={"x.txt": SEED}), block)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert message in result.log


def test_an_unknown_option_is_a_warning_that_fails_strict(project_factory, tmp_path: Path) -> None:
    project = _with_options(project_factory(seeds={"x.txt": SEED}), "    home_page_sise: 2\n")
    strict = run_build(project, tmp_path / "strict")
    assert strict.returncode == 1
    assert "WARNING -  explainer: Config value 'extra.explainer.home_page_sise': Unrecognised configuration name" in strict.log
    assert run_build(project, tmp_path / "site", strict=False).returncode == 0


def test_options_shape_the_site(project_factory, tmp_path: Path) -> None:
    seeds = {f"a{n}.txt": SEED.replace("الأولى", f"رقم {n}") + "كلمة " * 100 + "\n" for n in range(1, 4)}
    project = _with_options(project_factory(seeds=seeds), "    home_page_size: 2\n    reading_speeds: {ar: 20}\n")
    result = run_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.log
    assert len(soup(result.site / "index.html").select("article li > p > a")) == 2
    assert (result.site / "page/2/index.html").is_file()
    byline = soup(result.site / "a1/index.html").select_one(".ex-byline").get_text()
    assert "مدة القراءة: 6 دقائق" in byline  # 118 words at 20 words a minute (the default, 138, gives 1 minute)


def test_the_plugin_shows_each_language_its_config_view_and_leaves_config_alone(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"x.txt": SEED})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    before = (config.site_name, config.copyright, config.theme["language"], list(config.extra["alternate"]))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert (config.site_name, config.copyright, config.theme["language"], list(config.extra["alternate"])) == before
    en = soup(tmp_path / "site/en/x/index.html")
    assert (en.html["lang"], en.body["dir"]) == ("en", "ltr")
    assert en.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Explainers"
    ar = soup(tmp_path / "site/x/index.html")
    assert (ar.html["lang"], ar.body["dir"]) == ("ar", "rtl")
    assert [a["hreflang"] for a in ar.select("a.ex-switch__link")] == ["en"]


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and p.suffix in (".html", ".xml") and "search" not in p.parts}


def _records(site: Path) -> dict[str, list[tuple[str, str]]]:
    return {lang: sorted((f["url"], f["content"]) for f in pagefind_fragments(site / "search" / lang)) for lang in ("ar", "en")}


def test_a_serve_rebuild_redoes_only_what_changed_and_equals_a_fresh_build(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus  # the benchmark's generator

    project = make_project(tmp_path, copy_locales=True)
    write_corpus(4, project)
    site = tmp_path / "served"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)  # the first build of a `mkdocs serve` session renders everything
    plugin = config.plugins["hooks/explainer_hooks.py"].plugin  # type: ignore[attr-defined]
    assert plugin.build.skipped == set()
    seed = project / "seeds/article-0002.txt"
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + " علامةالتعديل\n", "utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))  # what `serve` does on a save
    build(config)
    kept = set(plugin.build.skipped)
    assert {"article-0001.md", "en/article-0001.md", "article-0003.md", "parallel/article-0004.md"} <= kept
    assert not kept & {"article-0002.md", "en/article-0002.md", "parallel/article-0002.md", "en/parallel/article-0002.md"}
    assert "علامةالتعديل" in (site / "article-0002/index.html").read_text("utf-8")
    assert (site / "search/ar/pagefind-entry.json").is_file()  # the last bundle serves until the new one is written
    plugin.wait_for_search()  # a serve rebuild indexes in the background
    fresh = tmp_path / "fresh"
    assert run_build(project, fresh, strict=False).returncode == 0
    assert _site_files(site) == _site_files(fresh)
    assert _records(site) == _records(fresh)
    assert "علامةالتعديل" in " ".join(content for _url, content in _records(site)["ar"])


def test_another_target_language_needs_no_reading_speeds(project_factory, tmp_path: Path) -> None:
    # The default speeds name 'en': a site of Arabic and French failed on a value its maintainer never set.
    project = _with_options(project_factory(seeds={"x.txt": SEED}), "    languages: [ar, fr]\n")
    result = run_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.log
    assert "reading speed" not in result.log and (result.site / "fr/x/index.html").is_file()
    assert explainer(["--root", str(project), "check"]) == 0
