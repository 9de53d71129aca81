"""Hook-free export: write the generated site as plain MkDocs sources.

MkDocs 2 drops hooks and plugins and Zensical ignores hooks, so ``explainer export DIR``
writes what the hooks would generate into ``DIR``::

    DIR/mkdocs.yml      the project's config without ``hooks``/``watch``, plus ``md_in_html``
    DIR/docs/           the project's hand-written docs/ and every generated page (.md with front matter)
    DIR/overrides/      the theme overrides (when the config uses ``custom_dir``)

Each page is the core's :class:`~explainer.render.page.Page` written as Markdown: its
metadata as front matter, its headings as Markdown headings with explicit ids (so the
table of contents and search see them) and every other block as the raw HTML the hooks
hand MkDocs, its links already relative URLs.

``cd DIR && mkdocs build`` then builds the same pages with no hook at all. What only the
hooks can do is lost and documented: one build has one ``<html lang>``/``dir`` and one
interface language (the source language's), so each page whose language differs is
wrapped in ``<div lang=".." dir=".." markdown>`` (``md_in_html``) to keep its text's
language and direction; the header's language switch points at the home pages.
Page titles and descriptions are HTML-escaped in the front matter, as the hook does,
because MkDocs' Jinja templates do not autoescape. The theme overrides read two
variables the hooks provide; the export points them at ``config.extra``: the interface
strings (``extra.explainer_ui``) are written into the config, the per-page head
metadata (``explainer_head``: hreflang, Open Graph) is left out.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from explainer.cldr import direction, language_name
from explainer.errors import ExplainerError
from explainer.fileio import atomic_write_text
from explainer.options import read_options
from explainer.render.bidi import isolate_html
from explainer.render.page import Block, Group, Heading, Page, attrs
from explainer.site import SiteBuild, build_site
from explainer.translate.ui import MESSAGES, SOURCE_LANG


class ExportError(ExplainerError):
    """The export folder or the project config cannot be used."""


_DROP_KEYS = ("hooks", "watch", "docs_dir", "site_dir")


class _Tagged:
    """A value under a YAML tag MkDocs resolves itself (``!ENV``, ``!relative``): kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag = tag
        self.node = node


class _ConfigLoader(yaml.SafeLoader):
    """Safe loader that keeps unknown tags (MkDocs' ``!ENV`` ...) for re-dumping."""


class _ConfigDumper(yaml.SafeDumper):
    """Safe dumper that writes :class:`_Tagged` values back with their tag."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    node = value.node
    node.tag = value.tag
    return node


def _load_config(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_ConfigLoader) or {}


def export_config(config_text: str, langs: list[str]) -> dict[str, Any]:
    """The export's config: the project's, minus hooks and watch, plus ``md_in_html`` and home alternates.

    Input: the text of the project's ``mkdocs.yml``; MkDocs tags such as ``!ENV`` are kept.
    """
    config = _load_config(config_text)
    for key in _DROP_KEYS:
        config.pop(key, None)
    extensions = list(config.get("markdown_extensions") or [])
    names = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    if "md_in_html" not in names:
        extensions.append("md_in_html")
    config["markdown_extensions"] = extensions
    extra = dict(config.get("extra") or {})
    extra["alternate"] = [{"name": language_name(lang), "lang": lang,
                           "link": "./" if lang == SOURCE_LANG else f"./{lang}/"} for lang in langs]
    config["extra"] = extra
    return config


# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_ESCAPE_RE = re.compile("[" + re.escape("".join(sorted(set("\\`*_{}[]()>#+-.!")))) + "]")


def escape_inline(text: str) -> str:
    """Escape text for inline Markdown: HTML-escape, then backslash-escape Markdown marks.

    >>> escape_inline("a *b* <i>{#x}")
    'a \\\\*b\\\\* &lt;i&gt;\\\\{\\\\#x\\\\}'
    """
    escaped = html.escape(text, quote=False)
    return _MD_ESCAPE_RE.sub(lambda match: "\\" + match.group(0), escaped)


def _heading_markdown(heading: Heading) -> str:
    """A heading as Markdown with its id and attributes (``attr_list``); its text escaped, bidi runs isolated."""
    if heading.isolated:
        base = direction(heading.text_lang)
        source = direction(SOURCE_LANG)
        inline = isolate_html(heading.text, base, escape_inline, lang_of={source: SOURCE_LANG} if base != source else None)
    else:
        inline = escape_inline(heading.text)
    extra = "".join(f" .{cls}" for name, value in heading.attributes if name == "class" for cls in value.split())
    extra += "".join(f' {name}="{value}"' for name, value in heading.attributes if name != "class")
    return f"{'#' * heading.level} {inline} {{#{heading.id}{extra}}}\n\n"


def _blocks_markdown(blocks: Sequence[Block]) -> str:
    """Blocks as Markdown: headings as Markdown headings, a group as ``<div .. markdown>`` around its blocks."""
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(_heading_markdown(block))
        elif isinstance(block, Group):
            out.append(f"<div{attrs(*block.attributes)} markdown>\n\n{_blocks_markdown(block.blocks)}</div>\n\n")
        else:
            out.append(block.rstrip("\n") + "\n\n")
    return "".join(out)


def page_markdown(page: Page, wrap_language: bool = True) -> str:
    """A generated page as a Markdown file for a hook-free build (front matter, Markdown headings, raw HTML).

    Title and description are HTML-escaped in the front matter (MkDocs' templates do not
    autoescape); with ``wrap_language``, a page whose language is not the source language's
    is wrapped in ``<div lang=".." dir=".." markdown>`` (``md_in_html``) to keep its text's
    direction.
    """
    meta: dict[str, object] = {"title": html.escape(page.title)}
    if page.description is not None:
        meta["description"] = html.escape(page.description)
    meta |= {"lang": page.lang, "dir": direction(page.lang)}
    if page.article and page.kind == "article":
        meta["article"] = page.article
    if not page.indexed:
        meta["search"] = {"exclude": True}
    if page.hide:
        meta["hide"] = list(page.hide)
    if page.title_lang:
        meta |= {"title_lang": page.title_lang, "title_dir": direction(page.title_lang)}
    body = _blocks_markdown(page.blocks)
    if wrap_language and page.lang != SOURCE_LANG:
        body = f'<div class="ex-export-lang" lang="{page.lang}" dir="{direction(page.lang)}" markdown>\n\n{body}\n</div>\n'
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{body}"


_HOOK_VARIABLES_RE = re.compile(r"\b(explainer_ui|explainer_head)\b")


def _rewrite_templates(folder: Path) -> None:
    """Point the overrides' hook-provided template variables at ``config.extra``.

    The hooks put ``explainer_ui`` (interface strings) and ``explainer_head`` (head
    metadata) into the template context; without hooks the export's config carries
    the interface strings under ``extra.explainer_ui`` and the head metadata is absent
    (the templates fall back to Material's own head).
    """
    for template in sorted(folder.rglob("*.html")):
        text = template.read_text("utf-8")
        rewritten = _HOOK_VARIABLES_RE.sub(lambda m: f"config.extra.{m.group(1)}", text)
        if rewritten != text:
            atomic_write_text(template, rewritten)


def export_site(root: Path, out: Path, site: SiteBuild | None = None) -> list[Path]:
    """Write the hook-free project for ``root`` into ``out``; return the written page paths.

    ``out`` must be empty or absent (nothing is overwritten). Raises
    :class:`ExportError` otherwise, and the pipeline's errors on bad input.
    """
    if out.exists() and any(out.iterdir()):
        raise ExportError(str(out), None, "export folder is not empty", "Choose a new folder or delete this one first.")
    config_path = root / "mkdocs.yml"
    config_text = config_path.read_text("utf-8")
    try:
        source_config = _load_config(config_text)
    except yaml.YAMLError as exc:
        raise ExportError("mkdocs.yml", None, f"cannot read the config as plain YAML ({exc})") from None
    site = site or build_site(read_options(root), root)
    docs_src = root / str(source_config.get("docs_dir", "docs"))
    out.mkdir(parents=True, exist_ok=True)
    if docs_src.exists():
        shutil.copytree(docs_src, out / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    custom_dir = (source_config.get("theme") or {}).get("custom_dir")
    if custom_dir and (root / custom_dir).exists():
        shutil.copytree(root / custom_dir, out / custom_dir)
        _rewrite_templates(out / custom_dir)
    langs = sorted({page.lang for page in site.pages}, key=lambda lang: (lang != SOURCE_LANG, lang))
    config = export_config(config_text, langs)
    config["extra"]["explainer_ui"] = {m.key: {lang: site.ui.text(m.key, lang) for lang in langs} for m in MESSAGES}
    atomic_write_text(out / "mkdocs.yml",
                      "# Generated by `explainer export`: the site as plain pages, buildable without hooks.\n"
                      + yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False))
    written = []
    for page in site.pages:
        path = out / "docs" / page.src_uri
        atomic_write_text(path, page_markdown(page))
        written.append(path)
    return written
