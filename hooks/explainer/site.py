"""The whole pipeline for a site: ``seeds/`` + ``locales/`` -> generated pages.

This is the one entry point an engine adapter (the MkDocs hook, the export
command) calls. It is pure apart from reading the input files.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from explainer.errors import ExplainerError, SeedError
from explainer.ingest.decode import normalize_seed, read_seed_bytes
from explainer.ingest.metadata import read_metadata, split_front_matter, suggest_slug, validate_slug
from explainer.ingest.parse import parse_article
from explainer.model import Article
from explainer.render.facts import FACTS_SUFFIX
from explainer.render.glossary import GLOSSARY_FILE
from explainer.render.layer import article_extras, layer_pages, load_layer
from explainer.render.pages import (
    Lookup,
    PageSource,
    render_article,
    render_home_pages,
    render_not_found,
    render_status,
    unit_states,
)
from explainer.textmatch import fold_word
from explainer.translate.catalog import Translation, Translations, load_translations, load_ui_strings, po_path
from explainer.translate.ui import LANGS, SOURCE_LANG, UiStrings, ui_po_path


@dataclass(frozen=True)
class SiteBuild:
    """Everything generated from the inputs.

    ``coverage[slug][lang]`` counts units by state (``translated``, ``fuzzy``,
    ``untranslated``); ``states[slug][lang]`` lists ``(segment_id, state)`` in
    reading order; ``ui`` holds the interface strings; ``warnings`` are
    ``path: problem`` lines the engine should log as warnings (incomplete translations);
    ``errors`` are the messages of bad inputs skipped in tolerant mode (see :func:`build_site`).
    """

    articles: tuple[Article, ...]
    pages: tuple[PageSource, ...]
    coverage: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    states: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    ui: UiStrings = field(default_factory=UiStrings)
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# Parsed seeds by path, with the bytes they came from: `mkdocs serve` rebuilds the whole site on every
# save, and re-parsing 1,000 unchanged seeds would dominate the rebuild. Keyed by content, never by mtime.
_SEED_MEMO: dict[tuple[Path, Path], tuple[bytes, bytes | None, Article]] = {}


def load_seed(seed_path: Path, root: Path) -> Article:
    """Read, decode, normalize and parse one seed with its metadata.

    Input: the seed path and the project root (for messages). Output: an
    :class:`Article` whose report starts with the decoding and normalization
    repairs. Metadata comes from a front matter block or a ``.yml`` side file
    (not both); the slug from metadata, else the file name. Raises
    :class:`SeedError` with file and line on bad input.
    Within one process a seed whose bytes (and metadata bytes) did not change
    since the last call is not parsed again: the same :class:`Article` is returned.
    """
    meta_path = seed_path.with_suffix(".yml")
    try:
        data = seed_path.read_bytes()
        meta_data = meta_path.read_bytes() if meta_path.exists() else None
    except OSError as exc:
        raise SeedError(_display(Path(exc.filename or seed_path), root), None,
                        f"cannot read the file ({exc.strerror})", "Check that it exists and is readable.") from None
    memo = _SEED_MEMO.get((seed_path, root))
    if memo is not None and memo[0] == data and memo[1] == meta_data:
        return memo[2]
    article = _parse_seed(seed_path, root, data)
    _SEED_MEMO[(seed_path, root)] = (data, meta_data, article)
    return article


def _parse_seed(seed_path: Path, root: Path, data: bytes) -> Article:
    shown = _display(seed_path, root)
    meta_path = seed_path.with_suffix(".yml")
    side = read_metadata(meta_path, _display(meta_path, root)) if meta_path.exists() else None
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


def stray_seed_files(seeds_dir: Path, root: Path) -> list[str]:
    """Files in ``seeds_dir`` that the build ignores although an editor probably meant them.

    Output: one ``path: problem`` message per file, sorted: files that are not
    ``*.txt`` seeds (``article.TXT``, ``article.md``) and ``.yml`` metadata or
    ``.facts.yml`` key-facts files without their seed (``glossary.yml`` is the site
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
        if path.name == Path(GLOSSARY_FILE).name:
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
    """Titles compared as readers see them: folded (hamza seats, ta marbuta, tashkeel), without punctuation."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold_word(title)).split())


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


def make_lookup(slug: str, translations: Translations) -> Lookup:
    """A lookup from msgid to :class:`Translation` within the context ``slug``."""
    def lookup(msgid: str) -> Translation | None:
        return translations.get((slug, msgid))
    return lookup


def build_site(seeds_dir: Path, locales_dir: Path, root: Path, langs: Sequence[str] = LANGS,
               tolerant: bool = False) -> SiteBuild:
    """Run the pipeline over every seed.

    Output: a :class:`SiteBuild` with one page per article and language plus a
    home listing per language (paginated, ``render.HOME_PAGE_SIZE`` articles a page). Raises :class:`SeedError` / :class:`CatalogError`
    (from :mod:`explainer.errors`) on the first bad input, and ``SeedError``
    for two seeds with the same slug. With ``tolerant=True`` (a live preview) a
    bad seed is left out and a malformed catalog read as empty instead; their
    messages are in ``SiteBuild.errors`` and the rest of the site is built.
    """
    articles: list[Article] = []
    seen: dict[str, str] = {}
    errors: list[str] = []
    for path in seed_paths(seeds_dir):
        try:
            article = load_seed(path, root)
            if article.slug in seen:
                raise duplicate_slug_error(article, next(a for a in articles if a.slug == article.slug), set(seen))
        except ExplainerError as exc:
            if not tolerant:
                raise
            errors.append(str(exc))
            continue
        seen[article.slug] = article.source_path
        articles.append(article)
    lookups: dict[str, dict[str, Lookup]] = {lang: {} for lang in langs}
    catalog_warnings: list[str] = []
    for article in articles:
        for lang in langs:
            if lang == SOURCE_LANG:
                translations: Translations = {}
            else:
                path = po_path(locales_dir, lang, article.slug)
                try:
                    translations = load_translations(path, _display(path, root))
                except ExplainerError as exc:
                    if not tolerant:
                        raise
                    errors.append(str(exc))
                    translations = {}
                catalog_warnings += _foreign_context_warnings(article.slug, translations, _display(path, root))
            lookups[lang][article.slug] = make_lookup(article.slug, translations)
    ui = load_ui_strings(locales_dir, langs, lambda p: _display(p, root))
    layer = load_layer(articles, root, locales_dir, langs)
    pages: list[PageSource] = []
    coverage: dict[str, dict[str, dict[str, int]]] = {}
    states: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for lang in langs:
        pages.extend(render_home_pages(articles, lang, lookups[lang], langs, ui))
        pages.append(render_status(articles, lang, lookups, langs, ui))
        if lang != SOURCE_LANG:
            pages.append(render_not_found(lang, langs, ui))
        for index, article in enumerate(articles):
            extras = article_extras(layer, articles, index, lang, lookups[lang], ui)
            pages.append(render_article(article, lang, lookups[lang][article.slug], langs, ui, extras))
            listed = [(unit.segment_id, state) for unit, state in unit_states(article, lang, lookups[lang][article.slug])]
            states.setdefault(article.slug, {})[lang] = listed
            counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
            for _seg, state in listed:
                counts["translated" if state == "source" else state] += 1
            coverage.setdefault(article.slug, {})[lang] = counts
    pages.extend(layer_pages(layer, articles, lookups, langs, ui))
    warnings = (stray_seed_files(seeds_dir, root) + duplicate_title_warnings(articles) + catalog_warnings + _coverage_warnings(articles, states, locales_dir, root)
                + _ui_warnings(ui, langs, locales_dir, root))
    return SiteBuild(tuple(articles), tuple(pages), coverage, states, ui, tuple(warnings), tuple(errors))


def _foreign_context_warnings(slug: str, translations: Translations, shown: str) -> list[str]:
    """One warning if translated entries of an article's catalog carry another msgctxt (they are never used)."""
    foreign = Counter(ctxt for ctxt, _msgid in translations if ctxt != slug)
    if not foreign:
        return []
    contexts = ", ".join(f"{ctxt!r} ({count})" for ctxt, count in sorted(foreign.items()))
    message = (f"{shown}: {sum(foreign.values())} translated entries have a msgctxt other than the article's slug "
               f"{slug!r}: {contexts}; they are not used. After renaming a slug, rename the msgctxt too")
    return [message]


def _ids(states: list[tuple[str, str]], wanted: str, limit: int = 8) -> str:
    ids = list(dict.fromkeys(seg for seg, state in states if state == wanted))
    return ", ".join(ids[:limit]) + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _coverage_warnings(articles: Sequence[Article], states: dict[str, dict[str, list[tuple[str, str]]]],
                       locales_dir: Path, root: Path) -> list[str]:
    lines = []
    for article in articles:
        for lang, listed in states[article.slug].items():
            if lang == SOURCE_LANG:
                continue
            fuzzy = sum(1 for _s, state in listed if state == "fuzzy")
            missing = sum(1 for _s, state in listed if state == "untranslated")
            if not fuzzy and not missing:
                continue
            parts = []
            if fuzzy:
                parts.append(f"{fuzzy} fuzzy ({_ids(listed, 'fuzzy')})")
            if missing:
                parts.append(f"{missing} untranslated ({_ids(listed, 'untranslated')})")
            path = _display(po_path(locales_dir, lang, article.slug), root)
            lines.append(f"{path}: article '{article.slug}' is not fully translated into {lang}: "
                         f"{', '.join(parts)} of {len(listed)} segments; see 'explainer coverage'")
    return lines


def _ui_warnings(ui: UiStrings, langs: Sequence[str], locales_dir: Path, root: Path) -> list[str]:
    lines = []
    for lang in langs:
        if missing := ui.missing(lang):
            path = _display(ui_po_path(locales_dir, lang), root)
            lines.append(f"{path}: {len(missing)} interface strings have no current translation into {lang} "
                         f"({', '.join(missing[:8])}); the English text is shown; run 'explainer update' and translate them")
    return lines
