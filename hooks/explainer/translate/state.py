"""Translation state: what a page in one language shows for each unit of an article.

Computed once per article and language (:func:`article_states`) and reused by the
page, its notices, the byline's coverage, the status page, ``explainer coverage`` and
the build's warnings. The rules are gettext's: a translation is *current* only when
its msgstr is non-empty and the entry is not ``fuzzy``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from explainer.model import Article
from explainer.translate.catalog import Translation
from explainer.translate.segment import Unit, article_units
from explainer.translate.ui import SOURCE_LANG

# A lookup from an Arabic msgid of the article to its translation (None if missing).
Lookup = Callable[[str], "Translation | None"]


@dataclass(frozen=True)
class Shown:
    """What a page shows for one unit: the text, its language and the unit's translation state.

    ``state`` is ``"source"`` (source-language page), ``"translated"``,
    ``"fuzzy"`` (old translation of a changed msgid: shown, but marked as
    possibly outdated) or ``"untranslated"`` (the source text is shown, marked
    with its own ``lang``/``dir``).
    """

    text: str
    lang: str
    state: str

    def current(self, msgid: str) -> Shown:
        """This unit for places with no room for a notice (listings, meta description).

        A fuzzy translation is not current (gettext), and there is no notice to say
        so there: such places show the source text instead, marked as untranslated.
        """
        return Shown(msgid, SOURCE_LANG, "untranslated") if self.state == "fuzzy" else self


def resolve(msgid: str, lang: str, lookup: Lookup) -> Shown:
    """Decide what the ``lang`` page shows for ``msgid`` (gettext rules: fuzzy is never current).

    >>> resolve("نص", "en", lambda m: None)
    Shown(text='نص', lang='ar', state='untranslated')
    >>> resolve("نص", "en", lambda m: Translation("text", True)).state
    'fuzzy'
    """
    if lang == SOURCE_LANG:
        return Shown(msgid, lang, "source")
    found = lookup(msgid)
    if found is None:
        return Shown(msgid, SOURCE_LANG, "untranslated")
    return Shown(found.text, lang, "fuzzy" if found.fuzzy else "translated")


@dataclass(frozen=True)
class TranslationStates:
    """The state of every unit of one article in one language, in reading order.

    ``units`` pairs each :class:`~explainer.translate.segment.Unit` with its state;
    ``shown`` maps each msgid to what the page shows; ``counts`` has ``translated``
    (``source`` units count as translated), ``fuzzy`` and ``untranslated``.
    """

    lang: str
    units: tuple[tuple[Unit, str], ...]
    shown: dict[str, Shown] = field(compare=False)
    counts: dict[str, int] = field(compare=False)

    def of(self, msgid: str) -> Shown:
        """What the page shows for ``msgid`` (one of the article's msgids)."""
        return self.shown[msgid]

    def current(self, msgid: str) -> Shown:
        """What a listing shows for ``msgid`` (see :meth:`Shown.current`)."""
        return self.shown[msgid].current(msgid)

    @property
    def total(self) -> int:
        """Number of units."""
        return len(self.units)

    @property
    def complete(self) -> bool:
        """Whether every unit has a current translation (always true on the source language)."""
        return self.counts["translated"] == len(self.units)

    def segment_states(self) -> list[tuple[str, str]]:
        """``(segment_id, state)`` per unit, in reading order."""
        return [(unit.segment_id, state) for unit, state in self.units]


def article_states(article: Article, lang: str, lookup: Lookup) -> TranslationStates:
    """The translation state of every unit of ``article`` in ``lang`` (see :class:`TranslationStates`).

    On the source-language page every unit is ``"source"``.
    """
    shown: dict[str, Shown] = {}
    units: list[tuple[Unit, str]] = []
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for unit in article_units(article):
        found = shown.get(unit.msgid)
        if found is None:
            found = shown[unit.msgid] = resolve(unit.msgid, lang, lookup)
        units.append((unit, found.state))
        counts["translated" if found.state == "source" else found.state] += 1
    return TranslationStates(lang, tuple(units), shown, counts)
