"""Bidi isolation (explainer.render.bidi): which runs get isolated, and that text stays text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from explainer.ingest.decode import normalize_text
from explainer.ingest.parse import parse_article
from explainer.render.bidi import bidi_runs, isolate_html
from explainer.translate.catalog import Translation

from .helpers import article_html
from .test_render import HOSTILE


def _isolated(text: str, base_dir: str) -> list[tuple[str, str]]:
    return [(r.text, r.kind) for r in bidi_runs(text, base_dir) if r.direction]


@pytest.mark.parametrize(("text", "expected"), [
    ("أطلقوا نموذج DeepSeek-R1 الخاص بهم.", [("DeepSeek-R1", "latin")]),
    ("قال Liang Wenfeng إن", [("Liang Wenfeng", "latin")]),
    ("شركات OpenAI، Google، Meta", [("OpenAI", "latin"), ("Google", "latin"), ("Meta", "latin")]),
    ("نموذج GPT 4 وبعده", [("GPT 4", "latin")]),
    ("عام 2025 DeepSeek", [("2025", "number"), ("DeepSeek", "latin")]),
    ("لغة C++ وC#.", [("C++", "latin"), ("C#", "latin")]),
    ("نحو 10,000 شريحة و20% و$5 و12:30", [("10,000", "number"), ("20%", "number"), ("$5", "number"),
                                          ("12:30", "number")]),
    ("زوروا https://example.com/a_(b)?x=1. الآن", [("https://example.com/a_(b)?x=1", "url")]),
    ("راسلونا على info@example.org، شكرًا", [("info@example.org", "email")]),
    ("نفذ `pip install x` ثم", [("`pip install x`", "code")]),
    ("شركة (OpenAI) الأمريكية", [("OpenAI", "latin")]),
    # code-like text quoted in Arabic stays one isolate, so its brackets keep their order
    ("نص خطير <script>alert(1)</script> و {{ x }} و", [("<script>alert(1)</script>", "markup"),
                                                    ("{{ x }}", "markup")]),
    ("الرابط [a](javascript:alert(1)) و <img src=x onerror=alert(2)>.", [
        ("[a](javascript:alert(1))", "markup"), ("<img src=x onerror=alert(2)>", "markup")]),
    # the colon after the Arabic word stays outside (a sentence mark of the Arabic, not of the quoted code)
    ("القوالب في المواقع الثابتة: {{ config }} وما بعدها", [("{{ config }}", "markup")]),
    ("نص عربي خالص بلا أرقام", []),
    ("٢٠٢٤ بالأرقام الهندية", []),
])
def test_runs_isolated_in_arabic_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert _isolated(text, "rtl") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The word الذَّكَاءُ الاصطناعي means AI.", [("الذَّكَاءُ الاصطناعي", "arabic")]),
    ("He asked «ما هذا؟» twice.", [("ما هذا؟", "arabic")]),
    ("In «عام 2025 م» they", [("عام 2025 م", "arabic")]),
    ("Released on 20 January, see https://x.test/a.", []),  # left-to-right already
    ("Run `ls -l` now", [("`ls -l`", "code")]),
])
def test_runs_isolated_in_english_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert _isolated(text, "ltr") == expected


@pytest.mark.parametrize("text", HOSTILE + ["DeepSeek-R1 في 20 يناير", "a.b@x.org <https://x.y/?a=1&b=2>",
                                            "Arabic عربي mixed ١٢٣ 456 `c`"])
@pytest.mark.parametrize("base_dir", ["rtl", "ltr"])
def test_text_round_trips_and_only_bdi_is_added(text: str, base_dir: str) -> None:
    assert "".join(r.text for r in bidi_runs(text, base_dir)) == text
    page = BeautifulSoup(f"<p>{isolate_html(text, base_dir)}</p>", "lxml")
    assert page.p.get_text() == text
    for element in page.p.find_all():
        assert element.name == "bdi"
        assert set(element.attrs) <= {"dir", "lang"}


def test_bad_base_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="base_dir must be"):
        bidi_runs("x", "up")


def test_rendered_pages_isolate_latin_in_arabic_and_arabic_in_english() -> None:
    article = parse_article(normalize_text("مقدمة عن DeepSeek-R1.\n- عنوان عن OpenAI\nفقرة فيها 10,000 شريحة."),
                            path="s.txt", slug="x")
    ar = article_html(article, "ar")
    assert [(b.get_text(), b["dir"]) for b in ar.select("#title bdi, #s1 bdi, #s1-p1 bdi")] == [
        ("DeepSeek-R1", "ltr"), ("OpenAI", "ltr"), ("10,000", "ltr")]
    en = article_html(article, "en", lambda m: Translation(f"Text quoting «{m[:5]}» here", False))
    quoted = en.select("#s1-p1 bdi")
    assert [(b.get_text(), b["dir"], b["lang"]) for b in quoted] == [("فقرة", "rtl", "ar")]
