"""The one Arabic text module: letter classes, the two named fold variants, clitics, words, HTML to text."""

from __future__ import annotations

import pytest

from explainer import text
from explainer.render.readtime import count_words
from explainer.search import rules
from explainer.textmatch import Phrase, PhraseMatcher


@pytest.mark.parametrize(("a", "b"), [
    ("مسؤول", "مسئول"), ("شؤون", "شئون"), ("إستراتيجية", "استراتيجيه"), ("آمنة", "امنه"), ("مستشفى", "مستشفي"),
    ("الـذكاء", "الذكاء"), ("الذَّكَاءُ", "الذكاء"), ("کتاب", "كتاب"),
])
def test_both_folds_agree_on_arabic_spelling_variants(a: str, b: str) -> None:
    assert text.fold_search(a) == text.fold_search(b)
    assert text.fold_match_word(a) == text.fold_match_word(b)


def test_the_named_differences_between_the_search_and_the_match_fold() -> None:
    # Search folds what readers type on other keyboards: digits of any script, compatibility
    # forms (NFKC) and Latin accents. Matching keeps one character per character of the text.
    assert text.fold_search("٢٠٢٤") == "2024" and text.fold_match_word("٢٠٢٤") == "٢٠٢٤"
    assert text.fold_search("ﻻ") == "لا" and text.fold_match_word("ﻻ") == "ﻻ"
    assert text.fold_search("café") == "cafe" and text.fold_match_word("café") == "café"
    assert text.fold_search("a\u200cb") == "ab" and text.fold_match_word("a\u200cb") == "a\u200cb"
    folded, offsets = text.fold_match("وبالذَّكاءِ")
    assert folded == "وبالذكاء" and len(offsets) == len(folded) and offsets[-1] == 9


def test_glossary_matching_ignores_the_hamza_seat_like_search() -> None:
    matcher = PhraseMatcher([Phrase("official", "المسؤول")])
    found = matcher.find("قال المسئول إن الشئون بخير")
    assert [(m.key, m.start, m.end) for m in found] == [("official", 4, 11)]


def test_search_rules_take_their_fold_and_clitics_from_the_text_module() -> None:
    assert rules.fold is text.fold_search
    assert rules.CLITIC_PREFIXES == text.clitic_prefixes()
    assert "بحر" not in text.clitic_forms("حر") and "وللكتاب" in text.clitic_forms("كتاب")


def test_letter_classes() -> None:
    assert text.ARABIC_LETTER_RE.fullmatch("ء") and text.ARABIC_LETTER_RE.fullmatch("ٱ")
    assert not text.ARABIC_LETTER_RE.fullmatch("ـ") and not text.ARABIC_LETTER_RE.fullmatch("\u064e")
    assert text.ARABIC_WORD_RE.fullmatch("الذَّكاء") and not text.ARABIC_WORD_RE.fullmatch("AI")
    assert text.has_arabic("GPT في") and not text.has_arabic("GPT-4")
    assert text.is_folded_arabic_word("كتاب") and not text.is_folded_arabic_word("gpt4")


def test_words_keep_tashkeel_inside_and_count_joined_names_once() -> None:
    assert text.words("يومًا «مرحبًا»") == ["يومًا", "مرحبًا"]
    assert text.words("DeepSeek-R1 OpenAI's", text.MATCH_JOINERS) == ["DeepSeek-R1", "OpenAI", "s"]
    assert count_words(["مرحبًا بكم في DeepSeek-R1", "it's"]) == 5


def test_html_to_text_separates_blocks_not_inline_elements() -> None:
    fragment = ('<p id="a">لـ<bdi dir="ltr">OpenAI</bdi> &amp; <a href="#x" data-tip="&lt;b&gt;">وصل</a></p>'
                "<dl><dt>رقم</dt><dd>273</dd></dl><!-- c --><script>alert(1)</script>")
    assert text.html_to_text(fragment) == "لـOpenAI & وصل رقم 273"
    assert text.html_to_text("&lt;b&gt; نص") == "<b> نص"
