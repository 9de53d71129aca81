"""Key facts: candidates extracted from the Arabic text, confirmed by an editor, shown in a box.

Extraction rules (general; nothing is specific to one article):

* **dates**: a day and an Arabic month name (CLDR's names in every Arabic locale:
  Egyptian/Gulf ``يناير`` ..., Levantine ``كانون الثاني`` ..., Maghrebi ``جانفي``/``يوليوز`` ...,
  see :func:`explainer.cldr.arabic_month_names`), with an optional four-digit year; a month
  with a year; ``عام``/``سنة`` + a year.
* **quantities**: a number (Latin or Arabic-Indic digits) with an optional multiplier
  word (``ألف``/``آلاف``, ``مليون``, ``مليار``) and the counted noun that follows it;
  percentages (``%``, ``٪``, ``في المائة``).
* **fractions**: ``نصف``, ``ثلث``, ``ربع`` anywhere; ``خمس سدس سبع ثمن تسع عشر`` only when
  written with a damma on the first letter (``عُشر``), because undotted they are also the
  numbers five ... ten or the word "price"; the fraction and the words that follow it up
  to punctuation, a relative pronoun or four words in all.
* **names**: runs of Latin-script words with a capital letter (``DeepSeek-R1``,
  ``Donald Trump``, ``iPhone``) and the Arabic spellings listed in ``data/gazetteer.yml``.

Each candidate gets a stable ``key`` (``date:--01-20`` in ISO 8601's year-less form,
``quantity:10000 شريحة``, ``fraction:عشر قوة الحوسبة``, ``name:Nvidia``). An editor
picks, orders, labels and adds facts in ``seeds/<name>.facts.yml``::

    facts:
      - key: date:--01-20          # a candidate, as printed by `explainer facts`
        label: تاريخ الإطلاق         # optional Arabic label (translated via the catalog)
      - text: فريق من حديثي التخرج   # a fact the extractor cannot find, in Arabic
        label: الفريق

Without that file the first :data:`MAX_AUTO_FACTS` candidates are shown. Labels,
counted nouns, fraction phrases, Arabic-script names and added texts of the shown facts
are gettext messages of the ``facts`` catalog (``locales/facts.pot``, msgctxt = article
slug), kept apart from the article catalogs so that curating facts never changes an
article's segments or its coverage. Numbers and dates are formatted with Babel
(CLDR) for the page's locale with Latin digits on every page (``numbering_system="latn"``),
the digits the seeds themselves use: ``10,000`` and ``20 يناير`` on the Arabic page,
``10,000`` and ``January 20`` on the English one.
"""

from __future__ import annotations

import datetime as _dt
import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from babel.dates import format_skeleton
from babel.numbers import UnsupportedNumberingSystemError, format_decimal, format_percent

from explainer.cldr import arabic_month_names, direction, locale
from explainer.errors import DataError
from explainer.ingest.sidefile import compose, line_of, mapping, sequence, text
from explainer.model import Article
from explainer.text import (
    ARABIC_SCALE_WORDS,
    ARABIC_WORD_RE,
    DAMMA,
    TASHKEEL,
    ascii_number_text,
    digit_system,
    fold_match_word,
    has_arabic,
    to_digits,
)
from explainer.textmatch import Phrase, PhraseMatcher
from explainer.translate.segment import Unit, article_units

FactKind = Literal["date", "quantity", "percent", "fraction", "name", "text"]
MAX_AUTO_FACTS = 8
FACTS_SUFFIX = ".facts.yml"
CATALOG = "facts"  # catalog of every article's fact texts: locales/facts.pot, msgctxt = article slug

_MONTHS = {fold_match_word(name): number for name, number in arabic_month_names().items()}  # CLDR, every Arabic locale
_MULTIPLIERS = {fold_match_word(word): value for word, value in ARABIC_SCALE_WORDS.items()}  # folded: الف الاف ...
_PERCENT_WORDS = tuple(fold_match_word(w) for w in ("في المئة", "في المائة", "بالمئة", "بالمائة"))
_STOP = {"من", "في", "على", "الي", "عن", "مع", "او", "و", "ثم", "التي", "الذي", "الذين", "اللتي", "هذا", "هذه",
         "ذلك", "تلك", "قد", "لقد", "كان", "كانت", "ان", "انه", "حيث", "حتي", "بعد", "قبل", "عام", "سنه",
         # prepositions and adverbs that follow a number without being what it counts ("4 ملايين بحلول")
         *(fold_match_word(word) for word in ("بحلول", "خلال", "منذ", "نحو", "حوالي", "فقط", "تقريبًا", "سنويًا",
                                              "يوميًا", "شهريًا", "أسبوعيًا", "مقابل", "لكل", "بينما", "فيما", "أي"))}
# Currencies and units of measure (time, length, area, mass, volume, power, temperature): after a number they
# say what it is measured in, not what it is ("1.2 دولار", "10 آلاف طن"): no label for an automatic key fact.
_MEASURE_UNITS = frozenset(fold_match_word(form) for unit in (
    "دولار", "دولارات", "يورو", "ريال", "ريالات", "جنيه", "جنيهات", "درهم", "دراهم", "دينار", "دنانير", "ليرة",
    "ليرات", "روبية", "ين", "يوان", "فرنك", "طن", "أطنان", "كيلوغرام", "كيلوجرام", "كغ", "كلغ", "غرام", "جرام",
    "كيلومتر", "كيلومترات", "كم", "متر", "أمتار", "سنتيمتر", "ملم", "ميل", "أميال", "هكتار", "دونم", "فدان",
    "لتر", "لترات", "برميل", "براميل", "ميغاواط", "ميجاوات", "ميغاوات", "ميجاواط", "كيلوواط", "غيغاواط",
    "جيجاوات", "واط", "درجة", "درجات", "دقيقة", "دقائق", "ساعة", "ساعات", "ثانية", "ثوان", "يوم", "أيام",
    "أسبوع", "أسابيع", "شهر", "أشهر", "سنة", "سنوات", "عام", "أعوام") for form in (unit, unit + "ًا"))
_RELATIVE = {"التي", "الذي", "الذين", "اللتي", "اللذين", "اللواتي"}
_FRACTIONS_PLAIN = {"نصف": 2, "ثلث": 3, "ربع": 4}
_FRACTIONS_DAMMA = {"خمس": 5, "سدس": 6, "سبع": 7, "ثمن": 8, "تسع": 9, "عشر": 10}
_DAMMA = DAMMA
_ARABIC_WORD_RE = ARABIC_WORD_RE
_YEAR_WORD_RE = re.compile(r"(?:و|ف)?(?P<prep>ب|ل|ك)?(?:ال|ل)?(?:عام|سنه)")  # folded عام / سنة with clitics
# Before "عام 2030": the year is a limit, a start or a span ("by", "until", "before", "since", "early in"),
# not the date of what the sentence tells.
_YEAR_LIMITS = frozenset(fold_match_word(word) for word in (
    "بحلول", "حتى", "قبل", "بعد", "منذ", "خلال", "طوال", "مطلع", "بداية", "نهاية", "أوائل", "أواخر", "منتصف",
    "مدى", "غضون", "عن"))
# A number standing alone, or after an attached و ف ب ل ("و40%"); never inside "R1" or "1.2.3".
# A number standing alone, or after an attached و ف ب ل ("و40%"), with its sign ("−40", "-3.5%") when a minus
# stands right before it after a space or at the start; never inside "R1", "1.2.3", "كوفيد-19" or a range "10-20".
_NUMBER_RE = re.compile(r"(?P<sign>(?<![\w.,٫٬\-−–])[-−–](?=\d))?(?<![.,٫٬\d])(?<![\w][-−–])(?<![^\W\dوفبل])"
                        r"(?P<num>\d+(?:[.,٫٬]\d+)*)(?![\w-])")
_WORD_RE = re.compile(rf"(?:[^\W\d_]|[{TASHKEEL}])+")  # letters and Arabic marks
# A whole run of Latin-script words (letters, digits, inner - . & ' +) joined by single spaces: a name is
# never cut out of a longer Latin run ("Ursula von der Leyen", "Claude 3 Opus").
_ISO_YEAR_RE = re.compile(r"(\d{4})-")  # the year of a metadata date (YYYY-MM-DD)
_LATIN_TOKEN = r"[A-Za-z0-9][A-Za-z0-9]*(?:[-.&'+][A-Za-z0-9]+)*\+*"
_LATIN_NAME_RE = re.compile(rf"(?<![A-Za-z0-9_\-.&'+]){_LATIN_TOKEN}(?: {_LATIN_TOKEN})*(?![\w-])")
_NAME_PARTICLES = frozenset(("von", "van", "der", "den", "de", "da", "del", "di", "du", "al", "el", "bin", "ibn",
                             "la", "le", "of", "and", "&", "y"))
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Fact:
    """A key fact: a candidate found in the text, or one added by an editor.

    ``text_ar`` is the span as written in the seed (or the editor's text);
    ``segment_id`` the block stating it (``""`` for added facts). Dates use
    ``day``/``month``/``year`` (any may be ``None``); quantities and percentages
    ``number`` (a :class:`~decimal.Decimal`, with its sign and decimals) and ``unit_ar``
    (the counted noun, possibly empty); names ``name`` (Latin-script name, if known) and
    ``name_kind``. ``digits`` is the CLDR numbering system of the seed's digits (``latn``,
    ``arab`` for ٠–٩, ``arabext``); ``reliable`` is False when the span may be cut from a
    longer phrase (a counted noun or fraction whose phrase goes on), and for a year that may not
    date an event (a limit or span, ``بحلول عام 2030``, ``حتى عام 2030``, ``لعام 2025``, or a year
    after the article's own date: a plan or a forecast): such a candidate is
    shown only when an editor confirms it. ``qualifier_ar`` and ``high`` keep what the text says of
    the value (``أقل من 28%``, ``بين 1500 و2500``); ``subject_ar`` is the definite noun a percentage
    is of (``28% من السكان``).
    """

    key: str
    kind: FactKind
    text_ar: str
    segment_id: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    number: Decimal | None = None
    unit_ar: str = ""
    name: str = ""
    name_kind: str = ""
    label_ar: str = ""
    line: int = 0
    digits: str = "latn"  # the seed's digits (CLDR numbering system): the Arabic page shows them
    reliable: bool = True  # its span surely is the whole fact (shown without an editor's file)
    qualifier_ar: str = ""  # the words before the number that qualify it, as written: "أقل من", "نحو"
    high: Decimal | None = None  # the upper end of a range (``number`` is the lower): "بين 1500 و2500"
    subject_ar: str = ""  # what a percentage is of ("28% من السكان" -> "السكان"), when the text says it


@dataclass(frozen=True)
class GazetteerEntry:
    """A known name: Latin-script ``name``, ``kind`` and Arabic spellings."""

    name: str
    kind: str
    spellings_ar: tuple[str, ...]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """The packaged gazetteer (``explainer/data/gazetteer.yml``)."""
    raw = yaml.safe_load(resources.files("explainer").joinpath("data/gazetteer.yml").read_text("utf-8")) or []
    return tuple(GazetteerEntry(str(e["name"]), str(e["kind"]), tuple(str(s) for s in e["ar"])) for e in raw)


@lru_cache(maxsize=1)
def _gazetteer_matcher() -> PhraseMatcher:
    return PhraseMatcher(Phrase(entry.name, spelling) for entry in gazetteer() for spelling in entry.spellings_ar)


def _to_decimal(digits: str) -> Decimal:
    """``10``, ``1,234.5``, ``١٢٫٥`` -> Decimal (``,``/``٬`` group, ``.``/``٫`` decimal).

    Raises ``ValueError`` for more than one decimal point (``1.2.3``).
    """
    plain = ascii_number_text(digits).replace(",", "")
    if plain.count(".") > 1:
        raise ValueError(f"not a number: {digits!r}")  # a version "1.2.3" or a dotted date
    return Decimal(plain)


def _next_words(text_value: str, start: int, count: int) -> list[re.Match[str]]:
    words = []
    for match in _WORD_RE.finditer(text_value, start):
        between = text_value[start:match.start()]
        if between.strip():  # punctuation or a number ends the phrase
            break
        words.append(match)
        start = match.end()
        if len(words) == count:
            break
    return words


def _month_at(text_value: str, start: int) -> tuple[int, int] | None:
    """(month, end offset) when a month name starts right after ``start`` (spaces skipped)."""
    words = _next_words(text_value, start, 2)
    for size in (2, 1):
        if len(words) >= size:
            name = fold_match_word(" ".join(w.group(0) for w in words[:size]))
            if name in _MONTHS:
                return _MONTHS[name], words[size - 1].end()
    return None


def _year_at(text_value: str, start: int) -> tuple[int, int] | None:
    match = re.compile(r"\s+(\d{4})(?![\w])").match(text_value, start)
    if match and 1000 <= int(_to_decimal(match.group(1))) <= 2999:
        return int(_to_decimal(match.group(1))), match.end()
    return None


def _date_key(day: int | None, month: int | None, year: int | None) -> str:
    """ISO 8601 forms: ``2025-01-20``, ``--01-20`` (no year), ``2025-01``, ``2025``."""
    if month is None:
        return f"date:{year:04d}"
    if day is None:
        return f"date:{year:04d}-{month:02d}"
    return f"date:{year:04d}-{month:02d}-{day:02d}" if year else f"date:--{month:02d}-{day:02d}"


def _ends_phrase(text_value: str, end: int) -> bool:
    """Does a phrase ending at ``end`` end there for sure: punctuation, a number, the end of the
    text, or a preposition / relative pronoun / particle after it (never a word that may continue it)?"""
    after = _next_words(text_value, end, 1)
    return not after or fold_match_word(after[0].group(0)) in _STOP


# Words before a number that qualify it (folded by fold_match_word when compared), longest first; an
# attached و ف ب ل may open them ("بأكثر من", "وحوالي").
QUALIFIERS = ("ما لا يقل عن", "ما لا يزيد على", "ما لا يزيد عن", "ما يزيد على", "ما يزيد عن", "ما يقرب من",
              "ما يقارب", "ما يصل إلى", "ما يناهز", "لا يقل عن", "لا يزيد على", "لا يزيد عن", "يزيد على",
              "يزيد عن", "يصل إلى", "تصل إلى", "أكثر من", "أقل من", "أزيد من", "أدنى من", "أعلى من",
              "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "قرابه", "تقريبا", "تقريبًا", "ما يفوق", "يفوق", "يتجاوز",
              "ما يتجاوز", "up to", "more than", "less than", "about", "around", "nearly", "almost",
              "at least", "at most", "over", "under")
_QUALIFIERS = sorted(((tuple(fold_match_word(q).split()), q) for q in QUALIFIERS), key=lambda pair: -len(pair[0]))
_QUALIFIER_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول")  # attached to a qualifier's first word
_NUM = r"\d+(?:[.,٫٬]\d+)*"
# A range: بين/ما بين X و/إلى Y, من X إلى/الى/حتى Y, X–Y (a hyphen or dash between two numbers); a percent
# sign may follow the lower end. ("أكثر 10 دول" is "the ten most": a bare أكثر/أقل qualifies nothing.)
_RANGE_RE = re.compile(
    rf"(?:(?<![^\W\d_])(?:(?:ما\s+)?[وفل]?بين\s+(?P<low>{_NUM})(?P<lowpct>\s*[%٪])?\s*(?:و\s*|(?:إلى|الى)\s+)"
    rf"|[وف]?من\s+(?P<flow>{_NUM})(?P<flowpct>\s*[%٪])?\s*(?:إلى|الى|حتى)\s+)(?P<high>{_NUM})"
    rf"|(?<![.,٫٬\d\-−–])(?<![^\W\dوفبل])(?P<dlow>{_NUM})(?P<dlowpct>\s*[%٪])?\s?[-–—]\s?(?P<dhigh>{_NUM}))(?![\w.,٫٬]*\d)")


def _qualifier(text_value: str, start: int) -> tuple[str, int] | None:
    """``(qualifier as written without an attached و ف ب ل, its start)`` right before ``start``
    (joined to the number by spaces alone), or ``None``."""
    words = list(_WORD_RE.finditer(text_value, max(0, start - 40), start))
    joined: list[re.Match[str]] = []
    end = start
    for word in reversed(words):
        if not text_value[word.end():end].isspace():
            break
        joined.insert(0, word)
        end = word.start()
    if not joined:
        return None
    words_folded = tuple(fold_match_word(word.group(0)) for word in joined)
    for folded, _written in _QUALIFIERS:
        size = len(folded)
        if len(joined) < size or words_folded[len(joined) - size + 1:] != folded[1:]:
            continue
        first = words_folded[-size]
        if not first.endswith(folded[0]):
            continue
        for prefix in _QUALIFIER_PREFIXES:
            if first == prefix + folded[0]:
                begin = joined[-size].start() + len(prefix)
                return text_value[begin:joined[-1].end()], begin
    return None


def _unit_after(text_value: str, end: int) -> tuple[str, int, int] | None:
    """What follows a number or range: ``("%", end, 1)``, ``(unit, end, multiplier)`` (the counted
    noun, possibly empty after a multiplier word), or ``None`` (a bare number)."""
    rest = fold_match_word(text_value[end:end + 14]).lstrip()
    if rest.startswith(("%", "٪")) or rest.startswith(_PERCENT_WORDS):
        sign = re.compile(r"\s*(?:[%٪]|(?:في|بال)\s?(?:المئة|المائة))").match(text_value, end)
        return "%", sign.end() if sign else end, 1
    words = _next_words(text_value, end, 2)
    multiplier = 1
    if words and fold_match_word(words[0].group(0)) in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[fold_match_word(words[0].group(0))]
        end = words[0].end()
        words = words[1:]
    else:
        words = words[:1]
    if not words or fold_match_word(words[0].group(0)) in _STOP or not _ARABIC_WORD_RE.fullmatch(words[0].group(0)):
        return ("", end, multiplier) if multiplier != 1 else None
    return words[0].group(0), words[0].end(), multiplier


def _subject(text_value: str, start: int, end: int) -> str:
    """The definite noun a percentage at ``start:end`` is of, when the sentence names it plainly, else ``""``:
    ``من`` then one ``ال`` word that ends the phrase (``28% من السكان``), or the ``ال`` word right before
    ``بنسبة``/``نسبة`` (``ارتفع التضخم بنسبة 7.2%``)."""
    words = _next_words(text_value, end, 2)
    if len(words) == 2 and fold_match_word(words[0].group(0)) == "من" and words[1].group(0).startswith("ال") \
            and _ends_phrase(text_value, words[1].end()):
        return words[1].group(0)
    before = re.search(r"(?<!\S)(ال[^\W\d_]+)\s+(?:ب|و?ب)?نسبة\s+(?:\S+\s+){0,2}$", text_value[max(0, start - 60):start])
    return before.group(1) if before else ""


def _key_value(fact_kind: str, low: Decimal, high: Decimal | None, qualifier: str, unit: str) -> str:
    value = f"{low.normalize():f}" + (f"–{high.normalize():f}" if high is not None else "")
    return f"{fact_kind}:" + (f"{qualifier} " if qualifier else "") + value + (f" {unit}" if unit else "")


def _ranges(text_value: str, seg_id: str) -> tuple[list[tuple[int, Fact]], list[tuple[int, int]]]:
    """Range facts (``بين 1500 و2500 موظف``, ``من 20 إلى 30%``, ``10–15 دقيقة``) and the spans they take."""
    found: list[tuple[int, Fact]] = []
    spans: list[tuple[int, int]] = []
    for match in _RANGE_RE.finditer(text_value):
        low_text = match.group("low") or match.group("flow") or match.group("dlow")
        high_text = match.group("high") or match.group("dhigh")
        low_pct = match.group("lowpct") or match.group("flowpct") or match.group("dlowpct")
        try:
            low, high = _to_decimal(low_text), _to_decimal(high_text)
        except ValueError:
            continue
        if low >= high:
            continue  # "2025-01" or "10-5": not a range of values
        tail = _unit_after(text_value, match.end())
        if low_pct and (tail is None or tail[0] != "%"):
            tail = ("%", match.end(), 1)
        if tail is None:
            continue  # two bare numbers say too little
        unit, end, multiplier = tail
        if match.group("dlow") and len(low_text) == len(high_text) == 4 and multiplier == 1 \
                and 1000 <= low < high <= 2999:
            spans.append((match.start(), match.end()))
            continue  # a period of years (2020-2024), not a quantity
        start = match.start("low" if match.group("low") else "flow" if match.group("flow") else "dlow")
        opener = match.start()
        if text_value[opener] in "وفل" and text_value.startswith(("من", "بين"), opener + 1):
            opener += 1  # an attached conjunction or preposition is not part of the fact
        qualifier = _qualifier(text_value, opener)
        begin = qualifier[1] if qualifier else opener
        kind: FactKind = "percent" if unit == "%" else "quantity"
        unit = "" if unit == "%" else unit
        low, high = low * multiplier, high * multiplier
        found.append((start, Fact(_key_value(kind, low, high, qualifier[0] if qualifier else "", unit), kind,
                                  text_value[begin:end], seg_id, number=low, high=high, unit_ar=unit,
                                  digits=digit_system(low_text), qualifier_ar=qualifier[0] if qualifier else "",
                                  subject_ar=_subject(text_value, begin, end) if kind == "percent" else "",
                                  reliable=kind == "percent" or _ends_phrase(text_value, end))))
        spans.append((opener, end))
    return found, spans


def _numbers(text_value: str, seg_id: str) -> list[tuple[int, Fact]]:
    found, spans = _ranges(text_value, seg_id)
    consumed_until = 0  # a year after a month belongs to that date
    for match in _NUMBER_RE.finditer(text_value):
        if match.start() < consumed_until or any(a <= match.start() < b for a, b in spans):
            continue
        digits = match.group("num")
        try:
            value = _to_decimal(digits)
        except ValueError:
            continue
        system = digit_system(digits)
        signed = -value if match.group("sign") else value
        month = _month_at(text_value, match.end())
        if month and not match.group("sign") and value == int(value) and 1 <= value <= 31:
            end = month[1]
            year = _year_at(text_value, end)
            if year:
                end = consumed_until = year[1]
            day, mon, yr = int(value), month[0], year[0] if year else None
            found.append((match.start(), Fact(_date_key(day, mon, yr), "date", text_value[match.start():end], seg_id,
                                              day=day, month=mon, year=yr, digits=system)))
            continue
        qualified = _qualifier(text_value, match.start())
        qualifier = qualified[0] if qualified else ""
        begin = qualified[1] if qualified else match.start()
        rest = fold_match_word(text_value[match.end():match.end() + 14]).lstrip()
        if rest.startswith(("%", "٪")) or rest.startswith(_PERCENT_WORDS):
            tail = _unit_after(text_value, match.end())
            end = tail[1] if tail else match.end()
            key = f"percent:{qualifier} {signed}" if qualifier else f"percent:{signed}"
            shown = (text_value[begin:match.start()] if qualifier else "") + match.group(0) + "%"
            found.append((match.start(), Fact(key, "percent", shown, seg_id, number=signed, digits=system,
                                              qualifier_ar=qualifier, subject_ar=_subject(text_value, begin, end))))
            continue
        words = _next_words(text_value, match.end(), 2)
        end = match.end()
        if words and fold_match_word(words[0].group(0)) in _MULTIPLIERS:
            signed *= _MULTIPLIERS[fold_match_word(words[0].group(0))]
            end = words[0].end()
            words = words[1:]
        else:
            words = words[:1]
        if len(digits) == 4 and not match.group("sign") and (year_fact := _year_fact(text_value, match, seg_id)):
            found.append(year_fact)
            continue
        if not words or fold_match_word(words[0].group(0)) in _STOP or not _ARABIC_WORD_RE.fullmatch(words[0].group(0)):
            if end == match.end():
                continue  # a bare number says too little to be a key fact
            unit = ""
        else:
            unit = words[0].group(0)
            end = words[0].end()
        key = _key_value("quantity", signed, None, qualifier, unit)
        found.append((match.start(), Fact(key, "quantity", text_value[begin:end], seg_id, number=signed,
                                          unit_ar=unit, digits=system, reliable=_ends_phrase(text_value, end),
                                          qualifier_ar=qualifier)))
    return found


def _year_fact(text_value: str, match: re.Match[str], seg_id: str) -> tuple[int, Fact] | None:
    """A year right after a month name (``يناير 2025``) or after ``عام``/``سنة`` (``في العام 2025``)."""
    year = int(_to_decimal(match.group("num")))
    if not 1000 <= year <= 2999:
        return None
    offset = max(0, match.start() - 30)
    words = list(_WORD_RE.finditer(text_value, offset, match.start()))
    # keep only the words joined to the year by spaces alone
    joined: list[re.Match[str]] = []
    end = match.start()
    for word in reversed(words):
        if not text_value[word.end():end].isspace():
            break
        joined.insert(0, word)
        end = word.start()
    for size in (2, 1):
        if len(joined) >= size:
            name = fold_match_word(" ".join(w.group(0) for w in joined[-size:]))
            if name in _MONTHS:
                month = _MONTHS[name]
                return joined[-size].start(), Fact(_date_key(None, month, year), "date",
                                                   text_value[joined[-size].start():match.end()], seg_id, month=month,
                                                   year=year, digits=digit_system(match.group("num")))
    if joined and (year_word := _YEAR_WORD_RE.fullmatch(fold_match_word(joined[-1].group(0)))):
        # "في عام 2014" dates an event; "بحلول عام 2030", "حتى عام 2030", "لعام 2025" (for the year) do not
        limit = year_word.group("prep") in ("ل", "ك") or (
            len(joined) >= 2 and fold_match_word(joined[-2].group(0)).removeprefix("و") in _YEAR_LIMITS)
        return match.start(), Fact(_date_key(None, None, year), "date", match.group(0), seg_id, year=year,
                                   digits=digit_system(match.group("num")), reliable=not limit)
    return None


def _fractions(text_value: str, seg_id: str) -> list[tuple[int, Fact]]:
    found: list[tuple[int, Fact]] = []
    folded_text = fold_match_word(text_value)
    if not any(stem in folded_text for stem in (*_FRACTIONS_PLAIN, *_FRACTIONS_DAMMA)):
        return found  # a fraction's folded word is one of the stems (a cheap first test)
    for word in _WORD_RE.finditer(text_value):
        raw = word.group(0)
        if not 3 <= len(fold_match_word(raw)) <= 4:
            continue  # a fraction is three letters, after at most one attached letter (a cheap first test)
        for prefix in ("", "و", "ف", "ب", "ل"):
            if not raw.startswith(prefix):
                continue
            core = raw[len(prefix):]
            folded = fold_match_word(core)
            damma = len(core) > 1 and core[1] == _DAMMA
            denominator = _FRACTIONS_PLAIN.get(folded) or (_FRACTIONS_DAMMA.get(folded) if damma else None)
            if denominator:
                break
        else:
            continue
        following = []
        for nxt in _next_words(text_value, word.end(), 3):
            if fold_match_word(nxt.group(0)) in _RELATIVE:
                break
            following.append(nxt)
        if not following:
            continue
        start = word.start() + len(prefix)
        span = text_value[start:following[-1].end()]
        found.append((start, Fact(f"fraction:{span}", "fraction", span, seg_id, number=Decimal(1) / Decimal(denominator),
                                  reliable=_ends_phrase(text_value, following[-1].end()))))
    return found


@lru_cache(maxsize=1)
def _gazetteer_by_name() -> tuple[dict[str, GazetteerEntry], dict[str, GazetteerEntry]]:
    """The gazetteer's entries by case-folded name and by name."""
    return {entry.name.casefold(): entry for entry in gazetteer()}, {entry.name: entry for entry in gazetteer()}


def _names(text_value: str, seg_id: str) -> list[tuple[int, Fact]]:
    known, by_name = _gazetteer_by_name()
    found: list[tuple[int, Fact]] = []
    for match in _LATIN_NAME_RE.finditer(text_value):
        run = match.group(0).rstrip(".")
        words = run.split(" ")
        if not any(ch.isupper() for ch in run):
            continue  # a lowercase Latin word ("email") is not a name; "iPhone" and "DeepSeek" are
        if len(words) > MAX_NAME_WORDS or any(w.islower() and w not in _NAME_PARTICLES for w in words):
            continue  # a Latin phrase ("Move fast and break things"), not a name: never cut a name out of it
        if all(w.isdigit() for w in words[:1]):
            continue
        entry = known.get(run.casefold())
        name = entry.name if entry else run
        found.append((match.start(), Fact(f"name:{name}", "name", run, seg_id, name=name,
                                          name_kind=entry.kind if entry else "")))
    for phrase in _gazetteer_matcher().find(text_value):
        entry = by_name[phrase.key]
        span = _strip_clitics(text_value[phrase.start:phrase.end], entry.spellings_ar)
        start = phrase.end - len(span)
        found.append((start, Fact(f"name:{entry.name}", "name", span, seg_id, name=entry.name, name_kind=entry.kind)))
    return found


def _strip_clitics(span: str, spellings: Sequence[str]) -> str:
    """The name without attached و ب ل ال ... : the longest tail of ``span`` that folds to a spelling."""
    folded = {fold_match_word(s) for s in spellings} | {fold_match_word(s)[2:] for s in spellings if fold_match_word(s).startswith("ال")}
    for cut in range(min(4, len(span))):
        if fold_match_word(span[cut:]) in folded:
            return span[cut:]
    return span


def extract_candidates(article: Article) -> list[Fact]:
    """Key-fact candidates of ``article`` in reading order, one per key (its first occurrence).

    The list of :func:`iter_candidates`.

    >>> from explainer.ingest.parse import parse_article
    >>> art = parse_article("عنوان\\nفي 20 يناير 2025، اشترت إنفيديا 10 آلاف شريحة.", path="x.txt", slug="x")
    >>> [f.key for f in extract_candidates(art)]
    ['date:2025-01-20', 'name:Nvidia', 'quantity:10000 شريحة']
    """
    return list(iter_candidates(article))


def iter_candidates(article: Article) -> Iterator[Fact]:
    """Key-fact candidates of ``article`` in reading order, one per key, found unit by unit as they are asked for
    (the automatic selection stops after its first ``MAX_AUTO_FACTS``)."""
    seen: set[str] = set()
    dated = _ISO_YEAR_RE.match(article.metadata.date or "")
    published = int(dated.group(1)) if dated else None
    for unit in article_units(article):
        found = _numbers(unit.msgid, unit.segment_id) + _fractions(unit.msgid, unit.segment_id) + _names(unit.msgid, unit.segment_id)
        for _, fact in sorted(found, key=lambda pair: pair[0]):
            folded = fold_match_word(fact.key)
            if folded not in seen:
                seen.add(folded)
                # a year after the article's own date is a plan or a forecast, not something that happened
                later = fact.kind == "date" and published is not None and (fact.year or 0) > published
                yield replace(fact, line=unit.line, reliable=fact.reliable and not later)


def facts_path(seed_path: Path) -> Path:
    """Side file of a seed: ``seeds/x.txt`` -> ``seeds/x.facts.yml``."""
    return seed_path.with_name(seed_path.stem + FACTS_SUFFIX)


def read_facts_file(path: Path, display_path: str, candidates: Sequence[Fact], seed_display: str) -> list[Fact]:
    """The editor's facts: candidates picked by ``key`` (any order, optional ``label``) and added ``text`` facts.

    Raises :class:`DataError` naming file and line for a bad shape, an entry with
    both or neither of ``key``/``text``, or a key that is not a candidate.
    """
    root = compose(path, display_path)
    if root is None:
        return []
    top = mapping(root, display_path, "the key-facts file", ("facts",))
    if "facts" not in top:
        return []
    by_key = {fold_match_word(c.key): c for c in candidates}
    chosen: list[Fact] = []
    for node in sequence(top["facts"], display_path, "'facts'"):
        fields = mapping(node, display_path, "a fact", ("key", "text", "label"))
        line = line_of(node)
        label = text(fields["label"], display_path, "'label'") if "label" in fields else ""
        if ("key" in fields) == ("text" in fields):
            raise DataError(display_path, line, "a fact needs exactly one of 'key' (a candidate) or 'text' (your own fact)")
        if "key" in fields:
            key = text(fields["key"], display_path, "'key'")
            if fold_match_word(key) not in by_key:
                raise DataError(display_path, line_of(fields["key"]), f"no candidate {key!r} in {seed_display}",
                                f"Run `explainer facts {seed_display}` to list the candidates, or write the fact as 'text:'.")
            chosen.append(replace(by_key[fold_match_word(key)], label_ar=label))
        else:
            value = text(fields["text"], display_path, "'text'")
            chosen.append(Fact(f"text:{value}", "text", value, label_ar=label, line=line))
    return chosen


def derived_label(fact: Fact) -> str:
    """The label the text itself gives a number: the noun a quantity counts (``1500 موظف`` -> ``موظف``),
    the definite noun a percentage is of (``28% من السكان`` -> ``السكان``); ``""`` when it gives none."""
    if fact.kind == "quantity":
        return fact.unit_ar
    if fact.kind == "percent":
        return fact.subject_ar
    return ""


def select_facts(candidates: Iterable[Fact], confirmed: Sequence[Fact] | None) -> list[Fact]:
    """The facts to show: the editor's list when there is one, else the first reliable candidates
    (``MAX_AUTO_FACTS`` at most; see :attr:`Fact.reliable`) that can be labelled truly: a quantity or
    percentage needs a :func:`derived_label` (a generic "Figure" label says nothing: fewer facts are shown), and
    a quantity counted in a currency or a unit of measure (``1.2 دولار``, ``10 آلاف طن``, ``3 سنوات``) is left
    out: its noun says what it is measured in, not what it is."""
    if confirmed is not None:
        return list(confirmed)
    return list(itertools.islice((fact for fact in candidates if fact.reliable
                                  and (fact.kind not in ("quantity", "percent") or derived_label(fact))
                                  and not (fact.kind == "quantity" and fold_match_word(fact.unit_ar) in _MEASURE_UNITS)),
                                 MAX_AUTO_FACTS))


def _is_latin(value: str) -> bool:
    return not has_arabic(value)


def load_article_facts(article: Article, root: Path) -> list[Fact]:
    """The facts shown for ``article``: its ``.facts.yml`` selection, or the first candidates.

    ``root`` is the project folder (the article's ``source_path`` is relative to it).
    Raises :class:`DataError` for a bad side file.
    """
    side = facts_path(root / article.source_path)
    if not side.exists():
        return select_facts(iter_candidates(article), None)  # the first reliable ones: the rest is never read
    shown_side = side.relative_to(root).as_posix() if side.is_relative_to(root) else side.as_posix()
    return read_facts_file(side, shown_side, extract_candidates(article), article.source_path)


def fact_units(slug: str, facts: Sequence[Fact]) -> list[Unit]:
    """Translation units of the shown facts (msgctxt = slug): labels, counted nouns, phrases, names."""
    units: list[Unit] = []
    for fact in facts:
        for value in (fact.label_ar, fact.qualifier_ar, fact.unit_ar, fact.subject_ar,
                      "" if fact.kind in ("date", "quantity", "percent") else fact.text_ar):
            if value and not _is_latin(value):
                units.append(Unit(slug, value, "facts", "fact", fact.line))
    return units


Translate = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Piece:
    """Text shown in a box, and the language it is actually in."""

    text: str
    lang: str


def format_value(fact: Fact, lang: str, translate: Translate) -> Piece:
    """The fact's value for a page in ``lang`` (``translate`` gives current msgstrs or ``None``).

    Its qualifier (``أقل من``, translated on other pages) and both ends of a range stay in the value
    (``أقل من 28%``, ``1,500–2,500 موظف``).

    >>> f = Fact("quantity:10000 شريحة", "quantity", "10 آلاف شريحة", number=Decimal(10000), unit_ar="شريحة")
    >>> format_value(f, "en", {"شريحة": "chips"}.get)
    Piece(text='10,000 chips', lang='en')
    >>> format_value(Fact("date:--01-20", "date", "20 يناير", day=20, month=1), "ar", lambda s: None)
    Piece(text='20 يناير', lang='ar')
    >>> r = Fact("quantity:أكثر من 1500–2500 موظف", "quantity", "", number=Decimal(1500), high=Decimal(2500),
    ...          unit_ar="موظف", qualifier_ar="أكثر من")
    >>> format_value(r, "en", {"موظف": "employees", "أكثر من": "more than"}.get)
    Piece(text='more than 1,500–2,500 employees', lang='en')
    """
    system = fact.digits if lang == "ar" else "latn"
    if fact.kind == "date":
        skeleton = ("y" if fact.year else "") + ("MMMM" if fact.month else "") + ("d" if fact.day else "")
        when = _dt.date(fact.year or 2000, fact.month or 1, fact.day or 1)  # 2000: a leap year, for 29 February
        return Piece(to_digits(format_skeleton(skeleton, when, locale=locale(lang)), system), lang)
    if fact.kind in ("quantity", "percent"):
        assert fact.number is not None
        ends = (fact.number, fact.high) if fact.high is not None else (fact.number,)
        if fact.kind == "percent":
            number = "–".join(_number(end / 100, lang, system, format_percent) for end in ends)
        else:
            number = "–".join(_number(end, lang, system, format_decimal) for end in ends)
        shown_lang = lang
        if fact.qualifier_ar:
            qualifier = fact.qualifier_ar if lang == "ar" else translate(fact.qualifier_ar)
            shown_lang = lang if qualifier else "ar"
            number = f"{qualifier or fact.qualifier_ar} {number}"
        if not fact.unit_ar:
            return Piece(number, shown_lang)
        unit = fact.unit_ar if lang == "ar" else translate(fact.unit_ar)
        return Piece(f"{number} {unit or fact.unit_ar}", shown_lang if unit else "ar")
    if lang == "ar" or _is_latin(fact.text_ar):
        return Piece(fact.text_ar, "ar" if lang == "ar" else lang)
    shown = translate(fact.text_ar) or (fact.name if fact.kind == "name" and fact.name else None)
    return Piece(shown, lang) if shown else Piece(fact.text_ar, "ar")


def _number(value: Decimal, lang: str, system: str, formatter: Callable[..., str]) -> str:
    """``value`` formatted by Babel for ``lang`` with the symbols of numbering system ``system``
    (CLDR: ``٬`` and ``٫`` for ``arab``), every decimal kept, written in that system's digits.

    Babel applies a numbering system's symbols but writes Latin digits, so the digits are
    replaced afterwards (:func:`explainer.text.to_digits`); a system the
    locale's CLDR data lacks keeps the Latin symbols.
    """
    try:
        formatted = formatter(value, locale=locale(lang), numbering_system=system, decimal_quantization=False)
    except UnsupportedNumberingSystemError:
        formatted = formatter(value, locale=locale(lang), numbering_system="latn", decimal_quantization=False)
    return to_digits(formatted, system)


def label_key(fact: Fact) -> str:
    """UI string key of the default label of a fact without an editor's label."""
    if fact.kind == "name":
        return f"fact_{fact.name_kind}" if fact.name_kind else "fact_name"
    return f"fact_{fact.kind}"


def render_box(facts: Sequence[Fact], lang: str, translate: Translate, ui: Callable[[str, str], str]) -> str:
    """HTML of the key-facts box (an ``<aside>`` with a ``<dl>``); ``""`` when there are no facts.

    Every text is HTML-escaped; a piece not in the page language carries ``lang``/``dir``.
    """
    if not facts:
        return ""
    rows = []
    for fact in facts:
        given = fact.label_ar or derived_label(fact)
        label = Piece(given, "ar") if given else Piece(ui(label_key(fact), lang), lang)
        if given and lang != "ar" and (done := translate(given)):
            label = Piece(done, lang)
        value = format_value(fact, lang, translate)
        rows.append(f'<div class="ex-fact ex-fact--{fact.kind}" data-key="{html.escape(fact.key)}">'
                    f"<dt{_lang(label, lang)}>{html.escape(label.text)}</dt>"
                    f"<dd{_lang(value, lang)}>{html.escape(value.text)}</dd></div>")
    title = html.escape(ui("key_facts", lang))
    return (f'<aside class="ex-facts" aria-labelledby="ex-facts-title">'
            f'<p class="ex-facts__title" id="ex-facts-title">{title}</p><dl>{"".join(rows)}</dl></aside>\n\n')


def _lang(piece: Piece, page_lang: str) -> str:
    return "" if piece.lang == page_lang else f' lang="{piece.lang}" dir="{direction(piece.lang)}"'
