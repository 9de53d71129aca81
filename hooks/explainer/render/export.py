"""Hook-free export: write the generated site as plain MkDocs sources.

MkDocs 2 drops hooks and plugins and Zensical ignores hooks, so ``explainer export DIR``
writes what the hooks would generate into ``DIR``::

    DIR/mkdocs.yml      the project's config without ``hooks``/``watch``, plus ``md_in_html``
    DIR/docs/           the project's hand-written docs/ and every generated page (.md with front matter)
    DIR/overrides/      the theme overrides (when the config uses ``custom_dir``)

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
from pathlib import Path

import yaml

from explainer.errors import ExplainerError
from explainer.fileio import atomic_write_text
from explainer.site import SiteBuild, build_site
from explainer.translate.ui import DIRECTIONS, LANG_NAMES, MESSAGES, SOURCE_LANG


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


def _load_config(text: str) -> dict[str, object]:
    return yaml.load(text, Loader=_ConfigLoader) or {}  # noqa: S506 - a SafeLoader subclass


def export_config(config_text: str, langs: list[str]) -> dict[str, object]:
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
    extra["alternate"] = [{"name": LANG_NAMES[lang], "lang": lang,
                           "link": "./" if lang == SOURCE_LANG else f"./{lang}/"} for lang in langs]
    config["extra"] = extra
    return config


def _split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    _, head, body = markdown.split("---\n", 2)
    return yaml.safe_load(head) or {}, body


def exported_markdown(markdown: str) -> str:
    """A generated page made safe and direction-correct for a hook-free build."""
    meta, body = _split_front_matter(markdown)
    for key in ("title", "description"):
        if key in meta:
            meta[key] = html.escape(str(meta[key]))
    lang = str(meta.get("lang", SOURCE_LANG))
    if lang != SOURCE_LANG:
        body = f'<div class="ex-export-lang" lang="{lang}" dir="{DIRECTIONS[lang]}" markdown>\n\n{body}\n</div>\n'
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
    site = site or build_site(root / "seeds", root / "locales", root)
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
        atomic_write_text(path, exported_markdown(page.markdown))
        written.append(path)
    return written
