"""Find where a heading glued to its paragraph ends.

Pasted articles often lose the line break after a heading, giving lines such as
``... كإستراتيجية للنمووبعيدًا عن كل هذا ...`` or ``... ما هو DeepSeek؟ويرى ...``.
Three kinds of evidence find the seam, tried in this order:

1. punctuation: a sentence mark (``؟ ? ! . :``) followed directly by a letter;
2. orthography: ``ة`` and ``ى`` are written only at the end of a word
   (:mod:`explainer.text`), so one of them directly followed by a
   letter is a seam (``…الطبيعةتبدأ``); a hamza ``ء`` followed by a letter is a
   seam only when the token is unknown and both halves are common words
   (``ء`` also sits inside words after a long vowel: ``قراءة``, ``تساءل``);
3. lexicon: a token unknown to the word-frequency lexicon (wordfreq's Arabic
   list, Zipf scale, looked up on disk by :mod:`explainer.ingest.lexicon`) that splits into two common words; the best split is
   the one whose rarer half is most frequent.

A token counts as unknown only when no reading of it as a stem with Arabic
clitics (conjunctions و ف, prepositions ب ل ك, the article ال, the future
marker س, attached pronouns ه ها هم ..., plural and dual endings ون ين ان ات)
gives a known stem, so legitimate rare words such as ``وللخوارزميات``,
``فسيكتشفونها`` or ``حضريون`` are never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from explainer.ingest.lexicon import LexiconError, default_cache_dir, shared_lexicon
from explainer.text import ARABIC_LETTERS, FINAL_LETTER_SEAM_RE, HAMZA_SEAM_RE

MAX_HEADING_WORDS = 16
MIN_REST_WORDS = 3
# Zipf frequency thresholds (log10 of occurrences per billion words).
UNKNOWN_ZIPF = 1.5
KNOWN_ZIPF = 2.5

_ARABIC = ARABIC_LETTERS
_SEAM_MARK_RE = re.compile(rf"[\u061f?!.:](?=[{_ARABIC}])")
_SENTENCE_END_RE = re.compile(r"[.!\u061f?]\s")
MIN_STEM_CHARS = 3
# Each half of a lexical split has at least this many letters: two-letter "words" ('إم', 'يل') are too
# easily found in the lexicon to be evidence.
MIN_HALF_CHARS = 3
# Clitics of Arabic orthography (longest first), used only to decide that a
# rare token is a real word; never to find a seam.
_PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
               "وس", "فس", "و", "ف", "ب", "ل", "ك", "س", "")
# Attached pronouns, and the plural and dual endings (ون ين ان ات), which make rare forms of common stems
# ("حضريون", "المبرمجات") that must not read as two words glued together.
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ون", "ين", "ان", "ات", "ه", "ي", "ك", "")
_EDGE_PUNCT = "\"'«»()[]{}.,،؛؟!:;?"


@dataclass(frozen=True)
class Seam:
    """Where to split: ``heading`` and ``rest`` are the two parts, ``evidence`` says why."""

    heading: str
    rest: str
    evidence: str


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of an Arabic or Latin word in wordfreq's Arabic list (0.0 if unknown).

    Exactly ``wordfreq.zipf_frequency(word, "ar")``, looked up in the list's on-disk copy
    (:mod:`explainer.ingest.lexicon`: no 620,701-word dict built per process).
    """
    try:
        return shared_lexicon(default_cache_dir()).zipf(word)
    except LexiconError:  # the file changed under its memory map: check it again (made again if damaged)
        shared_lexicon.cache_clear()
        return shared_lexicon(default_cache_dir()).zipf(word)


def is_known_word(token: str) -> bool:
    """True when ``token`` is a word of the lexicon, directly or as clitics + a known stem.

    Input: one Arabic token without punctuation. Output: ``bool``. A token is
    known at Zipf ≥ ``UNKNOWN_ZIPF``; otherwise each split into proclitic +
    stem + enclitic (stem of ``MIN_STEM_CHARS`` letters or more) is tried, and
    a stem at Zipf ≥ ``KNOWN_ZIPF`` makes the token known.

    >>> is_known_word("وللخوارزميات"), is_known_word("للنمووبعيدًا")
    (True, False)
    """
    if zipf(token) >= UNKNOWN_ZIPF:
        return True
    for before in _PROCLITICS:
        if not token.startswith(before):
            continue
        for after in _ENCLITICS:
            if (before or after) and token.endswith(after):
                stem = token[len(before): len(token) - len(after)]
                if len(stem) >= MIN_STEM_CHARS and zipf(stem) >= KNOWN_ZIPF:
                    return True
    return False


def _orthographic_seam(words: list[str]) -> Seam | None:
    """The first seam after a final-only letter (``ة ى``; ``ء`` with lexical evidence) inside a word."""
    for index, raw in enumerate(words[:MAX_HEADING_WORDS]):
        if _SENTENCE_END_RE.search(" ".join(words[:index]) + " "):
            return None  # past the first sentence: not a heading any more
        for regex, strong in ((FINAL_LETTER_SEAM_RE, True), (HAMZA_SEAM_RE, False)):
            for match in regex.finditer(raw):
                left, right = raw[: match.end()], raw[match.end():]
                bare_left, bare_right = left.strip(_EDGE_PUNCT), right.strip(_EDGE_PUNCT)
                if len(bare_left) < 2 or len(bare_right) < 2:
                    continue
                if not strong and (is_known_word(raw.strip(_EDGE_PUNCT))
                                   or min(zipf(bare_left), zipf(bare_right)) < KNOWN_ZIPF):
                    continue
                heading = " ".join(words[:index] + [left])
                rest = " ".join([right] + words[index + 1:])
                if 2 <= len(heading.split()) <= MAX_HEADING_WORDS and len(rest.split()) >= MIN_REST_WORDS:
                    letter = left.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")[-1]
                    why = "a letter written only at a word's end" if strong else "a hamza between two common words"
                    return Seam(heading, rest, f"'{raw}': '{letter}' is followed by a letter ({why})")
    return None


def find_seam(text: str, *, marks: str = "\u061f?!.:", lexical: bool = True,
              orthographic: bool = True) -> Seam | None:
    """Split ``text`` into a heading and the paragraph glued after it.

    Input: the text of a heading line (marker removed); ``marks`` are the
    sentence marks that count as a seam when a letter follows directly;
    ``orthographic`` allows seams after a final-only letter inside a token and
    ``lexical`` seams inside a token with evidence from the lexicon.
    Output: a :class:`Seam`, or ``None`` when no seam within the first
    ``MAX_HEADING_WORDS`` words leaves a heading of two or more words (and no
    sentence end inside it) and a rest of ``MIN_REST_WORDS`` words or more.

    >>> find_seam("ما هو الذكاء الاصطناعي؟ويرى كثير من الخبراء أنه مهم").heading
    'ما هو الذكاء الاصطناعي؟'
    >>> find_seam("المصدر المفتوح كإستراتيجية للنمووبعيدًا عن كل هذا").rest
    'وبعيدًا عن كل هذا'
    """
    words = text.split(" ")
    # 1. punctuation seam
    for match in _SEAM_MARK_RE.finditer(text):
        if match.group(0) not in marks:
            continue
        heading, rest = text[: match.end()].strip(), text[match.end():].strip()
        if _SENTENCE_END_RE.search(heading):
            break  # the seam must end the line's first sentence
        if 2 <= len(heading.split()) <= MAX_HEADING_WORDS and len(rest.split()) >= MIN_REST_WORDS:
            return Seam(heading, rest, f"mark '{match.group(0)}' directly followed by a letter")
    if orthographic and (seam := _orthographic_seam(words)) is not None:
        return seam
    if not lexical:
        return None
    # 3. lexical seam: the best split of an unknown token into two known words
    best: tuple[float, int, int] | None = None
    for index, raw in enumerate(words[:MAX_HEADING_WORDS]):
        token = raw.strip(_EDGE_PUNCT)
        if index == 0 or len(token) < 4 or not re.fullmatch(rf"[{_ARABIC}\u064b-\u0652]+", token):
            continue
        if _SENTENCE_END_RE.search(" ".join(words[:index]) + " "):
            break  # past the first sentence: not a heading any more
        if len(words) - index < MIN_REST_WORDS or is_known_word(token):
            continue
        for cut in range(MIN_HALF_CHARS, len(token) - MIN_HALF_CHARS + 1):
            left, right = token[:cut], token[cut:]
            score = min(zipf(left), zipf(right))
            if score >= KNOWN_ZIPF and (best is None or score > best[0]):
                best = (score, index, cut + raw.index(token))
    if best is None:
        return None
    score, index, cut = best
    raw = words[index]
    heading = " ".join(words[:index] + [raw[:cut]])
    rest = " ".join([raw[cut:]] + words[index + 1:])
    return Seam(heading, rest,
                f"'{raw}' is not a known word; '{raw[:cut]}' + '{raw[cut:]}' are (Zipf ≥ {score:.1f})")
