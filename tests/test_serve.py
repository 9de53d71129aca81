"""`mkdocs serve` keeps previewing while one seed is bad (MkDocs' server hangs on a failed rebuild)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

GOOD = "عنوان المقالة الجيدة\nهذه فقرة أولى طويلة بما يكفي لتكون مقدمة للمقالة الجيدة في الاختبار.\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout_s: float) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@contextlib.contextmanager
def _serving(project: Path, tmp_path: Path, address: str) -> Iterator[tuple[str, str, Path]]:
    """``mkdocs serve`` of ``project``, once ``address`` answers 200: (base URL, that page's body, the log)."""
    port = _free_port()
    log_path = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        status, body = 0, ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and status != 200:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/{address}", 10)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert status == 200, log_path.read_text()
        yield f"http://127.0.0.1:{port}/", body, log_path
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_previews_the_site_and_names_the_bad_seed(project_factory, tmp_path: Path) -> None:
    project = project_factory(seeds={"good.txt": GOOD, "empty.txt": ""})
    with _serving(project, tmp_path, "good/") as (base, body, log_path):
        assert "عنوان المقالة الجيدة" in body
        log = log_path.read_text()
        assert "seeds/empty.txt: the seed is empty" in log
        assert "left out of this preview" in log
        assert "Traceback" not in log
        # the bad seed's own address says why it is gone, in both languages, instead of "page not found"
        for address, lang in (("empty/", "ar"), ("en/empty/", "en")):
            status, page_body = _get(base + address, 10)
            page = BeautifulSoup(page_body, "html.parser")
            assert status == 200 and page.html["lang"] == lang, address
            assert "seeds/empty.txt: the seed is empty" in page.select_one("pre.ex-seed-error").get_text()
            assert page.select_one(".ex-notice--page") is not None
            assert page.select_one('meta[name="robots"][content*="noindex"]') is not None


BAD_GLOSSARY = "terms:\n  - id: Bad Id\n    term: نموذج\n    explanation: شرح.\n"
BAD_FACTS = "facts:\n  - key: name:Nowhere\n"


def test_serve_keeps_previewing_with_a_bad_glossary_or_key_facts_file(project_factory, tmp_path: Path) -> None:
    # A bad side file used to stop the build under serve too: MkDocs' server then hangs every request.
    project = project_factory(seeds={"good.txt": GOOD, "glossary.yml": BAD_GLOSSARY, "good.facts.yml": BAD_FACTS})
    with _serving(project, tmp_path, "en/good/") as (_base, _body, log_path):
        log = log_path.read_text()
        assert "seeds/glossary.yml:2: invalid id 'Bad Id'" in log and "the glossary is left out of this preview" in log
        assert "seeds/good.facts.yml:2: no candidate 'name:Nowhere'" in log
        assert "key facts are left out of this preview" in log and "Traceback" not in log


def test_build_still_fails_on_the_bad_seed(project_factory, tmp_path: Path) -> None:
    from .conftest import run_build

    project = project_factory(seeds={"good.txt": GOOD, "empty.txt": ""})
    build = run_build(project, tmp_path / "out", strict=False)
    assert build.returncode == 1
    assert "seeds/empty.txt: the seed is empty" in build.log


def test_check_reports_a_bad_glossary_as_the_build_does(project_factory, capsys) -> None:
    from explainer.cli import main as explainer

    project = project_factory(seeds={"good.txt": GOOD, "glossary.yml": BAD_GLOSSARY})
    assert explainer(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out
    assert "error: seeds/glossary.yml:2: invalid id 'Bad Id'" in out and "1 error(s)" in out
