"""Article furniture lines: dates, bylines, reading times, counters, section labels.

News sites, blogs and Medium put lines around a headline that are not article text:
a section label (``رياضة``, ``الرئيسية » اقتصاد``), a date line in one of many forms
(``الخميس 3 أبريل 2025 | 09:15``, ``2025/04/03``, ``منذ ساعتين``, ``Apr 3, 2025``), a byline
(``بقلم: …``, ``كتب - …``, ``By …``), a reading time (``وقت القراءة: 3 دقائق``, ``3 min read``)
and counters (``1.2K``, ``35 تعليقًا``, ``120 Followers``). :func:`classify` recognises such a
line from its *vocabulary*: every token of the line must be a date word (CLDR month and
weekday names from Babel, Hijri months, time and era markers, "published"/"updated"
words), a number, punctuation, or the marker and name of a byline, and the line must hold
a date core (a numeric date, a day with a month, a relative date). A sentence that merely
mentions a date always has other words, so it is never furniture.

A line that joins several such parts with ``|``, ``·``, ``•`` or a spaced dash
(``بقلم: أحمد سالم | 3 أبريل 2025``) is furniture when every part is; a line that the catalog
matches as a whole (``نُشر في …``) is read by its parts too, for the date and author they give.

Papers and blogs add a few more classes: an author's name with an academic title (``د. ليلى
حداد``), a journal's issue or page line (:func:`issue_line`), WordPress's heading of the comments
(:func:`comments_heading`); and, read only where :mod:`explainer.ingest.edges` asks, an author's
affiliation (:func:`affiliation`) and the items of a site's navigation menu (:func:`navigation_item`).

What the line gives: an ISO 8601 date (``YYYY-MM-DD``) when day, month and year are all
known (numeric dates read year-first ``2025/04/03`` or, as in Arabic usage, day-first
``03/04/2025``; a US month-first reading is taken only when the day-first one is
impossible), and an author name from a byline.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from explainer.text import ascii_digits
from explainer.text import fold_match_word as fold_word

if TYPE_CHECKING:
    from explainer.ingest.boilerplate import BoilerplateRule

# Hijri month names (Babel exposes only the Gregorian calendar's names): a Hijri date is a date
# line, but gives no ISO date.
_HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الأولى",
                 "جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
# Egyptian press spellings that CLDR does not list.
_EXTRA_MONTHS = {"يونيه": 6, "يوليه": 7, "ابريل": 4, "اغسطس": 8, "اكتوبر": 10, "sept": 9}
# Words that may stand in a date line besides the names and numbers (folded forms; Latin lowercased).
_DATE_WORDS = frozenset(fold_word(w) for w in (
    "نشر", "نشرت", "نُشر", "نشر في", "منشور", "بتاريخ", "تاريخ", "التاريخ", "النشر", "تاريخ النشر", "آخر", "اخر",
    "تحديث", "التحديث", "محدث", "حدث", "تم", "في", "الساعة", "ساعة", "الموافق", "الموافقة", "يوم",
    "عند", "ص", "م", "صباحا", "صباحًا", "مساء", "مساءً", "ظهرا", "ظهرًا", "فجرا", "هـ", "ه", "ميلادي", "هجري",
    "المحلي", "العالمي",
    "مكة", "المكرمة", "القدس", "القاهرة", "بيروت", "الرياض", "أبوظبي", "الدوحة", "دبي", "عمان", "الرباط", "بغداد",
    "published", "updated", "posted", "last", "on", "at", "am", "pm", "a.m.", "p.m.", "local", "time",
    # the date of a forum's or Q&A site's question: "طُرح منذ 3 أيام", "سُئل منذ يومين", "asked 3 days ago" (not
    # its answers' "أجاب منذ يوم": a date among the answers would pull them into the footer)
    "طرح", "طرحت", "سئل", "سئلت", "asked", "modified",
))
# Time-zone names and abbreviations (folded): a line of a time and a zone is a time line ("14:30 بتوقيت غرينتش").
_ZONE_WORDS = frozenset(fold_word(w) for w in (
    *(prefix + zone for prefix in ("", "ب") for zone in ("توقيت", "التوقيت")),
    "غرينتش", "جرينتش", "غرينيتش", "جرينيتش", "gmt", "utc", "gst", "ast", "ksa", "eet", "eest", "cet",
    "cest", "bst", "edt", "est", "pdt", "pst", "msk", "trt",
))
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_RELATIVE_CORE = frozenset(fold_word(w) for w in (
    "منذ", "قبل", "ago", "أمس", "البارحة", "yesterday",
))
_TIME_UNITS = frozenset(fold_word(w) for w in (
    "ثانية", "ثوان", "ثوانٍ", "دقيقة", "دقيقتين", "دقيقتان", "دقائق", "ساعة", "ساعتين", "ساعتان", "ساعات",
    "يوم", "يومين", "يومان", "أيام", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين", "أشهر", "شهور", "سنة", "سنتين",
    "سنوات", "عام", "عامين", "أعوام", "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours",
    "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "h", "d", "w",
))
_DUAL_UNITS = frozenset(fold_word(w) for w in ("دقيقتين", "دقيقتان", "ساعتين", "ساعتان", "يومين", "يومان",
                                                 "أسبوعين", "شهرين", "سنتين", "عامين"))
# Byline markers that only ever open a byline: the name may follow directly ("بقلم أحمد سالم") ...
_BYLINE_OPENERS = tuple(fold_word(w) for w in (
    "حرر بواسطة", "حررت بواسطة", "تحرير بواسطة", "كتب بواسطة", "edited by", "reported by",
    "interviewed by", "interview by",
    "بقلم", "بواسطة", "written by", "posted by", "story by", "words by", "reporting by", "text by", "by",
))
# ... and words that also open headings or sentences ("تقرير عن الاقتصاد", "كتب الشاعر قصيدته"): a byline
# only with ':' or a dash after them ("إعداد: …", "كتب - …").
_BYLINE_MARKERS = tuple(fold_word(w) for w in (
    "إعداد", "اعداد", "تقرير", "تحرير", "ترجمة", "حوار", "تصوير", "الكاتب", "الكاتبة", "المحرر", "المحررة",
    "المؤلف", "المؤلفة", "كتابة", "كتب", "كتبت", "كتبه", "كتبها", "author", "writer", "editor",
    # an interview's byline: the interviewer ("أجرى الحوار: خالد يوسف", "حاوره: …", "Interview by …")
    "أجرى الحوار", "أجرت الحوار", "أجرى المقابلة", "أجرت المقابلة", "حاوره", "حاورها", "حاورته", "حاورتها",
    "interviewer",
))
# Words that never sit inside a person's name (compared as written: "على" is a preposition, "علي" a name).
_NOT_IN_NAMES = frozenset(w.lower() for w in (
    "في", "من", "على", "عن", "إلى", "الى", "مع", "هذا", "هذه", "التي", "الذي", "أن", "إن", "كان", "كانت",
    "the", "of", "in", "on", "at", "for", "to", "and", "a", "an", "is", "end", "this", "that", "with",
))
_NAME_PARTICLES = frozenset(("von", "van", "der", "de", "da", "del", "di", "al", "el", "bin", "ibn", "la", "le"))
_READING_WORDS = frozenset(fold_word(w) for w in (
    "وقت", "مدة", "زمن", "القراءة", "قراءة", "للقراءة", "في", "read", "reading", "time", "of",
))
_MINUTE_UNITS = frozenset(fold_word(w) for w in (
    "دقيقة", "دقائق", "دقيقتان", "دقيقتين", "د", "min", "mins", "minute", "minutes",
))
_COUNT_UNITS = frozenset(fold_word(w) for w in (
    "مشاهدة", "مشاهدات", "قراءة", "قراءات", "تعليق", "تعليقات", "تعليقا", "تعليقًا", "إعجاب", "إعجابات", "اعجاب",
    "متابع", "متابعين", "متابعون", "متابعا", "مشاركة", "مشاركات", "مرة", "views", "view", "comments", "comment",
    "likes", "like", "followers", "follower", "following", "responses", "response", "claps", "clap", "shares",
    "share", "reads", "reactions", "subscribers",
    # a Q&A site's view count under the question: "شوهد 1,204 مرة", "Viewed 1,204 times"
    "شوهد", "شوهدت", "viewed", "times",
))
_SCALE = frozenset(("k", "m", "ك", "ألف", "الف", "مليون"))
_PART_SPLIT_RE = re.compile(r"\s*[|·•●▪∙]\s*|\s+[-–—]\s+")
# "نشرت في 2 فبراير 2025 بواسطة نادر الحلبي", "Published Apr 3, 2025 by Omar Haddad": a date part, then a byline
_BYLINE_SPLIT_RE = re.compile(r"\s+(?=(?:بواسطة|بقلم|[Bb]y)\s)")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:\.[^\W\d_]+)*\.?|\S")
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})(?!\d)")
_NAME_PUNCT = ".،,:;؛!؟?\"'«»()[]"
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Furniture:
    """What a furniture line is: ``kind`` (``date``, ``byline``, ``reading-time``, ``counter``,
    ``section``) and what it gives (``date`` ISO 8601, ``author``); ``what`` describes it for reports."""

    kind: str
    what: str
    date: str | None = None
    author: str | None = None
    page: int | None = None  # the page number a journal's running head shows (``ص 42``)


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    """Folded month name -> number, from CLDR (Babel): every Arabic locale's and English wide/abbreviated names."""
    import babel
    from babel.dates import get_month_names

    found: dict[str, int] = {}
    locales = [loc for loc in babel.localedata.locale_identifiers() if loc == "en" or loc.startswith("ar")]
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    if not re.fullmatch(r"M\d+", name):
                        found[fold_word(" ".join(name.split()))] = number
    for name, number in _EXTRA_MONTHS.items():
        found[fold_word(name)] = number
    return found


@lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    """Folded weekday names from CLDR (Babel): Arabic and English, wide and abbreviated."""
    from babel.dates import get_day_names

    names = set()
    for locale in ("ar", "en"):
        for width in ("wide", "abbreviated"):
            names |= {fold_word(n) for n in get_day_names(width, locale=locale).values()}
    return frozenset(names | {fold_word("الإثنين")})


@lru_cache(maxsize=1)
def _hijri_names() -> frozenset[str]:
    return frozenset(fold_word(n) for n in _HIJRI_MONTHS)


def _tokens(text: str) -> list[str]:
    """Folded tokens of a line: numbers (ASCII digits), words, single punctuation characters."""
    raw = _TOKEN_RE.findall(fold_word(ascii_digits(text)))
    names = {*_month_names(), *_hijri_names()}
    tokens: list[str] = []
    for token in raw:  # two-word month names become one token ("كانون الثاني")
        if tokens and f"{tokens[-1]} {token}" in names:
            tokens[-1] = f"{tokens[-1]} {token}"
        else:
            tokens.append(token)
    return tokens


def _is_punct(token: str) -> bool:
    return len(token) == 1 and not token.isalnum()


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_iso(first: str, second: str, third: str) -> str | None:
    """ISO date of ``first/second/third``: year first, else day first (Arabic usage), else month first."""
    a, b, c = int(first), int(second), int(third)
    if len(first) == 4:
        return _iso(a, b, c)
    if len(third) != 4:
        return None  # a two-digit year is ambiguous
    return _iso(c, b, a) or _iso(c, a, b)


# A social post's compact age: a number and a one-letter unit ("٣ س", "5 د", "2 ي", "3h", "2d", "1w").
_COMPACT_AGE_RE = re.compile(r"\d{1,2}\s?(?:ث|د|س|ي|أ|s|m|h|d|w|y)")


def _date_line(text: str) -> Furniture | None:
    """A line made only of date vocabulary and holding a date core; its ISO date when complete."""
    if len(text) <= 6 and _COMPACT_AGE_RE.fullmatch(ascii_digits(text).strip()):
        return Furniture("date", "a relative date line (no calendar date in it)")
    tokens = _tokens(text)
    if not tokens:
        return None
    months, weekdays, hijri = _month_names(), _weekday_names(), _hijri_names()
    core = relative = zone = False
    for index, token in enumerate(tokens):
        if token.isdigit() or re.fullmatch(r"\d+[.,]\d+", token) or _is_punct(token):
            continue
        if token in months or token.rstrip(".") in months or token in hijri:
            neighbours = tokens[max(0, index - 2): index] + tokens[index + 1: index + 3]
            core = core or any(t.isdigit() for t in neighbours)
            continue
        if token in weekdays or token.rstrip(".") in weekdays or token in _DATE_WORDS or token.rstrip(".") in _DATE_WORDS:
            continue
        if token in _ZONE_WORDS:
            zone = True
            continue
        if token in _RELATIVE_CORE or (token.startswith("و") and token[1:] in _RELATIVE_CORE):
            relative = True
            continue
        if token in _TIME_UNITS:
            continue
        return None
    plain = ascii_digits(text)
    numeric = _NUMERIC_DATE_RE.search(plain)
    if numeric and not core:
        core = True
    units = [t for t in tokens if t in _TIME_UNITS]
    if relative and (units or any(t in ("امس", "البارحه", "yesterday") for t in tokens)):
        if not core:
            return Furniture("date", "a relative date line (no calendar date in it)")
        core = True
    elif relative and not core:
        return None
    if not core:
        # "14:30 بتوقيت غرينتش", "10:45 م", "(بتوقيت مكة)": a time or a time zone, no date
        clock = _TIME_RE.search(plain) is not None
        bare = all(t.isdigit() or _is_punct(t) for t in tokens)
        if zone or (clock and (bare or any(t in ("ص", "م", "am", "pm", "a.m.", "p.m.", "الساعه") for t in tokens))):
            return Furniture("date", "a time line (no date in it)")
        return None
    iso = _numeric_iso(numeric.group(1), numeric.group(3), numeric.group(4)) if numeric else None
    if iso is None:
        iso = _named_iso(tokens)
    return Furniture("date", "a date line", date=iso)


def _named_iso(tokens: list[str]) -> str | None:
    """ISO date from ``day month year`` or ``month day, year`` tokens (Gregorian month names only)."""
    months = _month_names()
    numbers = [(i, int(t)) for i, t in enumerate(tokens) if t.isdigit()]
    for index, token in enumerate(tokens):
        month = months.get(token) or months.get(token.rstrip("."))
        if month is None:
            continue
        before = [n for i, n in numbers if i < index and index - i <= 2 and 1 <= n <= 31]
        after = [(i, n) for i, n in numbers if i > index]
        day = before[-1] if before else next((n for i, n in after if i - index <= 2 and 1 <= n <= 31), None)
        year = next((n for _i, n in after if 1000 <= n <= 2999), None)
        if day is not None and year is not None:
            return _iso(year, month, day)
    return None


def _name(text: str) -> str | None:
    """A person's name: 1 to ``MAX_NAME_WORDS`` words, no digits and no sentence punctuation."""
    name = text.strip().strip(_NAME_PUNCT + " ").strip()
    name = re.split(r"\s*[،,]\s*", name)[0]  # "د. أحمد سالم، أستاذ الاقتصاد": the role after the comma stays out
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
        return None
    if re.search(r"[.!؟?؛;:](?:\s|$)", re.sub(r"(?:^|\s)(?:د|أ|م|Dr|Mr|Mrs|Ms|Prof)\.", " ", name)):
        return None
    if any(word.lower() in _NOT_IN_NAMES for word in words):
        return None
    latin = [w for w in words if re.fullmatch(r"[A-Za-z][A-Za-z.'-]*", w)]
    if any(not w[0].isupper() and w.lower() not in _NAME_PARTICLES for w in latin):
        return None  # "By the end of the year": Latin names are capitalised
    return name


def _offset(text: str, folded_length: int) -> int:
    """Offset in ``text`` after its first ``folded_length`` folded characters (folding drops marks)."""
    from explainer.text import fold_match as fold

    mapping = fold(text)[1]
    return mapping[folded_length - 1] + 1 if folded_length <= len(mapping) else len(text)


_VERB_MARKERS = tuple(fold_word(w) for w in ("كتب", "كتبت"))


def verb_byline(line: str) -> Furniture | None:
    """``كتب محمد أحمد``: the Egyptian press byline, a verb and a name of two or three words with no
    separator. Only the head of a seed may read it so (``كتب الشاعر قصيدته`` is a sentence anywhere else)."""
    words = line.strip().split()
    if len(words) in (3, 4) and fold_word(words[0]) in _VERB_MARKERS:
        name = _name(" ".join(words[1:]))
        if name is not None and not any(w.startswith("ال") for w in words[1:2]):
            return Furniture("byline", "a byline", author=name)
    return None


def _byline(text: str) -> Furniture | None:
    stripped = text.strip()
    folded = fold_word(stripped)
    for marker in (*_BYLINE_OPENERS, *_BYLINE_MARKERS):
        if not folded.startswith(marker) or (len(folded) > len(marker) and folded[len(marker)].isalnum()):
            continue
        rest = stripped[_offset(stripped, len(marker)):]
        separated = re.match(r"\s*[:：\-–—]\s*", rest)
        if marker in _BYLINE_MARKERS and not separated:
            return None
        name = _name(rest[separated.end():] if separated else rest)
        if name is None:
            return None
        return Furniture("byline", "a byline", author=name)
    return None


def _reading_time(text: str) -> Furniture | None:
    tokens = _tokens(text)
    if not tokens:
        return None
    unit = reading = False
    for token in tokens:
        bare = token.rstrip(".")
        if token.isdigit() or _is_punct(token) or token in ("⏱", "🕒", "🕑"):
            continue
        if bare in _MINUTE_UNITS:
            unit = True
        elif bare in _READING_WORDS or bare in ("min-read", "minute-read"):
            reading = True
        elif re.fullmatch(r"\d+-?min(?:ute)?s?", bare):
            unit = True
        else:
            return None
    if unit and reading and (any(t.isdigit() for t in tokens) or any(t in _DUAL_UNITS for t in tokens)):
        return Furniture("reading-time", "a reading-time line")
    return None


def _counter(text: str) -> Furniture | None:
    """``1.2K``, ``45``, ``35 تعليقًا``, ``120 Followers``, ``Responses (3)``, ``👍 120``: a count standing alone."""
    tokens = _tokens(text)
    numbers = [t for t in tokens if re.fullmatch(r"\d+(?:[.,]\d+)?", t)]
    if not numbers or len(tokens) > 5:
        return None
    for token in tokens:
        if token in numbers or token in _SCALE or token in _COUNT_UNITS or _is_punct(token):
            continue
        if (token.startswith("و") and token[1:] in _COUNT_UNITS) or (token.startswith("ال") and token[2:] in _COUNT_UNITS):
            continue
        return None
    return Furniture("counter", "a count standing alone (claps, views, comments, followers)")


def classify(line: str) -> Furniture | None:
    """What furniture ``line`` is (date, byline, reading time, counter, a journal's issue or page line, an
    author's name with an academic title), or ``None`` for article text.

    Input: one trimmed line. Output: a :class:`Furniture`; a line joining several parts
    with ``|``/``·``/``•``/a spaced dash is furniture when every part is, and then
    gives the first date and author found among its parts.

    >>> classify("الخميس 3 أبريل 2025 | 09:15").date
    '2025-04-03'
    >>> classify("بقلم: أحمد سالم").author
    'أحمد سالم'
    >>> classify("في 3 أبريل 2025 أطلقت الشركة نموذجها") is None
    True
    """
    line = line.strip()
    if (heading := comments_heading(line)) is not None:
        return heading
    if not line or len(line.split()) > 16:
        return None
    single = _classify_part(line)
    if single is not None and single.kind != "boilerplate":
        return single
    # A catalog line may be a date and byline line too ("نُشر في 3 مارس 2023 بواسطة سارة الخطيب" matches the
    # catalog's "نشر في …"): its parts then say what it gives.
    parts_found = _classify_parts(line)
    if single is None or (parts_found is not None and (parts_found.date or parts_found.author)):
        return parts_found
    return single


def _classify_parts(line: str) -> Furniture | None:
    """A line joining several furniture parts with ``|``/``·``/``•``/a spaced dash or a byline marker."""
    parts = [q for p in _PART_SPLIT_RE.split(line) for q in _BYLINE_SPLIT_RE.split(p) if q.strip()]
    if len(parts) < 2:
        return None
    found = []
    loose = []
    for part in parts:
        if not any(ch.isalnum() for ch in part):
            continue  # an icon beside a date ("٣ س · 🌍": Facebook's audience globe)
        kind = _classify_part(part)
        if kind is None:
            loose.append(part)
            continue
        found.append(kind)
    if not found and not loose:
        return None
    if loose:
        # "سلمى العلي · 3 أبريل 2025", "الرياض - 3 أبريل": a date joined to one short name or place. The line is
        # furniture, but the name is not taken as the author (it may be a place).
        if len(loose) > 1 or not any(f.kind == "date" for f in found) or _name(loose[0]) is None \
                or len(loose[0].split()) > 4:
            return None
        found.append(Furniture("date", "a name or place"))
    date = next((f.date for f in found if f.date), None)
    author = next((f.author for f in found if f.author), None)
    kinds = list(dict.fromkeys(f.kind for f in found))
    what = " and ".join(dict.fromkeys(f.what for f in found))
    return Furniture(kinds[0] if len(kinds) == 1 else "+".join(kinds), what, date=date, author=author)


_BREADCRUMB_RE = re.compile(r"\s*[>»›]\s*|\s+/\s+")
_HASHTAG_RE = re.compile(r"#[^\s#]+")


def _breadcrumb(text: str) -> Furniture | None:
    """``الرئيسية » أخبار » اقتصاد``: two or more short names joined by ``>``, ``»``, ``›`` or a spaced ``/``."""
    parts = [p for p in _BREADCRUMB_RE.split(text.strip()) if p]
    if len(parts) < 2 or len(_BREADCRUMB_RE.findall(text)) != len(parts) - 1:
        return None
    if all(1 <= len(p.split()) <= 3 and not re.search(r"[.!؟?،,:؛\d]", p) for p in parts):
        return Furniture("section", "a breadcrumb of section names")
    return None


def _hashtags(text: str) -> Furniture | None:
    """A line of hashtags only (``#طاقة #بطاريات``), with optional separators."""
    tags = _HASHTAG_RE.findall(text)
    rest = _HASHTAG_RE.sub("", text)
    if tags and not rest.strip(" ،,|·•-"):
        return Furniture("tags", "a line of hashtags")
    return None


_CORRESPONDENT = frozenset(fold_word(w) for w in (
    "مراسل", "مراسلة", "مراسلو", "مراسلنا", "مراسلتنا", "موفد", "موفدة", "correspondent",
))
MAX_CORRESPONDENT_WORDS = 4


def _correspondent(text: str) -> Furniture | None:
    """``مراسل الجزيرة نت``, ``مراسلنا في القاهرة``: a correspondent line (it names no author)."""
    words = text.strip().split()
    if 2 <= len(words) <= MAX_CORRESPONDENT_WORDS and fold_word(words[0]).strip(":") in _CORRESPONDENT \
            and not re.search(r"[.!؟?،,؛;\d]", text):
        return Furniture("byline", "a correspondent line (it names no author)")
    return None


# Credit markers (folded): a photo credit (anywhere) and a source line (at the edges only).
_PHOTO_MARKERS = tuple(fold_word(w) for w in (
    "مصدر الصورة", "صدر الصورة", "حقوق الصورة", "الصورة من", "تصوير", "الصور", "الصورة", "صور", "صورة",
    "image source", "image", "photo credit", "photos", "photo", "picture", "credit",
))
_SOURCE_MARKERS = tuple(fold_word(w) for w in ("المصدر", "المصادر", "مصدر", "source", "sources", "via"))
# News agencies and the stock words of photo credits (folded): "(رويترز)" alone is a credit.
_AGENCY_WORDS = frozenset(fold_word(w) for w in (
    "رويترز", "فرانس", "برس", "أ", "ف", "ب", "د", "أ.ف.ب", "د.ب.أ", "الأناضول", "أسوشيتد", "أسوشيتيد", "شينخوا",
    "وكالات", "وكالة", "واس", "وام", "قنا", "كونا", "بترا", "سانا", "إيفي", "سبوتنيك", "أرشيفية", "أرشيف", "تعبيرية",
    "مواقع", "التواصل", "الاجتماعي", "الإنترنت", "متداولة", "+", "reuters", "afp", "ap", "getty", "images", "epa",
    "shutterstock", "istock", "anadolu", "xinhua", "file", "handout",
))
MAX_CREDIT_WORDS = 6


def credit(text: str, *, anywhere: bool = False) -> Furniture | None:
    """A credit line: a photo credit (``صورة: رويترز``, ``الصورة: أرشيفية``, ``صدر الصورة، Getty Images``,
    ``Photo: AFP``), a parenthesised agency (``(رويترز)``, ``(أ ف ب)``) or, unless ``anywhere``, a source line
    (``المصدر: الجزيرة + وكالات``).

    Input: one trimmed line. Output: a :class:`Furniture` of kind ``credit``, or ``None``. The marker is
    followed by ``:``, ``،``, ``,`` or a dash and at most ``MAX_CREDIT_WORDS`` words without a sentence mark.
    With ``anywhere`` (a line inside the article) only photo credits and parenthesised agencies whose
    words are agencies, stock credit words, a capitalised Latin name or a person's name count: a caption
    that describes the picture stays.
    """
    stripped = text.strip()
    inner = re.fullmatch(r"[(\[]([^()\[\]]+)[)\]]", stripped)
    if inner is not None:
        words = [fold_word(w) for w in inner.group(1).replace("/", " ").split()]
        if 1 <= len(words) <= 4 and all(w in _AGENCY_WORDS for w in words):
            return Furniture("credit", "a credit line (a news agency in parentheses)")
        return None
    folded = fold_word(stripped)
    for markers, what in ((_PHOTO_MARKERS, "a photo credit"), (_SOURCE_MARKERS, "a source line")):
        if anywhere and markers is _SOURCE_MARKERS:
            continue
        for marker in markers:
            if not folded.startswith(marker) or (len(folded) > len(marker) and folded[len(marker)].isalnum()):
                continue
            cut = _offset(stripped, len(marker))
            rest = stripped[cut:]
            separated = re.match(r"\s*[:：،,\-–—]\s*", rest)
            if not separated:
                break
            rest = rest[separated.end():].strip()
            words = rest.split()
            if not 1 <= len(words) <= MAX_CREDIT_WORDS or re.search(r"[.!؟?؛;](?:\s|$)", rest) \
                    or any(w.lower() in _NOT_IN_NAMES for w in words):
                break
            if anywhere and not (all(fold_word(w) in _AGENCY_WORDS for w in words)
                                 or all(re.fullmatch(r"[A-Z][\w.&'-]*", w) for w in words) or _name(rest)):
                break
            return Furniture("credit", f"{what} ({stripped[:cut]} …)")
    return None


# A picture's credit in parentheses at the end of its caption: "(تصوير: ليلى منصور/ بوابة الخليج)", "(Photo: AFP)",
# "(عدسة: …)"; with a caption opener ("صورة: …") an agency alone too: "(رويترز)", "(Getty Images)".
_CREDIT_TAIL_RE = re.compile(r"\s*[(\[]\s*(?P<inner>[^()\[\]]{2,80}?)\s*[)\]]$")
_PHOTOGRAPHER_MARKERS = tuple(fold_word(w) for w in (
    "تصوير", "عدسة", "بعدسة", "الصورة", "صورة", "مصدر الصورة", "photo", "photos", "photo by", "photograph", "image",
    "credit", "picture",
))
MAX_CAPTION_WORDS = 30


def _opens_with(folded: str, markers: tuple[str, ...], *, separated: bool) -> int | None:
    """Length of the first marker ``folded`` opens with (then ``:``/``،``/a dash when ``separated``), or ``None``."""
    for marker in markers:
        whole = folded.startswith(marker) and (len(folded) == len(marker) or not folded[len(marker)].isalnum())
        if whole and (not separated or re.match(r"\s*[:：،,\-–—]", folded[len(marker):])):
            return len(marker)
    return None


def caption_opener(text: str) -> bool:
    """Does ``text`` open like a photo caption (``صورة: …``, ``الصورة: …``, ``Photo: …``)?"""
    return _opens_with(fold_word(text.strip()), _PHOTO_MARKERS, separated=True) is not None


def caption(text: str) -> Furniture | None:
    """A photo caption with its credit: ``صورة: حقل الألواح الشمسية (تصوير: ليلى منصور/ بوابة الخليج)``.

    Input: one trimmed line. Output: a :class:`Furniture` of kind ``credit`` when the line ends with a credit in
    parentheses and is no sentence (at most ``MAX_CAPTION_WORDS`` words, no sentence mark before the credit or at
    the end): the credit opens with a photographer's marker (``تصوير:``, ``عدسة``, ``Photo:``), or, on a line
    opening like a caption (``صورة:``), names agencies only (``(رويترز)``). Else ``None``: a caption without a
    credit describes the picture and stays (:func:`caption_opener` lets the report say so).
    """
    stripped = text.strip()
    if not stripped.endswith((")", "]")) or len(stripped.split()) > MAX_CAPTION_WORDS:
        return None
    tail = _CREDIT_TAIL_RE.search(stripped)
    if tail is None or not stripped[:tail.start()].strip():
        return None
    before = stripped[:tail.start()].rstrip()
    if before.endswith((".", "!", "؟", "?", "؛", ";")) or re.search(r"[.!؟?](?:\s)", before):
        return None
    inner = fold_word(tail.group("inner"))
    photographer = _opens_with(inner, _PHOTOGRAPHER_MARKERS, separated=False) is not None
    agencies = all(word in _AGENCY_WORDS for word in inner.replace("/", " ").split())
    if photographer or (agencies and caption_opener(stripped)):
        return Furniture("credit", "a photo caption (what the picture shows, with its credit in parentheses)")
    return None


# "5 تعليقات على "قصة القهوة"", "تعليق واحد على «…»", "3 thoughts on “…”": WordPress's heading of the comments,
# a count of comments on the article's title in quotes.
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:\d+\s*(?:تعليقات|تعليق|تعليقًا|تعليقاً|تعليقا|أفكار|فكرة|ردود|ردًا|رد)|تعليق واحد|تعليقان|تعليقين|فكرة واحدة"
    r"|فكرتان|فكرتين|رد واحد|ردان|ردين)\s+(?:على|حول|بشأن|عن)\s*[«\"“„'](?P<title>[^«»\"“”]{1,200})[»\"”']$"
    r"|^(?:\d+|one|two|three)\s+(?:thoughts?|comments?|responses?|replies|reply)\s+(?:on|to)\s*[\"“'‘]"
    r"(?P<en>[^\"“”]{1,200})[\"”'’]$", re.IGNORECASE)


def comments_heading(line: str) -> Furniture | None:
    """``5 تعليقات على "قصة القهوة: …"``, ``3 thoughts on “…”``: the heading WordPress puts above the readers'
    comments (a count of comments on the article's title in quotes), however long the title."""
    if _COMMENTS_HEADING_RE.fullmatch(ascii_digits(line.strip())):
        return Furniture("counter", "a count of comments on the article's title (the heading of the readers' comments)")
    return None


# An academic or professional title before a name: "د. ليلى حداد", "أ.د. سالم عمر", "Dr. Omar Haddad".
_TITLE_RE = re.compile(r"^(?:أ\.\s?د\.|د\.|م\.|Dr\.|Prof\.|الدكتور|الدكتورة|البروفيسور|البروفيسورة)\s*(?=\S)")


def _titled_name(text: str) -> Furniture | None:
    """An author's name with an academic title standing alone (``د. ليلى حداد``), as papers put it under the title."""
    stripped = text.strip()
    match = _TITLE_RE.match(stripped)
    if match is None or _name(stripped) != stripped or not 1 <= len(stripped[match.end():].split()) <= 4:
        return None
    return Furniture("byline", "an author's name with an academic title", author=stripped)


# Affiliation nouns (folded) that open a line naming the author's department or university.
_AFFILIATION_NOUNS = frozenset(fold_word(w) for w in (
    "قسم", "كلية", "جامعة", "الجامعة", "معهد", "المعهد", "مركز", "المركز", "مختبر", "department", "faculty",
    "university", "institute", "school", "college", "centre", "center", "laboratory",
))
MAX_AFFILIATION_WORDS = 10


def affiliation(line: str) -> Furniture | None:
    """``قسم الجغرافيا - الجامعة الأردنية``, ``Department of Geography, University of Jordan``: an author's
    affiliation under a paper's title (read so only in the head, under the headline, after the author's name).

    At most ``MAX_AFFILIATION_WORDS`` words opening with an affiliation noun, no sentence mark."""
    words = line.strip().split()
    if not 2 <= len(words) <= MAX_AFFILIATION_WORDS or re.search(r"[.!؟?؛;:](?:\s|$)", line.strip()):
        return None
    if fold_word(words[0]).lower() not in _AFFILIATION_NOUNS:
        return None
    return Furniture("byline", "the author's affiliation (a department or university)")


# A journal's issue and page words (folded): "العدد 18 - 2022", "ص 42", "Vol. 3, No. 2".
_ISSUE_WORDS = frozenset(fold_word(w) for w in (
    "العدد", "عدد", "المجلد", "مجلد", "السنة", "الجزء", "ج", "رقم", "الإصدار", "اصدار", "vol", "volume", "no",
    "issue", "year",
))
_PAGE_WORDS = frozenset(fold_word(w) for w in ("ص", "صفحة", "الصفحة", "صص", "p", "pp", "page", "pages"))
_JOURNAL_NOUNS = frozenset(fold_word(w) for w in (
    "مجلة", "المجلة", "مجلّة", "دورية", "الدورية", "حولية", "حوليات", "نشرة", "النشرة", "journal", "review", "bulletin",
    "proceedings", "annals", "magazine",
))
MAX_JOURNAL_NAME_WORDS = 8


@lru_cache(maxsize=4096)
def issue_line(line: str) -> Furniture | None:
    """A journal's issue or page line: ``المجلة العربية للدراسات البيئية    العدد 18 - 2022``, ``… ص 42``,
    ``العدد 18``, ``Journal of Water Studies, Vol. 3, No. 2``.

    Input: one line. Output: a :class:`Furniture` of kind ``issue`` (with ``page`` when a page word and its
    number stand in it), or ``None``. The line ends in an issue part: issue or page words (``العدد``,
    ``المجلد``, ``ص``, ``Vol.``, ``p.``) with numbers, month names and punctuation, holding at least one such
    word and one number; the words before it, if any, are a publication's name: at most
    ``MAX_JOURNAL_NAME_WORDS`` words opening with a journal noun (``مجلة``, ``المجلة``, ``Journal``), no
    sentence mark.
    """
    words = line.strip().split()
    if not words:
        return None
    months = _month_names()
    start = len(words)
    issue = number = False
    page: int | None = None
    for index in range(len(words) - 1, -1, -1):
        bare = ascii_digits(words[index]).strip("-–—|/:,،()[]")
        folded = fold_word(bare).lower().rstrip(".")
        if not bare or bare.isdigit() or re.fullmatch(r"\d+[-–]\d+", bare):
            number = number or bool(bare)
        elif folded in _ISSUE_WORDS:
            issue = True
        elif folded in _PAGE_WORDS:
            issue = True
            following = ascii_digits(words[index + 1]).strip("-–—|/:,،()[].") if index + 1 < len(words) else ""
            if following.isdigit():
                page = int(following)
        elif folded not in months:
            break
        start = index
    if not (issue and number):
        return None
    name = words[:start]
    if name and page is not None and re.search(r"[،,]$", name[-1]):
        return None  # "مجلة العلوم، العدد 3، ص 45": a reference citing its pages, not a running head
    if name:
        text = " ".join(name).rstrip(" ,،-–—|")
        if len(name) > MAX_JOURNAL_NAME_WORDS or re.search(r"[.!؟?؛;:،,](?:\s|$)", text) \
                or fold_word(name[0]).lower() not in _JOURNAL_NOUNS:
            return None
    what = "a journal's page line (its name and the page number)" if page is not None else \
        "a journal's issue line (its name, issue and year)"
    return Furniture("issue", what, page=page)


@lru_cache(maxsize=4096)
def navigation_item(line: str) -> bool:
    """Is ``line`` an item of a site's navigation menu (``الرئيسية``, ``من نحن``, ``اتصل بنا``, ``Home``)?
    The items are the catalog's ``navigation`` entries (``data/boilerplate.yml``)."""
    from explainer.ingest.boilerplate import load_rules

    stripped = line.strip()
    return any(rule.platform == "navigation" and rule.pattern.fullmatch(stripped) for rule in load_rules())


def catalog_line(rule: BoilerplateRule) -> str:
    """What a catalog line is, for the report: the entry's ``what`` (``a tags line (the article's topic
    labels)``), else ``a <platform> line`` (``a blogger line``)."""
    return rule.what or f"a {rule.platform} line"


def _classify_part(part: str) -> Furniture | None:
    from explainer.ingest.boilerplate import match_boilerplate

    if not part.strip(" -–—|·•"):
        return Furniture("separator", "a separator")
    found = (_date_line(part) or _byline(part) or _reading_time(part) or _counter(part) or _breadcrumb(part)
             or _hashtags(part) or _correspondent(part) or credit(part) or _titled_name(part) or issue_line(part))
    if found is None and (rule := match_boilerplate(part)) is not None:
        return Furniture("boilerplate", catalog_line(rule))
    return found
