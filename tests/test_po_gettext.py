"""PO files as GNU gettext writes them: msgcat leaves every file byte-identical, msgfmt --check is clean."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from explainer.cli import main as explainer
from explainer.translate.catalog import read_catalog
from explainer.translate.pofile import wrap_string

from .conftest import ROOT, make_project

pytestmark = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed")

LONG = ("تمكنت شركة صينية ناشئة في مجال الذكاء الاصطناعي تدعى DeepSeek من تطوير نظام يتنافس مع قادة الصناعة "
        "على عدة مقاييس، وقد فعلت ذلك بموارد محدودة — أكثر بكثير «مقارنة» بالأموال (التي) تمتلكها الشركات.")
SEED = f"""عنوان المقالة عن الشركات الناشئة

{LONG}

## قسم أول طويل العنوان

فقرة ثانية فيها كلمات كثيرة عن الموضوع نفسه، وتفاصيل أخرى عن النماذج والرقائق والحوسبة والتدريب المكلف جدا.

فقرة ثالثة ستحذف لاحقا من المقالة، وفيها ترجمة قديمة محفوظة.

- بند أول في القائمة
- بند ثان في القائمة
"""


def _msgcat_changes(path: Path, tmp: Path) -> bool:
    out = tmp / f"{path.name}.msgcat"
    subprocess.run(["msgcat", str(path), "-o", str(out)], check=True, capture_output=True)
    if not out.exists():  # msgcat writes nothing for a catalog with only its header (facts.pot of a seed without facts)
        assert not [m for m in read_catalog(path) if m.id], path
        return False
    return out.read_bytes() != path.read_bytes()


def test_msgcat_changes_no_file_under_locales(tmp_path: Path) -> None:
    files = sorted([*(ROOT / "locales").glob("*.pot"), *(ROOT / "locales").glob("*/LC_MESSAGES/*.po")])
    assert len(files) >= 9
    assert [f.relative_to(ROOT).as_posix() for f in files if _msgcat_changes(f, tmp_path)] == []


def _translate_all(po: Path, text: str = "An English translation that is long enough to need wrapping at the "
                   "end of the line, with \"quotes\" and a backslash \\ too.") -> None:
    catalog = po.read_text("utf-8")
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    po.write_text(catalog.replace('msgstr ""\n\n', f'msgstr "{escaped}"\n\n').replace(
        'msgstr ""\n' if catalog.endswith('msgstr ""\n') else "\0", f'msgstr "{escaped}"\n'), "utf-8")


def test_written_files_with_fuzzy_obsolete_long_and_multiline_entries_survive_msgcat(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"start.txt": SEED})
    assert explainer(["--root", str(project), "update"]) == 0
    po = project / "locales/en/LC_MESSAGES/start.po"
    _translate_all(po)
    # a multi-line translation, and a translator comment
    text = po.read_text("utf-8").replace('#. title title', '# checked by the editor\n#. title title', 1)
    po.write_text(text.replace('msgstr "An English', 'msgstr "Line one\\nline two\\nAn English', 1), "utf-8")
    seed = SEED.replace("محدودة", "قليلة").replace("فقرة ثالثة ستحذف لاحقا من المقالة، وفيها ترجمة قديمة محفوظة.\n\n", "")
    (project / "seeds/start.txt").write_text(seed, "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    written = po.read_text("utf-8")
    assert "#, fuzzy" in written and "#| msgid" in written and "#~ msgid" in written and "\\n" in written
    files = [*project.glob("locales/*.pot"), *project.glob("locales/*/LC_MESSAGES/*.po")]
    assert [f.name for f in files if _msgcat_changes(f, tmp_path)] == []


def test_wrapping_matches_msgcat_on_random_prose(tmp_path: Path) -> None:
    words = (ROOT / "seeds/deepseek.txt").read_text("utf-8").split() + \
        (ROOT / "locales/en/LC_MESSAGES/deepseek.po").read_text("utf-8").split()
    marks = list(",.;:!?()[]«»“”\"'-–—/%$…،؛؟٪\\") + ["\n", "\t", "\u064e", "\u200f", "\u00a0", "١٢٣"]
    rng = random.Random(12)
    lines = wrap_string("msgid", "") + wrap_string("msgstr", "Content-Type: text/plain; charset=UTF-8\n") + [""]
    obsolete: list[str] = []
    for index in range(600):
        parts = []
        for _ in range(rng.randint(1, 50)):
            word, roll = rng.choice(words), rng.random()
            parts.append(word + rng.choice(marks) if roll < 0.15 else rng.choice(marks) + word if roll < 0.22 else word)
        text = " ".join(parts) + ("\n" if index % 5 == 0 else "")
        prefix = "#~ " if index % 3 == 1 else ""
        entry = (["#, fuzzy", *wrap_string("msgid", text[::-1], "#| ")] if index % 3 == 2 else []) + \
            wrap_string("msgctxt", f"c{index}", prefix) + wrap_string("msgid", text, prefix) + \
            wrap_string("msgstr", text, prefix)
        (obsolete if prefix else lines).extend([*entry, ""])
    path = tmp_path / "random.po"
    path.write_text("\n".join(lines + obsolete).rstrip("\n") + "\n", "utf-8")
    assert not _msgcat_changes(path, tmp_path)


def test_new_catalogs_pass_msgfmt_check(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"start.txt": SEED})
    assert explainer(["--root", str(project), "update"]) == 0
    created = sorted(project.glob("locales/*/LC_MESSAGES/*.po"))
    assert {p.name for p in created} >= {"start.po", "facts.po", "ui.po"}
    for path in created:
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0 and result.stderr == "", (path, result.stderr)
    header = read_catalog(project / "locales/en/LC_MESSAGES/start.po")
    assert header.locale_identifier == "en" and header.num_plurals == 2
    assert "charset=UTF-8" in (project / "locales/en/LC_MESSAGES/start.po").read_text("utf-8")


def test_update_says_created_and_names_templates(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"start.txt": SEED})
    assert explainer(["--root", str(project), "update"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "locales/start.pot: created (template)" in out
    assert "locales/en/LC_MESSAGES/start.po: created" in out
    assert "locales/facts.pot: created (template)" in out
    assert explainer(["--root", str(project), "update"]) == 0
    again = capsys.readouterr().out.splitlines()
    assert "locales/en/LC_MESSAGES/start.po: unchanged" in again and not any("created" in l or "updated" in l for l in again)
    (project / "seeds/start.txt").write_text(SEED.replace("محدودة", "قليلة"), "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    third = capsys.readouterr().out.splitlines()
    assert "locales/start.pot: updated (template)" in third and "locales/en/LC_MESSAGES/start.po: updated" in third


def _references(po: Path) -> dict[str, int]:
    """Segment id -> the line of its ``#:`` reference."""
    return {m.auto_comments[0].split()[0]: m.locations[0][1] for m in read_catalog(po) if m.id}


@pytest.mark.parametrize("head", ["", "\n\n", "تكنولوجيا\n27 يناير 2025\n\n"])
def test_every_reference_points_at_its_seed_line(tmp_path: Path, head: str) -> None:
    seed = head + SEED
    project = make_project(tmp_path, seeds={"start.txt": seed})
    assert explainer(["--root", str(project), "update"]) == 0
    lines = seed.splitlines()
    catalog = read_catalog(project / "locales/start.pot")
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        line = lines[message.locations[0][1] - 1]
        first_words = message.id.split()[:2]
        assert all(word in line for word in first_words), (message.auto_comments, line)
        checked += 1
    assert checked == 7  # title, lede, heading, two paragraphs, two list items
    assert _references(project / "locales/start.pot")["title"] == len(head.splitlines()) + 1


def test_derived_title_points_at_its_sentence(tmp_path: Path) -> None:
    seed = "\n\nتكنولوجيا\n\n" + LONG + "\n\nفقرة ثانية فيها كلمات كثيرة عن الموضوع نفسه، وتفاصيل أخرى.\n"
    project = make_project(tmp_path, seeds={"derived.txt": seed})
    assert explainer(["--root", str(project), "update"]) == 0
    refs = _references(project / "locales/derived.pot")
    title_line = seed.splitlines()[refs["title"] - 1]
    assert title_line.startswith("تمكنت شركة صينية"), title_line


def test_references_wrap_like_msgcat(tmp_path: Path) -> None:
    from explainer.translate.pofile import _references

    rng = random.Random(3)
    blocks = ["\n".join(wrap_string("msgid", "") + wrap_string("msgstr", "Content-Type: text/plain; charset=UTF-8\n"))]
    for index in range(200):
        locations = [(f"seeds/{'a' * rng.randint(1, 40)}.txt", rng.randint(1, 20000)) for _ in range(rng.randint(1, 8))]
        blocks.append("\n".join(_references(locations) + wrap_string("msgctxt", f"c{index}") + wrap_string("msgid", "x")
                                + wrap_string("msgstr", "")))
    path = tmp_path / "refs.po"
    path.write_text("\n\n".join(blocks) + "\n", "utf-8")
    assert sum(block.count("\n#:") for block in blocks) > 50  # many references run over one line
    assert not _msgcat_changes(path, tmp_path)


def test_msgfmt_check_is_clean_on_every_catalog_of_the_repository() -> None:
    for path in sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po")):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0 and result.stderr == "", (path, result.stderr)
