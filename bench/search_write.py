"""Benchmark: the search bundle writer alone, at N synthetic articles.

For each N it generates a corpus (:mod:`corpus`), makes its search records per language the
way the build does (:func:`explainer.site.build_site`, records from the core's own data) and
times :func:`explainer.search.bundle.write_bundles` alone, several times:
wall seconds and CPU seconds of this process and its children (the ``pagefind`` processes).
Verification (:func:`explainer.search.bundle.verify_bundle`) is part of every run.

Usage (from the repository root, after ``make test`` made .venv)::

    .venv/bin/python bench/search_write.py                  # N = 1000, 3 runs
    .venv/bin/python bench/search_write.py --sizes 100 1000 --runs 5
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "bench")]

from run import make_our_project  # noqa: E402

from explainer.options import read_options  # noqa: E402
from explainer.search.bundle import write_bundles  # noqa: E402
from explainer.search.rules import SearchRecord  # noqa: E402
from explainer.site import build_site  # noqa: E402


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def records_for(n: int, work: Path) -> dict[str, list[SearchRecord]]:
    """Records per language of an N-article corpus, as the build makes them."""
    ours = make_our_project(work / f"ours-{n}", n)
    return build_site(read_options(ours), ours).records


def measure(groups: dict[str, list[SearchRecord]], runs: int, out: Path) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _cpu(), time.perf_counter()
        write_bundles(groups, out)
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return walls, cpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="corpus sizes N")
    parser.add_argument("--runs", type=int, default=3, help="writer runs per size")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="explainer-bench-search-"))
    try:
        for n in args.sizes:
            groups = records_for(n, work)
            walls, cpus = measure(groups, args.runs, work / f"bundles-{n}")
            counts = ", ".join(f"{lang} {len(group)}" for lang, group in groups.items())
            print(f"N={n} ({counts} records): write_bundles median {statistics.median(walls):.2f} s wall, "
                  f"{statistics.median(cpus):.2f} CPU s (this process + pagefind), "
                  f"runs {', '.join(f'{w:.2f}' for w in walls)} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
