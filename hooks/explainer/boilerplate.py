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
    """One catalog entry: the platform it comes from, its language, its regex."""

    platform: str
    lang: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def load_rules() -> tuple[BoilerplateRule, ...]:
    """Load the packaged catalog. Output: rules in file order. Raises ``ValueError`` on a bad entry."""
    raw = yaml.safe_load(resources.files("explainer").joinpath("data/boilerplate.yml").read_text("utf-8"))
    rules = []
    for entry in raw:
        rules.append(BoilerplateRule(entry["platform"], entry["lang"],
                                     re.compile(entry["pattern"], re.IGNORECASE)))
    return tuple(rules)


def match_boilerplate(line: str) -> BoilerplateRule | None:
    """Return the rule whose pattern matches the whole trimmed ``line``, or ``None``."""
    stripped = line.strip()
    for rule in load_rules():
        if rule.pattern.fullmatch(stripped):
            return rule
    return None
