"""Atomic writes, and a command line that survives Ctrl-C, a full disk, a closed pipe and a busy port.

"Whole" is checked on the real files: after an interrupted ``explainer update`` every file under
``locales/`` is byte-identical to its old version or to the version a complete run writes,
and no temporary file is left.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explainer.cli import main as explainer
from explainer.fileio import atomic_write_bytes, atomic_write_text

from .conftest import make_project

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds/deepseek.txt").read_text("utf-8")
FACTS = (ROOT / "seeds/deepseek.facts.yml").read_text("utf-8")
OLD = "وهي ليست رخيصة الثمن على الإطلاق"
NEW = "وهي ليست رخيصة الثمن أبدًا"
SECOND = "مقالة ثانية قصيرة عن الطاقة الشمسية.\n- الألواح\nتنتج الألواح الكهرباء من ضوء الشمس في النهار.\n"
CLI = [sys.executable, "-m", "explainer"]


# -- the module ---------------------------------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def test_atomic_write_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text("old", "utf-8")
    path.chmod(0o640)
    atomic_write_text(path, "جديد")
    assert path.read_text("utf-8") == "جديد" and (path.stat().st_mode & 0o777) == 0o640
    atomic_write_bytes(tmp_path / "new" / "b.pot", b"x")  # a missing folder is created
    assert (tmp_path / "new" / "b.pot").read_bytes() == b"x" and not _leftovers(tmp_path)


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch,
                                                                        failure: BaseException) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"old content")

    def fail(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(type(failure)) as caught:
        atomic_write_bytes(path, b"new content that never lands")
    if isinstance(failure, OSError):
        assert caught.value.filename == str(path) and caught.value.errno == errno.ENOSPC  # type: ignore[attr-defined]
    assert path.read_bytes() == b"old content" and not _leftovers(tmp_path)


# -- explainer update, interrupted --------------------------------------------------------------

def _snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "locales").rglob("*"))
            if p.is_file()}


@pytest.fixture()
def projects(tmp_path: Path):
    """A project whose `update` rewrites some catalogs and creates others; its state before and after."""
    seeds = {"deepseek.txt": SEED.replace(OLD, NEW), "deepseek.facts.yml": FACTS, "second.txt": SECOND}
    def fresh(name: str) -> Path:
        (tmp_path / name).mkdir()
        return make_project(tmp_path / name, seeds=seeds, copy_locales=True)

    reference = fresh("reference")
    before = _snapshot(reference)
    assert explainer(["--root", str(reference), "update"]) == 0
    after = _snapshot(reference)
    changed = {name for name in after if before.get(name) != after[name]}
    assert {"locales/deepseek.pot", "locales/en/LC_MESSAGES/deepseek.po", "locales/second.pot",
            "locales/en/LC_MESSAGES/second.po"} <= changed
    return fresh, before, after


def _assert_whole(project: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
    state = _snapshot(project)
    assert not _leftovers(project / "locales"), _leftovers(project / "locales")
    assert set(state) <= set(after)
    for name, data in state.items():
        assert data in (before.get(name), after[name]), f"{name} is neither the old nor the new file"
    for name in set(before) - set(state):
        raise AssertionError(f"{name} disappeared")


def test_ctrl_c_in_the_middle_of_update_leaves_every_file_whole(projects, monkeypatch, capsys) -> None:
    fresh, before, after = projects
    project = fresh("interrupted")
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third file is being written
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    assert explainer(["--root", str(project), "update"]) == 130
    monkeypatch.setattr(os, "replace", real_replace)
    err = capsys.readouterr().err
    assert "explainer update: interrupted; every file it wrote is whole" in err and "Traceback" not in err
    _assert_whole(project, before, after)
    assert _snapshot(project) != after  # it did stop early ...
    assert explainer(["--root", str(project), "update"]) == 0
    assert _snapshot(project) == after  # ... and a second run finishes the job


@pytest.mark.parametrize("delay", [0.1, 0.2, 0.3, 0.45, 0.6, 0.9, 1.2])
def test_sigint_to_a_running_update_leaves_every_file_whole(projects, delay: float) -> None:
    fresh, before, after = projects
    project = fresh("sigint")
    started = time.monotonic()
    proc = subprocess.Popen([*CLI, "--root", str(project), "update"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert proc.stdout is not None
    # The Ctrl-C must reach the command while it works, not Python's own start-up (the site module,
    # before any of our code can run), which a loaded machine can stretch past `delay`: wait for the
    # first line the command prints (it has loaded and written a file), then for the rest of `delay`.
    first = proc.stdout.readline()
    time.sleep(max(0.0, delay - (time.monotonic() - started)))
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert first or proc.returncode == 0, err
    assert proc.returncode in (0, 130, -signal.SIGINT), err
    assert "Traceback" not in err
    _assert_whole(project, before, after)


def _small_file_limit() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))


def test_update_on_a_full_disk_names_the_file_and_leaves_every_file_whole(projects) -> None:
    """A file-size limit stands in for a full disk: the write of any catalog over 6,000 bytes fails."""
    fresh, before, after = projects
    project = fresh("full")
    assert any(len(data) > 6000 for data in after.values())
    proc = subprocess.run([*CLI, "--root", str(project), "update"], capture_output=True, text=True,
                          preexec_fn=_small_file_limit, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "error: locales/" in proc.stderr and ": cannot write: File too large" in proc.stderr
    assert "run the command again" in proc.stderr
    _assert_whole(project, before, after)


# -- closed pipes ---------------------------------------------------------------------------------

def test_update_writing_into_a_closed_pipe_finishes_its_work(projects) -> None:
    fresh, _before, after = projects
    project = fresh("pipe")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every print meets a closed pipe
    try:
        proc = subprocess.run([*CLI, "--root", str(project), "update"], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"), check=False)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert _snapshot(project) == after


@pytest.mark.parametrize("command", ["check", "update"])
def test_piped_into_head_no_traceback_and_update_does_not_stop_halfway(projects, command: str) -> None:
    fresh, before, after = projects
    project = fresh(f"head-{command}")
    shell = f"{' '.join(CLI)} --root {project} {command} | head -n 1"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False,
                          env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 1 and proc.stdout.startswith(("locales/", "seeds/", "warning:"))
    assert _snapshot(project) == (after if command == "update" else before)


# -- make serve on a busy port ---------------------------------------------------------------------

def test_make_serve_on_a_busy_port_says_how_to_pick_another() -> None:
    if shutil.which("make") is None:
        pytest.fail("make is missing: the README's commands need it")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        start = time.perf_counter()
        # -o: treat the venv as current (the test runs inside it); nothing may be built or served.
        proc = subprocess.run(["make", "-s", "-o", ".venv/.installed", "serve", f"PORT={port}"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode != 0 and time.perf_counter() - start < 30
    assert f"error: port {port} on 127.0.0.1 is already in use" in proc.stderr
    assert f"make serve PORT={port + 1}" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout and "Building documentation" not in proc.stderr
