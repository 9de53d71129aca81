"""Optional metadata of a seed: a side file ``seeds/<name>.yml`` or a front matter block.

A front matter block is the same YAML between a first line ``---`` and the next
line ``---`` (or ``...``) at the top of the seed itself. A seed may have one or
the other, not both. Schema (every key optional; unknown keys are errors)::

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

from explainer.errors import SeedError
from explainer.ingest.decode import normalize_text
from explainer.model import Metadata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Top-level names the site itself uses: an article may not take them.
RESERVED_SLUGS = frozenset({"index", "en", "ar", "assets", "search", "404", "sitemap", "status", "glossary", "parallel", "facts", "ui", "page"})
# ui: the interface catalog domain; parallel: the parallel views (parallel/<slug>/); facts: the key-facts catalog; page: the home listing's later pages (page/2/)
_KEYS = ("title", "slug", "date", "source", "author")


MAX_SLUG_CHARS = 64


def suggest_slug(name: str) -> str:
    """A valid slug close to ``name`` (ASCII letters kept, lowercased, other runs to ``-``), or ``""``.

    >>> suggest_slug("My Article_2025 (draft)")
    'my-article-2025-draft'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_SLUG_CHARS].strip("-")


def validate_slug(slug: str, where: str, line: int | None = None) -> str:
    """Return ``slug`` if it is a valid, unreserved slug; raise :class:`SeedError` otherwise.

    Valid: 1 to ``MAX_SLUG_CHARS`` lowercase ASCII letters and digits in groups
    joined by single hyphens (a URL path segment that needs no escaping, RFC 3986
    unreserved characters), and not one of ``RESERVED_SLUGS``.
    """
    if not SLUG_RE.fullmatch(slug) or len(slug) > MAX_SLUG_CHARS:
        hint = "Use lowercase ASCII letters, digits and single hyphens"
        if suggestion := suggest_slug(slug):
            hint += f" (e.g. {suggestion!r})"
        raise SeedError(where, line, f"invalid slug {slug!r}",
                        hint + f", at most {MAX_SLUG_CHARS} characters; rename the file or set 'slug:' "
                               "in its metadata.")
    if slug in RESERVED_SLUGS:
        raise SeedError(where, line, f"slug {slug!r} is reserved by the site",
                        f"Choose another slug; reserved: {', '.join(sorted(RESERVED_SLUGS))}.")
    return slug


def read_metadata(path: Path, display_path: str) -> Metadata:
    """Read and validate a metadata side file.

    Input: the YAML file and its display path. Output: :class:`Metadata`.
    Raises :class:`SeedError` naming the file and line on YAML syntax errors,
    a non-mapping document, unknown keys, non-string values, a bad date or URL.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(display_path, None, f"metadata is not UTF-8 ({exc.reason})",
                        "Re-save the file as UTF-8.") from None
    return parse_metadata(text, display_path)


_FENCE_RE = re.compile(r"^---[ \t]*$")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def split_front_matter(text: str, display_path: str) -> tuple[Metadata | None, str]:
    """Take a YAML front matter block off the top of a seed.

    Input: decoded seed text (``\\n`` line ends) and its display path. Output:
    ``(metadata, body)`` where ``body`` has the block's lines replaced by empty
    lines, so every later line keeps its number; ``metadata`` is ``None`` when
    the first line is not ``---``. Raises :class:`SeedError` naming the file and
    line for an unclosed block or invalid metadata (see :func:`parse_metadata`).

    >>> split_front_matter("---\\ntitle: عنوان\\n---\\nنص", "s.txt")
    (Metadata(title='عنوان', slug=None, date=None, source=None, author=None), '\\n\\n\\nنص')
    """
    lines = text.split("\n")
    if not lines or not _FENCE_RE.match(lines[0]):
        return None, text
    for index in range(1, len(lines)):
        if _CLOSE_RE.match(lines[index]):
            block = "\n".join(lines[1:index])
            metadata = parse_metadata(block, display_path, first_line=2)
            return metadata, "\n" * index + "\n" + "\n".join(lines[index + 1:])
    raise SeedError(display_path, 1, "front matter opened with '---' is never closed",
                    "End the metadata block with a line '---', or remove the first line if it is not metadata.")


def parse_metadata(text: str, display_path: str, first_line: int = 1) -> Metadata:
    """Validate metadata YAML text.

    Input: the YAML text, the display path of the file holding it, and the
    file line the text starts on (for front matter). Output: :class:`Metadata`.
    Raises :class:`SeedError` naming the file and line on YAML syntax errors,
    a non-mapping document, unknown or repeated keys, non-text values, a date
    that is not ISO 8601 ``YYYY-MM-DD``, a source that is not an http(s) URL, or
    an invalid slug.
    """
    offset = first_line - 1
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SeedError(display_path, mark.line + 1 + offset if mark else None,
                        f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
                        "Write one 'key: value' per line, and quote a value that holds ': ' or starts with a "
                        "special character (title: \"الحرب: البداية\").") from None
    if node is None:
        return Metadata()
    if not isinstance(node, yaml.MappingNode):
        raise SeedError(display_path, node.start_mark.line + 1 + offset,
                        "metadata must be a mapping of 'key: value' lines", f"Allowed keys: {', '.join(_KEYS)}.")
    values: dict[str, str] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1 + offset
        if key not in _KEYS:
            raise SeedError(display_path, line, f"unknown metadata key {key!r}", f"Allowed keys: {', '.join(_KEYS)}.")
        if key in values:
            raise SeedError(display_path, line, f"metadata key {key!r} is given twice", "Keep one of them.")
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            raise SeedError(display_path, line, f"'{key}' must be a non-empty text value",
                            "Quote the value if it starts with a YAML sign, e.g. title: \"[مقال] عنوان\".")
        value = str(value_node.value).strip()
        if key in ("title", "author"):  # text shown on the page: same normalization as the seed, one line
            value = " ".join(normalize_text(value).split())
        if key == "slug":
            validate_slug(value, display_path, line)
        elif key == "date":
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                raise SeedError(display_path, line, f"'date' must be YYYY-MM-DD, got {value!r}") from None
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise SeedError(display_path, line, f"'date' must be YYYY-MM-DD, got {value!r}")
        elif key == "source" and not re.match(r"^https?://[^\s<>\"]+$", value):
            raise SeedError(display_path, line, f"'source' must be an http(s) URL, got {value!r}")
        values[key] = value
    return Metadata(**values)
