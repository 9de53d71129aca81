"""The explainer layer: parallel view, key facts, glossary, byline furniture, hook-free export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explainer.render.facts import Fact, format_value
from explainer.textmatch import Phrase, PhraseMatcher

from .conftest import ROOT, run_build
from .helpers import SEGMENT_ID_RE, segment_text, soup

ITEM_OR_LIST_RE = r"^s\d+-l\d+(-i\d+)?$"


def _segment_ids(page) -> list[str]:
    import re
    return [el["id"] for el in page.select("article [id]")
            if SEGMENT_ID_RE.match(el["id"]) or re.match(ITEM_OR_LIST_RE, el["id"])]


@pytest.mark.parametrize("rel", ["parallel/deepseek/index.html", "en/parallel/deepseek/index.html"])
def test_parallel_rows_keep_segment_ids(real_build, rel: str) -> None:
    article_ids = _segment_ids(soup(real_build.site / "deepseek/index.html"))
    page = soup(real_build.site / rel)
    rows = page.select(".ex-parallel .ex-row[id]")
    ids = [row["id"] for row in rows] + [g["id"] for g in page.select(".ex-parallel .ex-group")]
    assert len(ids) == len(set(ids)), "ids must be unique on the parallel page"
    all_ids = [el["id"] for el in page.select("[id]")]
    assert len(all_ids) == len(set(all_ids))
    assert set(article_ids) <= set(ids)
    for row in rows:
        ar, en = row.select_one(".ex-cell[lang=ar]"), row.select_one(".ex-cell[lang=en]")
        assert (ar["dir"], en["dir"]) == ("rtl", "ltr")
    lede = page.select_one("#lede")
    assert lede.select_one("[lang=ar]").get_text().startswith("تمكنت شركة صينية ناشئة")
    assert lede.select_one("[lang=en]").get_text().startswith("A Chinese artificial intelligence start-up")
    assert page.select_one("#title [lang=ar]").get_text().startswith("هناك طفل جديد")
    # Arabic sits on the right on both pages: first cell in the RTL page, second in the LTR one.
    first = rows[1].select(".ex-cell")[0]["lang"]
    assert first == ("ar" if rel.startswith("parallel") else "en")


def test_articles_link_to_parallel_view(real_build) -> None:
    for rel, target in [("deepseek/index.html", "../parallel/deepseek/"), ("en/deepseek/index.html", "../parallel/deepseek/")]:
        hrefs = [a["href"] for a in soup(real_build.site / rel).select(".ex-byline a")]
        assert target in hrefs, (rel, hrefs)


def test_parallel_marks_untranslated_and_fuzzy(project_factory, tmp_path: Path) -> None:
    seed = "عنوان المقالة\nالفقرة الأولى هنا.\nالفقرة الثانية هنا.\n"
    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgctxt "x"\nmsgid "عنوان المقالة"\nmsgstr "The title"\n\n'
          '#, fuzzy\nmsgctxt "x"\nmsgid "الفقرة الأولى هنا."\nmsgstr "Old first paragraph."\n')
    project = project_factory(seeds={"x.txt": seed}, po={"en/LC_MESSAGES/x.po": po})
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    page = soup(build.site / "en/parallel/x/index.html")
    assert page.select_one("#lede .ex-cell[lang=en]")["class"] == ["ex-cell", "ex-fuzzy"]
    assert page.select_one("#lede .ex-notice--fuzzy")
    assert "Old first paragraph." in page.select_one("#lede .ex-cell[lang=en]").get_text()
    untranslated = page.select_one("#s0-p1 .ex-cell[lang=en]")
    assert "ex-untranslated" in untranslated["class"]
    assert untranslated.get_text() == "Not yet translated"


EXPECTED_FACTS = {
    "ar": [("إطلاق النموذج", "20 يناير"), ("النموذج", "DeepSeek-R1"), ("شرائح جمعها المؤسس", "10,000 شريحة"),
           ("حاجة التدريب مقارنة بالمنافسين", "عُشر قوة الحوسبة"), ("المؤسس", "ليانج وينفينج"),
           ("صانعة الشرائح", "إنفيديا"), ("مشروع أمريكي منافس", "ستارغيت")],
    "en": [("Model release", "January 20"), ("Model", "DeepSeek-R1"), ("Chips the founder secured", "10,000 chips"),
           ("Training needs versus rivals", "one tenth of the computing power"), ("Founder", "Liang Wenfeng"),
           ("Chip maker", "Nvidia"), ("Rival US project", "Stargate")],
}


@pytest.mark.parametrize(("rel", "lang"), [("deepseek/index.html", "ar"), ("en/deepseek/index.html", "en")])
def test_key_facts_of_the_deepseek_seed(real_build, rel: str, lang: str) -> None:
    box = soup(real_build.site / rel).select_one("article aside.ex-facts")
    facts = [(f.dt.get_text(), f.dd.get_text()) for f in box.select(".ex-fact")]
    assert facts == EXPECTED_FACTS[lang]
    assert not box.select("[lang]"), "every fact is translated: nothing falls back to Arabic"


def test_fact_extraction_general_rules() -> None:
    from explainer.ingest.parse import parse_article
    from explainer.render.facts import extract_candidates

    text = ("عنوان\nأعلنت جوجل في 3 مارس 2024 عن 2.5 مليون مستخدم، وبلغت الحصة 40% بعد أن خفضت التكلفة إلى ثلث "
            "الميزانية السابقة. وقالت خمس شركات إن Gemini Pro أفضل.\n")
    keys = [f.key for f in extract_candidates(parse_article(text, path="x.txt", slug="x"))]
    assert keys == ["name:Google", "date:2024-03-03", "quantity:2500000 مستخدم", "percent:40",
                    "fraction:ثلث الميزانية السابقة", "name:Gemini Pro"]  # خمس (five) is not a fraction


def test_fact_formatting_uses_latin_digits_on_every_page() -> None:
    fact = Fact("quantity:1234.5 طن", "quantity", "1234.5 طن", number=__import__("decimal").Decimal("1234.5"), unit_ar="طن")
    assert format_value(fact, "ar", lambda s: None).text == "1,234.5 طن"
    assert format_value(fact, "en", {"طن": "tonnes"}.get).text == "1,234.5 tonnes"


MATCHER = PhraseMatcher([Phrase("ai", "الذكاء الاصطناعي"), Phrase("chip", "شريحة"), Phrase("model", "نموذج"),
                         Phrase("ds", "DeepSeek"), Phrase("sea", "حر")])


@pytest.mark.parametrize(("text", "expected"), [
    ("وبالذكاء الاصطناعي", ["وبالذكاء الاصطناعي"]),      # و + ب + ال
    ("للذكاء الاصطناعي", ["للذكاء الاصطناعي"]),          # ل + ال contracted to لل
    ("الذكاء الإصطناعي", ["الذكاء الإصطناعي"]),           # hamza under alif
    ("الذكاءُ الاصطناعيُّ", ["الذكاءُ الاصطناعيُّ"]),        # tashkeel
    ("الذكاء، الاصطناعي", []),                           # punctuation between the words
    ("الذكاء الاصطناعيين", []),                          # longer word
    ("والشريحة وشريحة شريحتان", ["والشريحة", "وشريحة"]),
    ("النموذجي نموذجان", []),                             # inside longer words
    ("DeepSeek-R1 deepseek", ["deepseek"]),              # never inside a hyphenated name
    ("بحر", []),                                         # ب + a two-letter stem is too short to strip
])
def test_glossary_matching(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in MATCHER.find(text)] == expected


def test_glossary_first_use_marked_and_escaped(real_build) -> None:
    ar = soup(real_build.site / "deepseek/index.html")
    terms = ar.select("article a.ex-term")
    assert len({a["href"] for a in terms}) == len(terms), "only the first use of a term is marked"
    first = ar.select_one("#lede a.ex-term")
    assert first.get_text() == "الذكاء الاصطناعي" and first["aria-describedby"] == "gl-artificial-intelligence-def"
    assert ar.select_one("#gl-artificial-intelligence-def").get_text() == first["data-tip"]
    en = soup(real_build.site / "en/deepseek/index.html")
    tip = en.select_one("#lede a.ex-term")
    assert tip.get_text() == "artificial intelligence" and tip["data-tip"].startswith("The branch of computer science")


def test_glossary_pages_list_terms_and_articles(real_build) -> None:
    for rel, name, title in [("glossary/index.html", "الذكاء الاصطناعي", "هناك طفل"),
                             ("en/glossary/index.html", "artificial intelligence", "There is a new kid")]:
        page = soup(real_build.site / rel)
        heading = page.select_one("#gl-artificial-intelligence")
        assert heading.get_text().strip() == name
        uses = heading.find_next("p", class_="ex-glossary-uses")
        assert uses.a.get_text().startswith(title) and uses.a["href"] == "../deepseek/"


def test_glossary_text_is_escaped(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"x.txt": "عنوان\nنص فيه <b>كلمة</b> ومصطلح الشريحة هنا.\n"})
    (project / "seeds" / "glossary.yml").write_text(
        "terms:\n  - id: chip\n    term: شريحة\n    explanation: 'شرح \"<script>x</script>\"'\n", "utf-8")
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    html_text = (build.site / "x/index.html").read_text("utf-8")
    assert "<script>x</script>" not in html_text and "<b>كلمة</b>" not in html_text
    page = soup(build.site / "x/index.html")
    assert page.select_one("a.ex-term").get_text() == "الشريحة"
    assert page.select_one("a.ex-term")["data-tip"] == 'شرح "<script>x</script>"'


def test_bad_facts_file_names_line(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"x.txt": "عنوان\nفي 20 يناير حدث شيء.\n",
                                     "x.facts.yml": "facts:\n  - key: date:--01-20\n  - key: name:Nobody\n"})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "seeds/x.facts.yml:3: no candidate 'name:Nobody' in seeds/x.txt" in build.log
    assert "Traceback" not in build.log


def test_byline_furniture(project_factory, tmp_path: Path) -> None:
    seeds = {"a.txt": "العنوان الأول\n" + "كلمة " * 300 + "\n", "b.txt": "العنوان الثاني\nنص قصير.\n",
             "a.yml": "date: 2025-01-27\nsource: https://example.com/a\nauthor: كاتب\n"}
    project = project_factory(seeds=seeds)
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    ar = soup(build.site / "a/index.html")
    byline = ar.select_one(".ex-byline").get_text()
    assert "نُشر في 27 يناير 2025" in byline and "بقلم كاتب" in byline
    assert "مدة القراءة: 3 دقائق" in byline          # 302 words / 138 wpm, rounded up
    assert ar.select_one(".ex-byline a[href='https://example.com/a']")
    assert ar.select_one(".ex-prevnext a")["href"] == "../b/"
    en = soup(build.site / "en/a/index.html")
    assert "Published January 27, 2025" in en.select_one(".ex-byline").get_text()
    # untranslated: the page shows the Arabic, read at the Arabic speed (302 words / 138 wpm), not at 228 wpm (2)
    assert "3 minutes read" in en.select_one(".ex-byline").get_text()
    translated = en.select_one(".ex-translated").get_text()
    assert "Translated from Arabic" in translated and "0% of the passages translated" in translated


def test_export_builds_without_hooks_and_matches(real_build, tmp_path: Path) -> None:
    out = tmp_path / "export"
    proc = subprocess.run([sys.executable, "-m", "explainer", "--root", str(ROOT), "export", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "\nhooks:" not in config and "\nplugins:\n- search\n" in config
    build = run_build(out, tmp_path / "site")
    assert build.returncode == 0, build.log
    for rel in ("deepseek/index.html", "en/deepseek/index.html", "parallel/deepseek/index.html"):
        normal, exported = soup(real_build.site / rel), soup(build.site / rel)
        assert segment_text(exported, include_title=True) == segment_text(normal, include_title=True), rel
        assert exported.select_one("article").get_text(" ", strip=True) == normal.select_one("article").get_text(" ", strip=True)
    en = soup(build.site / "en/deepseek/index.html")
    assert en.select_one(".ex-export-lang")["dir"] == "ltr"


def test_side_files_are_not_stray(tmp_path: Path) -> None:
    from explainer.site import stray_seed_files

    for name in ("a.txt", "a.facts.yml", "b.facts.yml", "glossary.yml"):
        (tmp_path / name).write_text("", "utf-8")
    assert stray_seed_files(tmp_path, tmp_path) == ["b.facts.yml: ignored: key facts for b.txt, which does not exist"]
