"""The site's options: what ``extra.explainer`` in ``mkdocs.yml`` may set, with their rules.

One place for the rules: the MkDocs adapter (:mod:`explainer_mkdocs.config`) validates
the block with MkDocs' own config machinery by calling the ``check_*`` functions here,
and the command line reads the same block with :func:`read_options`, so ``explainer
update`` and the build agree on the languages and paths. Each ``check_*`` function
returns the normalized value or raises ``ValueError`` with a message for the editor.
To add an option: a field on :class:`Options`, a ``check_*`` function if it has rules,
and the matching line in :class:`explainer_mkdocs.config.ExplainerConfig`.

Defaults::

    extra:
      explainer:
        languages: [ar, en]          # the seeds' language first (always ar), then the translations
        seeds_dir: seeds             # relative to mkdocs.yml
        locales_dir: locales
        glossary_file: seeds/glossary.yml
        home_page_size: 30           # articles per home page
        reading_speeds: {ar: 138, en: 228}   # words per minute (IReST, see explainer.render.readtime)
        translation_gate: null       # off: a build never waits for a translator (see check_gate)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from explainer.cldr import locale
from explainer.errors import ExplainerError
from explainer.render.readtime import DEFAULT_WORDS_PER_MINUTE, WORDS_PER_MINUTE
from explainer.translate.ui import SOURCE_LANG

CONFIG_FILE = "mkdocs.yml"
#: Where the options live in mkdocs.yml.
CONFIG_KEY = ("extra", "explainer")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class OptionsError(ExplainerError):
    """``extra.explainer`` in mkdocs.yml has a value the build cannot use."""


def check_languages(value: object) -> tuple[str, ...]:
    """The site's languages: BCP 47 codes CLDR knows, no repeats, ``ar`` (the seeds') first, at least one more."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of language codes, e.g. [ar, en]")
    langs = tuple(value)
    if len(langs) < 2:
        raise ValueError("give the seeds' language and at least one translation, e.g. [ar, en]")
    if langs[0] != SOURCE_LANG:
        raise ValueError(f"the first language is the seeds' language and must be {SOURCE_LANG!r} (got {langs[0]!r})")
    for lang in langs:
        if not _LANG_RE.match(lang):
            raise ValueError(f"{lang!r} is not a BCP 47 language code (lowercase, e.g. 'en', 'fr', 'pt-BR')")
        locale(lang)  # ValueError for a language CLDR does not know
    if len(set(langs)) != len(langs):
        raise ValueError("a language is listed twice")
    return langs


def check_folder(value: object) -> str:
    """A path relative to the project folder, ``/``-separated, inside it."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a path relative to mkdocs.yml, e.g. 'seeds'")
    path = PurePosixPath(value.strip())
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"{value!r} must be a path inside the project folder (relative, no '..')")
    return path.as_posix()


def check_page_size(value: object) -> int:
    """Articles per home page: a whole number from 1 to 1000."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise ValueError(f"expected a whole number of articles from 1 to 1000, got {value!r}")
    return value


def check_reading_speeds(value: object, langs: tuple[str, ...] | None = None) -> dict[str, int]:
    """Words per minute by language: whole numbers from 20 to 2000, for languages of the site."""
    if not isinstance(value, Mapping):
        raise ValueError("expected words per minute by language, e.g. {ar: 138, en: 228}")  # noqa: TRY004 - the one error type of the checks
    speeds: dict[str, int] = {}
    for lang, speed in value.items():
        if isinstance(speed, bool) or not isinstance(speed, int) or not 20 <= speed <= 2000:
            raise ValueError(f"reading speed of {lang!r}: expected words per minute from 20 to 2000, got {speed!r}")
        if langs is not None and lang not in langs:
            raise ValueError(f"reading speed given for {lang!r}, which is not one of the languages {list(langs)}")
        speeds[str(lang)] = speed
    return speeds


@dataclass(frozen=True)
class Gate:
    """The translation gate: what stops ``mkdocs build`` (and ``explainer coverage``) for unfinished translations.

    ``min_coverage``: the whole percent (:func:`explainer.translate.state.percent`, rounded
    down) every article needs in every translation language, its key facts and glossary
    entries included; ``fail_on_findings``: whether a finding of the translation checks
    (:mod:`explainer.translate.checks`) stops the build too.
    """

    min_coverage: int = 100
    fail_on_findings: bool = False


def check_gate(value: object) -> Gate | None:
    """``translation_gate``: ``null``/``false`` (off, the default), ``true`` (100%), a percent, or a mapping
    ``{min_coverage: 0-100, fail_on_findings: true/false}``."""
    if value is None or value is False:
        return None
    if value is True:
        return Gate()
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"min_coverage": value}
    if not isinstance(value, Mapping):
        raise ValueError("expected a mapping such as {min_coverage: 100, fail_on_findings: true}, "  # noqa: TRY004
                         f"a whole percent, true or null, got {value!r}")  # (ValueError: the one error type of the checks)
    unknown = sorted(set(value) - {"min_coverage", "fail_on_findings"})
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (keys: fail_on_findings, min_coverage)")
    minimum = value.get("min_coverage", 100)
    if isinstance(minimum, bool) or not isinstance(minimum, int) or not 0 <= minimum <= 100:
        raise ValueError(f"min_coverage: expected a whole percent from 0 to 100, got {minimum!r}")
    findings = value.get("fail_on_findings", False)
    if not isinstance(findings, bool):
        raise ValueError(f"fail_on_findings: expected true or false, got {findings!r}")  # noqa: TRY004 - as above
    return Gate(minimum, findings)


@dataclass(frozen=True)
class Options:
    """The validated options of one site (see the module docstring for the defaults)."""

    languages: tuple[str, ...] = ("ar", "en")
    seeds_dir: str = "seeds"
    locales_dir: str = "locales"
    glossary_file: str = "seeds/glossary.yml"
    home_page_size: int = 30
    reading_speeds: Mapping[str, int] = field(default_factory=dict)  # only those given: speed() has the defaults
    translation_gate: Gate | None = None

    @property
    def source_lang(self) -> str:
        """The seeds' language (the first of :attr:`languages`)."""
        return self.languages[0]

    @property
    def targets(self) -> tuple[str, ...]:
        """The translation languages."""
        return self.languages[1:]

    def words_per_minute(self, lang: str) -> int:
        """Reading speed in ``lang``: the option, else the measured default, else 200."""
        return self.reading_speeds.get(lang) or WORDS_PER_MINUTE.get(lang, DEFAULT_WORDS_PER_MINUTE)

    def fingerprint(self) -> str:
        """A stable text of every option, for build-cache keys."""
        return repr(tuple((f.name, getattr(self, f.name) if f.name != "reading_speeds" else sorted(self.reading_speeds.items()))
                          for f in fields(self)))


def options_from_mapping(raw: Mapping[str, Any]) -> Options:
    """:class:`Options` from the ``extra.explainer`` mapping; raises ``ValueError`` naming the option."""
    known = {f.name for f in fields(Options)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r} (options: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    checks = {"languages": check_languages, "seeds_dir": check_folder, "locales_dir": check_folder,
              "glossary_file": check_folder, "home_page_size": check_page_size, "translation_gate": check_gate}
    for name, check in checks.items():
        if name in raw:
            try:
                values[name] = check(raw[name])
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
    if "reading_speeds" in raw:
        try:
            values["reading_speeds"] = check_reading_speeds(raw["reading_speeds"], values.get("languages", Options.languages))
        except ValueError as exc:
            raise ValueError(f"reading_speeds: {exc}") from None
    return Options(**values)


class _ConfigLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' tags (``!ENV``, ``!relative``) as plain text."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_options(root: Path) -> Options:
    """The options in ``root/mkdocs.yml`` (``extra.explainer``), for commands that run without MkDocs.

    A missing file or block gives the defaults. Raises :class:`OptionsError` naming
    ``mkdocs.yml`` and the option for a value the build would reject too.
    """
    path = root / CONFIG_FILE
    if not path.is_file():
        return Options()
    try:
        config = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise OptionsError(CONFIG_FILE, None, f"cannot read the config ({exc})") from None
    block: Any = config
    for key in CONFIG_KEY:
        block = block.get(key) if isinstance(block, Mapping) else None
    if block is None:
        return Options()
    if not isinstance(block, Mapping):
        raise OptionsError(CONFIG_FILE, None, "extra.explainer must be a mapping of options")
    try:
        return options_from_mapping(block)
    except ValueError as exc:
        raise OptionsError(CONFIG_FILE, None, f"extra.explainer: {exc}") from None
