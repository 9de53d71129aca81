"""Babel extraction method for seeds, so ``pybabel extract`` can read them.

Registered as the entry point ``explainer_seed`` in the group
``babel.extractors`` (``pyproject.toml``) and used from the mapping file
``babel.cfg``::

    [explainer_seed: seeds/*.txt]

``pybabel extract -F babel.cfg -o locales/<slug>.pot seeds/<slug>.txt`` then
yields the same messages as ``explainer extract`` (msgctxt = slug, msgid = the
Arabic segment, ``#:`` seed line, ``#. segment-id kind``); only its header
differs (Babel stamps the current time and marks the template fuzzy), which is
why ``explainer extract`` remains the reproducible way to write templates.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from explainer.site import load_seed
from explainer.translate.segment import article_units


def extract_seed(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
                 options: Mapping[str, Any]) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extractor: yield ``(line, "pgettext", (msgctxt, msgid), [comment])`` per translation unit.

    Input: a seed opened by Babel (its ``name`` is the path; the project root is
    the current folder, or the ``root`` option of the mapping section). The
    ``pgettext`` keyword (Babel default ``((1, 'c'), 2)``) makes Babel store the
    first element as msgctxt. Raises :class:`explainer.errors.SeedError` on a bad seed.
    """
    root = Path(options.get("root", ".")).resolve()
    article = load_seed(Path(fileobj.name).resolve(), root)
    for unit in article_units(article):
        yield unit.line, "pgettext", (unit.msgctxt, unit.msgid), [f"{unit.segment_id} {unit.kind}"]
