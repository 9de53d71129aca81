"""Platform marks inside a line: what a copy keeps of a page's buttons and a chat's formatting.

Three marks that platforms print *inside* an article's lines, each removed with a report entry
(the seed keeps its lines and line numbers):

* a **wiki's edit link** at the end of a heading (``التاريخ[عدل]``, ``المراجع [عدل المصدر]``,
  ``History[edit]``): Wikipedia and MediaWiki print it after every heading; a copy glues it to the
  heading, which then matches neither the table of contents nor the catalog (``انظر أيضًا``).
  Only the bracketed edit words at the very end of a line are removed (``[1]`` references stay).
* a **"See more" button** at the end of a post's text (``… عرض المزيد``, ``... See more``): Facebook,
  LinkedIn and Instagram cut a long post and print the button after an ellipsis. It is removed
  with the ellipsis; when the text before it ends no sentence, the report says the post may be
  cut there (paste it again after opening it). A sentence that ends with the words (``… المزيد.``)
  is prose and stays.
* **chat emphasis** (WhatsApp, Telegram, Signal: ``*bold*``, ``_italic_``, ``~struck~``): read only
  on evidence, two or more lines that are one such span as a whole (``*أولاً: استشر طبيبك*``, an
  emoji before or after it allowed), and never in a Markdown paste (:mod:`explainer.ingest.markup`
  reads those). The marks of every span of the seed are then removed (one report entry on its
  first line, with the count), so headings, titles and bylines are read without them. A single
  starred line, a ``*`` footnote mark or a ``* * *`` separator is not evidence and stays.

Per line the work is a substring test before any regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.model import Repair

# "[عدل]", "[عدل المصدر]", "[تعديل]", "[تعديل مصدري]", "[edit]", "[edit source]", "[عدل | عدل المصدر]"
_EDIT_WORDS = r"(?:عدل|تعديل|عدل المصدر|تعديل المصدر|تعديل مصدري|edit|edit source)"
_EDIT_LINK_RE = re.compile(rf"\s*\[\s*{_EDIT_WORDS}(?:\s*[|،,]\s*{_EDIT_WORDS})*\s*\]\s*$", re.IGNORECASE)
# "… عرض المزيد", "...See more", "… المزيد": an ellipsis, then the button's words, ending the line
_SEE_MORE_RE = re.compile(r"\s*(?:…|\.{3})\s*(?:عرض المزيد|المزيد|قراءة المزيد|اقرأ المزيد|see more|read more|more)\s*$",
                          re.IGNORECASE)
_ENDS_SENTENCE = (".", "!", "؟", "?", "»", '"', ")")
# a chat span: the mark, no space inside either end, no mark inside, not inside a word
_SPAN_RES = {mark: re.compile(rf"(?<![\w{re.escape(mark)}]){re.escape(mark)}(?=[^\s{re.escape(mark)}])"
                              rf"([^{re.escape(mark)}\n]*?[^\s{re.escape(mark)}])?{re.escape(mark)}(?![\w{re.escape(mark)}])")
             for mark in "*_~"}
# what may stand around a whole-line span: spaces, emoji and symbols (not letters or digits)
_EDGE_RE = re.compile(r"^[^\w*_~]*(?P<mark>[*_~])(?=\S)(?P<body>[^*_~]+?)(?<=\S)(?P=mark)[^\w*_~]*$")
MIN_EVIDENCE_LINES = 2


@dataclass(frozen=True)
class Marks:
    """The seed's lines without platform marks, and one report entry per kind of mark removed."""

    lines: list[str]
    repairs: list[Repair]


def _edit_link(line: str) -> tuple[str, str] | None:
    """``(line without it, the link)`` for a line ending in a wiki's edit link after some text."""
    if "[" not in line:
        return None
    match = _EDIT_LINK_RE.search(line)
    if match is None or not line[:match.start()].strip():
        return None
    return line[:match.start()].rstrip(), match.group().strip()


def _see_more(line: str) -> tuple[str, str] | None:
    """``(line without it, the button)`` for a line ending in an ellipsis and a "See more" button after text."""
    if "…" not in line and "..." not in line:
        return None
    match = _SEE_MORE_RE.search(line)
    if match is None or not line[:match.start()].strip():
        return None
    return line[:match.start()].rstrip(), match.group().strip()


def _whole_span(line: str) -> bool:
    return ("*" in line or "_" in line or "~" in line) and _EDGE_RE.match(line.strip()) is not None


def _strip_spans(line: str) -> tuple[str, int]:
    count = 0
    for mark, pattern in _SPAN_RES.items():
        if mark in line:
            line, found = pattern.subn(lambda m: m.group(1) or "", line)
            count += found
    return line, count


def read_marks(lines: list[str], *, markdown: bool) -> Marks:
    """Remove a wiki's edit links, "See more" buttons and (on evidence) chat emphasis from ``lines``.

    Input: the seed's lines (after :func:`explainer.ingest.markup.read_markdown`); ``markdown`` is
    True for a Markdown paste (its emphasis is already read, so chat emphasis is not looked for).
    Output: :class:`Marks` with as many lines as given (line numbers stay) and the report entries
    (``drop-edit-link`` and ``drop-see-more`` per line, their text in ``dropped``; one
    ``chat-emphasis`` on the first line with a span).
    """
    out = list(lines)
    repairs: list[Repair] = []
    for index, line in enumerate(out):
        if (found := _edit_link(line)) is not None:
            out[index], link = found
            repairs.append(Repair("drop-edit-link", index + 1, f"removed a wiki's edit link {link!r} after the "
                                  "heading (Wikipedia prints it after every heading)", dropped=link))
        elif (found := _see_more(line)) is not None:
            out[index], button = found
            cut = "" if out[index].endswith(_ENDS_SENTENCE) else (
                "; the text before it ends no sentence: the post may be cut here, paste it again after opening it")
            repairs.append(Repair("drop-see-more", index + 1, f"removed a 'See more' button {button!r} at the end of "
                                  f"the post's text (Facebook, LinkedIn){cut}", dropped=button,
                                  level="info" if not cut else "warning"))
    if not markdown and sum(1 for line in out if _whole_span(line)) >= MIN_EVIDENCE_LINES:
        first, total = 0, 0
        for index, line in enumerate(out):
            stripped, count = _strip_spans(line)
            if count:
                out[index] = stripped
                first = first or index + 1
                total += count
        repairs.insert(0, Repair("chat-emphasis", first, f"removed the emphasis marks of {total} span"
                                 f"{'s' if total > 1 else ''} (*bold*, _italic_, ~struck~ as WhatsApp and Telegram "
                                 "write them: two or more lines are one such span as a whole)"))
    repairs.sort(key=lambda r: r.line)
    return Marks(out, repairs)
