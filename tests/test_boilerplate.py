"""The boilerplate catalog: its examples are dropped, article lines never are."""

from __future__ import annotations

import pytest

from explainer.ingest.boilerplate import load_rules, match_boilerplate, parse_rules

ARTICLE_LINES = [
    "تعمل الشركات الناشئة في مجال الطاقة على تطوير حلول جديدة لتخزين الكهرباء.",
    "شارك أكثر من مئة باحث في الدراسة التي نشرت العام الماضي.",
    "الصفحة الرئيسية للموقع تعرض أحدث الأخبار كل ساعة، كما يقول المحررون.",
    "اقرأ أيضا ما كتبه الباحثون عن البطاريات الصلبة في تقريرهم الأخير.",
    "Share prices rose by 4% after the announcement.",
    "Home batteries are becoming cheaper every year.",
    "التسميات التي يستخدمها الباحثون تختلف من بلد إلى آخر",
    "- تابعونا",
    "المصدر: وكالة الأنباء",
    "حقوق المرأة في العمل",
]


def test_every_entry_has_examples_that_it_drops() -> None:
    rules = load_rules()
    assert {rule.platform for rule in rules} >= {"blogger", "wordpress", "social", "medium", "news"}
    assert {rule.lang for rule in rules} == {"ar", "en"}
    for rule in rules:
        assert rule.examples, rule.platform
        for example in rule.examples:
            assert rule.pattern.fullmatch(example), (rule.platform, example)
            assert match_boilerplate(f"  {example} ") is not None


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_never_boilerplate(line: str) -> None:
    assert match_boilerplate(line) is None


@pytest.mark.parametrize(("text", "message"), [
    ("- platform: x\n  lang: ar\n", "entry 1 needs the keys platform, lang, pattern"),
    ("- platform: x\n  lang: fr\n  pattern: a\n", "entry 1: lang must be 'ar' or 'en'"),
    ("- platform: x\n  lang: ar\n  pattern: '('\n", "entry 1: bad pattern"),
    ("- platform: x\n  lang: ar\n  pattern: a\n  colour: red\n", "entry 1 has unknown keys ['colour']"),
])
def test_bad_catalog_entries_are_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_rules(text)
