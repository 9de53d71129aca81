"""The fuzzy match of ``explainer update``, done in memory: an edited paragraph keeps its old English.

When a segment's Arabic changed and ``explainer update`` has not run yet, its catalog
still holds the translation under the old msgid. The build (and ``mkdocs serve``)
then asks :func:`outdated_matches` what ``update`` would do: it runs the workflow's own
merge (:func:`explainer.translate.workflow.merge`, the same similarity, cutoff and
one-match-per-old-entry rules) on an in-memory copy of the catalog, and every unit that
merge would give an old translation, marked ``fuzzy``, is shown with that translation
under "to be reviewed" (state ``fuzzy``, reason ``outdated``) instead of the Arabic
under "not yet translated". Nothing is written: ``update`` writes the same result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from babel.messages.catalog import Catalog

from explainer.translate.catalog import Translation
from explainer.translate.segment import Unit

Key = tuple[str, str]  # (msgctxt, msgid)


def outdated_matches(units: Sequence[Unit], translations: Mapping[Key, Translation]) -> dict[Key, tuple[str, Translation]]:
    """What ``update`` would carry over to the units that have no entry in ``translations`` yet.

    Input: an article's units and the translations of its catalog (``(msgctxt, msgid)`` ->
    :class:`~explainer.translate.catalog.Translation`, as the build reads them). Output:
    ``(msgctxt, new msgid) -> (old msgid, Translation(old msgstr, fuzzy=True))`` for every
    unit the merge matches to a translated entry whose msgid no unit has any more. Empty
    (and cheap) when every unit has an entry or no entry has vanished.
    """
    wanted = {(unit.msgctxt, unit.msgid) for unit in units}
    missing = {key for key in wanted if key not in translations}
    if not missing:
        return {}
    contexts = {ctxt for ctxt, _msgid in missing}
    if not any(key not in wanted and key[0] in contexts for key in translations):
        return {}
    from explainer.translate.workflow import merge  # workflow imports the modules that import this one

    old = Catalog(fuzzy=False)
    for (ctxt, msgid), found in translations.items():
        if ctxt in contexts:
            old.add(msgid, found.text, context=ctxt, flags=["fuzzy"] if found.fuzzy else [])
    template = Catalog(fuzzy=False)
    for unit in units:
        if template.get(unit.msgid, context=unit.msgctxt) is None:
            template.add(unit.msgid, "", context=unit.msgctxt)
    matches: dict[Key, tuple[str, Translation]] = {}
    for message in merge(old, template):
        key = (message.context or "", str(message.id))
        if key in missing and message.string and message.previous_id:
            matches[key] = (str(message.previous_id[0]), Translation(str(message.string), True))
    return matches
