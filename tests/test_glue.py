"""Glued heading/paragraph seams: real lexical evidence, never a split of a legitimate word."""

from __future__ import annotations

import pytest

from explainer.ingest.glue import find_seam, is_known_word

REST = "ويرى الخبراء أن هذه المسألة تستحق الدراسة"


@pytest.mark.parametrize(("text", "heading", "rest"), [
    # lexical seams (no punctuation): an unknown token made of two common words
    ("أهمية البيانات الضخمةويرى الخبراء أن هذه البيانات مهمة", "أهمية البيانات الضخمة", "ويرى الخبراء أن هذه البيانات مهمة"),
    ("مستقبل الذكاء الاصطناعي في التعليموفي السنوات الأخيرة ظهرت أدوات", "مستقبل الذكاء الاصطناعي في التعليم",
     "وفي السنوات الأخيرة ظهرت أدوات"),
    ("الأمن السيبراني للشركاتوتعد الهجمات الإلكترونية من أكبر المخاطر", "الأمن السيبراني للشركات",
     "وتعد الهجمات الإلكترونية من أكبر المخاطر"),
    ("المصدر المفتوح كإستراتيجية للنمووبعيدًا عن كل هذا", "المصدر المفتوح كإستراتيجية للنمو", "وبعيدًا عن كل هذا"),
    # punctuation seams: a sentence mark glued to the next word
    ("كيف تعمل الشبكات العصبية؟تعتمد الشبكات على طبقات متتالية", "كيف تعمل الشبكات العصبية؟",
     "تعتمد الشبكات على طبقات متتالية"),
    ("ما هو DeepSeek؟" + REST, "ما هو DeepSeek؟", REST),
    ("نهاية عصر الفحم!" + REST, "نهاية عصر الفحم!", REST),
])
def test_seams_are_found(text: str, heading: str, rest: str) -> None:
    seam = find_seam(text)
    assert seam is not None and (seam.heading, seam.rest) == (heading, rest)
    assert seam.heading.replace(" ", "") + seam.rest.replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text", [
    # legitimate rare words (clitics + known stems) are never split
    "دور الخوارزميات وللخوارزميات أثر كبير في حياتنا اليومية كلها",
    "الاقتصاد الرقمي وبالاستثمارات الجديدة تنمو الشركات بسرعة كبيرة",
    "الطاقة المتجددة فسيكتشفونها قريبا كما يقول العلماء في تقاريرهم",
    "تاريخ مدينة كوبنهاغن الحديثة وشوارعها القديمة الجميلة والمزدحمة",
    # a mark followed by a space is an ordinary sentence end, not a seam
    "ما هو الحل؟ يرى الخبراء أن الحل بسيط جدا",
    # a seam after the first sentence does not make a heading
    "هذه جملة أولى كاملة. ثم جملة ثانية فيها الضخمةويرى كلمة ملتصقة",
    # too little left after the seam to be a paragraph
    "أهمية البيانات الضخمةويرى الخبراء",
])
def test_no_seam(text: str) -> None:
    assert find_seam(text) is None


def test_lexical_seams_can_be_turned_off_and_marks_restricted() -> None:
    text = "أهمية البيانات الضخمةويرى الخبراء أن هذه البيانات مهمة"
    assert find_seam(text, lexical=False, orthographic=False) is None
    assert find_seam(text, lexical=False).evidence.endswith("(a letter written only at a word's end)")
    assert find_seam("مستقبل الذكاء الاصطناعي في التعليموفي السنوات الأخيرة ظهرت أدوات", lexical=False) is None
    assert find_seam("نهاية عصر الفحم!" + REST, marks="؟?") is None


@pytest.mark.parametrize(("text", "heading"), [
    # orthography: ة and ى never sit inside a word
    ("رحلة إلى قلب الطبيعةتبدأ الرحلة من القرية الصغيرة عند الفجر", "رحلة إلى قلب الطبيعة"),
    ("حياة المدينةوفي الصباح يخرج الناس إلى العمل", "حياة المدينة"),
    ("الأسئلة الكبرىيتساءل كثيرون عن معنى الحياة", "الأسئلة الكبرى"),
    ("دروس من الماضىيرى المؤرخون أن التاريخ يعيد نفسه", "دروس من الماضى"),
])
def test_orthographic_seams(text: str, heading: str) -> None:
    seam = find_seam(text, lexical=False)
    assert seam is not None and seam.heading == heading


@pytest.mark.parametrize("text", [
    # a hamza inside real words after a long vowel is not a seam
    "ما معنى قراءة الكتب في عصر الشاشات الحديثة",
    "يتساءل كثيرون عن جدوى الإجراءات الجديدة في المدارس",
    "مساءلة المسؤولين عن ملاءمة القرارات للمواطنين",
])
def test_hamza_inside_words_is_no_seam(text: str) -> None:
    assert find_seam(text, lexical=False) is None


@pytest.mark.parametrize(("word", "known"), [
    ("التكنولوجيا", True), ("وللخوارزميات", True), ("فسيكتشفونها", True), ("وبالاستثمارات", True),
    ("للنمووبعيدًا", False), ("الضخمةويرى", False), ("التعليموفي", False),
])
def test_known_words_through_clitics(word: str, known: bool) -> None:
    assert is_known_word(word) is known
