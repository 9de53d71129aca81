"""Command line for editors and translators: ``explainer check|extract|update|rename|coverage|facts|export``.

Every command prints errors as ``file:line: problem`` and exits 1 on bad input or a file
that cannot be written, 2 on a usage error, 130 when interrupted (Ctrl-C); it never prints a
traceback for them. When the reader of its output goes away (``explainer update | head -n 1``)
the command carries on to the end without printing: files are written whole (temporary file,
then rename: :mod:`explainer.fileio`), so an interrupted ``update`` leaves each one old or new.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from babel.messages.catalog import Catalog

from explainer.errors import ExplainerError, SeedError
from explainer.ingest.metadata import validate_slug
from explainer.ingest.preserve import article_text, missing_words
from explainer.ingest.report import article_outline
from explainer.model import Article
from explainer.options import Options, read_options
from explainer.render.export import export_site
from explainer.render.facts import CATALOG as FACTS_CATALOG
from explainer.render.facts import extract_candidates, fact_units, load_article_facts
from explainer.render.glossary import CATALOG, glossary_template, read_glossary
from explainer.site import (
    build_site,
    duplicate_slug_error,
    duplicate_title_warnings,
    load_seed,
    seed_paths,
    stray_seed_files,
)
from explainer.translate.catalog import po_path, read_catalog
from explainer.translate.segment import Unit
from explainer.translate.state import WorkItem, percent
from explainer.translate.ui import UI_DOMAIN, UI_SOURCE_LANG, ui_po_path
from explainer.translate.workflow import (
    extract,
    extract_ui,
    find_orphans,
    orphan_warnings,
    pot_path,
    rename_catalogs,
    renamed_from,
    render_po,
    template_for,
    template_from_units,
    template_msgids,
    update,
    update_catalog,
    update_ui,
    write_if_changed,
)


def _articles(root: Path, options: Options, names: list[str]) -> list[Article]:
    paths = [Path(n) for n in names] if names else seed_paths(root / options.seeds_dir)
    return [load_seed(p if p.is_absolute() else root / p, root) for p in paths]


def _print_check(article: Article) -> list[str]:
    """Print one seed's structure and report; return its warnings."""
    blocks = article.blocks()
    lists = sum(1 for b in blocks if b.kind == "list")
    source = {"lede": " (derived from the first sentence)", "metadata": " (from metadata)", "line": " (from the first line)"}
    print(f"{article.source_path}: {article.slug}")
    outline = article_outline(article)
    print(f"  title: {article.title}{source[outline['title_source']]}")
    if article.subtitle:
        print(f"  subtitle: {article.subtitle.text}")
    if shown_meta := {k: v for k, v in outline["metadata"].items() if k not in ("title", "slug")}:
        print("  metadata: " + ", ".join(f"{key} {value}" for key, value in shown_meta.items()))
    print(f"  sections: {sum(1 for s in article.sections if s.heading)} headed"
          f"{', 1 untitled intro' if any(s.heading is None for s in article.sections) else ''}")
    print(f"  paragraphs: {len(blocks) - lists}, lists: {lists}")
    warnings = []
    for repair in sorted(article.repairs, key=lambda r: r.line):
        dropped = f": {repair.dropped!r}" if repair.dropped else ""
        level = "warning: " if repair.level == "warning" else ""
        print(f"  line {repair.line}: {level}{repair.kind}: {repair.detail}{dropped}")
        if repair.level == "warning":
            warnings.append(repair.detail)
    for line, word in missing_words(article, article_text(article)):
        print(f"  line {line}: warning: lost word {word!r} (not in the parsed article, not reported)")
        warnings.append(word)
    return warnings


def _cmd_check(args: argparse.Namespace) -> int:
    options = read_options(args.root)
    paths = [Path(n) for n in args.seeds] if args.seeds else seed_paths(args.root / options.seeds_dir)
    errors = warnings = 0
    outlines: list[dict[str, object]] = []
    seen: dict[str, Article] = {}
    strays = [] if args.seeds else stray_seed_files(args.root / options.seeds_dir, args.root, Path(options.glossary_file).name)
    warnings += len(strays)
    for message in strays:
        print(f"warning: {message}", file=sys.stderr if args.json else sys.stdout)
    for given in paths:
        try:
            path = given if given.is_absolute() else args.root / given
            if not path.is_file():
                raise SeedError(str(given), None, "no such seed file", "Give the path of a .txt file, e.g. seeds/x.txt.")
            article = load_seed(path, args.root)
            if article.slug in seen:
                raise duplicate_slug_error(article, seen[article.slug], set(seen))
            load_article_facts(article, args.root)  # a bad <slug>.facts.yml stops the build: report it here too
        except ExplainerError as exc:
            errors += 1
            _print_error(exc, args.json, outlines)
            continue
        seen[article.slug] = article
        if args.json:
            outlines.append(article_outline(article))
            warnings += sum(1 for r in article.repairs if r.level == "warning")
        else:
            warnings += len(_print_check(article))
    glossary_file = args.root / options.glossary_file
    if not args.seeds and glossary_file.is_file():  # the whole site: its glossary too (a bad one stops the build)
        try:
            read_glossary(glossary_file, options.glossary_file)
        except ExplainerError as exc:
            errors += 1
            _print_error(exc, args.json, outlines)
    for message in duplicate_title_warnings(list(seen.values())):
        warnings += 1
        print(f"warning: {message}", file=sys.stderr if args.json else sys.stdout)
    for message in _catalog_warnings(args.root, options, list(seen.values()), whole_site=not args.seeds):
        warnings += 1
        print(f"warning: {message}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(outlines, ensure_ascii=False, indent=2))
    else:
        print(f"{len(paths)} seed(s): {errors} error(s), {warnings} warning(s)")
    return 1 if errors or (args.strict and warnings) else 0


def _print_error(exc: ExplainerError, as_json: bool, outlines: list[dict[str, object]]) -> None:
    """One error of ``check``: an ``{"error": ...}`` item of the JSON output, or an ``error:`` line."""
    if as_json:
        outlines.append({"error": str(exc)})
    else:
        print(f"error: {exc}")


def _catalog_warnings(root: Path, options: Options, articles: list[Article], whole_site: bool) -> list[str]:
    """Catalog problems ``check`` reports: entries of an article's PO that match no passage of its seed
    (a msgid edited by hand), and, for the whole site, catalogs no seed uses (see :func:`find_orphans`)."""
    locales = root / options.locales_dir
    messages: list[str] = []
    msgids: dict[str, set[str]] = {}
    for article in articles:
        msgids[article.slug] = wanted = template_msgids(template_for(article))
        for lang in options.targets:
            path = po_path(locales, lang, article.slug)
            if not path.exists():
                continue
            try:
                catalog = read_catalog(path, _shown(path, root))
            except ExplainerError as exc:
                messages.append(str(exc))
                continue
            for message in catalog:
                if message.id and message.context == article.slug and message.id not in wanted and message.string:
                    messages.append(f"{_shown(path, root)}:{message.lineno}: this entry's msgid matches no passage of "
                                    f"{article.source_path}: either the seed changed since the last 'explainer update' "
                                    "(run it: the translation goes to the most similar passage, marked fuzzy, or is "
                                    "kept as obsolete #~), or the msgid was edited by hand (a msgid must stay as "
                                    "'explainer update' wrote it: edit the msgstr only)")
    if whole_site:
        messages += orphan_warnings(root, locales, articles, [path.stem for path in seed_paths(root / options.seeds_dir)])
    return messages


def _layer_templates(root: Path, options: Options, articles: list[Article] | None = None) -> list[tuple[str, Catalog]]:
    """The explainer layer's catalogs: ``facts`` (every seed's shown facts) and ``glossary`` (if any).

    ``articles``: the seeds to take facts from (default: every seed, loaded here).
    """
    units: list[tuple[Unit, str]] = []
    for article in _articles(root, options, []) if articles is None else articles:
        units.extend((unit, article.source_path) for unit in fact_units(article.slug, load_article_facts(article, root)))
    templates: list[tuple[str, Catalog]] = [(FACTS_CATALOG, template_from_units(units))]
    if (root / options.glossary_file).exists():
        templates.append((CATALOG, glossary_template(root, options.glossary_file)))
    return templates


def _cmd_extract(args: argparse.Namespace) -> int:
    options = read_options(args.root)
    locales = args.root / options.locales_dir
    for article in _articles(args.root, options, args.seeds):
        changed = extract(article, locales)
        print(f"locales/{article.slug}.pot: {'written' if changed else 'unchanged'}")
    if not args.seeds:
        print(f"locales/{UI_DOMAIN}.pot: {'written' if extract_ui(locales) else 'unchanged'}")
        for name, template in _layer_templates(args.root, options):
            changed = write_if_changed(pot_path(locales, name), render_po(template))
            print(f"locales/{name}.pot: {'written' if changed else 'unchanged'}")
    return 0


def _load_all(root: Path, options: Options, names: list[str]) -> tuple[list[Article], list[str], set[str]]:
    """Load every seed (or the ``names`` given); a bad one does not stop the others.

    Output: the articles, one ``error: file:line: problem`` line per seed that failed (each
    already printed to stderr), and the slugs (file names) of the seeds that failed.
    """
    paths = [Path(n) for n in names] if names else seed_paths(root / options.seeds_dir)
    articles: list[Article] = []
    errors: list[str] = []
    failed: set[str] = set()
    seen: dict[str, Article] = {}
    for given in paths:
        path = given if given.is_absolute() else root / given
        try:
            article = load_seed(path, root)
            if article.slug in seen:
                raise duplicate_slug_error(article, seen[article.slug], set(seen))
        except ExplainerError as exc:
            errors.append(f"error: {exc}")
            print(errors[-1], file=sys.stderr)
            failed.add(path.stem)
            continue
        seen[article.slug] = article
        articles.append(article)
    return articles, errors, failed


def _status(path: Path, existed: bool, changed: bool) -> str:
    return "created" if not existed else ("updated" if changed else "unchanged")


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _cmd_update(args: argparse.Namespace) -> int:
    options = read_options(args.root)
    locales = args.root / options.locales_dir
    articles, errors, failed = _load_all(args.root, options, args.seeds)
    templates = {article.slug: template_for(article) for article in articles}
    every_slug = set(templates) | failed | {p.stem for p in seed_paths(args.root / options.seeds_dir)}
    reserved = {UI_DOMAIN, FACTS_CATALOG, CATALOG}
    orphans = {o.name for o in find_orphans(locales, every_slug, reserved) if o.path.suffix == ".po"}
    for article in articles:
        if orphans and not any(po_path(locales, lang, article.slug).exists() for lang in options.targets):
            old = next((name for lang in options.targets
                        if (name := renamed_from(templates[article.slug], orphans, locales, lang))), None)
            if old is not None:
                for source, target in rename_catalogs(locales, options.targets, old, article.slug, [FACTS_CATALOG]):
                    moved = f" -> {_shown(target, args.root)}" if target is not None else " (removed)"
                    print(f"{_shown(source, args.root)}{moved}: the seed {old!r} was renamed {article.slug!r} "
                          f"({article.source_path}); its translations and msgctxt moved with it")
                orphans.discard(old)
        pot = pot_path(locales, article.slug)
        existed = pot.exists()
        print(f"{_shown(pot, args.root)}: {_status(pot, existed, extract(article, locales))} (template)")
        for lang in options.targets:
            path = po_path(locales, lang, article.slug)
            existed = path.exists()
            print(f"{_shown(path, args.root)}: {_status(path, existed, update(article, locales, lang))}")
    if not args.seeds:
        pot = pot_path(locales, UI_DOMAIN)
        existed = pot.exists()
        print(f"{_shown(pot, args.root)}: {_status(pot, existed, extract_ui(locales))} (template)")
        for lang in options.languages:
            path = ui_po_path(locales, lang)
            existed = path.exists()
            print(f"{_shown(path, args.root)}: {_status(path, existed, update_ui(locales, lang))}")
        for name, template in _layer_templates(args.root, options, articles):
            pot = pot_path(locales, name)
            existed = pot.exists()
            print(f"{_shown(pot, args.root)}: {_status(pot, existed, write_if_changed(pot, render_po(template)))} "
                  "(template)")
            for lang in options.targets:
                path = po_path(locales, lang, name)
                existed = path.exists()
                print(f"{_shown(path, args.root)}: {_status(path, existed, update_catalog(name, template, locales, lang))}")
        for message in orphan_warnings(args.root, locales, articles, every_slug):
            print(f"warning: {message}")
    if errors:
        print(f"{len(errors)} seed(s) could not be read and were left out (their catalogs are untouched): fix them "
              "and run 'explainer update' again", file=sys.stderr)
    return 1 if errors else 0


def _cmd_rename(args: argparse.Namespace) -> int:
    """``explainer rename OLD NEW``: move a seed, its side files and its catalogs to a new slug."""
    options = read_options(args.root)
    seeds, locales = args.root / options.seeds_dir, args.root / options.locales_dir
    old, new = args.old, args.new
    validate_slug(new, "explainer rename")
    source = seeds / f"{old}.txt"
    if not source.is_file() and not (seeds / f"{new}.txt").is_file():
        raise SeedError(_shown(source, args.root), None, "no such seed file",
                        f"Give the current slug of a seed (the file name in {options.seeds_dir}/ without .txt).")
    side = [(seeds / f"{old}{suffix}", seeds / f"{new}{suffix}") for suffix in (".txt", ".yml", ".facts.yml")]
    for _src, dst in side:
        if dst.exists() and _src.exists():
            raise SeedError(_shown(dst, args.root), None, "exists already: the new slug is taken",
                            "Choose another slug, or move that file away first.")
    moved: list[tuple[Path, Path]] = []
    try:
        for src, dst in side:
            if src.exists():
                os.replace(src, dst)
                moved.append((src, dst))
        article = load_seed(seeds / f"{new}.txt", args.root)
        if article.slug != new:
            raise SeedError(article.source_path, None, f"its metadata sets 'slug: {article.slug}'",
                            "Edit the slug in its metadata instead, then run 'explainer update'.")
        pairs = rename_catalogs(locales, options.targets, old, new, [FACTS_CATALOG])
    except BaseException:
        for src, dst in reversed(moved):  # put the seed files back: nothing half-renamed
            os.replace(dst, src)
        raise
    for src, dst in moved:
        print(f"{_shown(src, args.root)} -> {_shown(dst, args.root)}")
    for src, target in pairs:
        print(f"{_shown(src, args.root)} -> {_shown(target, args.root) if target else '(removed; update extracts the new template)'}")
    existed = pot_path(locales, new).exists()
    print(f"{_shown(pot_path(locales, new), args.root)}: {_status(pot_path(locales, new), existed, extract(article, locales))} "
          "(template)")
    print(f"renamed {old!r} to {new!r}: run 'explainer update' to refresh the catalogs' references")
    return 0


def _cmd_facts(args: argparse.Namespace) -> int:
    for article in _articles(args.root, read_options(args.root), args.seeds):
        print(f"{article.source_path}: key-fact candidates (keys for {Path(article.source_path).stem}.facts.yml)")
        for fact in extract_candidates(article):
            why = "it may not date an event" if fact.kind == "date" else "its phrase may go on"
            mark = "" if fact.reliable else f"   ({why}: shown only when confirmed)"
            print(f"  {fact.key:<40} line {fact.line:<4} {fact.segment_id:<8} {fact.text_ar}{mark}")
        shown = load_article_facts(article, args.root)
        print(f"  shown: {', '.join(f.key for f in shown) or 'none'}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    out = args.dest if args.dest.is_absolute() else Path.cwd() / args.dest
    written = export_site(args.root, out)
    print(f"{out}: {len(written)} generated pages and mkdocs.yml written; build with: cd {out} && mkdocs build")
    return 0


_REASONS = {
    "missing": "no translation yet",
    "blank": "the msgstr is only whitespace",
    "copied": "the msgstr is the Arabic msgid, copied unchanged",
    "fuzzy": "flagged fuzzy: check the English, then remove the flag",
    "outdated": "its Arabic changed and 'explainer update' has not run: the old English is shown as possibly outdated",
}


def _explain(item: WorkItem) -> str:
    if item.state == "finding":
        return item.detail
    if item.line is None and item.state == "untranslated":
        return "no entry in the catalog yet: run 'explainer update'"
    return _REASONS.get(item.detail, item.detail)


def _cmd_coverage(args: argparse.Namespace) -> int:
    options = read_options(args.root)
    gate = options.translation_gate
    minimum = args.min if args.min is not None else (gate.min_coverage if gate else 0.0)
    articles_only = args.min is None  # the gate's minimum, as the build applies it: to the articles
    fail_on_findings = args.fail_on_findings or bool(gate and gate.fail_on_findings)
    site = build_site(options, args.root)
    rows: list[tuple[str, str, dict[str, int], int | None]] = []
    totals: dict[str, dict[str, int]] = {}
    found_total: dict[str, int] = {}
    for article in site.articles:
        for lang in options.targets:
            states = site.states[article.slug][lang]
            found = len(states.findings())
            rows.append((article.slug, lang, states.counts, found))
            bucket = totals.setdefault(lang, {"translated": 0, "fuzzy": 0, "untranslated": 0})
            for key, value in states.counts.items():
                bucket[key] += value
            found_total[lang] = found_total.get(lang, 0) + found
    rows += [("TOTAL", lang, counts, found_total[lang]) for lang, counts in totals.items()]
    rows += [(f"({UI_DOMAIN}: interface)", lang, site.ui.counts(lang), None)
             for lang in options.languages if lang != UI_SOURCE_LANG]
    print(f"{'article':<24} {'lang':<5} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} {'findings':>8} {'percent':>8}")
    failed = []
    for index, (name, lang, counts, findings) in enumerate(rows):
        figure = percent(counts["translated"], sum(counts.values()))
        if figure < minimum and not (articles_only and index >= len(site.articles) * len(options.targets)):
            failed.append(f"{name} ({lang})")
        shown = "-" if findings is None else str(findings)
        print(f"{name:<24} {lang:<5} {counts['translated']:>10} {counts['fuzzy']:>6} {counts['untranslated']:>12} "
              f"{shown:>8} {figure:>7}%")
    items = [item for slug in site.work for lang in site.work[slug] for item in site.work[slug][lang]]
    listed = items if args.list else [item for item in items if item.state == "finding"]
    if listed:
        print()
        print("segments that need work:" if args.list else "findings of the translation checks:")
        width = max(len(item.segment_id) for item in listed)
        for item in listed:
            print(f"  {item.slug} ({item.lang}) {item.segment_id:<{width}} {item.state:<12} {item.location()}: {_explain(item)}")
    status = 0
    if failed:
        print(f"coverage below the threshold of {minimum:g}%: {', '.join(failed)}", file=sys.stderr)
        status = 1
    findings_count = sum(1 for item in items if item.state == "finding")
    if fail_on_findings and findings_count:
        print(f"{findings_count} finding(s) of the translation checks (see above); --fail-on-findings", file=sys.stderr)
        status = 1
    return status


class _Output:
    """Stands in for ``sys.stdout`` while a command runs: a closed pipe silences it, nothing else.

    Python raises :class:`BrokenPipeError` on the first write after the reader closed the
    pipe (it ignores SIGPIPE). Here that write, and every later one, is dropped, and file
    descriptor 1 is pointed at ``/dev/null`` so the interpreter's final flush finds no
    closed pipe either (the recipe of Python's ``signal`` documentation, "Note on SIGPIPE").
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.reader_gone = False

    def _gone(self) -> None:
        self.reader_gone = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self._stream.fileno())
        finally:
            os.close(devnull)

    def write(self, text: str) -> int:
        if not self.reader_gone:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._gone()
        return len(text)

    def flush(self) -> None:
        if not self.reader_gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._gone()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


#: errno values that mean the disk refused new data (POSIX): full, over quota, file too large, read-only.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except ExplainerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a read-only folder: name the file, no traceback
        where = Path(exc.filename) if exc.filename else None
        if where is not None and where.is_absolute() and where.is_relative_to(args.root):
            where = where.relative_to(args.root)
        verb = "cannot write" if exc.errno in _WRITE_ERRORS else "cannot read or write"
        print(f"error: {where or args.command}: {verb}: {exc.strerror or exc}\n"
              "  Free some space (or fix the folder's permissions) and run the command again: "
              "every file already written is whole.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"explainer {args.command}: interrupted; every file it wrote is whole (old or new). "
              "Run it again to finish.", file=sys.stderr)
        return 130


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``explainer`` command. Returns the exit status."""
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="parse seeds and print their structure, repairs and drops; "
                                          "exit 1 on errors")
    check.add_argument("seeds", nargs="*", help="seed files (default: every seeds/*.txt)")
    check.add_argument("--json", action="store_true", help="print the parsed structure and report as JSON")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too (like mkdocs build --strict)")
    check.set_defaults(func=_cmd_check)
    for name, func, helptext in (
        ("extract", _cmd_extract, "write locales/<slug>.pot from each seed (and locales/ui.pot, glossary.pot)"),
        ("update", _cmd_update, "extract, then merge templates into every PO file (fuzzy, #| msgid, #~)"),
        ("facts", _cmd_facts, "list each seed's key-fact candidates and the facts shown"),
    ):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("seeds", nargs="*", help="seed files (default: every seeds/*.txt)")
        cmd.set_defaults(func=func)
    ren = sub.add_parser("rename", help="rename a seed: move seeds/OLD.txt (.yml, .facts.yml) and its catalogs "
                                        "to NEW, msgctxt included, keeping every translation")
    ren.add_argument("old", help="the current slug (seeds/OLD.txt)")
    ren.add_argument("new", help="the new slug: lowercase ASCII letters, digits and hyphens")
    ren.set_defaults(func=_cmd_rename)
    cov = sub.add_parser("coverage", help="print translation coverage and the checks' findings; exit 1 below --min")
    cov.add_argument("--min", type=float, default=None,
                     help="minimum percent of current (non-fuzzy) translations for every article (its key facts and "
                          "glossary entries included), the total and the interface; figures are whole percents "
                          "rounded down (default: the min_coverage of extra.explainer.translation_gate for the "
                          "articles, as the build applies it, else 0)")
    cov.add_argument("--fail-on-findings", action="store_true",
                     help="exit 1 when a translation check finds something (default: the gate's fail_on_findings)")
    cov.add_argument("--list", action="store_true",
                     help="list every segment that needs work: id, state, PO file:line, what to do")
    cov.set_defaults(func=_cmd_coverage)
    exp = sub.add_parser("export", help="write the site as plain pages + mkdocs.yml that build without hooks")
    exp.add_argument("dest", type=Path, help="an empty or new folder")
    exp.set_defaults(func=_cmd_export)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    stdout = sys.stdout
    output = _Output(stdout)
    sys.stdout = output  # type: ignore[assignment]
    try:
        return _run(args)
    finally:
        output.flush()
        sys.stdout = stdout


if __name__ == "__main__":
    raise SystemExit(main())
