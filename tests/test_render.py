"""Stage 5: rendering keeps seed and catalog text as text."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from explainer.ingest.decode import normalize_text
from explainer.ingest.parse import parse_article
from explainer.render.export import escape_inline
from explainer.translate.catalog import Translation

from .helpers import article_html

HOSTILE = [
    "<script>alert(1)</script>",
    "**نجمة** _خط_ `شيفرة` [رابط](javascript:alert(1))",
    "{{ config.site_name }} {% if x %}y{% endif %}",
    "# ليس عنوانا {#id .cls onclick=x}",
    "<img src=x onerror=alert(1)> & &amp; &lt;",
    "1. ليس قائمة > ولا اقتباس",
    "\\*\\\\ مائل عكسي",
]


def test_escape_inline_round_trips_through_markdown() -> None:
    for text in HOSTILE:
        out = BeautifulSoup(markdown.markdown(escape_inline(text)), "lxml")
        assert out.get_text() == text
        assert [el.name for el in out.find_all()] == ["html", "body", "p"]


def test_hostile_seed_text_gives_no_elements_or_attributes() -> None:
    # Each text once (a plain seed: its literal text is shown), and each text twice (the Markdown
    # syntax on several lines makes it a Markdown paste, whose markup is taken out of the text:
    # explainer.ingest.markup); neither gives an element or an attribute.
    plain = "\n".join(["مقدمة المقالة هنا."] + [f"- عنوان {i}\n{t} فقرة." for i, t in enumerate(HOSTILE)])
    doubled = "\n".join(["مقدمة المقالة هنا."] + [f"- عنوان {t}\n{t} فقرة." for t in HOSTILE])
    for seed in (plain, doubled):
        article = parse_article(normalize_text(seed), path="seeds/x.txt", slug="x")
        for lang in ("ar", "en"):
            page = article_html(article, lang)
            names = {el.name for el in page.find_all()}
            assert names <= {"html", "body", "h1", "h2", "p", "ul", "ol", "li", "span", "a", "bdi", "div"}, names
            assert all("ex-pending" in div["class"] for div in page.find_all("div"))  # only the notices' groups
            for el in page.find_all():
                assert set(el.attrs) <= {"id", "class", "lang", "dir", "role", "href", "data-search-exclude",
                                         "aria-describedby"}, el.attrs
            for link in page.find_all("a"):  # only the page notice's link to the status page
                assert link["href"] == "../status/" and "ex-notice--page" in link.parent["class"]
            text = page.get_text()
            for t in HOSTILE if seed is plain else ():
                assert t.replace("\\", "") in text.replace("\\", "")


def test_hostile_msgstr_stays_text() -> None:
    article = parse_article(normalize_text("فقرة أولى.\n- عنوان\nفقرة ثانية."), path="s.txt", slug="x")
    evil = "<b onmouseover=x>bold</b> {{ x }} [a](javascript:y)"
    page = article_html(article, "en", lambda _m: Translation(evil, False))
    assert page.find("b") is None and page.find("a") is None
    assert evil in page.select_one("#s1-p1").get_text()


def test_untranslated_segment_shows_arabic_marked() -> None:
    article = parse_article(normalize_text("فقرة أولى.\n- عنوان\nفقرة ثانية."), path="s.txt", slug="x")
    page = article_html(article, "en", lambda _m: None)
    para = page.select_one("#s1-p1")
    assert (para.get("lang"), para.get("dir"), para.get_text()) == ("ar", "rtl", "فقرة ثانية.")
    assert para.find_previous_sibling("p").get_text() == "Not yet translated"
    assert "Nothing in this article has been translated yet" in page.get_text()


def test_fuzzy_heading_and_list_item_link_the_original() -> None:
    article = parse_article(normalize_text("فقرة أولى.\n- عنوان\nفقرة.\n- بند أول\n- بند ثان\nفقرة ثانية."), path="s.txt", slug="x")
    fuzzy = {"عنوان", "بند ثان"}
    page = article_html(article, "en", lambda m: Translation(f"EN {m}", m in fuzzy))
    assert [el.get("id") for el in page.select(".ex-fuzzy")] == ["s1", "s1-l1-i2"]
    links = [a["href"] for a in page.select(".ex-notice--fuzzy a, .ex-badge--fuzzy a")]  # the item's badge holds its link
    assert links == ["../../x/#s1", "../../x/#s1-l1-i2"]
    assert page.select_one("#s1").find_previous_sibling()["class"] == ["ex-notice", "ex-notice--fuzzy"]
    assert page.select_one("#s1-l1-i2 .ex-badge").get_text().startswith("Translation to be reviewed")
    # "فقرة أولى." has no title line: it is the title (and leaves the lede), 6 passages in all
    assert page.select_one(".ex-notice--page").get_text().startswith("4 of 6 passages")


def test_bidi_override_in_a_msgstr_never_reaches_the_page(tmp_path) -> None:
    from explainer.translate.catalog import load_translations

    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgctxt "x"\nmsgid "نص"\nmsgstr "Phase \u202eRTLO\u202c one\u200b"\n', "utf-8")
    assert load_translations(po)[("x", "نص")].text == "Phase RTLO one"
