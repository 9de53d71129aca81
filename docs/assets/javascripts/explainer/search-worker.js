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
 *
 * Pagefind holds one result per page; its sections are the anchors (heading ids) Pagefind
 * lists with their word positions. A section is shown only when every typed word starts a
 * word of its heading or text (Pagefind's stemming and prefix matching alone return pages
 * without the word); its link is page#id.
 */
/* global ExplainerSearchRules */
importScripts("search-rules.js")

const R = ExplainerSearchRules
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const INDEX_URL = new URL(self.location.href).searchParams.get("index")
const MAX_RESULTS = 20          /* pages shown per query */
const FRAGMENT_BATCH = 20       /* fragments (one per page) fetched at a time */
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

/* Drop the first words of a text that are its title (Pagefind ends a block with a full stop). */
function afterTitle(words, title) {
  const count = title.split(/\s+/).filter(Boolean).length
  return words.slice(count)
}

/* The sections of one page's fragment, as written: the page itself (text before the first
   anchor: title as meta.title) and one per anchor (``page#id``, its heading as the anchor's
   text). Each part's text ends at the terms separator: the folded extra terms after it are
   for the index only. The build checks that each anchor sits where its heading starts. */
function pageSections(data) {
  const page = data.meta.url || data.raw_url || data.url  /* the page's address: Pagefind's url meta */
  const words = data.content.trim().split(/\s+/)
  const anchors = (data.anchors || []).filter(a => a.id).sort((a, b) => a.location - b.location)
  const cut = (from, to, title) => {
    const [written] = afterTitle(words.slice(from, to), title).join(" ").split(R.TERMS_SEPARATOR)
    return written.trim()
  }
  const parts = []
  const head = anchors.length ? anchors[0].location : words.length
  if (head > 0) {
    const title = data.meta.title || ""
    parts.push({ location: page, title, text: cut(0, head, title) })
  }
  anchors.forEach((anchor, i) => {
    const to = i + 1 < anchors.length ? anchors[i + 1].location : words.length
    parts.push({ location: `${page}#${anchor.id}`, title: anchor.text, text: cut(anchor.location, to, anchor.text) })
  })
  return { page, pageTitle: data.meta.page || data.meta.title || "", parts }
}

/* How many words of a section match, a heading's twice, and how many words it has. */
function density(part, forms) {
  const count = text => {
    const pieces = markWords(text, forms).filter(p => p.word)
    return [pieces.filter(p => p.hit).length, pieces.length]
  }
  const [titleHits, titleWords] = count(part.title)
  const [textHits, textWords] = count(part.text)
  return { hits: 2 * titleHits + textHits, words: Math.max(1, titleWords + textWords) }
}

async function search(query, id) {
  const alternatives = R.queryAlternatives(query)
  if (!alternatives.length) return { items: [] }
  const wordForms = R.queryWords(query).map(R.queryForms)
  const forms = [...new Set(alternatives.flat())]
  const pf = await loadPagefind()
  const scored = new Map()
  for (const [i, alternative] of alternatives.entries()) {
    const response = await pf.search(alternative.join(" "))
    if (id !== latest) return null
    const weight = i === 0 ? 1 : ALTERNATIVE_WEIGHT
    for (const result of response.results) {
      const score = result.score * weight
      const known = scored.get(result.id)
      if (!known || known.score < score) scored.set(result.id, { result, score })
    }
  }
  const ranked = [...scored.values()].sort((a, b) => b.score - a.score)
  /* Pages are fetched a batch at a time, best first, until enough hold a section with every word */
  const groups = []
  for (let from = 0; from < Math.min(ranked.length, MAX_FRAGMENTS) && groups.length < MAX_RESULTS; from += FRAGMENT_BATCH) {
    const batch = ranked.slice(from, Math.min(from + FRAGMENT_BATCH, MAX_FRAGMENTS))
    const fragments = await Promise.all(batch.map(({ result }) => result.data()))
    if (id !== latest) return null
    batch.forEach(({ score }, i) => {
      if (groups.length >= MAX_RESULTS) return
      const { page, pageTitle, parts } = pageSections(fragments[i])
      const kept = parts.filter(part => matchesEvery(wordForms, `${part.title} ${part.text}`))
      if (!kept.length) return
      /* Pagefind scores the whole page; a section scores the page's score times how much
         denser the matching words are in it than in the page (a short section full of the
         words ranks above a long page that mentions them now and then) */
      const measured = parts.map(part => density(part, forms))
      const pageHits = measured.reduce((sum, m) => sum + m.hits, 0)
      const pageWords = measured.reduce((sum, m) => sum + m.words, 0)
      const pageDensity = Math.max(pageHits, 1) / pageWords
      const items = kept.map(part => [part, measured[parts.indexOf(part)]]).map(([part, m]) => ({
        location: part.location,
        title: snippetTitle(part.title, forms),
        text: `<p>${snippet(part.text, forms)}</p>`,
        score: score * (m.hits / m.words) / pageDensity,
        terms: termsFound(query, `${part.title} ${part.text}`)
      })).sort((a, b) => b.score - a.score)
      /* Every group needs its page (Material renders it as the group's heading); its link
         highlights the words its sections matched (Material adds ?h= from the terms found) */
      if (!items.some(item => item.location === page)) {
        const terms = {}
        for (const item of items)
          for (const [term, found] of Object.entries(item.terms)) if (found) terms[term] = true
        items.push({ location: page, title: escapeHTML(pageTitle), text: "", score: 0, terms })
      }
      groups.push(items)
    })
  }
  groups.sort((a, b) => b[0].score - a[0].score)
  return { items: groups }
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
