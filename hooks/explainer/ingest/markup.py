"""Markdown pastes (Notion, ChatGPT, GitHub, CMS exports): the markup read, then taken out of the text.

Text copied from a Markdown source keeps its syntax literally: ``## heading`` lines, ``**bold**``,
``*em*``, ``[text](url)``, ``- `` / ``* `` / ``+ `` bullets, ``> `` quotes and ``---`` rules. A
seed is read as Markdown only with evidence: at least ``MIN_MARKDOWN_LINES`` lines that carry
unambiguous Markdown syntax, an ATX heading (``#`` to ``######`` then a space, CommonMark 4.2),
a strong-emphasis pair (``**x**``, ``__x__``) or an inline link to a web address
(``[text](https://…)``). Bullets, quotes, rules, a lone ``*`` or one or two marked lines are not
evidence: plain seeds have them too, and they keep their plain-text reading.

In a Markdown paste (every change is reported once per kind, with its count):

* a heading line loses its ``#`` markers (and closing ``#``) and becomes a section heading
  whatever its level (the page has one heading level); the first line, when it is a heading,
  is the title unless metadata gives one;
* emphasis markers (``**``, ``__``, ``*``, ``_``, CommonMark 6.2 flanking rules simplified: an
  opening marker before a non-space, a closing one after a non-space, ``_`` never inside a word)
  and the backticks of code spans are removed, their text kept; a backslash escape (``\\*``)
  gives the character;
* a link ``[text](url "title")`` (or an image ``![alt](url)``) becomes ``text (url)``: the text
  reads on, and the address stays on the page, where a web address is linked like any address in
  a seed (a relative one, ``(LICENSE)``, stays text); a link whose text is its address keeps the
  address once;
* bulleted lines are list items (one alone is a one-item list, never a heading), at any
  indentation (nested items join their list);
* quote lines lose their ``>`` and are paragraphs (never headings);
* rules (``---``, ``***``, ``___``) are separator lines, dropped as such.

Only this module knows the syntax: :func:`read_markdown` returns the seed's lines with the markup
taken out (as many lines) and the role Markdown gave some of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explainer.model import Repair

MIN_MARKDOWN_LINES = 3

_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+(\S.*)$")
_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_URL = r"(?:https?://|www\.|mailto:)[^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*"
_LINK_RE = re.compile(r"(?<!\\)(!?)\[([^\[\]\n]*)\]\(\s*([^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*)"
                      r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_WEB_LINK_RE = re.compile(rf"\[[^\[\]\n]+\]\(\s*{_URL}")  # evidence: a link to a web address
_STRONG_RE = re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=\S)__(?!\w)|(?<![*\\])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)")
_EM_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)|(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
_CODE_RE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Spans where emphasis is never looked for: addresses and code.
_PROTECTED_RE = re.compile(rf"{_URL}|`[^`\n]+`")


@dataclass
class Markup:
    """A Markdown paste read: ``lines`` (the seed's lines with the markup taken out, as many),
    ``roles`` (seed line number -> ``"heading"``, ``"item"`` or ``"quote"``) and the report."""

    lines: list[str]
    roles: dict[int, str] = field(default_factory=dict)
    repairs: list[Repair] = field(default_factory=list)


def markdown_evidence(lines: list[str]) -> dict[str, int]:
    """Lines carrying unambiguous Markdown syntax, by kind (``heading``, ``strong``, ``link``).

    >>> markdown_evidence(["## عنوان", "نص **مهم** هنا", "سعر 5 * 3"])
    {'heading': 1, 'strong': 1}
    """
    found: dict[str, int] = {}
    for line in lines:
        kind = ("heading" if _HEADING_RE.match(line) else "link" if _WEB_LINK_RE.search(line)
                else "strong" if _STRONG_RE.search(line) else None)
        if kind is not None:
            found[kind] = found.get(kind, 0) + 1
    return found


def _inline(text: str, counts: dict[str, int]) -> str:
    """``text`` without its inline markup (links, emphasis, code spans, escapes); ``counts`` is updated."""
    def link(match: re.Match[str]) -> str:
        counts["link"] = counts.get("link", 0) + 1
        label, url = match.group(2).strip(), match.group(3)
        if not label or label == url or label.rstrip("/") == url.removeprefix("mailto:").rstrip("/"):
            return url
        return f"{label} ({url})"

    text = _LINK_RE.sub(link, text)
    parts: list[str] = []
    position = 0
    for protected in _PROTECTED_RE.finditer(text):
        parts.append(_emphasis(text[position:protected.start()], counts))
        parts.append(protected.group(0))
        position = protected.end()
    parts.append(_emphasis(text[position:], counts))
    text = "".join(parts)

    def code(match: re.Match[str]) -> str:
        counts["code"] = counts.get("code", 0) + 1
        return match.group(1)

    text = _CODE_RE.sub(code, text)

    def escape(match: re.Match[str]) -> str:
        counts["escape"] = counts.get("escape", 0) + 1
        return match.group(1)

    return _ESCAPE_RE.sub(escape, text)


def _emphasis(text: str, counts: dict[str, int]) -> str:
    def strip(match: re.Match[str]) -> str:
        counts["emphasis"] = counts.get("emphasis", 0) + 1
        return match.group(1) if match.group(1) is not None else match.group(2)

    for _ in range(3):  # nested emphasis (***x***, **_x_**)
        changed = _EM_RE.sub(strip, _STRONG_RE.sub(strip, text))
        if changed == text:
            break
        text = changed
    return text


_WHAT = {
    "heading": ("markdown-heading", ("read {n} Markdown heading line{s} ({levels}) as heading{s} without the '#' "
                "markers (the title when the article opens with one, else a section heading: the page has one "
                "heading level)")),
    "emphasis": ("markdown-emphasis", ("removed the Markdown emphasis markers (** __ * _) of {n} span{s}; "
                 "their text is kept")),
    "code": ("markdown-code", "removed the backticks of {n} Markdown code span{s}; their text is kept"),
    "escape": ("markdown-escape", "{n} Markdown backslash escape{s} (\\*) gave the character after the backslash"),
    "link": ("markdown-link", ("wrote {n} Markdown link{s} [text](address) as 'text (address)': the "
             "address stays on the page (a web address is linked)")),
    "item": ("markdown-list", "read {n} Markdown bulleted line{s} (- * +) as list item{s} (never headings)"),
    "quote": ("markdown-quote", "read {n} Markdown quote line{s} ('>') as paragraph{s} without the marker"),
    "rule": ("markdown-rule", ("read {n} Markdown rule{s} (--- *** ___) as separator{s} between parts of "
             "the article, dropped as separator lines")),
}


def read_markdown(lines: list[str]) -> Markup | None:
    """Read a Markdown paste, or ``None`` when the seed is not one (see the module docstring).

    Input: the seed's lines (normalized text split at ``\\n``). Output: a :class:`Markup` with as
    many lines, the markup taken out; ``roles`` by 1-based seed line; ``repairs``: one
    ``markdown`` entry saying why the seed reads as Markdown, then one per kind of change
    (``markdown-heading``, ``-emphasis``, ``-code``, ``-escape``, ``-link``, ``-list``, ``-quote``,
    ``-rule``) on the first line it concerns, with its count. Standard: CommonMark 0.31.

    >>> markup = read_markdown(["# العنوان", "نص **مهم** و[رابط](https://a.org).", "## قسم", "- بند"])
    >>> markup.lines, markup.roles
    (['العنوان', 'نص مهم ورابط (https://a.org).', 'قسم', '- بند'], {1: 'heading', 3: 'heading', 4: 'item'})
    >>> read_markdown(["# ليس عنوانا", "نص **مهم** هنا."]) is None  # two lines: not evidence enough
    True
    """
    evidence = markdown_evidence(lines)
    if sum(evidence.values()) < MIN_MARKDOWN_LINES:
        return None
    markup = Markup(list(lines))
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    levels: dict[int, int] = {}
    in_code = False
    for index, line in enumerate(lines):
        number = index + 1
        before = dict(counts)
        if line.strip().startswith(("```", "~~~")):
            in_code = not in_code
            continue  # a fence line is a separator-like line the parser reads as it is
        if in_code:
            continue
        if match := _HEADING_RE.match(line):
            levels[len(match.group(1))] = levels.get(len(match.group(1)), 0) + 1
            counts["heading"] = counts.get("heading", 0) + 1
            markup.roles[number] = "heading"
            text = match.group(2)
        elif _RULE_RE.match(line):
            counts["rule"] = counts.get("rule", 0) + 1
            text = line.strip()
        elif match := _BULLET_RE.match(line):
            counts["item"] = counts.get("item", 0) + 1
            markup.roles[number] = "item"
            text = match.group(1)
        elif match := _QUOTE_RE.match(line):
            quoted = match.group(1)
            while (nested := _QUOTE_RE.match(quoted)) is not None:
                quoted = nested.group(1)
            counts["quote"] = counts.get("quote", 0) + 1
            if quoted.strip():
                markup.roles[number] = "quote"
            text = quoted
        else:
            text = line
        text = _inline(text, counts)
        markup.lines[index] = ("- " + text) if markup.roles.get(number) == "item" else text
        for kind, count in counts.items():
            if count != before.get(kind, 0):
                first.setdefault(kind, number)
    names = {"heading": "heading line{s}", "strong": "line{s} with a bold pair", "link": "line{s} with a link"}
    shown = ", ".join(f"{n} " + names[kind].format(s="s" if n > 1 else "") for kind, n in evidence.items())
    markup.repairs.append(Repair("markdown", min(first.values(), default=1),
                                 f"read as a Markdown paste ({shown}: Markdown syntax on {sum(evidence.values())} "
                                 "lines); its markup is taken out of the text"))
    for kind, (repair_kind, template) in _WHAT.items():
        if kind not in counts:
            continue
        n = counts[kind]
        level_text = ", ".join(f"{'#' * level} ×{c}" for level, c in sorted(levels.items()))
        markup.repairs.append(Repair(repair_kind, first[kind], template.format(n=n, s="s" if n > 1 else "",
                                                                               levels=level_text)))
    return markup
