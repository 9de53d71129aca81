"""Optional metadata beside a seed: ``seeds/<name>.yml``.

Schema (every key optional; unknown keys are errors)::

    title:  str   # overrides the title line / derived title
    slug:   str   # lowercase ASCII letters, digits and hyphens; default: file name
    date:   str   # ISO 8601 date, YYYY-MM-DD
    source: str   # http(s) URL of the original article
    author: str
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import yaml

from .errors import SeedError
from .model import Metadata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Top-level names the site itself uses: an article may not take them.
RESERVED_SLUGS = frozenset({"index", "en", "ar", "assets", "search", "404", "sitemap", "status", "glossary", "ui", "page"})
# ui: the interface catalog domain; page: the home listing's later pages (page/2/)
_KEYS = ("title", "slug", "date", "source", "author")


def validate_slug(slug: str, where: str, line: int | None = None) -> str:
    """Return ``slug`` if it is a valid, unreserved slug; raise :class:`SeedError` otherwise."""
    if not SLUG_RE.match(slug):
        raise SeedError(where, line, f"invalid slug {slug!r}",
                        "Use lowercase ASCII letters, digits and single hyphens (e.g. 'deepseek-r1'); "
                        "rename the file or set 'slug:' in its .yml metadata file.")
    if slug in RESERVED_SLUGS:
        raise SeedError(where, line, f"slug {slug!r} is reserved by the site",
                        f"Choose another slug; reserved: {', '.join(sorted(RESERVED_SLUGS))}.")
    return slug


def read_metadata(path: Path, display_path: str) -> Metadata:
    """Read and validate a metadata file.

    Input: the YAML file and its display path. Output: :class:`Metadata`.
    Raises :class:`SeedError` naming the file and line on YAML syntax errors,
    a non-mapping document, unknown keys, non-string values, a bad date or URL.
    """
    text = path.read_text("utf-8")
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SeedError(display_path, mark.line + 1 if mark else None, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                        "Write one 'key: value' per line.") from None
    if node is None:
        return Metadata()
    if not isinstance(node, yaml.MappingNode):
        raise SeedError(display_path, node.start_mark.line + 1, "metadata must be a mapping of 'key: value' lines")
    values: dict[str, str] = {}
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in _KEYS:
            raise SeedError(display_path, line, f"unknown metadata key {key!r}", f"Allowed keys: {', '.join(_KEYS)}.")
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            raise SeedError(display_path, line, f"'{key}' must be a non-empty text value")
        value = str(value_node.value).strip()
        if key == "slug":
            validate_slug(value, display_path, line)
        elif key == "date":
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                raise SeedError(display_path, line, f"'date' must be YYYY-MM-DD, got {value!r}") from None
        elif key == "source" and not re.match(r"^https?://\S+$", value):
            raise SeedError(display_path, line, f"'source' must be an http(s) URL, got {value!r}")
        values[key] = value
    return Metadata(**values)
