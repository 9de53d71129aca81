"""Ingestion on the built site: seed text stays text, links are safe, repairs and warnings reach the log."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from explainer.ingest.decode import normalize_seed
from explainer.ingest.parse import parse_article
from explainer.ingest.preserve import preservation_warnings
from explainer.translate.segment import article_units

from .conftest import run_build
from .helpers import pagefind_fragments, soup

HOSTILE = """---
title: "عنوان <script>alert(1)</script> {{ config.site_name }} **غامق** [x](javascript:alert(3))"
---
مقدمة فيها <img src=x onerror=alert(1)> و{% if true %}شرط{% endif %} و[رابط](javascript:alert(1)) و`شيفرة` و{{ 7*7 }}.
- عنوان فرعي <b>غامق</b> {#evil .cls onclick=x} **نجمة** _خط_
فقرة فيها <a href="javascript:alert(1)">اضغط</a> و javascript:alert(2) و<iframe src=x></iframe> و&amp; و&lt;.
• بند <script>alert(4)</script>
• بند {{ 7*7 }} و{%raw%}
"""
LINKS = ("مقالة عن الروابط في النصوص العربية المنسوخة من المدونات والمواقع الإخبارية.\n"
         "زوروا https://example.org/energy?a=1&b=2 أو www.example.com/page. وراسلونا على team@example.org، "
         "ولا تضغطوا javascript:alert(1) أبدا.\n")
# Literal strings of the hostile seed that must reach the page as text.
LITERALS = ["<script>alert(1)</script>", "{{ config.site_name }}", "**غامق**", "{% if true %}", "{{ 7*7 }}",
            "<b>غامق</b>", "{#evil .cls onclick=x}", "javascript:alert(2)", '<a href="javascript:alert(1)">',
            "و& و<."]  # the character references &amp; and &lt; are decoded at ingestion, and shown as text
FORBIDDEN_TAGS = ["script", "img", "iframe", "b", "strong", "em", "code"]


def _english_po(slug: str, seed: str) -> str:
    """A complete English catalog for ``seed``: every msgstr is 'EN ' + the msgid (URLs kept)."""
    text, _ = normalize_seed(seed)
    article = parse_article(text, path=f"seeds/{slug}.txt", slug=slug)
    catalog = Catalog(locale="en")
    for unit in article_units(article):
        catalog.add(unit.msgid, "EN " + unit.msgid, context=unit.msgctxt)
    out = io.BytesIO()
    write_po(out, catalog)
    return out.getvalue().decode("utf-8")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    from .conftest import make_project

    base = tmp_path_factory.mktemp("hostile")
    project = make_project(base, seeds={"hostile.txt": HOSTILE, "links.txt": LINKS},
                           po={"en/LC_MESSAGES/links.po": _english_po("links", LINKS)})
    build = run_build(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    return build


def _assert_inert(page) -> None:
    """No element or attribute of the page comes from seed markup."""
    article = page.select_one("article")
    for tag in FORBIDDEN_TAGS:
        assert not article.find_all(tag), tag
    assert not page.body.find_all(["img", "iframe", "b", "strong", "em"]), "seed text became an element"
    assert not page.select("[onclick], [onerror], #evil, .cls"), "seed text became an attribute"
    assert not [a for a in page.find_all("a", href=True) if a["href"].lower().startswith(("javascript:", "data:"))]
    for script in page.find_all("script"):
        assert "alert(" not in script.get_text()


@pytest.mark.parametrize("rel", ["hostile/index.html", "en/hostile/index.html"])
def test_hostile_seed_is_text_on_the_page(hostile_build, rel: str) -> None:
    page = soup(hostile_build.site / rel)
    _assert_inert(page)
    text = page.select_one("article").get_text()
    for literal in LITERALS:
        assert literal in text, literal
    assert "49" not in text  # {{ 7*7 }} was not evaluated
    # <title>, meta description, the table of contents: literal text, no markup.
    assert page.title.get_text().startswith("عنوان <script>alert(1)</script> {{ config.site_name }} **غامق**")
    assert "<img src=x onerror=alert(1)>" in page.select_one('meta[name="description"]')["content"]
    toc = page.select_one("nav.md-nav--secondary")
    assert toc is not None and "<b>غامق</b>" in toc.get_text()
    assert not toc.find_all(["b", "strong", "em"])


def test_hostile_seed_is_text_in_home_nav_and_search(hostile_build) -> None:
    for rel in ("index.html", "en/index.html"):
        page = soup(hostile_build.site / rel)
        _assert_inert(page)
        assert "<script>alert(1)</script>" in page.select_one("article").get_text()
    # Search records hold the text as written (the search worker escapes it when it renders results).
    records = [f for lang in ("ar", "en") for f in pagefind_fragments(hostile_build.site / "search" / lang)]
    records = [f for f in records if f["url"].startswith(("hostile/", "en/hostile/"))]
    assert records
    assert any("{{ config.site_name }}" in f["meta"]["title"] for f in records)
    assert any("<script>alert(1)</script>" in f["content"] for f in records)


def soup_text(markup: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "lxml")


@pytest.mark.parametrize("rel", ["links/index.html", "en/links/index.html"])
def test_urls_and_emails_are_safe_links_in_both_languages(hostile_build, rel: str) -> None:
    page = soup(hostile_build.site / rel)
    paragraph = page.select_one("#lede")  # the first line (one sentence) is the title: this is the first paragraph
    hrefs = [a["href"] for a in paragraph.find_all("a")]
    assert hrefs == ["https://example.org/energy?a=1&b=2", "https://www.example.com/page", "mailto:team@example.org"]
    assert [a.get_text() for a in paragraph.find_all("a")] == [
        "https://example.org/energy?a=1&b=2", "www.example.com/page", "team@example.org"]
    assert "javascript:alert(1)" in paragraph.get_text()
    assert paragraph.get_text().startswith("EN ") == rel.startswith("en/")


MESSY = ("مقالة عن الطاقة الشمسية في المدن العربية وأثرها على الاقتصاد\n"
         "الفقرة الأولى فيها كلمة مطــــولة وحرف\u200bمخفي ، ثم نهاية .\n"
         "الفقرة الثانية تشرح كيف تعمل الألواح الشمسية في النهار.\n"
         "ليست هناك تعليقات:\n")


def test_build_log_reports_repairs_and_no_loss(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"messy.txt": MESSY})
    build = run_build(project, tmp_path / "site")  # --strict: the untranslated English is reported (INFO), not a warning
    assert build.returncode == 0, build.log
    report = [line.split("explainer: ", 1)[1] for line in build.log.splitlines()
              if line.startswith("INFO") and "explainer: seeds/messy.txt:" in line]
    # One line per repair and drop, each naming the seed's file and line.
    expected = [r"seeds/messy\.txt:2: .*zero width space.*tatweel \(kashida\) ×4",
                r"seeds/messy\.txt:2: repaired spacing around punctuation: .*before '،'.*",
                r"seeds/messy\.txt:4: dropped .*: 'ليست هناك تعليقات:'"]
    assert len(report) == len(expected), build.log
    for pattern in expected:
        assert sum(1 for line in report if re.fullmatch(pattern, line)) == 1, (pattern, report)
    # No loss: the preservation check found every word on the page, and so does this test.
    assert "missing from the Arabic page" not in build.log
    page = soup(tmp_path / "site/messy/index.html").select_one("article").get_text(" ")
    words = set(re.findall(r"\w+", MESSY.replace("\u200b", " ").replace("ـ", ""))) - {"ليست", "هناك", "تعليقات"}
    assert words and {w for w in words if w not in page} == set()
    assert "تعليقات" not in page


def test_windows_1256_seed_converts_with_a_warning_that_fails_strict(project_factory, tmp_path: Path) -> None:
    seed = "مقالة محفوظة بترميز ويندوز العربي القديم.\n- عنوان فرعي\nفقرة ثانية في المقالة.\n"
    project = project_factory(seeds={"legacy.txt": seed.encode("cp1256")})
    loose = run_build(project, tmp_path / "loose", strict=False)
    assert loose.returncode == 0, loose.log
    assert re.search(r"WARNING .*seeds/legacy.txt:1: the file is not UTF-8: read it as Windows-1256 \(Arabic\)\. Re-save it as UTF-8", loose.log)
    page = soup(tmp_path / "loose/legacy/index.html")
    assert page.select_one("#s1").get_text() == "عنوان فرعي"
    assert "\ufffd" not in page.get_text()
    strict = run_build(project, tmp_path / "strict", strict=True)
    assert strict.returncode == 1


def test_front_matter_error_names_file_and_line(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"note.txt": "---\ntitle: عنوان\ndate: أمس\n---\nفقرة.\n"})
    build = run_build(project, tmp_path / "out")
    assert build.returncode == 1
    assert "seeds/note.txt:3: 'date' must be YYYY-MM-DD, got 'أمس'" in build.log
    assert "Traceback" not in build.log


def test_preservation_check_names_the_missing_word() -> None:
    text, _ = normalize_seed("مقدمة المقالة هنا.\n- عنوان\nفقرة فيها كلمة نادرة.")
    article = parse_article(text, path="seeds/x.txt", slug="x")
    complete = "<h1>مقدمة المقالة هنا</h1><p>مقدمة المقالة هنا.</p><h2>عنوان</h2><p>فقرة فيها كلمة نادرة.</p>"
    assert preservation_warnings(article, complete) == []
    assert preservation_warnings(article, complete.replace(" نادرة", "")) == [
        "seeds/x.txt:3: 1 word of the seed missing from the Arabic page and not explained by the ingestion report: 'نادرة'"]


def test_preservation_miss_is_a_warning_that_fails_strict(project_factory, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import explainer.site

    def lose_a_word(article, page_html):  # type: ignore[no-untyped-def]  # a renderer that dropped a word
        return preservation_warnings(article, page_html.replace("نادرة", ""))

    monkeypatch.setattr(explainer.site, "preservation_warnings", lose_a_word)
    project = project_factory(seeds={"x.txt": "مقدمة المقالة هنا.\n- عنوان\nفقرة فيها كلمة نادرة.\n"})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert ("WARNING -  explainer: seeds/x.txt:3: 1 word of the seed missing from the Arabic page and not explained "
            "by the ingestion report: 'نادرة'") in build.log


def test_check_command_prints_report_and_exit_status(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/good.txt").write_text("مقدمة قصيرة هنا.\n- عنوان\nفقرة ثانية .\nليست هناك تعليقات:\n", "utf-8")
    cmd = [sys.executable, "-m", "explainer", "--root", str(tmp_path), "check"]
    good = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stderr
    assert "  line 3: punctuation-space: repaired spacing around punctuation: removed space before '.'" in good.stdout
    assert "  line 4: drop-boilerplate: dropped a blogger line after the article: 'ليست هناك تعليقات:'" in good.stdout
    assert "1 seed(s): 0 error(s), 0 warning(s)" in good.stdout
    (tmp_path / "seeds/bad.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "seeds/old.txt").write_bytes("نص عربي محفوظ بالترميز القديم.".encode("cp1256"))
    mixed = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert mixed.returncode == 1
    assert "error: seeds/bad.txt:1: NUL byte" in mixed.stdout
    assert "line 1: warning: decode-cp1256" in mixed.stdout
    assert "3 seed(s): 1 error(s), 1 warning(s)" in mixed.stdout
    (tmp_path / "seeds/bad.txt").unlink()
    assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*cmd, "--strict"], capture_output=True, check=False).returncode == 1
    as_json = subprocess.run([*cmd, "--json", "seeds/good.txt"], capture_output=True, text=True, check=False)
    outline = json.loads(as_json.stdout)[0]
    assert [s["heading"] for s in outline["sections"]] == ["عنوان"]
    assert outline["report"][-1]["dropped"] == "ليست هناك تعليقات:"


def test_stray_files_in_seeds_are_warned_about(tmp_path: Path) -> None:
    from explainer.site import stray_seed_files

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "a.yml", "b.TXT", "c.md", "d.yml", ".gitkeep", "._a.txt", "a.txt~"):
        (seeds / name).write_text("title: عنوان\n" if name.endswith(".yml") else "نص.", "utf-8")
    (seeds / "drafts").mkdir()
    assert stray_seed_files(seeds, tmp_path) == [
        "seeds/a.txt~: ignored: only *.txt files are seeds; this looks like a copy or backup of a.txt",
        "seeds/b.TXT: ignored: only *.txt files are seeds (rename it to b.txt if it is an article)",
        "seeds/c.md: ignored: only *.txt files are seeds (rename it to c.txt if it is an article)",
        "seeds/d.yml: ignored: metadata for d.txt, which does not exist",
    ]
    cmd = [sys.executable, "-m", "explainer", "--root", str(tmp_path), "check"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "warning: seeds/d.yml: ignored" in result.stdout and "1 seed(s): 0 error(s), 4 warning(s)" in result.stdout
    missing = subprocess.run([*cmd, "seeds/nope.txt"], capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and "error: seeds/nope.txt: no such seed file" in missing.stdout
