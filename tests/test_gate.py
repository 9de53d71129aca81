"""The translation gate: off by default (a deploy never waits for a translator); set, it stops ``mkdocs build``
and ``explainer coverage`` below its minimum or on findings; ``serve`` keeps previewing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_build
from .test_plugin import _with_options
from .test_translation_state import ENGLISH, _coverage, _fill, _project, _row


def _partial(tmp_path: Path) -> Path:
    """The tea article with 4 of its 5 segments translated (80%)."""
    project = _project(tmp_path)
    _fill(project, {k: v for k, v in ENGLISH.items() if not k.startswith("ويحب")})
    return project


def test_without_a_gate_a_partial_translation_builds_with_strict(tmp_path: Path) -> None:
    build = run_build(_partial(tmp_path), tmp_path / "site")
    assert build.returncode == 0, build.log
    assert (tmp_path / "site/en/tea/index.html").exists()


def test_the_gate_stops_the_build_below_its_minimum(tmp_path: Path, capsys) -> None:
    project = _with_options(_partial(tmp_path), "    translation_gate: {min_coverage: 90}\n")
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 1
    assert "translation gate (extra.explainer.translation_gate) not met:" in build.log
    assert "article 'tea' (en) is 80% translated, below min_coverage 90%" in build.log
    assert "Traceback" not in build.log
    status, _out, err = _coverage(project, capsys)   # the command applies the same minimum by default
    assert status == 1 and "coverage below the threshold of 90%: tea (en)" in err
    served = run_build(project, tmp_path / "served", strict=False, command="serve")
    assert served.returncode == 0, served.log
    assert "ERROR   -  explainer: translation gate" in served.log and "the preview goes on" in served.log
    (tmp_path / "b").mkdir()
    lowered = _with_options(_partial(tmp_path / "b"), "    translation_gate: 80\n")
    assert run_build(lowered, tmp_path / "b/site").returncode == 0


def test_the_gate_can_stop_on_findings(tmp_path: Path, capsys) -> None:
    project = _with_options(_project(tmp_path), "    translation_gate: {min_coverage: 0, fail_on_findings: true}\n")
    msgid = "عنوان مقالة الشاي"
    _fill(project, ENGLISH | {msgid: "The (tea article"})  # a bracket left open
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "article 'tea', segment title (en): brackets: unbalanced () in the msgstr" in build.log
    status, out, _err = _coverage(project, capsys)
    assert status == 1 and _row(out)[-2:] == ["1", "100%"]


@pytest.mark.parametrize(("block", "message"), [
    ("    translation_gate: {min_coverage: 101}\n", "min_coverage: expected a whole percent from 0 to 100, got 101"),
    ("    translation_gate: {min: 90}\n", "unknown key 'min' (keys: fail_on_findings, min_coverage)"),
    ("    translation_gate: {fail_on_findings: yes please}\n", "fail_on_findings: expected true or false"),
])
def test_a_bad_gate_is_a_config_error(tmp_path: Path, block: str, message: str) -> None:
    project = _with_options(_project(tmp_path), block)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert f"Config value 'extra.explainer.translation_gate': {message}" in build.log
