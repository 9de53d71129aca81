"""The whole pipeline for a site: seeds, side files and catalogs in, every generated page out.

:func:`build_site` is the one entry point an engine adapter (the MkDocs plugin, the
export command, the benchmark) calls. It is pure apart from reading the input files,
and it takes a :class:`~explainer.cache.BuildCache`: every derived value (parsed seed,
translations, translation state, facts, glossary uses, rendered page, search records,
preservation check) is looked up there under the digests of the bytes it comes from,
so a rebuild after one edit recomputes only what that edit touches, and gives exactly
what a build from scratch gives.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from explainer.cache import BuildCache, digest, read_bytes
from explainer.errors import ExplainerError, SeedError
from explainer.ingest.decode import normalize_seed, read_seed_bytes
from explainer.ingest.metadata import read_metadata, split_front_matter, suggest_slug, validate_slug
from explainer.ingest.parse import parse_article
from explainer.ingest.preserve import preservation_warnings
from explainer.model import Article
from explainer.options import Gate, Options
from explainer.render.facts import CATALOG as FACTS_CATALOG
from explainer.render.facts import FACTS_SUFFIX, Fact, fact_units, facts_path, load_article_facts
from explainer.render.glossary import CATALOG as GLOSSARY_CATALOG
from explainer.render.glossary import Term, TermUses, glossary_units, matcher_for, read_glossary, term_uses
from explainer.render.layer import ArticleLayer, Glossary, article_extras, current, render_glossary, render_parallel
from explainer.render.page import Page
from explainer.render.pages import (
    ListedArticle,
    SiteContext,
    StatusRow,
    listed,
    render_article,
    render_home_page,
    render_not_found,
    render_seed_error,
    render_status,
)
from explainer.search.records import article_records, glossary_records
from explainer.search.rules import SearchRecord
from explainer.text import fold_match_word, words
from explainer.translate.catalog import Translation, Translations, po_path, translations_from_bytes, ui_strings
from explainer.translate.checks import entry_lines
from explainer.translate.fuzzy import outdated_matches
from explainer.translate.segment import article_units
from explainer.translate.state import LayerUnit, Lookup, TranslationStates, WorkItem, article_states
from explainer.translate.ui import SOURCE_LANG, UiStrings, ui_po_path


@dataclass(frozen=True)
class SiteBuild:
    """Everything generated from the inputs.

    ``articles`` in home-listing order; ``pages`` every generated page; ``states[slug][lang]``
    each article's translation state; ``records[lang]`` the search records of the pages in
    ``lang`` and ``record_keys[lang]`` a digest of everything they were made from;
    ``page_keys[src_uri]`` a digest of everything a page was made from (equal digests,
    equal pages); ``ui`` the interface strings; ``warnings`` are ``path: problem``
    lines the engine should log as warnings (input problems: stray files, words missing
    from a page, catalog entries of another article); ``infos`` the lines it should log as
    information (unfinished translations and the checks' findings: they never fail a
    build); ``work[slug][lang]`` the units that need a translator's work, with their PO
    file and line (:class:`~explainer.translate.state.WorkItem`); ``errors`` the messages
    of bad inputs skipped in tolerant mode (see :func:`build_site`).
    """

    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    states: dict[str, dict[str, TranslationStates]] = field(default_factory=dict)
    records: dict[str, list[SearchRecord]] = field(default_factory=dict)
    page_keys: dict[str, bytes] = field(default_factory=dict)
    record_keys: dict[str, bytes] = field(default_factory=dict)
    ui: UiStrings = field(default_factory=UiStrings)
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    infos: tuple[str, ...] = ()
    work: dict[str, dict[str, tuple[WorkItem, ...]]] = field(default_factory=dict)

    @property
    def coverage(self) -> dict[str, dict[str, dict[str, int]]]:
        """``coverage[slug][lang]``: units by state (``translated``, ``fuzzy``, ``untranslated``)."""
        return {slug: {lang: dict(states.counts) for lang, states in by_lang.items()} for slug, by_lang in self.states.items()}


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path, root: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except OSError as exc:
        raise SeedError(_display(path, root), None, f"cannot read the file ({exc.strerror})",
                        "Check that it exists and is readable.") from None


def load_seed(seed_path: Path, root: Path) -> Article:
    """Read, decode, normalize and parse one seed with its metadata.

    Input: the seed path and the project root (for messages). Output: an
    :class:`Article` whose report starts with the decoding and normalization
    repairs. Metadata comes from a front matter block or a ``.yml`` side file
    (not both); the slug from metadata, else the file name. Raises
    :class:`SeedError` with file and line on bad input.
    """
    data = _read(seed_path, root)
    if data is None:
        raise SeedError(_display(seed_path, root), None, "cannot read the file (No such file or directory)",
                        "Check that it exists and is readable.")
    return parse_seed(seed_path, root, data, _read(seed_path.with_suffix(".yml"), root))


def parse_seed(seed_path: Path, root: Path, data: bytes, meta_data: bytes | None) -> Article:
    """Parse one seed from its bytes and its metadata side file's bytes (``None``: no side file); see :func:`load_seed`."""
    shown = _display(seed_path, root)
    meta_path = seed_path.with_suffix(".yml")
    side = read_metadata(meta_path, _display(meta_path, root)) if meta_data is not None else None
    decoded = read_seed_bytes(data, shown)
    text, normalized = normalize_seed(decoded.text)
    front, text = split_front_matter(text, shown)
    if front is not None and side is not None:
        raise SeedError(shown, 1, f"metadata is given twice: in a front matter block and in {meta_path.name}",
                        "Keep one of them.")
    metadata = front or side
    slug = metadata.slug if metadata and metadata.slug else seed_path.stem
    if not slug.isascii():
        hint = f"Rename the file (e.g. {suggest_slug(slug) or 'article-name'}.txt) or set 'slug:' in its metadata."
        raise SeedError(shown, None, f"file name {seed_path.name!r} is not ASCII and cannot give a URL slug",
                        hint if suggest_slug(slug) else
                        "Rename the file with lowercase ASCII letters, digits and hyphens (e.g. article-name.txt), "
                        "or set 'slug:' in its metadata.")
    validate_slug(slug, shown)
    article = parse_article(text, path=shown, slug=slug, metadata=metadata)
    return dataclasses.replace(article, repairs=decoded.repairs + normalized + article.repairs)


def seed_paths(seeds_dir: Path) -> list[Path]:
    """Every seed file (``*.txt``) in ``seeds_dir``, sorted by name.

    Hidden files (``.draft.txt``, macOS ``._article.txt`` copies) are not seeds.
    """
    return sorted(p for p in seeds_dir.glob("*.txt") if p.is_file() and not p.name.startswith("."))


def stray_seed_files(seeds_dir: Path, root: Path, glossary_name: str = "glossary.yml") -> list[str]:
    """Files in ``seeds_dir`` that the build ignores although an editor probably meant them.

    Output: one ``path: problem`` message per file, sorted: files that are not
    ``*.txt`` seeds (``article.TXT``, ``article.md``) and ``.yml`` metadata or
    ``.facts.yml`` key-facts files without their seed (``glossary_name`` is the site
    glossary). Hidden files (``.gitkeep``, ``._article.txt``, editor swap files)
    and sub-folders (a place for drafts: seeds are read from ``seeds/`` itself
    only) are left alone.
    """
    messages = []
    for path in sorted(seeds_dir.iterdir()) if seeds_dir.is_dir() else []:
        if path.name.startswith("."):
            continue
        shown = _display(path, root)
        if not path.is_file() or path.suffix == ".txt":
            continue
        if path.name == glossary_name:
            continue  # the site glossary (explainer layer)
        if path.name.endswith(FACTS_SUFFIX):
            seed = path.with_name(path.name.removesuffix(FACTS_SUFFIX) + ".txt")
            if not seed.exists():
                messages.append(f"{shown}: ignored: key facts for {seed.name}, which does not exist")
            continue
        if path.suffix == ".yml":
            if not path.with_suffix(".txt").exists():
                messages.append(f"{shown}: ignored: metadata for {path.with_suffix('.txt').name}, which does not exist")
        else:
            target = path.with_name(path.name.split(".", 1)[0] + ".txt")
            if target.exists():
                messages.append(f"{shown}: ignored: only *.txt files are seeds; this looks like a copy or backup "
                                f"of {target.name}")
            else:
                messages.append(f"{shown}: ignored: only *.txt files are seeds (rename it to "
                                f"{suggest_slug(target.stem) or 'article-name'}.txt if it is an article)")
    return messages


def duplicate_slug_error(second: Article, first: Article, taken: set[str]) -> SeedError:
    """The error for two seeds sharing a slug, blaming the one whose metadata chose it."""
    culprit, other = (first, second) if first.metadata.slug and not second.metadata.slug else (second, first)
    free = next(f"{culprit.slug}-{n}" for n in range(2, 1000) if f"{culprit.slug}-{n}" not in taken)
    origin = "its metadata sets" if culprit.metadata.slug else "its file name gives"
    return SeedError(culprit.source_path, None, f"{origin} the slug {culprit.slug!r}, already used by {other.source_path}",
                     f"Give it another slug in its metadata (front matter or .yml file), e.g. 'slug: {free}'.")


def _title_key(title: str) -> str:
    """Titles compared as readers see them: folded (:func:`explainer.text.fold_match`), words only."""
    return " ".join(words(fold_match_word(title)))


def duplicate_title_warnings(articles: Sequence[Article]) -> list[str]:
    """One warning per seed whose title another seed already has (folded, punctuation ignored).

    Output: ``path: problem`` messages naming both seeds, in seed order.
    """
    first: dict[str, Article] = {}
    messages = []
    for article in articles:
        key = _title_key(article.title)
        if not key:
            continue
        if key in first:
            other = first[key]
            messages.append(f"{article.source_path}: has the same title as {other.source_path} ({article.title!r}): "
                            "readers cannot tell the two articles apart in the listing and in search; give one of "
                            "them another title (a title line, or 'title:' in its metadata)")
        else:
            first[key] = article
    return messages


@dataclass(frozen=True)
class _Catalog:
    """One PO file as read in this build: its translations, the digest of its bytes, the bytes."""

    translations: Translations
    key: bytes
    data: bytes | None = field(default=None, compare=False, repr=False)
    error: str | None = None  # tolerant mode: why the file could not be read (it is read as empty)

    def lookup(self, context: str) -> Lookup:
        """A lookup from msgid to :class:`Translation` within ``context``."""
        translations = self.translations

        def find(msgid: str) -> Translation | None:
            return translations.get((context, msgid))
        return find


class _Inputs:
    """Reads the inputs of one build through the cache, collecting errors in tolerant mode."""

    def __init__(self, root: Path, cache: BuildCache, tolerant: bool) -> None:
        self.root = root
        self.cache = cache
        self.tolerant = tolerant
        self.errors: list[str] = []
        self.broken: dict[Path, str] = {}  # seeds left out of a preview, with their error

    def shown(self, path: Path) -> str:
        return _display(path, self.root)

    def tolerate(self, exc: ExplainerError, what_happens: str) -> None:
        """A bad input: in tolerant mode (a preview) recorded with what the preview does instead; else raised."""
        if not self.tolerant:
            raise exc
        self.errors.append(f"{exc}\n  ({what_happens})")

    def catalog(self, path: Path) -> _Catalog:
        """The translations of the PO file ``path`` (empty when missing; in tolerant mode also when malformed)."""
        data = _read(path, self.root)
        key = digest(data)
        if data is None:
            return _Catalog({}, key)
        try:
            found = self.cache.get(("po", path), key, lambda: translations_from_bytes(data, self.shown(path)))
        except ExplainerError as exc:
            self.tolerate(exc, "read as empty in this preview: its pages show the Arabic under a notice that "
                               "the translation could not be read; fix the file and save")
            return _Catalog({}, digest(b"malformed", data), None, str(exc).split("\n", 1)[0])
        return _Catalog(found, key, data)

    def lines(self, path: Path, catalog: _Catalog) -> dict[tuple[str, str], int]:
        """``(msgctxt, msgid) -> line`` of the entries of the PO file ``path`` (read as ``catalog``)."""
        data = catalog.data
        if data is None:
            return {}
        return self.cache.get(("po-lines", path), catalog.key,
                              lambda: entry_lines(data.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines()))


def _load_articles(paths: Sequence[Path], inputs: _Inputs) -> list[tuple[Article, bytes]]:
    """Each seed parsed (through the cache) with the digest of its bytes and its metadata's; duplicates are errors."""
    found: list[tuple[Article, bytes]] = []
    seen: dict[str, Article] = {}
    root, cache = inputs.root, inputs.cache
    for path in paths:
        try:
            data = _read(path, root)
            if data is None:
                continue  # deleted since the folder was listed
            meta = _read(path.with_suffix(".yml"), root)
            key = digest(inputs.shown(path), data, meta)
            article = cache.get(("article", path), key, partial(parse_seed, path, root, data, meta))
            if article.slug in seen:
                raise duplicate_slug_error(article, seen[article.slug], set(seen))
        except ExplainerError as exc:
            inputs.tolerate(exc, "left out of this preview; the rest of the site is served: fix the file and save")
            inputs.broken[path] = str(exc)
            continue
        seen[article.slug] = article
        found.append((article, key))
    return found


def _is_slug(name: str) -> bool:
    try:
        validate_slug(name, name)
    except ExplainerError:
        return False
    return True


def _foreign_context_warnings(slug: str, translations: Translations, shown: str) -> list[str]:
    """One warning if translated entries of an article's catalog carry another msgctxt (they are never used)."""
    foreign = Counter(ctxt for ctxt, _msgid in translations if ctxt != slug)
    if not foreign:
        return []
    contexts = ", ".join(f"{ctxt!r} ({count})" for ctxt, count in sorted(foreign.items()))
    message = (f"{shown}: {sum(foreign.values())} translated entries have a msgctxt other than the article's slug "
               f"{slug!r}: {contexts}; they are not used. After renaming a slug, rename the msgctxt too")
    return [message]


def _by_context(translations: Translations) -> dict[str, tuple[tuple[str, Translation], ...]]:
    """Translations grouped by msgctxt: the part of a shared catalog (``facts``) that concerns each article."""
    groups: dict[str, list[tuple[str, Translation]]] = {}
    for (ctxt, msgid), value in translations.items():
        groups.setdefault(ctxt, []).append((msgid, value))
    return {ctxt: tuple(sorted(items, key=lambda item: item[0])) for ctxt, items in groups.items()}


def build_site(options: Options, root: Path, cache: BuildCache | None = None, *, tolerant: bool = False,
               directory_urls: bool = True) -> SiteBuild:
    """Run the pipeline over every seed of the project in ``root``.

    Input: the site's options (:class:`~explainer.options.Options`: languages, folders,
    home page size, reading speeds), the project folder, the build cache to reuse (a new
    one when ``None``) and the engine's URL style. Output: a :class:`SiteBuild` with one
    page per article and language, a parallel view of each, the home listing (paginated),
    status, "not found" and glossary pages, and their search records. Raises
    :class:`~explainer.errors.SeedError` / ``CatalogError`` / ``DataError`` on the first
    bad input, and ``SeedError`` for two seeds with the same slug. With ``tolerant=True``
    (a live preview) a bad seed is left out and a malformed catalog read as empty
    instead; their messages are in ``SiteBuild.errors`` and the rest of the site is built.
    """
    cache = cache if cache is not None else BuildCache()
    inputs = _Inputs(root, cache, tolerant)
    seeds_dir, locales_dir = root / options.seeds_dir, root / options.locales_dir
    langs = options.languages
    loaded = _load_articles(seed_paths(seeds_dir), inputs)
    articles = [article for article, _key in loaded]
    article_keys = {article.slug: key for article, key in loaded}

    # Catalogs: each article's, the interface's, the glossary's and the key facts'.
    catalogs: dict[str, dict[str, _Catalog]] = {lang: {} for lang in langs}
    catalog_warnings: list[str] = []
    for article in articles:
        for lang in options.targets:
            path = po_path(locales_dir, lang, article.slug)
            catalogs[lang][article.slug] = found = inputs.catalog(path)
            catalog_warnings += _foreign_context_warnings(article.slug, found.translations, inputs.shown(path))
    ui_catalogs = {lang: inputs.catalog(ui_po_path(locales_dir, lang)) for lang in langs}
    ui_key = digest(*(ui_catalogs[lang].key for lang in langs))
    ui = cache.get(("ui",), (ui_key, langs), lambda: ui_strings({lang: c.translations for lang, c in ui_catalogs.items()}))
    site = SiteContext(langs, ui, directory_urls)
    options_key = (options.fingerprint(), directory_urls)

    glossary_data = _read(root / options.glossary_file, root)
    glossary_key = digest(glossary_data)
    try:
        terms = cache.get(("glossary",), glossary_key,
                          lambda: read_glossary(root / options.glossary_file, options.glossary_file) if glossary_data is not None else ())
    except ExplainerError as exc:
        inputs.tolerate(exc, "the glossary is left out of this preview; the rest of the site is served: fix the file and save")
        terms = ()
    matcher = cache.get(("glossary-matcher",), glossary_key, lambda: matcher_for(terms))
    glossary_catalogs = {lang: inputs.catalog(po_path(locales_dir, lang, GLOSSARY_CATALOG)) for lang in options.targets}
    glossary = Glossary(terms, {lang: current(c.lookup(GLOSSARY_CATALOG)) for lang, c in glossary_catalogs.items()})
    fact_catalogs = {lang: inputs.catalog(po_path(locales_dir, lang, FACTS_CATALOG)) for lang in options.targets}
    fact_groups = {lang: cache.get(("facts-po", lang), c.key, partial(_by_context, c.translations))
                   for lang, c in fact_catalogs.items()}

    # Per article: facts, glossary uses and translation state (with the facts and terms its page shows), each once.
    states: dict[str, dict[str, TranslationStates]] = {}
    facts: dict[str, list[Fact]] = {}
    facts_keys: dict[str, bytes] = {}
    uses: dict[str, TermUses] = {}
    no_catalog = _Catalog({}, digest(None))
    for article in articles:
        slug, article_key = article.slug, article_keys[article.slug]
        side = facts_path(root / article.source_path)
        facts_keys[slug] = side_key = digest(article_key, _read(side, root))
        try:
            facts[slug] = cache.get(("facts", slug), side_key, partial(load_article_facts, article, root))
        except ExplainerError as exc:
            inputs.tolerate(exc, "the article's key facts are left out of this preview; the rest is served: fix the file and save")
            facts[slug] = []
        uses[slug] = cache.get(("terms", slug), (article_key, glossary_key), partial(term_uses, article, matcher))
        used_terms = [term for term_id in uses[slug].body for term in terms if term.id == term_id]
        by_lang = states[slug] = {}
        for lang in langs:
            found = catalogs[lang].get(slug, no_catalog)
            fact_catalog, glossary_catalog = fact_catalogs.get(lang, no_catalog), glossary_catalogs.get(lang, no_catalog)
            layer_key = (side_key, glossary_key, fact_catalog.key, glossary_catalog.key)
            by_lang[lang] = cache.get(("states", slug, lang), (article_key, found.key, layer_key),
                                      partial(_states, article, lang, found, facts[slug], used_terms,
                                              fact_catalog, glossary_catalog))

    listings = {lang: [listed(article, states[article.slug][lang]) for article in articles] for lang in langs}
    pages: list[Page] = []
    page_keys: dict[str, bytes] = {}
    records: dict[str, list[SearchRecord]] = {lang: [] for lang in langs}
    record_pages: dict[str, list[str]] = {lang: [] for lang in langs}  # the pages the records come from, in order
    preservation: list[str] = []

    def keep(page: Page, key: Hashable) -> None:
        pages.append(page)
        page_keys[page.src_uri] = digest(repr(key))

    glossary_key_of = {lang: (glossary_key, glossary_catalogs[lang].key if lang in glossary_catalogs else None) for lang in langs}
    for lang in langs:
        # Home listing, status and "not found" pages.
        size = options.home_page_size
        chunks = [listings[lang][start:start + size] for start in range(0, len(articles), size)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            count = len(chunks)
            home_key = ("home", lang, number, count, tuple(chunk), ui_key, options_key)
            keep(cache.get(("home", lang, number), home_key, partial(render_home_page, chunk, number, count, lang, site)),
                 home_key)
        rows = [StatusRow(a.slug, states[a.slug][lang].of(a.title), {t: states[a.slug][t].counts for t in options.targets},
                          frozenset(t for t in options.targets if states[a.slug][t].unreadable))
                for a in articles]
        status_key = ("status", lang, tuple((r.slug, r.title, tuple(tuple(sorted(c.items())) for c in r.counts.values()),
                                             r.unreadable) for r in rows), ui_key, options_key)
        keep(cache.get(("status", lang), status_key, partial(render_status, rows, lang, site)), status_key)
        if lang != SOURCE_LANG:
            keep(cache.get(("not_found", lang), (ui_key, options_key), partial(render_not_found, lang, site)),
                 ("not_found", ui_key, options_key))
        # Article pages, with their search records and (Arabic) preservation check.
        for index, article in enumerate(articles):
            slug = article.slug
            previous = listings[lang][index - 1] if index > 0 else None
            following = listings[lang][index + 1] if index + 1 < len(articles) else None
            fact_lang = fact_groups.get(lang, {}).get(slug, ())
            neighbours = tuple((n.slug, n.title) if n else None for n in (previous, following))
            page_key = ("article", article_keys[slug], catalogs[lang].get(slug, no_catalog).key, facts_keys[slug], fact_lang,
                        glossary_key_of[lang], ui_key, options_key, neighbours)

            render = partial(_article_page, article, states[slug][lang], site, options, facts[slug], dict(fact_lang),
                             uses[slug], glossary, previous, following)
            page, page_records, lost = cache.get(("page", slug, lang), page_key, render)
            keep(page, page_key)
            records[lang].extend(page_records)
            record_pages[lang].append(page.src_uri)
            preservation.extend(lost)
    # Parallel views and glossary pages.
    for lang in langs:
        target = lang if lang != SOURCE_LANG else (options.targets[0] if options.targets else None)
        if target is not None:
            for article in articles:
                parallel_key = ("parallel", article_keys[article.slug], catalogs[target].get(article.slug, no_catalog).key,
                                ui_key, options_key)
                parallel = partial(render_parallel, article, lang, states[article.slug][target], site)
                keep(cache.get(("parallel", article.slug, lang), parallel_key, parallel), parallel_key)
        if terms:
            used_by = {term.id: tuple(entry for entry, article in zip(listings[lang], articles)
                                      if term.id in uses[article.slug].anywhere) for term in terms}
            glossary_page_key = ("glossary", glossary_key_of[lang], tuple(sorted(used_by.items())), ui_key, options_key)
            glossary_page = partial(_glossary_page, glossary, lang, used_by, site)
            page, page_records = cache.get(("glossary-page", lang), glossary_page_key, glossary_page)
            keep(page, glossary_page_key)
            records[lang].extend(page_records)
            record_pages[lang].append(page.src_uri)

    # A seed a preview left out: its address says what is wrong (both languages) instead of "page not found".
    taken = {page.src_uri for page in pages}
    for path, problem in inputs.broken.items():
        if not _is_slug(path.stem):
            continue  # the error is the file name itself: no address to show it at
        for lang in langs:
            page = render_seed_error(path.stem, problem, lang, site)
            if page.src_uri not in taken:
                keep(page, ("seed-error", path.stem, problem, lang, ui_key, options_key))

    warnings = (stray_seed_files(seeds_dir, root, Path(options.glossary_file).name) + duplicate_title_warnings(articles)
                + catalog_warnings + _ui_warnings(ui, langs, locales_dir, root) + preservation)
    po_files = {(lang, name): (po_path(locales_dir, lang, name), found)
                for lang in options.targets
                for name, found in [*catalogs[lang].items(), (FACTS_CATALOG, fact_catalogs[lang]),
                                    (GLOSSARY_CATALOG, glossary_catalogs[lang])]}
    work = _work(articles, states, po_files, inputs)
    infos = _coverage_infos(articles, states, work, locales_dir, root)
    cache.sweep()
    record_keys = {lang: digest(*(page_keys[src] for src in srcs)) for lang, srcs in record_pages.items()}
    return SiteBuild(tuple(articles), tuple(pages), states, records, page_keys, record_keys, ui, tuple(warnings),
                     tuple(inputs.errors), tuple(infos), work)


def _states(article: Article, lang: str, found: _Catalog, facts: Sequence[Fact], terms: Sequence[Term],
            fact_catalog: _Catalog, glossary_catalog: _Catalog) -> TranslationStates:
    """The translation state of ``article`` in ``lang``: its catalog's entries, what ``update`` would keep of the
    entries of edited paragraphs (:func:`~explainer.translate.fuzzy.outdated_matches`), and the key facts and
    glossary entries its page shows."""
    if lang == SOURCE_LANG:
        return article_states(article, lang, found.lookup(article.slug))
    matches = outdated_matches(article_units(article), found.translations)
    outdated = {msgid: match for (ctxt, msgid), match in matches.items() if ctxt == article.slug}
    layer = []
    for fact in facts:
        for unit in fact_units(article.slug, [fact]):
            unit = dataclasses.replace(unit, segment_id=f"fact {fact.key}")
            if fact.kind == "name" and fact.name and unit.msgid == fact.text_ar:
                continue  # the box shows the name's known Latin spelling without a translation: never a gap
            layer.append(LayerUnit(unit, FACTS_CATALOG, fact_catalog.translations.get((unit.msgctxt, unit.msgid))))
    for unit in glossary_units(terms):
        layer.append(LayerUnit(unit, GLOSSARY_CATALOG, glossary_catalog.translations.get((unit.msgctxt, unit.msgid))))
    return article_states(article, lang, found.lookup(article.slug), outdated=outdated, layer=layer, unreadable=found.error)


def _article_page(article: Article, states: TranslationStates, site: SiteContext, options: Options, facts: Sequence[Fact],
                  fact_translations: Mapping[str, Translation], uses: TermUses, glossary: Glossary,
                  previous: ListedArticle | None, following: ListedArticle | None
                  ) -> tuple[Page, list[SearchRecord], list[str]]:
    lang = states.lang
    used = [term for term_id in uses.body for term in glossary.terms if term.id == term_id]
    layer = ArticleLayer(facts, current(fact_translations.get), used, glossary.translate_into(lang), previous, following,
                         options.words_per_minute(lang), options.words_per_minute)
    page = render_article(article, states, site, article_extras(article, states, site, layer))
    lost = preservation_warnings(article, page.html) if lang == SOURCE_LANG else []
    return page, article_records(article, states, site.directory_urls), lost


def _glossary_page(glossary: Glossary, lang: str, used_by: Mapping[str, Sequence[ListedArticle]],
                   site: SiteContext) -> tuple[Page, list[SearchRecord]]:
    from explainer.render.glossary import localize, sort_key

    page = render_glossary(glossary, lang, used_by, site)
    local = sorted(localize(glossary.terms, lang, glossary.translate_into(lang)), key=sort_key)
    intro = site.ui.text("glossary_intro", lang)
    return page, glossary_records(local, lang, page.title, intro, site.directory_urls)


def _ids(states: list[tuple[str, str]], wanted: str, limit: int = 8) -> str:
    ids = list(dict.fromkeys(seg for seg, state in states if state == wanted))
    return ", ".join(ids[:limit]) + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _work(articles: Sequence[Article], states: Mapping[str, Mapping[str, TranslationStates]],
          po_files: Mapping[tuple[str, str], tuple[Path, _Catalog]], inputs: _Inputs) -> dict[str, dict[str, tuple[WorkItem, ...]]]:
    """Every unit that needs work, per article and translation language, with its PO file and line."""
    work: dict[str, dict[str, tuple[WorkItem, ...]]] = {}
    for article in articles:
        for lang, found in states[article.slug].items():
            if lang == SOURCE_LANG:
                continue
            entries = found.all_units()
            if found.complete and not any(entry.shown.findings for entry in entries):
                continue
            items: list[WorkItem] = []
            checked: set[tuple[str, str, str]] = set()
            for entry in entries:
                shown = entry.shown
                if shown.state == "translated" and not shown.findings:
                    continue
                key = (entry.catalog, entry.unit.msgctxt, entry.unit.msgid)
                if shown.findings and key in checked:
                    continue  # a repeated sentence: its findings once (as TranslationStates.findings counts them)
                checked.add(key)
                path, catalog = po_files.get((lang, entry.catalog), (None, None))
                if path is None or catalog is None:
                    continue
                msgid = shown.previous if shown.reason == "outdated" and shown.previous else entry.unit.msgid
                line = inputs.lines(path, catalog).get((entry.unit.msgctxt, msgid))
                where = inputs.shown(path)
                if shown.findings:  # a current translation the checks question (reason "check": marked for review)
                    items += [WorkItem(article.slug, lang, entry.unit.segment_id, "finding", f"{f.check}: {f.message}",
                                       where, line, entry.unit.msgid) for f in shown.findings]
                else:
                    state = "outdated" if shown.reason == "outdated" else shown.state
                    items.append(WorkItem(article.slug, lang, entry.unit.segment_id, state, shown.reason, where, line,
                                          entry.unit.msgid))
            work.setdefault(article.slug, {})[lang] = tuple(items)
    return work


def _coverage_infos(articles: Sequence[Article], states: Mapping[str, Mapping[str, TranslationStates]],
                    work: Mapping[str, Mapping[str, Sequence[WorkItem]]], locales_dir: Path, root: Path) -> list[str]:
    """Log lines (information, never warnings) for unfinished translations and the checks' findings."""
    lines = []
    for article in articles:
        for lang, found in states[article.slug].items():
            if lang == SOURCE_LANG:
                continue
            items = work.get(article.slug, {}).get(lang, ())
            if found.unreadable:
                lines.append(f"{_display(po_path(locales_dir, lang, article.slug), root)}: article '{article.slug}' "
                             f"is shown untranslated into {lang} in this preview: its catalog could not be read")
            elif found.counts["fuzzy"] or found.counts["untranslated"]:
                listed_states = [(item.segment_id, item.state) for item in items]
                parts = []
                for state, label in (("fuzzy", "fuzzy"), ("outdated", "outdated (its Arabic changed: run 'explainer update')"),
                                     ("finding", "to review (a check's finding, below)"), ("untranslated", "untranslated")):
                    if count := len({seg for seg, s in listed_states if s == state}):
                        parts.append(f"{count} {label} ({_ids(listed_states, state)})")
                path = _display(po_path(locales_dir, lang, article.slug), root)
                lines.append(f"{path}: article '{article.slug}' is {found.percent}% translated into {lang}: "
                             f"{', '.join(parts)} of {found.total} segments, marked on its page; "
                             f"see 'explainer coverage --list'")
            for item in items:
                if item.state == "finding":
                    lines.append(f"{item.location()}: article '{article.slug}', segment {item.segment_id} ({lang}): "
                                 f"{item.detail}")
    return lines


def gate_failures(site: SiteBuild, gate: Gate, targets: Sequence[str]) -> list[str]:
    """What the translation gate (:class:`~explainer.options.Gate`) finds in a build: one line per article and
    language below ``min_coverage`` and, with ``fail_on_findings``, one per finding. Empty: the gate lets it through."""
    lines = []
    for article in site.articles:
        for lang in targets:
            found = site.states[article.slug][lang]
            if found.percent < gate.min_coverage:
                lines.append(f"article '{article.slug}' ({lang}) is {found.percent}% translated, below min_coverage "
                             f"{gate.min_coverage}%")
            if gate.fail_on_findings:
                lines += [f"{item.location()}: article '{article.slug}', segment {item.segment_id} ({lang}): {item.detail}"
                          for item in site.work.get(article.slug, {}).get(lang, ()) if item.state == "finding"]
    return lines


def _ui_warnings(ui: UiStrings, langs: Sequence[str], locales_dir: Path, root: Path) -> list[str]:
    lines = []
    for lang in langs:
        if missing := ui.missing(lang):
            path = _display(ui_po_path(locales_dir, lang), root)
            lines.append(f"{path}: {len(missing)} interface strings have no current translation into {lang} "
                         f"({', '.join(missing[:8])}); the English text is shown; run 'explainer update' and translate them")
    return lines
