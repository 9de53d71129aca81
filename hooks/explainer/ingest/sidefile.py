"""Reading small YAML side files (glossary, key facts) with line numbers for every error.

Only plain data is accepted: mappings, lists and text scalars (``yaml.compose``, so no
tags are constructed). Each helper raises :class:`~explainer.errors.DataError` naming
the file, the 1-based line and the expected shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from explainer.errors import DataError


def compose(path: Path, display_path: str) -> yaml.Node | None:
    """Parse ``path`` into a YAML node tree (``None`` for an empty file).

    Raises :class:`DataError` with the line of a YAML syntax error or undecodable bytes.
    """
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(display_path, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                        "Re-save the file as UTF-8.") from None
    try:
        return yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(display_path, mark.line + 1 if mark else None, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                        "Indent list items under their key, write one 'key: value' per line, and quote a value "
                        "that holds ': ' or starts with a special character (label: \"الهدف: 2030\").") from None


def line_of(node: yaml.Node) -> int:
    """1-based line where ``node`` starts."""
    return node.start_mark.line + 1


def mapping(node: yaml.Node, display_path: str, what: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
    """The entries of a mapping node, keyed by name; unknown keys are errors."""
    if not isinstance(node, yaml.MappingNode):
        raise DataError(display_path, line_of(node), f"{what} must be a mapping of 'key: value' lines")
    found: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in allowed:
            raise DataError(display_path, line_of(key_node), f"unknown key {key!r} in {what}",
                            f"Allowed keys: {', '.join(allowed)}.")
        found[key] = value_node
    return found


def sequence(node: yaml.Node, display_path: str, what: str) -> list[yaml.Node]:
    """The items of a list node."""
    if not isinstance(node, yaml.SequenceNode):
        raise DataError(display_path, line_of(node), f"{what} must be a list ('- ' items)")
    return list(node.value)


def text(node: yaml.Node, display_path: str, what: str) -> str:
    """A non-empty text scalar, stripped."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise DataError(display_path, line_of(node), f"{what} must be a non-empty text value")
    return str(node.value).strip()


def texts(node: yaml.Node, display_path: str, what: str) -> tuple[str, ...]:
    """A list of non-empty text scalars (a single scalar is accepted as a one-item list)."""
    if isinstance(node, yaml.ScalarNode):
        return (text(node, display_path, what),)
    return tuple(text(item, display_path, what) for item in sequence(node, display_path, what))
