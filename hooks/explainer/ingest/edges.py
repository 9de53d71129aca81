"""The edges of a seed: platform furniture before the headline and after the article.

A pasted article sits between two runs of lines that are not article text. They are found
by the *structure* of the edges, with the catalog (:mod:`explainer.ingest.boilerplate`) and
the furniture classifier (:mod:`explainer.ingest.header`) as evidence, never by a list of
exact strings alone:

**Head.** From the top, every line that is *furniture* is dropped: a separator, a short
catalog line (section label, ``Member-only story``), a line joining catalog lines, a date
line, a byline, a reading time, a counter, a breadcrumb. The first other line is the
headline. When it reads as a headline (short, no final full stop), furniture lines right
after it are dropped too (news sites and Medium put the date and byline under the
headline), skipping one subtitle line and the author's name standing before a ``Follow``
button.

**Foot.** From the bottom, a *footer region* is grown upward over blank lines, furniture
and short lines that are not sentences (related titles, an author's name), and over a
sentence line only when furniture lies both above it (within ``SANDWICH_WINDOW`` lines)
and below it (an author bio inside Medium's author box, a comment between Blogger's
comment lines). It stops at the first other line: the article's last paragraph. Inside
the region, everything from the top-most furniture line down is dropped, except a tail of
more than ``MAX_LOOSE_TAIL`` unknown lines after the last furniture line that does not
follow a block opener (``اقرأ أيضًا``, ``Related``): those are kept, since nothing says
they are not the article's. A single unknown line therefore never keeps the known lines
around it in the article, and a line above the top-most furniture is never dropped.

Only *short* catalog matches (at most ``SHORT_WORDS`` words, no sentence-final mark) count
as furniture; a longer line that matches the catalog may be dropped inside the footer
region but never opens it. Every dropped line is returned with the reason, for the report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from explainer.ingest.boilerplate import match_boilerplate, match_combined
from explainer.ingest.header import Furniture, classify, verb_byline

SHORT_WORDS = 8
# A related title, an author's name, a caption: at most this many words and not a sentence.
LOOSE_WORDS = 14
SANDWICH_WINDOW = 3
MAX_LOOSE_TAIL = 2
MAX_LOOSE_RUN = 10
HEADLINE_MAX_WORDS = 14
SUBTITLE_MAX_WORDS = 30
_SEPARATOR_CHARS = frozenset("*=_~-—–•▪◦●·#+<>|")
_SENTENCE_END = (".", "!", "؟", "?")
_INNER_END_RE = re.compile(r"[.!\u061f?]\s")


def is_separator(line: str) -> bool:
    """A line drawn with punctuation only (``* * *``, ``———``, ``·``)."""
    return all(ch.isspace() or ch in _SEPARATOR_CHARS or unicodedata.category(ch)[0] == "P" for ch in line)


def is_short_plain(line: str, words: int = SHORT_WORDS) -> bool:
    """At most ``words`` words and no sentence-final mark: a button, a label, a title, not a sentence."""
    return len(line.split()) <= words and not line.rstrip().endswith(_SENTENCE_END)


@dataclass(frozen=True)
class Drop:
    """A dropped line: 0-based ``index``, report ``kind`` and ``detail``, the furniture it is (if known)."""

    index: int
    kind: str
    detail: str
    furniture: Furniture | None = None


@dataclass
class Edges:
    """The furniture found at a seed's edges: the dropped lines by index, and what they give."""

    drops: dict[int, Drop] = field(default_factory=dict)
    headline: int | None = None  # index of the line read as the headline (after the head furniture)
    subtitle: int | None = None  # index of a subtitle line with furniture under it (Medium, news sites)

    def given(self, what: str) -> tuple[int, str] | None:
        """``(index, value)`` of the first ``date`` or ``author`` the dropped furniture gives, head first."""
        for index in sorted(self.drops):
            furniture = self.drops[index].furniture
            value = getattr(furniture, what, None) if furniture else None
            if value:
                return index, value
        return None


def furniture(line: str) -> Furniture | None:
    """What furniture the trimmed ``line`` is, or ``None`` (see the module docstring).

    >>> furniture("رسالة أحدث الصفحة الرئيسية رسالة أقدم").kind
    'boilerplate'
    >>> furniture("ويرى الباحثون أن البطاريات الحديثة قادرة على تخزين الطاقة.") is None
    True
    """
    line = line.strip()
    if not line:
        return None
    if is_separator(line):
        return Furniture("separator", "a separator line (punctuation only)")
    rule = match_boilerplate(line)
    if rule is not None:
        if not is_short_plain(line):
            return None  # a long line matching the catalog may be a sentence of the article
        what = "a line that opens a block of links" if rule.block else f"a {rule.platform} line"
        return Furniture("block" if rule.block else "boilerplate", what)
    if len(line.split()) > SHORT_WORDS + 8:
        return None
    if (combined := match_combined(line)) is not None:
        platforms = ", ".join(dict.fromkeys(r.platform for r in combined))
        return Furniture("boilerplate", f"a line joining {len(combined)} {platforms} navigation items")
    return classify(line)


def _loose(line: str) -> bool:
    """A short line that is not a sentence (a related title, a name), or a long catalog match."""
    line = line.strip()
    if match_boilerplate(line) is not None:
        return True
    return (len(line.split()) <= LOOSE_WORDS and not line.endswith((".", "!", "،", ","))
            and not _INNER_END_RE.search(line))


def reads_as_headline(line: str) -> bool:
    """A headline: at most ``HEADLINE_MAX_WORDS`` words, no final ``. ، : ؛ !`` and one sentence,
    or a question followed by a subtitle (``سؤال؟ عنوان فرعي``, see :func:`split_question_title`)."""
    line = line.strip()
    if split_question_title(line) is not None:
        return True
    return (len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith((".", "،", ",", ":", "؛", ";", "!"))
            and not _INNER_END_RE.search(line))


def reads_as_subtitle(line: str) -> bool:
    """A subtitle (dek): one sentence of at most ``SUBTITLE_MAX_WORDS`` words without a final
    ``. ، : ؛`` (a sentence ending in a full stop is the lede, not a subtitle)."""
    line = line.strip()
    return (2 <= len(line.split()) <= SUBTITLE_MAX_WORDS and not line.endswith((".", "،", ",", ":", "؛", ";"))
            and not _INNER_END_RE.search(line))


def split_question_title(line: str) -> tuple[str, str] | None:
    """``(question, subtitle)`` of a line ``سؤال؟ عنوان فرعي``, or ``None``.

    The question is one sentence of at most ``HEADLINE_MAX_WORDS`` words ending in ``؟``/``?``;
    the rest reads as a subtitle (:func:`reads_as_subtitle`).

    >>> split_question_title("هل تنقذ البطاريات شبكات الكهرباء؟ قراءة في تجارب ثلاث دول")
    ('هل تنقذ البطاريات شبكات الكهرباء؟', 'قراءة في تجارب ثلاث دول')
    """
    match = re.match(r"^([^.!؟?]+[؟?])\s+(\S.*)$", line.strip())
    if not match or len(match.group(1).split()) > HEADLINE_MAX_WORDS or not reads_as_subtitle(match.group(2)):
        return None
    return match.group(1), match.group(2)


def _next_content(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _drop(edges: Edges, index: int, found: Furniture, where: str) -> None:
    kind = "drop-separator" if found.kind == "separator" else (
        "drop-boilerplate" if found.kind in ("boilerplate", "block") else "drop-furniture")
    edges.drops[index] = Drop(index, kind, f"dropped {found.what} {where}", found)


def _head(lines: list[str], edges: Edges) -> int:
    """Drop the head furniture; return the index after the head zone."""
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        found = furniture(line)
        if found is None and _dateline(line) is not None and _headline_after_furniture(lines, index):
            found = _dateline(line)
        if found is None:
            break
        _drop(edges, index, found, "before the headline")
        index += 1
    if index >= len(lines) or not reads_as_headline(lines[index]):
        return index
    edges.headline = index
    subtitle_seen = False
    position = index + 1
    while position < len(lines):
        line = lines[position].strip()
        if not line:
            position += 1
            continue
        found = furniture(line) or _name_before_follow(lines, position) or _dateline(line) or verb_byline(line)
        if found is not None:
            _drop(edges, position, found, "under the headline")
            position += 1
            continue
        after = _next_content(lines, position + 1)
        if not subtitle_seen and reads_as_subtitle(line) and after is not None and (
                furniture(lines[after]) is not None or _name_before_follow(lines, after) is not None):
            subtitle_seen = True  # a subtitle with furniture under it (Medium): keep looking past it
            edges.subtitle = position
            position += 1
            continue
        break
    return position


_DATELINE_RE = re.compile(r"^([^\W\d_]+(?: [^\W\d_]+){0,2})\s*(?:[-–—]|:)\s*([^\W\d_]+(?: [^\W\d_]+){0,2})$")


def _dateline(line: str) -> Furniture | None:
    """``جدة - عبدالله الزهراني``, ``القاهرة: واس``: a place and a reporter or agency, under the headline.

    Two short names (one to three words each, at most four in all) joined by a dash or a
    colon. The author is not taken from it: which side is the name is not known.
    """
    match = _DATELINE_RE.match(line.strip())
    if match and len(match.group(1).split()) + len(match.group(2).split()) <= 4:
        return Furniture("dateline", "a dateline (a place and a reporter or agency)")
    return None


def _headline_after_furniture(lines: list[str], index: int) -> bool:
    """After ``lines[index]``: one or more furniture lines, then a line that reads as a headline, then a
    paragraph that is a sentence (the layout of a news page's head, where a dateline may stand first)."""
    position = _next_content(lines, index + 1)
    seen = False
    while position is not None and furniture(lines[position]) is not None:
        seen, position = True, _next_content(lines, position + 1)
    if not seen or position is None or not reads_as_headline(lines[position]):
        return False
    body = _next_content(lines, position + 1)
    while body is not None and (furniture(lines[body]) is not None or verb_byline(lines[body]) is not None):
        body = _next_content(lines, body + 1)
    return body is not None and lines[body].strip().endswith((".", "!", "؟", "?", "…"))


def _name_before_follow(lines: list[str], position: int) -> Furniture | None:
    """An author's name standing right before a ``Follow`` / ``متابعة`` button (Medium): a byline."""
    line = lines[position].strip()
    after = _next_content(lines, position + 1)
    if after is None or not is_short_plain(line, 4) or any(ch.isdigit() for ch in line) or furniture(line):
        return None
    if re.fullmatch(r"(?i)follow|متابعة", lines[after].strip()):
        return Furniture("byline", "an author's name before a Follow button", author=line)
    return None


def find_edges(lines: list[str]) -> Edges:
    """The furniture of a seed's edges (see the module docstring).

    Input: the seed's lines (text, not yet classified; blank lines included). Output: an
    :class:`Edges` with the dropped lines by 0-based index and the headline's index.
    At least one line of content is always left.
    """
    edges = Edges()
    body_start = _head(lines, edges)
    if edges.headline is None:  # the seed opens with its first paragraph: no headline to stand before
        for index, drop in list(edges.drops.items()):
            edges.drops[index] = Drop(index, drop.kind, drop.detail.replace("before the headline", "at the top of the seed"),
                                      drop.furniture)
    floor = max(body_start, (edges.headline or 0) + 1)
    _foot(lines, edges, floor)
    if all(not line.strip() or index in edges.drops for index, line in enumerate(lines)):
        # nothing would be left: keep the lines the foot dropped (an error is better raised on real input)
        edges.drops = {i: d for i, d in edges.drops.items() if i < floor}
    return edges


def _foot(lines: list[str], edges: Edges, floor: int) -> None:
    """Drop the footer region of ``lines[floor:]`` (see the module docstring)."""
    found: dict[int, Furniture] = {}
    top: int | None = None
    loose_run = 0
    index = len(lines) - 1
    while index >= floor:
        line = lines[index].strip()
        if not line:
            index -= 1
            continue
        kind = furniture(line)
        if kind is not None:
            found[index] = kind
            top = index
            loose_run = 0
        elif _loose(line) and loose_run < MAX_LOOSE_RUN:
            loose_run += 1
        elif top is not None and _furniture_above(lines, index, floor):
            loose_run = 0  # a sentence between furniture lines (an author bio, a comment)
        else:
            break
        index -= 1
    if top is None:
        return
    last = max(found)
    tail = [i for i in range(last + 1, len(lines)) if lines[i].strip()]
    keep_tail = len(tail) > MAX_LOOSE_TAIL and not any(found[i].kind == "block" for i in found if i < last + 1)
    for position in range(top, len(lines)):
        if not lines[position].strip() or (keep_tail and position > last):
            continue
        if position in found:
            _drop(edges, position, found[position], "after the article")
        elif (rule := match_boilerplate(lines[position])) is not None:
            edges.drops[position] = Drop(position, "drop-boilerplate", f"dropped a {rule.platform} line after the article")
        else:
            above = any(found[i].kind == "block" for i in found if i < position)
            what = "a line inside a block of links" if above else "a line among the footer lines"
            edges.drops[position] = Drop(position, "drop-footer", f"dropped {what} after the article")


def _furniture_above(lines: list[str], index: int, floor: int) -> bool:
    seen = 0
    position = index - 1
    while position >= floor and seen < SANDWICH_WINDOW:
        if lines[position].strip():
            if furniture(lines[position]) is not None:
                return True
            seen += 1
        position -= 1
    return False
