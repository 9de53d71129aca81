"""The preservation check: every word of a seed reaches its Arabic page.

A *word* is a maximal run of letters, combining marks and digits (Unicode
general categories L, M, N: :func:`explainer.text.words`), so punctuation and spacing repairs never count as
losses. A seed word is accounted for when it is on the page, when a repair of
the ingestion report dropped it (boilerplate, list numbering, a repeated title),
or when its letters appear unbroken in the page's letter stream (a glued word
that was split, e.g. ``للنمووبعيدًا`` -> ``للنمو`` + ``وبعيدًا``), or when the report says it
was split (a title glued to its lede: the byline stands between them on the page) and both
halves are on the page.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from explainer.model import Article
from explainer.text import html_to_text, words


def seed_words(text: str) -> list[str]:
    """The words of ``text`` in order (NFC; runs of categories L, M, N holding a letter or a digit: the
    emoji presentation selector U+FE0F after a bullet ``▪️`` is a mark of the symbol, not a word).

    >>> seed_words("DeepSeek.في 20 يناير، «مرحبًا» ▪️")
    ['DeepSeek', 'في', '20', 'يناير', 'مرحبًا']
    """
    return [word for word in words(unicodedata.normalize("NFC", text))
            if unicodedata.category(word[0])[0] != "M"  # the usual word: a letter or digit first
            or not all(unicodedata.category(ch)[0] == "M" for ch in word)]


def article_text(article: Article) -> str:
    """Every text of the parsed article (title, subtitle, lede, headings, paragraphs, list items), one per line."""
    parts = [article.title]
    if article.subtitle:
        parts.append(article.subtitle.text)
    if article.lede:
        parts.append(article.lede.text)
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        for block in section.blocks:
            parts.extend([block.text] if block.kind == "paragraph" else block.items)
    return "\n".join(parts)


def missing_words(article: Article, shown_text: str) -> list[tuple[int, str]]:
    """Seed words that neither appear in ``shown_text`` nor are explained by the report.

    Input: the parsed article (its ``source_text`` and ``repairs``) and the text
    shown for it (page HTML through :func:`explainer.text.html_to_text`, or :func:`article_text`).
    Output: ``(seed line, word)`` pairs in seed order; empty when nothing is lost.
    Words are compared as multisets, so a word lost in one place is found even
    when it also occurs elsewhere.

    >>> from explainer.ingest.parse import parse_article
    >>> article = parse_article("مقدمة قصيرة هنا.\\n- عنوان\\nفقرة ثانية.", path="s.txt", slug="s")
    >>> missing_words(article, "مقدمة قصيرة هنا. عنوان فقرة")
    [(3, 'ثانية')]
    """
    dropped = Counter(word for repair in article.repairs for word in seed_words(repair.dropped))
    shown_words = seed_words(shown_text)
    shown = Counter(shown_words)
    stream = "".join(shown_words)
    # words the report says were split (a heading glued to its paragraph): accounted for when both halves are shown
    split = {token for repair in article.repairs if repair.kind in ("split-heading", "split-title")
             for token in _QUOTED_RE.findall(repair.detail)}
    missing: list[tuple[int, str]] = []
    for number, line in enumerate(article.source_text.split("\n"), start=1):
        for word in seed_words(line):
            if dropped[word] > 0:
                dropped[word] -= 1
            elif shown[word] > 0:
                shown[word] -= 1
            elif word not in stream and not (word in split and _halves_shown(word, shown)):
                missing.append((number, word))
    return missing


_QUOTED_RE = regex.compile(r"'([\p{L}\p{M}\p{N}]+)'")


def _halves_shown(word: str, shown: Counter[str]) -> bool:
    return any(shown[word[:cut]] and shown[word[cut:]] for cut in range(1, len(word)))


def preservation_warnings(article: Article, page_html: str) -> list[str]:
    """The preservation check over a rendered page: one message per seed line with missing words.

    Input: the article and the HTML of its Arabic page (body content). Output:
    messages ``path:line: N word(s) of the seed missing from the Arabic page
    and not explained by the ingestion report: 'w1', 'w2'``; empty when none.
    """
    by_line: dict[int, list[str]] = {}
    for line, word in missing_words(article, html_to_text(page_html)):
        by_line.setdefault(line, []).append(word)
    return [f"{article.source_path}:{line}: {len(words)} word{'s' if len(words) > 1 else ''} of the seed "
            f"missing from the Arabic page and not explained by the ingestion report: "
            + ", ".join(repr(w) for w in words)
            for line, words in by_line.items()]
