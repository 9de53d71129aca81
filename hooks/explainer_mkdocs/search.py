"""Writing the per-language search bundles: at once in a build, behind the preview under ``serve``.

A Pagefind index cannot be updated in place: every bundle is written whole, and indexing
thousands of records takes seconds. :class:`SearchIndexer` therefore

* in ``mkdocs build`` (and the first build of ``mkdocs serve``) writes every bundle before
  the build ends;
* in a ``serve`` rebuild puts back the bundle of each language whose records did not
  change (the plugin moved it aside before MkDocs emptied the site folder, see
  :mod:`explainer_mkdocs.plugin`), puts back the last bundle of a language whose records
  changed too (the preview keeps a working search), and indexes the new records in a
  background thread; the finished bundle replaces the old one as soon as it is written,
  unless a newer rebuild has started (that rebuild's own job then follows). So the page
  is served without waiting for Pagefind, and the search index is exact a few seconds
  later.

Bundles are written and verified by :func:`explainer.search.bundle.write_bundles`;
Material's own ``search/search_index.json`` is replaced by a stub in every case.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from explainer.cache import digest
from explainer.search.bundle import INDEX_DIR, stub_material_index, write_bundles
from explainer.search.rules import SearchRecord


def records_digest(records: Sequence[SearchRecord]) -> bytes:
    """Digest of everything a bundle is made from (location, language, title, page title, text of each record)."""
    return digest(*(part for r in records for part in (r.location, r.lang, r.title, r.page_title, r.text)))


def _replace_dir(new: Path, target: Path) -> None:
    """Put folder ``new`` at ``target`` (same file system: renames only)."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(new, target)


@dataclass
class _Job:
    generation: int
    site_dir: Path
    records: dict[str, list[SearchRecord]]
    digests: dict[str, bytes]


class SearchIndexer:
    """The search bundles of one plugin (one ``mkdocs serve`` session): see the module docstring.

    ``log`` receives one line per bundle written (``lang``, records, bytes, seconds after
    the pages, or ``None`` when the build waited for it); ``errors`` the messages of
    background runs that failed (the previous bundle then stays).
    """

    def __init__(self, log: Callable[[str, int, int, float | None], None], errors: Callable[[str], None]) -> None:
        self._log = log
        self._errors = errors
        self._lock = threading.Lock()
        self._generation = 0
        self._on_disk: dict[str, bytes] = {}  # lang -> records digest of the bundle in the site folder
        self._pending: _Job | None = None
        self._worker: threading.Thread | None = None

    def begin_build(self) -> None:
        """A build starts: from now on no older job writes into the site folder."""
        with self._lock:
            self._generation += 1

    def set_aside(self, site_dir: Path, aside: Path) -> None:
        """Move the bundles in ``site_dir`` to ``aside`` (before MkDocs empties the site folder)."""
        with self._lock:
            for lang in self._on_disk:
                folder = site_dir / INDEX_DIR / lang
                if folder.is_dir():
                    _replace_dir(folder, aside / lang)

    def write(self, site_dir: Path, records: Mapping[str, Sequence[SearchRecord]], aside: Path | None,
              keys: Mapping[str, bytes] | None = None) -> None:
        """Write ``site_dir/search/<lang>/`` for every language and stub Material's index.

        ``aside``: where :meth:`set_aside` put the last bundles (a ``serve`` rebuild, which
        indexes changed languages in the background); ``None`` writes everything now.
        ``keys``: a digest of what each language's records were made from (else
        :func:`records_digest`). Raises :class:`~explainer.search.bundle.SearchIndexError`
        from a run that is waited for.
        """
        groups = {lang: list(group) for lang, group in records.items() if group}
        digests = {lang: (keys or {}).get(lang) or records_digest(group) for lang, group in groups.items()}
        kept = {lang for lang in groups if aside is not None and (aside / lang).is_dir() and lang in self._on_disk}
        stub_material_index(site_dir)  # first: it raises when Material's search plugin is missing
        if aside is None or kept != set(groups):
            reports = write_bundles(groups, site_dir / INDEX_DIR)
            self._on_disk = dict(digests)
            for lang, report in reports.items():
                self._log(lang, report.records, report.bytes_on_disk, None)
            return
        with self._lock:
            for lang in groups:  # exact, or the last bundle until the new one is written
                _replace_dir(aside / lang, site_dir / INDEX_DIR / lang)
            changed = {lang: groups[lang] for lang in groups if self._on_disk[lang] != digests[lang]}
            # the job of an earlier rebuild still waiting is not needed any more
            self._pending = _Job(self._generation, site_dir, changed, {lang: digests[lang] for lang in changed}) if changed else None
            if changed and self._worker is None:
                self._worker = threading.Thread(target=self._run, name="explainer-search", daemon=True)
                self._worker.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._worker = None  # under the lock: a job queued from now on starts a new worker
                    return
            start = time.perf_counter()
            # Staged beside the bundles (a hidden folder survives MkDocs' cleaning), so putting it in place is a rename.
            staging = Path(tempfile.mkdtemp(prefix=".explainer-search-", dir=job.site_dir))
            try:
                reports = write_bundles(job.records, staging)
                with self._lock:
                    current = job.generation == self._generation
                    if current:  # no newer build has started since: put the new bundles in place
                        for lang in reports:
                            _replace_dir(staging / lang, job.site_dir / INDEX_DIR / lang)
                            self._on_disk[lang] = job.digests[lang]
                if current:
                    for lang, report in reports.items():
                        self._log(lang, report.records, report.bytes_on_disk, time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001 - reported; the preview keeps its previous bundle
                self._errors(f"search index not updated: {exc}")
            finally:
                shutil.rmtree(staging, ignore_errors=True)

    def wait(self, timeout_seconds: float | None = None) -> None:
        """Wait for the background indexing to finish (tests, shutdown)."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout_seconds)
