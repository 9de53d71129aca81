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
    """One catalog entry: the platform it comes from, its language, its regex and example lines.

    ``block`` is True for a line that opens a block of links (``اقرأ أيضًا``, ``Related``);
    ``anywhere`` for a line that is never article text, wherever it stands (a page number);
    ``comments`` for a line that opens readers' comments or a comment form (every line after it at
    the end of a seed is a comment); ``contents`` for a line that opens a table of contents.
    ``what`` names what such a line is, for the report (``a tags line (the article's topic labels)``);
    empty, the report names the platform (``a blogger line``). ``platform: generic`` entries (lines
    that any CMS or news portal prints) always have one.
    """

    platform: str
    lang: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    block: bool = False
    anywhere: bool = False
    comments: bool = False
    contents: bool = False
    what: str = ""


_REQUIRED = ("platform", "lang", "pattern")
# PyYAML's safe loader in C when PyYAML was built with libyaml (the same documents, ten times faster:
# this catalog is read by every build), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLAGS = ("block", "anywhere", "comments", "contents")
_PLATFORM_RE = re.compile(r"[a-z]+")
# ``what`` is read in "dropped <what> after the article": a noun phrase on one line.
_WHAT_RE = re.compile(r"(?:a|an|the) \S.*")
MAX_WHAT = 100
GENERIC = "generic"


def parse_rules(text: str, where: str = "boilerplate.yml") -> tuple[BoilerplateRule, ...]:
    """Validate catalog YAML. Output: rules in file order.

    Raises ``ValueError`` naming the entry (1-based) for a missing or unknown
    key, a ``platform`` that is not one lowercase ASCII word, a ``lang`` other than ``ar``/``en``,
    a flag (``block``, ``anywhere``, ``comments``, ``contents``) that is not a boolean, a ``what``
    that is not a one-line noun phrase opening with ``a``/``an``/``the`` (at most 100 characters),
    a ``platform: generic`` entry without ``what``, or a pattern that does not compile.
    """
    raw = yaml.load(text, Loader=_SAFE_LOADER) or []  # a safe loader (libyaml's when built in)
    if not isinstance(raw, list):
        raise ValueError(f"{where}: the catalog must be a list of entries")  # noqa: TRY004 - bad data, not a bad argument
    rules = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or any(key not in entry for key in _REQUIRED):
            raise ValueError(f"{where}: entry {number} needs the keys {', '.join(_REQUIRED)}")
        if unknown := set(entry) - {*_REQUIRED, "examples", "what", *_FLAGS}:
            raise ValueError(f"{where}: entry {number} has unknown keys {sorted(unknown)}")
        if not isinstance(entry["platform"], str) or not _PLATFORM_RE.fullmatch(entry["platform"]):
            raise ValueError(f"{where}: entry {number}: platform must be one lowercase word (blogger, news, generic)")
        what = entry.get("what", "")
        if not isinstance(what, str) or ("what" in entry and not (_WHAT_RE.fullmatch(what) and len(what) <= MAX_WHAT)):
            raise ValueError(f"{where}: entry {number}: what must name the line in one line opening with "
                             "'a', 'an' or 'the' (a tags line), at most 100 characters")
        if entry["platform"] == GENERIC and not what:
            raise ValueError(f"{where}: entry {number}: a generic entry needs 'what' (what the line is: a tags line)")
        if entry["lang"] not in ("ar", "en"):
            raise ValueError(f"{where}: entry {number}: lang must be 'ar' or 'en'")
        for flag in _FLAGS:
            if not isinstance(entry.get(flag, False), bool):
                raise ValueError(f"{where}: entry {number}: {flag} must be true or false")  # noqa: TRY004 - bad data
        try:
            pattern = re.compile(f"(?:{entry['pattern']})", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{where}: entry {number}: bad pattern ({exc})") from None
        rules.append(BoilerplateRule(str(entry["platform"]), entry["lang"], pattern,
                                     tuple(str(e) for e in entry.get("examples") or ()),
                                     **{flag: bool(entry.get(flag, False)) for flag in _FLAGS}, what=what))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_rules() -> tuple[BoilerplateRule, ...]:
    """Load the packaged catalog ``data/boilerplate.yml`` (see :func:`parse_rules`)."""
    return parse_rules(resources.files("explainer").joinpath("data/boilerplate.yml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _any_rule() -> re.Pattern[str]:
    """Every catalog pattern as one alternation: one regex call tells a line that no rule matches."""
    return re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in load_rules()), re.IGNORECASE)


def match_boilerplate(line: str) -> BoilerplateRule | None:
    """Return the first rule (catalog order) whose pattern matches the whole trimmed ``line``, or ``None``."""
    return _match_trimmed(line.strip())


@lru_cache(maxsize=1 << 14)  # the edge and line readers ask about the same lines several times
def _match_trimmed(stripped: str) -> BoilerplateRule | None:
    if _any_rule().fullmatch(stripped) is None:
        return None
    return next((rule for rule in load_rules() if rule.pattern.fullmatch(stripped)), None)


_JOINERS = " |·•∙-–—/"
MAX_COMBINED_WORDS = 16


def match_combined(line: str) -> tuple[BoilerplateRule, ...] | None:
    """The rules of a line that joins several catalog lines (Blogger's ``رسالة أحدث الصفحة الرئيسية رسالة أقدم``).

    Input: one line. Output: the rules of its pieces, in order, when the line splits at
    word boundaries into two or more pieces that each match a catalog entry (pieces may be
    joined by ``|``, ``·``, ``•`` or dashes), else ``None``. At most ``MAX_COMBINED_WORDS`` words.

    >>> [r.platform for r in match_combined("رسالة أحدث الصفحة الرئيسية رسالة أقدم")]
    ['blogger', 'blogger', 'blogger']
    """
    words = [w for w in line.split() if w.strip(_JOINERS)]
    if len(words) < 2 or len(words) > MAX_COMBINED_WORDS:
        return None
    # best[i]: the pieces covering words[:i] (fewest pieces), or None
    best: list[tuple[BoilerplateRule, ...] | None] = [()] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(end):
            before = best[start]
            if before is None or (best[end] is not None and len(best[end] or ()) <= len(before) + 1):
                continue
            rule = match_boilerplate(" ".join(words[start:end]).strip(_JOINERS))
            if rule is not None:
                best[end] = (*before, rule)
    found = best[len(words)]
    return found if found is not None and len(found) >= 2 else None
