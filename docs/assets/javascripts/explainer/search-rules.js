/*
 * Search text rules for the reader's side: the query transform.
 *
 * A line-by-line mirror of hooks/explainer/search.py (fold, words, variants,
 * queryForms, queryAlternatives), which applies the same rules to the indexed
 * text. tests/test_search_rules.py runs both on the same words in Chromium and
 * fails when they differ: change them together. The rules are described in the
 * Python module's docstring and in README "Search".
 *
 * Loaded with importScripts() by search-worker.js; defines self.ExplainerSearchRules.
 */
;(function (root) {
  "use strict"

  const LETTER_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
    "ک": "ك", "ی": "ي"
  }
  for (let d = 0; d < 10; d++) {
    LETTER_MAP[String.fromCharCode(0x0660 + d)] = String(d)
    LETTER_MAP[String.fromCharCode(0x06F0 + d)] = String(d)
  }
  /* Tatweel, ZWNJ, ZWJ, LRM, RLM, Arabic letter mark, word joiner, BOM */
  const IGNORED = /[\u0640\u200c\u200d\u200e\u200f\u061c\u2060\ufeff]/g
  const MARKS = /\p{Mn}/gu
  const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u
  const JOINERS = new Set(["-", "'", "’", ".", "٫", "٬", "_"])

  /** Fold text for matching (Python: search.fold). */
  function fold(text) {
    let s = text.normalize("NFKC").toLowerCase()
    s = Array.from(s, ch => LETTER_MAP[ch] ?? ch).join("")
    s = s.normalize("NFD").replace(MARKS, "").replace(IGNORED, "")
    return s.normalize("NFC")
  }

  /** [start, end) UTF-16 offsets of each word of text (Python: search.word_spans, in code points). */
  function wordSpans(text) {
    const spans = []
    let start = -1
    let index = 0
    for (const ch of text) {
      if (WORD_CHAR.test(ch)) {
        if (start < 0) start = index
      } else if (start >= 0) {
        spans.push([start, index])
        start = -1
      }
      index += ch.length
    }
    if (start >= 0) spans.push([start, index])
    return spans
  }

  /** Folded words plus joined compounds (Python: search.words). */
  function words(text) {
    const folded = fold(text)
    const spans = wordSpans(folded)
    const out = []
    let run = []
    spans.forEach(([start, end], i) => {
      const word = folded.slice(start, end)
      out.push(word)
      run.push(word)
      const joined = i + 1 < spans.length && spans[i + 1][0] === end + 1 && JOINERS.has(folded[end])
      if (!joined) {
        if (run.length > 1) out.push(run.join(""))
        run = []
      }
    })
    return out
  }

  /** Folded words of a typed query, a joined compound once (Python: search.query_words). */
  function queryWords(text) {
    const folded = fold(text)
    const spans = wordSpans(folded)
    const out = []
    let run = []
    spans.forEach(([start, end], i) => {
      run.push(folded.slice(start, end))
      const joined = i + 1 < spans.length && spans[i + 1][0] === end + 1 && JOINERS.has(folded[end])
      if (!joined) {
        out.push(run.join(""))
        run = []
      }
    })
    return out
  }

  const CONJUNCTIONS = ["", "و", "ف"]
  const PREPOSITIONS = ["", "ب", "ك", "ل"]
  const ARTICLE = "ال"
  const MIN_STEM_AFTER_ARTICLE = 2
  const MIN_STEM = 3

  /** [prefix, hasArticle] pairs, longest first (Python: search.CLITIC_PREFIXES). */
  const CLITIC_PREFIXES = (() => {
    const found = new Map()
    for (const conj of CONJUNCTIONS)
      for (const prep of PREPOSITIONS) {
        if (conj || prep) found.set(`${conj + prep}|0`, [conj + prep, false])
        const withArticle = conj + (prep === "ل" ? "لل" : prep + ARTICLE)
        found.set(`${withArticle}|1`, [withArticle, true])
      }
    return [...found.values()].sort((a, b) =>
      b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] ? 1 : 0) - (b[1] ? 1 : 0)))
  })()

  function isArabicWord(word) {
    if (!word) return false
    for (const ch of word)
      if (ch < "\u0620" || ch > "\u064a") return false
    return true
  }

  function stemOk(stem, hasArticle) {
    return Array.from(stem).length >= (hasArticle ? MIN_STEM_AFTER_ARTICLE : MIN_STEM)
  }

  function unique(list) {
    return [...new Set(list)]
  }

  /** A folded word and its clitic-free stems, longest first (Python: search.variants). */
  function variants(word) {
    const out = [word]
    if (!isArabicWord(word)) return out
    for (const [prefix, hasArticle] of CLITIC_PREFIXES)
      if (word.startsWith(prefix) && word.length > prefix.length) {
        const stem = word.slice(prefix.length)
        if (stemOk(stem, hasArticle)) {
          out.push(stem)
          if (prefix.endsWith("لل")) out.push(ARTICLE + stem)
        }
      }
    return unique(out.sort((a, b) => b.length - a.length))
  }

  /** Forms one typed word is looked up as, preferred first (Python: search.query_forms). */
  function queryForms(word, article = true) {
    if (!isArabicWord(word)) return [word]
    for (const [prefix, hasArticle] of article ? CLITIC_PREFIXES : []) {
      const stem = word.slice(prefix.length)
      if (hasArticle && word.startsWith(prefix) && stemOk(stem, true)) return [stem]
    }
    const forms = [word]
    const byLength = [...CLITIC_PREFIXES].sort((a, b) => a[0].length - b[0].length)
    for (const [prefix, hasArticle] of byLength) {
      const stem = word.slice(prefix.length)
      if (!hasArticle && word.startsWith(prefix) && stemOk(stem, false)) forms.push(stem)
    }
    return forms
  }

  const MAX_QUERY_ALTERNATIVES = 4
  // A typed word whose alef before lam carries a hamza (after at most one attached letter): not the article.
  const HAMZA_LED = /^[^\u0621-\u064aA-Za-z0-9]*[\u0648\u0641\u0628\u0643\u0644]?[\u0623\u0625\u0622]\u0644/
  const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g

  /** Look-ups for a typed query, preferred first (Python: search.query_alternatives). */
  function queryAlternatives(query) {
    const hamzaLed = new Set()
    for (const token of query.split(/\s+/)) {
      const found = queryWords(token)
      if (found.length && HAMZA_LED.test(token.replace(ARABIC_MARKS, ""))) hamzaLed.add(found[0])
    }
    let combos = [[]]
    for (let forms of queryWords(query).map(word => queryForms(word, !hamzaLed.has(word)))) {
      if (combos.length * forms.length > MAX_QUERY_ALTERNATIVES) forms = forms.slice(0, 1)
      combos = combos.flatMap(combo => forms.map(form => [...combo, form]))
    }
    return combos.filter(c => c.length)
  }

  /** True when a written word matches one of the looked-up forms (prefix match on any variant). */
  function wordMatches(written, forms) {
    for (const word of words(written))
      for (const variant of variants(word))
        for (const form of forms)
          if (variant.startsWith(form)) return true
    return false
  }

  root.ExplainerSearchRules = {
    TERMS_SEPARATOR: "\u2063",
    CLITIC_PREFIXES,
    fold,
    wordSpans,
    words,
    queryWords,
    variants,
    queryForms,
    queryAlternatives,
    wordMatches
  }
})(typeof self !== "undefined" ? self : this)
