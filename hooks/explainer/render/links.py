"""URLs and e-mail addresses in seed text become safe links; everything else stays text.

Only three kinds of target are ever produced: ``http://`` and ``https://`` URLs
(a bare ``www.`` address gets ``https://``) and ``mailto:`` for an e-mail
address. A URL is a run of RFC 3986 characters (ASCII only, so Arabic text glued
to a link stays outside it); marks that end a sentence (``. , ; : ! ?`` and the
Arabic ``، ؛ ؟``) and an unbalanced ``)`` at its end are left out of it.
``javascript:``, ``data:`` and any other scheme never match, so they stay text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
LINK_RE = re.compile(
    rf"(?<![A-Za-z0-9@/])(?P<url>(?:https?://|www\.)[{_URL_CHARS}]+)"
    r"|(?<![A-Za-z0-9._%+-])(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\u060c\u061b\u061f"


@dataclass(frozen=True)
class Span:
    """A piece of text; ``href`` is set when the piece is a link."""

    text: str
    href: str | None = None


def _trim_url(url: str) -> str:
    while url:
        if url[-1] in _TRAILING or url[-1] == ")" and url.count("(") < url.count(")"):
            url = url[:-1]
        else:
            break
    return url


def link_spans(text: str) -> list[Span]:
    """Split ``text`` into plain and link spans, in order; joined they give ``text`` back.

    >>> [(s.text, s.href) for s in link_spans("راجع www.example.com/a. أو a@b.org")]
    [('راجع ', None), ('www.example.com/a', 'https://www.example.com/a'), ('. أو ', None), ('a@b.org', 'mailto:a@b.org')]
    >>> link_spans("javascript:alert(1)")
    [Span(text='javascript:alert(1)', href=None)]
    """
    if "@" not in text and "://" not in text and "www." not in text.lower():  # most texts: skip the regex scan
        return [Span(text)] if text else []
    spans: list[Span] = []
    position = 0
    for match in LINK_RE.finditer(text):
        if match.group("url"):
            found = _trim_url(match.group("url"))
            if found.lower() in ("http://", "https://", "www.") or len(found) <= len("www."):
                continue
            href = found if found.lower().startswith("http") else "https://" + found
        else:
            found = match.group("email")
            href = "mailto:" + found
        start = match.start()
        if start > position:
            spans.append(Span(text[position:start]))
        spans.append(Span(found, href))
        position = start + len(found)
    if position < len(text):
        spans.append(Span(text[position:]))
    return spans


def linkify_html(text: str) -> str:
    """HTML for ``text``: every character escaped (HTML 5 text and attribute
    escaping via :func:`html.escape`), URLs and e-mail addresses as ``<a>``
    elements with ``dir="ltr"`` and ``rel="nofollow"``.

    >>> linkify_html('<b> https://x.test/?a=1&b="2"')
    '&lt;b&gt; <a href="https://x.test/?a=1&amp;b=" dir="ltr" rel="nofollow">https://x.test/?a=1&amp;b=</a>&quot;2&quot;'
    """
    parts = []
    for span in link_spans(text):
        if span.href is None:
            parts.append(html.escape(span.text))
        else:
            parts.append(f'<a href="{html.escape(span.href)}" dir="ltr" rel="nofollow">{html.escape(span.text)}</a>')
    return "".join(parts)
