"""Search rules on strings, records from Material's index, and the built site's search files."""

from __future__ import annotations

import json

import pytest

from explainer.search.rules import (
    TERMS_SEPARATOR,
    SearchRecord,
    extra_terms_reference,
    fold,
    index_terms,
    query_alternatives,
    query_forms,
    variants,
    words,
)

from .helpers import pagefind_fragments


@pytest.mark.parametrize(("written", "typed"), [
    ("أَعْلَنَتْ", "اعلنت"),        # tashkeel (fatha, sukun) and hamza on alef
    ("الذَّكَاءُ", "الذكاء"),       # shadda, damma
    ("هٰذا", "هذا"),                # superscript alef U+0670
    ("الـمـسـتـقـبـل", "المستقبل"),  # tatweel
    ("إستراتيجية", "استراتيجية"),
    ("آمنة", "امنه"),               # madda; ta marbuta / ha
    ("ٱلمشروع", "المشروع"),         # alef wasla
    ("مستشفى", "مستشفي"),           # alef maqsura / ya
    ("المسؤولون", "المسئولون"),     # hamza seats
    ("٢٠٢٤", "2024"),               # Arabic-Indic digits
    ("۲۰۲۴", "2024"),               # Extended Arabic-Indic (Persian) digits
    ("کتاب", "كتاب"),               # Persian kaf
    ("Tesla", "tesla"),
    ("café", "cafe"),
    ("ﻻ", "لا"),                    # presentation form (NFKC)
])
def test_fold_makes_written_and_typed_forms_equal(written: str, typed: str) -> None:
    assert fold(written) == fold(typed)


@pytest.mark.parametrize(("a", "b"), [("كتب", "كتاب"), ("علم", "عالم"), ("ب", "ت")])
def test_fold_keeps_different_words_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_arabic_punctuation_splits_words() -> None:
    assert words("الرياضيات،الفيزياء؛الكيمياء؟«قدوة»") == ["الرياضيات", "الفيزياء", "الكيمياء", "قدوه"]


def test_latin_and_digits_inside_arabic_are_words() -> None:
    assert words("تعمل Tesla على GPT-4 منذ ٢٠٢٣") == ["تعمل", "tesla", "علي", "gpt", "4", "gpt4", "منذ", "2023"]


@pytest.mark.parametrize(("word", "stem"), [
    ("والكتاب", "كتاب"), ("بالمدرسة", "مدرسه"), ("فالمعلمون", "معلمون"), ("للطلاب", "طلاب"),
    ("الطلاب", "طلاب"), ("وكتابهم", "كتابهم"), ("لبيتهم", "بيتهم"), ("بسيارة", "سياره"),
    ("كعادتهم", "عادتهم"), ("فسافروا", "سافروا"), ("وبالكتاب", "كتاب"), ("كالبحر", "بحر"),
])
def test_attached_prefixes_give_the_stem(word: str, stem: str) -> None:
    assert stem in variants(fold(word))
    assert variants(fold(word))[0] == fold(word)


def test_short_stems_are_not_split_off() -> None:
    assert variants("بل") == ["بل"]
    assert variants("ولد") == ["ولد"]          # 'لد' would be too short a stem
    assert "ه" not in variants("اله")


def test_query_drops_the_article_and_tries_bare_clitics_second() -> None:
    assert query_forms(fold("الاقتصاد")) == ["اقتصاد"]
    assert query_forms(fold("والكتاب")) == ["كتاب"]
    assert query_forms(fold("وزير")) == ["وزير", "زير"]
    assert query_forms("openai") == ["openai"]
    assert query_alternatives("   ") == []


def test_every_query_form_is_an_index_term_of_the_same_word() -> None:
    for word in ["والكتاب", "بالمدرسة", "للطلاب", "وسيارة", "الاقتصاد", "فالمعلمون", "كعادتهم"]:
        terms = index_terms(word)
        for forms in query_alternatives(word):
            assert any(term.startswith(forms[0]) for term in terms), (word, forms, terms)


def test_index_terms_keep_the_written_word_and_add_stems() -> None:
    assert index_terms("وأعلنت الشركة") == ["واعلنت", "اعلنت", "الشركه", "شركه"]


@pytest.mark.parametrize("text", [
    "نموذج DeepSeek-R1 في ٢٠ يناير، وGPT-4.", "O'Neil's café", "a\u00a8b ΟΔΟΣ\u00a0ΑΣ", "ا ً ب", "x\u2028y\u3000z",
    "ﻻ ﷲ", "٣٫٥ مليون", "e\u0301 cafe\u0301 -- - ' .", "",
])
def test_extra_terms_word_by_word_equal_the_whole_text(text: str) -> None:
    # The memoized per-chunk computation gives exactly what the whole text at once gives.
    assert SearchRecord("a/", "ar", "عنوان", "عنوان", text).extra_terms() == extra_terms_reference("عنوان", text)


def test_extra_terms_of_every_seed_equal_the_whole_text() -> None:
    from pathlib import Path

    for seed in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")):
        text = seed.read_text("utf-8")
        assert SearchRecord("a/", "ar", "", "", text).extra_terms() == extra_terms_reference("", text), seed


def test_record_content_keeps_text_as_written_then_extra_terms() -> None:
    record = SearchRecord("a/#s1", "ar", "أخبار", "مقالة", "أَعْلَنَتْ الشركة في ٢٠٢٤")
    written, extra = record.content().split(TERMS_SEPARATOR)
    assert written.strip() == "أخبار\nأَعْلَنَتْ الشركة في ٢٠٢٤"
    extra_terms = extra.split()
    assert {"الشركه", "شركه", "2024"} <= set(extra_terms)
    # Left to Pagefind, which indexes words with their marks stripped: the word as written, and 'اعلنت'.
    assert "في" not in extra_terms and "اعلنت" not in extra_terms


def test_built_site_has_one_bundle_per_language_and_a_stub_index(real_build) -> None:
    site = real_build.site
    stub = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert stub["docs"] == [] and "separator" in stub["config"]
    for lang in ("ar", "en"):
        bundle = site / "search" / lang
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [lang]
        prefix = "" if lang == "ar" else "en/"
        fragments = pagefind_fragments(bundle)
        urls = {f["url"] for f in fragments}
        # One result per page; its sections are anchors (the worker links to page#id)
        assert {f"{prefix}deepseek/", f"{prefix}glossary/"} <= urls and len(urls) == len(fragments)
        article = next(f for f in fragments if f["url"] == f"{prefix}deepseek/")
        assert [a["id"] for a in article["anchors"]][:2] == ["s1", "s2"]
        glossary = next(f for f in fragments if f["url"] == f"{prefix}glossary/")
        assert "gl-chip" in [a["id"] for a in glossary["anchors"]]
        # Home and status pages are listings of the articles: not indexed.
        assert not urls & {prefix, f"{prefix}status/"}
        assert all(url.startswith("en/") == (lang == "en") for url in urls)
        assert entry["languages"][lang]["page_count"] == len(urls)
        assert (bundle / f"wasm.{lang}.pagefind").is_file() and (bundle / "pagefind.js").is_file()
        assert not list(bundle.glob("pagefind-ui*")) and not list(bundle.glob("wasm.unknown*"))
        assert list((bundle / "fragment").iterdir()) and list((bundle / "index").iterdir())
    page = (site / "deepseek" / "index.html").read_text("utf-8")
    assert "assets/javascripts/explainer/search-worker.js" in page
    assert '"search/ar/"' in page.replace("../", "")


def test_missing_material_index_is_a_clear_error(tmp_path) -> None:
    from explainer.search.bundle import SearchIndexError, stub_material_index

    with pytest.raises(SearchIndexError, match=r"search/search_index.json: Material's search index was not written\n.*'- search'"):
        stub_material_index(tmp_path)


def test_missing_pagefind_binary_is_a_clear_error(tmp_path, monkeypatch) -> None:
    import pagefind_bin

    from explainer.search.bundle import SearchIndexError, write_bundles

    def missing() -> None:
        raise FileNotFoundError("Could not find any of [pagefind]")

    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    with pytest.raises(SearchIndexError, match=r"pagefind: Pagefind's binary is missing.*\n.*pagefind\[bin\]"):
        write_bundles({"ar": [SearchRecord("x/", "ar", "t", "t", "نص")]}, tmp_path / "search")


def test_records_come_from_the_core_without_furniture() -> None:
    from pathlib import Path

    from explainer.options import Options
    from explainer.site import build_site

    root = Path(__file__).resolve().parent.parent
    site = build_site(Options(), root)
    ar = {r.location: r for r in site.records["ar"]}
    en = {r.location: r for r in site.records["en"]}
    assert list(ar)[:3] == ["deepseek/", "deepseek/#s1", "deepseek/#s2"]
    page = ar["deepseek/"]
    assert page.title == page.page_title == site.articles[0].title and page.lang == "ar"
    assert page.text.startswith("تمكنت شركة صينية ناشئة")  # the lede, then the untitled intro
    assert ar["deepseek/#s1"].title.startswith("DeepSeek: من لا شيء") and ar["deepseek/#s1"].page_title == page.title
    assert en["en/deepseek/#s2"].title == "DeepSeek's main trick: open source as a growth strategy"
    everything = " ".join(f"{r.title} {r.text}" for group in site.records.values() for r in group)
    # The key-facts box, byline, notices and term list are furniture: never indexed (no glued "حقائق أساسيةرقم...").
    for furniture in ("حقائق أساسية", "Key facts", "مدة القراءة", "minutes read", "مصطلحات هذه المقالة", "Read side by side"):
        assert furniture not in everything, furniture
    assert {r.location for r in site.records["ar"] if r.location.startswith("glossary/")} >= {"glossary/", "glossary/#gl-chip"}
    assert not [r for group in site.records.values() for r in group
                if r.location.split("#")[0] in ("./", "en/", "status/", "en/status/") or "parallel/" in r.location]
