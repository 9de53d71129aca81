"""The boilerplate catalog: whole lines that platforms add around an article.

The catalog is data (``data/boilerplate.yml``); this module only loads and
matches it. A line is boilerplate when one pattern matches the whole trimmed line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class BoilerplateRule:
    """One catalog entry: the platform it comes from, its language, its regex and example lines."""

    platform: str
    lang: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()


_REQUIRED = ("platform", "lang", "pattern")


def parse_rules(text: str, where: str = "boilerplate.yml") -> tuple[BoilerplateRule, ...]:
    """Validate catalog YAML. Output: rules in file order.

    Raises ``ValueError`` naming the entry (1-based) for a missing or unknown
    key, a ``lang`` other than ``ar``/``en``, or a pattern that does not compile.
    """
    raw = yaml.safe_load(text) or []
    if not isinstance(raw, list):
        raise ValueError(f"{where}: the catalog must be a list of entries")  # noqa: TRY004 - bad data, not a bad argument
    rules = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or any(key not in entry for key in _REQUIRED):
            raise ValueError(f"{where}: entry {number} needs the keys {', '.join(_REQUIRED)}")
        if unknown := set(entry) - {*_REQUIRED, "examples"}:
            raise ValueError(f"{where}: entry {number} has unknown keys {sorted(unknown)}")
        if entry["lang"] not in ("ar", "en"):
            raise ValueError(f"{where}: entry {number}: lang must be 'ar' or 'en'")
        try:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{where}: entry {number}: bad pattern ({exc})") from None
        rules.append(BoilerplateRule(str(entry["platform"]), entry["lang"], pattern,
                                     tuple(str(e) for e in entry.get("examples") or ())))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_rules() -> tuple[BoilerplateRule, ...]:
    """Load the packaged catalog ``data/boilerplate.yml`` (see :func:`parse_rules`)."""
    return parse_rules(resources.files("explainer").joinpath("data/boilerplate.yml").read_text("utf-8"))


def match_boilerplate(line: str) -> BoilerplateRule | None:
    """Return the rule whose pattern matches the whole trimmed ``line``, or ``None``."""
    stripped = line.strip()
    for rule in load_rules():
        if rule.pattern.fullmatch(stripped):
            return rule
    return None
