"""ProperDocs, the maintained fork of MkDocs 1.x, builds this site with ``--strict`` and writes the same pages.

MkDocs 2 drops plugins, hooks and the config file; ProperDocs 1.6 keeps them (README,
"Switching to ProperDocs"). ``make test`` installs it from ``requirements-properdocs.lock``;
this test fails, never skips, when it is missing.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

# The one line where the two generators differ on purpose: <meta name="generator" content="...">.
_GENERATOR_RE = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): _GENERATOR_RE.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_build_strict_gives_the_pages_of_mkdocs_build(real_build, tmp_path: Path) -> None:
    assert importlib.util.find_spec("properdocs") is not None, (
        "ProperDocs is not installed: run `make test` (it installs requirements-properdocs.lock)")
    dest = tmp_path / "properdocs-site"
    proc = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(dest)], capture_output=True, text=True, cwd=ROOT, check=False,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    assert b'content="mkdocs-ProperDocs' in (dest / "deepseek/index.html").read_bytes()  # it really was ProperDocs
    ours, theirs = _pages(real_build.site), _pages(dest)
    assert sorted(theirs) == sorted(ours)
    articles = [name for name in ours if re.fullmatch(r"(en/)?(parallel/)?deepseek/index\.html", name)]
    assert len(articles) == 4
    for name in articles:  # the article pages first, for a readable failure
        assert theirs[name] == ours[name], f"{name} differs between mkdocs build and properdocs build"
    assert [name for name in ours if theirs[name] != ours[name]] == []
