"""Key facts keep what the text says of a number: its qualifier and both ends of a range, and a true label.

Checked on the key-facts box of a real build (no ``.facts.yml``: the box shows the automatic
selection) and on the candidates themselves.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from explainer.ingest.parse import parse_article
from explainer.model import Metadata
from explainer.render.facts import extract_candidates, select_facts

from .conftest import make_project, run_build
from .helpers import soup

SEED = ("تقرير عن سوق العمل في المدينة\n"
        "يعمل في المصنع الجديد بين 1500 و2500 موظف، ويعيش أقل من 28% من السكان في الأحياء القريبة. "
        "وارتفع التضخم بنسبة 7.2% خلال العام، بينما تنتج الشركة نحو 10 آلاف طن من الإسمنت سنويًا. "
        "وتستغرق الرحلة إلى المصنع 10–15 دقيقة، ويعمل فيه ما لا يقل عن 300 مهندس. "
        "وارتفعت الأجور بنسبة من 20 إلى 30% في الفترة 2020-2024، وسجل المؤشر 45 في نهاية الربع.\n")


def _facts(text: str):
    return {fact.key: fact for fact in extract_candidates(parse_article(text, path="x.txt", slug="x"))}


@pytest.fixture(scope="module")
def facts_build(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("facts")
    build = run_build(make_project(base, seeds={"labour.txt": SEED}), base / "site", strict=False)
    assert build.returncode == 0, build.log
    return build


def _box(build, lang: str) -> dict[str, tuple[str, str]]:
    page = soup(build.site / ("labour/index.html" if lang == "ar" else "en/labour/index.html"))
    return {row["data-key"]: (row.dt.get_text(), row.dd.get_text()) for row in page.select(".ex-fact")}


def test_a_range_fact_shows_both_ends(facts_build) -> None:
    ar, en = _box(facts_build, "ar"), _box(facts_build, "en")
    assert ar["quantity:1500–2500 موظف"] == ("موظف", "1,500–2,500 موظف")
    assert en["quantity:1500–2500 موظف"][1].startswith("1,500–2,500")
    label, value = ar["percent:20–30"]
    assert label == "الأجور" and value.index("20") < value.index("–") < value.index("30") and value.count("%") == 2
    # a duration says what it is measured in, not what it is: listed for the editor, not shown on its own
    assert "quantity:10–15 دقيقة" not in ar and _facts(SEED)["quantity:10–15 دقيقة"].text_ar == "10–15 دقيقة"


def test_a_qualifier_is_kept(facts_build) -> None:
    ar, en = _box(facts_build, "ar"), _box(facts_build, "en")
    label, value = ar["percent:أقل من 28"]
    assert label == "السكان" and value.startswith("أقل من 28")
    assert "quantity:نحو 10000 طن" not in ar  # tonnes of what? a unit of measure labels nothing
    assert _facts(SEED)["quantity:نحو 10000 طن"].qualifier_ar == "نحو"
    assert ar["quantity:ما لا يقل عن 300 مهندس"] == ("مهندس", "ما لا يقل عن 300 مهندس")
    assert "28" in en["percent:أقل من 28"][1]  # untranslated qualifier: the Arabic, marked as Arabic
    assert "أقل من" in en["percent:أقل من 28"][1]


def test_no_generic_label_fewer_facts(facts_build) -> None:
    ar = _box(facts_build, "ar")
    labels = [label for label, _value in ar.values()]
    assert "رقم" not in labels and "نسبة مئوية" not in labels  # every number is labelled by the text
    assert not any(key.startswith("quantity:45") for key in ar)  # "سجل المؤشر 45": nothing says what it counts
    assert not any("2020" in key for key in ar)  # a period of years is no quantity
    assert ar["percent:7.2"][0] == "التضخم"  # "ارتفع التضخم بنسبة 7.2%"


def test_candidates_keep_qualifiers_ranges_and_signs() -> None:
    facts = _facts("عنوان\nبلغت الصادرات أكثر من 3 مليارات دولار، وانخفضت الحرارة إلى −5 درجات، "
                   "وما بين ٢٠ و٣٠ طالبًا في كل صف، وحوالي 12.5% من الإنتاج.")
    more = facts["quantity:أكثر من 3000000000 دولار"]
    assert more.qualifier_ar == "أكثر من" and more.text_ar == "أكثر من 3 مليارات دولار"
    assert facts["quantity:-5 درجات"].number == Decimal(-5)
    students = facts["quantity:20–30 طالبًا"]
    assert (students.number, students.high, students.digits) == (Decimal(20), Decimal(30), "arab")
    assert facts["percent:حوالي 12.5"].subject_ar == "الإنتاج"
    superlative = _facts("عنوان\nوهذه أكثر 10 دول تأثيرًا في السوق، ومن 20 إلى 30% من الطلاب.")
    assert superlative["quantity:10 دول"].qualifier_ar == ""  # "the ten most": أكثر alone qualifies nothing
    assert superlative["percent:20–30"].text_ar == "من 20 إلى 30%"  # the attached و is not the fact's
    shown = select_facts(list(facts.values()), None)
    assert all(fact.kind not in ("quantity", "percent") or fact.unit_ar or fact.subject_ar for fact in shown)


def test_a_year_that_dates_nothing_is_not_shown_without_an_editor() -> None:
    facts = _facts("عنوان\nتأسست الشركة في عام 2014، وتخطط لمضاعفة إنتاجها بحلول عام 2030، "
                   "ولم تربح شيئًا حتى عام 2019، وأقرت ميزانيتها لعام 2026 والعقد الثالث سنة ٢٠١٨.")
    assert facts["date:2014"].reliable and facts["date:2018"].reliable  # "في عام 2014", "سنة ٢٠١٨": when it happened
    for limit in ("date:2030", "date:2019", "date:2026"):  # "by 2030", "until 2019", "for (the year) 2026"
        assert not facts[limit].reliable, limit
    shown = [fact.key for fact in select_facts(list(facts.values()), None)]
    assert "date:2014" in shown and not {"date:2030", "date:2019", "date:2026"} & set(shown)


def test_a_year_after_the_article_date_is_a_plan_not_an_event() -> None:
    text = "عنوان\nأطلقت الوزارة الخطة في عام 2024، وتنتهي المرحلة الأولى في عام 2027.\n"
    article = parse_article(text, path="x.txt", slug="x", metadata=Metadata(date="2025-03-01"))
    facts = {fact.key: fact for fact in extract_candidates(article)}
    assert facts["date:2024"].reliable
    assert not facts["date:2027"].reliable  # after the article's own date: a plan or a forecast


def test_a_number_measured_in_a_unit_or_followed_by_a_preposition_is_not_shown_on_its_own() -> None:
    facts = _facts("عنوان\nانخفضت كلفة المتر المكعب من 1.2 دولار إلى نحو 0.45 دولار، وتنتج المحطة 300 ميغاواط، "
                   "ويتوقع أن يصل عدد المستفيدين إلى أكثر من 4 ملايين بحلول عام 2030، ويعمل فيها 120 مهندسًا.")
    assert "quantity:أكثر من 4000000 بحلول" not in facts  # "by": not what the number counts
    assert facts["quantity:أكثر من 4000000"].unit_ar == ""
    shown = {fact.key for fact in select_facts(list(facts.values()), None)}
    assert "quantity:120 مهندسًا" in shown  # engineers: what the number counts
    assert not {"quantity:1.2 دولار", "quantity:نحو 0.45 دولار", "quantity:300 ميغاواط"} & shown
