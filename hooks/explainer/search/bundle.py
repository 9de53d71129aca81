"""Write and verify the per-language Pagefind search bundles of a built site.

Entry points:

* :func:`write_bundles`: search records per language (see :class:`SearchRecord`) and an
  output folder in; ``<folder>/<lang>/`` out for every language, holding only what a browser
  fetches (``pagefind.js``, the entry and meta files, the language's WebAssembly, ``index/``
  and ``fragment/`` chunks). Each bundle is verified before it replaces the old one.
* :func:`stub_material_index`: rewrites Material's ``search/search_index.json`` to a stub
  without documents (Material's page script fetches it on every page load). The records
  themselves come from the core (:mod:`explainer.search.records`).

How: Pagefind's supported command line (the ``pagefind`` binary that ships in the
``pagefind-bin`` wheel), run once per language over a scratch folder holding one small HTML
file per site page (:func:`page_html`): the page's own record, then each section record
under a heading whose ``id`` is the section's anchor. Pagefind indexes a page once and lists
its headings' ids with their word positions (``anchors``, what its sub-results are made
of), so the search worker splits a result into its sections and links to ``page#id``; one
Pagefind page per site page instead of one per section makes a third of the files and
fragments, and Pagefind's indexing time falls with them. Metadata that the search worker
reads (``url``, ``title``, ``page``) is tagged with ``data-pagefind-meta`` as Pagefind
documents it (the ``url`` meta is Pagefind's way to give a result an address other than
its file's). The binary exits only when every
file is written; the Python API's service, by contrast, is stopped right after its reply,
which left empty files on a busy machine, and its reader waits 0.1 s per record.

Pagefind tokenizes, stems and chunks; what it is given is decided by
:mod:`explainer.search.rules`.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import shutil
import subprocess
import tempfile
import zlib
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from explainer.errors import ExplainerError
from explainer.search.rules import TERMS_SEPARATOR, SearchRecord, words

INDEX_DIR = "search"
MATERIAL_INDEX = "search/search_index.json"
#: Files of Pagefind's output that a browser running our worker fetches.
_KEPT_TOP_LEVEL = ("pagefind.js", "pagefind-entry.json")
_KEPT_PREFIXES = ("pagefind.", "index/", "fragment/")
_DROPPED = ("pagefind-",)
#: Every compressed Pagefind file (``.pf_meta``, ``.pf_index``, ``.pf_fragment``) is gzip whose
#: content starts with this signature.
SIGNATURE = b"pagefind_dcd"
#: Pagefind reads its configuration from ``PAGEFIND_*`` variables and a ``pagefind.*`` file in
#: its working folder: the bundle must not depend on either, so both are kept away from it.
_ENV_PREFIX = "PAGEFIND_"
_INSTALL_HINT = ("Check that the 'pagefind[bin]' package is installed (make test and make serve install it "
                 "from requirements.lock).")


class SearchIndexError(ExplainerError):
    """The search index could not be written or is broken; the message says why and what to do."""


@dataclass(frozen=True)
class BundleReport:
    """One written bundle: its language, folder, records, bytes on disk and the word that was looked up in it."""

    lang: str
    path: Path
    records: int
    bytes_on_disk: int
    probe: str


# -- writing -----------------------------------------------------------------------------

def _wasm_name(bundle: Path, lang: str) -> str:
    """The WebAssembly file Pagefind's script loads for ``lang``: the language's own (stemming),
    or ``wasm.unknown.pagefind`` when the entry file says Pagefind has none for it (``"wasm": null``)."""
    try:
        info = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"][lang]
    except (OSError, ValueError, KeyError, TypeError):
        return f"wasm.{lang}.pagefind"  # verify_bundle reports the broken entry file
    return f"wasm.{info.get('wasm') or 'unknown'}.pagefind"


def _keep(path: str, wasm: str) -> bool:
    name = PurePosixPath(path).as_posix()
    if name in _KEPT_TOP_LEVEL or name == wasm:
        return True
    if name.startswith("wasm.") or any(name.startswith(p) for p in _DROPPED):
        return False
    return any(name.startswith(p) for p in _KEPT_PREFIXES)


@dataclass(frozen=True)
class SearchPage:
    """The records of one page, as Pagefind indexes them: one Pagefind page per site page.

    ``location`` is the page's address (no ``#``); ``head`` its own record (title, lede and
    untitled intro), ``None`` when the records give none; ``sections`` the records whose
    location is ``location#id``, in reading order.
    """

    location: str
    head: SearchRecord | None
    sections: tuple[SearchRecord, ...]

    @property
    def title(self) -> str:
        """The page's title: its own record's, else the page title of its first section."""
        return self.head.title if self.head is not None else self.sections[0].page_title

    @property
    def page_title(self) -> str:
        return self.head.page_title if self.head is not None else self.sections[0].page_title

    @property
    def records(self) -> tuple[SearchRecord, ...]:
        return ((self.head,) if self.head is not None else ()) + self.sections


def search_pages(records: Sequence[SearchRecord]) -> list[SearchPage]:
    """Group records by page (:attr:`SearchRecord.page`), pages in the order of their first record.

    >>> [(p.location, [r.location for r in p.records]) for p in search_pages(
    ...     [SearchRecord("a/", "ar", "ت", "ت", ""), SearchRecord("a/#s1", "ar", "ع", "ت", "")])]
    [('a/', ['a/', 'a/#s1'])]
    """
    heads: dict[str, SearchRecord | None] = {}
    sections: dict[str, list[SearchRecord]] = {}
    for record in records:
        page = record.page
        heads.setdefault(page, None)
        sections.setdefault(page, [])
        if record.location == page:
            heads[page] = record
        else:
            sections[page].append(record)
    return [SearchPage(page, heads[page], tuple(sections[page])) for page in heads]


def _paragraph(record: SearchRecord) -> str:
    # The separator closes the written text: what Pagefind appends to a block (a full stop) falls after it.
    return f"<p>{html.escape(record.text, quote=False)} {TERMS_SEPARATOR}</p>"


def page_html(page: SearchPage, lang: str) -> str:
    """The HTML page Pagefind indexes for one site page: its language, its metadata, its records.

    Input: a :class:`SearchPage` and the BCP 47 code of its bundle. Output: a complete HTML
    document whose ``<head>`` tags ``url`` (the page's location), ``title`` and ``page``
    through ``data-pagefind-meta="key[content]"``, and whose ``data-pagefind-body`` holds the
    page's own record (title as ``<h1>``, text) and then each section record as an ``<h2>``
    whose ``id`` is the part of its location after ``#`` (Pagefind lists it under
    ``anchors`` with its word position, so the search worker links to ``page#id``), followed
    by its text. Each text ends with :data:`TERMS_SEPARATOR`; a last paragraph holds, after
    the separator, the extra terms of all the page's records (:meth:`SearchRecord.extra_terms`),
    each once: they make Pagefind find the page, and the worker matches a section on its
    written text. Every value is escaped (HTML 5 text and attribute escaping), so record text
    is never markup.

    >>> html_page = page_html(SearchPage("x/", None, (SearchRecord("x/#s1", "ar", "<b>", "ص", "نص"),)), "ar")
    >>> '<meta data-pagefind-meta="url[content]" content="x/">' in html_page, '<h2 id="s1">&lt;b&gt;</h2>' in html_page
    (True, True)
    """
    meta = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{html.escape(value, quote=True)}">'
                   for key, value in (("url", page.location), ("title", page.title), ("page", page.page_title)))
    body = []
    if page.head is not None:
        body.append(f"<h1>{html.escape(page.head.title, quote=False)}</h1>{_paragraph(page.head)}")
    for record in page.sections:
        anchor = record.location.split("#", 1)[1]
        body.append(f'<h2 id="{html.escape(anchor, quote=True)}">{html.escape(record.title, quote=False)}</h2>'
                    f"{_paragraph(record)}")
    # Each extra term once per page: Pagefind finds the page, and the worker matches sections on their written text.
    extra = dict.fromkeys(term for record in page.records for term in record.extra_terms().split())
    body.append(f"<p>{TERMS_SEPARATOR} {html.escape(' '.join(extra), quote=False)}</p>")
    return (f'<!DOCTYPE html><html lang="{html.escape(lang, quote=True)}"><head><meta charset="utf-8">'
            f"<title></title>{meta}</head><body><main data-pagefind-body>{''.join(body)}</main></body></html>\n")


def _executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("pagefind", None, "Pagefind's binary package 'pagefind-bin' is not installed",
                               _INSTALL_HINT) from None
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise SearchIndexError("pagefind", None, f"Pagefind's binary is missing: {exc}", _INSTALL_HINT) from None


def _start(binary: Path, site: Path, out: Path, work: Path) -> subprocess.Popen[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(_ENV_PREFIX)}
    try:
        return subprocess.Popen([str(binary), "--site", str(site), "--output-path", str(out), "--silent"],
                                cwd=work, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except OSError as exc:
        raise SearchIndexError("pagefind", None, f"Pagefind could not be started: {exc}", _INSTALL_HINT) from None


def _prune(bundle: Path, lang: str) -> int:
    """Delete what a browser running our worker never fetches; return the bytes left."""
    total = 0
    wasm = _wasm_name(bundle, lang)
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        if _keep(path.relative_to(bundle).as_posix(), wasm):
            total += path.stat().st_size
        else:
            path.unlink()
    for folder in sorted((p for p in bundle.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return total


def _swap(staging: Path, target: Path) -> None:
    """Put the verified bundle ``staging`` in place of ``target`` (two renames in one folder)."""
    old = target.parent / f".{target.name}-old"
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


#: A memory-backed folder for Pagefind's input pages, when the machine has one with room: creating
#: thousands of small files there takes a fraction of the time it takes on a disk (measured: 6,000
#: files in 0.12 s on tmpfs, 3.8 s on ext4). The bundle itself is written to the site folder.
_MEMORY_FOLDER = Path("/dev/shm")
#: Room to reserve per input page: a section's record is a few KB, and a file takes a 4 KB block at least.
_PAGE_BYTES = 16384


def _scratch_parent(needed: int) -> str | None:
    """Where the input pages go: the memory folder if it is writable with 4x ``needed`` bytes free, else the temp dir."""
    try:
        if not os.access(_MEMORY_FOLDER, os.W_OK | os.X_OK):
            return None
        stats = os.statvfs(_MEMORY_FOLDER)
    except OSError:
        return None
    return str(_MEMORY_FOLDER) if stats.f_bavail * stats.f_frsize > 4 * needed else None


def write_bundles(records: Mapping[str, Sequence[SearchRecord]], out_dir: Path) -> dict[str, BundleReport]:
    """Write and verify one Pagefind bundle per language: ``out_dir/<lang>/``.

    Input: records keyed by language (BCP 47 code; languages with no record are skipped) and
    the folder to write into (created if missing). Each language's Pagefind runs as its own
    process, all at once. A bundle replaces the old folder only once it has passed
    :func:`verify_bundle`, so a failed run leaves the previous bundle in place.
    Output: a :class:`BundleReport` per language written.
    Raises :class:`SearchIndexError` when Pagefind is missing, fails, or writes a broken bundle.
    """
    groups = {lang: list(group) for lang, group in records.items() if group}
    if not groups:
        return {}
    binary = _executable()
    out_dir.mkdir(parents=True, exist_ok=True)
    reports: dict[str, BundleReport] = {}
    running: dict[str, subprocess.Popen[bytes]] = {}
    staging: dict[str, Path] = {}
    needed = sum(len(group) for group in groups.values()) * _PAGE_BYTES  # a section's share of its page
    with tempfile.TemporaryDirectory(prefix="explainer-search-", dir=_scratch_parent(needed)) as tmp:
        try:
            for lang, group in groups.items():
                # Pagefind writes straight into a new folder beside the old bundle: no copy.
                staging[lang] = Path(tempfile.mkdtemp(prefix=f".{lang}-new-", dir=out_dir))
                staging[lang].chmod(0o755)  # mkdtemp makes it private; a served site needs it readable
                site = Path(tmp) / lang / "site"
                site.mkdir(parents=True)
                for number, page in enumerate(search_pages(group)):
                    (site / f"{number:07d}.html").write_text(page_html(page, lang), "utf-8")
                # Started at once: this language is indexed while the next one's pages are written.
                running[lang] = _start(binary, site, staging[lang], site.parent)
            for lang, process in running.items():
                output, _ = process.communicate()
                if process.returncode != 0:
                    tail = output.decode("utf-8", "replace").strip()[-2000:]
                    raise SearchIndexError("pagefind", None,
                                           f"Pagefind failed on the {lang} records (exit status "
                                           f"{process.returncode}): {tail or 'no output'}", _INSTALL_HINT)
            for lang, group in groups.items():
                size = _prune(staging[lang], lang)
                try:
                    probe = verify_bundle(staging[lang], lang, group)
                except SearchIndexError as exc:  # name the bundle it would have replaced, not the staging folder
                    raise SearchIndexError(str(out_dir / lang), None, exc.problem, exc.hint) from None
                _swap(staging.pop(lang), out_dir / lang)
                reports[lang] = BundleReport(lang, out_dir / lang, len(group), size, probe)
        finally:
            for process in running.values():
                if process.poll() is None:
                    process.kill()
                    process.wait()
            for folder in staging.values():
                shutil.rmtree(folder, ignore_errors=True)
    return reports


# -- verifying ---------------------------------------------------------------------------

def _broken(bundle: Path, problem: str) -> SearchIndexError:
    return SearchIndexError(
        str(bundle), None, f"the search bundle is broken: {problem}",
        "Nothing was published from it. Run the build again; if it fails the same way, the installed Pagefind "
        "does not write what this project expects (pinned in requirements.lock: reinstall with make test).")


def read_chunk(bundle: Path, path: Path) -> bytes:
    """The content of a compressed Pagefind file (``.pf_meta``, ``.pf_index``, ``.pf_fragment``).

    Input: the bundle folder and the file's path in it. Output: the bytes after the gzip
    layer and :data:`SIGNATURE`. Raises :class:`SearchIndexError` naming the bundle and the
    file when the file is missing, empty, truncated (an incomplete gzip stream, RFC 1952) or
    lacks the signature.
    """
    name = path.relative_to(bundle).as_posix()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _broken(bundle, f"{name} is missing") from None
    if not data:
        raise _broken(bundle, f"{name} is empty")
    try:
        raw = gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise _broken(bundle, f"{name} is not a complete gzip file ({exc})") from None
    if not raw.startswith(SIGNATURE):
        raise _broken(bundle, f"{name} lacks Pagefind's signature")
    return raw[len(SIGNATURE):]


def _cbor(bundle: Path, path: Path) -> object:
    import cbor2

    try:
        return cbor2.loads(read_chunk(bundle, path))
    except cbor2.CBORDecodeError as exc:
        raise _broken(bundle, f"{path.relative_to(bundle).as_posix()} is not readable CBOR ({exc})") from None


def _probe_words(record: SearchRecord) -> list[str]:
    """Words of a record to look up, longest first: folded, letters only, two or more of them
    (Pagefind leaves out one-letter words), with the stems the record's content adds
    (Pagefind's Arabic stemmer takes the article off: its index holds ``سيار`` for ``السيارات``)."""
    found = [w for w in dict.fromkeys(words(record.content())) if len(w) >= 2 and w.isalpha()]
    return sorted(found, key=len, reverse=True)


def _pages_of(entry: object, page_count: int) -> set[int]:
    """The page numbers of one word of a chunk: stored as differences from the previous one."""
    numbers, number = set(), 0
    for page in entry[1]:  # type: ignore[index]
        number += int(page[0])
        if not 0 <= number < page_count:
            raise ValueError(f"page {number} of {page_count}")
        numbers.add(number)
    return numbers


def _index_finds(bundle: Path, meta: object, page: int, candidates: Sequence[str]) -> str | None:
    """The first candidate word that Pagefind's word index leads to ``page``, else None.

    Pagefind 1.5 writes its meta file as a CBOR array whose second item lists the pages and
    third the index chunks as ``[from, to, hash]`` (words sorted; a chunk holds the words from
    ``from`` to ``to``), and each chunk as ``[[word, [[page, ...], ...], ...], ...]`` where each
    page number is the difference from the word's previous one. Pagefind indexes stems, so a
    candidate is found when an indexed word that is the candidate or a prefix of it (two
    letters or more) lists the page, as Pagefind's own search matches a typed word.
    Raises :class:`SearchIndexError` when a chunk it reads does not have that layout or
    names a page that does not exist.
    """
    try:
        chunks = sorted((str(c[0]), str(c[1]), str(c[2])) for c in meta[2])  # type: ignore[index]
        page_count = len(meta[1])  # type: ignore[index]
    except (TypeError, IndexError, KeyError):
        raise _broken(bundle, "its meta file does not list index chunks as Pagefind 1.5 does") from None
    starts = [c[0] for c in chunks]
    loaded: dict[str, dict[str, set[int]]] = {}
    for word in candidates:
        for end in range(len(word), 1, -1):
            prefix = word[:end]
            at = bisect_right(starts, prefix) - 1
            if at < 0 or prefix > chunks[at][1]:
                continue
            digest = chunks[at][2]
            if digest not in loaded:
                index = _cbor(bundle, bundle / "index" / f"{digest}.pf_index")
                try:
                    loaded[digest] = {str(e[0]): _pages_of(e, page_count) for e in index[0]}  # type: ignore[index]
                except (TypeError, IndexError, KeyError, ValueError):
                    raise _broken(bundle, f"index/{digest}.pf_index does not hold words as Pagefind 1.5 does") from None
            if page in loaded[digest].get(prefix, ()):
                return word
    return None


def _check_anchors(bundle: Path, page: SearchPage, fragment: dict) -> None:
    """The anchors of ``page``'s fragment are its sections' ids, in order, each at the start of its heading."""
    try:
        anchors = [(str(a["id"]), int(a["location"]), str(a["text"])) for a in fragment.get("anchors", []) if a.get("id")]
        words_of = str(fragment["content"]).split()
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _broken(bundle, f"the result of {page.location!r} does not list its anchors as Pagefind 1.5 does") from None
    expected = [record.location.split("#", 1)[1] for record in page.sections]
    if [anchor for anchor, _, _ in anchors] != expected:
        raise _broken(bundle, f"the result of {page.location!r} has the anchors {[a for a, _, _ in anchors][:5]}, "
                              f"expected {expected[:5]}")
    for anchor, location, text in anchors:
        heading = text.split()
        if [w.rstrip(".") for w in words_of[location:location + len(heading)]] != [w.rstrip(".") for w in heading]:
            raise _broken(bundle, f"the anchor {page.location}#{anchor} is not at its heading in the result's text")


def verify_bundle(bundle: Path, lang: str, records: Sequence[SearchRecord]) -> str:
    """Check a freshly written bundle; return the word that was found in its index.

    Checks, in order: every file is non-empty; ``pagefind-entry.json`` parses and lists
    exactly ``lang`` with one page per site page of the records (:func:`search_pages`); the
    meta file it names and the language's WebAssembly exist; every ``.pf_*`` file is a
    complete gzip stream with Pagefind's signature; the fragments (what a search result's
    ``data()`` returns) carry exactly the pages' locations, and each lists its sections'
    anchors in order at the word where the section's heading starts in its ``content`` (what
    the search worker splits a page's text at); and a word of the first record with words is
    found in the word index, on that record's page (returned; ``""`` when no record has a
    word of two letters). Input: the bundle folder, its language, the records given to Pagefind.
    Raises :class:`SearchIndexError` naming the first problem.
    """
    if not bundle.is_dir():
        raise _broken(bundle, "Pagefind wrote no folder")
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    for path in files:
        if path.stat().st_size == 0:
            raise _broken(bundle, f"{path.relative_to(bundle).as_posix()} is empty")
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text("utf-8"))
        languages = entry["languages"]
        info = languages[lang]
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
    except FileNotFoundError:
        raise _broken(bundle, "pagefind-entry.json is missing") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise _broken(bundle, f"pagefind-entry.json does not describe the {lang} index ({exc!r})") from None
    if set(languages) != {lang}:
        raise _broken(bundle, f"pagefind-entry.json lists the languages {sorted(languages)}, expected only {lang!r}")
    pages = search_pages(records)
    if info.get("page_count") != len(pages):
        raise _broken(bundle, f"pagefind-entry.json counts {info.get('page_count')} pages for {len(pages)} pages "
                              f"of {len(records)} records")
    for required in (bundle / "pagefind.js", meta_path, bundle / _wasm_name(bundle, lang)):
        if not required.is_file():
            raise _broken(bundle, f"{required.name} is missing")
    fragments: dict[str, dict] = {}
    for path in files:
        if path.suffix.startswith(".pf_"):
            content = read_chunk(bundle, path)
            if path.suffix == ".pf_fragment":
                try:
                    data = json.loads(content)
                    str(data["meta"]["url"]) and str(data["content"])
                except (ValueError, KeyError, TypeError):
                    raise _broken(bundle, f"fragment/{path.name} has no result address (meta url)") from None
                fragments[path.stem] = data
    by_location = {str(data["meta"]["url"]): digest for digest, data in fragments.items()}
    if sorted(by_location) != sorted(page.location for page in pages) or len(by_location) != len(fragments):
        missing = sorted({page.location for page in pages} - set(by_location))[:3]
        raise _broken(bundle, f"its {len(fragments)} results do not match the {len(pages)} pages of the "
                              f"{len(records)} records (missing, e.g.: {missing})")
    for page in pages:
        _check_anchors(bundle, page, fragments[by_location[page.location]])
    meta = _cbor(bundle, meta_path)
    try:
        page_hashes = [str(page[0]) for page in meta[1]]  # type: ignore[index]
    except (TypeError, IndexError, KeyError):
        raise _broken(bundle, "its meta file does not list pages as Pagefind 1.5 does") from None
    for record in records:
        candidates = _probe_words(record)
        if not candidates:
            continue
        digest = by_location[record.page]
        if digest not in page_hashes:
            raise _broken(bundle, f"the meta file does not list the page {record.page!r}")
        found = _index_finds(bundle, meta, page_hashes.index(digest), candidates)
        if found is None:
            raise _broken(bundle, f"no word of {record.location!r} ({', '.join(candidates[:3])}...) "
                                  "is found in the word index")
        return found
    return ""  # no record has a word of two letters: nothing to look up


# -- the MkDocs build ----------------------------------------------------------------------

def stub_material_index(site_dir: Path) -> int:
    """Replace Material's ``search/search_index.json`` in ``site_dir`` by a stub without documents.

    Material's page script fetches that file on every page load, and our search needs only
    its ``config``. Output: the size in bytes the index had. Raises :class:`SearchIndexError`
    when the index is missing (the ``search`` plugin must stay enabled: it renders the search
    box).
    """
    from explainer.fileio import atomic_write_text

    index_path = site_dir / MATERIAL_INDEX
    if not index_path.is_file():
        raise SearchIndexError(MATERIAL_INDEX, None, "Material's search index was not written",
                               "Keep '- search' under 'plugins:' in mkdocs.yml: Material's search box and result "
                               "list need it (the explainer plugin replaces its index with Pagefind's).")
    material_bytes = index_path.stat().st_size
    material_index = json.loads(index_path.read_text("utf-8"))
    stub = {"config": material_index.get("config", {}), "docs": []}
    atomic_write_text(index_path, json.dumps(stub, ensure_ascii=False, separators=(",", ":")))
    return material_bytes
