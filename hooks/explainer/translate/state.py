"""Translation state: what a page in one language shows for each unit of an article.

Computed once per article and language (:func:`article_states`) and reused by the
page, its notices, the byline's coverage, the status page, ``explainer coverage``, the
build log and the translation gate. The rules are gettext's, with the checks of
translate-toolkit's pofilter and Weblate:

* a translation is *current* only when its msgstr is non-empty and the entry is not
  ``fuzzy``;
* a msgstr that is only whitespace, or the Arabic msgid copied unchanged (a msgid with
  Arabic letters: a Latin-only title such as ``DeepSeek-R1`` may stay as it is), counts
  as untranslated: the page shows the Arabic under "not yet translated";
* a unit whose Arabic changed while ``explainer update`` has not run yet gets the old
  translation ``update`` would keep (:mod:`explainer.translate.fuzzy`): shown under "may
  be outdated" like a fuzzy entry (state ``fuzzy``, reason ``outdated``), never counted
  as current;
* a current translation is checked (:mod:`explainer.translate.checks`); its findings are
  reported. A finding of :data:`~explainer.translate.checks.REVIEW_CHECKS` (a number or a
  name of the msgid missing or different) means the msgstr may tell the reader something
  else than the original: it is shown marked "to be reviewed" like a fuzzy entry (state
  ``fuzzy``, reason ``check``) and not counted as current (Weblate's "needs editing");
  other findings (brackets) change nothing on the page.

Besides the article's own units (title, headings, paragraphs, items), the key facts and
glossary entries shown on its page are units of its state (``layer`` units), so they
count in its coverage figure. The figure has one rounding rule, :func:`percent`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from explainer.model import Article
from explainer.text import has_arabic
from explainer.translate.catalog import Translation
from explainer.translate.checks import REVIEW_CHECKS, Finding, check_translation
from explainer.translate.segment import Unit, article_units
from explainer.translate.ui import SOURCE_LANG

# A lookup from an Arabic msgid of the article to its translation (None if missing).
Lookup = Callable[[str], "Translation | None"]

#: Why a unit is not current: no msgstr, only whitespace, the msgid copied, a fuzzy entry, an edit before ``update``,
#: a finding of a review check.
REASONS = ("missing", "blank", "copied", "fuzzy", "outdated", "check")


def percent(translated: int, total: int) -> int:
    """The coverage figure: whole percent of units with a current translation, rounded down.

    Rounded down, so 100% means complete (199 of 200 reads 99%, never 100%) and an
    article with nothing to translate reads 100%. Every figure the site and the
    commands show comes from here.

    >>> percent(199, 200), percent(1, 200), percent(0, 0), percent(11, 12)
    (99, 0, 100, 91)
    """
    return 100 * translated // total if total else 100


def unusable(msgid: str, translation: Translation | None) -> str | None:
    """Why ``translation`` of ``msgid`` cannot be shown as a translation (a :data:`REASONS` entry), else ``None``.

    ``fuzzy`` is not judged here: a fuzzy entry is shown, marked, where there is room.
    """
    if translation is None or not translation.text:
        return "missing"
    if not translation.text.strip():
        return "blank"
    if translation.text.strip() == msgid.strip() and has_arabic(msgid):
        return "copied"
    return None


def current_text(msgid: str, translation: Translation | None) -> str | None:
    """The msgstr of a current translation of ``msgid`` (usable, not fuzzy), else ``None``."""
    if translation is None or translation.fuzzy or unusable(msgid, translation):
        return None
    return translation.text


@dataclass(frozen=True)
class Shown:
    """What a page shows for one unit: the text, its language and the unit's translation state.

    ``state`` is ``"source"`` (source-language page), ``"translated"``,
    ``"fuzzy"`` (a translation to be reviewed: a fuzzy entry, the old translation of a
    changed msgid or one a review check questions; shown, but marked) or ``"untranslated"`` (the source text is shown, marked
    with its own ``lang``/``dir``). ``reason`` says why a unit is not current
    (:data:`REASONS`); ``previous`` is the old msgid whose entry holds an
    ``outdated`` translation; ``findings`` are the checks' findings of a
    current translation (state ``translated``, or ``fuzzy`` with reason ``check``).
    """

    text: str
    lang: str
    state: str
    reason: str = field(default="", compare=False, repr=False)
    previous: str | None = field(default=None, compare=False, repr=False)
    findings: tuple[Finding, ...] = field(default=(), compare=False, repr=False)

    def current(self, msgid: str) -> Shown:
        """This unit for places with no room for a notice (listings, meta description).

        A fuzzy translation is not current (gettext), and there is no notice to say
        so there: such places show the source text instead, marked as untranslated.
        """
        return Shown(msgid, SOURCE_LANG, "untranslated", self.reason) if self.state == "fuzzy" else self


def resolve(msgid: str, lang: str, lookup: Lookup, outdated: Mapping[str, tuple[str, Translation]] | None = None) -> Shown:
    """Decide what the ``lang`` page shows for ``msgid`` (rules: module docstring).

    ``outdated`` maps a msgid without an entry to what ``update`` would give it
    (:func:`explainer.translate.fuzzy.outdated_matches`: old msgid, old translation).

    >>> resolve("نص", "en", lambda m: None)
    Shown(text='نص', lang='ar', state='untranslated')
    >>> resolve("نص", "en", lambda m: Translation("text", True)).state
    'fuzzy'
    >>> resolve("نص", "en", lambda m: Translation("نص", False)).reason
    'copied'
    """
    if lang == SOURCE_LANG:
        return Shown(msgid, lang, "source")
    found = lookup(msgid)
    if found is None and outdated and msgid in outdated:
        previous, old = outdated[msgid]
        if unusable(previous, old) is None:
            return Shown(old.text, lang, "fuzzy", "outdated", previous)
    reason = unusable(msgid, found)
    if reason is not None or found is None:
        return Shown(msgid, SOURCE_LANG, "untranslated", reason or "missing")
    if found.fuzzy:
        return Shown(found.text, lang, "fuzzy", "fuzzy")
    findings = check_translation(msgid, found.text, SOURCE_LANG, lang)
    if any(finding.check in REVIEW_CHECKS for finding in findings):
        return Shown(found.text, lang, "fuzzy", "check", findings=findings)
    return Shown(found.text, lang, "translated", findings=findings)


@dataclass(frozen=True)
class LayerUnit:
    """A unit of the explainer layer shown on an article page (a key fact's text, a glossary entry).

    ``catalog`` is the name of its PO file (``facts``, ``glossary``) and
    ``translation`` its entry there (``None``: no entry). On the page such a unit
    shows its Arabic unless the translation is current (there is no room for a notice).
    """

    unit: Unit
    catalog: str
    translation: Translation | None


@dataclass(frozen=True)
class UnitState:
    """The state of one unit in one language: the unit, the catalog holding it, what the page shows."""

    unit: Unit
    catalog: str
    shown: Shown

    @property
    def state(self) -> str:
        """``source``, ``translated``, ``fuzzy`` or ``untranslated`` (see :class:`Shown`)."""
        return self.shown.state


@dataclass(frozen=True)
class TranslationStates:
    """The state of every unit of one article in one language, in reading order.

    ``units`` pairs each article :class:`~explainer.translate.segment.Unit` with its state;
    ``layer`` has the key facts and glossary entries the page shows (:class:`UnitState`);
    ``shown`` maps each article msgid to what the page shows; ``counts`` has ``translated``
    (``source`` units count as translated), ``fuzzy`` and ``untranslated`` over both.
    """

    lang: str
    units: tuple[tuple[Unit, str], ...]
    shown: dict[str, Shown] = field(compare=False)
    counts: dict[str, int] = field(compare=False)
    layer: tuple[UnitState, ...] = ()
    catalog: str = ""
    unreadable: str | None = None  # the error of a catalog that could not be read (previews only: a build stops)

    def of(self, msgid: str) -> Shown:
        """What the page shows for ``msgid`` (one of the article's msgids)."""
        return self.shown[msgid]

    def current(self, msgid: str) -> Shown:
        """What a listing shows for ``msgid`` (see :meth:`Shown.current`)."""
        return self.shown[msgid].current(msgid)

    @property
    def total(self) -> int:
        """Number of units (the article's and the layer's)."""
        return len(self.units) + len(self.layer)

    @property
    def complete(self) -> bool:
        """Whether every unit has a current translation (always true on the source language)."""
        return self.counts["translated"] == self.total

    @property
    def percent(self) -> int:
        """The coverage figure (:func:`percent`)."""
        return percent(self.counts["translated"], self.total)

    def all_units(self) -> list[UnitState]:
        """Every unit with its catalog and what is shown: the article's, then the layer's."""
        return [UnitState(unit, self.catalog, self.shown[unit.msgid]) for unit, _state in self.units] + list(self.layer)

    def findings(self) -> list[tuple[UnitState, Finding]]:
        """The checks' findings, by unit in reading order (each unit once)."""
        seen: set[tuple[str, str, str]] = set()
        found = []
        for entry in self.all_units():
            key = (entry.catalog, entry.unit.msgctxt, entry.unit.msgid)
            if entry.shown.findings and key not in seen:
                seen.add(key)
                found += [(entry, finding) for finding in entry.shown.findings]
        return found

    def segment_states(self) -> list[tuple[str, str]]:
        """``(segment_id, state)`` per unit, in reading order."""
        return [(unit.segment_id, state) for unit, state in self.units] + [(e.unit.segment_id, e.state) for e in self.layer]


def article_states(article: Article, lang: str, lookup: Lookup, *,
                   outdated: Mapping[str, tuple[str, Translation]] | None = None,
                   layer: Sequence[LayerUnit] = (), unreadable: str | None = None) -> TranslationStates:
    """The translation state of every unit of ``article`` in ``lang`` (see :class:`TranslationStates`).

    ``lookup`` gives the article catalog's entries, ``outdated`` what ``update`` would give
    the msgids without one (:func:`resolve`), ``layer`` the key facts and glossary entries
    of the page, ``unreadable`` the error of an article catalog that could not be read (a
    preview reads it as empty: every unit is then untranslated, and the figure is unknown, not 0%).
    On the source-language page every unit is ``"source"``.
    """
    shown: dict[str, Shown] = {}
    units: list[tuple[Unit, str]] = []
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for unit in article_units(article):
        found = shown.get(unit.msgid)
        if found is None:
            found = shown[unit.msgid] = resolve(unit.msgid, lang, lookup, outdated)
        units.append((unit, found.state))
        counts["translated" if found.state == "source" else found.state] += 1
    layer_states = []
    for item in layer:
        got = resolve(item.unit.msgid, lang, lambda _msgid, t=item.translation: t)  # type: ignore[misc]
        layer_states.append(UnitState(item.unit, item.catalog, got))
        counts["translated" if got.state == "source" else got.state] += 1
    return TranslationStates(lang, tuple(units), shown, counts, tuple(layer_states), article.slug, unreadable)


@dataclass(frozen=True)
class WorkItem:
    """A unit that needs a translator's work, as ``explainer coverage --list`` and the build log show it.

    ``state``: ``untranslated``, ``fuzzy`` (flagged in the PO file), ``outdated`` (its Arabic
    changed and ``explainer update`` has not run) or ``finding`` (a current translation a
    check questions); ``detail``: the reason (:data:`REASONS`) or the finding; ``path`` and
    ``line``: the PO file and the line of the entry to edit (for ``outdated``, the entry of
    the old msgid; ``None``: the file has no entry yet).
    """

    slug: str
    lang: str
    segment_id: str
    state: str
    detail: str
    path: str
    line: int | None
    msgid: str

    def location(self) -> str:
        """``path:line``, or ``path`` when the file has no entry for the unit yet."""
        return f"{self.path}:{self.line}" if self.line else self.path
