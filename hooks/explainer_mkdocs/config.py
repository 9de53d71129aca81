"""The plugin's options, validated with MkDocs' own config machinery.

They live in ``mkdocs.yml`` under ``extra.explainer`` (the hook file, which ``mkdocs.yml``
names under ``hooks:``, is the entry point, so there is no ``plugins:`` entry to hang
them on; MkDocs passes ``extra`` through unvalidated, and ``--strict`` does not warn
about it). Each option's rule is the core's (:mod:`explainer.options`): a value it
rejects becomes a MkDocs :class:`~mkdocs.config.base.ValidationError`, reported as
``Config value 'extra.explainer.<option>': ...``; an unknown option is a warning, so
``mkdocs build --strict`` fails on a typo. To add an option: a field on
:class:`explainer.options.Options` and a line here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from explainer import options as core


class _Checked(BaseConfigOption[Any]):
    """An option whose value the core's ``check`` function validates and normalizes."""

    def __init__(self, check: Callable[[object], Any], default: object) -> None:
        super().__init__()
        self._check = check
        self.default = default

    def run_validation(self, value: object) -> Any:
        try:
            return self._check(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class _ReadingSpeeds(_Checked):
    """Words per minute by language; every language named must be one of ``languages``."""

    def post_validation(self, config: Config, key_name: str) -> None:
        try:
            core.check_reading_speeds(config[key_name], tuple(config["languages"]))
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


_DEFAULTS = core.Options()


class ExplainerConfig(Config):
    """``extra.explainer`` in mkdocs.yml (defaults and rules: :mod:`explainer.options`)."""

    languages = _Checked(core.check_languages, list(_DEFAULTS.languages))
    seeds_dir = _Checked(core.check_folder, _DEFAULTS.seeds_dir)
    locales_dir = _Checked(core.check_folder, _DEFAULTS.locales_dir)
    glossary_file = _Checked(core.check_folder, _DEFAULTS.glossary_file)
    home_page_size = _Checked(core.check_page_size, _DEFAULTS.home_page_size)
    reading_speeds = _ReadingSpeeds(core.check_reading_speeds, dict(_DEFAULTS.reading_speeds))
    translation_gate = _Checked(core.check_gate, _DEFAULTS.translation_gate)

    def options(self) -> core.Options:
        """The validated values as the core's :class:`~explainer.options.Options`."""
        return core.Options(languages=tuple(self["languages"]), seeds_dir=self["seeds_dir"],
                            locales_dir=self["locales_dir"], glossary_file=self["glossary_file"],
                            home_page_size=self["home_page_size"], reading_speeds=dict(self["reading_speeds"]),
                            translation_gate=self["translation_gate"])
