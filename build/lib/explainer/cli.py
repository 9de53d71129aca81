"""Command line for editors and translators: ``explainer check|extract|update|coverage``.

Every command prints errors as ``file:line: problem`` and exits 1 on bad input,
2 on a usage error; it never prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ExplainerError
from .site import build_site, load_seed, seed_paths
from .ui import LANGS, SOURCE_LANG
from .workflow import extract, update


def _articles(root: Path, names: list[str]):
    paths = [Path(n) for n in names] if names else seed_paths(root / "seeds")
    return [load_seed(p if p.is_absolute() else root / p, root) for p in paths]


def _cmd_check(args: argparse.Namespace) -> int:
    for article in _articles(args.root, args.seeds):
        blocks = article.blocks()
        lists = sum(1 for b in blocks if b.kind == "list")
        print(f"{article.source_path}: {article.slug}")
        print(f"  title: {article.title}{' (derived from the lede)' if article.title_derived else ''}")
        print(f"  sections: {sum(1 for s in article.sections if s.heading)} headed"
              f"{', 1 untitled intro' if any(s.heading is None for s in article.sections) else ''}")
        print(f"  paragraphs: {len(blocks) - lists}, lists: {lists}")
        for repair in sorted(article.repairs, key=lambda r: r.line):
            extra = f": {repair.dropped!r}" if repair.dropped else ""
            print(f"  line {repair.line}: {repair.kind}: {repair.detail}{extra}")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    for article in _articles(args.root, args.seeds):
        changed = extract(article, args.root / "locales")
        print(f"locales/{article.slug}.pot: {'written' if changed else 'unchanged'}")
    return 0


def _cmd_update(args: argparse.Namespace) -> int:
    for article in _articles(args.root, args.seeds):
        extract(article, args.root / "locales")
        for lang in LANGS:
            if lang == SOURCE_LANG:
                continue
            changed = update(article, args.root / "locales", lang)
            print(f"locales/{lang}/LC_MESSAGES/{article.slug}.po: {'updated' if changed else 'unchanged'}")
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    site = build_site(args.root / "seeds", args.root / "locales", args.root)
    totals: dict[str, dict[str, int]] = {}
    print(f"{'article':<24} {'lang':<5} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} {'percent':>8}")
    failed = False
    for slug, per_lang in site.coverage.items():
        for lang, counts in per_lang.items():
            if lang == SOURCE_LANG:
                continue
            total = sum(counts.values())
            percent = 100.0 * counts["translated"] / total if total else 100.0
            failed |= percent < args.min
            print(f"{slug:<24} {lang:<5} {counts['translated']:>10} {counts['fuzzy']:>6} {counts['untranslated']:>12} {percent:>7.1f}%")
            bucket = totals.setdefault(lang, {"translated": 0, "fuzzy": 0, "untranslated": 0})
            for key, value in counts.items():
                bucket[key] += value
    for lang, counts in totals.items():
        total = sum(counts.values())
        percent = 100.0 * counts["translated"] / total if total else 100.0
        failed |= percent < args.min
        print(f"{'TOTAL':<24} {lang:<5} {counts['translated']:>10} {counts['fuzzy']:>6} {counts['untranslated']:>12} {percent:>7.1f}%")
    if failed:
        print(f"coverage below the threshold of {args.min:g}%", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``explainer`` command. Returns the exit status."""
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, helptext in (
        ("check", _cmd_check, "parse seeds and print their structure, repairs and drops"),
        ("extract", _cmd_extract, "write locales/<slug>.pot from each seed"),
        ("update", _cmd_update, "extract, then merge templates into every PO file"),
    ):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("seeds", nargs="*", help="seed files (default: every seeds/*.txt)")
        cmd.set_defaults(func=func)
    cov = sub.add_parser("coverage", help="print translation coverage; exit 1 below --min")
    cov.add_argument("--min", type=float, default=0.0, help="minimum percent translated (default 0)")
    cov.set_defaults(func=_cmd_coverage)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    try:
        return int(args.func(args))
    except ExplainerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
