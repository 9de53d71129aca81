"""Reading an unfinished page: the English mirror of articles with untranslated and outdated passages.

One project, built once: ``deepseek`` with an untranslated title, runs of untranslated
paragraphs, an untranslated heading with its paragraph, a heading alone and runs of fuzzy
paragraphs; ``habits`` with a list wholly untranslated and a list wholly fuzzy; ``sleep``
with a list whose items are in several states. The built HTML is parsed (groups, notices,
ids, header and table-of-contents marks), then Chromium checks what a reader sees: anchor
jumps, the header's ellipsis, no sideways scrolling at 360 px, axe-core.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import markdown
import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from explainer.cli import main as explainer
from explainer.text import ascii_digits

from .browser import serve_directory
from .conftest import ROOT, make_project, run_build
from .helpers import soup

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEGMENT = re.compile(r"^(?:title|subtitle|lede|s\d+(?:-[pl]\d+(?:-i\d+)?)?)$")

HABITS = """عادات الصباح المفيدة
يبدأ اليوم الجيد بعادات صغيرة يكررها المرء كل صباح حتى تصبح جزءا من يومه.
- ما الذي ينفع في الصباح؟
ينصح الخبراء بثلاث خطوات بسيطة:
1. شرب كوب من الماء
2. المشي عشر دقائق في الهواء
3. ترتيب السرير قبل الخروج
- وما الذي يضر؟
ويحذرون من عادات أخرى:
1. النظر إلى الهاتف فور الاستيقاظ
2. تأجيل المنبه مرات كثيرة
"""

# segment id -> "untranslated" | "fuzzy"; every other segment is translated
STATES = {
    "deepseek": {"title": "untranslated", "s0-p1": "untranslated", "s0-p2": "untranslated", "s1": "untranslated",
                 "s1-p1": "untranslated", "s1-p3": "fuzzy", "s2": "untranslated", "s2-p2": "fuzzy", "s2-p3": "fuzzy"},
    "habits": {"s1-l1-i1": "untranslated", "s1-l1-i2": "untranslated", "s1-l1-i3": "untranslated",
               "s2-l1-i1": "fuzzy", "s2-l1-i2": "fuzzy"},
    "sleep": {"s2-l1-i2": "untranslated", "s2-l1-i3": "untranslated"},
}


def _set_states(path: Path, states: dict[str, str]) -> None:
    """Rewrite a PO file: the segments named in ``states`` untranslated or fuzzy, every other one translated."""
    catalog = read_po(io.BytesIO(path.read_bytes()))
    for message in catalog:
        if not message.id:
            continue
        segment = message.auto_comments[0].split()[0]
        state = states.get(segment)
        if not message.string:  # a stand-in translation that keeps the msgid's numbers and Latin names (the checks)
            message.string = " ".join(["EN", segment, *re.findall(r"[0-9A-Za-z][\w.-]*", ascii_digits(message.id))])
        if state == "untranslated":
            message.string = ""
        elif state == "fuzzy":
            message.flags.add("fuzzy")
    out = io.BytesIO()
    write_po(out, catalog, width=76)
    path.write_bytes(out.getvalue())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("unfinished")
    seeds = {"deepseek.txt": (ROOT / "seeds/deepseek.txt").read_text("utf-8"), "habits.txt": HABITS,
             "sleep.txt": (ROOT / "tests/corpus/listicle-and-list.txt").read_text("utf-8")}
    project = make_project(base, seeds=seeds,
                           po={"en/LC_MESSAGES/deepseek.po": (ROOT / "locales/en/LC_MESSAGES/deepseek.po").read_text("utf-8")})
    assert explainer(["--root", str(project), "update"]) == 0
    for slug, states in STATES.items():
        _set_states(project / f"locales/en/LC_MESSAGES/{slug}.po", states)
    build = run_build(project, base / "site", strict=False)
    assert build.returncode == 0, build.log
    return build.site


def _article(site: Path, slug: str, lang: str = "en"):
    return soup(site / (f"{lang}/{slug}/index.html" if lang != "ar" else f"{slug}/index.html"))


def _groups(page) -> list[tuple[str, list[str]]]:
    out = []
    for group in page.select("article .ex-pending"):
        state = next(c.removeprefix("ex-pending--") for c in group["class"] if c in ("ex-pending--untranslated", "ex-pending--fuzzy"))
        out.append((state, [child["id"] for child in group.find_all(recursive=False) if SEGMENT.match(child.get("id", ""))]))
    return out


# --- the built HTML ----------------------------------------------------------------------------------

def test_a_run_of_passages_in_one_state_has_one_notice(site: Path) -> None:
    page = _article(site, "deepseek")
    # a heading starts its own group (a group never spans two sections); byline and key facts end one
    assert _groups(page) == [("untranslated", ["title"]), ("untranslated", ["s0-p1", "s0-p2"]),
                             ("untranslated", ["s1", "s1-p1"]), ("fuzzy", ["s1-p3"]), ("untranslated", ["s2"]),
                             ("fuzzy", ["s2-p2", "s2-p3"])]
    article = page.select_one("article")
    assert len(article.select(".ex-notice--untranslated")) == 4 and len(article.select(".ex-notice--fuzzy")) == 2
    for group in article.select(".ex-pending"):
        notices = group.select(".ex-notice")
        assert len(notices) == 1 and group.find(recursive=False) is notices[0], "the notice comes first, once"
        # announced once for the whole group: the group is described by its notice
        assert group["role"] == "group" and group["aria-describedby"] == notices[0]["id"]
        assert notices[0].get("lang") is None  # in the page's language
    # every notice but the page's own is in a group
    assert {tuple(n["class"]) for n in article.select(".ex-notice") if n.parent.name == "article"} == {("ex-notice", "ex-notice--page")}


def test_every_block_keeps_its_id_and_language(site: Path) -> None:
    english, arabic = _article(site, "deepseek"), _article(site, "deepseek", "ar")
    ids = [el["id"] for el in arabic.select("article [id]") if SEGMENT.match(el["id"])]
    assert ids == [el["id"] for el in english.select("article [id]") if SEGMENT.match(el["id"])]
    for seg, state in STATES["deepseek"].items():
        block = english.select_one(f"#{seg}")
        assert ("ex-" + state) in block["class"]
        assert (block.get("lang"), block.get("dir")) == (("ar", "rtl") if state == "untranslated" else (None, None))


def test_a_heading_notice_sits_on_its_heading(site: Path) -> None:
    page = _article(site, "deepseek")
    for seg, level in (("title", 1), ("s1", 2), ("s2", 2)):
        heading = page.select_one(f"#{seg}")
        group = heading.parent
        assert "ex-pending" in group["class"] and f"ex-pending--h{level}" in group["class"]
        assert heading.find_previous_sibling() is group.select_one(".ex-notice")
    assert page.select_one("#s2").find_next_sibling() is None, "a heading alone is its group's only block"


def test_a_fuzzy_run_links_its_first_passage_on_the_arabic_page(site: Path) -> None:
    page = _article(site, "deepseek")
    links = [(a["href"], a["hreflang"], a["target"]) for a in page.select(".ex-pending--fuzzy > .ex-notice a")]
    assert links == [("../../deepseek/#s1-p3", "ar", "_self"), ("../../deepseek/#s2-p2", "ar", "_self")]
    arabic = _article(site, "deepseek", "ar")
    assert arabic.select_one("#s1-p3") and arabic.select_one("#s2-p2") and not arabic.select(".ex-pending, .ex-notice")


def test_lists_join_runs_or_mark_their_own_items(site: Path) -> None:
    habits = _article(site, "habits")
    assert _groups(habits) == [("untranslated", ["s1-l1"]), ("fuzzy", ["s2-l1"])]
    untranslated = habits.select_one("#s1-l1")
    assert (untranslated.name, untranslated.get("lang"), untranslated.get("dir")) == ("ol", "ar", "rtl")
    assert [li["id"] for li in untranslated.select("li")] == ["s1-l1-i1", "s1-l1-i2", "s1-l1-i3"]
    assert not habits.select(".ex-badge"), "a list in one state has its group's notice, not a badge per item"
    assert [a["href"] for a in habits.select(".ex-notice--fuzzy a")] == ["../../habits/#s2-l1"]
    # a list in several states: not a group; the first item of each run of pending items has a badge
    sleep = _article(site, "sleep")
    assert _groups(sleep) == []
    assert [li["id"] for li in sleep.select("#s2-l1 li") if li.select_one(".ex-badge")] == ["s2-l1-i2"]
    assert [(li.get("lang"), li.get("dir")) for li in sleep.select("#s2-l1 li")] == [(None, None), ("ar", "rtl"), ("ar", "rtl")]


def test_untranslated_titles_are_marked_in_the_header_and_the_table_of_contents(site: Path) -> None:
    page = _article(site, "deepseek")
    topic = page.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
    assert (topic.get("lang"), topic.get("dir")) == ("ar", "rtl")
    assert topic.get_text(strip=True) == page.select_one("h1#title").get_text().strip()
    assert page.select_one("title").get_text().startswith("هناك طفل جديد")  # the tab title stays plain text
    toc = {a["href"]: a.select_one(".md-ellipsis") for a in page.select(".md-sidebar--secondary a.md-nav__link")}
    for href in ("#s1", "#s2"):
        bdi = toc[href].select_one("bdi")
        assert (bdi.get("lang"), bdi.get("dir")) == ("ar", "rtl")
        assert bdi.get_text() == page.select_one(href).get_text()
    for other in (_article(site, "habits"), _article(site, "deepseek", "ar")):  # translated title, source page
        topic = other.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
        assert topic.get("lang") is None and topic.get("dir") is None
        assert not other.select(".md-sidebar--secondary bdi[lang]")


def test_an_untranslated_title_in_the_previous_next_links_is_marked(site: Path) -> None:
    links = {a["href"]: a for a in _article(site, "habits").select(".ex-prevnext a")}
    arabic = links["../deepseek/"]
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl") and arabic.get_text().startswith("هناك طفل")
    assert all(a.get("lang") is None for href, a in links.items() if href != "../deepseek/")


def test_header_override_is_materials_own_partial_but_for_the_title_marks() -> None:
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text("utf-8")
    ours = (ROOT / "overrides/partials/header.html").read_text("utf-8")

    def plain(text: str) -> str:
        text = re.sub(r"\{#-.*?-#\}", "", text, flags=re.DOTALL)
        text = text.replace('{% if page.meta and page.meta.title_lang %} lang="{{ page.meta.title_lang }}" '
                            'dir="{{ page.meta.title_dir }}"{% endif %}', "")
        return re.sub(r"\s+", " ", text).strip()

    assert plain(ours) == plain(theirs), "Material's header.html changed: copy it to overrides/partials/ and redo the change"
    assert "page.meta.title_lang" in ours


def test_the_export_keeps_grouped_headings_as_headings() -> None:
    from explainer.ingest.decode import normalize_text
    from explainer.ingest.parse import parse_article
    from explainer.render.export import page_markdown
    from explainer.render.pages import SiteContext, render_article
    from explainer.translate.state import article_states
    from explainer.translate.ui import UiStrings

    article = parse_article(normalize_text("عنوان المقالة\nفقرة أولى.\n- قسم أول\nفقرة ثانية.\nفقرة ثالثة."), path="x.txt", slug="x")
    page = render_article(article, article_states(article, "en", lambda _m: None), SiteContext(("ar", "en"), UiStrings()))
    html = markdown.markdown(page_markdown(page), extensions=["md_in_html", "attr_list", "toc", "meta"])
    out = BeautifulSoup(html, "lxml")
    heading = out.select_one("h2#s1")
    assert heading is not None and heading.get("lang") == "ar" and "ex-pending" in heading.parent["class"]
    assert [p["id"] for p in heading.parent.select("p[id^=s1]")] == ["s1-p1", "s1-p2"]


# --- in Chromium --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base_url(site: Path):
    with serve_directory(site) as url:
        yield url


def _open(browser, url: str, width: int, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 740 if width < 500 else 900},
                                  is_mobile=width < 500, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)  # the fragment scroll settles after the fonts
    return page


JUMP = """(id) => {
  const target = document.getElementById(id), group = target.closest('.ex-pending');
  const notice = group.querySelector(':scope > .ex-notice').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const box = target.getBoundingClientRect(), x = notice.left + 4, y = (notice.top + notice.bottom) / 2;
  const seen = document.elementFromPoint(x, y);
  return {header: header.bottom, noticeTop: notice.top, noticeBottom: notice.bottom, target: box.top,
          scrollY: window.scrollY, height: innerHeight, noticeSeen: !!(seen && seen.closest('.ex-notice')),
          atBottom: window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("seg", ["s0-p2", "s1", "s1-p1", "s1-p3", "s2", "s2-p3"])
def test_an_anchor_jump_leaves_the_notice_and_the_passage_in_view(browser, base_url: str, seg: str, width: int) -> None:
    page = _open(browser, base_url + f"en/deepseek/#{seg}", width)
    try:
        box = page.evaluate(JUMP, seg)
        assert box["scrollY"] > 0, box
        assert box["noticeTop"] >= box["header"] - 0.5, f"the notice is under the header: {box}"
        assert box["noticeSeen"], f"the notice is covered: {box}"
        assert box["noticeBottom"] <= box["target"] + 0.5, f"the passage is under its notice: {box}"
        assert box["target"] < box["height"] - 40, box
        if not box["atBottom"]:  # the passage right under its notice (Material's gap: 1.2rem)
            assert box["target"] <= box["noticeBottom"] + 30, box
        if seg == "s2-p3" and width == 360:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "unfinished-jump-s2-p3-360.png"))
    finally:
        page.context.close()


CUT = """() => {
  const span = document.querySelector('.md-header__topic[data-md-component=header-topic] .md-ellipsis');
  const text = [...span.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const raw = text.textContent, start = raw.search(/\\S/), end = raw.trimEnd().length;
  const rect = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect(); };
  const box = span.getBoundingClientRect(), first = rect(start), last = rect(end - 1);
  return {dir: getComputedStyle(span).direction, overflows: span.scrollWidth > span.clientWidth,
          left: box.left, right: box.right, first: [first.left, first.right], last: [last.left, last.right]};
}"""


@pytest.mark.browser
def test_an_untranslated_title_in_the_header_is_cut_at_its_end(browser, base_url: str) -> None:
    page = _open(browser, base_url + "en/deepseek/#s1-p2", 360)
    try:
        page.wait_for_selector(".md-header__title--active")  # the page title shows once the h1 is scrolled past
        cut = page.evaluate(CUT)
        assert cut["dir"] == "rtl" and cut["overflows"], cut
        # Arabic starts on the right: its first letter is shown, its last one is cut off on the left
        assert cut["left"] - 0.5 <= cut["first"][0] and cut["first"][1] <= cut["right"] + 0.5, cut
        assert cut["last"][1] <= cut["left"] + 0.5, cut
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator(".md-header").screenshot(path=str(ARTIFACTS / "unfinished-header-360.png"))
    finally:
        page.context.close()


@pytest.mark.browser
def test_untranslated_headings_read_right_to_left_in_the_table_of_contents(browser, base_url: str) -> None:
    page = _open(browser, base_url + "en/deepseek/", 1280)
    try:
        marks = page.locator(".md-sidebar--secondary a.md-nav__link bdi").evaluate_all(
            "els => els.map(e => [e.lang, getComputedStyle(e).direction, getComputedStyle(e).fontFamily])")
        assert len(marks) == 2 and all(lang == "ar" and d == "rtl" and "Naskh" in font for lang, d, font in marks), marks
    finally:
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "en/", "deepseek/", "en/deepseek/", "en/habits/", "en/sleep/", "sleep/",
                                  "status/", "en/status/", "en/glossary/"])
def test_no_page_scrolls_sideways_on_a_phone(browser, base_url: str, path: str) -> None:
    page = _open(browser, base_url + path, 360)
    try:
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{path}: {width[0] - width[1]} px of sideways scrolling"
    finally:
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (1280, "dark"), (360, "light")])
def test_the_unfinished_page_has_no_serious_axe_violation(browser, base_url: str, width: int, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _open(browser, base_url + "en/deepseek/#s2-p3", width, scheme)
    try:
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
        violations = Axe().run(page).response["violations"]
        blocking = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
                    for v in violations if v["impact"] in ("serious", "critical")]
        assert blocking == [], blocking
    finally:
        page.context.close()
