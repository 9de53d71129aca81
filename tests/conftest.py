"""Shared fixtures: the real project built once, and tiny projects built in temp folders.

Builds run in this process through MkDocs' own API (``load_config`` + ``build``, as
MkDocs' tests do), with the log captured as the command line prints it; only the tests
of the command line itself start ``mkdocs`` as a program (:func:`run_cli_build`).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner


@dataclass
class Build:
    """Result of one ``mkdocs build``: exit code, combined log and the output folder."""

    returncode: int
    log: str
    site: Path


class _LogLines(logging.Handler):
    """Collects MkDocs' log as its command line prints it: ``WARNING -  message``."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def run_build(project: Path, dest: Path, strict: bool = True, command: str = "build") -> Build:
    """Build ``project`` into ``dest`` in this process with MkDocs' API (``mkdocs build [--strict]``).

    ``returncode`` is 1 when MkDocs aborts (strict warnings, a plugin or config error), as
    the command line's exit status would be; ``log`` holds every line it would print.
    ``command`` is what the plugins' ``on_startup`` is told (``serve`` previews tolerantly).
    The build runs in a worker thread, as MkDocs' server runs its rebuilds: a test that
    also drives a browser has an event loop running in its own thread.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run() -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(dest), strict=strict)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    handler = _LogLines()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    returncode = 0
    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            worker.submit(run).result()
    except exceptions.MkDocsException as exc:
        handler.lines.append(f"Error: {exc}" if isinstance(exc, exceptions.ConfigurationError) else str(exc))
        returncode = 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Build(returncode, "\n".join(handler.lines) + "\n", dest)


def run_cli_build(project: Path, dest: Path, strict: bool = True) -> Build:
    """Build ``project`` into ``dest`` with the real ``mkdocs`` command line, in a child process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env, cwd=project)
    return Build(proc.returncode, proc.stdout + proc.stderr, dest)


def make_project(base: Path, seeds: dict[str, bytes | str] | None = None,
                 po: dict[str, str] | None = None, copy_locales: bool = False) -> Path:
    """Lay out a project in ``base`` using this repository's config, hooks and theme.

    ``seeds`` maps file names in ``seeds/`` to content; ``po`` maps paths under
    ``locales/`` to PO text; ``copy_locales`` copies the real ``locales/`` first.
    The interface catalogs (``locales/ui.pot``, ``locales/*/LC_MESSAGES/ui.po``)
    are always copied: they belong to the site, not to an article.
    """
    project = base / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "seeds").mkdir()
    for name, content in (seeds or {}).items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (project / "seeds" / name).write_bytes(data)
    if copy_locales:
        shutil.copytree(ROOT / "locales", project / "locales")
    else:
        for ui_file in [ROOT / "locales/ui.pot", *sorted((ROOT / "locales").glob("*/LC_MESSAGES/ui.po"))]:
            target = project / "locales" / ui_file.relative_to(ROOT / "locales")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ui_file, target)
    for rel, text in (po or {}).items():
        path = project / "locales" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return project


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once with ``mkdocs build --strict`` (the command line)."""
    dest = tmp_path_factory.mktemp("site")
    build = run_cli_build(ROOT, dest)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture()
def project_factory(tmp_path: Path):
    """Factory for tiny projects: ``project_factory(seeds={...}, po={...})``."""
    def factory(**kwargs):
        return make_project(tmp_path, **kwargs)
    return factory


@pytest.fixture(scope="module")
def base_url(real_build):
    """The repository's built site served on localhost (module scope); its URL ends in ``/``."""
    from .browser import serve_directory

    with serve_directory(real_build.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (module scope). Fails, never skips, when it is missing."""
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
