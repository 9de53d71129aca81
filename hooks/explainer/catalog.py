"""Stage 4: gettext PO catalogs (read and written with Babel) -> translations.

Layout (GNU gettext / Babel convention)::

    locales/<slug>.pot                      template, made from the seed
    locales/<lang>/LC_MESSAGES/<slug>.po    one catalog per article and language

A translation is *current* only when its msgstr is non-empty and the entry is
not marked ``fuzzy`` (gettext semantics: fuzzy entries are not used by msgfmt).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from .errors import CatalogError


@dataclass(frozen=True)
class Translation:
    """The msgstr of one message and whether gettext would consider it stale."""

    text: str
    fuzzy: bool


Translations = dict[tuple[str, str], Translation]


def po_path(locales_dir: Path, lang: str, slug: str) -> Path:
    """Path of the PO catalog of article ``slug`` in language ``lang``."""
    return locales_dir / lang / "LC_MESSAGES" / f"{slug}.po"


def read_catalog(path: Path, display_path: str | None = None) -> Catalog:
    """Read a PO file with Babel, strictly.

    Input: the file path. Output: a Babel ``Catalog``. Raises
    :class:`CatalogError` naming the file and line for syntax errors, bad
    encoding or a file Babel cannot read (``read_po(abort_invalid=True)``).
    """
    shown = display_path or str(path)
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        problem = exc.args[0].rsplit(" on ", 1)[0] if exc.args else "syntax error"
        raise CatalogError(shown, exc.lineno, f"malformed PO file: {problem}: {exc.line.strip()!r}",
                           "Fix the entry (msgfmt --check-format shows it too), or restore the file from git.") from None
    except (UnicodeDecodeError, LookupError) as exc:
        raise CatalogError(shown, None, f"cannot decode the PO file ({exc})",
                           "PO files must be UTF-8 with 'Content-Type: text/plain; charset=UTF-8'.") from None


def load_translations(path: Path, display_path: str | None = None) -> Translations:
    """Load the translations of one PO file, keyed by ``(msgctxt, msgid)``.

    Output: a dict; entries with an empty msgstr are left out, fuzzy ones kept
    with ``fuzzy=True``. A missing file gives an empty dict (nothing translated).
    Raises :class:`CatalogError` as :func:`read_catalog` does.
    """
    if not path.exists():
        return {}
    catalog = read_catalog(path, display_path)
    found: Translations = {}
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
            continue
        if message.string:
            found[(message.context or "", message.id)] = Translation(message.string, message.fuzzy)
    return found
