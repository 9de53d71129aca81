"""Stage 5: Article + translations -> Markdown pages (with YAML front matter).

Seed and catalog text is data: every string goes through :func:`escape_inline`
(Markdown headings and link texts) or :func:`html.escape` (raw HTML blocks),
so no character of a seed or a msgstr becomes markup. Paragraphs and lists are
raw HTML blocks carrying the shared segment ids; headings are Markdown headings
with an explicit id (``attr_list``) so the table of contents and search see them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from .catalog import Translation
from .model import Article, Block
from .segment import article_units
from .ui import DIRECTIONS, LANG_NAMES, SOURCE_LANG, ui_text

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_ESCAPED = set("\\`*_{}[]()>#+-.!")
EXCERPT_WORDS = 30


@dataclass(frozen=True)
class PageSource:
    """A generated page: where it goes (``src_uri``, always ``/``-separated), its language, its text."""

    src_uri: str
    lang: str
    markdown: str


# A lookup from an Arabic msgid of the article to its translation (None if missing).
Lookup = Callable[[str], "Translation | None"]


def article_uri(slug: str, lang: str) -> str:
    """src_uri of an article page: ``deepseek.md`` (Arabic, at the root) or ``en/deepseek.md``."""
    return f"{slug}.md" if lang == SOURCE_LANG else f"{lang}/{slug}.md"


def home_uri(lang: str) -> str:
    """src_uri of a language's home page: ``index.md`` or ``en/index.md``."""
    return "index.md" if lang == SOURCE_LANG else f"{lang}/index.md"


def escape_inline(text: str) -> str:
    """Escape text for inline Markdown: HTML-escape, then backslash-escape Markdown marks.

    >>> escape_inline("a *b* <i>{#x}")
    'a \\\\*b\\\\* &lt;i&gt;\\\\{\\\\#x\\\\}'
    """
    escaped = html.escape(text, quote=False)
    return "".join("\\" + ch if ch in _MD_ESCAPED else ch for ch in escaped)


def _attrs(**values: str | None) -> str:
    parts = [f'{key.rstrip("_").replace("_", "-")}="{html.escape(value)}"'
             for key, value in values.items() if value]
    return " ".join(parts)


def _front_matter(meta: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first ``words`` words of ``text``, with ``…`` when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


@dataclass(frozen=True)
class _Shown:
    text: str
    lang: str
    state: str  # "source", "translated", "fuzzy", "untranslated"


def _resolve(msgid: str, lang: str, lookup: Lookup) -> _Shown:
    if lang == SOURCE_LANG:
        return _Shown(msgid, lang, "source")
    found = lookup(msgid)
    if found is None:
        return _Shown(msgid, SOURCE_LANG, "untranslated")
    return _Shown(found.text, lang, "fuzzy" if found.fuzzy else "translated")


def _notice(shown: _Shown, page_lang: str) -> str:
    if shown.state == "untranslated":
        return f'<p class="ex-notice ex-notice--untranslated" role="note">{html.escape(ui_text("untranslated", page_lang))}</p>\n\n'
    if shown.state == "fuzzy":
        return f'<p class="ex-notice ex-notice--fuzzy" role="note">{html.escape(ui_text("outdated", page_lang))}</p>\n\n'
    return ""


def _lang_attrs(shown: _Shown, page_lang: str) -> dict[str, str | None]:
    if shown.lang == page_lang:
        return {"lang": None, "dir": None}
    return {"lang": shown.lang, "dir": DIRECTIONS[shown.lang]}


def _state_class(shown: _Shown) -> str | None:
    return None if shown.state in ("source", "translated") else f"ex-{shown.state}"


def _render_heading(level: int, seg_id: str, shown: _Shown, page_lang: str) -> str:
    extra = _lang_attrs(shown, page_lang)
    attr = f"#{seg_id}"
    if cls := _state_class(shown):
        attr += f" .{cls}"
    for key, value in extra.items():
        if value:
            attr += f' {key}="{value}"'
    return _notice(shown, page_lang) + f"{'#' * level} {escape_inline(shown.text)} {{{attr}}}\n\n"


def _render_paragraph(seg_id: str, shown: _Shown, page_lang: str, css: str | None = None) -> str:
    classes = " ".join(c for c in (css, _state_class(shown)) if c) or None
    attrs = _attrs(id=seg_id, class_=classes, **_lang_attrs(shown, page_lang))
    return _notice(shown, page_lang) + f"<p {attrs}>{html.escape(shown.text)}</p>\n\n"


def _render_list(block: Block, page_lang: str, lookup: Lookup) -> str:
    tag = "ol" if block.ordered else "ul"
    items = []
    for index, item in enumerate(block.items):
        shown = _resolve(item, page_lang, lookup)
        attrs = _attrs(id=block.item_id(index), class_=_state_class(shown), **_lang_attrs(shown, page_lang))
        badge = ""
        if shown.state in ("untranslated", "fuzzy"):
            key = "untranslated" if shown.state == "untranslated" else "outdated"
            badge = f'<span class="ex-badge" lang="{page_lang}" dir="{DIRECTIONS[page_lang]}">{html.escape(ui_text(key, page_lang))}</span> '
        items.append(f"<li {attrs}>{badge}{html.escape(shown.text)}</li>")
    return f'<{tag} id="{block.id}">' + "".join(items) + f"</{tag}>\n\n"


def translation_state(article: Article, lang: str, lookup: Lookup) -> dict[str, int]:
    """Count the article's units by state in ``lang``: translated, fuzzy, untranslated."""
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for unit in article_units(article):
        state = _resolve(unit.msgid, lang, lookup).state
        counts["translated" if state == "source" else state] += 1
    return counts


def render_article(article: Article, lang: str, lookup: Lookup, langs: Sequence[str]) -> PageSource:
    """Render the article page in ``lang``.

    Input: the parsed article, the page language, a lookup for translations
    (ignored for the source language) and every language of the site.
    Output: a :class:`PageSource` whose Markdown starts with front matter
    (``title``, ``description``, ``lang``, ``dir``, ``article``, ``alternates``:
    language -> src_uri of the same article).
    """
    title = _resolve(article.title, lang, lookup)
    lede = _resolve(article.lede.text, lang, lookup) if article.lede else None
    meta: dict[str, object] = {
        "title": title.text,
        "description": excerpt(lede.text if lede else title.text, 40),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "article": article.slug,
        "alternates": {other: article_uri(article.slug, other) for other in langs},
    }
    body = [_front_matter(meta)]
    counts = translation_state(article, lang, lookup)
    if lang != SOURCE_LANG and counts["translated"] == 0 and counts["fuzzy"] == 0:
        body.append(f'<p class="ex-notice ex-notice--page" role="note">{html.escape(ui_text("nothing_translated", lang))}</p>\n\n')
    body.append(_render_heading(1, "title", title, lang))
    if lede:
        body.append(_render_paragraph("lede", lede, lang, css="ex-lede"))
    for section in article.sections:
        if section.heading is not None:
            body.append(_render_heading(2, section.id, _resolve(section.heading, lang, lookup), lang))
        for block in section.blocks:
            if block.kind == "paragraph":
                body.append(_render_paragraph(block.id, _resolve(block.text, lang, lookup), lang))
            else:
                body.append(_render_list(block, lang, lookup))
    return PageSource(article_uri(article.slug, lang), lang, "".join(body))


def render_home(articles: Sequence[Article], lang: str, lookups: dict[str, Lookup], langs: Sequence[str]) -> PageSource:
    """Render the home page of ``lang``: a title, an intro and one entry per article.

    Each entry links the article page (a Markdown link, so MkDocs validates it)
    and shows an excerpt of its lede in the page language when translated.
    """
    meta: dict[str, object] = {
        "title": ui_text("home_title", lang),
        "description": ui_text("home_intro", lang),
        "lang": lang,
        "dir": DIRECTIONS[lang],
        "alternates": {other: home_uri(other) for other in langs},
    }
    body = [_front_matter(meta), f"# {escape_inline(ui_text('home_title', lang))} {{#title}}\n\n",
            f"{escape_inline(ui_text('home_intro', lang))}\n\n"]
    for article in articles:
        lookup = lookups[article.slug]
        title = _resolve(article.title, lang, lookup)
        target = article_uri(article.slug, lang)
        link = target if lang == SOURCE_LANG else target.split("/", 1)[1]
        title_attr = "" if title.lang == lang else f'{{: lang="{title.lang}" dir="{DIRECTIONS[title.lang]}"}}'
        body.append(f"- [{escape_inline(title.text)}]({link}){title_attr}")
        if article.lede:
            lede = _resolve(article.lede.text, lang, lookup)
            body.append(f"\n\n    <span class=\"ex-excerpt\" {_attrs(**_lang_attrs(lede, lang))}>"
                        f"{html.escape(excerpt(lede.text))}</span>")
        body.append("\n\n")
    return PageSource(home_uri(lang), lang, "".join(body))


def language_name(lang: str) -> str:
    """Endonym of ``lang`` for the language switch (``العربية``, ``English``)."""
    return LANG_NAMES[lang]
