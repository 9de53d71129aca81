"""Locale facts come from CLDR (Babel): names, directions, month names of every Arabic locale, lists."""

from __future__ import annotations

import pytest

from explainer import cldr
from explainer.ingest.parse import parse_article
from explainer.render.facts import extract_candidates


def test_language_names_and_directions() -> None:
    assert [cldr.language_name(lang) for lang in ("ar", "en", "fr")] == ["العربية", "English", "français"]
    assert [cldr.direction(lang) for lang in ("ar", "en", "fa", "he")] == ["rtl", "ltr", "rtl", "rtl"]
    with pytest.raises(ValueError, match="'xx-nope' is not a language CLDR knows"):
        cldr.direction("xx-nope")


@pytest.mark.parametrize(("sentence", "key"), [
    ("وقع ذلك في 14 جويلية 2024 في تونس.", "date:2024-07-14"),        # Algeria, Tunisia
    ("وقع ذلك في 3 غشت 2023 في الرباط.", "date:2023-08-03"),          # Morocco
    ("وقع ذلك في 9 شتنبر في الرباط.", "date:--09-09"),               # Morocco, no year
    ("وقع ذلك في 20 كانون الثاني 2025 في دمشق.", "date:2025-01-20"),  # the Levant
    ("وقع ذلك في 5 يونيه 2022 في القاهرة.", "date:2022-06-05"),       # Egypt, outside CLDR
    ("وقع ذلك في 5 دجمبر 2022 في نواكشوط.", "date:2022-12-05"),       # Mauritania
])
def test_key_facts_read_the_month_names_of_every_arabic_locale(sentence: str, key: str) -> None:
    article = parse_article(f"عنوان\n{sentence}\n", path="x.txt", slug="x")
    assert key in [fact.key for fact in extract_candidates(article)]


def test_lists_are_joined_as_each_language_joins_them() -> None:
    assert cldr.format_list(["<a>أ</a>", "<a>ب</a>"], "ar") == "<a>أ</a> و<a>ب</a>"
    assert cldr.format_list(["a", "b", "c"], "en") == "a, b, and c"
    assert cldr.format_list(["a"], "en") == "a" and cldr.format_list([], "en") == ""
