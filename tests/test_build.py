"""Built-site checks: parse the HTML that ``mkdocs build --strict`` writes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from babel.messages.pofile import read_po
from mkdocs.config import load_config

from .conftest import ROOT, run_build
from .helpers import SEGMENT_ID_RE, letters, pagefind_fragments, segment_text, soup

AR = "deepseek/index.html"
EN = "en/deepseek/index.html"


def test_strict_build_reports_repairs_without_warnings(real_build) -> None:
    assert "WARNING" not in real_build.log
    assert "seeds/deepseek.txt:11: dropped a blogger line after the article: 'ليست هناك تعليقات:'" in real_build.log
    assert "seeds/deepseek.txt:12: dropped a blogger line after the article: 'إرسال تعليق'" in real_build.log
    assert "seeds/deepseek.txt:8: split a heading glued to its paragraph" in real_build.log


def test_lang_and_dir(real_build) -> None:
    for rel, lang, direction in [(AR, "ar", "rtl"), (EN, "en", "ltr"), ("index.html", "ar", "rtl"),
                                 ("en/index.html", "en", "ltr")]:
        page = soup(real_build.site / rel)
        assert (page.html["lang"], page.body["dir"]) == (lang, direction), rel


def test_headings_and_shared_ids(real_build) -> None:
    ar, en = soup(real_build.site / AR), soup(real_build.site / EN)
    assert [h.get_text() for h in ar.select("article h2")] == [
        "DeepSeek: من لا شيء إلى رائد في مجال الذكاء الاصطناعي",
        "الحيلة الرئيسية لشركة DeepSeek: المصدر المفتوح كإستراتيجية للنمو",
    ]
    assert [h.get_text() for h in en.select("article h2")] == [
        "DeepSeek: from nothing to a leader in artificial intelligence",
        "DeepSeek's main trick: open source as a growth strategy",
    ]
    assert len(ar.select("article h1")) == len(en.select("article h1")) == 1
    ids_ar = [e["id"] for e in ar.select("article [id]")]
    ids_en = [e["id"] for e in en.select("article [id]")]
    assert ids_ar == ids_en  # segment ids and the explainer layer's ids (facts box, term list) alike
    assert [i for i in ids_ar if SEGMENT_ID_RE.match(i)] == ["title", "lede", "s0-p1", "s0-p2", "s1", "s1-p1", "s1-p2", "s1-p3",
                      "s2", "s2-p1", "s2-p2", "s2-p3"]
    assert ar.select_one("#s2-p1").get_text().startswith("وبعيدًا")


def _switch_targets(site: Path, rel: str) -> dict[str, str]:
    page = soup(site / rel)
    base = "http://127.0.0.1:8000/" + rel.removesuffix("index.html")
    return {a["hreflang"]: urljoin(base, a["href"]) for a in page.select("a.ex-switch__link")}


def test_language_switch_goes_to_counterpart(real_build) -> None:
    assert _switch_targets(real_build.site, AR) == {"en": "http://127.0.0.1:8000/en/deepseek/"}
    assert _switch_targets(real_build.site, EN) == {"ar": "http://127.0.0.1:8000/deepseek/"}
    assert _switch_targets(real_build.site, "index.html") == {"en": "http://127.0.0.1:8000/en/"}
    assert _switch_targets(real_build.site, "en/index.html") == {"ar": "http://127.0.0.1:8000/"}


def test_every_english_segment_present(real_build) -> None:
    with (ROOT / "locales/en/LC_MESSAGES/deepseek.po").open("rb") as handle:
        strings = [m.string for m in read_po(handle) if m.id]
    text = soup(real_build.site / EN).select_one("article").get_text()
    for string in strings:
        assert string in text
    assert not soup(real_build.site / EN).select(".ex-notice")


def test_no_seed_word_lost(real_build) -> None:
    seed = (ROOT / "seeds/deepseek.txt").read_text("utf-8").splitlines()
    kept = "".join(seed[:10])  # lines 11-12 are the reported blog footer
    # the first sentence is the title (no title line): it is printed once, in the <h1>
    assert letters(segment_text(soup(real_build.site / AR), include_title=True)) == letters(kept)


def test_home_pages_list_articles(real_build) -> None:
    ar = soup(real_build.site / "index.html")
    link = ar.select_one("article a[href='deepseek/']")
    assert link.get_text() == "هناك طفل جديد وضع بالفعل الأساس ليصبح المنافس الجديد لـ OpenAI"
    assert "تمكنت شركة صينية ناشئة" in ar.select_one("article .ex-excerpt").get_text()
    en = soup(real_build.site / "en/index.html")
    assert en.select_one("article a[href='deepseek/']").get_text().startswith("There is a new kid")


def test_search_index_keeps_each_language_to_itself(real_build) -> None:
    ar = pagefind_fragments(real_build.site / "search" / "ar")
    en = pagefind_fragments(real_build.site / "search" / "en")
    assert "deepseek/" in {f["url"].split("#")[0] for f in ar}
    assert all(not f["url"].startswith("en/") for f in ar) and all(f["url"].startswith("en/") for f in en)
    assert "ستارغيت" in " ".join(f["content"] for f in ar)
    assert "Stargate" in " ".join(f["content"] for f in en) and "ستارغيت" not in " ".join(f["content"] for f in en)


def test_serve_watches_seeds_and_locales() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config["watch"]}
    assert {ROOT / "seeds", ROOT / "locales"} <= watched
    assert not list((ROOT / "docs").rglob("*.md")), "generated pages must never be written into docs/"


def test_bad_seed_fails_with_file_line_and_hint(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"broken.txt": "سطر صحيح\n".encode() + b"\xff\xfe\xfd bad"})
    build = run_build(project, tmp_path / "out")
    assert build.returncode == 1
    assert "seeds/broken.txt:2: byte 0xff is not valid UTF-8" in build.log
    assert "Re-save the file as UTF-8" in build.log
    assert "Traceback" not in build.log


def test_metadata_file_overrides_title(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"note.txt": "فقرة أولى طويلة بما يكفي لتكون مقدمة. وجملة ثانية.\n- عنوان\nفقرة.",
                                     "note.yml": "title: عنوان من الملف\nslug: my-note\n"})
    build = run_build(project, tmp_path / "out", strict=False)
    assert build.returncode == 0, build.log
    page = soup(tmp_path / "out/my-note/index.html")
    assert page.select_one("article h1").get_text() == "عنوان من الملف"
    assert page.title.get_text().startswith("عنوان من الملف")


def test_bad_metadata_names_line(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"note.txt": "فقرة.", "note.yml": "title: عنوان\ncolour: أحمر\n"})
    build = run_build(project, tmp_path / "out")
    assert build.returncode == 1
    assert "seeds/note.yml:2: unknown metadata key 'colour'" in build.log
