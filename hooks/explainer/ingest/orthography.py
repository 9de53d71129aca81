"""Arabic letter classes and digit helpers used by the ingestion stage (one place for them).

Everything here follows the Unicode Arabic block (U+0600–U+06FF) and the rules of
Arabic orthography:

* *letters*: U+0621–U+063A, U+0641–U+064A (the base alphabet), U+0671–U+06D3 and
  U+06FA–U+06FF (extended letters of Persian, Urdu ... and Quranic forms);
* *marks*: tashkeel U+064B–U+065F and the superscript alef U+0670 (they sit on a letter);
* *final-only letters*: ``ة`` (ta marbuta) and ``ى`` (alif maqsura) are written only at
  the end of a word: before an attached pronoun they become ``ت`` and ``ا``/``ي``
  (``مدرسة`` -> ``مدرستها``, ``على`` -> ``عليه``). So one of them directly followed by a
  letter is a seam between two words. A hamza on the line ``ء`` is final too, except
  after a long vowel (``قراءة``, ``تساءل``, ``إجراءات``): it is only a hint and needs
  lexical evidence;
* *digits*: any Unicode ``Nd`` character; ASCII, Arabic-Indic (U+0660–U+0669) and Extended
  Arabic-Indic (U+06F0–U+06F9) digits are the ones seeds use.

The Arabic text module planned by issue 14 will take these helpers over.
"""

from __future__ import annotations

import re
import unicodedata

import regex

LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
MARKS = "\u064b-\u065f\u0670"
LETTER_RE = re.compile(f"[{LETTERS}]")
_ANY_LETTER_RE = regex.compile(r"\p{L}")
WORD_RE = re.compile(f"[{LETTERS}{MARKS}\u0640]+")  # an Arabic word (tatweel kept)
FINAL_ONLY = "\u0629\u0649"  # ة ى
HAMZA = "\u0621"  # ء
ARABIC_INDIC = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
EXTENDED_ARABIC_INDIC = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
# A final-only letter (with its marks), then a letter of the next word: U+0629/U+0649 never sit inside a word.
FINAL_LETTER_SEAM_RE = re.compile(f"[{FINAL_ONLY}][{MARKS}]*(?=[{LETTERS}])")
HAMZA_SEAM_RE = re.compile(f"{HAMZA}[{MARKS}]*(?=[{LETTERS}])")


def is_arabic_letter(ch: str) -> bool:
    """True for one character of the Arabic letter ranges above (not marks, digits or punctuation)."""
    return bool(LETTER_RE.match(ch))


def arabic_share(text: str) -> tuple[int, int]:
    """``(arabic letters, all letters)`` of ``text`` (letters: Unicode category L).

    >>> arabic_share("مرحبا DeepSeek")
    (5, 13)
    """
    return len(LETTER_RE.findall(text)), len(_ANY_LETTER_RE.findall(text))


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


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit (category Nd) of ``text`` as its ASCII digit.

    >>> ascii_digits("٣ أبريل ٢٠٢٥")
    '3 أبريل 2025'
    """
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and unicodedata.category(ch) == "Nd" else ch
                   for ch in text)
