"""Bidi isolation of mixed-direction text: plain text in, runs or safe HTML out.

An Arabic paragraph quoting ``DeepSeek-R1``, a URL or ``10,000`` is displayed
by the Unicode Bidirectional Algorithm (UAX #9), which resolves the neutral
characters around such runs (spaces, commas, hyphens, brackets) from their
neighbours. A run of the other direction then pulls its neighbours' punctuation
into the wrong place (``OpenAI، Google`` is laid out left-to-right as one
unit, a trailing ``.`` jumps sides). HTML isolates (``<bdi>``, HTML Living
Standard §4.5.23, and the ``dir`` attribute, which gives ``unicode-bidi:
isolate``) close a run so it counts as one neutral for its surroundings.

This module finds those runs in the text of one block:

* in right-to-left text (Arabic): Latin runs (letters with the digits and the
  joiners that belong to them: ``DeepSeek-R1``, ``Liang Wenfeng``, ``GPT 4``,
  ``C++``), numbers (``10,000``, ``$5``, ``20%``), URLs, e-mail addresses and
  backtick code spans;
* in left-to-right text (English): Arabic runs (letters with their marks, the
  spaces and Arabic punctuation between words, numbers between Arabic words),
  URLs and code spans need nothing.

and renders them as HTML where every character of the text is escaped and only
``<bdi>`` wrappers are added. The text itself is never changed: removing the
tags gives back the input, character for character.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_CODE_RE = re.compile(r"`[^`\n]+`")
# Punctuation that ends a sentence around a URL rather than belonging to it.
_URL_TRAILING = ".,;:!?،؛؟'\"”’)]}"

# Joiners that may sit between two parts of one Latin run with no space around
# them: ``DeepSeek-R1``, ``U.S``, ``10,000``, ``12:30``, ``R&D``, ``OpenAI's``.
_LTR_TIGHT_JOINERS = frozenset("-\u2010\u2011_./,:'\u2019&+@#")
# Symbols that stay attached after a Latin word or a number: ``C++``, ``C#``, ``20%``.
_LTR_TRAILING = frozenset("+#%\u066a\u2030\u00b0")
# Signs attached before a number: ``$5``, ``+966``, ``-3``, ``€10``.
_LTR_LEADING = frozenset("+-\u2212$€£¥")
# Spaces that may join two words of one run.
_SPACES = frozenset(" \u00a0\u202f")
# Arabic punctuation that belongs to an Arabic run inside left-to-right text.
_RTL_PUNCT = frozenset("\u060c\u061b\u061f\u06d4")
_RTL_TIGHT_JOINERS = frozenset("-\u2010\u2011/.:")


@dataclass(frozen=True)
class Run:
    """A piece of a block's text.

    ``direction`` is ``None`` for text that follows the block's own direction,
    ``"ltr"`` / ``"rtl"`` for an isolated run, ``"auto"`` for a code span
    (direction from its first strong character, HTML ``dir=auto``). ``kind``
    says what the run is: ``text``, ``latin``, ``arabic``, ``number``, ``url``,
    ``email``, ``code`` or ``markup`` (a code-like stretch such as ``<b>x</b>``).
    """

    text: str
    direction: str | None = None
    kind: str = "text"


def _bidi(ch: str) -> str:
    return unicodedata.bidirectional(ch)


def _is_latin_letter(ch: str) -> bool:
    return _bidi(ch) == "L" and unicodedata.category(ch)[0] in "LM"


def _is_ltr_core(ch: str) -> bool:
    """A character that a Latin run is made of: a strong left-to-right letter or a European digit."""
    return _bidi(ch) in ("L", "EN")


def _is_rtl_letter(ch: str) -> bool:
    return _bidi(ch) in ("R", "AL")


def _is_rtl_core(ch: str) -> bool:
    """Arabic letters, their marks (tashkeel, NSM) and Arabic-Indic digits (AN)."""
    return _bidi(ch) in ("R", "AL", "AN", "NSM") or ch in "\u200c\u200d"


def _protected_spans(text: str) -> list[tuple[int, int, str]]:
    """URLs, e-mail addresses and code spans: (start, end, kind), sorted, not overlapping."""
    spans: list[tuple[int, int, str]] = []
    if "`" not in text and "@" not in text and "://" not in text and "www." not in text.lower():
        return spans  # none of the three can match (most texts)
    taken = [False] * len(text)
    for pattern, kind in ((_CODE_RE, "code"), (_URL_RE, "url"), (_EMAIL_RE, "email")):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "url":
                while end > start and text[end - 1] in _URL_TRAILING:
                    if text[end - 1] == ")" and text[start:end].count("(") >= text[start:end].count(")"):
                        break
                    end -= 1
            if end > start and not any(taken[start:end]):
                spans.append((start, end, kind))
                for i in range(start, end):
                    taken[i] = True
    return sorted(spans)


def _extend_ltr(text: str, start: int, stop: int) -> int:
    """End of the Latin run or number starting at ``start`` (rules in the module docstring)."""
    i = start
    has_letter = False
    while i < stop:
        ch = text[i]
        if _is_ltr_core(ch) or (_bidi(ch) == "NSM" and i > start):
            has_letter = has_letter or _is_latin_letter(ch)
            i += 1
        elif ch in _LTR_TIGHT_JOINERS and i + 1 < stop and _is_ltr_core(text[i + 1]):
            i += 1
        elif ch in _SPACES and has_letter and i + 1 < stop and _is_ltr_core(text[i + 1]):
            i += 1  # UAX #9 rule W7: digits after Latin letters belong to them ("GPT 4")
        else:
            break
    while i < stop and text[i] in _LTR_TRAILING:
        i += 1
    return i


def _extend_rtl(text: str, start: int, stop: int) -> int:
    """End of the Arabic run starting at ``start``: it must end on an Arabic letter, mark or punctuation."""
    i = start
    last = start
    while i < stop:
        ch = text[i]
        if _is_rtl_core(ch) or ch in _RTL_PUNCT:
            i += 1
            last = i
        elif ch in _SPACES or ch in _RTL_TIGHT_JOINERS or _bidi(ch) == "EN":
            i += 1
        else:
            break
    return last


_MARKUP_CHARS = frozenset("<>{}[]=*|\\~^")
_CALL_RE = re.compile(r"[A-Za-z0-9_]\(")
_STRETCH_TRAILING = " \u00a0.,:;!?"


def _markup_end(text: str, start: int, stop: int) -> int:
    """End of a code-like stretch (``<script>alert(1)</script>``, ``{{ x }}``, ``[a](b)``) at ``start``.

    In right-to-left text such a stretch must be displayed as one left-to-right
    isolate: isolating its Latin words one by one lets UAX #9 reorder the
    brackets and symbols between them. The stretch runs to the next Arabic
    letter or Arabic punctuation mark, without trailing spaces and sentence
    marks; it counts only if it holds a Latin letter and a markup character or
    a call-like ``name(``. Returns ``start`` when there is no such stretch.
    """
    if text[start] in _STRETCH_TRAILING:
        return start  # a sentence mark or space before the stretch belongs to the Arabic around it ("الثابتة: {{ x }}")
    end = start
    while end < stop and not _is_rtl_core(text[end]) and text[end] not in _RTL_PUNCT and text[end] != "\n":
        end += 1
    while end > start and text[end - 1] in _STRETCH_TRAILING:
        end -= 1
    stretch = text[start:end]
    if not any(_is_latin_letter(ch) for ch in stretch):
        return start
    if not (any(ch in _MARKUP_CHARS for ch in stretch) or _CALL_RE.search(stretch)):
        return start
    return end


def _char_class(codes: Iterable[int]) -> str:
    return "".join(re.escape(chr(code)) for code in codes)


# Characters that never start a run, skipped in one regex step (the per-character rules below
# would look at each and move on): in right-to-left text whitespace, Arabic letters, marks and
# Arabic-Indic digits (bidi classes R, AL, AN, NSM; ZWNJ, ZWJ) and Arabic punctuation; in
# left-to-right text every character outside the blocks that hold R and AL letters.
_RTL_QUIET_RE = re.compile("[" + _char_class(
    code for code in [*range(0x3001), *range(0xFB1D, 0xFF00)]
    if chr(code).isspace() or _is_rtl_core(chr(code)) or chr(code) in _RTL_PUNCT) + "]+")
_LTR_QUIET_RE = re.compile("[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]+")


def _split(text: str, start: int, stop: int, base_dir: str, runs: list[Run]) -> None:
    """Append the runs of ``text[start:stop]`` (no protected span inside) to ``runs``."""
    plain_from = start
    i = start
    quiet = _RTL_QUIET_RE if base_dir == "rtl" else _LTR_QUIET_RE
    while i < stop:
        if skip := quiet.match(text, i, stop):
            i = skip.end()
            continue
        ch = text[i]
        end = i
        if base_dir == "rtl" and not ch.isspace() and (end := _markup_end(text, i, stop)) > i:
            kind, direction = "markup", "ltr"
        elif base_dir == "rtl":
            signed = ch in _LTR_LEADING and i + 1 < stop and _bidi(text[i + 1]) == "EN" and (
                i == start or not _is_ltr_core(text[i - 1]))
            if _is_ltr_core(ch) or signed:
                end = _extend_ltr(text, i + 1 if signed else i, stop)
                kind = "latin" if any(_is_latin_letter(c) for c in text[i:end]) else "number"
                direction = "ltr"
        elif _is_rtl_letter(ch):
            end = _extend_rtl(text, i, stop)
            kind, direction = "arabic", "rtl"
        if end > i:
            if plain_from < i:
                runs.append(Run(text[plain_from:i]))
            runs.append(Run(text[i:end], direction, kind))
            plain_from = i = end
        else:
            i += 1
    if plain_from < stop:
        runs.append(Run(text[plain_from:stop]))


def bidi_runs(text: str, base_dir: str) -> tuple[Run, ...]:
    """Split ``text`` into runs to display in a block of direction ``base_dir``.

    Input: one block's plain text and ``"rtl"`` or ``"ltr"`` (the direction of
    the element that will hold it). Output: runs whose texts concatenate to
    ``text`` exactly. Raises ``ValueError`` for another ``base_dir``.

    >>> [(r.text, r.direction) for r in bidi_runs("أطلقت DeepSeek-R1 في 20 يناير.", "rtl")]
    [('أطلقت ', None), ('DeepSeek-R1', 'ltr'), (' في ', None), ('20', 'ltr'), (' يناير.', None)]
    >>> [(r.text, r.kind) for r in bidi_runs("The word الذَّكَاءُ الاصطناعي means AI.", "ltr")]
    [('The word ', 'text'), ('الذَّكَاءُ الاصطناعي', 'arabic'), (' means AI.', 'text')]
    """
    if base_dir not in ("rtl", "ltr"):
        raise ValueError(f"base_dir must be 'rtl' or 'ltr', not {base_dir!r}")
    runs: list[Run] = []
    position = 0
    for start, end, kind in _protected_spans(text):
        _split(text, position, start, base_dir, runs)
        direction = "auto" if kind == "code" else "ltr"
        if kind == "code" or base_dir == "rtl":
            runs.append(Run(text[start:end], direction, kind))
        else:
            runs.append(Run(text[start:end]))
        position = end
    _split(text, position, len(text), base_dir, runs)
    return tuple(_merge_plain(runs))


def _merge_plain(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and run.direction is None and merged[-1].direction is None:
            merged[-1] = Run(merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def isolate_html(text: str, base_dir: str, escape: Callable[[str], str] = _escape_text,
                 lang_of: dict[str, str] | None = None) -> str:
    """Render ``text`` for a block of direction ``base_dir`` with every run isolated.

    Input: plain text, ``"rtl"``/``"ltr"``, the escaper for text pieces (default
    HTML text escaping; pass :func:`explainer.render.pages.escape_inline` for Markdown)
    and optionally a language per run direction (``{"rtl": "ar"}`` marks Arabic
    runs ``lang="ar"``). Output: HTML where every piece of ``text`` went through
    ``escape`` and the only tags are ``<bdi dir="...">`` wrappers.

    >>> isolate_html("شركة OpenAI، وشركة <Google>.", "rtl")
    'شركة <bdi dir="ltr">OpenAI</bdi>، وشركة <bdi dir="ltr">&lt;Google&gt;</bdi>.'
    >>> isolate_html("Say مرحبًا!", "ltr", lang_of={"rtl": "ar"})
    'Say <bdi dir="rtl" lang="ar">مرحبًا</bdi>!'
    """
    parts = []
    for run in bidi_runs(text, base_dir):
        if run.direction is None:
            parts.append(escape(run.text))
            continue
        lang = (lang_of or {}).get(run.direction)
        lang_attr = f' lang="{lang}"' if lang else ""
        parts.append(f'<bdi dir="{run.direction}"{lang_attr}>{escape(run.text)}</bdi>')
    return "".join(parts)
