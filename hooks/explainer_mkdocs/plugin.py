"""The explainer as a MkDocs plugin: one object owns the build and everything kept between builds.

``hooks/explainer_hooks.py`` (the entry point ``mkdocs.yml`` names) makes one
:class:`ExplainerPlugin` and wires MkDocs' events to its methods. MkDocs loads a hook
file once per process, so under ``mkdocs serve`` the same object sees every rebuild:

* ``self.cache`` (:class:`explainer.cache.BuildCache`): the core's derived data keyed by
  input bytes, so a rebuild re-parses, re-renders and re-indexes only what changed;
* ``self.outputs``: under ``serve``, for each generated page MkDocs wrote, the digest of
  everything its HTML was made from. A page whose digest is unchanged is not rendered
  again: before MkDocs empties the site folder (a full rebuild does), the plugin moves the
  page's folder into a hidden folder in the site folder (MkDocs keeps hidden entries) and
  after the build moves it back; the search bundles likewise (:mod:`explainer_mkdocs.search`).
  So the preview stays a full, exact build that redoes only what a save changed;
* ``self.templates``: Material's compiled templates, in memory and in the user's cache folder
  (:mod:`explainer_mkdocs.templates`: MkDocs makes a new Jinja environment per build; Jinja
  checks each template's source, so an edited override recompiles);
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
import posixpath
import shutil
from collections import ChainMap
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from explainer.cache import BuildCache, digest, user_cache_dir
from explainer.cldr import direction, language_name
from explainer.errors import ExplainerError
from explainer.fileio import atomic_write_bytes, atomic_write_text
from explainer.ingest.report import format_repair
from explainer.options import CONFIG_KEY, Options
from explainer.render.page import Page, TocEntry
from explainer.render.publish import SitemapEntry, absolute_url, alternates, og_locale, sitemap_xml
from explainer.render.urls import page_url
from explainer.site import SiteBuild, build_site, gate_failures, seed_paths
from explainer.translate.ui import SOURCE_LANG
from explainer.translate.workflow import orphan_warnings
from explainer_mkdocs.config import ExplainerConfig
from explainer_mkdocs.search import SearchIndexer
from explainer_mkdocs.templates import TemplateBytecode

log = get_plugin_logger("explainer")


@dataclass
class _Build:
    """The state of one build, from ``on_config`` to ``on_post_build``."""

    site: SiteBuild | None = None
    pages: dict[str, Page] = field(default_factory=dict)          # src_uri -> the core's page
    urls: dict[str, str] = field(default_factory=dict)            # src_uri -> URL of every generated page
    keys: dict[str, bytes] = field(default_factory=dict)          # src_uri -> digest of everything shaping its HTML
    skipped: set[str] = field(default_factory=set)                # src_uri of pages kept from the last build
    aside: set[str] = field(default_factory=set)                  # src_uri of pages moved aside before the clean
    navs: dict[str, Navigation] = field(default_factory=dict)     # lang -> the short navigation
    folders: set[str] = field(default_factory=set)                # folders that hold another page's folder
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
        self.templates = TemplateBytecode(user_cache_dir())
        self.outputs: dict[str, tuple[bytes, str]] = {}  # serve: src_uri -> (page key, its own folder or file in site_dir)
        self.serving = False
        self.built_once = False  # under serve: the first build writes the search bundles before it ends
        self.options = Options()
        self.build = _Build()
        self.search = SearchIndexer(self._log_bundle, lambda message: log.error("%s", message))

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
        self.search.begin_build()  # before MkDocs empties the site folder: no older search job writes there now
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
            log.error("%s", error)  # each message says what the preview does without the file
        for article in site.articles:
            for repair in article.repairs:
                (log.warning if repair.level == "warning" else log.info)("%s", format_repair(article, repair))
        for warning in site.warnings:
            log.warning(warning)
        for warning in orphan_warnings(root, root / self.options.locales_dir, site.articles,
                                       [path.stem for path in seed_paths(root / self.options.seeds_dir)]):
            log.warning(warning)  # a catalog no seed uses: renamed or removed seed (an input problem to fix)
        for info in site.infos:  # unfinished translations and the checks' findings: reported, never a warning
            log.info(info)
        self._gate(site)
        navs = {lang: digest(repr([(p.src_uri, p.title) for p in site.pages if p.in_nav and p.lang == lang]))
                for lang in self.options.languages}
        for page in site.pages:
            src = page.src_uri
            self.build.pages[src] = page
            self.build.urls[src] = url = page_url(src, config.use_directory_urls)
            parts = url.split("/")[:-2]  # "en/page/2/" -> folders "en", "en/page"
            self.build.folders.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
            key = self.build.keys[src] = digest(site.page_keys[src], self.build.chrome, navs.get(page.lang))
            kept = self.outputs.get(src)
            if kept is not None and kept[0] == key and src in self.build.aside and not page.in_nav:
                self.build.skipped.add(src)  # unchanged since the last build: moved back in on_post_build
                continue
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src, content="", inclusion=inclusion))
        return files

    def _gate(self, site: SiteBuild) -> None:
        """Stop the build when the site's translation gate (``extra.explainer.translation_gate``) is not met.

        Off by default: a build never waits for a translator. Under ``serve`` the preview goes on and
        the gate's verdict is logged as an error.
        """
        gate = self.options.translation_gate
        if gate is None:
            return
        failures = gate_failures(site, gate, self.options.targets)
        if not failures:
            return
        message = ("translation gate (extra.explainer.translation_gate) not met:\n  " + "\n  ".join(failures)
                   + "\n  Translate these segments ('explainer coverage --list' lists them with their PO file and line), "
                   "or lower min_coverage.")
        if self.serving:
            log.error("%s\n  (a build would stop here; the preview goes on)", message)
            return
        raise PluginError(message)

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
        if data.title_lang:  # an untranslated title: overrides/partials/header.html marks it in the header
            meta |= {"title_lang": data.title_lang, "title_dir": direction(data.title_lang)}
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
        not_found = data is not None and data.kind in ("not_found", "seed_error")
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
        if self.serving and src in self.build.keys and (unit := self._own_output(page.file.dest_uri, config)):
            self.outputs[src] = (self.build.keys[src], unit)
        return output

    def _own_output(self, dest_uri: str, config: MkDocsConfig) -> str | None:
        """What holds this page alone in the site folder: its folder (``x/`` of ``x/index.html``) when no
        other generated page lies inside it, else its file; ``None`` for a page other pages sit under."""
        folder = posixpath.dirname(dest_uri)
        if not config.use_directory_urls:
            return dest_uri
        if not folder or folder in self.build.folders:
            return None  # a listing page other pages sit under: always rendered (it is in the navigation)
        return folder

    def _shadow(self, config: MkDocsConfig) -> Path:
        return Path(config.site_dir) / ".explainer-previous"

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Just before MkDocs empties the site folder (a full `serve` rebuild): set aside what may be kept.
        if not self.serving or not self.built_once:
            return
        site_dir, shadow = Path(config.site_dir), self._shadow(config)
        if shadow.exists():
            shutil.rmtree(shadow)  # an earlier build failed before putting them back
        site, aside, made = str(site_dir), str(shadow), set()
        for src, (_key, unit) in self.outputs.items():
            source, target = os.path.join(site, unit), os.path.join(aside, unit)
            if os.path.exists(source):
                if (parent := os.path.dirname(target)) not in made:
                    os.makedirs(parent, exist_ok=True)
                    made.add(parent)
                os.replace(source, target)
                self.build.aside.add(src)
        self.search.set_aside(site_dir, shadow / "search")

    # -- after the pages ------------------------------------------------------------

    @event_priority(-50)  # after Material's search plugin has written search/search_index.json
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        build = self.build
        shadow = self._shadow(config)
        site, aside, made = str(site_dir), str(shadow), set()
        for src in build.skipped:  # back in place, untouched
            unit = self.outputs[src][1]
            if (parent := os.path.dirname(os.path.join(site, unit))) not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            os.replace(os.path.join(aside, unit), os.path.join(site, unit))
        self.outputs = {src: kept for src, kept in self.outputs.items() if src in build.pages}
        # Replace MkDocs' sitemap with one that lists both languages with xhtml:link hreflang alternates.
        base = config.site_url or "/"
        entries = [SitemapEntry(absolute_url(base, build.urls[src]),
                                alternates({lang: build.urls[alt] for lang, alt in page.alternates if alt in build.urls}, base))
                   for src, page in build.pages.items() if page.alternates and page.kind not in ("not_found", "seed_error")]
        text = sitemap_xml(sorted(entries, key=lambda e: e.loc))
        atomic_write_text(site_dir / "sitemap.xml", text)
        atomic_write_bytes(site_dir / "sitemap.xml.gz", gzip.compress(text.encode("utf-8"), mtime=0))
        # Material's search plugin has written search/search_index.json: replace it by per-language Pagefind bundles.
        aside = shadow / "search" if self.serving and self.built_once else None
        try:
            self.search.write(site_dir, build.site.records if build.site else {}, aside,
                              build.site.record_keys if build.site else None)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None
        finally:
            shutil.rmtree(shadow, ignore_errors=True)  # what is left there was rendered again
        self.built_once = self.serving
        if build.skipped:
            log.info("%d unchanged pages kept from the previous build", len(build.skipped))

    def on_shutdown(self) -> None:
        self.search.wait(timeout_seconds=60)

    def wait_for_search(self) -> None:
        """Wait until the search bundles of the last build are written (``serve`` writes them in the background)."""
        self.search.wait()

    @staticmethod
    def _log_bundle(lang: str, records: int, size_bytes: int, behind_seconds: float | None) -> None:
        behind = f", {behind_seconds:.1f} s after the pages" if behind_seconds is not None else ""
        log.info("search index %s: %d records, %d bytes%s", lang, records, size_bytes, behind)
