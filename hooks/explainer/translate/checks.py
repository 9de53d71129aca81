"""Translation checks: what a current msgstr may have lost of its Arabic msgid (pofilter / Weblate style).

Each check compares one msgid with its msgstr and gives :class:`Finding` objects; it
never changes what a page shows, and only the translation gate
(``extra.explainer.translation_gate``, ``explainer coverage --fail-on-findings``) can
make a finding block a deploy. The checks, and what they recognise:

* ``number`` (translate-toolkit's ``numbers``, Weblate's "Mismatched numbers"): every number
  of the msgid must come back with the same value in the msgstr. Values are compared, not
  spellings:

  - digits: ASCII ``0-9``, Arabic-Indic ``٠-٩`` and Eastern Arabic-Indic ``۰-۹``;
  - separators: ``.`` and ``٫`` are decimal points; ``,`` and ``٬`` (and the no-break
    spaces U+00A0, U+202F) group thousands when every group after them has exactly three
    digits (``10,000``, ``١٠٬٠٠٠``), else ``,`` is a decimal comma (``3,5``); a single
    ``.`` before three digits (``1.000``) may be either, and both values are accepted;
  - scale words after a number: ``ألف``/``آلاف``/``الف``/``الاف`` (thousand), ``مليون``/``ملايين``,
    ``مليار``/``مليارات``/``بليون``, ``تريليون``/``ترليون``, and in English ``thousand``,
    ``million``, ``billion``, ``trillion`` and the suffixes ``k``, ``m``/``mn``, ``bn``/``b``
    (``10 آلاف`` = ``10,000`` = ``10 thousand`` = ``10k``);
  - percent forms (``%``, ``٪``, ``في المئة``/``في المائة``/``بالمئة``, ``percent``) and
    ordinal suffixes (``21st``) do not change a value;
  - English numbers written as words (``ten thousand``, ``twenty-five``, ``a million``,
    ``first`` ... ``twentieth``, ``dozen``).

  Numbers written as Arabic words (``عشرة``, ``الأول``, ``عام ألفين``) are not read, so
  they are never reported; a number glued to Latin letters (``R1`` in ``DeepSeek-R1``) is
  part of a name (the ``name`` check). When unsure, nothing is reported: in a language
  whose number words are not known (every target but English) a missing number is
  reported only when the msgstr has another number in its place.
* ``name``: every Latin-script word of the msgid (a name such as ``DeepSeek-R1``, an
  abbreviation), URL and e-mail address (as :func:`explainer.render.links.link_spans`
  finds them on the page) must be in the msgstr. Words are compared without case and
  without their inner ``-.&'+`` (``DeepSeek R1`` keeps ``DeepSeek-R1``; ``Nvidia's`` keeps
  ``Nvidia``); a URL exactly (a final ``/`` aside), an e-mail address without case.
* ``brackets``: ``()``, ``[]``, ``«»``, ``“”`` and ``"`` must be balanced in the msgstr.
  Only a pair the msgid itself balances is judged (an Arabic text typed with mirrored
  brackets, ``)كذا(``, or a quote left open in the seed, is the seed's matter), and the
  Arabic quotes ``«»`` may become ``“”`` or ``"``: quotes are judged as one family.

:func:`entry_lines` gives the line of each entry of a PO file, for the findings and the
lists of work (``explainer coverage --list``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.messages.pofile import unescape

from explainer.render.links import link_spans
from explainer.text import ARABIC_SCALE_WORDS, ascii_number_text

#: The checks, in the order findings are listed.
CHECKS = ("number", "name", "brackets")
#: Checks whose finding means the msgstr may say something else than its msgid (a value, a name): the page
#: shows such a translation marked "to be reviewed" and coverage does not count it until it is mended.
#: A ``brackets`` finding changes nothing a reader relies on: it is reported only.
REVIEW_CHECKS = ("number", "name")


@dataclass(frozen=True)
class Finding:
    """One problem of a msgstr: the check that found it (one of :data:`CHECKS`) and what it found."""

    check: str
    message: str


# -- numbers -------------------------------------------------------------------------------------

_GROUP = ",\u00a0\u202f"
_SCALES = {
    **ARABIC_SCALE_WORDS,
    "thousand": 10**3, "thousands": 10**3, "million": 10**6, "millions": 10**6,
    "billion": 10**9, "billions": 10**9, "trillion": 10**12, "trillions": 10**12,
}
_SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
_SCALE_RE = "|".join(sorted((re.escape(w) for w in _SCALES), key=len, reverse=True))
# A number alone, or after one attached Arabic letter of و ف ب ل ("و40%"); never inside a Latin word ("R1").
_NUMBER_RE = re.compile(
    r"(?:(?<![\w.,])|(?<=(?<![\w])[وفبل]))"
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:[.,]\d+)?)"
    r"(?P<suffix>st|nd|rd|th|s|k|K|mn|m|M|bn|b|B|tn)?(?![\w])"
    rf"(?:[ \u00a0](?P<scale>{_SCALE_RE})(?![\w]))?(?: ?%)?",
    re.IGNORECASE)
_EN_UNITS = {w: n for n, w in enumerate(re.findall(r"\w+", (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen")))}
_EN_TENS = {w: 10 * n for n, w in enumerate(re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety"),
                                            start=2)}
_EN_ORDINALS = {w: n for n, w in enumerate(re.findall(r"\w+", (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")), start=1)}
_EN_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")
_EN_SCALED = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_EN_RUN_WORDS = frozenset((*_EN_UNITS, *_EN_TENS, *_EN_ORDINALS, "dozen", *_EN_SCALED))
_EN_ANY_NUMBER_WORD_RE = re.compile(
    r"\b(?:" + "|".join([*_EN_UNITS, *_EN_TENS, *_EN_ORDINALS, "dozen", "hundred", "thousand", "million", "billion",
                         "trillion"]) + r")s?\b", re.IGNORECASE)
_NUMBER_WORDS = {"en": True}  # target languages whose number words are read (the rest: see the module docstring)


@dataclass(frozen=True)
class _Number:
    text: str
    values: frozenset[Decimal]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


_GROUPED_RE = re.compile(r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?")
_DOT_GROUPED_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DOT_OR_GROUP_RE = re.compile(r"\d{1,3}\.\d{3}")
_GROUP_SEP_RE = re.compile(r"[,\u00a0\u202f]")


def _values(num: str) -> set[Decimal]:
    """Possible values of a number as written (separators: see the module docstring)."""
    if num.isdigit():  # most numbers: no separator
        return {Decimal(num).normalize()}
    found: set[Decimal | None] = set()
    if _GROUPED_RE.fullmatch(num) and any(sep in num for sep in _GROUP):
        found.add(_decimal(_GROUP_SEP_RE.sub("", num)))
    elif _DOT_GROUPED_RE.fullmatch(num):
        found.add(_decimal(num.replace(".", "")))
    elif "," in num:
        found.add(_decimal(num.replace(",", ".")))
    else:
        found.add(_decimal(num))
        if _DOT_OR_GROUP_RE.fullmatch(num):
            found.add(_decimal(num.replace(".", "")))
    return {value for value in found if value is not None}


def _english_words(text: str) -> list[_Number]:
    """English numbers written as words: runs like ``twenty-five``, ``ten thousand``, ``a million``, ``first``."""
    numbers: list[_Number] = []
    if not _EN_ANY_NUMBER_WORD_RE.search(text):  # most texts: no number word at all
        return numbers
    tokens = [(m.group(), m.start(), m.end()) for m in _EN_WORD_RE.finditer(text.lower())]
    # a run starts at a number word, or at "a"/"an" before one ("a million", "a dozen")
    heads = [word.split("-")[0] in _EN_RUN_WORDS for word, _start, _end in tokens]
    starts = [at for at, (word, _start, _end) in enumerate(tokens)
              if heads[at] or (word in ("a", "an") and at + 1 < len(tokens) and heads[at + 1])]
    index = 0
    for start_at in starts:
        if start_at < index:
            continue
        index = start_at
        total, current, start, end, seen = Decimal(0), Decimal(0), tokens[index][1], tokens[index][2], False
        j = index
        while j < len(tokens):
            word = tokens[j][0]
            parts = word.split("-")
            if len(parts) == 2 and parts[0] in _EN_TENS and (parts[1] in _EN_UNITS or parts[1] in _EN_ORDINALS):
                current += _EN_TENS[parts[0]] + _EN_UNITS.get(parts[1], _EN_ORDINALS.get(parts[1], 0))
            elif word in _EN_UNITS or word in _EN_TENS or word in _EN_ORDINALS:
                current += _EN_UNITS.get(word, _EN_TENS.get(word, _EN_ORDINALS.get(word, 0)))
            elif word == "dozen":
                current = (current or Decimal(1)) * 12
            elif word == "hundred" and (seen or (j > index and tokens[j - 1][0] in ("a", "one"))):
                current = (current or Decimal(1)) * 100
            elif word in _SCALES and _SCALES[word] >= 1000 and (seen or (j > index and tokens[j - 1][0] in ("a", "one"))):
                total += (current or Decimal(1)) * _SCALES[word]
                current = Decimal(0)
            elif word in ("a", "an", "and") and j + 1 < len(tokens) and (seen or word != "and"):
                j += 1
                continue
            else:
                break
            seen, end = True, tokens[j][2]
            j += 1
        if seen:
            numbers.append(_Number(text[start:end], frozenset({(total + current).normalize()})))
            index = j
    return numbers


def numbers(text: str, lang: str) -> list[_Number]:
    """The numbers of ``text`` with their possible values (rules: module docstring); URLs and e-mails left out."""
    plain = "".join(" " * len(span.text) if span.href else span.text for span in link_spans(text))
    plain = ascii_number_text(plain)
    found: list[_Number] = []
    for match in _NUMBER_RE.finditer(plain):
        values = _values(match.group("num"))
        scale = match.group("scale")
        suffix = (match.group("suffix") or "").lower()
        if scale:
            values = {(v * _SCALES[scale.lower()]).normalize() for v in values}
        elif suffix in _SUFFIXES:
            values |= {(v * _SUFFIXES[suffix]).normalize() for v in values}  # "5m": five million or five metres
        found.append(_Number(text[match.start():match.end()], frozenset(values)))
    if _NUMBER_WORDS.get(lang.split("-")[0]):
        found += _english_words(plain)
    return found


_ANY_DIGIT_RE = re.compile(r"\d")
_ANY_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ANY_BRACKET_RE = re.compile(r'[()\[\]«»“”"]')


def _number_findings(msgid: str, msgstr: str, source_lang: str, target_lang: str) -> list[Finding]:
    if not _ANY_DIGIT_RE.search(msgid):  # most texts: no number to keep
        return []
    wanted = numbers(msgid, source_lang)
    if not wanted:
        return []
    offered = numbers(msgstr, target_lang)
    missing: list[_Number] = []
    for number in wanted:
        match = next((i for i, other in enumerate(offered) if number.values & other.values), None)
        if match is None:
            missing.append(number)
        else:
            del offered[match]
    if not missing or (not _NUMBER_WORDS.get(target_lang.split("-")[0]) and not offered):
        return []
    shown = ", ".join(n.text for n in missing)
    instead = f" (it has {', '.join(n.text for n in offered)})" if offered else ""
    return [Finding("number", f"number {shown} of the msgid is missing or different in the msgstr{instead}")]


# -- names, URLs, e-mail addresses ---------------------------------------------------------------

_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+(?:[-.&'+_][A-Za-z\u00c0-\u024f0-9]+)*\+*")
_HAS_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ALNUM_RE = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+")


def _squash(word: str) -> str:
    return "".join(_ALNUM_RE.findall(word)).casefold()


def _name_findings(msgid: str, msgstr: str) -> list[Finding]:
    if not _ANY_LATIN_RE.search(msgid) and "@" not in msgid:  # no Latin word, URL or e-mail address to keep
        return []
    source_links = [span for span in link_spans(msgid) if span.href]
    target_spans = link_spans(msgstr)
    target_links = {span.text.rstrip("/") for span in target_spans if span.href and not span.href.startswith("mailto:")}
    target_mails = {span.text.casefold() for span in target_spans if span.href and span.href.startswith("mailto:")}
    lost: list[str] = []
    for span in source_links:
        if span.href and span.href.startswith("mailto:"):
            if span.text.casefold() not in target_mails:
                lost.append(span.text)
        elif span.text.rstrip("/") not in target_links:
            lost.append(span.text)
    plain_source = "".join(" " if span.href else span.text for span in link_spans(msgid))
    words = [w for w in _LATIN_WORD_RE.findall(plain_source) if _HAS_LATIN_LETTER.search(w)]
    if words:
        tokens = [t.casefold() for t in _ALNUM_RE.findall(msgstr)]
        singles = set(tokens)
        unfound = [w for w in dict.fromkeys(words) if _squash(w) not in singles]
        if unfound:  # "DeepSeek-R1" may be written "DeepSeek R1": joins of as many tokens as the word has parts
            longest = max(len(_ALNUM_RE.findall(w)) for w in unfound)
            joins = {"".join(tokens[i:i + n]) for n in range(2, longest + 1) for i in range(len(tokens) - n + 1)}
            lost += [w for w in unfound if _squash(w) not in joins]
    if not lost:
        return []
    return [Finding("name", f"{', '.join(lost)} of the msgid is missing from the msgstr (a Latin-script name, "
                            "URL or e-mail address is written as the world writes it)")]


# -- brackets and quotes -------------------------------------------------------------------------

_PAIRS = (("(", ")"), ("[", "]"))
_QUOTES = (("«", "»"), ("“", "”"))


def _balanced(text: str, opening: str, closing: str) -> bool:
    if opening not in text and closing not in text:
        return True
    depth = 0
    for ch in text:
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _counts_match(text: str, opening: str, closing: str) -> bool:
    return text.count(opening) == text.count(closing)


def _quotes_ok(text: str, ordered: bool) -> bool:
    check = _balanced if ordered else _counts_match
    return all(check(text, o, c) for o, c in _QUOTES) and text.count('"') % 2 == 0


def _bracket_findings(msgid: str, msgstr: str) -> list[Finding]:
    if not _ANY_BRACKET_RE.search(msgstr):  # nothing in the msgstr can be unbalanced
        return []
    bad = []
    for opening, closing in _PAIRS:
        # the msgid is judged by counts only: RTL text is sometimes typed with mirrored brackets
        if _counts_match(msgid, opening, closing) and not _balanced(msgstr, opening, closing):
            bad.append(opening + closing)
    if _quotes_ok(msgid, ordered=False) and not _quotes_ok(msgstr, ordered=True):
        bad.append("quotes")
    if not bad:
        return []
    return [Finding("brackets", f"unbalanced {' '.join(bad)} in the msgstr (the msgid balances them)")]


def check_translation(msgid: str, msgstr: str, source_lang: str = "ar", target_lang: str = "en") -> tuple[Finding, ...]:
    """Every finding of the checks (module docstring) for one current translation, in :data:`CHECKS` order.

    >>> [f.check for f in check_translation("ارتفع بنسبة 38%", "rose by 28%")]
    ['number']
    >>> check_translation("10 آلاف شريحة من Nvidia", "10,000 Nvidia chips")
    ()
    """
    return (*_number_findings(msgid, msgstr, source_lang, target_lang), *_name_findings(msgid, msgstr),
            *_bracket_findings(msgid, msgstr))


# -- lines of entries ----------------------------------------------------------------------------

_KEYWORD_RE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")\s*$')


def entry_lines(lines: Iterable[str]) -> dict[tuple[str, str], int]:
    """``(msgctxt, msgid) -> line`` of every live entry of a PO file's text (already checked by ``scan_po``).

    The line is the 1-based line of the entry's first keyword (``msgctxt``, else
    ``msgid``), the line :class:`~explainer.errors.CatalogError` names for an entry.
    The header entry, obsolete (``#~``) and previous (``#|``) entries are left out.
    """
    found: dict[tuple[str, str], int] = {}
    ctxt: list[str] | None = None
    msgid: list[str] | None = None
    start = 0
    target: list[str] | None = None
    in_msgstr = False

    def close() -> None:
        if msgid is not None and "".join(msgid):  # not the header entry
            found.setdefault(("".join(ctxt or []), "".join(msgid)), start)

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if target is not None:
                target.append(unescape(line))
            continue
        match = _KEYWORD_RE.match(line)
        if match is None:
            continue
        keyword, literal = match.groups()
        if keyword in ("msgctxt", "msgid") and (in_msgstr or msgid is not None):  # the next entry begins
            close()
            ctxt, msgid, in_msgstr = None, None, False
        if keyword == "msgctxt":
            ctxt, start = [unescape(literal)], number
            target = ctxt
        elif keyword == "msgid":
            if ctxt is None:
                start = number
            msgid = [unescape(literal)]
            target = msgid
        elif keyword.startswith("msgstr"):
            in_msgstr, target = True, None
        else:
            target = None
    close()
    return found
