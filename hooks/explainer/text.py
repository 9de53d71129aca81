"""Arabic text, once: letter classes, fold variants, attached clitics, words, HTML to text.

Every stage that compares or counts Arabic text takes its rules from here: search
(:mod:`explainer.search.rules`), glossary and gazetteer matching (:mod:`explainer.textmatch`),
key facts (:mod:`explainer.render.facts`), the preservation check
(:mod:`explainer.ingest.preserve`) and reading time (:mod:`explainer.render.readtime`).

**Letter classes** (Unicode Arabic block, U+0600-U+06FF, and Arabic orthography):

* :data:`ARABIC_LETTERS`: the letters (hamza U+0621 to ghain U+063A, feh U+0641 to
  yeh U+064A, alef wasla U+0671 to yeh barree U+06D3, the extended letters of Persian,
  Urdu ... and Quranic forms U+06FA-U+06FF); tatweel U+0640 is not a letter.
  :data:`BASIC_LETTERS` U+0621-U+064A: the alphabet in its basic forms (what the legacy
  code pages encode; tatweel included).
* :data:`TASHKEEL`: harakat, tanwin, shadda, sukun and the other combining marks
  U+064B-U+065F, plus the superscript alef U+0670 (they sit on a letter); :data:`HARAKAT`
  U+064B-U+0652 the vowel marks alone; :data:`QURANIC_MARKS` U+06D6-U+06ED.
* :data:`FINAL_ONLY`: ``ة`` (ta marbuta) and ``ى`` (alif maqsura) are written only at the
  end of a word: before an attached pronoun they become ``ت`` and ``ا``/``ي``
  (``مدرسة`` -> ``مدرستها``, ``على`` -> ``عليه``). So one of them directly followed by a
  letter is a seam between two words (:data:`FINAL_LETTER_SEAM_RE`). A hamza on the line
  ``ء`` is final too, except after a long vowel (``قراءة``, ``تساءل``, ``إجراءات``): only a
  hint, which needs lexical evidence (:data:`HAMZA_SEAM_RE`).
* :data:`FOLDED_LETTERS`: U+0620-U+064A, what a *folded* Arabic word of the search
  rules is made of (the browser's copy, ``search-rules.js``, tests the same range).
* *digits*: any Unicode ``Nd`` character; ASCII, Arabic-Indic (U+0660-U+0669) and Extended
  Arabic-Indic (U+06F0-U+06F9) digits are the ones seeds use (:func:`digit_system`,
  :func:`to_digits`, :func:`ascii_digits`, :func:`ascii_number_text`); the scale words written
  after a number (:data:`ARABIC_SCALE_WORDS`).

**Fold variants.** Arabic spelling varies where meaning does not: the hamza seats
(``أ إ آ ٱ`` for ``ا``, ``ؤ ئ`` for ``ء``), alif maqsura ``ى`` for ``ي``, ta marbuta ``ة``
for ``ه``, the Persian letters ``ک ی`` for ``ك ي`` (:data:`LETTER_VARIANTS`, shared by every
variant), tashkeel and tatweel. Two named variants apply it:

* :func:`fold_search` (search, both the index and the typed query): also NFKC (presentation
  forms become letters), Arabic-Indic and Extended Arabic-Indic digits become ASCII digits,
  and *every* nonspacing mark goes (Latin accents too: ``café`` is ``cafe``), as do
  zero-width joiners and bidi marks. A reader types on any keyboard; the length changes.
* :func:`fold_match` (glossary terms, gazetteer names, key facts): one output character per
  kept input character and a map back to the original offsets, so a match is a span of the
  text as written. It therefore cannot apply NFKC (the seeds are NFC already, see
  :mod:`explainer.ingest.decode`); it drops only Arabic marks and tatweel and keeps digits
  as written (key facts read numbers of both scripts themselves).

**Clitics.** A word may carry attached proclitics, in this order: a conjunction
(:data:`CONJUNCTIONS` ``و ف``), a preposition (:data:`PREPOSITIONS` ``ب ك ل``) and the
article :data:`ARTICLE` ``ال`` (``ل`` + ``ال`` is written ``لل``). :func:`clitic_prefixes` lists
every combination; a stem keeps at least :data:`MIN_STEM_AFTER_ARTICLE` letters after an
article and :data:`MIN_STEM` otherwise, so ``بحر`` is not ``ب`` + ``حر``.

**Words** (:func:`word_spans`, :func:`words`): maximal runs of letters, marks and digits
(Unicode general categories L, M, N), optionally joined by inner joiners (``DeepSeek-R1``).
The search rules use their own class (L, M and decimal digits Nd only, then joined
compounds), because the browser's copy of the rules matches ``[\\p{L}\\p{M}\\p{Nd}]``.

**HTML to text** (:func:`html_to_text`): the text a reader sees in an HTML fragment.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Iterator

import regex

# -- letter classes ----------------------------------------------------------------------

#: Regular-expression class body of the Arabic letters (see the module docstring).
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
#: Regular-expression class body of the basic alphabet U+0621-U+064A (tatweel included).
BASIC_LETTERS = "\u0621-\u064a"
#: Regular-expression class body of tashkeel: U+064B-U+065F and the superscript alef U+0670.
TASHKEEL = "\u064b-\u065f\u0670"
#: Regular-expression class body of the harakat (vowel marks, tanwin, shadda, sukun) U+064B-U+0652.
HARAKAT = "\u064b-\u0652"
#: Regular-expression class body of the Quranic annotation marks U+06D6-U+06ED.
QURANIC_MARKS = "\u06d6-\u06ed"
TATWEEL = "\u0640"
DAMMA = "\u064f"
#: Arabic punctuation that ends or splits a phrase: comma, semicolon, question mark, full stop.
ARABIC_PUNCTUATION = "\u060c\u061b\u061f\u06d4"
#: Arabic-Indic (U+0660-U+0669) and Extended Arabic-Indic (U+06F0-U+06F9) digits.
ARABIC_DIGITS = "\u0660-\u0669\u06f0-\u06f9"
#: First and last character of a folded Arabic word in the search rules.
FOLDED_LETTERS = ("\u0620", "\u064a")
FINAL_ONLY = "\u0629\u0649"  # ة ى
HAMZA = "\u0621"  # ء
ARABIC_INDIC = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
EXTENDED_ARABIC_INDIC = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"

ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTERS}]")
#: An Arabic word as written: letters with their tashkeel and tatweel.
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTERS}{TASHKEEL}{TATWEEL}]+")
#: A final-only letter (with its marks), then a letter of the next word: U+0629/U+0649 never sit inside a word.
FINAL_LETTER_SEAM_RE = re.compile(f"[{FINAL_ONLY}][{TASHKEEL}]*(?=[{ARABIC_LETTERS}])")
HAMZA_SEAM_RE = re.compile(f"{HAMZA}[{TASHKEEL}]*(?=[{ARABIC_LETTERS}])")
_ARABIC_LETTERS_RUN_RE = re.compile(f"[{ARABIC_LETTERS}]+")
_LETTERS_RUN_RE = regex.compile(r"\p{L}+")


def arabic_share(text: str) -> tuple[int, int]:
    """``(arabic letters, all letters)`` of ``text`` (letters: Unicode category L).

    >>> arabic_share("مرحبا DeepSeek")
    (5, 13)
    """
    return sum(map(len, _ARABIC_LETTERS_RUN_RE.findall(text))), sum(map(len, _LETTERS_RUN_RE.findall(text)))


# -- digits ------------------------------------------------------------------------------

def digit_system(digits: str) -> str:
    """CLDR numbering system of a run of digits: ``arab`` (٠–٩), ``arabext`` (۰–۹) or ``latn``.

    Names from CLDR's ``numberingSystems.xml`` (what Babel's ``numbering_system`` takes).

    >>> digit_system("٢٠٢٥"), digit_system("۲۰"), digit_system("7.2")
    ('arab', 'arabext', 'latn')
    """
    if any(ch in ARABIC_INDIC for ch in digits):
        return "arab"
    if any(ch in EXTENDED_ARABIC_INDIC for ch in digits):
        return "arabext"
    return "latn"


_TO_SYSTEM = {"arab": str.maketrans("0123456789", ARABIC_INDIC),
              "arabext": str.maketrans("0123456789", EXTENDED_ARABIC_INDIC)}


def to_digits(text: str, system: str) -> str:
    """``text`` with its ASCII digits written in numbering system ``system`` (``latn`` leaves it as is).

    >>> to_digits("20 يناير 2025", "arab")
    '٢٠ يناير ٢٠٢٥'
    """
    table = _TO_SYSTEM.get(system)
    return text.translate(table) if table else text


_ARABIC_TO_ASCII = str.maketrans(ARABIC_INDIC + EXTENDED_ARABIC_INDIC, "0123456789" * 2)
_OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")  # a decimal digit (Nd) of any other script


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit (category Nd) of ``text`` as its ASCII digit.

    >>> ascii_digits("٣ أبريل ٢٠٢٥"), ascii_digits("१२")
    ('3 أبريل 2025', '12')
    """
    if text.isascii():
        return text
    text = text.translate(_ARABIC_TO_ASCII)
    if _OTHER_DIGIT_RE.search(text) is None:  # the digits seeds use: ASCII and the two Arabic-Indic sets
        return text
    return _OTHER_DIGIT_RE.sub(lambda digit: str(unicodedata.digit(digit.group())), text)


#: Arabic number punctuation (Unicode Arabic block) and its ASCII counterpart: decimal
#: separator U+066B, thousands separator U+066C, percent sign U+066A.
ARABIC_NUMBER_SIGNS = {"٫": ".", "٬": ",", "٪": "%"}
_NUMBER_SIGNS_TO_ASCII = str.maketrans(ARABIC_NUMBER_SIGNS)


def ascii_number_text(text: str) -> str:
    """``text`` with its digits (:func:`ascii_digits`) and Arabic number signs (:data:`ARABIC_NUMBER_SIGNS`) in ASCII.

    Same length as ``text``, so offsets found in the output hold in the input.

    >>> ascii_number_text("١٢٫٥٪ و١٠٬٠٠٠")
    '12.5% و10,000'
    """
    return text if text.isascii() else ascii_digits(text).translate(_NUMBER_SIGNS_TO_ASCII)


#: Arabic scale words written after a number (``10 آلاف``, ``3 مليارات``), with and without
#: hamza, and the multiplier each gives. The one table the key facts and the translation checks read.
ARABIC_SCALE_WORDS = {
    "ألف": 10**3, "الف": 10**3, "آلاف": 10**3, "الاف": 10**3, "ألاف": 10**3,
    "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9, "بليون": 10**9, "بلايين": 10**9,
    "تريليون": 10**12, "ترليون": 10**12, "تريليونات": 10**12,
}


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds any character of the Arabic block.

    >>> has_arabic("DeepSeek"), has_arabic("DeepSeek في")
    (False, True)
    """
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def is_folded_arabic_word(word: str) -> bool:
    """Whether a folded word (:func:`fold_search`) is Arabic: every character in :data:`FOLDED_LETTERS`."""
    low, high = FOLDED_LETTERS
    return bool(word) and all(low <= ch <= high for ch in word)


# -- fold variants -----------------------------------------------------------------------

#: Spelling variants folded by both fold variants.
LETTER_VARIANTS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "ء", "ئ": "ء",
    "ى": "ي", "ة": "ه",
    "ک": "ك", "ی": "ي",
}
_SEARCH_TABLE = str.maketrans({
    **LETTER_VARIANTS,
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
})
_MATCH_TABLE = str.maketrans(LETTER_VARIANTS)
#: Ignored by the search fold besides nonspacing marks: tatweel, ZWNJ, ZWJ, LRM, RLM,
#: the Arabic letter mark, word joiner, BOM.
SEARCH_IGNORED = frozenset("\u0640\u200c\u200d\u200e\u200f\u061c\u2060\ufeff")


class _DropMarks(dict[int, int | None]):
    """``str.translate`` table deleting nonspacing marks (category Mn) and :data:`SEARCH_IGNORED`.

    Filled lazily, one entry per distinct code point seen, from :mod:`unicodedata` (the
    Unicode version of this Python), so the C-level ``translate`` does the work.
    """

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        value = None if ch in SEARCH_IGNORED or unicodedata.category(ch) == "Mn" else code
        self[code] = value
        return value


_DROP_MARKS = _DropMarks()


def fold_search(text: str) -> str:
    """The search fold (module docstring): what the index holds and what a typed query becomes.

    >>> fold_search("أَعْلَنَتْ الـشركة ٢٠٢٤ DeepSeek")
    'اعلنت الشركه 2024 deepseek'
    >>> fold_search("مسئول") == fold_search("مسؤول"), fold_search("café")
    (True, 'cafe')
    """
    text = unicodedata.normalize("NFKC", text).lower().translate(_SEARCH_TABLE)
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_DROP_MARKS))


# Runs of what fold_match drops: tashkeel, tatweel, Quranic marks.
_MATCH_DROPPED_RE = re.compile(f"[{TASHKEEL}{TATWEEL}{QURANIC_MARKS}]+")


def is_match_dropped(ch: str) -> bool:
    """Whether :func:`fold_match` drops ``ch`` (tashkeel, tatweel or a Quranic mark)."""
    return _MATCH_DROPPED_RE.fullmatch(ch) is not None


def fold_match(text: str) -> tuple[str, list[int]]:
    """The matching fold (module docstring): the folded text and, per folded character, its offset in ``text``.

    >>> fold_match("الإصطناعيُّ")[0], fold_match("مسئول")[0] == fold_match("مسؤول")[0]
    ('الاصطناعي', True)
    >>> fold_match("Nvidia")
    ('nvidia', [0, 1, 2, 3, 4, 5])
    """
    lowered_text = text.lower()
    if len(lowered_text) == len(text) and "Σ" not in text:
        # Every character lowercases to one (str.lower's only context rule is final sigma), so
        # whole-string calls give what the per-character loop gives; dropped runs are cut out.
        pieces: list[str] = []
        kept: list[int] = []
        start = 0
        for run in _MATCH_DROPPED_RE.finditer(text):
            pieces.append(lowered_text[start:run.start()])
            kept.extend(range(start, run.start()))
            start = run.end()
        pieces.append(lowered_text[start:])
        kept.extend(range(start, len(text)))
        return "".join(pieces).translate(_MATCH_TABLE), kept
    chars: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        if is_match_dropped(ch):
            continue
        lowered = ch.lower()
        chars.append((lowered if len(lowered) == 1 else ch).translate(_MATCH_TABLE))
        offsets.append(index)
    return "".join(chars), offsets


@functools.lru_cache(maxsize=1 << 16)  # the same words and paragraphs are folded by glossary, gazetteer and facts
def fold_match_word(text: str) -> str:
    """:func:`fold_match` of a word or phrase, without the offsets.

    >>> fold_match_word("الناشِئة")
    'الناشءه'
    """
    return fold_match(text)[0]


# -- clitics -----------------------------------------------------------------------------

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
ARTICLE = "ال"
#: ``ل`` + ``ال`` as written.
LAM_ARTICLE = "لل"
MIN_STEM_AFTER_ARTICLE = 2
MIN_STEM = 3


def clitic_prefixes() -> tuple[tuple[str, bool], ...]:
    """Every proclitic prefix (conjunction? preposition? article?), longest first, with "has article".

    >>> clitic_prefixes()[:3]
    (('فبال', True), ('فكال', True), ('وبال', True))
    >>> ("لل", True) in clitic_prefixes(), ("ول", False) in clitic_prefixes()
    (True, True)
    """
    found: set[tuple[str, bool]] = set()
    for conj, prep in itertools.product(CONJUNCTIONS, PREPOSITIONS):
        if conj or prep:
            found.add((conj + prep, False))
        found.add((conj + (LAM_ARTICLE if prep == "ل" else prep + ARTICLE), True))
    return tuple(sorted(found, key=lambda item: (-len(item[0]), item[0])))


def stem_ok(stem: str, has_article: bool) -> bool:
    """Whether ``stem`` is long enough to stand after a prefix (with or without the article)."""
    return len(stem) >= (MIN_STEM_AFTER_ARTICLE if has_article else MIN_STEM)


def clitic_forms(word: str) -> set[str]:
    """Every written form of a folded Arabic word with attached proclitics.

    A word that starts with the article keeps it in every form (``الكتاب``, ``والكتاب``,
    ``للكتاب``); a word without it also takes the article (``كتاب`` -> ``والكتاب``), and
    takes a bare conjunction or preposition when its stem is long enough (:func:`stem_ok`).

    >>> sorted(clitic_forms("حر"))[:4]
    ['الحر', 'بالحر', 'حر', 'فالحر']
    >>> "بحر" in clitic_forms("حر"), "وبكتاب" in clitic_forms("كتاب")
    (False, True)
    """
    stem = word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1 else word
    definite = stem != word
    forms: set[str] = set()
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            forms.add(conj + prep + ARTICLE + stem)
            if prep == "ل":
                forms.add(conj + LAM_ARTICLE + stem)
            if not definite and (stem_ok(stem, False) or not conj + prep):
                forms.add(conj + prep + stem)
    return forms


# -- words -------------------------------------------------------------------------------


def _bmp_class(wanted: str) -> str:
    """Regular-expression class body of the Basic Multilingual Plane characters whose general category
    starts with one of ``wanted`` (:mod:`unicodedata`, this Python's Unicode version)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or unicodedata.category(chr(code))[0] not in wanted:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_WORD_CHARS = _bmp_class("LMN")
#: A character beyond the Basic Multilingual Plane.
ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class _WordPattern:
    """Runs of word characters (categories L, M, N) joined by ``joiners``: one ``re`` pattern over the
    Basic Multilingual Plane, the ``regex`` module's ``\\p{..}`` classes for text beyond it."""

    def __init__(self, joiners: str) -> None:
        joined = "".join(re.escape(ch) for ch in joiners)
        tail = f"(?:[{joined}][{{chars}}]+)*" if joiners else ""
        self._bmp = re.compile(f"[{_WORD_CHARS}]+" + tail.format(chars=_WORD_CHARS))
        self._any = regex.compile(r"[\p{L}\p{M}\p{N}]+" + tail.format(chars=r"\p{L}\p{M}\p{N}"))

    def _for(self, text: str) -> re.Pattern[str] | regex.Pattern[str]:
        return self._bmp if ASTRAL_RE.search(text) is None else self._any

    def finditer(self, text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
        """Every word of ``text``, as match objects."""
        return self._for(text).finditer(text)

    def findall(self, text: str) -> list[str]:
        """Every word of ``text``."""
        return self._for(text).findall(text)


@functools.lru_cache(maxsize=8)
def word_pattern(joiners: str = "") -> _WordPattern:
    """The compiled pattern of :func:`word_spans` for ``joiners`` (cached)."""
    return _WordPattern(joiners)


#: Joiners inside one word for counting (reading time): hyphens and apostrophes.
COUNT_JOINERS = "-\u2010'\u2019"
#: Joiners inside one word for phrase matching: hyphens only (``OpenAI's`` holds ``OpenAI``).
MATCH_JOINERS = "-\u2010"


def word_spans(text: str, joiners: str = "") -> list[tuple[int, int]]:
    """``(start, end)`` of each word of ``text``: runs of categories L, M, N joined by ``joiners``.

    >>> text = "DeepSeek-R1 في «٢٠» يومًا"
    >>> [text[a:b] for a, b in word_spans(text)], [text[a:b] for a, b in word_spans(text, "-")][:1]
    (['DeepSeek', 'R1', 'في', '٢٠', 'يومًا'], ['DeepSeek-R1'])
    """
    return [match.span() for match in word_pattern(joiners).finditer(text)]


def words(text: str, joiners: str = "") -> list[str]:
    """The words of ``text`` as written, in order (see :func:`word_spans`).

    >>> words("DeepSeek.في 20 يناير، «مرحبًا»"), words("𝐀𝐁 x")
    (['DeepSeek', 'في', '20', 'يناير', 'مرحبًا'], ['𝐀𝐁', 'x'])
    """
    return word_pattern(joiners).findall(text)


# -- HTML to text ------------------------------------------------------------------------

# An element whose content is no text for a reader.
_HIDDEN_RE = re.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
#: Elements that separate the words around them (HTML's block-level and table elements, ``br``).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment as a reader sees it: tags dropped, entities decoded, blanks collapsed.

    Block-level elements separate words; inline elements (``a``, ``bdi``, ``b`` ...) do
    not. Scripts, styles, templates and comments are left out. Meant for HTML whose
    text and attribute values are escaped (what the core writes, and what MkDocs and
    Material write): a ``>`` inside an attribute value must be written ``&gt;``.

    >>> html_to_text("<p>أعلنت &amp; <b>قالت</b></p><ul><li>أ</li><li>ب</li></ul>")
    'أعلنت & قالت أ ب'
    >>> html_to_text('لـ<bdi dir="ltr">OpenAI</bdi>.<script>x()</script>')
    'لـOpenAI.'
    """
    if "<" in fragment:
        fragment = _HIDDEN_RE.sub(" ", fragment)
        fragment = _TAG_RE.sub(lambda m: " " if m.group(1).lower() in BLOCK_TAGS else "", fragment)
    return " ".join(html.unescape(fragment).split())
