"""Whole-word phrase matching in Arabic and Latin text, for the glossary and the gazetteer.

Texts and phrases are compared through :func:`explainer.text.fold_match` (hamza seats,
alif maqsura, ta marbuta, tashkeel and tatweel ignored; case ignored), which keeps a map
back to the original offsets, so matches are reported as spans of the *original* text.

A phrase matches whole words only: the text is cut into words (:func:`explainer.text.word_spans`
with the hyphens of :data:`explainer.text.MATCH_JOINERS`, so ``DeepSeek`` never matches inside
``DeepSeek-R1``), and the phrase's words must equal consecutive words of the text separated
by spaces only. The first Arabic word may carry the attached clitics of Arabic orthography
(:func:`explainer.text.clitic_forms`): a conjunction (و ف), a preposition (ب ل ك) and the
article (ال, contracted to لل after ل); a prefix without the article needs a stem of at least
three letters, so ``حر`` does not match ``بحر``. Latin words compare case-insensitively; an
English phrase's last word may take a plural ``s``/``es``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from explainer.text import (
    ARTICLE,
    MATCH_JOINERS,
    clitic_forms,
    fold_match,
    fold_match_word,
    has_arabic,
    is_match_dropped,
    word_pattern,
    words,
)

_WORD_RE = word_pattern(MATCH_JOINERS)


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
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        stems: set[str] = set()
        for phrase in phrases:
            found = words(fold_match_word(phrase.text), MATCH_JOINERS)
            if not found:
                continue
            rest = tuple(found[1:])
            arabic = has_arabic(found[0])
            # Every form of the first word contains its stem (clitics only go before it, a plural after it).
            stems.add(found[0][len(ARTICLE):] if arabic and found[0].startswith(ARTICLE) and len(found[0]) > 3 else found[0])
            for first in clitic_forms(found[0]) if arabic else {found[0]}:
                self._by_first.setdefault(first, []).append((rest, phrase.key))
            if not arabic:
                # English plural of the last word ("chip" -> "chips"), only for Latin phrases.
                last = found[-1]
                for suffix in ("s", "es"):
                    if len(found) == 1:
                        self._by_first.setdefault(last + suffix, []).append((rest, phrase.key))
                    else:
                        self._by_first.setdefault(found[0], []).append((tuple(found[1:-1]) + (last + suffix,), phrase.key))

        self._stems = tuple(sorted(stems))

    def find(self, text: str) -> list[Match]:
        """Every match in ``text``, left to right, non-overlapping (the longest wins at a position)."""
        if not any(stem in fold_match_word(text) for stem in self._stems):
            return []  # no phrase's first word can be in the text
        folded, offsets = fold_match(text)
        spans = [m.span() for m in _WORD_RE.finditer(folded)]
        found: list[Match] = []
        index = 0
        while index < len(spans):
            best: tuple[int, str] | None = None
            for rest, key in self._by_first.get(folded[spans[index][0]:spans[index][1]], ()):
                end = index + 1 + len(rest)
                if end > len(spans) or best is not None and end <= best[0]:
                    continue
                if all(folded[spans[index + 1 + k][0]:spans[index + 1 + k][1]] == w
                       and folded[spans[index + k][1]:spans[index + 1 + k][0]].isspace()
                       for k, w in enumerate(rest)):
                    best = (end, key)
            if best is None:
                index += 1
                continue
            end_offset = offsets[spans[best[0] - 1][1] - 1] + 1
            while end_offset < len(text) and is_match_dropped(text[end_offset]):  # trailing tashkeel
                end_offset += 1
            found.append(Match(best[1], offsets[spans[index][0]], end_offset))
            index = best[0]
        return found
