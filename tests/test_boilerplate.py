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
    ("- platform: Word Press\n  lang: ar\n  pattern: a\n", "entry 1: platform must be one lowercase word"),
    ("- platform: generic\n  lang: ar\n  pattern: a\n", "entry 1: a generic entry needs 'what'"),
    ("- platform: generic\n  what: tags\n  lang: ar\n  pattern: a\n", "entry 1: what must name the line"),
    ("- platform: news\n  what: [a, b]\n  lang: ar\n  pattern: a\n", "entry 1: what must name the line"),
    ("- platform: news\n  what: 'a line\n\n    on two lines'\n  lang: ar\n  pattern: a\n", "entry 1: what must name"),
    (f"- platform: news\n  what: a {'very ' * 20}long line\n  lang: ar\n  pattern: a\n", "entry 1: what must name"),
])
def test_bad_catalog_entries_are_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_rules(text)


def test_a_what_names_the_line_and_generic_entries_always_have_one() -> None:
    rules = parse_rules("- platform: generic\n  what: a tags line\n  lang: ar\n  pattern: 'الوسوم:.*'\n"
                        "- platform: blogger\n  lang: ar\n  pattern: 'رسالة أحدث'\n")
    assert [(rule.platform, rule.what) for rule in rules] == [("generic", "a tags line"), ("blogger", "")]
    catalog = load_rules()
    assert all(rule.what for rule in catalog if rule.platform == "generic")
    assert {rule.what for rule in catalog if rule.platform == "generic"} >= {
        "a tags line (the article's topic labels)", "a copyright line", "an advertisement label"}


@pytest.mark.parametrize("line", ["الوسوم: اقتصاد، تقنية، ذكاء اصطناعي", "كلمات مفتاحية: نفط، أوبك", "Tags: AI, energy",
                                  "Keywords: oil", "وسوم المقال: صحة"])
def test_tags_lines_are_named_as_tags_lines_whatever_the_platform(line: str) -> None:
    rule = match_boilerplate(line)
    assert rule is not None and rule.platform == "generic" and rule.what.startswith("a tags line")


def test_no_example_is_shadowed_by_an_earlier_entry_of_another_kind() -> None:
    # match_boilerplate gives the first entry that matches: an "Advertisement" also listed as a news
    # section label was kept inside the article although its own entry drops it anywhere.
    for rule in load_rules():
        for example in rule.examples:
            found = match_boilerplate(example)
            assert found is not None
            assert (found.anywhere, found.block, found.comments, found.contents) == \
                (rule.anywhere, rule.block, rule.comments, rule.contents), (example, rule.platform, found.platform)
