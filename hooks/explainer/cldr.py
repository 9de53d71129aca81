"""Locale facts from the Unicode CLDR, through Babel: language names, text direction, months, lists.

Nothing here is a hand table: a language's endonym (``العربية``, ``English``), its writing
direction (CLDR ``layout/orientation``: ``rtl`` for Arabic), the Gregorian month names
of every Arabic locale CLDR knows and the way a language joins a list (``أ وب وج``,
``a, b, and c``) all come from the CLDR data that ships with Babel. The functions
are memoized (CLDR data does not change while a process runs).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from babel import Locale, UnknownLocaleError, localedata
from babel.dates import get_month_names
from babel.lists import format_list as _format_list

#: Month spellings in wide use that CLDR does not list: the Egyptian press writes June and
#: July ``يونيه`` and ``يوليه`` (CLDR's ``ar_EG`` has ``يونيو``, ``يوليو``).
MONTH_SPELLINGS_OUTSIDE_CLDR = {"يونيه": 6, "يوليه": 7}


@functools.lru_cache(maxsize=64)
def locale(lang: str) -> Locale:
    """The Babel :class:`~babel.Locale` of a BCP 47 language tag (``ar``, ``en``, ``pt-BR``).

    Raises ``ValueError`` naming the tag when CLDR does not know it.
    """
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"{lang!r} is not a language CLDR knows (use a BCP 47 code such as 'ar', 'en', 'fr')") from None


@functools.lru_cache(maxsize=64)
def language_name(lang: str) -> str:
    """The language's name in itself (CLDR), as a language switch shows it.

    >>> language_name("ar"), language_name("en")
    ('العربية', 'English')
    """
    return locale(lang).get_display_name(lang) or lang


@functools.lru_cache(maxsize=64)
def direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the language's character order (CLDR ``characterOrder``).

    >>> direction("ar"), direction("en")
    ('rtl', 'ltr')
    """
    return "rtl" if locale(lang).text_direction == "rtl" else "ltr"


@functools.lru_cache(maxsize=1)
def arabic_month_names() -> dict[str, int]:
    """Every Gregorian month name of every Arabic locale in CLDR, written as CLDR writes it -> month number.

    Covers Egypt and the Gulf (``يناير``), the Levant and Iraq (``كانون الثاني``, ``آب``),
    Morocco (``يوليوز``, ``غشت``, ``شتنبر``), Algeria and Tunisia (``جانفي``, ``جويلية``,
    ``أوت``) and Mauritania (``أغشت``, ``دجمبر``), in their format and stand-alone forms,
    plus :data:`MONTH_SPELLINGS_OUTSIDE_CLDR`.

    >>> names = arabic_month_names()
    >>> names["كانون الثاني"], names["جانفي"], names["غشت"], names["يونيه"]
    (1, 1, 8, 6)
    """
    found: dict[str, int] = {}
    for identifier in sorted(localedata.locale_identifiers()):
        if identifier != "ar" and not identifier.startswith("ar_"):
            continue
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale=identifier).items():
                found.setdefault(str(name), int(number))
    for name, number in MONTH_SPELLINGS_OUTSIDE_CLDR.items():
        found.setdefault(name, number)
    return found


def format_list(items: Sequence[str], lang: str) -> str:
    """``items`` joined as the language joins a list (CLDR list patterns, style "standard").

    The patterns only add separators and conjunctions, so items may be HTML.

    >>> format_list(["أ", "ب", "ج"], "ar"), format_list(["a", "b", "c"], "en")
    ('أ وب وج', 'a, b, and c')
    """
    if not items:
        return ""
    return _format_list(list(items), locale=locale(lang))
