"""Evidence inside one block of a seed: a hard-wrapped paragraph in a seed of one-line paragraphs, a
"read also" block in the middle of the article, and the reasons the report gives for catalog lines.

Each test parses a seed as the build does (:func:`explainer.site.load_seed`) and asserts on the parsed
article (title, paragraphs, headings) and on its report; each also runs the build's no-word-lost check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


# --- 2. a "read also" block in the middle of the article --------------------------------------------------------

HEAD = ["أزمة المياه في المدن العربية الكبرى",
        "تعاني مدن عربية كثيرة من شح متزايد في المياه بسبب النمو السكاني السريع وتراجع معدلات الأمطار.",
        "ويحذر تقرير أممي حديث من أن عشرات الملايين من سكان المنطقة سيواجهون نقصا حادا في مياه الشرب."]
TAIL = ["ويقول خبراء إن الحلول التقنية وحدها لا تكفي، وإن ترشيد الاستهلاك المنزلي والزراعي ضرورة لا غنى عنها.",
        "ويرى آخرون أن إعادة استخدام المياه المعالجة هي الحل الأقرب للتطبيق في معظم المدن العربية.",
        "وتبقى المشكلة الكبرى في غياب التنسيق بين الدول التي تتقاسم الأنهار والمياه الجوفية."]
TITLES = ["كيف تواجه الأردن أزمة المياه", "محطات التحلية في الخليج بين الكلفة والحاجة"]


def _seed(*middle: str, blank: bool = True) -> str:
    """HEAD, the middle lines (one run: no blank line between them), TAIL; paragraphs apart by blank lines."""
    parts = [*HEAD, "\n".join(middle), *TAIL]
    return ("\n\n" if blank else "\n").join(parts) + "\n"


@pytest.mark.parametrize("opener", ["اقرأ أيضاً:", "اقرأ أيضا", "إقرأ أيضا:", "اقرأ أيضًا :", "مواضيع ذات صلة",
                                    "مقالات ذات صلة:", "Related:", "Read also"])
@pytest.mark.parametrize("blank", [True, False])
def test_a_read_also_block_inside_the_article_goes_with_its_titles(tmp_path: Path, opener: str, blank: bool) -> None:
    article = _parse(tmp_path, _seed(opener, *TITLES, blank=blank))
    assert _paragraphs(article) == HEAD[1:] + TAIL  # every paragraph whole, in order
    assert _headings(article) == []  # a title of the block is never the article's heading
    boilerplate = [(detail, dropped) for _line, detail, dropped in _report(article, "drop-boilerplate")]
    opened = 'dropped a line that opens a block of links inside the article ("read also", related articles: 2 link ' \
        "titles under it)"
    assert boilerplate == [(opened, opener)]
    assert [dropped for _line, _detail, dropped in _report(article, "drop-furniture")] == TITLES
    assert not _report(article, "kept-boilerplate-like")


def test_a_read_also_line_with_its_title_goes_and_one_with_a_sentence_stays(tmp_path: Path) -> None:
    link = "اقرأ أيضاً: خمس طرق لتوفير المياه في المنزل"
    article = _parse(tmp_path, _seed(link))
    assert _paragraphs(article) == HEAD[1:] + TAIL
    detail = 'dropped a "read also" line with its link title inside the article (the title reads as a headline: ' \
        "short, no final punctuation)"
    assert [(d, dropped) for _l, d, dropped in _report(article, "drop-boilerplate")] == [(detail, link)]
    sentence = "اقرأ أيضاً: ما كتبه الباحثون عن البطاريات في تقريرهم الأخير."
    article = _parse(tmp_path, _seed(sentence))
    assert _paragraphs(article) == [*HEAD[1:], sentence, *TAIL]
    assert [line for line, _d, _x in _report(article, "kept-boilerplate-like")] == [7]


@pytest.mark.parametrize(("middle", "kept"), [
    # no title under the opener: the paragraph follows at once
    (["اقرأ أيضاً:"], ["اقرأ أيضاً:"]),
    # the paragraph above has not ended: the line is inside it
    (["وتتسع الفجوة بين العرض والطلب عاما بعد عام،", "اقرأ أيضاً:", *TITLES],
     ["وتتسع الفجوة بين العرض والطلب عاما بعد عام،", "اقرأ أيضاً:", *TITLES]),
    # more headline-like lines than a block of links holds: a list without markers, not links
    (["مواضيع ذات صلة", *[f"{title} {n}" for n in range(4) for title in TITLES[:2]]],
     ["مواضيع ذات صلة", *[f"{title} {n}" for n in range(4) for title in TITLES[:2]]]),
])
def test_read_also_lines_without_the_evidence_stay(tmp_path: Path, middle: list[str], kept: list[str]) -> None:
    article = _parse(tmp_path, _seed(*middle, blank=True))
    text = " ".join(_paragraphs(article) + _headings(article) + [item for s in article.sections for b in s.blocks
                                                                 if b.kind == "list" for item in b.items])
    assert all(line in text or line.rstrip(":") in text for line in kept)
    assert not [r for r in article.repairs if r.dropped]
    assert _report(article, "kept-boilerplate-like")
    assert all(paragraph in _paragraphs(article) for paragraph in TAIL)


def test_the_titles_end_at_the_first_line_of_prose_and_prose_is_never_dropped(tmp_path: Path) -> None:
    # no blank line between the last title and the next paragraph, and a question right under the opener
    article = _parse(tmp_path, _seed("مواضيع ذات صلة", TITLES[0], blank=False))
    assert _paragraphs(article) == HEAD[1:] + TAIL
    assert [dropped for _l, _d, dropped in _report(article, "drop-furniture")] == [TITLES[0]]
    question = "لماذا تتفاقم أزمة المياه في المدن؟"
    article = _parse(tmp_path, _seed("اقرأ أيضاً:", question, blank=False))
    assert question in _headings(article) + _paragraphs(article)
    assert not [r for r in article.repairs if r.dropped]


def test_a_heading_after_the_blocks_blank_line_stays_a_heading(tmp_path: Path) -> None:
    heading = "الحلول الممكنة"
    seed = "\n\n".join([*HEAD, "\n".join(["اقرأ أيضاً:", *TITLES]), heading, *TAIL]) + "\n"
    article = _parse(tmp_path, seed)
    assert _headings(article) == [heading]
    assert [dropped for _l, _d, dropped in _report(article, "drop-furniture")] == TITLES


def test_prose_between_a_block_inside_the_article_and_the_footer_stays(tmp_path: Path) -> None:
    """The footer grows over a sentence only between furniture lines: a block of links inside the article is
    no such furniture once it is dropped, so the paragraph under it stays."""
    seed = "\n\n".join([*HEAD, "\n".join(["اقرأ أيضاً:", *TITLES]), TAIL[0], "الوسوم: مياه، مدن، مناخ"]) + "\n"
    article = _parse(tmp_path, seed)
    assert _paragraphs(article) == [*HEAD[1:], TAIL[0]]
    assert [dropped for _l, _d, dropped in _report(article, "drop-boilerplate")] == ["اقرأ أيضاً:",
                                                                                       "الوسوم: مياه، مدن، مناخ"]


# --- 1. a hard-wrapped paragraph in a seed of one-line paragraphs -------------------------------------------------

TITLE = "تحولات سوق العمل في عصر الذكاء الاصطناعي"
WRAPPED = ["تشهد أسواق العمل في المنطقة العربية تحولات متسارعة بفعل",
           "انتشار أدوات الذكاء الاصطناعي في الشركات والمؤسسات الحكومية،",
           "إذ باتت كثير من المهام الروتينية تنجز آليا في دقائق بعد أن",
           "كانت تستغرق أياما من العمل اليدوي المتواصل للموظفين."]


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("where", [0, 2])
def test_a_wrapped_paragraph_among_one_line_paragraphs_is_joined(tmp_path: Path, blank: bool, where: int) -> None:
    paragraphs = [*PROSE[:where], "\n".join(WRAPPED), *PROSE[where:]]
    article = _parse(tmp_path, ("\n\n" if blank else "\n").join([TITLE, *paragraphs]) + "\n")
    assert article.title == TITLE
    assert _paragraphs(article) == [*PROSE[:where], " ".join(WRAPPED), *PROSE[where:]]
    joins = _report(article, "join-wrapped-lines")
    first = 1 + (2 if blank else 1) * (where + 1)
    detail = (f"joined the hard-wrapped lines {first}-{first + 3} into one paragraph (lines of about 60 characters, "
              "each broken where the next word did not fit, as in a PDF or e-mail copy): 3 line breaks removed")
    assert [(line, d) for line, d, _dropped in joins] == [(first, detail)]


def test_a_sentence_ending_on_a_full_line_does_not_end_the_wrapped_paragraph(tmp_path: Path) -> None:
    wrapped = [*WRAPPED[:2], "إذ باتت كثير من المهام الروتينية تنجز آليا في دقائق معدودة.",
               "ويقول خبراء إن ذلك يفرض على العاملين اكتساب مهارات جديدة",
               "تتعلق بتحليل البيانات والتعامل مع النماذج اللغوية الكبيرة."]
    article = _parse(tmp_path, "\n\n".join([TITLE, "\n".join(wrapped), *PROSE]) + "\n")
    assert _paragraphs(article) == [" ".join(wrapped), *PROSE]


def test_a_heading_above_a_wrapped_paragraph_stays_a_heading(tmp_path: Path) -> None:
    heading = "أثر الأتمتة على الوظائف"
    article = _parse(tmp_path, "\n".join([TITLE, PROSE[0], heading, *WRAPPED, *PROSE[1:]]) + "\n")
    assert _headings(article) == [heading]
    assert _paragraphs(article) == [PROSE[0], " ".join(WRAPPED), *PROSE[1:]]


@pytest.mark.parametrize("lines", [
    # one sentence per line: short lines ending with full stops
    ["تغيرت طبيعة العمل في المكاتب خلال سنوات قليلة فقط.", "صار الموظف يعتمد على أدوات رقمية في كل مهمة.",
     "وصارت الاجتماعات تعقد عن بعد في أغلب الأحيان.", "ولم يعد الحضور اليومي إلى المكتب شرطا للإنتاج."],
    # a list without markers under a line ending with ':'
    ["وتشمل المهارات المطلوبة في السنوات المقبلة ما يلي:", "تحليل البيانات الضخمة واستخلاص النتائج منها بسرعة",
     "كتابة التعليمات للنماذج اللغوية الكبيرة بدقة ووضوح", "إدارة المشاريع الرقمية مع فرق موزعة في بلدان عدة."],
    # link titles: no line ends a sentence
    ["كيف تغير النماذج اللغوية الكبيرة طريقة عمل الصحفيين",
     "الوظائف التي لن يستطيع الذكاء الاصطناعي القيام بها قريبا", "دليل عملي لتعلم تحليل البيانات في ستة أشهر فقط"],
    # a poem: every line ends with the same rhyme
    ["يا ليل الصب متى غده أقيام الساعة موعده", "رقد السمار فأرقه أسف للبين يردده",
     "فبكاه النجم ورق له مما يرعاه ويرصده", "كلف بغزال ذي هيف خوف الواشين يشرده."],
    # two lines only: too little evidence
    WRAPPED[2:],
    # a numbered list
    ["1- تحليل البيانات الضخمة واستخلاص النتائج منها بسرعة ودقة", "2- كتابة التعليمات للنماذج اللغوية الكبيرة بدقة ووضوح",
     "3- إدارة المشاريع الرقمية مع فرق موزعة في بلدان عدة."],
])
def test_lines_that_are_not_a_wrapped_paragraph_keep_their_breaks(tmp_path: Path, lines: list[str]) -> None:
    article = _parse(tmp_path, "\n\n".join([TITLE, PROSE[0], "\n".join(lines), *PROSE[1:]]) + "\n")
    assert not _report(article, "join-wrapped-lines")
    texts = _paragraphs(article) + _headings(article) + [item for s in article.sections for b in s.blocks
                                                         if b.kind == "list" for item in b.items]
    assert not any(lines[0] in text and lines[1] in text for text in texts)  # never two of them in one text


def test_the_title_line_is_never_joined_to_the_paragraph_under_it(tmp_path: Path) -> None:
    title = "سوق العمل العربية أمام موجة جديدة من التحولات الرقمية"  # as wide as the wrapped lines
    article = _parse(tmp_path, "\n".join([title, *WRAPPED, *PROSE]) + "\n")
    assert article.title == title
    assert _paragraphs(article) == [" ".join(WRAPPED), *PROSE]


def test_a_read_also_block_under_the_headline_goes_with_its_titles(tmp_path: Path) -> None:
    article = _parse(tmp_path, "\n\n".join([HEAD[0], "\n".join(["اقرأ أيضاً:", *TITLES]), *HEAD[1:], *TAIL]) + "\n")
    assert article.title == HEAD[0]
    assert article.lede is not None and article.lede.text == HEAD[1]
    assert _paragraphs(article) == HEAD[1:] + TAIL and _headings(article) == []
    assert [dropped for _l, _d, dropped in _report(article, "drop-furniture")] == TITLES


def test_a_news_headline_under_its_date_line_is_not_joined_to_the_wrapped_lede(tmp_path: Path) -> None:
    headline = "إصابة اثني عشر شخصا في انقلاب حافلة ركاب على الطريق الصحراوي"  # as wide as the lines under it
    seed = "\n".join(["حوادث", "كتبت سارة عبد الحميد", "الثلاثاء، 22 يوليو 2025 11:40 ص", headline, *WRAPPED,
                      *PROSE]) + "\n"
    article = _parse(tmp_path, seed)
    assert article.title == headline
    assert _paragraphs(article) == [" ".join(WRAPPED), *PROSE]
    assert [line for line, _d, _x in _report(article, "join-wrapped-lines")] == [5]


def test_a_read_also_line_above_a_wrapped_paragraph_is_not_joined_to_it(tmp_path: Path) -> None:
    link = "اقرأ أيضًا: كيف تغير الأقمار الصناعية مواعيد الحصاد"  # as wide as the wrapped lines
    article = _parse(tmp_path, "\n".join([TITLE, PROSE[0], link, *WRAPPED, *PROSE[1:]]) + "\n")
    assert _paragraphs(article) == [PROSE[0], " ".join(WRAPPED), *PROSE[1:]]
    assert [dropped for _l, _d, dropped in _report(article, "drop-boilerplate")] == [link]
