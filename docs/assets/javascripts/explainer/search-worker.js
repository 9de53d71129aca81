/*
 * Search worker for Material for MkDocs, backed by the page language's Pagefind bundle.
 *
 * Material's search box and result list talk to a web worker through four messages
 * (SETUP 0, READY 1, QUERY 2, RESULT 3); its source says a site may supply its own
 * worker. This one answers them from search/<lang>/ (written by the explainer hooks
 * with Pagefind), so Material's look, keyboard handling and highlighting stay as they are.
 *
 * URL parameters (set by overrides/partials/explainer-search.html):
 *   index  absolute URL of the page language's bundle, ending in "/"
 *
 * Nothing is fetched until the reader types: Pagefind then loads its script, its
 * WebAssembly, the metadata and only the index chunks and fragments a query needs.
 */
/* global ExplainerSearchRules */
importScripts("search-rules.js")

const R = ExplainerSearchRules
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const INDEX_URL = new URL(self.location.href).searchParams.get("index")
const MAX_RESULTS = 20          /* results shown per query */
const FRAGMENT_BATCH = 20       /* fragments fetched at a time */
const MAX_FRAGMENTS = 60        /* fragments fetched per query at most */
const SNIPPET_WORDS = 32        /* words shown in a result teaser */
const ALTERNATIVE_WEIGHT = 0.5  /* score factor for a look-up without a typed clitic */

let pagefind = null
let latest = 0

function loadPagefind() {
  if (!pagefind)
    pagefind = import(`${INDEX_URL}pagefind.js`).then(async pf => {
      await pf.options({ excerptLength: 0 })
      await pf.init()
      return pf
    })
  return pagefind
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/* Split written text into words and the text between them; mark the words that match. */
function markWords(text, forms) {
  const pieces = []
  let last = 0
  for (const [start, end] of R.wordSpans(text)) {
    if (start > last) pieces.push({ text: text.slice(last, start), word: false, hit: false })
    const word = text.slice(start, end)
    pieces.push({ text: word, word: true, hit: R.wordMatches(word, forms) })
    last = end
  }
  if (last < text.length) pieces.push({ text: text.slice(last), word: false, hit: false })
  return pieces
}

function render(pieces) {
  return pieces.map(p => p.hit ? `<mark data-md-highlight>${escapeHTML(p.text)}</mark>` : escapeHTML(p.text)).join("")
}

/* A window of the text as written, around its first match, with matches marked. */
function snippet(text, forms) {
  const pieces = markWords(text, forms)
  const wordIndexes = pieces.map((p, i) => p.word ? i : -1).filter(i => i >= 0)
  if (wordIndexes.length <= SNIPPET_WORDS) return render(pieces)
  const firstHit = Math.max(0, wordIndexes.findIndex(i => pieces[i].hit))
  const from = Math.max(0, Math.min(firstHit - 6, wordIndexes.length - SNIPPET_WORDS))
  const to = Math.min(wordIndexes.length, from + SNIPPET_WORDS)
  const startPiece = wordIndexes[from]
  const endPiece = to < wordIndexes.length ? wordIndexes[to] - 1 : pieces.length - 1
  return (from > 0 ? "… " : "") + render(pieces.slice(startPiece, endPiece + 1)) + (to < wordIndexes.length ? " …" : "")
}

/* Typed words -> found?; a found word is listed as written on the page instead, because
   Material hands the found terms to the page it opens (?h=) to highlight them there. */
function termsFound(query, text) {
  const terms = {}
  for (const [start, end] of R.wordSpans(query)) {
    const typed = query.slice(start, end)
    const hits = markWords(text, R.words(typed).flatMap(R.queryForms)).filter(p => p.hit)
    if (hits.length) for (const hit of hits) terms[hit.text] = true
    else terms[typed] = false
  }
  return terms
}

/* Every variant (clitic-free stems included) of every word of a text, for matchesEvery. */
function textVariants(text) {
  return R.words(text).flatMap(R.variants)
}

/* True when every typed word, in one of its looked-up forms, starts a word of the text:
   Pagefind's stemming and prefix matching also return pages without the word (announcer ->
   announc -> announced), and a result must show what the reader typed. */
function matchesEvery(wordForms, text) {
  const variants = textVariants(text)
  return wordForms.every(forms => forms.some(form => variants.some(variant => variant.startsWith(form))))
}

/* The fragment's text as written: title, and the rest after it (the folded extra terms dropped). */
function writtenParts(data) {
  const [written] = data.content.split(R.TERMS_SEPARATOR)
  const title = data.meta.title || ""
  const text = written.startsWith(title) ? written.slice(title.length).trim() : written
  return { title, text }
}

async function search(query, id) {
  const alternatives = R.queryAlternatives(query)
  if (!alternatives.length) return { items: [] }
  const wordForms = R.queryWords(query).map(R.queryForms)
  const pf = await loadPagefind()
  const scored = new Map()
  for (const [i, forms] of alternatives.entries()) {
    const response = await pf.search(forms.join(" "))
    if (id !== latest) return null
    const weight = i === 0 ? 1 : ALTERNATIVE_WEIGHT
    for (const result of response.results) {
      const score = result.score * weight
      const known = scored.get(result.id)
      if (!known || known.score < score) scored.set(result.id, { result, score })
    }
  }
  const ranked = [...scored.values()].sort((a, b) => b.score - a.score)
  /* Fragments are fetched a batch at a time, best first, until enough results hold every word */
  const kept = []
  for (let from = 0; from < Math.min(ranked.length, MAX_FRAGMENTS) && kept.length < MAX_RESULTS; from += FRAGMENT_BATCH) {
    const batch = ranked.slice(from, Math.min(from + FRAGMENT_BATCH, MAX_FRAGMENTS))
    const fragments = await Promise.all(batch.map(({ result }) => result.data()))
    if (id !== latest) return null
    batch.forEach(({ score }, i) => {
      const parts = writtenParts(fragments[i])
      if (kept.length < MAX_RESULTS && matchesEvery(wordForms, `${parts.title} ${parts.text}`))
        kept.push({ data: fragments[i], parts, score })
    })
  }
  const forms = [...new Set(alternatives.flat())]
  const groups = new Map()
  for (const { data, parts: { title, text }, score } of kept) {
    const location = data.meta.url || data.raw_url || data.url  /* the record's address: Pagefind's url meta */
    const page = location.split("#")[0]
    const item = {
      location,
      title: snippetTitle(title, forms),
      text: `<p>${snippet(text, forms)}</p>`,
      score,
      terms: termsFound(query, `${title} ${text}`),
      pageTitle: data.meta.page || title
    }
    if (!groups.has(page)) groups.set(page, [])
    groups.get(page).push(item)
  }
  /* Every group needs its page (Material renders it as the group's heading); its link
     highlights the words its sections matched (Material adds ?h= from the terms found) */
  for (const [page, items] of groups)
    if (!items.some(item => item.location === page)) {
      const terms = {}
      for (const item of items)
        for (const [term, found] of Object.entries(item.terms)) if (found) terms[term] = true
      items.push({ location: page, title: escapeHTML(items[0].pageTitle), text: "", score: 0, terms })
    }
  return { items: [...groups.values()] }
}

function snippetTitle(title, forms) {
  return render(markWords(title, forms))
}

self.addEventListener("message", async event => {
  const message = event.data
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const id = ++latest
    let data
    try {
      data = await search(String(message.data || ""), id)
    } catch (error) {
      console.error("explainer search:", error)
      data = { items: [] }
    }
    if (data !== null && id === latest) self.postMessage({ type: RESULT, data })
  }
})
