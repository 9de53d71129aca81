"""Stage 4: PO catalogs read with Babel; the workflow writes reproducible files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainer.catalog import load_translations
from explainer.errors import CatalogError
from explainer.segment import article_units
from explainer.site import load_seed

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locales" / "en" / "LC_MESSAGES" / "deepseek.po"


def test_po_covers_every_unit_of_the_seed() -> None:
    article = load_seed(ROOT / "seeds" / "deepseek.txt", ROOT)
    translations = load_translations(PO)
    for unit in article_units(article):
        found = translations.get((unit.msgctxt, unit.msgid))
        assert found is not None and found.text and not found.fuzzy, unit.segment_id


def test_po_names_written_as_the_world_writes_them() -> None:
    with PO.open("rb") as handle:
        text = " ".join(m.string for m in read_po(handle) if m.id)
    for name in ["DeepSeek", "DeepSeek-R1", "OpenAI", "ChatGPT", "Nvidia", "Liang Wenfeng", "Donald Trump",
                 "Stargate", "10,000", "20 January"]:
        assert name in text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is installed by `make test`")
def test_po_valid_for_msgfmt() -> None:
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(PO)], check=True)


def test_malformed_po_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\ngarbage here\n', "utf-8")
    with pytest.raises(CatalogError) as info:
        load_translations(bad, "locales/en/LC_MESSAGES/bad.po")
    assert str(info.value).startswith("locales/en/LC_MESSAGES/bad.po:7: malformed PO file: unknown keyword 'garbage'")
