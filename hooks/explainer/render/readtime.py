"""Reading time of a page: words divided by a per-language silent reading rate.

Rates (words per minute, adults reading standardized texts silently) come from the
International Reading Speed Texts study: Trauzettel-Klosinski, S. & Dietz, K. (2012),
"Standardized Assessment of Reading Performance: The New International Reading Speed
Texts IReST", *Investigative Ophthalmology & Visual Science* 53(9), 5452-5461, which
measured 17 languages with the same texts: Arabic 138 wpm, English 228 wpm. Arabic is
slower per word because its words carry attached clitics (one Arabic word often
stands for two or three English ones).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from fractions import Fraction

from babel.units import format_unit

from explainer.cldr import locale
from explainer.text import COUNT_JOINERS, word_pattern

#: Default reading speeds (words per minute); ``extra.explainer.reading_speeds`` in mkdocs.yml sets others.
WORDS_PER_MINUTE = {"ar": 138, "en": 228}
DEFAULT_WORDS_PER_MINUTE = 200  # a language the study did not measure
_WORD_RE = word_pattern(COUNT_JOINERS)


def count_words(texts: Iterable[str]) -> int:
    """Number of words in ``texts``: :func:`explainer.text.words` joined by inner hyphens and apostrophes.

    A word's tashkeel is part of it (``مرحبًا`` is one word).

    >>> count_words(["DeepSeek-R1 هو نموذج", "it's new", "مرحبًا"])
    6
    """
    return sum(len(_WORD_RE.findall(text)) for text in texts)


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes to read ``words`` words at ``words_per_minute``, rounded up, at least 1.

    >>> reading_minutes(300, WORDS_PER_MINUTE["ar"]), reading_minutes(300, WORDS_PER_MINUTE["en"])
    (3, 2)
    """
    return max(1, math.ceil(words / words_per_minute))


def mixed_reading_minutes(texts: Iterable[tuple[str, str]], speed: Callable[[str], int]) -> int:
    """Whole minutes to read ``(text, lang)`` pieces, each at its own language's ``speed(lang)``, rounded up, at least 1.

    A page mixing languages (an English page showing untranslated passages in Arabic) is
    read at each passage's speed: the minutes add up before rounding.

    >>> mixed_reading_minutes([("word " * 228, "en"), ("كلمة " * 138, "ar")], {"ar": 138, "en": 228}.get)
    2
    """
    words: dict[str, int] = {}
    for text, lang in texts:
        words[lang] = words.get(lang, 0) + count_words([text])
    return max(1, math.ceil(sum(Fraction(count, speed(lang)) for lang, count in words.items())))


def format_minutes(minutes: int, lang: str) -> str:
    """``minutes`` as CLDR long duration in ``lang`` with its plural form (Babel).

    >>> format_minutes(3, "en"), format_minutes(3, "ar")
    ('3 minutes', '3 دقائق')
    """
    return format_unit(minutes, "duration-minute", length="long", locale=locale(lang), numbering_system="latn")
