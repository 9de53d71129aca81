"""Translation state: one figure per article and language, shown alike by the page, the status page,
``explainer coverage`` and the log; copied msgstrs, key facts and edits before ``update`` counted truly."""

from __future__ import annotations

import re
from pathlib import Path

from explainer.cli import main as explainer
from explainer.translate.catalog import Translation
from explainer.translate.state import percent, resolve

from .conftest import make_project, run_build
from .helpers import soup

NO_FACTS = "facts: []\n"  # no key facts: the article's figure is its segments only
SEED = ("عنوان مقالة الشاي\n"
        "الشاي مشروب شعبي في العالم العربي ويشربه الناس في كل وقت من اليوم.\n"
        "- تاريخ الشاي\n"
        "وصل الشاي إلى المنطقة قبل قرون طويلة عبر طرق التجارة القديمة.\n"
        "ويحب كثير من الناس الشاي الأخضر مع النعناع بعد الطعام.\n")
ENGLISH = {
    "عنوان مقالة الشاي": "The tea article",
    "الشاي مشروب شعبي في العالم العربي ويشربه الناس في كل وقت من اليوم.":
        "Tea is a popular drink in the Arab world, drunk at every time of day.",
    "تاريخ الشاي": "A history of tea",
    "وصل الشاي إلى المنطقة قبل قرون طويلة عبر طرق التجارة القديمة.":
        "Tea reached the region centuries ago along the old trade routes.",
    "ويحب كثير من الناس الشاي الأخضر مع النعناع بعد الطعام.": "Many people like green tea with mint after a meal.",
}
PO = "locales/en/LC_MESSAGES/tea.po"


def _fill(project: Path, translations: dict[str, str], name: str = "tea") -> None:
    """Give the entries of ``locales/en/LC_MESSAGES/<name>.po`` their msgstr (the file ``explainer update`` wrote)."""
    path = project / f"locales/en/LC_MESSAGES/{name}.po"
    text = path.read_text("utf-8")
    for msgid, msgstr in translations.items():
        entry = f'msgid "{msgid}"\nmsgstr ""\n'
        assert entry in text, msgid
        text = text.replace(entry, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    path.write_text(text, "utf-8")


def _project(tmp_path: Path, seed: str = SEED, facts: str | None = NO_FACTS) -> Path:
    seeds = {"tea.txt": seed} | ({"tea.facts.yml": facts} if facts is not None else {})
    project = make_project(tmp_path, seeds=seeds)
    assert explainer(["--root", str(project), "update"]) == 0
    return project


def _coverage(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = explainer(["--root", str(project), "coverage", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _row(out: str, name: str = "tea") -> list[str]:
    return next(line.split() for line in out.splitlines() if line.split()[:1] == [name])


def test_the_rounding_rule_is_floor() -> None:
    assert (percent(199, 200), percent(200, 200), percent(1, 200), percent(0, 0)) == (99, 100, 0, 100)


def test_copied_or_blank_msgstr_is_untranslated_but_a_latin_title_may_stay() -> None:
    copied = resolve("نص عربي", "en", lambda _m: Translation(" نص عربي ", False))
    blank = resolve("نص عربي", "en", lambda _m: Translation("  ", False))
    latin = resolve("DeepSeek-R1", "en", lambda _m: Translation("DeepSeek-R1", False))
    assert (copied.state, copied.reason, copied.text, copied.lang) == ("untranslated", "copied", "نص عربي", "ar")
    assert (blank.state, blank.reason) == ("untranslated", "blank")
    assert latin.state == "translated"


def test_a_new_untranslated_article_builds_with_strict(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"tea.txt": SEED})  # no catalog at all: `update` has not run
    build = run_build(project, tmp_path / "site")               # --strict
    assert build.returncode == 0, build.log
    assert "WARNING" not in build.log
    assert re.search(r"INFO    -  explainer: locales/en/LC_MESSAGES/tea.po: article 'tea' is 0% translated into en: "
                     r"5 untranslated \(title, lede, s1, s1-p1, s1-p2\) of 5 segments, marked on its page", build.log)
    page = soup(build.site / "en/tea/index.html").select_one("article")
    assert len(page.select(".ex-untranslated")) == 5
    assert page.select_one("#s1-p1")["lang"] == "ar"
    assert "0% of the passages translated" in page.select_one(".ex-translated").get_text()
    status, out, _err = _coverage(project, capsys, "--list", "--min", "1")
    assert status == 1 and _row(out)[-1] == "0%"
    assert "tea (en) s1-p1 untranslated locales/en/LC_MESSAGES/tea.po: no entry in the catalog yet: run 'explainer update'" in out


def test_a_copied_source_msgstr_fails_coverage_min_100_and_names_its_segment(tmp_path: Path, capsys) -> None:
    project = _project(tmp_path)
    copied = "وصل الشاي إلى المنطقة قبل قرون طويلة عبر طرق التجارة القديمة."
    _fill(project, ENGLISH | {copied: copied})  # s1-p1 "translated" by pasting the Arabic
    status, out, err = _coverage(project, capsys, "--min", "100", "--list")
    assert status == 1
    assert _row(out)[1:] == ["en", "4", "0", "1", "0", "80%"]
    assert "coverage below the threshold of 100%: tea (en), TOTAL (en)" in err
    line = (project / PO).read_text("utf-8").splitlines().index(f'msgid "{copied}"')  # the msgctxt line, 1-based
    assert (f"tea (en) s1-p1 untranslated {PO}:{line}: the msgstr is the Arabic msgid, copied unchanged") in out
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = soup(build.site / "en/tea/index.html").select_one("article")
    assert [el["id"] for el in page.select(".ex-untranslated")] == ["s1-p1"]
    assert page.select_one("#s1-p1").find_previous_sibling().get_text() == "Not yet translated"


def test_an_untranslated_key_fact_lowers_coverage(tmp_path: Path, capsys) -> None:
    facts = "facts:\n  - text: مشروب العرب\n    label: الشاي\n"
    project = _project(tmp_path, facts=facts)
    _fill(project, ENGLISH)
    status, out, _err = _coverage(project, capsys, "--min", "100", "--list")
    assert status == 1
    assert _row(out)[1:] == ["en", "5", "0", "2", "0", "71%"]  # 5 segments + 2 fact texts, 5 current
    assert re.search(r"tea \(en\) fact text:مشروب العرب untranslated locales/en/LC_MESSAGES/facts\.po:\d+: no translation yet", out)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    page = soup(build.site / "en/tea/index.html")
    assert "71% of the passages translated" in page.select_one(".ex-translated").get_text()
    box = page.select_one(".ex-facts dd")
    assert (box.get_text(), box["lang"]) == ("مشروب العرب", "ar")  # what the reader sees is the Arabic
    _fill(project, {"مشروب العرب": "the Arabs' drink", "الشاي": "Tea"}, name="facts")
    status, out, _err = _coverage(project, capsys, "--min", "100")
    assert status == 0 and _row(out)[-1] == "100%"


def test_an_arabic_edit_without_update_shows_the_old_english_marked_outdated(tmp_path: Path, capsys) -> None:
    project = _project(tmp_path)
    _fill(project, ENGLISH)
    old = "وصل الشاي إلى المنطقة قبل قرون طويلة عبر طرق التجارة القديمة."
    new = "وصل الشاي إلى المنطقة قبل قرون عديدة عبر طرق التجارة القديمة."
    (project / "seeds/tea.txt").write_text(SEED.replace(old, new), "utf-8")   # no `explainer update` after it
    before = (project / PO).read_bytes()
    for command in ("build", "serve"):
        build = run_build(project, tmp_path / command, command=command)
        assert build.returncode == 0, build.log
        page = soup(build.site / "en/tea/index.html").select_one("article")
        para = page.select_one("#s1-p1")
        assert para.get_text() == ENGLISH[old] and para.get("lang") is None       # the old English, not the Arabic
        assert "ex-fuzzy" in para["class"] and not page.select(".ex-untranslated")
        notice = para.find_previous_sibling()
        assert "Translation to be reviewed" in notice.get_text() and "Not yet translated" not in page.get_text()
        assert "1 outdated (its Arabic changed: run 'explainer update') (s1-p1)" in build.log
    assert (project / PO).read_bytes() == before  # nothing written: only `update` writes catalogs
    status, out, _err = _coverage(project, capsys, "--list")
    assert status == 0 and _row(out)[1:] == ["en", "4", "1", "0", "0", "80%"]
    line = (project / PO).read_text("utf-8").splitlines().index(f'msgid "{old}"')  # the entry holding the English
    assert f"tea (en) s1-p1 outdated     {PO}:{line}: its Arabic changed and 'explainer update' has not run" in out
    assert explainer(["--root", str(project), "update"]) == 0  # `update` makes the same match, now in the file
    capsys.readouterr()
    status, out, _err = _coverage(project, capsys, "--list")
    assert _row(out)[1:] == ["en", "4", "1", "0", "0", "80%"] and "tea (en) s1-p1 fuzzy" in out


def _long_seed(paragraphs: int) -> str:
    words = ["الشاي", "القهوة", "الماء", "الحليب", "العصير", "الخبز", "التمر", "العسل", "الملح", "الزيت",
             "الأرز", "القمح", "الشعير", "الذرة", "العدس", "الفول", "الحمص", "اللوز", "الجوز", "التين"]
    body = [f"يتحدث هذا الجزء عن {words[n % 20]} و{words[(n // 20) % 20]} في حياة الناس اليومية وعاداتهم."
            for n in range(paragraphs)]
    return "مقالة طويلة عن الطعام والشراب\n" + "\n".join(body) + "\n"


def test_byline_status_page_and_coverage_print_the_same_figure_for_199_of_200(tmp_path: Path, capsys) -> None:
    seed = _long_seed(199)  # a title and 199 paragraphs (the first is the lede): 200 segments
    project = _project(tmp_path, seed=seed)
    po = (project / PO).read_text("utf-8")
    msgids = re.findall(r'^msgid "(.+)"$', po, re.MULTILINE)
    assert len(msgids) == 200
    _fill(project, {msgid: f"English {n}" for n, msgid in enumerate(msgids[:-1])})  # all but the last one
    status, out, _err = _coverage(project, capsys, "--min", "100")
    assert status == 1 and _row(out)[1:] == ["en", "199", "0", "1", "0", "99%"]
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    byline = soup(build.site / "en/tea/index.html").select_one(".ex-translated").get_text()
    assert "99% of the passages translated" in byline and "100%" not in byline
    rows = [[td.get_text(strip=True) for td in tr.select("td")]
            for tr in soup(build.site / "en/status/index.html").select("article table tbody tr")]
    assert rows[0][1:] == ["199", "0", "1", "99%"]
    assert "article 'tea' is 99% translated into en: 1 untranslated" in build.log


def test_a_preview_with_a_malformed_catalog_never_claims_nothing_is_translated(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _fill(project, ENGLISH)
    path = project / PO
    text = path.read_text("utf-8")
    path.write_text(text.replace('msgstr "A history of tea"', 'msgstr "A history of tea'), "utf-8")  # unterminated
    line = text.splitlines().index('msgstr "A history of tea"') + 1
    problem = f"{PO}:{line}: malformed PO file: unterminated string"
    served = run_build(project, tmp_path / "served", strict=False, command="serve")
    assert served.returncode == 0, served.log
    assert f"ERROR   -  explainer: {problem}" in served.log and "read as empty in this preview" in served.log
    assert "article 'tea' is shown untranslated into en in this preview: its catalog could not be read" in served.log
    page = soup(served.site / "en/tea/index.html").select_one("article")
    top = page.select_one(".ex-notice--page").get_text(" ", strip=True)
    assert top.startswith(f"The translation of this article could not be read ({problem}")
    assert "Nothing in this article has been translated" not in page.get_text() and "%" not in page.select_one(
        ".ex-translated").get_text()
    rows = [[td.get_text(strip=True) for td in tr.select("td")]
            for tr in soup(served.site / "en/status/index.html").select("article table tbody tr")]
    assert rows[0][1:] == rows[-1][1:] == ["\u2014"] * 4            # not known, never "0%"
    assert run_build(project, tmp_path / "built").returncode == 1   # a build stops on it, as before
