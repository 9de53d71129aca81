"""Search cost at N articles: index bytes per language, and bytes a reader downloads to run a query.

Usage (from the repository root, after `make test` or `make build` created .venv):

    .venv/bin/python bench/search_bytes.py              # N = 1, 100, 1000
    .venv/bin/python bench/search_bytes.py 10 100       # other sizes

For each N it writes N synthetic bilingual articles (4-6 sections of Arabic text built
from wordfreq's Arabic vocabulary, with complete English catalogs) into a temporary
project that uses this repository's mkdocs.yml, hooks, overrides and docs/, builds it,
then types queries into the search box of an article page in Chromium (a fresh browser
context each, so nothing is cached) and sums the bytes the page fetched once the reader
started typing. It prints one table row per N and language:

    index_bytes   everything under site/search/<lang>/ (what the server holds)
    lunr_bytes    the size Material's own search_index.json had (both languages, all
                  fetched on every page load) before the hooks replaced it with a stub
    query_raw     bytes fetched to answer the queries of one reader, as served
    query_gzip    the same with gzip transfer encoding for text files (GitHub Pages does this;
                  Pagefind's .pf_* and .pagefind files are already gzip and count as they are)

Not part of the test run.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402
from wordfreq import top_n_list  # noqa: E402

from explainer.site import load_seed  # noqa: E402
from explainer.translate.segment import article_units  # noqa: E402

SIZES = (1, 100, 1000)
AR_WORDS = [w for w in top_n_list("ar", 6000) if re.fullmatch(r"[\u0621-\u064a]+", w)]
EN_WORDS = [w for w in top_n_list("en", 6000) if re.fullmatch(r"[a-z]+", w)]
NAMES = ["DeepSeek", "OpenAI", "Tesla", "Nvidia", "GPT-4", "Stargate", "Gemini", "Llama"]
DIGITS_AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _sentence(rng: random.Random, words: list[str], n: int, arabic: bool) -> str:
    out = [rng.choice(words) for _ in range(n)]
    if rng.random() < 0.5:
        out.insert(rng.randrange(len(out)), rng.choice(NAMES))
    if rng.random() < 0.4:
        number = str(rng.randrange(1, 3000))
        out.insert(rng.randrange(len(out)), number.translate(DIGITS_AR) if arabic and rng.random() < 0.5 else number)
    return " ".join(out) + "."


def _article(rng: random.Random, words: list[str], arabic: bool, sections: int) -> list[str]:
    lines = [" ".join(rng.choice(words) for _ in range(5)),
             _sentence(rng, words, 30, arabic) + " " + _sentence(rng, words, 20, arabic)]
    for _ in range(sections):
        lines.append("- " + " ".join(rng.choice(words) for _ in range(4)))
        for _ in range(2):
            lines.append(" ".join(_sentence(rng, words, rng.randrange(12, 20), arabic) for _ in range(3)))
    return lines


def make_corpus(project: Path, n: int) -> None:
    """Write n seeds and their complete English catalogs into project/seeds and project/locales."""
    rng = random.Random(n)
    (project / "seeds").mkdir()
    for i in range(n):
        slug = f"article-{i:04d}"
        sections = rng.randrange(4, 7)
        seed = project / "seeds" / f"{slug}.txt"
        seed.write_text("\n".join(_article(rng, AR_WORDS, True, sections)) + "\n", "utf-8")
        units = article_units(load_seed(seed, project))
        catalog = Catalog(locale="en", charset="utf-8", fuzzy=False)
        for unit in units:
            if catalog.get(unit.msgid, context=unit.msgctxt) is None:
                words = len(unit.msgid.split())
                text = " ".join(rng.choice(EN_WORDS) for _ in range(max(words, 1)))
                catalog.add(unit.msgid, string=text[:1].upper() + text[1:], context=unit.msgctxt)
        po = project / "locales" / "en" / "LC_MESSAGES" / f"{slug}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=76)
        po.write_bytes(buffer.getvalue())


def make_project(base: Path, n: int) -> Path:
    project = base / f"n{n}"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for extra in ("locales",):
        ui = ROOT / extra
        if ui.exists():  # interface catalogs (ui.po) live beside the article catalogs
            for path in ui.rglob("*.po"):
                if not path.name.startswith("deepseek"):
                    target = project / path.relative_to(ROOT)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, target)
    make_corpus(project, n)
    return project


def build(project: Path) -> tuple[Path, str]:
    site = project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          check=False, capture_output=True, text=True, env=env, cwd=project)
    if proc.returncode:
        sys.exit(proc.stdout + proc.stderr)
    return site, proc.stdout + proc.stderr


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _transfer(url: str, body: bytes) -> int:
    if url.endswith((".pagefind", ".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")):
        return len(body)
    return len(gzip.compress(body, 6))


def query_bytes(site: Path, page_path: str, queries: list[str]) -> tuple[int, int]:
    """Bytes fetched after the page loaded while one reader types ``queries`` (median over them)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

    raw_totals, gz_totals = [], []
    with serve_directory(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + page_path)
            page.wait_for_load_state("networkidle")
            fetched: list[tuple[str, bytes]] = []
            context.on("response", lambda r, into=fetched: into.append((r.url, r.body())) if r.ok else None)
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(query, delay=40)
            box.press("End")
            page.wait_for_function("document.querySelectorAll('a.md-search-result__link').length > 0", timeout=30_000)
            page.wait_for_timeout(500)
            raw_totals.append(sum(len(b) for _, b in fetched))
            gz_totals.append(sum(_transfer(u, b) for u, b in fetched))
            context.close()
        browser.close()
    return int(statistics.median(raw_totals)), int(statistics.median(gz_totals))


def main(sizes: tuple[int, ...]) -> None:
    print("| N | lang | records | index_bytes | lunr_bytes (both langs) | query_raw | query_gzip |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        for n in sizes:
            project = make_project(Path(tmp), n)
            site, log = build(project)
            records = dict(re.findall(r"search index (\w+): (\d+) records", log))
            lunr = re.search(r"Material's index was (\d+) bytes", log)
            lines = {"ar": (project / "seeds" / "article-0000.txt").read_text("utf-8").splitlines()[1:]}
            catalog = read_po((project / "locales/en/LC_MESSAGES/article-0000.po").open("rb"))
            lines["en"] = [m.string for m in catalog if m.id and m.string]
            for lang in ("ar", "en"):
                line = max(lines[lang], key=len).replace(".", " ").split()
                words = [w for w in line if len(w) > 4]
                queries = [words[0], words[len(words) // 2][:4], f"{line[2]} {line[3]}"]
                path = "article-0000/" if lang == "ar" else "en/article-0000/"
                raw, gz = query_bytes(site, path, queries)
                print(f"| {n} | {lang} | {records.get(lang, '?')} | {dir_bytes(site / 'search' / lang)} "
                      f"| {lunr.group(1) if lunr else '?'} | {raw} | {gz} |", flush=True)
            shutil.rmtree(project)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
