"""Renamed, deleted and bad seeds: translations follow a renamed seed, orphans are reported, one bad seed blocks nothing."""

from __future__ import annotations

from pathlib import Path

from explainer.cli import main as explainer
from explainer.options import read_options
from explainer.site import build_site
from explainer.translate.catalog import read_catalog

from .conftest import ROOT, make_project, run_build

SEED = (ROOT / "seeds/deepseek.txt").read_text("utf-8")
FACTS = (ROOT / "seeds/deepseek.facts.yml").read_text("utf-8")
PO = ROOT / "locales/en/LC_MESSAGES/deepseek.po"


def _coverage(project: Path) -> dict[str, dict[str, dict[str, int]]]:
    return build_site(read_options(project), project).coverage


def _renamed_project(tmp_path: Path) -> Path:
    """The real project after ``git mv seeds/deepseek.txt seeds/deepseek-r1.txt`` (and its facts file)."""
    project = make_project(tmp_path, seeds={"deepseek-r1.txt": SEED, "deepseek-r1.facts.yml": FACTS}, copy_locales=True)
    (tmp_path / "orig").mkdir()
    before = _coverage(make_project(tmp_path / "orig", seeds={"deepseek.txt": SEED, "deepseek.facts.yml": FACTS},
                                    copy_locales=True))
    assert before["deepseek"]["en"]["untranslated"] == before["deepseek"]["en"]["fuzzy"] == 0
    return project


def test_update_recognises_a_renamed_seed_by_its_msgids(tmp_path: Path, capsys) -> None:
    project = _renamed_project(tmp_path)
    assert explainer(["--root", str(project), "update"]) == 0
    out = capsys.readouterr().out
    assert "the seed 'deepseek' was renamed 'deepseek-r1'" in out
    assert "delete" not in out.lower()
    assert not (project / "locales/en/LC_MESSAGES/deepseek.po").exists()
    assert not (project / "locales/deepseek.pot").exists()
    catalog = read_catalog(project / "locales/en/LC_MESSAGES/deepseek-r1.po")
    assert {m.context for m in catalog if m.id} == {"deepseek-r1"}
    facts = read_catalog(project / "locales/en/LC_MESSAGES/facts.po")
    assert "deepseek" not in {m.context for m in facts if m.id}
    counts = _coverage(project)["deepseek-r1"]["en"]
    assert counts["translated"] > 10 and counts["fuzzy"] == counts["untranslated"] == 0
    assert explainer(["--root", str(project), "check"]) == 0
    assert "delete" not in capsys.readouterr().out.lower()


def test_rename_command_moves_seed_files_catalogs_and_msgctxt(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED, "deepseek.facts.yml": FACTS}, copy_locales=True)
    assert explainer(["--root", str(project), "rename", "deepseek", "deepseek-r1"]) == 0
    assert sorted(p.name for p in (project / "seeds").iterdir()) == ["deepseek-r1.facts.yml", "deepseek-r1.txt"]
    assert (project / "locales/deepseek-r1.pot").exists() and not (project / "locales/deepseek.pot").exists()
    assert {m.context for m in read_catalog(project / "locales/en/LC_MESSAGES/deepseek-r1.po") if m.id} == {"deepseek-r1"}
    capsys.readouterr()
    assert explainer(["--root", str(project), "update"]) == 0
    assert "warning" not in capsys.readouterr().out
    counts = _coverage(project)["deepseek-r1"]["en"]
    assert counts["translated"] > 10 and counts["fuzzy"] == counts["untranslated"] == 0


def test_rename_refuses_a_taken_slug_and_changes_nothing(tmp_path: Path, capsys) -> None:
    other = "الشاي مشروب شعبي في العالم العربي، يشربه الناس في كل وقت.\n"
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED, "tea.txt": other}, copy_locales=True)
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if "hooks" not in p.parts)
    assert explainer(["--root", str(project), "rename", "deepseek", "tea"]) == 1
    assert "tea.txt: exists already" in capsys.readouterr().err
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if "hooks" not in p.parts) == before


def test_orphan_catalog_is_reported_by_check_and_build(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"tea.txt": "الشاي مشروب شعبي في العالم العربي، يشربه الناس في كل وقت.\n"},
                           copy_locales=True)
    assert explainer(["--root", str(project), "update"]) == 0
    capsys.readouterr()
    assert explainer(["--root", str(project), "check"]) == 0
    assert explainer(["--root", str(project), "check", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "warning: locales/en/LC_MESSAGES/deepseek.po: no seed has the slug 'deepseek'" in out
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1  # --strict: a catalog without a seed is an input problem to fix
    assert "locales/en/LC_MESSAGES/deepseek.po: no seed has the slug 'deepseek'" in build.log
    assert "locales/deepseek.pot: no seed has the slug 'deepseek'" in build.log


def test_orphan_whose_msgids_match_a_seed_is_never_advised_for_deletion(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, copy_locales=True)
    copy = PO.read_text("utf-8").replace('msgctxt "deepseek"', 'msgctxt "deepseek-old"')
    (project / "locales/en/LC_MESSAGES/deepseek-old.po").write_text(copy, "utf-8")
    assert explainer(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if "deepseek-old.po" in l)
    assert "are in the seed 'deepseek'" in line and "explainer rename deepseek-old deepseek" in line
    assert "delete" not in line


def test_fuzzy_entry_comes_back_from_obsolete_still_fuzzy(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, copy_locales=True)
    po = project / "locales/en/LC_MESSAGES/deepseek.po"
    old = "نجح في الاستيلاء على 10 آلاف شريحة"
    paragraph = next(line for line in SEED.splitlines() if old in line)
    edited = SEED.replace(old, "نجح في الاستيلاء على عشرة آلاف شريحة")
    (project / "seeds/deepseek.txt").write_text(edited, "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    fuzzy = [m for m in read_catalog(po) if m.id and m.fuzzy]
    assert len(fuzzy) == 1 and fuzzy[0].previous_id
    (project / "seeds/deepseek.txt").write_text(edited.replace(paragraph.replace(old, "نجح في الاستيلاء على عشرة آلاف شريحة")
                                                               + "\n", ""), "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    catalog = read_catalog(po)
    gone = [m for m in catalog.obsolete.values() if m.id == fuzzy[0].id]
    assert len(gone) == 1 and gone[0].fuzzy and list(gone[0].previous_id) == list(fuzzy[0].previous_id)
    assert "#~| msgid" in po.read_text("utf-8")
    (project / "seeds/deepseek.txt").write_text(edited, "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    back = [m for m in read_catalog(po) if m.id == fuzzy[0].id]
    assert len(back) == 1 and back[0].fuzzy and back[0].string == fuzzy[0].string
    assert list(back[0].previous_id) == list(fuzzy[0].previous_id)


def test_reverted_seed_edit_drops_the_fuzzy_flag(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, copy_locales=True)
    old = "نجح في الاستيلاء على 10 آلاف شريحة"
    (project / "seeds/deepseek.txt").write_text(SEED.replace(old, "نجح في الاستيلاء على عشرة آلاف شريحة"), "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    assert any(m.fuzzy for m in read_catalog(project / "locales/en/LC_MESSAGES/deepseek.po") if m.id)
    (project / "seeds/deepseek.txt").write_text(SEED, "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    assert (project / "locales/en/LC_MESSAGES/deepseek.po").read_bytes() == PO.read_bytes()


def test_msgid_edited_in_the_po_is_reported_by_check(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, copy_locales=True)
    po = project / "locales/en/LC_MESSAGES/deepseek.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace("الذكاء الاصطناعي", "الذكاء الصناعي", 1), "utf-8")
    assert explainer(["--root", str(project), "check", "--strict"]) == 1
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if "matches no passage" in l)
    number = int(line.split("deepseek.po:")[1].split(":")[0])
    assert "الذكاء الصناعي" in "".join(po.read_text("utf-8").splitlines()[number - 1:number + 4])


def test_a_bad_seed_does_not_block_update_or_check_for_the_others(tmp_path: Path, capsys) -> None:
    seeds = {"empty.txt": "", "binary.txt": b"\xff\xfe\x00\x81 not text", "tea.txt": "الشاي مشروب شعبي في العالم العربي.\n"}
    project = make_project(tmp_path, seeds=seeds)
    assert explainer(["--root", str(project), "update"]) == 1
    captured = capsys.readouterr()
    assert "locales/en/LC_MESSAGES/tea.po: created" in captured.out
    assert "seeds/empty.txt" in captured.err and "seeds/binary.txt" in captured.err
    assert "Traceback" not in captured.err
    assert not (project / "locales/en/LC_MESSAGES/empty.po").exists()
    assert "no seed has the slug" not in captured.out
    assert explainer(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out
    assert "seeds/tea.txt: tea" in out and "seeds/empty.txt" in out and "seeds/binary.txt" in out
