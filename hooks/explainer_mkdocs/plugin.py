"""The explainer as a MkDocs plugin: one object owns the build and everything kept between builds.

``hooks/explainer_hooks.py`` (the entry point ``mkdocs.yml`` names) makes one
:class:`ExplainerPlugin` and wires MkDocs' events to its methods. MkDocs loads a hook
file once per process, so under ``mkdocs serve`` the same object sees every rebuild:

* ``self.cache`` (:class:`explainer.cache.BuildCache`): the core's derived data keyed by
  input bytes, so a rebuild re-parses, re-renders and re-indexes only what changed;
* ``self.outputs``: under ``serve``, the HTML MkDocs wrote for each generated page with
  the digest of everything it was made from; an unchanged page is not rendered again:
  its bytes are written back after the build (MkDocs' full rebuild empties the site
  folder first), so the preview stays a full, exact build (search index included);
* ``self.templates``: Material's compiled templates (MkDocs makes a new Jinja
  environment per rebuild; Jinja checks each template's source, so an edited override
  recompiles);
* ``self.build``: this build's state, made anew in ``on_config``.

MkDocs gets finished HTML: each generated page is an in-memory file with no text; its
metadata (``page.meta``) is set from the core's structured :class:`~explainer.render.page.Page`,
its content is the page's HTML and its table of contents the page's headings, so
Python-Markdown never parses the HTML again. Search records come from the core as well
(:mod:`explainer.search.records`); every generated page is excluded from Material's own
index, which the plugin replaces with per-language Pagefind bundles.
"""

from __future__ import annotations

import gzip
import html
import os
from collections import ChainMap
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from explainer.cache import BuildCache, digest
from explainer.cldr import direction, language_name
from explainer.errors import ExplainerError
from explainer.ingest.report import format_repair
from explainer.options import CONFIG_KEY, Options
from explainer.render.page import Page, TocEntry
from explainer.render.publish import SitemapEntry, absolute_url, alternates, og_locale, sitemap_xml
from explainer.render.urls import page_url
from explainer.search.bundle import write_search_indexes
from explainer.site import SiteBuild, build_site
from explainer.translate.ui import SOURCE_LANG
from explainer_mkdocs.config import ExplainerConfig

log = get_plugin_logger("explainer")


class _TemplateBytecode(BytecodeCache):
    """Compiled Jinja templates kept in memory across ``mkdocs serve`` rebuilds."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class _Build:
    """The state of one build, from ``on_config`` to ``on_post_build``."""

    site: SiteBuild | None = None
    pages: dict[str, Page] = field(default_factory=dict)          # src_uri -> the core's page
    urls: dict[str, str] = field(default_factory=dict)            # src_uri -> URL of every generated page
    keys: dict[str, bytes] = field(default_factory=dict)          # src_uri -> digest of everything shaping its HTML
    skipped: dict[str, bytes] = field(default_factory=dict)       # src_uri -> HTML kept from the last build
    navs: dict[str, Navigation] = field(default_factory=dict)     # lang -> the short navigation
    views: dict[str, ChainMap[str, Any]] = field(default_factory=dict)  # lang -> the config as its pages see it
    chrome: bytes = b""


def _toc_tokens(entries: tuple[TocEntry, ...]) -> list[Any]:
    return [{"level": e.level, "id": e.id, "name": e.title, "children": _toc_tokens(e.children)} for e in entries]


def _tree_digest(folder: str | None) -> bytes:
    """Digest of every file (path and bytes) under ``folder``: the theme overrides."""
    parts: list[bytes | str] = []
    if folder and os.path.isdir(folder):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Owns the explainer build: options, the build cache, the pages handed to MkDocs, search and sitemap."""

    def __init__(self) -> None:
        self.cache = BuildCache()
        self.templates = _TemplateBytecode()
        self.outputs: dict[str, tuple[bytes, bytes]] = {}  # serve: src_uri -> (page key, HTML written)
        self.serving = False
        self.options = Options()
        self.build = _Build()

    # -- configuration --------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` keeps previewing when one input is bad (MkDocs' server hangs on a failed rebuild).
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        block = config.extra.get(CONFIG_KEY[1], {})
        where = ".".join(CONFIG_KEY)
        if not isinstance(block, dict):
            raise ConfigurationError(f"Config value '{where}': expected a mapping of options, got {type(block).__name__}")
        errors, warnings = self.load_config(dict(block), config.config_file_path)
        for key, warning in warnings:
            log.warning("Config value '%s.%s': %s", where, key, warning)
        if errors:
            raise ConfigurationError("\n".join(f"Config value '{where}.{key}': {error}" for key, error in errors))
        self.options = self.config.options()
        self.build = _Build()
        theme = dict(config.theme)
        self.build.chrome = digest(Path(config.config_file_path).read_bytes() if config.config_file_path else None,
                                   str(config.site_url), repr(sorted((k, repr(v)) for k, v in theme.items())),
                                   repr(sorted((k, repr(v)) for k, v in config.extra.items() if k != "alternate")),
                                   repr(config.markdown_extensions), repr(config.extra_css), repr(config.extra_javascript),
                                   _tree_digest(config.theme.custom_dir), _version("mkdocs"), _version("mkdocs-material"))
        return config

    # -- pages ----------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        try:
            site = build_site(self.options, root, self.cache, tolerant=self.serving,
                              directory_urls=config.use_directory_urls)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None
        self.build.site = site
        for error in site.errors:  # only under `serve`: MkDocs' server would hang on a failed rebuild
            log.error("%s\n  (left out of this preview; the rest of the site is served: fix the file and save)", error)
        for article in site.articles:
            for repair in article.repairs:
                (log.warning if repair.level == "warning" else log.info)("%s", format_repair(article, repair))
        for warning in site.warnings:
            log.warning(warning)
        navs = {lang: digest(repr([(p.src_uri, p.title) for p in site.pages if p.in_nav and p.lang == lang]))
                for lang in self.options.languages}
        for page in site.pages:
            src = page.src_uri
            self.build.pages[src] = page
            self.build.urls[src] = page_url(src, config.use_directory_urls)
            key = self.build.keys[src] = digest(site.page_keys[src], self.build.chrome, navs.get(page.lang))
            kept = self.outputs.get(src)
            if kept is not None and kept[0] == key and not page.in_nav:
                self.build.skipped[src] = kept[1]  # unchanged since the last build: written back in on_post_build
                continue
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src, content="", inclusion=inclusion))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        # Material writes the navigation into every page: each language's is its listing pages only.
        for lang in self.options.languages:
            mine = [p for p in nav.pages if (data := self.build.pages.get(p.file.src_uri)) and data.lang == lang]
            mine.sort(key=lambda p: (not p.is_index, self.build.pages[p.file.src_uri].title))
            self.build.navs[lang] = short = Navigation(list(mine), list(mine))
            short.homepage = next((p for p in mine if p.is_index), None)  # the logo links this language's home
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        data = self.build.pages.get(page.file.src_uri)
        if data is None:
            return markdown
        # Jinja autoescaping is off in MkDocs themes: hand templates escaped text.
        meta: dict[str, Any] = {"title": Markup(html.escape(data.title)), "lang": data.lang, "dir": direction(data.lang),
                                "search": {"exclude": True}}  # the plugin indexes the pages itself
        if data.description is not None:
            meta["description"] = Markup(html.escape(data.description))
        if data.article:
            meta["article"] = data.article
        if data.hide:
            meta["hide"] = list(data.hide)
        page.meta = meta
        return ""

    def on_page_content(self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        data = self.build.pages.get(page.file.src_uri)
        if data is None:
            return html
        page.toc = get_toc(_toc_tokens(data.toc()))
        return data.html

    # -- templates ------------------------------------------------------------------

    def _view(self, config: MkDocsConfig, lang: str) -> ChainMap[str, Any]:
        """``config`` as the pages of ``lang`` see it: their language, site name and footer; ``config`` itself unchanged."""
        if lang not in self.build.views:
            ui = self.build.site.ui if self.build.site else None
            own = {"theme": ChainMap({"language": lang}, config.theme)}
            if ui is not None:
                own |= {"site_name": ui.text("site_name", lang), "copyright": ui.text("footer", lang)}
            self.build.views[lang] = ChainMap(own, config)
        return self.build.views[lang]

    def _switch(self, data: Page) -> list[dict[str, str]]:
        """The header's language switch of one page: its counterparts, without its own language."""
        ui = self.build.site.ui if self.build.site else None
        return [{"name": language_name(other), "link": self.build.urls[src], "lang": other,
                 "title": ui.text("switch_title", other) if ui else ""}
                for other, src in data.alternates if other != data.lang and src in self.build.urls]

    def _head(self, page: MkDocsPage, data: Page | None, lang: str, config: MkDocsConfig) -> dict[str, Any]:
        """What ``overrides/main.html`` puts in ``<head>``: hreflang alternates and Open Graph locales."""
        not_found = data is not None and data.kind == "not_found"
        urls = {other: self.build.urls[src] for other, src in (data.alternates if data else ()) if src in self.build.urls}
        return {"alternates": alternates(urls, config.site_url or "/"), "og_locale": og_locale(lang),
                "og_type": "article" if data is not None and data.kind == "article" else "website",
                "og_locale_alternates": [og_locale(other) for other in urls if other != lang], "noindex": not_found}

    def on_page_context(self, context: dict[str, Any], page: MkDocsPage, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        data = self.build.pages.get(page.file.src_uri)
        lang = data.lang if data else SOURCE_LANG
        view = self._view(config, lang)
        if data is not None:
            view = ChainMap({"extra": ChainMap({"alternate": self._switch(data)}, config.extra)}, view)
        context["config"] = view
        context["nav"] = self.build.navs.get(lang, nav)
        context["page_dir"] = direction(lang)
        context["explainer_head"] = self._head(page, data, lang, config)
        return context

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        # The root 404.html (Arabic, served by GitHub Pages for every missing path) speaks both languages.
        if template_name.endswith(".html") and isinstance(context.get("nav"), Navigation):
            context["nav"] = self.build.navs.get(SOURCE_LANG, context["nav"])  # not every page (sitemap.xml keeps them)
        if self.build.site is not None:
            ui = self.build.site.ui
            context["explainer_ui"] = {key: {lang: ui.text(key, lang) for lang in self.options.languages}
                                       for key in ("not_found_title", "not_found_body", "not_found_home")}
        return context

    def on_post_page(self, output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
        src = page.file.src_uri
        if self.serving and src in self.build.keys:
            self.outputs[src] = (self.build.keys[src], output.encode("utf-8", errors="xmlcharrefreplace"))
        return output

    # -- after the pages ------------------------------------------------------------

    @event_priority(-50)  # after Material's search plugin has written search/search_index.json
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        build = self.build
        for src, data in build.skipped.items():  # a full rebuild emptied the folder; `serve --dirty` kept the file
            target = Path(File.generated(config, src, content="").abs_dest_path)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self.outputs = {src: kept for src, kept in self.outputs.items() if src in build.pages}
        # Replace MkDocs' sitemap with one that lists both languages with xhtml:link hreflang alternates.
        base = config.site_url or "/"
        entries = [SitemapEntry(absolute_url(base, build.urls[src]),
                                alternates({lang: build.urls[alt] for lang, alt in page.alternates if alt in build.urls}, base))
                   for src, page in build.pages.items() if page.alternates and page.kind != "not_found"]
        text = sitemap_xml(sorted(entries, key=lambda e: e.loc))
        (site_dir / "sitemap.xml").write_text(text, "utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        # Material's search plugin has written search/search_index.json: replace it by per-language Pagefind bundles.
        records = build.site.records if build.site else {}
        try:
            report = write_search_indexes(site_dir, {}, SOURCE_LANG, records=records)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None
        for lang, count in report.records.items():
            log.info("search index %s: %d records, %d bytes", lang, count, report.bytes_on_disk[lang])
        if build.skipped:
            log.info("%d unchanged pages kept from the previous build", len(build.skipped))
