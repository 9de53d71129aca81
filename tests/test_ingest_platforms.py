"""Pastes from social and chat platforms, wikis, Word reports and interviews (helper ingest3).

Each test parses a seed as the build does and asserts on the parsed article and its report: what
goes (with its reason), what stays (article prose that looks alike), and that no word is lost.
"""

from __future__ import annotations

import pytest

from explainer.ingest.edges import is_separator
from explainer.ingest.header import classify
from explainer.ingest.marks import read_marks
from explainer.ingest.parse import parse_article
from explainer.ingest.preserve import article_text, missing_words
from explainer.model import Article

PARA = ("بدأ المشروع قبل عامين في قرية صغيرة، ووصل اليوم إلى أكثر من ثلاثمئة بيت في المنطقة كلها، "
        "بفضل تعاون الأهالي والبلدية والجمعيات المحلية.")
PARA2 = ("ويرى المشرفون أن التجربة قابلة للتكرار في قرى أخرى، إذا توفر التمويل اللازم والتدريب الكافي "
         "للفنيين الذين يركبون الألواح ويصونونها.")


def parse(text: str) -> Article:
    article = parse_article(text, path="seeds/x.txt", slug="x")
    assert missing_words(article, article_text(article)) == [], "a seed word was lost without a report"
    return article


def kinds(article: Article) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for repair in article.repairs:
        found.setdefault(repair.line, []).append(repair.kind)
    return found


def headings(article: Article) -> list[str]:
    return [s.heading for s in article.sections if s.heading]


def paragraphs(article: Article) -> list[str]:
    texts = [article.lede.text] if article.lede else []
    return texts + [b.text for s in article.sections for b in s.blocks if b.kind == "paragraph"]


# --- a wiki's edit links ------------------------------------------------------------------------

def test_edit_links_leave_the_headings_and_the_table_of_contents_then_matches() -> None:
    article = parse("قلعة صلاح الدين\n" + PARA + "[1]\nمحتويات\n1 التاريخ\n2 العمارة\n"
                    "التاريخ[عدل]\n" + PARA + "\nالعمارة [عدل المصدر]\n" + PARA2 + "\n")
    assert headings(article) == ["التاريخ", "العمارة"]
    assert article.lede is not None and article.lede.text.endswith("[1]")  # a reference mark is text: it stays
    report = kinds(article)
    assert "drop-edit-link" in report[6] and "drop-edit-link" in report[8]
    assert [r.dropped for r in article.repairs if r.kind == "drop-edit-link"] == ["[عدل]", "[عدل المصدر]"]
    assert {5: "drop-furniture", 4: "drop-furniture"}.items() <= {k: v[0] for k, v in report.items()}.items()


@pytest.mark.parametrize("line", ["نص [عدل] في وسط السطر", "[عدل]", "قال إنه سيعدل [القانون]", "History [edit] notes"])
def test_edit_words_elsewhere_stay(line: str) -> None:
    assert read_marks([line], markdown=False).lines == [line]


# --- "See more" ---------------------------------------------------------------------------------

def test_see_more_button_leaves_the_post_and_a_cut_post_is_a_warning() -> None:
    article = parse("عنوان المنشور\n" + PARA + "\n" + PARA2 + "… عرض المزيد\n")
    assert paragraphs(article)[-1] == PARA2
    [repair] = [r for r in article.repairs if r.kind == "drop-see-more"]
    assert repair.line == 3 and repair.dropped == "… عرض المزيد" and repair.level == "info"
    cut = parse("عنوان المنشور\n" + PARA + "\nوقال المشرف إن التجربة ستتكرر في...See more\n")
    [repair] = [r for r in cut.repairs if r.kind == "drop-see-more"]
    assert repair.level == "warning" and "may be cut here" in repair.detail
    assert paragraphs(cut)[-1] == "وقال المشرف إن التجربة ستتكرر في"


@pytest.mark.parametrize("line", ["ونريد أن نعرف المزيد.", "قال: … المزيد من الأخبار لاحقًا", "عرض المزيد"])
def test_more_in_prose_stays(line: str) -> None:
    assert read_marks([line], markdown=False).lines == [line]


# --- chat emphasis --------------------------------------------------------------------------------

WHATSAPP = ("تمت إعادة توجيهه عدة مرات\n"
            "*نصائح مهمة لمرضى السكري في رمضان* 🌙\n"
            + PARA + "\n"
            "*أولاً: استشر طبيبك قبل رمضان*\n"
            + PARA2 + " وهذا *مهم جدًا* للجميع.\n"
            "*ثانياً: قس السكر بانتظام*\n"
            + PARA + "\n"
            "⚠️ متى تفطر فورًا:\n"
            "▪️ إذا نزل السكر عن 70\n"
            "▪️ إذا ارتفع عن 300\n"
            "انشرها ولك الأجر 🤲\n"
            "🌙🌙🌙\n")


def test_whatsapp_forward_reads_as_an_article() -> None:
    article = parse(WHATSAPP)
    assert article.title == "نصائح مهمة لمرضى السكري في رمضان 🌙"
    assert headings(article)[:2] == ["أولاً: استشر طبيبك قبل رمضان", "ثانياً: قس السكر بانتظام"]
    assert "وهذا مهم جدًا للجميع." in paragraphs(article)[1]
    [items] = [b.items for s in article.sections for b in s.blocks if b.kind != "paragraph"]
    assert items == ("إذا نزل السكر عن 70", "إذا ارتفع عن 300")  # U+FE0F stays with its bullet
    report = kinds(article)
    assert report[1] == ["drop-boilerplate"] and report[2][0] == "chat-emphasis"
    assert report[11] == ["drop-boilerplate"] and report[12] == ["drop-separator"]
    detail = {r.line: r.detail for r in article.repairs}
    assert "forwarding label" in detail[1] and "share or save" in detail[11] and "4 spans" in detail[2]


@pytest.mark.parametrize("text", [
    "عنوان\n*ملاحظة* هذا السطر وحده فيه نجمتان.\n" + PARA + "\n",  # one span: no evidence
    "عنوان\n" + PARA + "\n* * *\n" + PARA2 + "\n* المصدر: وزارة الصحة\n",  # separators and a footnote star
    "عنوان\nحسب المعادلة 2*3*4 يكون الناتج\n*أ*\n*ب*\nاسم_المتغير_الطويل يبقى\n",  # stars inside words and numbers
])
def test_stars_without_chat_evidence_stay(text: str) -> None:
    lines = text.split("\n")
    out = read_marks(lines, markdown=False)
    kept = [line for line in lines if "2*3*4" in line or "_" in line or "* " in line or "ملاحظة" in line]
    assert all(line in out.lines for line in kept)


def test_markdown_pastes_are_left_to_the_markdown_reader() -> None:
    lines = ["*أولاً*", "*ثانيًا*"]
    assert read_marks(lines, markdown=True).lines == lines
    assert read_marks(lines, markdown=False).lines == ["أولاً", "ثانيًا"]


# --- separators and bullets of chat apps -----------------------------------------------------------

@pytest.mark.parametrize(("line", "separator"), [
    ("〰️〰️〰️〰️", True), ("➖➖➖➖", True), ("🌙🌙🌙", True), ("✨ ✨ ✨", True), ("* * *", True),
    ("🌙", False), ("❤️❤️", False), ("🌙🌙🌙 رمضان كريم", False), ("100$", False), ("٣", False),
])
def test_emoji_separators(line: str, separator: bool) -> None:
    assert is_separator(line) is separator


def test_emoji_separator_inside_the_article_is_dropped_not_a_heading() -> None:
    article = parse("عنوان المنشور\n" + PARA + "\n〰️〰️〰️〰️\n" + PARA2 + "\n")
    assert headings(article) == [] and paragraphs(article) == [PARA, PARA2]
    assert kinds(article)[3] == ["drop-separator"]


# --- head furniture of social posts, newsletters, interviews, Q&A sites ---------------------------

@pytest.mark.parametrize(("line", "kind"), [
    ("٣ س · 🌍", "date"), ("3h · 🌎", "date"), ("5 د", "date"), ("2d", "date"),
    ("أجرى الحوار: خالد يوسف", "byline"), ("حاورته: سلمى العلي", "byline"), ("Interview by Sara Ali", "byline"),
    ("طُرح منذ 3 أيام", "date"), ("Asked 3 days ago", "date"), ("شوهد 1,204 مرة", "counter"),
])
def test_platform_furniture_classes(line: str, kind: str) -> None:
    found = classify(line)
    assert found is not None and found.kind == kind, (line, found)


@pytest.mark.parametrize("line", [
    "3 سنوات", "٥ دول عربية", "أجرى الحوار معه الصحفي في القاهرة أمس", "حاوره الصحفي عن مشروعه",
    "طرح الوزير خطته أمس", "شوهد الطفل آخر مرة قرب المدرسة", "🌍 · ❤",
])
def test_article_lines_like_platform_furniture_are_not(line: str) -> None:
    assert classify(line) is None, line


def test_facebook_page_post_head() -> None:
    article = parse("جمعية أصدقاء البيئة - عمّان\n٣ س · 🌍\nحملة تنظيف وادي شعيب: ماذا وجدنا\n" + PARA + "\n"
                    + PARA2 + "\nعرض الترجمة\n👍❤️ ٢٫٣ ألف\n")
    assert article.title == "حملة تنظيف وادي شعيب: ماذا وجدنا"
    assert paragraphs(article) == [PARA, PARA2]
    assert kinds(article)[1] == ["drop-furniture"] and kinds(article)[2] == ["drop-furniture"]
    assert "translation button" in next(r.detail for r in article.repairs if r.line == 6)


def test_thread_post_numbers_and_view_labels() -> None:
    article = parse("لماذا ترتفع أسعار الخبز؟ سلسلة قصيرة\n1/3\nترجمة المنشور\n10:42 ص · 14 مارس 2025\n48.2 ألف\n"
                    "مشاهدة\n" + PARA + "\n2/3\n" + PARA2 + "\n3/3\n" + PARA + "\n")
    assert article.title == "لماذا ترتفع أسعار الخبز؟" and article.metadata.date == "2025-03-14"
    assert headings(article) == [] and paragraphs(article) == [PARA, PARA2, PARA]
    detail = {r.line: r.detail for r in article.repairs}
    assert "a post of a thread" in detail[2] and "a post of a thread" in detail[8]
    assert "translation button" in detail[3] and "label of a count" in detail[6]


def test_newsletter_name_subtitle_and_subscribe_above_the_byline() -> None:
    article = parse("نشرة المدينة\nالمدن العربية تفقد أشجارها بصمت\nما تقوله صور الأقمار الصناعية عن شوارعنا\n"
                    "Subscribe\nسارة الحمدان\n٢٢ فبراير ٢٠٢٥\n42\nShare\n" + PARA + "\n" + PARA2 + "\n")
    assert article.title == "المدن العربية تفقد أشجارها بصمت"
    assert article.subtitle is not None and article.subtitle.text == "ما تقوله صور الأقمار الصناعية عن شوارعنا"
    assert article.metadata.author == "سارة الحمدان" and article.metadata.date == "2025-02-22"
    assert paragraphs(article) == [PARA, PARA2]


def test_a_short_headline_over_a_subtitle_without_a_byline_keeps_its_first_line() -> None:
    # no date or byline under the subtitle: "نشرة المدينة" may be the article's own title
    article = parse("نشرة المدينة\nالمدن العربية تفقد أشجارها بصمت\n" + PARA + "\n" + PARA2 + "\n")
    assert article.title == "نشرة المدينة"


def test_interview_byline_gives_the_author() -> None:
    article = parse("حوار مع المهندسة ريم الخطيب\nأجرى الحوار: خالد يوسف\n" + PARA + "\nس: كيف بدأت الفكرة؟\n"
                    "ج: " + PARA2 + "\n")
    assert article.metadata.author == "خالد يوسف"
    assert headings(article) == ["س: كيف بدأت الفكرة؟"]


def test_qa_site_menu_and_question_head() -> None:
    article = parse("مجتمع أسئلة البستنة\nالرئيسية\nالأسئلة\nالوسوم\nلماذا تصفر أوراق الليمون في الشتاء؟\n"
                    "طُرح منذ 3 أيام\nشوهد 1,204 مرة\n" + PARA + "\nأفضل إجابة\n15\n" + PARA2 + "\n" + PARA + "\n"
                    + PARA2 + "\nأجاب منذ يومين\nم. فراس العمر\nأضف إجابتك\n")
    assert article.title == "لماذا تصفر أوراق الليمون في الشتاء؟"
    assert all(line in kinds(article) for line in (1, 2, 3, 4, 6, 7))
    # the answer stays: an answer's date ("أجاب منذ يومين") is not furniture, so it never pulls the answer
    # into the footer (furniture left in, never prose dropped)
    assert paragraphs(article)[-4:] == [PARA2, PARA, PARA2, "أجاب منذ يومين"]


# --- a report's numbered sections ------------------------------------------------------------------

def test_numbered_sections_are_headings() -> None:
    article = parse("تقرير القراءة\n1. مقدمة\n" + PARA + "\n2. المنهجية\n2.1 العينة\n" + PARA2 + "\n2.2 أداة البحث\n"
                    + PARA + "\n3.2 الوسائط\n" + PARA2 + "\n")
    assert headings(article) == ["1. مقدمة", "2. المنهجية", "2.1 العينة", "2.2 أداة البحث", "3.2 الوسائط"]
    assert sum("numbered section heading" in r.detail for r in article.repairs) == 3


def test_one_figure_line_is_not_a_section_heading() -> None:
    article = parse("تقرير الموازنة\n" + PARA + "\n1.5 مليون\n" + PARA2 + "\n")
    assert "1.5 مليون" not in headings(article)


def test_three_sentence_lines_between_footer_furniture_are_the_articles() -> None:
    # a count above and an author's name below: one or two sentence lines between them are a bio or a
    # comment and go with the footer; three in a row are article paragraphs and stay
    three = parse("عنوان المقالة\n" + PARA + "\n15\n" + PARA2 + "\n" + PARA + "\n" + PARA2 + "\nم. فراس العمر\n")
    assert paragraphs(three) == [PARA, "15", PARA2, PARA, PARA2]
    two = parse("عنوان المقالة\n" + PARA + "\n15\n" + PARA2 + "\n" + PARA + "\nم. فراس العمر\n")
    assert paragraphs(two) == [PARA]
    assert [r.kind for r in two.repairs if r.line in (4, 5)] == ["drop-footer", "drop-footer"]


# --- photo captions with credits, a running head standing once (lead's new-user trial) -----------

@pytest.mark.parametrize("line", [
    "صورة: حقل الألواح الشمسية المغذي لمحطة الحصوة (تصوير: ليلى منصور/ بوابة الخليج)",
    "الصورة: متظاهرون أمام البرلمان (رويترز)",
    "حقل الألواح الشمسية قرب المحطة (تصوير: سامي خليل)",
    "Photo: the plant at dawn (Photo: AFP)",
])
def test_captions_with_their_credit_are_dropped_wherever_they_stand(line: str) -> None:
    article = parse("عنوان المقالة\n" + PARA + "\n" + line + "\n" + PARA2 + "\n")
    assert paragraphs(article) == [PARA, PARA2]
    [repair] = [r for r in article.repairs if r.line == 3]
    assert repair.kind == "drop-furniture" and "photo c" in repair.detail and repair.dropped == line


@pytest.mark.parametrize("line", [
    "وقال الوزير إن المشروع سيكتمل العام المقبل (رويترز)",  # a sentence with an agency: no caption opener
    "وأكد التقرير ذلك في فصله الثالث (تصوير: الباحثين).",  # ends a sentence
    "تقنيات التصوير الحديثة (الجزء الثاني)",  # a heading with a parenthesis
])
def test_lines_with_a_parenthesis_that_are_not_captions_stay(line: str) -> None:
    article = parse("عنوان المقالة\n" + PARA + "\n" + line + "\n" + PARA2 + "\n")
    assert any(line.rstrip(".") in text for text in [*paragraphs(article), *headings(article)])
    assert not any(r.kind == "drop-furniture" for r in article.repairs)


def test_a_caption_without_credit_stays_and_is_reported() -> None:
    article = parse("عنوان المقالة\n" + PARA + "\nالصورة: مشهد من سوق المدينة القديمة\n" + PARA2 + "\n")
    assert "الصورة: مشهد من سوق المدينة القديمة" in paragraphs(article) + headings(article)
    assert next(r.kind for r in article.repairs if r.line == 3) == "kept-boilerplate-like"


def test_a_line_standing_once_above_a_page_line_is_kept_and_reported() -> None:
    article = parse("عنوان التقرير\n" + PARA + "\nتقرير التعليم الرقمي 2025\n- 7 -\nثالثًا: التوصيات\n" + PARA2 + "\n")
    assert "تقرير التعليم الرقمي 2025" in paragraphs(article) + headings(article)
    report = {r.line: r for r in article.repairs}
    assert report[3].kind == "kept-boilerplate-like" and "running head" in report[3].detail
    assert report[4].kind == "drop-boilerplate"
    # a heading right under a page line, and a short line above a count (a post's likes), are not suspects
    below = parse("عنوان التقرير\n" + PARA + "\nصفحة 1 من 3\nثانياً: الأهداف\n" + PARA2 + "\n")
    assert not any(r.kind == "kept-boilerplate-like" for r in below.repairs)
    count = parse("عنوان المنشور\n" + PARA + "\n" + PARA2 + "\nأبوك\n124\n")
    assert not any("running head" in r.detail for r in count.repairs)
