"""Catalog workflow on Babel: extract a POT per article, merge it into each PO.

Follows ``pybabel extract`` / ``pybabel update`` semantics: a changed msgid is
fuzzy-matched (difflib, Babel's ``Catalog.update``), keeps its old msgstr, is
marked ``fuzzy`` and records the previous msgid (``#|``); removed messages
become obsolete (``#~``); new ones are empty. A file is rewritten only when
something other than its timestamps changes, so runs are reproducible.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from .catalog import po_path, read_catalog
from .model import Article
from .segment import article_units

PROJECT = "explainers"
_EPOCH = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)
_TIMESTAMP_RE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
WIDTH = 76


def template_for(article: Article) -> Catalog:
    """Build the POT catalog of ``article``: one message per distinct (msgctxt, msgid).

    Each message carries its seed location (``#: seeds/x.txt:LINE``) and an
    extracted comment naming its segment id and kind (``#. s1-p2 paragraph``).
    """
    catalog = Catalog(project=PROJECT, version="1", charset="utf-8", fuzzy=False,
                      creation_date=_EPOCH, revision_date=_EPOCH)
    for unit in article_units(article):
        existing = catalog.get(unit.msgid, context=unit.msgctxt)
        comment = f"{unit.segment_id} {unit.kind}"
        if existing is not None:
            existing.locations.append((article.source_path, unit.line))
            existing.auto_comments.append(comment)
            continue
        catalog.add(unit.msgid, string="", locations=[(article.source_path, unit.line)],
                    auto_comments=[comment], context=unit.msgctxt)
    return catalog


def render_po(catalog: Catalog) -> bytes:
    """Serialize a catalog as PO text (UTF-8), with previous msgids and obsolete entries."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=True, sort_output=False, sort_by_file=False)
    return buffer.getvalue()


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless the file differs from it only in PO timestamps. Returns True if written."""
    if path.exists():
        old = path.read_bytes().decode("utf-8")
        if _TIMESTAMP_RE.sub("", old) == _TIMESTAMP_RE.sub("", content.decode("utf-8")):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def pot_path(locales_dir: Path, slug: str) -> Path:
    """Path of the template of article ``slug``: ``locales/<slug>.pot``."""
    return locales_dir / f"{slug}.pot"


def extract(article: Article, locales_dir: Path) -> bool:
    """Write ``locales/<slug>.pot`` for ``article``. Returns True if the file changed."""
    return write_if_changed(pot_path(locales_dir, article.slug), render_po(template_for(article)))


def update(article: Article, locales_dir: Path, lang: str) -> bool:
    """Merge the article's template into ``locales/<lang>/LC_MESSAGES/<slug>.po``.

    Creates the PO (all msgstr empty) when missing. Returns True if the file changed.
    Raises :class:`~explainer.errors.CatalogError` if the existing PO is malformed.
    """
    template = template_for(article)
    path = po_path(locales_dir, lang, article.slug)
    if path.exists():
        catalog = read_catalog(path)
        catalog.update(template, update_header_comment=False)
        # Babel keeps fuzzy-matched old entries out of `obsolete`; drop obsolete ones that are now live again.
        for key in list(catalog.obsolete):
            if key in catalog._messages:  # noqa: SLF001 - Babel exposes no public membership test by key
                del catalog.obsolete[key]
    else:
        catalog = Catalog(locale=lang, project=PROJECT, version="1", charset="utf-8",
                          creation_date=_EPOCH, revision_date=_EPOCH)
        catalog.update(template)
    catalog.revision_date = _EPOCH
    catalog.creation_date = _EPOCH
    catalog.fuzzy = False
    return write_if_changed(path, render_po(catalog))
