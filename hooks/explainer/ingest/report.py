"""The ingestion report as plain data: what ``explainer check --json`` prints.

:func:`article_outline` turns an :class:`~explainer.model.Article` into nested
dicts and lists of strings and ints only (JSON-ready, stable key order), so the
test corpus can store the expected outcome of a seed as a JSON file and editors
can diff what the parser made of their seed.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from explainer.model import Article, Block, Repair


def _block_outline(block: Block) -> dict[str, Any]:
    if block.kind == "paragraph":
        return {"id": block.id, "line": block.line, "paragraph": block.text}
    return {"id": block.id, "line": block.line, "ordered" if block.ordered else "bulleted": list(block.items)}


def article_outline(article: Article) -> dict[str, Any]:
    """The parsed structure and report of ``article`` as JSON-ready data.

    Output keys: ``slug``, ``title``, ``title_source`` (``metadata``, ``line`` or
    ``lede``), ``metadata`` (only the keys that are set), ``subtitle`` and ``lede`` (text or
    ``None``), ``sections`` (``id``, ``line``, ``heading``, ``blocks``), and
    ``report``: one ``{"line", "kind", "level", "detail"[, "dropped"]}`` per repair,
    sorted by line (stable for repairs on the same line).
    """
    if article.title_derived:
        title_source = "lede"
    elif article.metadata.title is not None and article.metadata.title == article.title:
        title_source = "metadata"
    else:
        title_source = "line"
    report = []
    for repair in sorted(article.repairs, key=lambda r: r.line):
        entry: dict[str, Any] = {"line": repair.line, "kind": repair.kind,
                                 "level": getattr(repair, "level", "info"), "detail": repair.detail}
        if repair.dropped:
            entry["dropped"] = repair.dropped
        report.append(entry)
    return {
        "slug": article.slug,
        "title": article.title,
        "title_source": title_source,
        "metadata": {k: v for k, v in asdict(article.metadata).items() if v is not None},
        "subtitle": article.subtitle.text if article.subtitle else None,
        "lede": article.lede.text if article.lede else None,
        "sections": [
            {"id": s.id, "line": s.line, "heading": s.heading, "blocks": [_block_outline(b) for b in s.blocks]}
            for s in article.sections
        ],
        "report": report,
    }


def format_repair(article: Article, repair: Repair) -> str:
    """One report line for logs: ``path:line: detail[: 'dropped text']``."""
    where = f"{article.source_path}:{repair.line}" if repair.line else article.source_path
    dropped = f": {repair.dropped!r}" if repair.dropped else ""
    return f"{where}: {repair.detail}{dropped}"
