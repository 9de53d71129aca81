"""Golden ingestion cases discovered from ``tests/corpus/`` (see its README.md).

Each case is a seed ``<case>.txt`` (with an optional ``<case>.yml`` side file) or
a folder ``<case>/`` of seeds, plus its expected outcome: ``<case>.expected.json``
(the parsed structure and report, as ``explainer check --json`` prints it; for a folder,
the outlines of its articles and the site's warnings about its seeds) or
``<case>.expected-error.txt`` (the exact error message). Set ``UPDATE_CORPUS=1``
to write the outcomes of new cases, then review them by hand before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from explainer.errors import ExplainerError
from explainer.ingest.preserve import article_text, missing_words
from explainer.ingest.report import article_outline
from explainer.options import Options
from explainer.site import build_site, load_seed

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted([p.stem for p in CORPUS.glob("*.txt") if not p.name.endswith(".expected-error.txt")]
               + [p.name for p in CORPUS.iterdir() if p.is_dir()])


def _outcome(case: str) -> tuple[str, object]:
    """Run the case: ("json", outline) on success, ("error", message) on bad input."""
    try:
        if (CORPUS / case).is_dir():
            options = Options(languages=("ar",), seeds_dir=case, locales_dir=f"{case}/locales")
            site = build_site(options, CORPUS)
            seeds = tuple(f"{case}/" + p.name for p in (CORPUS / case).glob("*.txt"))
            return "json", {"articles": [article_outline(a) for a in site.articles],
                            "warnings": [w for w in site.warnings if w.startswith(seeds)]}
        article = load_seed(CORPUS / f"{case}.txt", CORPUS)
        assert missing_words(article, article_text(article)) == [], "a seed word was lost without a report"
        return "json", article_outline(article)
    except ExplainerError as exc:
        return "error", str(exc)


def test_corpus_has_enough_cases() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        expected = [CORPUS / f"{case}.expected.json", CORPUS / f"{case}.expected-error.txt"]
        assert sum(p.exists() for p in expected) == 1 or os.environ.get("UPDATE_CORPUS"), case


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: str) -> None:
    kind, outcome = _outcome(case)
    json_path, error_path = CORPUS / f"{case}.expected.json", CORPUS / f"{case}.expected-error.txt"
    if os.environ.get("UPDATE_CORPUS") and not json_path.exists() and not error_path.exists():
        if kind == "json":
            json_path.write_text(json.dumps(outcome, ensure_ascii=False, indent=2) + "\n", "utf-8")
        else:
            error_path.write_text(f"{outcome}\n", "utf-8")
    if json_path.exists():
        assert kind == "json", outcome
        assert outcome == json.loads(json_path.read_text("utf-8"))
    else:
        assert kind == "error", f"expected an error, got a parsed article: {outcome}"
        assert outcome == error_path.read_text("utf-8").removesuffix("\n")


def test_random_mixtures_of_corpus_lines_lose_no_word() -> None:
    """400 seeds mixed from the corpus lines, runs of consecutive corpus lines and edge fragments:
    never a crash, never a lost word.

    Runs of lines keep the structures the repairs look for (a header above a headline, a
    footer block, hard-wrapped paragraphs with their blank lines, listicle headings with
    their paragraphs), so the mixtures exercise those repairs; the test checks that they did.
    Each mixture is parsed, rendered as the Arabic page (the HTML the build hands MkDocs) and
    checked with the same preservation check the build runs.
    """
    import random
    import textwrap

    from explainer.ingest.decode import normalize_seed
    from explainer.ingest.metadata import split_front_matter
    from explainer.ingest.parse import parse_article
    from explainer.render.pages import SiteContext, render_article
    from explainer.text import html_to_text as html_text
    from explainer.translate.state import article_states
    from explainer.translate.ui import UiStrings

    pool: list[str] = ["", "- ", "1.", "١) ", "أولاً:", "؟", "* * *", "—", "http://", "www.", "a@b", "\ue000",
                       "\ue0011\ue001", "ـــ", "لـ", "---", "{{", "<", "&", "؟ويرى", "-عنوان", "•", "▪ ▪",
                       "عنوانةتبدأ", "ى", "منذ", "بقلم:", "2025/13/45", "Follow", "·", "اقرأ أيضًا:",
                       # character references and Markdown syntax (the corpus' pastes give whole Markdown runs)
                       "&nbsp;", "&amp;lt;b&amp;gt;", "&#1575;&#x644;", "&#10;", "&bogus;", "## عنوان", "# ",
                       "**غامق**", "*مائل*", "__خط__", "[نص](https://a.org/x_(y))", "[](www.a.org)", "> اقتباس",
                       ">", "```", "\\*", "- **بند:** نص"]
    texts: list[list[str]] = []
    for path in sorted(CORPUS.glob("*.txt")):
        if not path.name.endswith(".expected-error.txt"):
            try:
                texts.append(path.read_text("utf-8").splitlines() or [""])
            except UnicodeDecodeError:
                continue
    pool += [line for lines in texts for line in lines]
    rng = random.Random(3)
    checked = 0
    kinds: set[str] = set()
    for _ in range(400):
        parts: list[str] = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.5:
                parts.append(rng.choice(pool))
            else:
                lines = rng.choice(texts)
                start = rng.randrange(len(lines))
                parts.extend(lines[start:start + rng.randint(2, 8)])
        if rng.random() < 0.25:  # hard-wrap the mixture as a PDF or e-mail copy would, paragraphs apart
            width = rng.randint(55, 80)
            parts = [wrapped for part in parts for wrapped in [*(textwrap.wrap(part, width) or [part]), ""]]
        seed = "\n".join(parts)
        try:
            text, normalized = normalize_seed(seed)
            metadata, body = split_front_matter(text, "mix.txt")
            article = parse_article(body, path="mix.txt", slug="mix", metadata=metadata)
        except ExplainerError:
            continue
        kinds.update(repair.kind for repair in (*normalized, *article.repairs))
        kinds.update("listicle" for repair in article.repairs if "listicle" in repair.detail)
        page = render_article(article, article_states(article, "ar", lambda _msgid: None), SiteContext(("ar", "en"), UiStrings()))
        assert missing_words(article, html_text(page.html)) == [], seed
        checked += 1
    assert checked > 300
    assert kinds >= {"join-wrapped-lines", "drop-furniture", "drop-footer", "drop-boilerplate", "subtitle",
                     "split-heading", "split-title", "listicle", "title", "decode-entities", "markdown",
                     "markdown-heading", "markdown-emphasis", "markdown-list"}, kinds
