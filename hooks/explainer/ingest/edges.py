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
comment lines), at most ``MAX_SANDWICH_RUN`` such lines in a row (three or more sentence
lines in a row are the article's: an answer under a vote count on a Q&A page). It stops at the first other line: the article's last paragraph. Inside
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
from explainer.ingest.header import (
    Furniture,
    affiliation,
    catalog_line,
    classify,
    credit,
    issue_line,
    navigation_item,
    verb_byline,
)
from explainer.text import arabic_share, ascii_digits

SHORT_WORDS = 8
# A related title, an author's name, a caption: at most this many words and not a sentence.
LOOSE_WORDS = 14
SANDWICH_WINDOW = 3
# At most this many sentence lines in a row between furniture lines (a bio, a comment): more are the article's.
MAX_SANDWICH_RUN = 2
MAX_LOOSE_TAIL = 2
MAX_LOOSE_RUN = 10
# Readers' comments after a comments line: each at most this many words, at most this many lines.
MAX_COMMENT_WORDS = 80
MAX_COMMENT_LINES = 60
# An author's bio ending the seed under the author box: at most this many words.
MAX_BIO_WORDS = 40
# Topic tags: at most this many words each, at most this many in a run.
TAG_WORDS = 3
MAX_CONTENTS_ENTRIES = 40
OTHER_SCRIPT_SHARE = 0.25
MAX_TAG_RUN = 8
HEADLINE_MAX_WORDS = 14
# Catalog buttons ("Subscribe", "اشترك") that may stand between a newsletter's headline and its byline.
PUBLICATION_BUTTONS = 2
SUBTITLE_MAX_WORDS = 30
_SEPARATOR_CHARS = frozenset("*=_~-—–•▪◦●·#+<>|")
_SENTENCE_END = (".", "!", "؟", "?")
_INNER_END_RE = re.compile(r"[.!\u061f?]\s")


# Emoji presentation selectors and joiners: part of the symbol before them (``〰️``), never a character of their own.
_EMOJI_FORMAT = frozenset("\ufe0e\ufe0f\u200d")
MIN_SEPARATOR_SYMBOLS = 3


def is_separator(line: str) -> bool:
    """A line drawn with punctuation only (``* * *``, ``———``, ``·``, ``〰️〰️〰️``), or with one symbol repeated
    three or more times (``➖➖➖``, ``🌙🌙🌙``, ``✨ ✨ ✨``: chat apps draw their separators with emoji)."""
    symbol = ""
    for ch in line:  # most lines stop at their first letter
        if ch.isspace() or ch in _EMOJI_FORMAT or ch in _SEPARATOR_CHARS:
            continue
        category = unicodedata.category(ch)[0]
        if category == "P":
            continue
        if category != "S":
            return False
        symbol = ch
        break
    if not symbol:
        return True
    drawn = [ch for ch in line if not ch.isspace() and ch not in _EMOJI_FORMAT]
    return len(drawn) >= MIN_SEPARATOR_SYMBOLS and all(ch == symbol for ch in drawn)


def separator_what(line: str) -> str:
    """What a separator line (:func:`is_separator`) is, for the report."""
    if all(ch.isspace() or ch in _EMOJI_FORMAT or ch in _SEPARATOR_CHARS or unicodedata.category(ch)[0] == "P"
           for ch in line):
        return "a separator line (punctuation only)"
    return "a separator line (one symbol repeated: an emoji separator of a chat or social post)"


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
    suspects: dict[int, str] = field(default_factory=dict)  # kept lines that may be furniture: the report's detail

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
        return Furniture("separator", separator_what(line))
    if all(unicodedata.category(ch)[0] in "SZ" or unicodedata.category(ch) in ("Mn", "Cf") for ch in line):
        return Furniture("separator", "a line of symbols only (an icon, an emoji)")
    rule = match_boilerplate(line)
    if rule is not None and not is_short_plain(line):
        # a long line matching the catalog may be a sentence of the article, unless it is a date line
        found = classify(line)
        return found if found is not None and found.kind != "boilerplate" else None
    if rule is not None:
        if (given := classify(line)) is not None and given.date:
            return given  # a catalog line that is a date line too ("نُشر في 3 مارس 2023 بواسطة …")
        what = "a line that opens a block of links" if rule.block else catalog_line(rule)
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


# A wiki's reference marks at the end of a sentence ("….[1]", "….[2][3]")
_REFERENCES_TAIL_RE = re.compile(r"(?:\[[0-9\u0660-\u0669]{1,3}\])+$")


def reads_as_headline(line: str) -> bool:
    """A headline: at most ``HEADLINE_MAX_WORDS`` words, no final ``. ، : ؛ !`` (before a wiki's reference
    marks ``[1]``) and one sentence, or a question followed by a subtitle (``سؤال؟ عنوان فرعي``, see
    :func:`split_question_title`)."""
    line = line.strip()
    if line.endswith("]"):
        line = _REFERENCES_TAIL_RE.sub("", line)
    if split_question_title(line) is not None:
        return True
    return (len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith((".", "،", ",", ":", "؛", ";", "!"))
            and not _INNER_END_RE.search(line))


def reads_as_subtitle(line: str) -> bool:
    """A subtitle (dek): one sentence of at most ``SUBTITLE_MAX_WORDS`` words without a final
    ``. ، : ؛`` (a sentence ending in a full stop is the lede, not a subtitle; a wiki's reference
    marks after the full stop do not hide it: ``….[1]``)."""
    line = line.strip()
    if line.endswith("]"):
        line = _REFERENCES_TAIL_RE.sub("", line)
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
    menu = _menu(lines)
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if index in menu:
            _drop(edges, index, menu[index], "before the headline")
            index += 1
            continue
        found = furniture(line)
        if found is None and _headline_after_furniture(lines, index):
            found = _dateline(line) or verb_byline(line)
        if found is None and (labels := _labels_above_date(lines, index)):
            for position in labels:
                edges.drops[position] = Drop(position, "drop-furniture", "dropped a short line above the date line "
                                             "and the headline (a section label, a site's or an author's name) before "
                                             "the headline", Furniture("label", "a label"))
            index = labels[-1] + 1
            continue
        if found is None:
            break
        _drop(edges, index, found, "before the headline")
        index += 1
    if index >= len(lines) or not reads_as_headline(lines[index]):
        return index
    if _publication_name(lines, index):
        label = "the site's name (a copyright line of the seed names it)" if _named_in_footer(lines, index) else \
            "a publication's name (a newsletter, blog, channel or magazine)"
        edges.drops[index] = Drop(index, "drop-furniture", f"dropped {label} above the headline",
                                  Furniture("label", "a publication"))
        index = _next_content(lines, index + 1) or index
    edges.headline = index
    subtitle_seen = False
    position = index + 1
    while position < len(lines):
        line = lines[position].strip()
        if not line:
            position += 1
            continue
        found = furniture(line)
        if found is None and (block := _author_block(lines, position)):
            for at, what in block.items():
                _drop(edges, at, what, "under the headline")
            position = max(block) + 1
            continue
        found = found or affiliation(line) or _dateline(line) or verb_byline(line) or _name_before_date(lines, position)
        if found is not None and found.kind == "block" and (titles := _block_titles(lines, position)):
            _drop(edges, position, found, "under the headline")
            for title in titles:
                edges.drops[title] = Drop(title, "drop-footer", "dropped a line inside a block of links under the "
                                          "headline")
            position = titles[-1] + 1
            continue
        if found is not None and found.kind == "block" and (
                links := _link_titles(lines, edges, position, inline=_inline_title(line) is not None)):
            _drop(edges, position, found, "under the headline")  # a "read also" block above the first paragraph
            for title in links:
                edges.drops[title] = Drop(title, "drop-furniture", "dropped a link title of a block of links under "
                                          "the headline (a short line without final punctuation under its \"read "
                                          "also\" line)")
            position = links[-1] + 1
            continue
        if found is not None:
            _drop(edges, position, found, "under the headline")
            position += 1
            continue
        after = _next_content(lines, position + 1)
        if not subtitle_seen and reads_as_subtitle(line) and after is not None and (
                furniture(lines[after]) is not None or _author_block(lines, after)
                or _name_before_date(lines, after) is not None):
            subtitle_seen = True  # a subtitle with furniture under it (Medium): keep looking past it
            edges.subtitle = position
            if (name := _name_before_date(lines, after)) is not None:
                _drop(edges, after, name, "under the headline")
                position = after + 1
                continue
            position += 1
            continue
        break
    return position


_NAME_WORD = r"[^\W\d_]+(?:\.[^\W\d_]+)?"  # a word, or a site name with a dot ("العربية.نت")
_DATELINE_RE = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,2}})\s*(?:[-–—]|:)\s*({_NAME_WORD}(?: {_NAME_WORD}){{0,2}})$")


def _dateline(line: str) -> Furniture | None:
    """``جدة - عبدالله الزهراني``, ``القاهرة: واس``: a place and a reporter or agency, under the headline.

    Two short names (one to three words each, at most four in all) joined by a dash or a
    colon. The author is not taken from it: which side is the name is not known.
    """
    match = _DATELINE_RE.match(line.strip())
    if match and len(match.group(1).split()) + len(match.group(2).split()) <= 4:
        return Furniture("dateline", "a dateline (a place and a reporter or agency)")
    return None


def head_furniture(line: str) -> bool:
    """Is ``line`` furniture that stands above a headline: :func:`furniture`, a dateline (``هسبريس - محمد
    الراجي``) or a byline opened by a verb (``كتب - …``)?"""
    return furniture(line) is not None or _dateline(line) is not None or verb_byline(line) is not None


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


# Nouns that open a publication's name ("نشرة سطور", "مدونة أبو سليم", "The Weekly Newsletter"), folded.
_PUBLICATION_NOUNS = frozenset(("نشرة", "نشره", "النشرة", "مدونة", "مدونه", "قناة", "قناه", "مجلة", "مجله", "صحيفة",
                                "صحيفه", "جريدة", "جريده", "newsletter", "blog", "magazine", "channel"))


def _publication_name(lines: list[str], index: int) -> bool:
    """Is ``lines[index]`` a publication's name above the real headline? A line of at most four words
    opening with a publication noun (or naming the site as a copyright line of the seed does), then a line that reads as a headline with a date, a byline or
    an author's name under it (Substack: ``نشرة سطور`` / ``العدد 23: …`` / ``هشام فاروق`` / date)."""
    words = lines[index].strip().split()
    nouns = {w.replace("ة", "ه") for w in _PUBLICATION_NOUNS}
    first = words[0].lower().replace("ة", "ه") if words else ""
    noun = len(words) >= 2 and (first in nouns or first.removeprefix("ال") in nouns)
    if not 1 <= len(words) <= 4 or not (noun or _named_in_footer(lines, index)):
        return False
    headline = _next_content(lines, index + 1)
    if headline is None or not reads_as_headline(lines[headline]) or furniture(lines[headline]) is not None:
        return False
    under = _next_content(lines, headline + 1)
    if under is not None and furniture(lines[under]) is None and reads_as_subtitle(lines[under]) \
            and not _name_before_date(lines, under) and not _author_block(lines, under):
        under = _next_content(lines, under + 1)  # the issue's subtitle (Substack) between the headline and its byline
    for _ in range(PUBLICATION_BUTTONS + 1):  # "Subscribe" buttons may stand above the byline
        if under is None:
            return False
        found = furniture(lines[under]) or _name_before_date(lines, under)
        if found is not None and any(kind in ("date", "byline") for kind in found.kind.split("+")) or bool(
                _author_block(lines, under)):
            return True
        if found is None or found.kind != "boilerplate":
            return False
        under = _next_content(lines, under + 1)
    return False


_COPYRIGHT_RE = re.compile(r"©|\(c\)|حقوق|copyright|rights reserved", re.IGNORECASE)


def _named_in_footer(lines: list[str], index: int) -> bool:
    """Does the short line at ``index`` name the site: does a copyright line of the catalog elsewhere in the
    seed hold it (``حكايات ليلى`` / … / ``© 2023 حكايات ليلى. مدعوم من ووردبريس``)?"""
    name = " ".join(lines[index].split())
    if not name or re.search(r"[.!؟?،,:؛;]", name):
        return False
    return any(at != index and name in " ".join(line.split()) and len(line.split()) > len(name.split())
               and _COPYRIGHT_RE.search(line) and match_boilerplate(line) is not None for at, line in enumerate(lines))


MENU_WORDS = 4
MAX_MENU_LINES = 12
MAX_SITE_NAME_LINES = 2


def _menu(lines: list[str]) -> dict[int, Furniture]:
    """A site's navigation menu at the very top of the seed, and the site's name above it, by index.

    Evidence: a run of short lines (at most ``MENU_WORDS`` words, no sentence mark or digit) at the
    top holding two or more navigation items of the catalog (``الرئيسية``, ``من نحن``, ``اتصل بنا``).
    The menu runs from the first item to the last (the section names between them are its items too);
    at most ``MAX_SITE_NAME_LINES`` lines above it are the site's name (and tagline). Items after the
    last known one go too when the headline is known: the line right above the first date or byline
    line under the menu.
    """
    run: list[int] = []
    at = _next_content(lines, 0)
    while at is not None and len(run) < MAX_MENU_LINES + MAX_SITE_NAME_LINES:
        text = lines[at].strip()
        if len(text.split()) > MENU_WORDS or re.search(r"[.!؟?،,:؛;\d]", text):
            break
        run.append(at)
        at = _next_content(lines, at + 1)
    items = [i for i in run if navigation_item(lines[i])]
    if len(items) < 2 or len([i for i in run if i < items[0]]) > MAX_SITE_NAME_LINES:
        return {}
    found = {i: Furniture("label", "the site's name above its navigation menu") for i in run if i < items[0]}
    for i in run:
        if items[0] <= i <= items[-1]:
            found[i] = Furniture("navigation", "an item of the site's navigation menu")
    rest = [i for i in run if i > items[-1]]
    if rest:
        position = _next_content(lines, items[-1] + 1)
        for _step in range(MAX_MENU_LINES):
            if position is None:
                break
            given = furniture(lines[position])
            if given is not None and any(k in ("date", "byline") for k in given.kind.split("+")):
                headline = _previous_content(lines, position)
                for i in rest:
                    if headline is not None and i < headline:
                        found[i] = Furniture("navigation", "an item of the site's navigation menu")
                break
            position = _next_content(lines, position + 1)
    return found


MAX_LABEL_LINES = 3
LABEL_WORDS = 6


def _labels_above_date(lines: list[str], index: int) -> list[int]:
    """The short lines from ``index`` down to a date line or byline, when a headline and a sentence follow it.

    News sites, blogs and social posts open with a section label, a site or blog name, or the
    author's name (``سلمى خطاب`` / ``بي بي سي نيوز عربي``), then the date, then the headline. At most
    ``MAX_LABEL_LINES`` lines of at most ``LABEL_WORDS`` words without a sentence mark, none longer
    than the headline under the date; the furniture between them and the headline holds a date,
    a byline or a dateline. Output: their indices, or ``[]``.
    """
    labels: list[int] = []
    position: int | None = index
    while position is not None and furniture(lines[position]) is None and _dateline(lines[position]) is None \
            and verb_byline(lines[position]) is None:
        line = lines[position].strip()
        if len(labels) >= MAX_LABEL_LINES or len(line.split()) > LABEL_WORDS or not is_short_plain(line) \
                or re.search(r"[.!؟?،,:؛;](?:\s|$)", line):
            return []
        labels.append(position)
        position = _next_content(lines, position + 1)
    dated = False
    while position is not None:
        found = furniture(lines[position]) or _dateline(lines[position]) or verb_byline(lines[position])
        if found is None:
            break
        dated = dated or any(kind in ("date", "byline", "dateline") for kind in found.kind.split("+"))
        position = _next_content(lines, position + 1)
    if not labels or not dated or position is None or not reads_as_headline(lines[position]):
        return []
    headline = len(lines[position].split())
    if any(len(lines[i].split()) > headline for i in labels):
        return []
    body = _next_content(lines, position + 1)
    while body is not None and (furniture(lines[body]) is not None or verb_byline(lines[body]) is not None):
        body = _next_content(lines, body + 1)
    if body is None or not lines[body].strip().endswith((".", "!", "؟", "?", "…")):
        return []
    return labels


def _block_titles(lines: list[str], position: int) -> list[int]:
    """The titles of a block of links under the headline (Mawdoo3's ``ذات صلة``): the short lines after
    the block opener at ``position``, when furniture (a byline, a date, a table of contents) ends them."""
    titles: list[int] = []
    at = _next_content(lines, position + 1)
    while at is not None and len(titles) < MAX_LOOSE_RUN:
        if furniture(lines[at]) is not None:
            return titles
        if not _loose(lines[at]) or match_boilerplate(lines[at]) is not None:
            return []
        titles.append(at)
        at = _next_content(lines, at + 1)
    return []


_FOLLOW_RE = re.compile(r"(?i)\+?\s*(?:follow|متابعة)")
ROLE_WORDS = 10


def _author_block(lines: list[str], position: int) -> dict[int, Furniture]:
    """An author's name before a ``Follow`` / ``متابعة`` button (Medium, LinkedIn): the name, an optional
    role line (``مدير هندسة البرمجيات في شركة تقنية``) and furniture (a date) between them, by index."""
    line = lines[position].strip()
    if not is_short_plain(line, 4) or any(ch.isdigit() for ch in line) or furniture(line) is not None:
        return {}
    block = {position: Furniture("byline", "an author's name before a Follow button", author=line)}
    at = _next_content(lines, position + 1)
    role = False
    for _step in range(3):
        if at is None:
            return {}
        text = lines[at].strip()
        if _FOLLOW_RE.fullmatch(text):
            block[at] = furniture(text) or Furniture("boilerplate", "a Follow button")
            return block
        found = furniture(text)
        if found is None:
            if role or not is_short_plain(text, ROLE_WORDS) or _INNER_END_RE.search(text):
                return {}
            role = True
            found = Furniture("byline", "the author's role, between the author's name and a Follow button")
        block[at] = found
        at = _next_content(lines, at + 1)
    return {}


def _name_before_date(lines: list[str], position: int) -> Furniture | None:
    """An author's name between a subtitle and a date line (``هشام فاروق`` / ``Jun 12, 2025``): a byline."""
    line = lines[position].strip()
    if not is_short_plain(line, 4):
        return None
    after = _next_content(lines, position + 1)
    if after is None or furniture(line) is not None:
        return None
    name = classify(f"بقلم {line}")
    found = furniture(lines[after])
    if name is None or name.author != line or found is None or "date" not in found.kind.split("+"):
        return None
    return Furniture("byline", "an author's name above the date line", author=line)


# A "read also" block inside the article: at most this many link titles under its opener.
MAX_BLOCK_TITLES = 6
_TITLE_ENDS = (".", "!", "؟", "?", "…", "،", ",", ":", "؛", ";")
_OPENER_NOT_ENDS = tuple(mark for mark in _TITLE_ENDS if mark != ":")  # an opener may end with its colon
_PARAGRAPH_ENDS = (".", "!", "؟", "?", "…", "»", '"', "”", ")", ":")
_TITLE_MARK_RE = re.compile(r"^(?:[-*–•▪◦●]\s*)")
# Words that open a continuing sentence: a line opening with one is prose, never a link title.
_CONTINUING = frozenset(("و", "ف", "ثم", "لكن", "ولكن", "لذلك", "ولذلك", "كما", "حيث", "إذ", "لأن", "بل", "أو",
                         "أن", "وأن", "إن", "فإن", "وقد", "قد", "لقد", "وهذا", "وهذه", "وهو", "وهي", "بينما", "حتى"))


def reads_as_link_title(line: str) -> bool:
    """A link title of a "read also" block: a headline (at most ``HEADLINE_MAX_WORDS`` words, one sentence)
    without any final punctuation (``. ! ؟ … ، : ؛``: a question or a sentence is article text), not opening
    with a word that continues a sentence (``و``, ``ثم``, ``لكن`` ...); a list marker before it is allowed.

    >>> reads_as_link_title("كيف تواجه الأردن أزمة المياه")
    True
    >>> reads_as_link_title("ويقول خبراء إن الحلول التقنية وحدها لا تكفي.")
    False
    """
    text = _TITLE_MARK_RE.sub("", line.strip())
    words = text.split()
    return (1 <= len(words) <= HEADLINE_MAX_WORDS and not text.endswith(_TITLE_ENDS)
            and not _INNER_END_RE.search(text) and words[0] not in _CONTINUING)


def _inline_title(line: str) -> str | None:
    """The link title after the opener's colon on a "read also" line (``اقرأ أيضاً: عنوان``), or ``None``."""
    opener, colon, rest = line.partition(":")
    return rest.strip() if colon and rest.strip() and opener.strip() else None


# Short lines (a heading, a question heading) between a block of links and the article's next paragraph.
MAX_LINES_BEFORE_PROSE = 3


def _prose_follows(lines: list[str], edges: Edges, start: int) -> bool:
    """Does article prose follow ``start``: a paragraph (not a short line, not a catalog line) within the next
    ``MAX_LINES_BEFORE_PROSE`` + 1 content lines, before any furniture? Otherwise the block is the footer's."""
    seen = 0
    at = _next_content(lines, start)
    while at is not None and seen <= MAX_LINES_BEFORE_PROSE:
        line = lines[at].strip()
        if at not in edges.drops and not transparent(line):
            if furniture(line) is not None:
                return False
            if not _loose(line):
                return True
            seen += 1
        at = _next_content(lines, at + 1)
    return False


def _link_titles(lines: list[str], edges: Edges, index: int, *, inline: bool) -> list[int] | None:
    """The link titles under the block opener at ``index`` when the block stands before an article paragraph
    (see :func:`_blocks_inside`), else ``None``; ``inline``: the opener carries its own title after the colon
    (then no title under it is needed)."""
    titles: list[int] = []
    at = index + 1
    run = inline or (at < len(lines) and lines[at].strip() != "")  # titles right under the opener
    while at < len(lines) and len(titles) <= MAX_BLOCK_TITLES:
        text = lines[at].strip()
        if not text or at in edges.drops:
            if run and not text and (titles or inline):
                break  # a blank line ends a run of titles
            at += 1
            continue
        if not reads_as_link_title(text) or match_boilerplate(text) is not None:
            break
        titles.append(at)
        at += 1
    if (not inline and not titles) or len(titles) > MAX_BLOCK_TITLES or not _prose_follows(lines, edges, at):
        return None
    return titles


def _blocks_inside(lines: list[str], edges: Edges, floor: int) -> None:
    """Drop the "read also" blocks inside the article: an opener and the link titles under it.

    Evidence, all of it required: the opener is a whole line matching a ``block`` entry of the catalog
    (``اقرأ أيضًا:``, ``مواضيع ذات صلة``, ``Related:``); the article's paragraph above it has ended (a
    sentence mark ends it, or it is the headline); one to ``MAX_BLOCK_TITLES`` lines under it read as link
    titles (:func:`reads_as_link_title`), the first line that does not ending them; when the first title
    stands right under the opener, the titles are one run of lines (a blank line ends it); and an article
    paragraph follows the block (:func:`_prose_follows`: a block with only short lines or furniture after it
    is the footer's, and :func:`_foot` reads it). An opener with its
    title after the colon (``اقرأ أيضاً: عنوان``) is one link line: it goes when the title reads as a link
    title, and the titles right under it go with it. Anything else stays (reported as ``kept-boilerplate-like``).
    """
    index = floor
    while index < len(lines):
        line = lines[index].strip()
        title = _inline_title(line)
        # cheap tests first: an opener is short, an inline one carries a link title
        if not line or index in edges.drops or line.endswith(_OPENER_NOT_ENDS) or (
                not reads_as_link_title(title) if title is not None else len(line.split()) > SHORT_WORDS):
            index += 1
            continue
        above = next((i for i in range(index - 1, -1, -1) if lines[i].strip() and i not in edges.drops), None)
        if above is not None and above != edges.headline and not lines[above].strip().endswith(_PARAGRAPH_ENDS):
            index += 1  # the paragraph above goes on: the line is not a block of its own
            continue
        rule = match_boilerplate(line)
        if rule is None or not rule.block:
            index += 1
            continue
        titles = _link_titles(lines, edges, index, inline=title is not None)
        if titles is None:
            index += 1
            continue
        if title is None:
            edges.drops[index] = Drop(index, "drop-boilerplate", "dropped a line that opens a block of links inside "
                                      f"the article (\"read also\", related articles: {len(titles)} link title"
                                      f"{'s' if len(titles) > 1 else ''} under it)",
                                      Furniture("block", "a line that opens a block of links"))
        else:
            edges.drops[index] = Drop(index, "drop-boilerplate", "dropped a \"read also\" line with its link title "
                                      "inside the article (the title reads as a headline: short, no final "
                                      "punctuation)", Furniture("block", "a line that opens a block of links"))
        for position in titles:
            edges.drops[position] = Drop(position, "drop-furniture", "dropped a link title of a block of links "
                                         "inside the article (a short line without final punctuation under its "
                                         "\"read also\" line)")
        index = max([index, *titles]) + 1


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
    _contents(lines, edges)
    _running_heads(lines, edges)
    _journal_lines(lines, edges, floor)
    _blocks_inside(lines, edges, floor)
    _foot(lines, edges, floor)
    if all(not line.strip() or index in edges.drops for index, line in enumerate(lines)):
        # nothing would be left: keep the lines the foot dropped (an error is better raised on real input)
        edges.drops = {i: d for i, d in edges.drops.items() if i < floor}
    if all(not line.strip() or index in edges.drops for index, line in enumerate(lines)):
        # still nothing: keep the lines of symbols (an emoji-only seed is warned about, not an error)
        edges.drops = {i: d for i, d in edges.drops.items() if not d.detail.startswith("dropped a line of symbols")}
    return edges


_ENTRY_RE = re.compile(r"^(?:[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}(?:[.)\-–]|\s)\s*|[-•▪◦●*]\s*)?(?P<text>.*?)"
                       r"(?:\s*(?:\.{2,}|…+|\s)\s*[0-9\u0660-\u0669]{1,4})?$")


def _entry_text(line: str) -> str:
    """A table-of-contents entry without its number, dot leaders and page number (``١ فوائد …``, ``مقدمة.....2``)."""
    match = _ENTRY_RE.match(line.strip())
    return " ".join((match.group("text") if match else line).split()).rstrip(".… ")


def _contents(lines: list[str], edges: Edges) -> None:
    """Drop a table of contents: a ``contents`` catalog line (``محتويات``, ``Contents``) and the lines
    under it whose text (without number, dot leaders, page number) stands again later in the seed,
    at least two of them: the headings they list are shown where they stand."""
    for index, line in enumerate(lines):
        rule = match_boilerplate(line)
        if rule is None or not rule.contents:
            continue
        entries: list[int] = []
        at = _next_content(lines, index + 1)
        while at is not None and len(entries) < MAX_CONTENTS_ENTRIES:
            text = _entry_text(lines[at])
            if not text or not any(_entry_text(later) == text for later in lines[at + 1:]):
                break
            entries.append(at)
            at = _next_content(lines, at + 1)
        # an entry must stand again *after* the table: the first heading follows the last entry
        later = {_entry_text(lines[i]) for i in range(max(entries, default=index) + 1, len(lines)) if lines[i].strip()}
        entries = [i for i in entries if _entry_text(lines[i]) in later]
        if len(entries) < 2:
            continue
        edges.drops.setdefault(index, Drop(index, "drop-boilerplate", f"dropped a {rule.platform} line (a table "
                                           "of contents)", Furniture("boilerplate", "a table of contents")))
        for entry in entries:
            edges.drops[entry] = Drop(entry, "drop-furniture", "dropped an entry of the table of contents (the "
                                      "heading it lists stands later in the article)")


def _page_number(line: str) -> bool:
    """A page number: a catalog page line (``صفحة 2``, ``- 2 -``) or a bare number of one to four digits."""
    line = line.strip()
    rule = match_boilerplate(line)
    return (rule is not None and rule.anywhere and rule.platform == "document") or bool(
        _BARE_PAGE_RE.fullmatch(line))


# a bare page number ("43"), or one over the page count ("3 / 12", also a thread's post number in the catalog)
_BARE_PAGE_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]{1,4}(?:\s*/\s*[0-9\u0660-\u0669\u06f0-\u06f9]{1,4})?")


# a line opened by an ordinal word or a list marker: a heading or an item, never a running head
_ITEM_START_RE = re.compile(r"^(?:[-*–•▪◦●]|[0-9\u0660-\u0669]{1,3}\s?[.)\-–]|(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|"
                            r"ثامن|تاسع|عاشر|أخير)(?:اً|ًا|ا)?\s*[:\-–])")


def _page_line(lines: list[str], index: int | None) -> bool:
    """Is ``lines[index]`` a page line of the catalog (``- 7 -``, ``صفحة 2 من 5``; a bare number may be a count)?"""
    if index is None:
        return False
    rule = match_boilerplate(lines[index])
    return rule is not None and rule.anywhere and rule.platform == "document"


def _running_heads(lines: list[str], edges: Edges) -> None:
    """Drop the running head (or foot) of a PDF or Word copy and the page numbers beside it.

    Evidence: a short line with a letter in it that is not a sentence (at most ``SHORT_WORDS`` + 4
    words) standing two or more times in the seed, with a page number right above or below at least
    one of its copies (a poem's refrain has none), and page numbers that count pages: the numbers
    beside two or more copies all differ. A punctuation line (Medium's ``--`` above its clap count)
    is a separator, and the same number beside every copy is a count (claps, responses), not pages.
    A catalog line (a comment's ``رد``/``Reply`` button above its like count) is the catalog's, not a
    running head. Every copy goes, and each page number beside one.
    """
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = line.strip()
        if text and not _page_number(text) and _loose(text) and len(text.split()) <= SHORT_WORDS + 4 \
                and re.search(r"[^\W\d_]", text) and match_boilerplate(text) is None:
            seen.setdefault(text, []).append(index)
    for copies in seen.values():
        if len(copies) == 1 and _page_line(lines, _next_content(lines, copies[0] + 1)) \
                and not _ITEM_START_RE.match(lines[copies[0]].strip()):
            # standing once right above a page line ("- 7 -"): perhaps a page's running foot (kept, and reported)
            edges.suspects[copies[0]] = ("kept a short line right above a page number: it may be a running head "
                                         "of a PDF or Word copy (it stands only once, so it stays); delete it "
                                         "from the seed if it is one")
        if len(copies) < 2:
            continue
        beside = sorted({near for copy in copies for near in (_previous_content(lines, copy), _next_content(lines, copy + 1))
                         if near is not None and _page_number(lines[near])})
        numbers = [ascii_digits(lines[near].strip()) for near in beside]
        if not beside or len(set(numbers)) < len(numbers):
            continue
        for copy in copies:
            edges.drops[copy] = Drop(copy, "drop-furniture", "dropped a running head of a PDF or Word copy (the "
                                     "same short line on every page, beside a page number)")
        for near in beside:
            edges.drops[near] = Drop(near, "drop-boilerplate", "dropped a page number beside a running head")


PAGE_DISTANCE = 3


def _journal_lines(lines: list[str], edges: Edges, floor: int) -> None:
    """Drop a journal's page lines inside the article and the bare page numbers that count with them.

    A PDF copy of a paper repeats the journal's name with the page number on every page
    (``المجلة العربية للدراسات البيئية    ص 42``): such a line (:func:`~explainer.ingest.header.issue_line`
    with a page number) goes wherever it stands. A bare number of one to four digits then goes too
    when it is within ``PAGE_DISTANCE`` of a page number those lines show (the ``43`` at the foot of
    the next page): it is a page number, not a count.
    """
    pages: list[int] = []
    for index in range(floor, len(lines)):
        found = issue_line(lines[index])
        if found is not None and found.page is not None and index not in edges.drops:
            pages.append(found.page)
            edges.drops[index] = Drop(index, "drop-furniture", f"dropped {found.what}: a running head of a PDF copy",
                                      found)
    pages += [d.furniture.page for d in edges.drops.values() if d.furniture is not None and d.furniture.page]
    if not pages:
        return
    for index, line in enumerate(lines):
        text = ascii_digits(line.strip())
        if re.fullmatch(r"\d{1,4}", text) and any(abs(int(text) - page) <= PAGE_DISTANCE for page in pages) \
                and (index not in edges.drops or edges.drops[index].kind != "drop-boilerplate"):
            edges.drops[index] = Drop(index, "drop-boilerplate", "dropped a page number (the journal's page lines "
                                      f"count the pages: {', '.join(map(str, sorted(set(pages))))})")


def _previous_content(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)


def transparent(line: str) -> bool:
    """A line dropped wherever it stands (a photo credit, an advertisement label, a page number):
    the footer region neither grows nor stops at it."""
    rule = match_boilerplate(line)
    return (rule is not None and rule.anywhere) or credit(line.strip(), anywhere=True) is not None


def _comments_start(lines: list[str], floor: int) -> int | None:
    """The top-most line at or below ``floor`` that opens readers' comments or a comment form, when
    every line after it reads as a comment (at most ``MAX_COMMENT_WORDS`` words, at most
    ``MAX_COMMENT_LINES`` lines): the comments run to the end of the seed."""
    for index in range(floor, len(lines)):
        rule = match_boilerplate(lines[index])
        if rule is None or not rule.comments or furniture(lines[index]) is None:
            continue
        after = [line for line in lines[index + 1:] if line.strip()]
        if len(after) <= MAX_COMMENT_LINES and all(len(line.split()) <= MAX_COMMENT_WORDS for line in after):
            return index
    return None


def _script_lines(lines: list[str], floor: int, end: int) -> tuple[int, int]:
    """``(Arabic letters, all letters)`` of ``lines[floor:end]``."""
    return arabic_share(" ".join(lines[floor:end]))


def _other_script(line: str, arabic_article: bool) -> bool:
    """A line whose letters are mostly not Arabic (under ``OTHER_SCRIPT_SHARE``), in an Arabic article
    (a Latin tag, a Latin footer link quoting the newsletter's Arabic name)."""
    arabic, letters = arabic_share(line)
    return arabic_article and letters > 0 and arabic < OTHER_SCRIPT_SHARE * letters


def _tag_like(line: str) -> bool:
    """A topic tag: one to ``TAG_WORDS`` words, no punctuation and no digits."""
    line = line.strip()
    return 1 <= len(line.split()) <= TAG_WORDS and not re.search(r"[^\w\s'&-]|\d", line)


def _strong(line: str) -> bool:
    """Furniture that is never an article's last words: a catalog line, a byline, a count with its unit."""
    found = furniture(line)
    if found is None:
        return False
    return found.kind in ("boilerplate", "block", "byline") or (found.kind == "counter"
                                                               and re.search(r"[^\W\d_]", line) is not None)


def _foot(lines: list[str], edges: Edges, floor: int) -> None:
    """Drop the footer region of ``lines[floor:]`` (see the module docstring).

    Lines already dropped (running heads, page numbers beside them, a table of contents) and
    lines dropped wherever they stand are blanks to it: they neither grow nor stop the region.
    """
    lines = ["" if index in edges.drops and index >= floor else line for index, line in enumerate(lines)]
    found: dict[int, Furniture] = {}
    top: int | None = None
    comments = _comments_start(lines, floor)
    end = len(lines)
    if comments is not None:
        found[comments] = furniture(lines[comments]) or Furniture("boilerplate", "a comments line")
        top = end = comments
    content = [i for i in range(floor, end) if lines[i].strip() and not transparent(lines[i])]
    arabic, letters = _script_lines(lines, floor, end)
    arabic_article = letters > 0 and arabic >= 0.5 * letters
    loose_run = sandwich_run = 0
    index = end - 1
    while index >= floor:
        line = lines[index].strip()
        if not line or transparent(line):
            index -= 1
            continue
        kind = furniture(line)
        if kind is not None:
            found[index] = kind
            top = index
            loose_run = sandwich_run = 0
        elif _loose(line) and loose_run < MAX_LOOSE_RUN:
            loose_run += 1
            sandwich_run = 0
        elif top is not None and sandwich_run < MAX_SANDWICH_RUN and _furniture_above(lines, index, floor):
            loose_run = 0  # a sentence between furniture lines (an author bio, a comment)
            sandwich_run += 1
        elif top is None and content[-1:] == [index] and len(line.split()) <= MAX_BIO_WORDS \
                and len(content) > 2 and _strong(lines[content[-2]]):
            loose_run = 0  # the seed ends with an author's bio under the author box
        else:
            break
        index -= 1
    if top is None:
        return
    head_counts = {ascii_digits(lines[i].strip()) for i, drop in edges.drops.items()
                   if i < floor and drop.furniture is not None and drop.furniture.kind == "counter"}
    tags = _tags_above(lines, found, top, floor, arabic_article, head_counts)
    last = max(found)
    tail = [i for i in range(last + 1, end) if lines[i].strip() and not transparent(lines[i])]
    keep_tail = (len(tail) > MAX_LOOSE_TAIL and not any(found[i].kind == "block" for i in found if i < last + 1)
                 and not all(_other_script(lines[i], arabic_article) and _loose(lines[i]) for i in tail))
    for position in range(min([top, *tags]), len(lines)):
        if not lines[position].strip() or (keep_tail and last < position < end):
            continue
        if position in found:
            _drop(edges, position, found[position], "after the article")
        elif position in tags:
            edges.drops[position] = Drop(position, "drop-footer", f"dropped {tags[position]} after the article")
        elif (rule := match_boilerplate(lines[position])) is not None:
            edges.drops[position] = Drop(position, "drop-boilerplate", f"dropped {catalog_line(rule)} after the article")
        elif position >= end and (kind := furniture(lines[position])) is not None:
            # a reader's comment's date or name: it gives the article no date or author
            quiet = Furniture("comment", kind.what) if kind.date or kind.author else kind
            _drop(edges, position, quiet, "after the article")
        elif position >= end:
            edges.drops[position] = Drop(position, "drop-footer", "dropped a reader's comment or a line of the "
                                         "comment form after the article")
        else:
            above = any(found[i].kind == "block" for i in found if i < position)
            what = "a line inside a block of links" if above else "a line among the footer lines"
            edges.drops[position] = Drop(position, "drop-footer", f"dropped {what} after the article")


def _tags_above(lines: list[str], found: dict[int, Furniture], top: int, floor: int,
                arabic_article: bool, head_counts: set[str]) -> dict[int, str]:
    """Topic tags right above the footer's top-most furniture line: why each is a tag, by index.

    A run of at least two tag-like lines (:func:`_tag_like`) between a paragraph that ends a
    sentence and the footer, when every line is in another script than the article's (Medium's
    ``Reading``, ``Self Improvement`` under an Arabic article) or the furniture under the run is
    a bare count (the claps under Medium's tags). A run under a line ending in ``:`` or under a
    heading-like line (a list without markers, ingredients) is the article's and stays.
    """
    run: list[int] = []
    position = top - 1
    while position >= floor:
        line = lines[position].strip()
        if line and not transparent(line):
            other = _other_script(line, arabic_article) and (_loose(line) or match_boilerplate(line) is not None)
            if not (_tag_like(line) or other) or len(run) >= MAX_TAG_RUN:
                break
            run.append(position)
        position -= 1
    above = next((i for i in range(min(run, default=top) - 1, floor - 1, -1) if lines[i].strip()), None)
    if not run or above is None or not lines[above].strip().endswith(_SENTENCE_END):
        return {}
    if all(_other_script(lines[i], arabic_article) for i in run) and (len(run) >= 2 or match_boilerplate(lines[run[0]])):
        return dict.fromkeys(run, "a topic tag or link (a line in another script than the article's, right above the footer)")
    if len(run) >= 2 and all(_tag_like(lines[i]) for i in run) and found[top].kind == "counter" \
            and ascii_digits(lines[top].strip()) in head_counts:
        return dict.fromkeys(run, "a topic tag (a short line above a count that the head showed too: the claps "
                             "under a post's tags)")
    return {}


def _furniture_above(lines: list[str], index: int, floor: int) -> bool:
    seen = 0
    position = index - 1
    while position >= floor and seen < SANDWICH_WINDOW:
        if lines[position].strip() and not transparent(lines[position]):
            if furniture(lines[position]) is not None:
                return True
            seen += 1
        position -= 1
    return False
