"""Furniture lines by class (issue 11 follow-up): what each is, and the article lines that look alike."""

from __future__ import annotations

import pytest

from explainer.ingest.edges import find_edges, furniture
from explainer.ingest.header import classify, credit


@pytest.mark.parametrize(("line", "kind"), [
    ("آخر تحديث: 12/7/2025 - 14:30 (توقيت مكة)", "date"),
    ("نشر في: 14 يوليو ,2025: 11:20 ص GST آخر تحديث: 14 يوليو ,2025: 01:05 م GST", "date"),
    ("بتوقيت غرينتش", "date"),
    ("14:30 بتوقيت غرينتش", "date"),
    ("نشرت في 2 فبراير 2025 بواسطة نادر الحلبي", "date+byline"),
    ("حرر بواسطة: أحمد", "byline"),
    ("مراسل الجزيرة نت", "byline"),
    ("المصدر: وكالات", "credit"),
    ("المصدر: الجزيرة + وكالات", "credit"),
    ("صورة: رويترز", "credit"),
    ("(رويترز)", "credit"),
    ("الصورة: أرشيفية", "credit"),
    ("صدر الصورة، Getty Images", "credit"),
    ("التعليقات (3)", "boilerplate"),  # a comments line (the catalog), and a count by vocabulary
])
def test_furniture_classes(line: str, kind: str) -> None:
    found = furniture(line)
    assert found is not None and found.kind == kind, (line, found)


@pytest.mark.parametrize("line", [
    "الكلمات المفتاحية: اقتصاد، نفط", "أضف تعليقاً", "إعلان", "تابعونا على", "مشاركة عبر", "شارك", "فيسبوك",
    "تويتر", "واتساب", "WhatsApp", "+ متابعة", "موضوعات متعلقة", "محتويات",
])
def test_catalog_lines_are_furniture(line: str) -> None:
    assert furniture(line) is not None, line


@pytest.mark.parametrize("line", [
    "صورة من الأرشيف تظهر المدينة القديمة في الخمسينيات.",  # a caption that describes: kept
    "مصدر مطلع قال إن المفاوضات مستمرة",
    "مراسل الجزيرة يروي لحظات القصف على المدينة",
    "في الساعة العاشرة صباحًا خرج المتظاهرون إلى الشارع.",
    "قناة السويس تحقق إيرادات قياسية",
])
def test_article_lines_that_look_alike_are_not_furniture(line: str) -> None:
    assert furniture(line) is None and credit(line, anywhere=True) is None, line


def test_photo_credits_anywhere_but_source_lines_only_at_the_edges() -> None:
    assert credit("صورة: رويترز", anywhere=True) is not None
    assert credit("(أ ف ب)", anywhere=True) is not None
    assert credit("المصدر: وكالات", anywhere=True) is None  # inside the article a source line may cite
    assert credit("الصورة: مشهد من سوق المدينة القديمة", anywhere=True) is None  # a caption stays


def test_a_hyphenated_latin_name_before_follow_is_the_author_not_a_dateline() -> None:
    lines = ["كيف غيّرت القراءة حياتي", "تجربة شخصية مع عادة صغيرة", "Sara Al-Mansouri", "Follow", "Mar 14, 2024",
             "قبل عام قررت أن أقرأ عشرين صفحة كل يوم."]
    edges = find_edges(lines)
    assert edges.given("author") == (2, "Sara Al-Mansouri")
    assert classify("Sara Al-Mansouri") is None


def test_a_title_above_a_date_and_a_subtitle_is_kept_when_the_title_is_longer() -> None:
    lines = ["انتخابات بلدية في تونس بمشاركة ضعيفة وسط عزوف واسع", "الأحد 9 مارس 2025", "قراءة في الأرقام",
             "توجه الناخبون التونسيون أمس إلى صناديق الاقتراع."]
    edges = find_edges(lines)
    assert 0 not in edges.drops and edges.headline == 0
