"""HTML character references, Markdown pastes and Medium's counts, on the built site and in the report.

The seeds are corpus cases (``tests/corpus/``); one project holds them and is built once with
``mkdocs build`` (strict: none of them should warn). What is checked is what a reader gets:
the parsed HTML of the pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.ingest.decode import decode_references, normalize_seed
from explainer.ingest.markup import read_markdown
from explainer.ingest.parse import parse_article

from .conftest import make_project, run_build
from .helpers import soup

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = ["entities-news-paste", "entities-tags-numeric", "markdown-chatgpt-answer", "markdown-notion-page",
         "markdown-github-readme", "markdown-cms-export-quotes-rules", "markdown-like-lines-plain-kept",
         "medium-clap-counts-dashes", "medium-arabic-responses-count"]


@pytest.fixture(scope="module")
def markup_build(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("markup")
    project = make_project(base, seeds={f"{name}.txt": (CORPUS / f"{name}.txt").read_bytes() for name in CASES})
    build = run_build(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    return build


def _page(build, slug: str, lang: str = "ar"):
    return soup(build.site / (f"{slug}/index.html" if lang == "ar" else f"{lang}/{slug}/index.html"))


def _parsed(name: str):
    text, repairs = normalize_seed((CORPUS / f"{name}.txt").read_text("utf-8"))
    return parse_article(text, path=f"seeds/{name}.txt", slug=name), repairs


# --- character references ------------------------------------------------------------------------

def test_entities_are_decoded_and_shown_as_text(markup_build) -> None:
    for lang in ("ar", "en"):  # the English mirror shows the untranslated Arabic: decoded too
        page = _page(markup_build, "entities-tags-numeric", lang)
        article = page.select_one("article")
        assert page.select_one("h1#title").get_text() == "دليل المبتدئ إلى لغة HTML"  # &#1583;… and &#x627;…
        lede = article.select_one("#lede").get_text()
        assert "<b> للخط العريض و<p> للفقرة" in lede  # &lt;b&gt; decoded, shown as the characters
        assert "الرمز &lt; إذا" in lede  # &amp;lt; is decoded once, as in HTML
        assert not article.find_all("b") and not article.select("p p")  # text, never elements
        assert "&#" not in article.get_text() and "&nbsp;" not in article.get_text()
        assert "AT&T" in article.get_text() and "Q&A" in article.get_text()  # not references: kept
        text = article.get_text()
        assert "\xa0" not in text and "\u200b" not in text  # decoded NBSP / ZWSP went through normalization
        assert "مسافات خفية" in text and "مثل هذه" in text


def test_entities_in_a_news_paste(markup_build) -> None:
    page = _page(markup_build, "entities-news-paste")
    assert page.select_one("h1#title").get_text() == "الحكومة تعلن خطة جديدة للنقل العام"
    lede = page.select_one("#lede").get_text()
    assert 'خطة "المدن المتصلة"' in lede and "العاصمة & مدينتين" in lede
    body = page.select_one("article").get_text()
    assert "اليوم…" in body and "واضحًا – مدينة بعد مدينة –" in body and "&" + "quot;" not in body


def test_entities_are_reported_once_with_counts() -> None:
    _article, repairs = _parsed("entities-news-paste")
    decoded = [r for r in repairs if r.kind == "decode-entities"]
    assert len(decoded) == 1 and decoded[0].line == 1
    assert "decoded 9 HTML character references" in decoded[0].detail and "&nbsp; ×3" in decoded[0].detail


def test_decode_references_follows_the_standard() -> None:
    assert decode_references("&#128;&#0;&#x110000;")[0] == "€\ufffd\ufffd"  # HTML's numeric reference rules
    assert decode_references("سطر&#10;آخر")[0] == "سطر آخر"  # the seed keeps its lines
    assert decode_references("&copy2025 &amp &unknown; AT&T") == ("&copy2025 &amp &unknown; AT&T", [])


# --- Markdown pastes -----------------------------------------------------------------------------

@pytest.mark.parametrize(("slug", "title", "headings"), [
    ("markdown-chatgpt-answer", "كيف تعمل البطاريات الصلبة؟", ["لماذا يهتم المصنعون بها؟", "ما العقبات؟"]),
    ("markdown-notion-page", "دليل العمل عن بعد للفرق الصغيرة", ["الاجتماعات", "الأدوات", "ملاحظة"]),
    ("markdown-github-readme", "مكتبة قسطاس لتنسيق التواريخ الهجرية", ["التثبيت", "الاستخدام", "المساهمة"]),
    ("markdown-cms-export-quotes-rules", "لماذا نحتاج إلى المكتبات العامة؟", ["ما الذي تغير؟"]),
])
def test_markdown_headings_become_h2_without_markers(markup_build, slug: str, title: str, headings: list[str]) -> None:
    page = _page(markup_build, slug)
    assert page.select_one("h1#title").get_text() == title
    assert [h.get_text() for h in page.select("article h2")] == headings
    text = page.select_one("article").get_text()
    assert "#" not in text and "**" not in text and "__" not in text and "](" not in text
    assert not page.select_one("article").find_all(["strong", "em", "code", "blockquote", "hr"])


def test_markdown_links_keep_their_url(markup_build) -> None:
    page = _page(markup_build, "markdown-chatgpt-answer")
    paragraph = next(p for p in page.select("article p") if "تقرير وكالة الطاقة الدولية" in p.get_text())
    assert "تقرير وكالة الطاقة الدولية (https://www.iea.org/reports/global-ev-outlook-2024) عن" in paragraph.get_text()
    assert [a["href"] for a in paragraph.find_all("a")] == ["https://www.iea.org/reports/global-ev-outlook-2024"]
    readme = _page(markup_build, "markdown-github-readme").select_one("article").get_text()
    assert "دليل المساهمة (https://github.com/example/qistas/blob/main/CONTRIBUTING.md)" in readme
    assert "ملف الرخصة (LICENSE) المرفق" in readme  # a relative address stays, as text


def test_markdown_bullets_quotes_and_emphasis(markup_build) -> None:
    page = _page(markup_build, "markdown-chatgpt-answer")
    items = [li.get_text() for li in page.select("article ul li")]
    assert items[0] == "الأمان: لا تشتعل بسهولة لأن المادة الصلبة لا تتسرب." and len(items) == 3
    assert "التحدي الأكبر ليس في المختبر بل في المصنع." in [p.get_text() for p in page.select("article p")]
    assert "البطاريات ذات الحالة الصلبة" in page.select_one("#lede").get_text()
    notion = _page(markup_build, "markdown-notion-page")
    assert [li.get_text() for li in notion.select("article ul li")][1] == "اجتماع الأسبوع: مراجعة الأهداف والعقبات."
    assert "في القناة المشتركة بدل" in notion.select_one("article").get_text()


def test_markdown_report_names_each_kind_once_with_counts() -> None:
    article, _ = _parsed("markdown-cms-export-quotes-rules")
    kinds = [r.kind for r in article.repairs if r.kind.startswith("markdown")]
    assert kinds == sorted(set(kinds), key=kinds.index)  # each kind once
    detail = {r.kind: r.detail for r in article.repairs}
    assert set(kinds) == {"markdown", "markdown-heading", "markdown-quote", "markdown-emphasis", "markdown-rule",
                          "markdown-link"}
    assert "2 Markdown rules" in detail["markdown-rule"] and "2 heading lines" in detail["markdown"]


def test_markdown_looking_lines_in_a_plain_seed_stay_text(markup_build) -> None:
    page = _page(markup_build, "markdown-like-lines-plain-kept")
    text = page.select_one("article").get_text()
    assert "# ملاحظة: بعض المؤسسات" in text and "*بين نجمتين*" in text
    assert not page.select("article h2")
    article, _ = _parsed("markdown-like-lines-plain-kept")
    assert not [r for r in article.repairs if r.kind.startswith("markdown")]


def test_markdown_needs_several_lines_of_evidence() -> None:
    assert read_markdown(["# عنوان", "نص عادي", "- بند", "- بند", "> اقتباس", "---"]) is None
    assert read_markdown(["نص **مهم**", "نص *مائل* و5 * 3", "## قسم"]) is None
    assert read_markdown(["# عنوان", "## قسم", "نص [رابط](https://a.org)"]) is not None
    found = read_markdown(["## أ", "## ب", "و**الذكاء** الاصطناعي_الحديث_ و#وسم", "- بند"])
    assert found is not None
    assert found.lines[2] == "والذكاء الاصطناعي_الحديث_ و#وسم"  # "_" inside a word is not emphasis
    assert found.roles == {1: "heading", 2: "heading", 4: "item"}


# --- Medium's counts -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["medium-clap-counts-dashes", "medium-arabic-responses-count"])
def test_medium_dashes_and_counts_are_reported_as_what_they_are(name: str) -> None:
    article, _ = _parsed(name)
    source = article.source_text.split("\n")
    for repair in article.repairs:
        line = source[repair.line - 1].strip()
        assert "running head" not in repair.detail and "page number" not in repair.detail, repair
        if line == "--":
            assert repair.kind == "drop-separator"
        if line.isdigit():
            assert "a count standing alone (claps" in repair.detail


def test_medium_page_keeps_the_article(markup_build) -> None:
    page = _page(markup_build, "medium-clap-counts-dashes")
    text = page.select_one("article").get_text()
    assert "--" not in text and "Follow" not in text
    assert [p["id"] for p in page.select("article p[id]")] == ["lede", "s0-p1", "s0-p2"]
