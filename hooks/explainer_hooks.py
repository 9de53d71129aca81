"""MkDocs hooks: wire MkDocs events to the pure core in ``hooks/explainer``.

Nothing here parses or renders; see ``explainer.site.build_site``.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from explainer.errors import ExplainerError
from explainer.fileio import atomic_write_bytes, atomic_write_text
from explainer.model import Article
from explainer.ingest.preserve import preservation_warnings
from explainer.render.publish import SitemapEntry, alternates, og_locale, sitemap_xml
from explainer.render.pages import article_uri, language_name
from explainer.ingest.report import format_repair
from explainer.search.bundle import write_search_indexes
from explainer.site import SiteBuild, build_site
from explainer.translate.ui import DIRECTIONS, LANGS, SOURCE_LANG, UI_DOMAIN

log = get_plugin_logger("explainer")


class _BuildState:
    """Per-build state, reset in ``on_config`` (hook modules live across ``serve`` rebuilds)."""

    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.navs: dict[str, Navigation] = {}
        self.urls: dict[str, str] = {}
        self.article_uris: set[str] = set()
        self.built: dict[str, tuple[str, str]] = {}  # src_uri -> (chrome fingerprint, Markdown) of this build
        self.defaults: dict[str, Any] = {}
        self.page_langs: dict[str, str] = {}  # page URL -> language, for the search index

    def article(self, slug: Any) -> Article | None:
        return next((a for a in self.site.articles if a.slug == slug), None) if self.site else None


_state = _BuildState()


class _TemplateBytecode(BytecodeCache):
    """Compiled Jinja templates kept in memory across `mkdocs serve` rebuilds.

    MkDocs makes a new Jinja environment for every rebuild, which compiles
    Material's templates again (most of a small site's rebuild time). Jinja
    checks each template's source checksum, so an edited override recompiles.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_templates = _TemplateBytecode()  # lives as long as the process, unlike the per-build state
# Sitemap entry per generated page, kept across `serve --dirty` rebuilds (skipped pages get no page context).
_sitemap: dict[str, SitemapEntry] = {}
_last_built: dict[str, tuple[str, str]] = {}  # the previous successful build's pages, for `serve --dirty`


class _GeneratedFile(File):
    """A generated page that `mkdocs serve --dirty` skips when nothing shaping it changed since the last build.

    Only article pages are ever skipped: they are in no navigation, so their
    HTML depends on their own Markdown and the site's chrome alone.
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def _chrome_fingerprint(config: MkDocsConfig, root: Path) -> str:
    """What shapes every page besides its Markdown: mkdocs.yml, template overrides, interface catalogs."""
    digest = hashlib.sha1(Path(config.config_file_path).read_bytes())
    custom_dir = config.theme.custom_dir
    watched = sorted(Path(custom_dir).rglob("*")) if custom_dir else []
    for path in watched + sorted((root / "locales").glob(f"*/LC_MESSAGES/{UI_DOMAIN}.po")):
        if path.is_file():
            digest.update(f"{path}:{path.stat().st_mtime_ns}:{path.stat().st_size}".encode())
    return digest.hexdigest()


_serving = False  # set by on_startup: `mkdocs serve` keeps previewing when one input is bad


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = _BuildState()
    _state.defaults = {"language": config.theme["language"], "site_name": config.site_name,
                       "copyright": config.copyright}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        site = build_site(root / "seeds", root / "locales", root, tolerant=_serving)
    except ExplainerError as exc:
        raise PluginError(str(exc)) from None
    _state.site = site
    for error in site.errors:  # only under `serve`: MkDocs' server would hang on a failed rebuild
        log.error("%s\n  (left out of this preview; the rest of the site is served: fix the file and save)", error)
    for warning in site.warnings:
        log.warning(warning)
    for article in site.articles:
        for repair in article.repairs:
            (log.warning if repair.level == "warning" else log.info)("%s", format_repair(article, repair))
    _add_pages(site, files, config, root)
    return files


def _add_pages(site: SiteBuild, files: Files, config: MkDocsConfig, root: Path) -> None:
    chrome = _chrome_fingerprint(config, root)
    _state.article_uris = {article_uri(a.slug, lang) for a in site.articles for lang in LANGS}
    for page in site.pages:
        file = _GeneratedFile.generated(config, page.src_uri, content=page.markdown)
        _state.built[page.src_uri] = (chrome, page.markdown)
        file.unchanged = page.src_uri in _state.article_uris and _last_built.get(page.src_uri) == (chrome, page.markdown)
        files.append(file)
        _state.urls[page.src_uri] = file.url or "./"
        _state.page_langs[file.url] = page.lang  # also for pages a dirty rebuild skips


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _templates
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Jinja autoescaping is off in MkDocs themes: hand templates escaped text.
    if "title" in page.meta:  # Material's header prints page.meta.title as is
        page.title = page.meta["title"] = Markup(html.escape(str(page.meta["title"])))
    if "description" in page.meta:
        page.meta["description"] = Markup(html.escape(str(page.meta["description"])))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The preservation check: every seed word is on the Arabic page or in the report.
    article = _state.article(page.meta.get("article")) if page.meta.get("lang") == SOURCE_LANG else None
    for message in preservation_warnings(article, html) if article else ():
        log.warning("%s", message)
    return html


def _in_short_nav(page: Page, lang: str) -> bool:
    """Articles and later home-listing pages stay out of the navigation (Material writes it into every page)."""
    if page.file.src_uri in _state.article_uris:  # known without page.meta, which `--dirty` leaves unread
        return False
    meta = page.meta
    return (meta.get("lang", SOURCE_LANG) == lang and "article" not in meta and meta.get("in_nav", True) is not False
            and not meta.get("not_found"))


def _nav_for(lang: str, nav: Navigation) -> Navigation:
    if lang not in _state.navs:
        pages = sorted((p for p in nav.pages if _in_short_nav(p, lang)), key=lambda p: (not p.is_index, str(p.title)))
        _state.navs[lang] = short = Navigation(list(pages), list(pages))
        short.homepage = next((p for p in pages if p.is_index), None)  # the logo links this language's home
    return _state.navs[lang]


def _page_head(page: Page, lang: str, config: MkDocsConfig) -> dict[str, Any]:
    """What ``overrides/main.html`` puts in ``<head>``: hreflang alternates and Open Graph locales."""
    urls = {other: _state.urls[uri] for other, uri in (page.meta.get("alternates") or {}).items() if uri in _state.urls}
    links = alternates(urls, config.site_url or "/")
    if page.canonical_url and links and not page.meta.get("not_found"):
        _sitemap[page.file.src_uri] = SitemapEntry(page.canonical_url, links)
    return {"alternates": links, "og_locale": og_locale(lang), "og_type": "article" if page.meta.get("article") else "website",
            "og_locale_alternates": [og_locale(other) for other in urls if other != lang],
            "noindex": bool(page.meta.get("not_found"))}


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = page.meta.get("lang", SOURCE_LANG)
    _state.page_langs[page.url] = lang
    config.theme["language"] = lang
    if _state.site is not None:
        config.site_name = _state.site.ui.text("site_name", lang)
        config.copyright = _state.site.ui.text("footer", lang)
    alternates_uri = page.meta.get("alternates") or {}
    config.extra["alternate"] = [
        {"name": language_name(other), "link": _state.urls[src_uri], "lang": other,
         "title": _state.site.ui.text("switch_title", other) if _state.site else ""}
        for other, src_uri in alternates_uri.items() if src_uri in _state.urls and other != lang
    ]
    context["nav"] = _nav_for(lang, nav)
    context["config"] = config
    context["page_dir"] = DIRECTIONS.get(lang, "ltr")
    context["explainer_head"] = _page_head(page, lang, config)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # The root 404.html (Arabic, served by GitHub Pages for every missing path) speaks both languages.
    if template_name.endswith(".html") and isinstance(context.get("nav"), Navigation):
        context["nav"] = _nav_for(SOURCE_LANG, context["nav"])  # not every page of the site (sitemap.xml keeps them)
    if _state.site is not None:
        context["explainer_ui"] = {key: {lang: _state.site.ui.text(key, lang) for lang in DIRECTIONS}
                                   for key in ("not_found_title", "not_found_body", "not_found_home")}
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    config.theme["language"] = _state.defaults.get("language", SOURCE_LANG)
    config.site_name = _state.defaults.get("site_name", config.site_name)
    config.copyright = _state.defaults.get("copyright", config.copyright)
    config.extra["alternate"] = []
    return output


def on_post_build(config: MkDocsConfig) -> None:
    _last_built.clear()
    _last_built.update(_state.built)
    # Replace MkDocs' sitemap with one that lists both languages with xhtml:link hreflang alternates.
    entries = sorted((entry for uri, entry in _sitemap.items() if uri in _state.urls), key=lambda e: e.loc)
    text = sitemap_xml(entries)
    site_dir = Path(config.site_dir)
    atomic_write_text(site_dir / "sitemap.xml", text)
    atomic_write_bytes(site_dir / "sitemap.xml.gz", gzip.compress(text.encode("utf-8"), mtime=0))
    # Material's search plugin has written search/search_index.json: turn it into per-language Pagefind bundles.
    try:
        report = write_search_indexes(Path(config.site_dir), _state.page_langs, SOURCE_LANG)
    except ExplainerError as exc:
        raise PluginError(str(exc)) from None
    for lang, count in report.records.items():
        log.info("search index %s: %d records, %d bytes", lang, count, report.bytes_on_disk[lang])
    log.info("search: Material's index was %d bytes; replaced by a stub", report.material_index_bytes)
