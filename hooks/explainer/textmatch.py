"""Whole-word phrase matching in Arabic and Latin text, for the glossary and the gazetteer.

Arabic spelling varies where meaning does not: hamza seats (أ إ آ ٱ → ا, ؤ → و, ئ → ي),
alif maqsura (ى → ي), ta marbuta (ة → ه), tashkeel and tatweel. :func:`fold` removes
those differences (Unicode Arabic block, U+064B-U+065F, U+0670, U+0640) and keeps a map
back to the original offsets, so matches are reported as spans of the *original* text.

A phrase matches whole words only: the text is cut into words (maximal runs of
letters, digits and marks, joined by inner hyphens, so ``DeepSeek`` never matches
inside ``DeepSeek-R1``), and the phrase's words must equal consecutive words of the
text separated by spaces only. The first Arabic word may carry the attached clitics
of Arabic orthography: a conjunction (و ف), a preposition (ب ل ك) and the article
(ال, contracted to لل after ل). A prefix without the article needs a stem of at least
three letters, so ``حر`` does not match ``بحر``. Latin words compare case-insensitively;
an English phrase's last word may take a plural ``s``/``es``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه"})
_WORD_RE = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")
_ARTICLE = "ال"
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


_DROPPED_RE = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+")  # runs of what _is_dropped drops


def _is_dropped(ch: str) -> bool:
    code = ord(ch)
    return 0x064B <= code <= 0x065F or code == 0x0670 or code == 0x0640 or 0x06D6 <= code <= 0x06ED


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; return the folded string and, per folded char, its offset in ``text``.

    >>> fold("الإصطناعيُّ")[0]
    'الاصطناعي'
    >>> fold("Nvidia")[0]
    'nvidia'
    """
    lowered_text = text.lower()
    if len(lowered_text) == len(text) and "Σ" not in text:
        # Fast path (most texts): every character lowercases to one character, so whole-string calls give
        # what the loop below gives (str.lower's only context rule is final sigma); dropped runs are cut out.
        pieces: list[str] = []
        kept: list[int] = []
        start = 0
        for run in _DROPPED_RE.finditer(text):
            pieces.append(lowered_text[start:run.start()])
            kept.extend(range(start, run.start()))
            start = run.end()
        pieces.append(lowered_text[start:])
        kept.extend(range(start, len(text)))
        return "".join(pieces).translate(_FOLD), kept
    chars: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        if _is_dropped(ch):
            continue
        lowered = ch.lower()
        chars.append((lowered if len(lowered) == 1 else ch).translate(_FOLD))
        offsets.append(index)
    return "".join(chars), offsets


def fold_word(text: str) -> str:
    """Folded form of a word or phrase (see :func:`fold`)."""
    return fold(text)[0]


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _first_word_forms(word: str) -> set[str]:
    """Every attached-clitic form of a phrase's first (folded) Arabic word."""
    stem = word[2:] if word.startswith(_ARTICLE) and len(word) > 3 else word
    definite = stem != word
    forms: set[str] = set()
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            forms.add(conj + prep + _ARTICLE + stem)
            if prep == "ل":
                forms.add(conj + "لل" + stem)
            if not definite and (len(stem) >= 3 or not conj + prep):
                forms.add(conj + prep + stem)
    return forms


@dataclass(frozen=True)
class Phrase:
    """A phrase to find: ``key`` names what it stands for; ``text`` is one spelling of it."""

    key: str
    text: str


@dataclass(frozen=True)
class Match:
    """A phrase found in a text: ``key`` of the phrase and the span ``[start, end)`` in the original text."""

    key: str
    start: int
    end: int


class PhraseMatcher:
    """Find whole-word occurrences of many phrases in a text (rules in the module docstring).

    >>> m = PhraseMatcher([Phrase("ai", "الذكاء الاصطناعي")])
    >>> [(x.start, x.end) for x in m.find("وبالذكاء الإصطناعي و الذكاء الاصطناعيين")]
    [(0, 18)]
    """

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        for phrase in phrases:
            words = [w.group(0) for w in _WORD_RE.finditer(fold_word(phrase.text))]
            if not words:
                continue
            rest = tuple(words[1:])
            arabic = _is_arabic(words[0])
            firsts = _first_word_forms(words[0]) if arabic else {words[0]}
            for first in firsts:
                self._by_first.setdefault(first, []).append((rest, phrase.key, 0 if arabic else 1))
            if not arabic:
                # English plural of the last word ("chip" -> "chips"), only for Latin phrases.
                last = words[-1]
                for suffix in ("s", "es"):
                    if len(words) == 1:
                        self._by_first.setdefault(last + suffix, []).append((rest, phrase.key, 1))
                    else:
                        self._by_first.setdefault(words[0], []).append((tuple(words[1:-1]) + (last + suffix,), phrase.key, 1))

    def find(self, text: str) -> list[Match]:
        """Every match in ``text``, left to right, non-overlapping (the longest wins at a position)."""
        folded, offsets = fold(text)
        words = list(_WORD_RE.finditer(folded))
        found: list[Match] = []
        index = 0
        while index < len(words):
            best: tuple[int, str] | None = None
            for rest, key, _ in self._by_first.get(words[index].group(0), ()):
                end = index + 1 + len(rest)
                if end > len(words) or best is not None and end <= best[0]:
                    continue
                if all(words[index + 1 + k].group(0) == w and folded[words[index + k].end():words[index + 1 + k].start()].isspace()
                       for k, w in enumerate(rest)):
                    best = (end, key)
            if best is None:
                index += 1
                continue
            end_offset = offsets[words[best[0] - 1].end() - 1] + 1
            while end_offset < len(text) and _is_dropped(text[end_offset]):  # trailing tashkeel
                end_offset += 1
            found.append(Match(best[1], offsets[words[index].start()], end_offset))
            index = best[0]
        return found


def first_matches(texts: Sequence[str], matcher: PhraseMatcher) -> dict[int, list[Match]]:
    """For texts in reading order, the first match of each phrase key: ``{text index: [matches]}``."""
    seen: set[str] = set()
    result: dict[int, list[Match]] = {}
    for position, text in enumerate(texts):
        for match in matcher.find(text):
            if match.key not in seen:
                seen.add(match.key)
                result.setdefault(position, []).append(match)
    return result
