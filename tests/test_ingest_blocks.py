"""Evidence inside one block of a seed: a hard-wrapped paragraph in a seed of one-line paragraphs, a
"read also" block in the middle of the article, and the reasons the report gives for catalog lines.

Each test parses a seed as the build does (:func:`explainer.site.load_seed`) and asserts on the parsed
article (title, paragraphs, headings) and on its report; each also runs the build's no-word-lost check.
"""

from __future__ import annotations

from pathlib import Path

from explainer.ingest.preserve import article_text, missing_words
from explainer.model import Article
from explainer.site import load_seed


def _parse(tmp_path: Path, text: str) -> Article:
    seed = tmp_path / "seed.txt"
    seed.write_text(text, "utf-8")
    article = load_seed(seed, tmp_path)
    assert missing_words(article, article_text(article)) == [], "a seed word was lost without a report"
    return article


def _paragraphs(article: Article) -> list[str]:
    texts = [article.lede.text] if article.lede else []
    return texts + [block.text for section in article.sections for block in section.blocks
                    if block.kind == "paragraph"]


def _headings(article: Article) -> list[str]:
    return [section.heading for section in article.sections if section.heading]


def _report(article: Article, kind: str) -> list[tuple[int, str, str]]:
    return [(r.line, r.detail, r.dropped) for r in article.repairs if r.kind == kind]


PROSE = [
    ("ويرى خبراء الاقتصاد أن هذه التحولات ستعيد رسم خريطة الوظائف في السنوات المقبلة، فبعض المهن ستختفي "
     "تدريجيا بينما تظهر مهن جديدة تتطلب مهارات رقمية متقدمة لم تكن مطلوبة من قبل."),
    ("وتشير دراسة حديثة صادرة عن منظمة العمل الدولية إلى أن نحو ربع الوظائف في العالم معرضة للتأثر بالذكاء "
     "الاصطناعي التوليدي، وأن النساء أكثر عرضة لهذا التأثير."),
    ("وفي المقابل يؤكد مختصون أن الذكاء الاصطناعي سيزيد إنتاجية العاملين بدلا من أن يحل محلهم بالكامل، شرط أن "
     "تستثمر الحكومات والشركات في برامج تدريب واسعة."),
]


# --- 3. what a catalog line is, not a platform it may not come from ---------------------------------------------

def test_a_news_portals_tags_line_is_reported_as_a_tags_line(tmp_path: Path) -> None:
    article = _parse(tmp_path, "\n\n".join(["تحولات سوق العمل في عصر الذكاء الاصطناعي", *PROSE,
                                            "الوسوم: اقتصاد، تقنية، ذكاء اصطناعي", "كلمات مفتاحية: عمل، وظائف",
                                            "Tags: AI, jobs", "جميع الحقوق محفوظة © 2025 بوابة الأخبار"]))
    drops = _report(article, "drop-boilerplate")
    assert [(detail, dropped) for _line, detail, dropped in drops] == [
        ("dropped a tags line (the article's topic labels) after the article", "الوسوم: اقتصاد، تقنية، ذكاء اصطناعي"),
        ("dropped a tags line (the article's topic labels) after the article", "كلمات مفتاحية: عمل، وظائف"),
        ("dropped a tags line (the article's topic labels) after the article", "Tags: AI, jobs"),
        ("dropped a copyright line after the article", "جميع الحقوق محفوظة © 2025 بوابة الأخبار")]
    assert not any("wordpress" in r.detail or "news line" in r.detail for r in article.repairs)
    assert _paragraphs(article)[-1] == PROSE[-1]
