"""The site glossary: ``seeds/glossary.yml`` (Arabic terms) + ``locales/<lang>/LC_MESSAGES/glossary.po``.

Schema of ``seeds/glossary.yml`` (a missing file means an empty glossary; the slug
``glossary`` is reserved, so no seed ``glossary.txt`` can claim this file as its metadata)::

    terms:
      - id: open-source            # ASCII anchor, shared by every language (#gl-open-source)
        term: المصدر المفتوح         # Arabic term as an editor writes it
        also: [مصدر مفتوح]          # optional: other Arabic spellings or forms to match
        explanation: برمجيات ...     # one or two Arabic sentences

The term and explanation are gettext messages (msgctxt ``glossary``) of the catalog
``glossary`` (``locales/glossary.pot``), so the English glossary is translated with the
same PO workflow as the articles. Matching rules (attached prefixes, hamza variants, whole
words only) are those of :mod:`explainer.textmatch` (folding: :func:`explainer.text.fold_match`). The first use of each term in an
article becomes a link to the article's term list carrying the explanation in the page's
language (``data-tip`` for the hover/focus tooltip, ``aria-describedby`` for screen readers).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from explainer.errors import DataError
from explainer.ingest.sidefile import compose, line_of, mapping, sequence, text, texts
from explainer.model import Article
from explainer.render.links import link_spans, linkify_html
from explainer.text import fold_match_word
from explainer.textmatch import Phrase, PhraseMatcher
from explainer.translate.segment import Unit, article_units
from explainer.translate.ui import SOURCE_LANG

GLOSSARY_FILE = "seeds/glossary.yml"  # beside the seeds: `mkdocs serve` watches seeds/
CATALOG = "glossary"  # catalog name and msgctxt of glossary messages
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    """One glossary entry as written in ``glossary.yml`` (Arabic)."""

    id: str
    term: str
    explanation: str
    also: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class LocalTerm:
    """A term in one page language; ``lang`` is the language its text is actually in (fallback: ``ar``)."""

    id: str
    term: str
    explanation: str
    term_lang: str
    explanation_lang: str


def read_glossary(path: Path, display_path: str) -> tuple[Term, ...]:
    """Read and validate ``glossary.yml``. A missing or empty file gives no terms.

    Raises :class:`DataError` naming file and line for a bad shape, an invalid or
    duplicate ``id`` or a duplicate term.
    """
    if not path.exists():
        return ()
    root = compose(path, display_path)
    if root is None:
        return ()
    top = mapping(root, display_path, "the glossary", ("terms",))
    if "terms" not in top:
        return ()
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_terms: dict[str, int] = {}
    for node in sequence(top["terms"], display_path, "'terms'"):
        fields = mapping(node, display_path, "a glossary entry", ("id", "term", "also", "explanation"))
        line = line_of(node)
        for required in ("id", "term", "explanation"):
            if required not in fields:
                raise DataError(display_path, line, f"glossary entry lacks '{required}'",
                                "Every entry needs 'id', 'term' and 'explanation'.")
        term_id = text(fields["id"], display_path, "'id'")
        if not _ID_RE.match(term_id):
            raise DataError(display_path, line_of(fields["id"]), f"invalid id {term_id!r}",
                            "Use lowercase ASCII letters, digits and hyphens (e.g. 'open-source').")
        if term_id in seen_ids:
            raise DataError(display_path, line_of(fields["id"]), f"id {term_id!r} is already used on line {seen_ids[term_id]}")
        seen_ids[term_id] = line
        term = text(fields["term"], display_path, "'term'")
        also = texts(fields["also"], display_path, "'also'") if "also" in fields else ()
        for spelling in (term, *also):
            key = fold_match_word(spelling)
            if key in seen_terms and seen_terms[key] != line:
                raise DataError(display_path, line, f"term {spelling!r} is already listed on line {seen_terms[key]}")
            seen_terms[key] = line
        terms.append(Term(term_id, term, text(fields["explanation"], display_path, "'explanation'"), also, line))
    return tuple(terms)


def glossary_units(terms: Sequence[Term]) -> list[Unit]:
    """Translation units of the glossary: each term and explanation, msgctxt ``glossary``."""
    units: list[Unit] = []
    for term in terms:
        units.append(Unit(CATALOG, term.term, f"gl-{term.id}", "term", term.line))
        units.append(Unit(CATALOG, term.explanation, f"gl-{term.id}", "explanation", term.line))
    return units


def glossary_template(root: Path, glossary_file: str = GLOSSARY_FILE) -> Catalog:
    """The POT of the glossary catalog (``locales/glossary.pot``) from ``root/<glossary_file>``."""
    from explainer.translate.workflow import template_from_units  # workflow imports this module's users

    terms = read_glossary(root / glossary_file, glossary_file)
    return template_from_units((unit, glossary_file) for unit in glossary_units(terms))


def localize(terms: Sequence[Term], lang: str, translate: Callable[[str], str | None]) -> list[LocalTerm]:
    """Terms in ``lang``: ``translate(msgid) -> str | None`` gives current translations.

    A term or explanation without a current translation stays in Arabic (its
    ``*_lang`` says so, so pages can mark it ``lang="ar"``).
    """
    found = []
    for term in terms:
        term_text = translate(term.term) if lang != SOURCE_LANG else None
        expl_text = translate(term.explanation) if lang != SOURCE_LANG else None
        found.append(LocalTerm(term.id, term_text or term.term, expl_text or term.explanation,
                               lang if term_text else SOURCE_LANG, lang if expl_text else SOURCE_LANG))
    return found


def matcher_for(terms: Sequence[Term], local: Sequence[LocalTerm] = ()) -> PhraseMatcher:
    """A matcher for the Arabic spellings of ``terms`` plus the translated terms in ``local``."""
    phrases = [Phrase(t.id, spelling) for t in terms for spelling in (t.term, *t.also)]
    phrases += [Phrase(t.id, t.term) for t in local if t.term_lang != "ar"]
    return PhraseMatcher(phrases)


class TermMarker:
    """Marks the first use of each glossary term in one article page.

    Call :meth:`mark` on every paragraph and list item in reading order: each term is
    marked at its first use only.
    """

    def __init__(self, terms: Sequence[Term], local: Sequence[LocalTerm],
                 piece_html: Callable[[str, str], str] = lambda text, _lang: html.escape(text)) -> None:
        self._matcher = matcher_for(terms, local)
        self._local = {t.id: t for t in local}
        self._used: list[LocalTerm] = []
        self._piece_html = piece_html

    def mark(self, text_value: str, text_lang: str) -> str:
        """HTML for ``text_value`` (in ``text_lang``): links kept, first uses in ``<a class="ex-term">``.

        The seed text is never un-escaped: URLs and e-mail addresses go through
        :func:`explainer.render.links.linkify_html` (terms are never looked for inside them),
        every other piece, the matched words included, through ``piece_html``
        (escaping, plus bidi isolation when the renderer passes it), and the markup
        around a match carries only escaped values.
        """
        return "".join(linkify_html(span.text) if span.href is not None else self._mark_plain(span.text, text_lang)
                       for span in link_spans(text_value))

    def _mark_plain(self, text_value: str, text_lang: str) -> str:
        seen = {t.id for t in self._used}
        out: list[str] = []
        cursor = 0
        for match in self._matcher.find(text_value):
            if match.key in seen:
                continue
            seen.add(match.key)
            local = self._local[match.key]
            self._used.append(local)
            out.append(self._piece_html(text_value[cursor:match.start], text_lang))
            out.append(f'<a class="ex-term" href="#gl-{local.id}" aria-describedby="gl-{local.id}-def" '
                       f'data-tip="{html.escape(local.explanation)}">'
                       f'{self._piece_html(text_value[match.start:match.end], text_lang)}</a>')
            cursor = match.end
        out.append(self._piece_html(text_value[cursor:], text_lang))
        return "".join(out)


@dataclass(frozen=True)
class TermUses:
    """The glossary terms one article uses: in its body, in first-use order (the terms marked
    and listed on its pages), and anywhere in it, headings and title included (the glossary
    page's "used in" lists)."""

    body: tuple[str, ...]
    anywhere: frozenset[str]


def term_uses(article: Article, matcher: PhraseMatcher) -> TermUses:
    """The term ids ``matcher`` (:func:`matcher_for` of the glossary) finds in ``article``'s Arabic text."""
    body: list[str] = []
    anywhere: set[str] = set()
    for unit in article_units(article):
        for match in matcher.find(unit.msgid):
            anywhere.add(match.key)
            if unit.kind in ("paragraph", "item") and match.key not in body:
                body.append(match.key)
    return TermUses(tuple(body), frozenset(anywhere))


def sort_key(term: LocalTerm) -> str:
    """Alphabetical key: the folded term (hamza and case differences ignored)."""
    return fold_match_word(term.term)
