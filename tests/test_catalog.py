"""Stage 4: PO catalogs read with Babel; the workflow writes reproducible files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainer.errors import CatalogError
from explainer.site import load_seed
from explainer.translate.catalog import Translation, load_translations, read_catalog
from explainer.translate.segment import article_units

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


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
BROKEN_PO = [
    ('msgid "a"\nmsgstr "b\n', 6, "unterminated string"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 8, "duplicate message: msgid 'a' is already defined on line 5"),
    ('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n', 9,
     "duplicate message (msgctxt 'x'): msgid 'a' is already defined on line 5"),
    ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 5, "msgid without a msgstr"),
    ('msgid "a"\nmsgstr "b"\n"c\n', 7, "unterminated string"),
    ('msgid "a"\nmsgstr[0] "b"\n', 5, "msgstr[N] without msgid_plural"),
    ('msgstr "b"\n', 5, "msgstr without a msgid before it"),
    ('msgid "a"\nmsgstr "b" x\n', 6, "unexpected text after the string"),
    ('#, fuzzy\nmsgid "a"\nmsgstr "b"\n"\\z"\n', 8, "invalid escape sequence '\\z'"),
    ('msgid "a\\n"\nmsgstr "b"\n', 5, "msgid and msgstr must both end with '\\n' or neither"),
    ('#, python-brace-format\nmsgid "{n} a"\nmsgstr "b {m}"\n', 6,
     "the msgstr must use the placeholders of the msgid (n)"),
]


@pytest.mark.parametrize(("body", "line", "problem"), BROKEN_PO)
def test_scanner_reports_line_and_problem(tmp_path: Path, body: str, line: int, problem: str) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text(HEADER + body, "utf-8")
    with pytest.raises(CatalogError) as info:
        load_translations(bad, "locales/en/LC_MESSAGES/bad.po")
    assert str(info.value).startswith(f"locales/en/LC_MESSAGES/bad.po:{line}: malformed PO file: {problem}")
    assert shutil.which("msgfmt"), "gettext's msgfmt is installed by `make test` (make system-deps)"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode != 0, body  # GNU gettext agrees that the file is broken


def test_gettext_previous_and_obsolete_lines_are_read(tmp_path: Path) -> None:
    good = tmp_path / "good.po"
    good.write_text(HEADER + '#, fuzzy\n#| msgctxt "x"\n#| msgid ""\n#| "old "\n#| "text"\nmsgctxt "x"\nmsgid "new text"\n'
                    'msgstr "nouveau"\n\n#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "parti"\n', "utf-8")
    catalog = read_catalog(good)
    [message] = [m for m in catalog if m.id]
    assert (message.previous_id, message.user_comments, message.fuzzy) == (["old text"], [], True)
    assert [m.string for m in catalog.obsolete.values()] == ["parti"]
    assert load_translations(good) == {("x", "new text"): Translation("nouveau", True)}


def test_control_characters_and_bad_headers_are_reported(tmp_path: Path) -> None:
    control = tmp_path / "control.po"
    control.write_text(HEADER + 'msgid "a"\nmsgstr "b\x01"\n', "utf-8")
    with pytest.raises(CatalogError, match=r"^x.po:6: malformed PO file: control character U\+0001 in the text"):
        load_translations(control, "x.po")
    header = tmp_path / "header.po"
    header.write_text(HEADER.replace('\n\n', '\n"Plural-Forms: nplurals=x; plural=;\\n"\n\n', 1)
                      + 'msgid "a"\nmsgstr "b"\n', "utf-8")
    with pytest.raises(CatalogError, match=r"^x.po:4: malformed PO file header: "):
        load_translations(header, "x.po")
