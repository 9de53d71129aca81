"""Real-world pastes on the built site: each class of issue 11, checked on the HTML of a real build.

The seeds are corpus cases (``tests/corpus/``) written to look like pastes from news sites,
Blogger, WordPress, Medium, Facebook, PDF copies and Word; one project holds them all and is
built once with ``mkdocs build`` (not strict: some of them are meant to warn).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.ingest.decode import normalize_seed
from explainer.ingest.parse import parse_article
from explainer.translate.segment import article_units

from .conftest import make_project, run_build
from .helpers import letters, soup

CORPUS = Path(__file__).resolve().parent / "corpus"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PASTES = ["news-sport-header", "news-economy-breadcrumb", "news-question-subtitle", "news-english-ui",
          "blogger-recipe-comments", "wordpress-listicle-tips", "wordpress-english-footer", "medium-english-ui",
          "facebook-note", "pdf-report-wrapped", "word-paste-ordinal-headings", "title-short-plus-subtitle",
          "title-derived-short-first-sentence", "title-metadata-wins", "glued-headings-plain-lines",
          "listicle-and-list", "footer-unknown-line-between-known", "odd-english-only", "odd-mixed-encoding",
          "news-bbc-byline-above-date", "news-aljazeera-share-row", "facebook-post-name-date-icon",
          "medium-latin-tags", "news-hespress-comments", "wordpress-comment-form-author-box", "ending-short-lines-kept",
          "ending-ingredients-kept", "news-credits-ads-inside", "knowledge-mawdoo3-related-toc",
          "pdf-running-head-page-numbers"]
FACTS_SEED = ("تقرير الطقس والأسواق\n"
              "انخفضت الحرارة في مدينة إفران إلى −40 درجة مئوية في شتاء قاس، وارتفع التضخم بنسبة 7.2% خلال العام، "
              "وباع المصنع ٣٥٠٠ سيارة من الطراز الجديد. وقالت Ursula von der Leyen إن الاتحاد سيساعد المزارعين، "
              "بعد أن سجل الميزان التجاري −120 مليون دولار في الربع الأول.\n")


@pytest.fixture(scope="module")
def pastes(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("pastes")
    seeds: dict[str, bytes | str] = {f"{name}.txt": (CORPUS / f"{name}.txt").read_bytes() for name in PASTES}
    seeds["weather-facts.txt"] = FACTS_SEED
    seeds["dates-a.txt"] = (CORPUS / "odd-duplicate-titles/dates-market.txt").read_bytes()
    seeds["dates-b.txt"] = (CORPUS / "odd-duplicate-titles/dates-market-2024.txt").read_bytes()
    project = make_project(base, seeds=seeds)
    build = run_build(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    return build


def _page(build, slug: str, lang: str = "ar"):
    return soup(build.site / (f"{slug}/index.html" if lang == "ar" else f"{lang}/{slug}/index.html"))


def _body(page) -> str:
    return " ".join(el.get_text(" ") for el in page.select("article [id^=s], article #lede, article #subtitle"))


# --- 1. header lines before the headline ---------------------------------------------------------

@pytest.mark.parametrize(("slug", "title", "gone", "author", "date_ar", "date_en"), [
    ("news-sport-header", "الهلال يقلب الطاولة على النصر في ديربي الرياض",
     ["رياضة", "09:15", "كتب -", "وقت القراءة"], "محمد العتيبي", "3 أبريل 2025", "April 3, 2025"),
    ("news-economy-breadcrumb", "التضخم في مصر يتراجع للشهر الثالث على التوالي",
     ["الرئيسية", "آخر تحديث", "بقلم"], "د. سارة خالد", "4 أبريل 2025", "April 4, 2025"),
    ("news-english-ui", "شركات ناشئة عربية تدخل سباق الرقائق الإلكترونية",
     ["Technology", "5 min read", "Apr 3"], "Omar Haddad", "3 أبريل 2025", "April 3, 2025"),
    ("medium-english-ui", "ما الذي تعلمته من إدارة فريق عن بعد لخمس سنوات",
     ["Member-only", "Follow", "6 min read", "Listen"], "Layla Mansour", "3 أبريل 2025", "April 3, 2025"),
])
def test_header_lines_leave_the_body_and_feed_the_byline(pastes, slug: str, title: str, gone: list[str],
                                                          author: str, date_ar: str, date_en: str) -> None:
    ar = _page(pastes, slug)
    assert ar.select_one("h1#title").get_text().strip() == title
    body = _body(ar)
    for text in gone:
        assert text not in body, text
    byline = ar.select_one(".ex-byline")
    assert byline.select_one("bdi").get_text() == author and date_ar in byline.get_text()
    en = _page(pastes, slug, "en").select_one(".ex-byline")
    assert f"By {author}" in en.get_text() and f"Published {date_en}" in en.get_text()
    assert f"seeds/{slug}.txt:" in pastes.log and "dropped a" in pastes.log


@pytest.mark.parametrize(("slug", "title", "subtitle", "gone"), [
    ("news-bbc-byline-above-date", "لماذا نستيقظ في الثالثة فجرًا؟", "ما يقوله العلم عن الأرق الليلي",
     ["سلمى خطاب", "بي بي سي", "قبل 3 ساعات", "Getty"]),
    ("news-aljazeera-share-row", "أسعار القمح تقفز بعد موجة حر تضرب حقول أوروبا", None,
     ["اقتصاد", "آخر تحديث", "توقيت مكة", "رويترز"]),
    ("facebook-post-name-date-icon", "جدتي والخبز", None, ["منى الشريف", "١٠:٣٠", "🌍", "٨٧ تعليقًا"]),
])
def test_labels_names_and_credits_above_a_dated_headline(pastes, slug: str, title: str, subtitle: str | None,
                                                          gone: list[str]) -> None:
    page = _page(pastes, slug)
    assert page.select_one("h1#title").get_text().strip() == title
    shown = page.select_one("#subtitle")
    assert (shown.get_text() if shown else None) == subtitle
    body = _body(page)
    for text in gone:
        assert text not in body, text


def test_credits_and_ad_labels_inside_the_article_go_and_the_paragraphs_stay(pastes) -> None:
    page = _page(pastes, "news-credits-ads-inside")
    assert page.select_one("h1#title").get_text().strip() == "أوبك+ تتفق على زيادة الإنتاج اعتبارًا من سبتمبر"
    body = _body(page)
    assert "(رويترز)" not in body and "إعلان" not in body.split() and "الكلمات المفتاحية" not in body
    paragraphs = [p.get_text() for p in page.select("article p[id^=s], article p#lede")]
    assert len(paragraphs) == 4 and paragraphs[-1].startswith("ويتوقع محللون")


def test_tables_of_contents_and_running_heads_go_the_headings_stay(pastes) -> None:
    toc = _page(pastes, "knowledge-mawdoo3-related-toc")
    assert [h.get_text().strip() for h in toc.select("article h2[id^=s]")] == [
        "فوائد الزنجبيل للهضم", "الزنجبيل ونزلات البرد", "محاذير الاستخدام"]
    article = toc.select_one("article").get_text(" ")
    assert article.count("فوائد الزنجبيل للهضم") == 1 and "محتويات" not in article and "ذات صلة" not in article
    assert toc.select_one(".ex-byline bdi").get_text() == "ريم الخطيب"
    pdf = _page(pastes, "pdf-running-head-page-numbers")
    assert pdf.select_one("h1#title").get_text().strip() == "التوسع العمراني وتآكل الأراضي الزراعية في دلتا النيل"
    assert "مجلة الدراسات" not in pdf.select_one("article").get_text()
    assert [h.get_text().strip() for h in pdf.select("article h2[id^=s]")] == ["الملخص", "المقدمة"]
    first = pdf.select_one("#s1-p1").get_text()
    assert first.startswith("تتناول هذه الدراسة") and first.endswith("بيانات التعداد السكاني.")


def test_metadata_title_wins_and_header_lines_still_leave(pastes) -> None:
    page = _page(pastes, "title-metadata-wins")
    assert page.select_one("h1#title").get_text().strip() == "انتخابات بلدية في تونس بمشاركة ضعيفة"
    assert page.select_one("#subtitle").get_text() == "تونس تصوت في انتخابات بلدية وسط عزوف واسع"
    body = _body(page)
    assert "سياسة" not in body and "الأحد 9 مارس" not in body and "هدى الماجري" not in body
    assert page.select_one(".ex-byline bdi").get_text() == "وكالة الأنباء"  # the metadata author is kept


# --- 2. footers and related-content blocks -------------------------------------------------------

@pytest.mark.parametrize(("slug", "gone", "last"), [
    ("news-sport-header", ["اقرأ أيضًا", "الاتحاد يتعثر", "الوسوم", "جميع الحقوق"], "وإن التبديلات"),
    ("blogger-recipe-comments", ["مرسلة بواسطة", "رسالة أحدث", "تعليقات", "جربتها اليوم", "بالهناء"], "السكر الناعم"),
    ("wordpress-english-footer", ["Share this", "Twitter", "WhatsApp", "Related", "Leave a Reply"], "الأصحاء"),
    ("medium-english-ui", ["1.2K", "Followers", "Engineering manager", "More from", "Help Status"], "مبكرًا"),
    ("facebook-note", ["#حمص", "أعجبني", "214", "تعليقًا"], "كلما فتحته"),
    ("footer-unknown-line-between-known", ["شارك هذا", "فريق تحرير", "التصنيفات"], "من قدرتها"),
    ("news-aljazeera-share-row", ["المصدر", "الجزيرة", "شارك", "فيسبوك", "واتساب", "لينكدإن", "مناقصة"], "قبل الشتاء"),
    ("medium-latin-tags", ["Programming", "Career Change", "Python", "Followers", "Accountant"], "لا عبئًا"),
    ("news-hespress-comments", ["التعليقات", "أضف تعليق", "مواطن", "الكارثة", "نفس المشكل"], "قبل عامين"),
    ("wordpress-comment-form-author-box", ["شارك هذه", "فيسبوك", "عن الكاتب", "محمص قهوة", "احفظ اسمي", "الموقع"],
     "ذوقك هو الحكم"),
    ("ending-short-lines-kept", ["124", "أعجبني"], "أبوك"),  # short closing lines above a post's likes stay
    ("ending-ingredients-kept", ["شارك هذا", "فيسبوك"], "بالهناء والشفاء"),
])
def test_footer_lines_are_dropped_but_the_last_paragraph_stays(pastes, slug: str, gone: list[str], last: str) -> None:
    page = _page(pastes, slug)
    body = _body(page)
    for text in gone:
        assert text not in body, text
    paragraphs = page.select("article p[id^=s], article p#lede")
    assert last in paragraphs[-1].get_text()


def test_every_dropped_line_is_reported_and_no_word_is_lost(pastes) -> None:
    assert "missing from the Arabic page" not in pastes.log
    for line in ("'فريق تحرير موقع طاقة الغد'", "'جربتها اليوم وطلعت رائعة، شكرا على الشرح الواضح.'", "'WhatsApp'"):
        assert line in pastes.log, line


# --- 3. title forms --------------------------------------------------------------------------------

@pytest.mark.parametrize(("slug", "title", "subtitle"), [
    ("news-question-subtitle", "هل يقي الصيام المتقطع من أمراض القلب؟", "دراسة جديدة تراجع الأدلة"),
    ("title-short-plus-subtitle", "خبز الصاج", "حكاية رغيف يخبز على قبة من الحديد منذ مئات السنين"),
])
def test_title_and_subtitle(pastes, slug: str, title: str, subtitle: str) -> None:
    page = _page(pastes, slug)
    assert page.select_one("h1#title").get_text().strip() == title
    sub = page.select_one("article p#subtitle.ex-subtitle")
    assert sub.get_text() == subtitle
    assert subtitle not in page.select_one("#lede").get_text() and title not in page.select_one("#lede").get_text()
    en = _page(pastes, slug, "en").select_one("article p#subtitle")
    assert (en.get("lang"), en.get_text()) == ("ar", subtitle)  # untranslated: the Arabic, marked


def test_derived_title_is_printed_once(pastes) -> None:
    page = _page(pastes, "title-derived-short-first-sentence")
    assert page.select_one("h1#title").get_text().strip() == "انتهى عصر الأقراص المدمجة"
    text = page.select_one("article").get_text(" ")
    assert text.count("انتهى عصر الأقراص المدمجة") == 1
    assert page.select_one("#lede").get_text().startswith("فبعد أن كانت رفوف المحلات")


def test_deepseek_title_is_not_repeated_in_the_lede(real_build) -> None:
    page = soup(real_build.site / "deepseek/index.html")
    title = page.select_one("h1#title").get_text().strip()
    assert title == "هناك طفل جديد وضع بالفعل الأساس ليصبح المنافس الجديد لـ OpenAI"
    assert letters(title) not in letters(page.select_one("#lede").get_text())
    assert [h.get("id") for h in page.select("article h2[id^=s]")] == ["s1", "s2"]


# --- 4. listicles ----------------------------------------------------------------------------------

def test_listicle_headings_keep_their_numbers_and_a_list_stays_a_list(pastes) -> None:
    tips = _page(pastes, "wordpress-listicle-tips")
    headings = [h.get_text().strip() for h in tips.select("article h2[id^=s]")]
    assert len(headings) == 7 and [h.split(".")[0] for h in headings] == [str(n) for n in range(1, 8)]
    assert headings[0] == "1. حدّث النظام دائمًا"
    mixed = _page(pastes, "listicle-and-list")
    assert [h.get_text().strip()[:2] for h in mixed.select("article h2[id^=s]")] == ["1.", "2.", "3."]
    items = mixed.select("#s2-l1 > li")
    assert mixed.select_one("#s2-l1").name == "ol" and len(items) == 3
    assert items[0].get_text() == "إطفاء الشاشات قبل النوم بساعة"


# --- 5. hard-wrapped text --------------------------------------------------------------------------

def test_hard_wrapped_lines_become_paragraphs_with_headings(pastes) -> None:
    page = _page(pastes, "pdf-report-wrapped")
    assert [h.get_text().strip() for h in page.select("article h2[id^=s]")] == [
        "ملخص", "أولًا: تراجع المنسوب", "ثانيًا: نوعية المياه", "التوصيات"]
    first = page.select_one("#s1-p1").get_text()
    assert first.startswith("يعتمد الأردن") and first.endswith("إلى مستويات تثير القلق.")
    assert len(page.select("article p[id^=s]")) == 6
    assert "- 2 -" not in page.select_one("article").get_text()  # the page number
    assert pastes.log.count("seeds/pdf-report-wrapped.txt:1: joined hard-wrapped lines") == 1


def test_one_paragraph_per_line_seeds_are_never_joined(real_build) -> None:
    page = soup(real_build.site / "deepseek/index.html")
    assert len(page.select("article p[id^=s]")) == 8
    assert "joined hard-wrapped" not in real_build.log


# --- 6. glued headings in every position -----------------------------------------------------------

def test_glued_headings_split_by_orthography(pastes) -> None:
    page = _page(pastes, "glued-headings-plain-lines")
    assert page.select_one("h1#title").get_text().strip() == "رحلة إلى واحة سيوة"
    assert page.select_one("#lede").get_text().startswith("تبدأ الرحلة من القاهرة")
    assert [h.get_text().strip() for h in page.select("article h2[id^=s]")] == [
        "مدينة شالي القديمة", "عين كليوباترا الكبرى"]
    assert "للمدينةالقديمة" in page.select_one("#s2-p2").get_text()  # a typo inside a sentence is left alone
    assert "'الكبرىيقصد': 'ى' is followed by a letter" in pastes.log


# --- 7. odd seeds ----------------------------------------------------------------------------------

def test_odd_seeds_are_warned_about(pastes) -> None:
    warnings = [line for line in pastes.log.splitlines() if line.startswith("WARNING")]
    assert any("seeds/odd-english-only.txt:1: seeds/odd-english-only.txt has no Arabic text" in w for w in warnings)
    assert any("seeds/dates-b.txt: has the same title as seeds/dates-a.txt" in w for w in warnings)
    assert any("seeds/odd-mixed-encoding.txt:3: the encoding changes at this line" in w for w in warnings)
    page = _page(pastes, "odd-mixed-encoding")
    text = page.select_one("article").get_text()
    assert "ويتوقع المنظمون" in text and not re.search("[\u00c0-\u00ff]|ط§|ظ„", text)


def test_odd_seeds_fail_a_strict_build(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"english.txt": (CORPUS / "odd-english-only.txt").read_bytes()})
    build = run_build(project, tmp_path / "out", strict=True)
    assert build.returncode == 1 and "has no Arabic text" in build.log


# --- 8. key facts ----------------------------------------------------------------------------------

def test_key_facts_keep_sign_decimals_digits_and_whole_names(pastes) -> None:
    ar = {row["data-key"]: row.dd.get_text() for row in _page(pastes, "weather-facts").select(".ex-fact")}
    en = {row["data-key"]: row.dd.get_text() for row in _page(pastes, "weather-facts", "en").select(".ex-fact")}
    assert ar["percent:7.2"] == "7.2%" and en["percent:7.2"] == "7.2%"
    assert ar["quantity:3500 سيارة"] == "٣٬٥٠٠ سيارة"  # the seed's own digits on the Arabic page
    assert en["quantity:3500 سيارة"].startswith("3,500")
    assert ar["name:Ursula von der Leyen"] == "Ursula von der Leyen"  # never cut to "Ursula"
    assert "quantity:-40 درجة" not in ar  # "40 درجة مئوية" would be cut mid-phrase: not shown without an editor
    assert "quantity:-120000000 دولار" not in ar  # dollars of what? a currency labels nothing: not shown on its own


def test_a_negative_amount_keeps_its_sign_when_shown() -> None:
    from explainer.render.facts import extract_candidates, format_value

    text, _ = normalize_seed(FACTS_SEED)
    fact = {f.key: f for f in extract_candidates(parse_article(text, path="x.txt", slug="x"))}["quantity:-120000000 دولار"]
    assert format_value(fact, "ar", lambda _msgid: None).text == "-120,000,000 دولار"  # as an editor's box shows it
    assert format_value(fact, "en", lambda _msgid: None).text.startswith("-120,000,000")


def test_fact_candidates_keep_the_sign() -> None:
    from explainer.render.facts import extract_candidates

    text, _ = normalize_seed(FACTS_SEED)
    keys = {fact.key: fact for fact in extract_candidates(parse_article(text, path="x.txt", slug="x"))}
    assert keys["quantity:-40 درجة"].number < 0 and not keys["quantity:-40 درجة"].reliable


def test_deepseek_units_keep_sections_and_translation(real_build) -> None:
    text, _ = normalize_seed((Path(__file__).resolve().parent.parent / "seeds/deepseek.txt").read_text("utf-8"))
    units = article_units(parse_article(text, path="seeds/deepseek.txt", slug="deepseek"))
    assert [u.segment_id for u in units][:3] == ["title", "lede", "s0-p1"] and len(units) == 12
    en = soup(real_build.site / "en/deepseek/index.html")
    assert not en.select(".ex-notice"), "the English mirror stays complete"
    assert en.select_one("#lede").get_text().startswith("A Chinese artificial intelligence start-up")


@pytest.mark.browser
@pytest.mark.parametrize(("path", "width"), [("news-question-subtitle/", 360), ("en/news-question-subtitle/", 360),
                                             ("wordpress-listicle-tips/", 1280), ("pdf-report-wrapped/", 360)])
def test_pastes_in_chromium(pastes, browser, path: str, width: int) -> None:
    from .browser import serve_directory

    with serve_directory(pastes.site) as url:
        page = browser.new_context(viewport={"width": width, "height": 800}).new_page()
        page.goto(url + path)
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), "horizontal scroll"
        title = page.locator("h1#title").bounding_box()
        below = page.locator("#subtitle, article h2").first.bounding_box()
        assert title and below and below["y"] >= title["y"] + title["height"] - 1  # the subtitle or heading sits under the title
        if "subtitle" in path:
            direction = page.evaluate("getComputedStyle(document.querySelector('#subtitle')).direction")
            assert direction == "rtl"  # Arabic (or the untranslated Arabic on the English page) reads right to left
        page.screenshot(path=str(ARTIFACTS / f"paste-{path.strip('/').replace('/', '-')}-{width}.png"))
        page.context.close()
