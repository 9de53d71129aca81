"""Search text rules: folding, tokenizing and Arabic clitic variants, plus the search record.

The same rules run twice: here, on the text that goes into the search index, and
in ``docs/assets/javascripts/explainer/search-rules.js`` on what a reader types.
A browser test (``tests/test_search_rules.py``) checks that both give the same
output, so change them together.

Rules (what a reader can rely on; maintainers/search.md):

* Folding (:func:`fold`): Unicode NFKC (Arabic presentation forms become letters);
  lowercase; ``أ إ آ ٱ`` -> ``ا``; ``ى`` -> ``ي``; ``ة`` -> ``ه`` (a final ta marbuta
  and ha are written interchangeably, so they match; the cost, ``كتابة`` matching
  ``كتابه``, is accepted); ``ؤ ئ`` -> ``ء`` (so ``مسئول`` matches ``مسؤول``); the
  Persian letters ``ک ی`` -> ``ك ي``; Arabic-Indic ``٠-٩`` and Extended ``۰-۹`` digits
  -> ``0-9``; then every nonspacing mark (Unicode category Mn: tashkeel U+064B-U+0652,
  superscript alef U+0670, Latin accents) is removed, and so are tatweel U+0640,
  zero-width joiners and bidi marks.
* Words (:func:`words`): runs of letters, marks and decimal digits (Unicode categories
  L*, M*, Nd). Everything else splits words, including the Arabic comma, semicolon and
  question mark (U+060C, U+061B, U+061F) and guillemets. A word joined by ``-`` ``'``
  ``.`` or the Arabic decimal/thousands separators (``DeepSeek-R1``, ``٣٫٥``) is also
  indexed whole, without the joiner.
* Attached prefixes (:func:`variants`): an Arabic word is indexed with and without the
  clitics a reader may or may not type: a conjunction (``و ف``), a preposition
  (``ب ك ل``) and the article (``ال``, with ``ل`` + ``ال`` written ``لل``), in that order.
  A stem keeps at least 2 letters after an article and 3 otherwise.
* Queries (:func:`query_alternatives`): each typed word is folded; an article-bearing
  prefix is dropped; a word starting with a bare conjunction or preposition is also
  tried without it. Every query word then matches as a prefix, so results follow the
  reader's typing.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from explainer.text import (
    ARTICLE,
    ASTRAL_RE,
    LAM_ARTICLE,
    MIN_STEM,
    MIN_STEM_AFTER_ARTICLE,
    clitic_prefixes,
    fold_search,
    is_folded_arabic_word,
    stem_ok,
)

# -- folding ---------------------------------------------------------------------------

#: The search fold (:func:`explainer.text.fold_search`).
fold = fold_search

# -- words -----------------------------------------------------------------------------

_JOINERS = frozenset("-'’.٫٬_")


@functools.lru_cache(maxsize=4096)
def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd"


def _bmp_word_class() -> str:
    """Regular-expression class of the word characters of the Basic Multilingual Plane, from :mod:`unicodedata`."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or not _is_word_char.__wrapped__(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_BMP_WORD_RE = re.compile(f"[{_bmp_word_class()}]+")


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of each word of ``text`` (rules in the module docstring).

    >>> text = "الصناعة، وقد «DeepSeek»"
    >>> [text[a:b] for a, b in word_spans(text)]
    ['الصناعة', 'وقد', 'DeepSeek']
    """
    if ASTRAL_RE.search(text) is None:  # the same classes, one regex step (the loop below reads astral text)
        return [match.span() for match in _BMP_WORD_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    start = None
    for index, ch in enumerate(text):
        if _is_word_char(ch):
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order, plus each joined compound once more.

    >>> words("نموذج DeepSeek-R1 في ٢٠ يناير")
    ['نموذج', 'deepseek', 'r1', 'deepseekr1', 'في', '20', 'يناير']
    """
    folded = fold(text)
    spans = word_spans(folded)
    out: list[str] = []
    run: list[str] = []
    for index, (start, end) in enumerate(spans):
        out.append(folded[start:end])
        run.append(folded[start:end])
        joined = (index + 1 < len(spans) and spans[index + 1][0] == end + 1 and folded[end] in _JOINERS)
        if not joined:
            if len(run) > 1:
                out.append("".join(run))
            run = []
    return out


def query_words(text: str) -> list[str]:
    """The folded words of a typed query; a joined compound counts once, without its parts.

    Pagefind drops one-character words such as the ``4`` of ``GPT-4``, so the whole
    compound (indexed too, see :func:`words`) is what a query looks up.

    >>> query_words("GPT-4 الذَّكَاء")
    ['gpt4', 'الذكاء']
    """
    folded = fold(text)
    spans = word_spans(folded)
    out: list[str] = []
    run: list[str] = []
    for index, (start, end) in enumerate(spans):
        run.append(folded[start:end])
        joined = (index + 1 < len(spans) and spans[index + 1][0] == end + 1 and folded[end] in _JOINERS)
        if not joined:
            out.append("".join(run))
            run = []
    return out


# -- Arabic clitics --------------------------------------------------------------------

CLITIC_PREFIXES = clitic_prefixes()


def variants(word: str) -> list[str]:
    """A folded word and its stems without attached clitics, longest first, no duplicates.

    Input: one folded word (see :func:`fold`). Non-Arabic words come back alone.

    >>> variants("والكتاب")
    ['والكتاب', 'الكتاب', 'كتاب']
    >>> variants("للطلاب")
    ['للطلاب', 'الطلاب', 'لطلاب', 'طلاب']
    >>> variants("tesla")
    ['tesla']
    """
    return list(_variants(word))


@functools.lru_cache(maxsize=65536)  # a site's vocabulary repeats: each distinct word is worked out once
def _variants(word: str) -> tuple[str, ...]:
    out = [word]
    if not is_folded_arabic_word(word):
        return (word,)
    for prefix, has_article in CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            stem = word[len(prefix):]
            if stem_ok(stem, has_article):
                out.append(stem)
                if prefix.endswith(LAM_ARTICLE):
                    out.append(ARTICLE + stem)
    return tuple(dict.fromkeys(sorted(out, key=len, reverse=True)))


def query_forms(word: str, article: bool = True) -> list[str]:
    """What one typed (folded) word is looked up as: its forms, preferred first.

    An article-bearing prefix (``ال وال بال فال كال لل ...``) is always dropped, unless
    ``article`` is False: the reader typed a hamza seat where the article's alef would be
    (``آلاف``, ``ألم``, ``وإلى``; the article is written with a bare alef), so the word is
    looked up whole. A word that starts with a bare conjunction or preposition is looked up
    as typed first, then without them (shortest prefix first), since ``وزير`` and ``كتاب``
    start with letters that only look like clitics.

    >>> query_forms("الاقتصاد"), query_forms("وكتاب"), query_forms("كتب"), query_forms("tesla")
    (['اقتصاد'], ['وكتاب', 'كتاب', 'تاب'], ['كتب'], ['tesla'])
    >>> query_forms("الاف"), query_forms("الاف", article=False)
    (['اف'], ['الاف'])
    """
    if not is_folded_arabic_word(word):
        return [word]
    for prefix, has_article in CLITIC_PREFIXES if article else ():
        stem = word[len(prefix):]
        if has_article and word.startswith(prefix) and stem_ok(stem, True):
            return [stem]
    forms = [word]
    for prefix, has_article in sorted(CLITIC_PREFIXES, key=lambda item: len(item[0])):
        stem = word[len(prefix):]
        if not has_article and word.startswith(prefix) and stem_ok(stem, False):
            forms.append(stem)
    return forms


MAX_QUERY_ALTERNATIVES = 4
# A typed word whose alef before lam carries a hamza (after at most one attached letter): not the article.
# (Quotes or brackets before it allowed; the same pattern is in search-rules.js.)
_HAMZA_LED_RE = re.compile("^[^\u0621-\u064aA-Za-z0-9]*[\u0648\u0641\u0628\u0643\u0644]?[\u0623\u0625\u0622]\u0644")
_ARABIC_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # tashkeel, superscript alef, tatweel


def query_alternatives(query: str) -> list[list[str]]:
    """The look-ups for a typed query: lists of forms, one per word, preferred list first.

    At most :data:`MAX_QUERY_ALTERNATIVES` lists (only the first ambiguous words expand).

    >>> query_alternatives("الذَّكَاءُ الاصطناعي")
    [['ذكاء', 'اصطناعي']]
    >>> query_alternatives("وكتاب الاقتصاد")
    [['وكتاب', 'اقتصاد'], ['كتاب', 'اقتصاد'], ['تاب', 'اقتصاد']]
    >>> query_alternatives("آلاف"), query_alternatives("الاف")
    ([['الاف']], [['اف']])
    """
    hamza_led = {found[0] for token in query.split() if _HAMZA_LED_RE.match(_ARABIC_MARKS_RE.sub("", token))
                 and (found := query_words(token))}
    per_word = [query_forms(w, article=w not in hamza_led) for w in query_words(query)]
    combos: list[list[str]] = [[]]
    for forms in per_word:
        if len(combos) * len(forms) > MAX_QUERY_ALTERNATIVES:
            forms = forms[:1]
        combos = [combo + [form] for combo in combos for form in forms]
    return [c for c in combos if c]


def index_terms(text: str) -> list[str]:
    """Every term the index holds for ``text``: each word, folded, with its variants.

    >>> index_terms("وأعلنت الشركة")
    ['واعلنت', 'اعلنت', 'الشركه', 'شركه']
    """
    out: list[str] = []
    for word in words(text):
        out.extend(variants(word))
    return out


# -- records ---------------------------------------------------------------------------

#: Separates the text as written from the extra index terms in a record's content.
TERMS_SEPARATOR = "\u2063"


@dataclass(frozen=True)
class SearchRecord:
    """One searchable unit: a page (``location`` without ``#``) or one of its sections.

    ``title``, ``page_title`` and ``text`` are plain text as written (never folded);
    ``lang`` is the BCP 47 code of the page the unit is on.
    """

    location: str
    lang: str
    title: str
    page_title: str
    text: str

    @property
    def page(self) -> str:
        """The page part of ``location`` (before ``#``)."""
        return self.location.split("#", 1)[0]

    def content(self) -> str:
        """Text for the indexer: title and text as written, then the extra folded terms.

        Terms equal to a written word with its marks stripped are left out: the engine
        (Pagefind) already finds those.
        """
        written = f"{self.title}\n{self.text}".strip()
        return f"{written} {TERMS_SEPARATOR} {self.extra_terms()}".rstrip()

    def extra_terms(self) -> str:
        """The folded index terms of title and text that no written word gives (see :meth:`content`), space-separated."""
        return _extra_terms(self.title, self.text)


@functools.lru_cache(maxsize=1 << 15)  # a serve rebuild indexes the same records again
def _extra_terms(title: str, text: str) -> str:
    # Word by word: a word (and a compound joined by "-" "'" ".") never spans white space, and folding
    # keeps white space white, so the terms of the text are those of its white-space-separated chunks,
    # in order; a site's chunks repeat, and each distinct one is worked out once (_chunk_terms).
    chunks = [_chunk_terms(chunk) for chunk in f"{title}\n{text}".split()]
    plain = set(itertools.chain.from_iterable(written for _terms, written in chunks))
    terms = dict.fromkeys(itertools.chain.from_iterable(found for found, _written in chunks))
    return " ".join(t for t in terms if t not in plain)


@functools.lru_cache(maxsize=1 << 17)
def _chunk_terms(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The index terms of one white-space-free piece of text, and its written words without marks, lowercased."""
    return tuple(index_terms(chunk)), tuple(_strip_marks(w.lower()) for w in _raw_words(chunk))


def extra_terms_reference(title: str, text: str) -> str:
    """:meth:`SearchRecord.extra_terms` computed on the whole text at once (what the chunked version must equal)."""
    written = f"{title}\n{text}".strip()
    plain = {_strip_marks(w.lower()) for w in _raw_words(written)}
    return " ".join(t for t in dict.fromkeys(index_terms(written)) if t not in plain)


@functools.lru_cache(maxsize=1 << 16)
def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def _raw_words(text: str) -> list[str]:
    return [text[a:b] for a, b in word_spans(text)]


__all__ = [
    "CLITIC_PREFIXES",
    "MIN_STEM",
    "MIN_STEM_AFTER_ARTICLE",
    "TERMS_SEPARATOR",
    "SearchRecord",
    "fold",
    "index_terms",
    "query_alternatives",
    "query_forms",
    "query_words",
    "variants",
    "word_spans",
    "words",
]
