"""The query transform in JavaScript gives what hooks/explainer/search/rules.py gives, word for word.

The index is built by the Python rules and queries go through the JavaScript copy;
any difference would make a word unfindable. Runs the JS in Debian's Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from explainer.search.rules import CLITIC_PREFIXES, fold, query_alternatives, variants, words

from .browser import CHROMIUM, CHROMIUM_ARGS
from .test_search_browser import ROWS

ROOT = Path(__file__).resolve().parent.parent
RULES_JS = ROOT / "docs" / "assets" / "javascripts" / "explainer" / "search-rules.js"
pytestmark = pytest.mark.browser

TRICKY = [
    "أَعْلَنَتْ", "الـمـسـتـقـبـل", "ٱلمشروع", "هٰذا", "مستشفى", "المسؤولون", "مسئول", "٢٠٢٤", "۱۴۰۲", "کتاب", "ﻻ",
    "والكتاب", "بالمدرسة", "فالمعلمون", "للطلاب", "وللطلاب", "كالبحر", "وبالكتاب", "لبيتهم", "ب", "بل", "ولد",
    "DeepSeek-R1", "OpenAI's", "GPT-4", "٣٫٥", "1٬234", "café", "Straße", "İstanbul", "ΟΔΟΣ", "\u200fRLM\u200f", "a\u200cb",
    "الرياضيات،الفيزياء؛«قدوة»؟", "e\u0301", "x_y", "", "   ",
    # a hamza seat where the article's alef would be: not the article
    "آلاف", "ألم", "إلى", "وآلاف", "بألف", "لألف", "أَلْف", "آلاف الدولارات", "الاف", "\u00a0آلاف", "«آلاف»",
]


def _corpus() -> list[str]:
    texts = list(TRICKY) + [row.query for row in ROWS]
    data = ROOT / "tests" / "data" / "search"
    for path in sorted((ROOT / "seeds").glob("*.txt")) + [data / "seed.txt", data / "en.txt"]:
        texts.extend(path.read_text("utf-8").split())
    return sorted(set(texts))


def test_javascript_rules_match_python() -> None:
    corpus = _corpus()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_script_tag(content=RULES_JS.read_text("utf-8"))
        got = page.evaluate("""texts => {
            const R = self.ExplainerSearchRules
            return {
                prefixes: R.CLITIC_PREFIXES,
                rows: texts.map(t => [R.fold(t), R.words(t), R.words(t).map(R.variants), R.queryAlternatives(t)])
            }
        }""", corpus)
        browser.close()
    assert [tuple(p) for p in got["prefixes"]] == [tuple(p) for p in CLITIC_PREFIXES]
    expected = [[fold(t), words(t), [variants(w) for w in words(t)], query_alternatives(t)] for t in corpus]
    mismatches = [(text, py, js) for text, py, js in zip(corpus, expected, got["rows"]) if py != js]
    assert not mismatches, json.dumps(mismatches[:5], ensure_ascii=False, indent=1)
    assert len(corpus) > 500
