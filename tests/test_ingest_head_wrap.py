"""The head of blog pastes (menus, site names, date and byline lines) and hard-wrapped PDF copies
(without blank lines, with journal page lines and page breaks inside paragraphs).

The built-site tests build the corpus cases (``tests/corpus/``) with ``mkdocs build`` and read the
pages back; the unit tests drive the classifiers and the wrap detector on lines that look alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.ingest.edges import find_edges
from explainer.ingest.header import affiliation, classify, comments_heading, issue_line
from explainer.ingest.parse import parse_article
from explainer.ingest.wrap import unwrap, wrap_width

from .conftest import make_project, run_build
from .helpers import soup

CORPUS = Path(__file__).resolve().parent / "corpus"
ROOT = Path(__file__).resolve().parent.parent
CASES = ["wordpress-arabic-menu-share-comments", "blog-name-headline-date-minimal", "pdf-paper-no-blank-lines",
         "pdf-journal-page-lines"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("head-wrap")
    seeds: dict[str, bytes | str] = {f"{name}.txt": (CORPUS / f"{name}.txt").read_bytes() for name in CASES}
    seeds["deepseek.txt"] = (ROOT / "seeds" / "deepseek.txt").read_bytes()
    project = make_project(base, seeds=seeds)
    build = run_build(project, base / "site", strict=False)  # strict fails on the untranslated English
    assert build.returncode == 0, build.log
    assert "missing from the Arabic page" not in build.log  # the build's own no-word-lost check
    return build


def _page(build, slug: str, lang: str = "ar"):
    return soup(build.site / (f"{slug}/index.html" if lang == "ar" else f"{lang}/{slug}/index.html"))


def _article_text(page) -> str:
    return " ".join(el.get_text(" ") for el in page.select("article [id^=s], article #lede, article #subtitle"))


def _paragraphs(page) -> list[str]:
    return [p.get_text(" ").strip() for p in page.select("article p[id^=s], article p#lede")]


@pytest.mark.parametrize(("slug", "title", "author", "date_ar", "date_en"), [
    ("wordpress-arabic-menu-share-comments", "ثلاثة أيام في مدينة فاس القديمة", "ياسر العمري", "14 يناير 2024",
     "January 14, 2024"),
    ("blog-name-headline-date-minimal", "لماذا يختلف طعم القهوة من كوب إلى آخر؟", "منى الراشد", "3 فبراير 2024",
     "February 3, 2024"),
])
def test_blog_heads_give_the_headline_as_title_and_the_date_and_author(built, slug: str, title: str, author: str,
                                                                        date_ar: str, date_en: str) -> None:
    page = _page(built, slug)
    assert page.select_one("h1#title").get_text().strip() == title
    assert page.select_one("#subtitle") is None  # the headline is not pushed down to a subtitle
    byline = page.select_one(".ex-byline")
    assert byline.select_one("bdi").get_text() == author and date_ar in byline.get_text()
    english = _page(built, slug, "en").select_one(".ex-byline").get_text()
    assert f"By {author}" in english and f"Published {date_en}" in english
    assert f"seeds/{slug}.txt:1:" in built.log  # the dropped blog name is reported with its line


def test_a_wordpress_menu_and_footer_leave_the_page(built) -> None:
    page = _page(built, "wordpress-arabic-menu-share-comments")
    body = _article_text(page)
    for furniture in ("زاد المسافر", "الرئيسية", "نصائح السفر", "من نحن", "اتصل بنا", "التصنيفات", "شارك هذه",
                      "بينترست", "معجب بهذه", "إعجاب تحميل", "ذات صلة", "شفشاون", "تعليقات على", "سلمى بن علي",
                      "عند 8:40", "أضف تعليقاً", "ووردبريس"):
        assert furniture not in body, furniture
    headings = [h.get_text().strip() for h in page.select("article h2[id^=s]")]
    assert headings == ["اليوم الأول: باب بوجلود والطالعة الكبرى", "اليوم الثاني: القرويين ودار الدباغة",
                        "اليوم الثالث: المدينة من الأعلى"]
    assert _paragraphs(page)[-1].startswith("نصيحتي لمن يزور فاس")
    assert page.select_one(".ex-byline").get_text().count("2024") == 1  # a reader's comment date is not the article's


@pytest.mark.parametrize(("slug", "title", "author", "headings", "paragraphs"), [
    ("pdf-paper-no-blank-lines", "أثر الجفاف المتكرر على الزراعة المطرية في سهول حوران", "د. رامي العزام",
     ["ملخص", "المقدمة", "أولاً: تراجع المساحات المزروعة بالقمح في القرى الشرقية من المنطقة",
      "ثانياً: التحول إلى المحاصيل البديلة", "الخاتمة"], 6),
    ("pdf-journal-page-lines", "الأسواق الأسبوعية في الريف المغربي: وظائف اقتصادية واجتماعية متجددة",
     "د. نادية بنعلي", ["مقدمة", "الوظائف الاجتماعية للسوق", "توصيات"], 5),
])
def test_pdf_copies_are_joined_into_paragraphs_under_their_title(built, slug: str, title: str, author: str,
                                                                  headings: list[str], paragraphs: int) -> None:
    page = _page(built, slug)
    assert page.select_one("h1#title").get_text().strip() == title
    assert page.select_one(".ex-byline bdi").get_text() == author
    assert [h.get_text().strip() for h in page.select("article h2[id^=s]")] == headings
    shown = _paragraphs(page)
    assert len(shown) == paragraphs
    assert all(text.endswith(".") for text in shown), shown  # every paragraph whole, none cut at a line end
    body = _article_text(page)
    for furniture in ("حوليات الدراسات الريفية", "ص 57", "ص 58", "قسم الجغرافيا", "كلية الآداب", "العدد 2"):
        assert furniture not in body, furniture
    assert not any(text.strip().isdigit() for text in shown)
    assert f"seeds/{slug}.txt:1: joined hard-wrapped lines" in built.log or "joined hard-wrapped lines" in built.log


def test_a_paragraph_cut_by_a_page_break_is_whole_on_the_page(built) -> None:
    shown = _paragraphs(_page(built, "pdf-journal-page-lines"))
    across = [text for text in shown if "وتارودانت تظهر أن عدد الأسواق" in text]
    assert len(across) == 1 and across[0].startswith("وقد ظن كثير") and across[0].endswith("البيطرية.")
    second = [text for text in shown if "ومعرفة جودة الحبوب، ويتعرف الشباب" in text]
    assert len(second) == 1 and second[0].endswith("السنوات الأخيرة.")


def test_one_paragraph_per_line_is_never_joined_on_the_built_page(built) -> None:
    lines = [line for line in (ROOT / "seeds" / "deepseek.txt").read_text("utf-8").splitlines() if line.strip()]
    page = _page(built, "deepseek")
    blocks = page.select("article h1#title, article #subtitle, article #lede, article [id^=s]:is(p, h2, li)")
    assert len(blocks) >= len(lines) - 2  # a block per seed line (a lede split from the title at most)
    assert "joined hard-wrapped lines" not in "".join(line for line in built.log.splitlines() if "deepseek" in line)


# --- unit tests: the lines that look alike ------------------------------------------------------

def test_a_catalog_line_that_is_a_date_and_byline_gives_both() -> None:
    found = classify("نُشر في 3 مارس 2023 بواسطة سارة الخطيب")
    assert (found.date, found.author) == ("2023-03-03", "سارة الخطيب")
    assert classify("نُشر في مجلة العلوم").kind == "boilerplate"  # Medium's "published in": no date, stays a label


@pytest.mark.parametrize("line", ['5 تعليقات على "قصة القهوة: من جبال اليمن إلى مقاهي العالم"',
                                  "تعليق واحد على «رحلة إلى البتراء»", "3 thoughts on “The history of coffee”"])
def test_comments_headings_however_long_the_title(line: str) -> None:
    assert comments_heading(line) is not None and classify(line) is not None


@pytest.mark.parametrize("line", ["علق 5 أشخاص على المقال بعد نشره بساعات.", "تعليقات على هامش المؤتمر",
                                  "5 تعليقات على المقال"])
def test_sentences_about_comments_are_not_comments_headings(line: str) -> None:
    assert comments_heading(line) is None


@pytest.mark.parametrize(("line", "page"), [
    ("المجلة العربية للدراسات البيئية                         العدد 18 - 2022", None),
    ("المجلة العربية للدراسات البيئية    ص 42", 42), ("حوليات الدراسات الريفية   المجلد 9، العدد 2 - 2023", None),
    ("Journal of Water Studies, Vol. 3, No. 2", None), ("ص 42", 42),
])
def test_journal_issue_and_page_lines(line: str, page: int | None) -> None:
    found = issue_line(line)
    assert found is not None and found.kind == "issue" and found.page == page


@pytest.mark.parametrize("line", ["صدر العدد 18 من المجلة في مارس 2022.", "في العدد 18", "العربية للدراسات 2022",
                                  "وزارة المياه والري، التقرير السنوي، عمان، 2021.", "المجلة العربية، العدد 18، 2022.",
                                  "مجلة العلوم، العدد 3، ص 45"])
def test_sentences_and_references_are_not_journal_lines(line: str) -> None:
    assert issue_line(line) is None


def test_titled_names_and_affiliations() -> None:
    assert classify("د. ليلى حداد").author == "د. ليلى حداد"
    assert classify("ليلى حداد") is None  # a bare name is not a byline by itself
    assert affiliation("قسم الجغرافيا - الجامعة الأردنية") is not None
    assert affiliation("كلية الآداب: تاريخ من العطاء في خدمة المجتمع.") is None
    assert affiliation("تأسست الجامعة الأردنية عام 1962") is None


def _parse(text: str):
    return parse_article(text, path="x.txt", slug="x")


def test_short_lines_at_the_top_without_navigation_words_are_not_a_menu() -> None:
    text = ("مدن الملح\nرواية عبد الرحمن منيف\nقراءة في الجزء الأول\n"
            "تروي الرواية قصة التحول الذي عرفته واحة صغيرة بعد اكتشاف النفط، وما رافقه من تغير في حياة سكانها.\n")
    assert find_edges(text.splitlines()).drops == {}
    assert _parse(text).title == "مدن الملح"


def test_a_menu_needs_two_navigation_items() -> None:
    text = ("الرئيسية\nأسرار الخبز المنزلي\n"
            "يحتاج الخبز المنزلي الجيد إلى دقيق قوي وماء فاتر وصبر طويل أثناء التخمير، وهذا ما سنشرحه هنا.\n")
    edges = find_edges(text.splitlines())
    assert all(drop.furniture is None or drop.furniture.kind != "navigation" for drop in edges.drops.values())
    assert _parse(text).title == "أسرار الخبز المنزلي"


def test_a_blog_name_without_a_noun_goes_only_when_the_copyright_line_names_it() -> None:
    body = ("قصة القهوة من اليمن إلى العالم\nنشرت في 3 مارس 2023 بواسطة ليلى حسن\n"
            "يشرب ملايين الناس القهوة كل صباح دون أن يفكروا في رحلتها الطويلة من الجبال إلى الفنجان.\n")
    named = _parse("حكايات ليلى\n" + body + "جميع الحقوق محفوظة لموقع حكايات ليلى 2023\n")
    assert named.title == "قصة القهوة من اليمن إلى العالم" and named.metadata.author == "ليلى حسن"
    unnamed = _parse("حكايات ليلى\n" + body)
    assert unnamed.title == "حكايات ليلى"  # no evidence: the first line stays the title


def _wrapped(text: str) -> list[str]:
    return [line for _number, line in unwrap(text.split("\n")).lines if line]


def test_page_numbers_and_laid_out_lines_are_never_joined() -> None:
    lines = ["مجلة العلوم                                    العدد 3",
             "يعد الأردن من أفقر دول العالم في الموارد المائية، إذ لا",
             "تتجاوز حصة الفرد فيه مئة متر مكعب سنوياً، وهي نسبة تقل",
             "كثيراً عن خط الفقر المائي.",
             "وتتناول هذه الورقة أسباب الأزمة وأبرز الحلول المقترحة",
             "لمواجهتها في العقود المقبلة وما تحتاجه من تمويل دولي في",
             "السنوات العشر القادمة.",
             "وتقع المملكة الأردنية الهاشمية في منطقة شبه جافة، ويغطي",
             "الصحراء أكثر من ثمانين في المائة من مساحتها.",
             "© جميع الحقوق محفوظة للمجلة العربية للدراسات البيئية", "43"]
    assert wrap_width(lines) is not None
    out = _wrapped("\n".join(lines))
    assert out[0] == lines[0] and out[-1] == "43" and out[-2] == lines[-2]
    assert len(out) == 6  # three paragraphs joined; the head, the copyright line and the page number on their own


def test_a_headline_broken_over_two_lines_is_joined_but_a_heading_and_its_paragraph_are_not() -> None:
    paragraph = ["تتناول هذه الدراسة أثر موجات الجفاف المتكررة خلال العقدين",
                 "الأخيرين على الزراعة المطرية في سهول حوران جنوب سوريا",
                 "وشمال الأردن، اعتماداً على سجلات الأمطار ومقابلات ميدانية",
                 "مع مئة وعشرين مزارعاً في ثماني قرى من المنطقة الجنوبية.",
                 "وتبين النتائج أن المساحات المزروعة بالقمح تراجعت بنحو",
                 "الربع، وأن كثيراً من المزارعين تحولوا إلى محاصيل أخرى."]
    out = _wrapped("\n".join(["أزمة المياه في الأردن: الأسباب", "والحلول الممكنة", *paragraph]))
    assert out[0] == "أزمة المياه في الأردن: الأسباب والحلول الممكنة"
    out = _wrapped("\n".join(["الخاتمة", "وفي الختام نقول إن الجفاف المتكرر غير وجه الزراعة في السهول",
                              *paragraph[1:]]))
    assert out[0] == "الخاتمة"  # the paragraph's first line is wrapped itself: it is not a headline's second line


def test_a_poem_without_blank_lines_is_not_joined() -> None:
    poem = ["أراك عصي الدمع شيمتك الصبر", "أما للهوى نهي عليك ولا أمر", "بلى أنا مشتاق وعندي لوعة",
            "ولكن مثلي لا يذاع له سر", "إذا الليل أضواني بسطت يد الهوى", "وأذللت دمعا من خلائقه الكبر",
            "تكاد تضيء النار بين جوانحي", "إذا هي أذكتها الصبابة والفكر"]
    assert wrap_width(poem) is None
