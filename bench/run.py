"""Benchmark: how build cost, page size, first-visit and search bytes grow with the number of articles.

For each N it generates a synthetic corpus (:mod:`corpus`) in a temporary folder,
lays out two projects, and builds them alternately, several times:

* **ours**: this repository's config, hooks, theme overrides and docs, with the
  generated ``seeds/`` and ``locales/``;
* **plain**: the very pages our pipeline generates, written as static Markdown files
  into ``docs/`` the way ``explainer export`` writes them (front matter, Markdown
  headings, the rest raw HTML; without the export's per-language ``<div markdown>``
  wrapper, so Python-Markdown parses them as the hooks' own Markdown used to be), built
  by the same ``mkdocs.yml`` with the hooks and the template overrides (``custom_dir``)
  removed and a navigation of the two home pages (the same shape as ours).

It prints medians, the ratio ours / plain (same run, same machine load), and
sizes read from the built site. ``--browser`` loads an article in Debian's
Chromium through Playwright and sums what a first visit downloads (each
response gzip-compressed, as a static host would serve it; woff2 and images
counted as stored), then runs one search query and sums the search engine's
requests. ``--serve`` measures ``mkdocs serve``: time from saving an edited
seed to the page showing the change.

Usage (from the repository root, after ``make test`` or ``make serve`` made .venv)::

    .venv/bin/python bench/run.py                       # N = 10, 100, 1000; browser and serve figures
    .venv/bin/python bench/run.py --sizes 10 100 --runs 3 --no-serve
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "bench"), str(ROOT)]

from corpus import write_corpus  # noqa: E402

from explainer.options import read_options  # noqa: E402
from explainer.render.export import page_markdown  # noqa: E402
from explainer.site import build_site  # noqa: E402

# What of the repository a site build needs: everything but these.
_NOT_PROJECT = {".git", ".venv", "site", "seeds", "locales", "tests", "bench", "build", ".pytest_cache",
                "node_modules", ".ci", "__pycache__", ".mypy_cache", ".ruff_cache"}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
# Stored compressed already: counted as they are, not gzipped again.
_PRECOMPRESSED = ("font/woff2", "font/woff", "image/png", "image/jpeg", "image/webp", "image/gif", "application/wasm")


# ---------------------------------------------------------------- projects

def _copy_project_files(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for item in ROOT.iterdir():
        if item.name in _NOT_PROJECT:
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, dest / item.name)


def make_our_project(dest: Path, n: int) -> Path:
    """This repository's site with a synthetic corpus of ``n`` articles (or the sample seeds when n == 0)."""
    _copy_project_files(dest)
    for folder in ("seeds", "locales"):
        shutil.copytree(ROOT / folder, dest / folder)
    if n:
        write_corpus(n, dest)
    return dest


def _strip_top_level(config_text: str, keys: set[str]) -> str:
    """Drop top-level YAML blocks named ``keys`` (line based: the key line and its indented lines)."""
    out: list[str] = []
    skipping = False
    for line in config_text.splitlines():
        top = re.match(r"^([A-Za-z_][\w-]*):", line)
        if top:
            skipping = top.group(1) in keys
        elif line and not line[0].isspace() and not line.startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def make_plain_project(ours: Path, dest: Path) -> Path:
    """The same pages as static Markdown files; same config minus hooks and template overrides; nav = the homes."""
    _copy_project_files(dest)
    for page in build_site(read_options(ours), ours).pages:
        path = dest / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_markdown(page, wrap_language=False), "utf-8")
    config = _strip_top_level((ours / "mkdocs.yml").read_text("utf-8"), {"hooks", "watch", "nav"})
    # Material's own templates: our overrides read context that only the hooks provide.
    config = re.sub(r"(?m)^\s+custom_dir:.*\n", "", config)
    config += "nav:\n" + "".join(f"  - {uri}\n" for uri in ("index.md", "en/index.md"))
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    return dest


# ---------------------------------------------------------------- builds

@dataclass
class BuildRun:
    seconds: float          # wall clock
    cpu_seconds: float      # user + system CPU of the build process: steadier than wall time on a shared machine
    peak_rss_bytes: int


def timed_build(project: Path, dest: Path) -> BuildRun:
    """Run ``mkdocs build`` in a child process: wall and CPU seconds, peak resident memory."""
    if dest.exists():
        shutil.rmtree(dest)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{out.decode(errors='replace')[-3000:]}")
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


# ---------------------------------------------------------------- site sizes

def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_bytes(data: bytes) -> int:
    """Size of ``data`` gzip-compressed at level 6 (what static hosts typically serve)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def search_index_bytes(site: Path) -> dict[str, int]:
    """Bytes on disk of the search index, by language: ``{lang: bytes, lang + ".gz": gzip bytes}``.

    Two layouts are recognised. Per-language folders ``search/<lang>/`` (our
    Pagefind bundles: a reader's query touches only its language's folder) are
    summed per folder. Material's own ``search/search_index.json`` holds every
    language in one file that every reader downloads whole: it is reported as
    ``all`` when it holds documents, with each language's share of the
    documents as ``share:<lang>``.
    """
    found: dict[str, int] = {}
    base = site / "search"
    for folder in sorted(p for p in base.glob("*") if p.is_dir() and re.fullmatch(r"[a-z]{2,3}", p.name)):
        files = [p for p in folder.rglob("*") if p.is_file()]
        found[folder.name] = sum(p.stat().st_size for p in files)
        found[folder.name + ".gz"] = sum(_stored_bytes(p) for p in files)
    material = base / "search_index.json"
    if material.exists():
        data = material.read_bytes()
        docs = json.loads(data).get("docs", [])
        if docs:
            for lang in ("ar", "en"):
                mine = [d for d in docs if d["location"].startswith("en/") == (lang == "en")]
                found[f"share:{lang}"] = len(json.dumps(mine).encode())
            found["all"], found["all.gz"] = len(data), gzip_bytes(data)
    return found


def _stored_bytes(path: Path) -> int:
    """Bytes a static host sends for ``path``: gzip unless the format is compressed already."""
    data = path.read_bytes()
    if path.suffix in (".woff2", ".woff", ".png", ".jpg", ".webp", ".gif") or data[:2] == b"\x1f\x8b":
        return len(data)  # Pagefind's chunks are gzip files already
    return gzip_bytes(data)


@dataclass
class SiteSizes:
    total_bytes: int
    article_ar_bytes: int
    article_en_bytes: int
    max_article_bytes: int
    max_home_bytes: int
    max_other_bytes: int
    other_pages: dict[str, int] = field(default_factory=dict)
    search: dict[str, int] = field(default_factory=dict)


def site_sizes(site: Path, slug: str) -> SiteSizes:
    """Sizes read from a built site; ``slug`` names the article whose HTML is reported.

    Pages are grouped as home listing pages (``/``, ``/en/``, ``.../page/N/``),
    article pages (folders named like the generated slugs, ``article-NNNN``)
    and the rest (status, 404), whose largest is reported with its path.
    """
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    homes = {rel: size for rel, size in pages.items()
             if rel in ("index.html", "en/index.html") or re.search(r"(^|/)page/\d+/index\.html$", rel)}
    articles = {rel: size for rel, size in pages.items() if re.search(r"(^|/)article-\d+/index\.html$", rel)}
    others = {rel: size for rel, size in pages.items() if rel not in homes and rel not in articles}
    largest_other = max(others, key=lambda rel: others[rel]) if others else ""
    return SiteSizes(
        total_bytes=_tree_bytes(site),
        article_ar_bytes=pages[f"{slug}/index.html"],
        article_en_bytes=pages[f"en/{slug}/index.html"],
        max_article_bytes=max(articles.values(), default=0),
        max_home_bytes=max(homes.values()),
        max_other_bytes=others.get(largest_other, 0),
        other_pages={largest_other: others.get(largest_other, 0)},
        search=search_index_bytes(site),
    )


# ---------------------------------------------------------------- browser

@dataclass
class VisitBytes:
    first_visit_gz: int = 0
    first_visit_raw: int = 0
    fonts_gz: int = 0
    requests: int = 0
    search_query_gz: int = 0
    search_requests: int = 0
    notes: list[str] = field(default_factory=list)


def _is_search(url: str) -> bool:
    path = url.split("?", 1)[0]
    return "/search" in path or "pagefind" in path


def browser_visit(site: Path, article_path: str, query: str) -> VisitBytes:
    """Load ``article_path`` in a fresh Chromium profile, then run one search for ``query``."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

    result = VisitBytes()
    seen: dict[str, tuple[int, int, str]] = {}

    def on_response(response) -> None:  # type: ignore[no-untyped-def]
        try:
            body = response.body()
        except PlaywrightError:  # redirects and aborted requests have no body
            return
        kind = (response.headers.get("content-type") or "").split(";")[0]
        packed = len(body) if kind.startswith(_PRECOMPRESSED) else gzip_bytes(body)
        seen[response.url] = (packed, len(body), kind)

    with serve_directory(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.on("response", on_response)
        page = context.new_page()
        page.goto(base + article_path, wait_until="networkidle")
        page.wait_for_timeout(800)
        page.wait_for_load_state("networkidle")
        on_load = dict(seen)
        result.first_visit_gz = sum(v[0] for v in on_load.values())
        result.first_visit_raw = sum(v[1] for v in on_load.values())
        result.fonts_gz = sum(v[0] for v in on_load.values() if v[2].startswith("font/") or "font" in v[2])
        result.requests = len(on_load)
        opened = _open_search(page)
        if opened:
            page.keyboard.type(query, delay=30)
            page.wait_for_timeout(1500)
            page.wait_for_load_state("networkidle")
        else:
            result.notes.append("no search box found: search bytes are what the page load fetched")
        searched = {url: v for url, v in seen.items() if _is_search(url)}
        result.search_query_gz = sum(v[0] for v in searched.values())
        result.search_requests = len(searched)
        context.close()
        browser.close()
    return result


def _open_search(page) -> bool:  # type: ignore[no-untyped-def]
    for selector in ('label[for="__search"]', 'button[aria-label*="earch"]'):
        handle = page.query_selector(selector)
        if handle and handle.is_visible():
            handle.click()
            break
    for selector in ("input.md-search__input", 'input[type="search"]', '[role="searchbox"]'):
        handle = page.query_selector(selector)
        if handle and handle.is_visible():
            handle.click()
            return True
    return False


# ---------------------------------------------------------------- serve

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except OSError:
        return ""


@dataclass
class ServeRun:
    latency_seconds: list[float]   # save -> changed page served, per edit
    rebuild_seconds: list[float]   # what MkDocs reports for the rebuild ("Documentation built in ...")
    search_seconds: list[float]    # save -> the search index holds the change


def serve_latency(project: Path, slug: str, edits: int, mode: str = "--livereload") -> ServeRun:
    """Seconds from saving an edited seed to ``mkdocs serve`` serving the changed page, per edit.

    Each edit appends a new marker word to the seed's longest line, then polls the
    article's URL every 10 ms until the marker shows. The rebuild time MkDocs
    logs is collected too: the rest of the latency is MkDocs noticing the save
    (its file poller runs every 0.5 s, then waits 0.1 s for more changes). Then it
    polls the Arabic search bundle's ``pagefind-entry.json`` until it changes: the
    seconds from the save to the new search index (a ``serve`` rebuild writes it
    behind the page).
    """
    port = _free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", mode]
    proc = subprocess.Popen(cmd, cwd=project, env=dict(ENV, SITE_URL=f"http://127.0.0.1:{port}/"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    built: list[float] = []

    def read_log() -> None:
        for line in proc.stderr or ():
            if match := re.search(r"Documentation built in ([0-9.]+) seconds", line):
                built.append(float(match.group(1)))

    threading.Thread(target=read_log, daemon=True).start()
    url = f"http://127.0.0.1:{port}/{slug}/"
    entry_url = f"http://127.0.0.1:{port}/search/ar/pagefind-entry.json"
    seed = project / "seeds" / f"{slug}.txt"
    result = ServeRun([], [], [])
    try:
        deadline = time.time() + 600
        while slug not in _fetch(url):
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit(f"mkdocs serve did not come up for {project}")
            time.sleep(0.2)
        time.sleep(1.0)
        original = seed.read_text("utf-8")
        for index in range(edits):
            marker = "علامة" + "ب" * (index + 1) + "تجربة"  # letters only: digits would be bidi-isolated
            before = len(built)
            entry = _fetch(entry_url)
            start = time.perf_counter()
            lines = original.split("\n")
            longest = max(range(len(lines)), key=lambda i: len(lines[i]))  # a paragraph, not a footer line
            lines[longest] += f" {marker}"
            seed.write_text("\n".join(lines), "utf-8")
            while marker not in _fetch(url):
                if time.perf_counter() - start > 300:
                    raise SystemExit(f"edit {index} never showed at {url}")
                time.sleep(0.01)
            result.latency_seconds.append(time.perf_counter() - start)
            while (now := _fetch(entry_url)) == entry or not now:
                if time.perf_counter() - start > 600:
                    raise SystemExit(f"edit {index} never reached the search index at {entry_url}")
                time.sleep(0.05)
            result.search_seconds.append(time.perf_counter() - start)
            time.sleep(1.2)  # let the poller settle before the next edit
            result.rebuild_seconds.extend(built[before:before + 1])
        seed.write_text(original, "utf-8")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


# ---------------------------------------------------------------- report

def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.2f} MB"


def measure_size(n: int, runs: int, work: Path, browser: bool) -> dict[str, object]:
    """Build ``n`` articles ``runs`` times (ours and plain alternately) and collect every figure."""
    ours = make_our_project(work / f"ours-{n}", n)
    plain = make_plain_project(ours, work / f"plain-{n}")
    ours_runs, plain_runs = [], []
    for _ in range(runs):
        ours_runs.append(timed_build(ours, work / f"site-ours-{n}"))
        plain_runs.append(timed_build(plain, work / f"site-plain-{n}"))
    slug = "article-0001"
    sizes = site_sizes(work / f"site-ours-{n}", slug)
    plain_sizes = site_sizes(work / f"site-plain-{n}", slug)
    ours_s = statistics.median(r.seconds for r in ours_runs)
    plain_s = statistics.median(r.seconds for r in plain_runs)
    ratios = [o.seconds / p.seconds for o, p in zip(ours_runs, plain_runs)]
    cpu_ratios = [o.cpu_seconds / p.cpu_seconds for o, p in zip(ours_runs, plain_runs)]
    pages = sum(1 for _ in (work / f"site-ours-{n}").rglob("index.html"))
    row: dict[str, object] = {
        "n": n, "pages": pages, "runs": runs,
        "build_s": ours_s, "plain_s": plain_s, "ratio": statistics.median(ratios),
        "cpu_s": statistics.median(r.cpu_seconds for r in ours_runs),
        "plain_cpu_s": statistics.median(r.cpu_seconds for r in plain_runs),
        "cpu_ratio": statistics.median(cpu_ratios),
        "ms_per_page": 1000 * ours_s / pages,
        "peak_rss": statistics.median(r.peak_rss_bytes for r in ours_runs),
        "sizes": sizes.__dict__, "plain_article_ar_bytes": plain_sizes.article_ar_bytes,
    }
    if browser:
        visit = browser_visit(work / f"site-ours-{n}", f"{slug}/", "الطاقة")
        row["visit"] = visit.__dict__
    return row


def print_table(rows: list[dict[str, object]]) -> None:
    """Print the benchmark table (Markdown) for the README and the closing note."""
    print("| N | pages | build s (wall) | plain s (wall) | ratio wall | build CPU s | plain CPU s | ratio CPU | ms/page"
          " | peak RSS | site | article HTML ar / en (largest) | largest home page | largest other page"
          " | search index (gz) | first visit (gz) | search query (gz) |")
    print("|" + "---|" * 17)
    for row in rows:
        sizes = row["sizes"]
        assert isinstance(sizes, dict)
        search = sizes["search"]
        index = (f"all {_kb(search['all.gz'])}" if "all.gz" in search
                 else " / ".join(f"{lang} {_kb(search[lang + '.gz'])}" for lang in ("ar", "en") if lang + ".gz" in search))
        visit = row.get("visit") or {}
        assert isinstance(visit, dict)
        print(f"| {row['n']:,} | {row['pages']:,} | {row['build_s']:.2f} | {row['plain_s']:.2f} | {row['ratio']:.2f} |"
              f" {row['cpu_s']:.2f} | {row['plain_cpu_s']:.2f} | {row['cpu_ratio']:.2f} |"
              f" {row['ms_per_page']:.1f} | {_mb(float(row['peak_rss']))} | {_mb(sizes['total_bytes'])} |"  # type: ignore[arg-type]
              f" {_kb(sizes['article_ar_bytes'])} / {_kb(sizes['article_en_bytes'])} ({_kb(sizes['max_article_bytes'])}) |"
              f" {_kb(sizes['max_home_bytes'])} | {_kb(sizes['max_other_bytes'])} {', '.join(sizes['other_pages'])} |"
              f" {index} | {_kb(visit['first_visit_gz']) if visit else '-'} |"
              f" {_kb(visit['search_query_gz']) if visit else '-'} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="corpus sizes N")
    parser.add_argument("--runs", type=int, default=5, help="builds per size")
    parser.add_argument("--runs-large", type=int, default=3, help="at most this many builds at N >= 1000")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip first-visit/search bytes")
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the mkdocs serve figures")
    parser.add_argument("--serve-sizes", type=int, nargs="+", default=[0, 100], help="0 = the sample site")
    parser.add_argument("--edits", type=int, default=7, help="seed edits per serve measurement")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    report: dict[str, object] = {"rows": rows, "cpus": os.cpu_count()}
    try:
        for n in args.sizes:
            runs = min(args.runs, args.runs_large) if n >= 1000 else args.runs
            print(f"N={n}: building {runs}× ours and plain ...", file=sys.stderr, flush=True)
            rows.append(measure_size(n, runs, work, args.browser))
        print_table(rows)
        if args.serve:
            serve: dict[str, object] = {}
            for n in args.serve_sizes:
                for mode in ("--livereload", "--dirty"):
                    project = make_our_project(work / f"serve-{n}{mode}", n)
                    slug = "article-0001" if n else min((project / "seeds").glob("*.txt")).stem
                    print(f"serve N={n or 'sample'} {mode}: {args.edits} edits ...", file=sys.stderr, flush=True)
                    served = serve_latency(project, slug, args.edits, mode)
                    serve[f"{n}{mode}"] = served.__dict__
                    rebuild = f"{statistics.median(served.rebuild_seconds):.2f} s" if served.rebuild_seconds else "?"
                    print(f"serve {mode:13} N={'sample (1)' if not n else n}: save -> served median"
                          f" {statistics.median(served.latency_seconds):.2f} s, max {max(served.latency_seconds):.2f} s"
                          f" over {len(served.latency_seconds)} edits; MkDocs rebuild median {rebuild};"
                          f" save -> search index median {statistics.median(served.search_seconds):.2f} s")
            report["serve"] = serve
        for row in rows:
            visit = row.get("visit")
            if isinstance(visit, dict) and visit.get("notes"):
                print(f"N={row['n']}: {'; '.join(visit['notes'])}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
