"""Write the per-language Pagefind search bundles of a built site.

Input: the site folder after Material's search plugin wrote ``search/search_index.json``
(its documents are our source of pages and sections) and the language of each page.
Output: ``search/<lang>/`` for every language, holding only what a browser fetches
(``pagefind.js``, the entry and meta files, the language's WebAssembly, ``index/`` and
``fragment/`` chunks); and ``search/search_index.json`` rewritten to a stub without
documents, because Material's page script fetches it on every page load.

Pagefind (PyPI ``pagefind[bin]``, the binary ships in the wheel) tokenizes, stems and
chunks; what it is given is decided by :mod:`explainer.search.rules`.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from explainer.errors import ExplainerError
from explainer.search.rules import SearchRecord, by_language, records_from_index

INDEX_DIR = "search"
MATERIAL_INDEX = "search/search_index.json"
#: Files of Pagefind's output that a browser running our worker fetches.
_KEPT_TOP_LEVEL = ("pagefind.js", "pagefind-entry.json")
_KEPT_PREFIXES = ("pagefind.", "wasm.", "index/", "fragment/")
_DROPPED = ("pagefind-", "wasm.unknown.")


class SearchIndexError(ExplainerError):
    """The search index could not be written; the message says why and what to do."""


@dataclass(frozen=True)
class SearchIndexReport:
    """What was written: records and bytes on disk per language (``search/<lang>/``), and
    the size Material's own index had (every page load fetched it whole) before the stub."""

    records: dict[str, int]
    bytes_on_disk: dict[str, int]
    material_index_bytes: int


def _keep(path: str, lang: str) -> bool:
    name = PurePosixPath(path).as_posix()
    if name in _KEPT_TOP_LEVEL:
        return True
    if any(name.startswith(p) for p in _DROPPED):
        return False
    if name.startswith("wasm."):
        return name == f"wasm.{lang}.pagefind"
    return any(name.startswith(p) for p in _KEPT_PREFIXES)


class _NoPollDelay:
    """Stands in for ``asyncio`` inside ``pagefind.service`` (pagefind 1.5, Python API).

    Its response loop sleeps 0.1 s before reading each reply, so every
    ``add_custom_record`` costs 100 ms of wall time however fast the indexer is:
    600 records per language at N = 100 articles took a minute, N = 1,000 over ten.
    The read after the sleep blocks until a reply arrives, so the sleep is only
    a delay; this proxy makes it yield to the event loop instead. Measured:
    3,000 records in 0.7 s instead of about 300 s (``make bench``).
    """

    def __init__(self, real: object) -> None:
        self._real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    @staticmethod
    async def sleep(delay: float, result: object = None) -> object:
        return await asyncio.sleep(0, result)


def _without_poll_delay() -> None:
    import pagefind.service as service

    if not isinstance(service.asyncio, _NoPollDelay):
        service.asyncio = _NoPollDelay(asyncio)  # type: ignore[assignment]


async def _bundle(lang: str, records: Sequence[SearchRecord], out: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    _without_poll_delay()

    # Leaving the context writes the bundle to ``out`` (Pagefind advises against
    # reading large indexes back through its pipe with get_files()).
    async with PagefindIndex(config=IndexConfig(output_path=str(out))) as index:
        for record in records:
            await index.add_custom_record(
                url=record.location,
                content=record.content(),
                language=lang,
                meta={"title": record.title, "page": record.page_title},
            )


async def _bundles(groups: Mapping[str, Sequence[SearchRecord]], scratch: Path) -> None:
    await asyncio.gather(*(_bundle(lang, records, scratch / lang) for lang, records in groups.items()))


def _copy_kept(source: Path, target: Path, lang: str) -> int:
    if target.exists():
        shutil.rmtree(target)
    total = 0
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source).as_posix()
        if _keep(rel, lang):
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            total += dest.stat().st_size
    return total


def _stub(material_index: dict) -> dict:
    return {"config": material_index.get("config", {}), "docs": []}


def write_search_indexes(site_dir: Path, page_langs: Mapping[str, str], default_lang: str,
                         records: Mapping[str, Sequence[SearchRecord]] | None = None) -> SearchIndexReport:
    """Build ``search/<lang>/`` bundles in ``site_dir``; stub Material's index.

    The records are ``records`` (by language) when given, else read from Material's
    index. Raises :class:`SearchIndexError` when Material's index is missing (the
    ``search`` plugin must stay enabled: it renders the search box) or Pagefind fails.
    """
    index_path = site_dir / MATERIAL_INDEX
    if not index_path.is_file():
        raise SearchIndexError(MATERIAL_INDEX, None, "Material's search index was not written",
                               "Keep '- search' under 'plugins:' in mkdocs.yml: Material's search box and result "
                               "list need it (the explainer hooks replace its index with Pagefind's).")
    material_bytes = index_path.stat().st_size
    material_index = json.loads(index_path.read_text("utf-8"))
    if records is None:
        groups = by_language(records_from_index(material_index.get("docs", []), page_langs, default_lang))
    else:
        groups = {lang: list(group) for lang, group in sorted(records.items()) if group}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="explainer-search-") as tmp:
        scratch = Path(tmp)
        try:
            asyncio.run(_bundles(groups, scratch))
        except (OSError, AssertionError, RuntimeError) as exc:
            raise SearchIndexError("pagefind", None, f"Pagefind could not index the site: {exc}",
                                   "Check that the 'pagefind[bin]' package is installed (make test and make serve "
                                   "install it from requirements.lock).") from None
        for lang in groups:
            sizes[lang] = _copy_kept(scratch / lang, site_dir / INDEX_DIR / lang, lang)
    index_path.write_text(json.dumps(_stub(material_index), ensure_ascii=False, separators=(",", ":")), "utf-8")
    return SearchIndexReport({lang: len(group) for lang, group in groups.items()}, sizes, material_bytes)
