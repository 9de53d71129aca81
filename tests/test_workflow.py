"""Translation workflow on real files: extract, update, fuzzy, obsolete, coverage, reader-side marks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainer.cli import main as explainer
from explainer.translate.catalog import read_catalog

from .conftest import ROOT, make_project, run_build
from .helpers import pagefind_fragments, soup

SEED = (ROOT / "seeds/deepseek.txt").read_text("utf-8")
FACTS = (ROOT / "seeds/deepseek.facts.yml").read_text("utf-8")  # the seed's key facts (their catalog: facts.po)
OLD = "نجح في الاستيلاء على 10 آلاف شريحة"
NEW = "نجح في الاستيلاء على عشرة آلاف شريحة"
PO_REL = "locales/en/LC_MESSAGES/deepseek.po"
PIPELINE_FILES = ["locales/deepseek.pot", PO_REL, "locales/ui.pot", "locales/ar/LC_MESSAGES/ui.po",
                  "locales/en/LC_MESSAGES/ui.po"]


def _snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "locales").rglob("*"))
            if p.is_file()}


def _entries(path: Path) -> dict[str, object]:
    """Live messages of a PO file by segment id (from the ``#.`` comment), read back with Babel."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.auto_comments[0].split()[0]: m for m in catalog if m.id}


@pytest.fixture()
def edited(tmp_path: Path) -> Path:
    """A copy of the real project whose seed has one word of paragraph s1-p2 changed, after ``explainer update``."""
    assert SEED.count(OLD) == 1
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED.replace(OLD, NEW)}, copy_locales=True)
    assert explainer(["--root", str(project), "update"]) == 0
    return project


def test_update_on_the_repository_changes_nothing_twice(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED, "deepseek.facts.yml": FACTS}, copy_locales=True)
    before = _snapshot(project)
    for _ in range(2):
        assert explainer(["--root", str(project), "extract"]) == 0
        assert explainer(["--root", str(project), "update"]) == 0
        assert _snapshot(project) == before  # committed catalogs are current and output is byte-stable
    out = capsys.readouterr().out
    assert "updated" not in out and "written" not in out
    assert set(PIPELINE_FILES) <= set(before)


def test_pybabel_extract_with_the_mapping_file_gives_the_same_template(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED, "deepseek.facts.yml": FACTS}, copy_locales=True)
    shutil.copy(ROOT / "babel.cfg", project / "babel.cfg")
    pybabel = Path(sys.executable).with_name("pybabel")
    outputs = []
    for name in ("a.pot", "b.pot"):
        subprocess.run([str(pybabel), "-q", "extract", "-F", "babel.cfg", "--project", "explainers", "--version", "1",
                        "-o", name, "seeds/deepseek.txt"], cwd=project, check=True)
        outputs.append((project / name).read_text("utf-8"))
    ours = ROOT / "locales/deepseek.pot"

    def messages(path: Path) -> list[tuple[object, ...]]:
        return [(m.context, m.id, m.string, m.locations, m.auto_comments, sorted(m.flags))
                for m in read_catalog(path) if m.id]

    # Same messages (pybabel writes Babel's layout, 76 columns; ours is gettext's, see test_po_gettext).
    assert messages(project / "a.pot") == messages(project / "b.pot") == messages(ours)
    # ... and our update brings the template back to the committed bytes.
    shutil.copy(project / "a.pot", project / "locales/deepseek.pot")
    assert explainer(["--root", str(project), "update"]) == 0
    assert (project / "locales/deepseek.pot").read_bytes() == ours.read_bytes()


def test_changed_paragraph_turns_exactly_one_unit_fuzzy(edited: Path) -> None:
    old, new = _entries(ROOT / PO_REL), _entries(edited / PO_REL)
    assert list(old) == list(new)
    fuzzy = [seg for seg, m in new.items() if m.fuzzy]
    assert fuzzy == ["s1-p2"]
    assert new["s1-p2"].string == old["s1-p2"].string  # old translation kept
    assert NEW in new["s1-p2"].id
    text = (edited / PO_REL).read_text("utf-8")
    previous = "".join(line[3:].strip().strip('"') for line in text.splitlines() if line.startswith("#| "))
    assert OLD in previous.replace("msgid ", "")  # the previous msgid is recorded
    assert all(m.string and not m.fuzzy for seg, m in new.items() if seg != "s1-p2")


def test_previous_msgid_survives_a_second_update(edited: Path) -> None:
    before = _snapshot(edited)
    assert explainer(["--root", str(edited), "update"]) == 0
    assert _snapshot(edited) == before
    catalog = read_catalog(edited / PO_REL)
    [message] = [m for m in catalog if m.fuzzy and m.id]
    assert OLD in message.previous_id[0] and not any(c.startswith("|") for c in message.user_comments)


def test_msgfmt_accepts_updated_catalogs(edited: Path) -> None:
    assert shutil.which("msgfmt"), "gettext's msgfmt is installed by `make test` (make system-deps)"
    for po in sorted((edited / "locales").rglob("*.po")) + sorted((ROOT / "locales").rglob("*.po")):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (po, result.stderr)


def test_removed_paragraph_becomes_obsolete_and_new_one_is_empty(tmp_path: Path) -> None:
    lines = SEED.splitlines()
    removed = lines[6]                               # s1-p3
    added = "فقرة جديدة كليا عن موضوع آخر لم يذكر من قبل في هذه المقالة."
    seed = "\n".join(lines[:6] + [added] + lines[7:]) + "\n"
    project = make_project(tmp_path, seeds={"deepseek.txt": seed}, copy_locales=True)
    assert explainer(["--root", str(project), "update"]) == 0
    with (project / PO_REL).open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.get(added, context="deepseek").string == ""
    assert not catalog.get(added, context="deepseek").fuzzy
    [obsolete] = list(catalog.obsolete.values())
    assert obsolete.id == removed and obsolete.string.startswith("The key to DeepSeek")
    assert "#~ msgctxt \"deepseek\"" in (project / PO_REL).read_text("utf-8")
    assert not any(m.fuzzy for m in catalog if m.id)


def test_a_translated_plural_entry_added_by_hand_is_kept_as_obsolete(tmp_path: Path) -> None:
    # No passage makes a plural entry; update used to drop one without a word (nothing is lost).
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, copy_locales=True)
    po = project / PO_REL
    po.write_text(po.read_text("utf-8") + '\nmsgctxt "deepseek"\nmsgid "محطة"\nmsgid_plural "محطات"\n'
                  'msgstr[0] "plant"\nmsgstr[1] "plants"\n', "utf-8")
    for _ in range(2):  # and it stays so on the next update
        assert explainer(["--root", str(project), "update"]) == 0
        with po.open("rb") as handle:
            catalog = read_po(handle)
        [plural] = [m for m in catalog.obsolete.values() if isinstance(m.id, tuple)]
        assert plural.id == ("محطة", "محطات") and tuple(plural.string) == ("plant", "plants")
        assert '#~ msgid_plural "محطات"' in po.read_text("utf-8")


def test_inserted_paragraph_like_an_existing_one_stays_empty(tmp_path: Path) -> None:
    lines = SEED.splitlines()
    twin = lines[5].replace("10 آلاف", "عشرين ألف")   # similar to s1-p2, which stays unchanged
    project = make_project(tmp_path, seeds={"deepseek.txt": "\n".join(lines[:6] + [twin] + lines[6:]) + "\n"},
                           copy_locales=True)
    assert explainer(["--root", str(project), "update"]) == 0
    with (project / PO_REL).open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.get(twin, context="deepseek").string == ""   # Babel's update would copy s1-p2's translation
    assert not any(m.fuzzy for m in catalog if m.id) and not catalog.obsolete


def test_coverage_command_exit_status(edited: Path, capsys) -> None:
    assert explainer(["--root", str(ROOT), "coverage", "--min", "100"]) == 0
    capsys.readouterr()
    assert explainer(["--root", str(edited), "coverage", "--min", "100"]) == 1
    captured = capsys.readouterr()
    # 12 segments (11 current, s1-p2 fuzzy) and the phrase of a key fact shown (auto-selected; its names
    # show their known Latin spelling, nothing to translate)
    assert captured.out.splitlines()[1].split() == ["deepseek", "en", "11", "1", "1", "0", "84%"]
    assert "coverage below the threshold of 100%: deepseek (en), TOTAL (en)" in captured.err
    assert explainer(["--root", str(edited), "coverage", "--min", "80"]) == 0


def test_fuzzy_paragraph_is_marked_on_the_built_page(edited: Path, tmp_path: Path) -> None:
    build = run_build(edited, tmp_path / "site")  # --strict: an unfinished translation never fails a build
    assert build.returncode == 0, build.log
    assert ("INFO    -  explainer: locales/en/LC_MESSAGES/deepseek.po: article 'deepseek' is 84% translated "
            "into en: 1 fuzzy (s1-p2), 1 untranslated (fact fraction:") in build.log
    assert "WARNING" not in build.log
    page = soup(build.site / "en/deepseek/index.html").select_one("article")
    assert [el["id"] for el in page.select(".ex-fuzzy")] == ["s1-p2"]
    [notice] = page.select(".ex-notice--fuzzy")
    assert notice.find_next_sibling() is page.select_one("#s1-p2")
    assert "Translation to be reviewed" in notice.get_text()
    link = notice.select_one("a")
    assert (link["href"], link["hreflang"]) == ("../../deepseek/#s1-p2", "ar")
    assert NEW in soup(build.site / "deepseek/index.html").select_one("#s1-p2").get_text()
    assert page.select_one("#s1-p2").get_text().startswith("With that in mind, he managed to get hold of 10,000")  # old English
    top = page.select_one(".ex-notice--page")
    assert top.get_text(" ", strip=True).startswith("11 of 13 passages of this article are translated")
    assert len(page.select(".ex-notice")) == 2
    records = pagefind_fragments(build.site / "search" / "en")
    english = " ".join(r["content"] for r in records if r["url"].startswith("en/deepseek/"))
    assert "With that in mind" in english and "to be reviewed" not in english and "passages" not in english


def test_deleted_translation_shows_the_arabic_original(tmp_path: Path) -> None:
    po = (ROOT / PO_REL).read_text("utf-8")
    catalog_line = po.index('"The key to DeepSeek')
    start = po.rindex("msgstr", 0, catalog_line)
    end = po.index("\n\n", start)
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED},
                           po={"en/LC_MESSAGES/deepseek.po": po[:start] + 'msgstr ""' + po[end:]})
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    assert "is 84% translated into en: 2 untranslated (s1-p3, fact fraction:" in build.log
    page = soup(build.site / "en/deepseek/index.html").select_one("article")
    para = page.select_one("#s1-p3")
    assert (para.get("lang"), para.get("dir")) == ("ar", "rtl")
    assert para.get_text().startswith("ويكمن مفتاح نجاح DeepSeek")
    notice = para.find_previous_sibling()
    assert "ex-notice--untranslated" in notice["class"] and notice.get_text() == "Not yet translated"
    assert notice.get("lang") is None  # in the page language (English)
    assert [el["id"] for el in page.select(".ex-untranslated")] == ["s1-p3"]


def test_page_with_nothing_translated_says_so_at_the_top(tmp_path: Path) -> None:
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED})
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    article = soup(build.site / "en/deepseek/index.html").select_one("article")
    first = article.find(["p", "h1"])
    assert "ex-notice--page" in first["class"]
    assert first.get_text(" ", strip=True).startswith("Nothing in this article has been translated yet")
    assert len(article.select(".ex-untranslated")) == 12


@pytest.mark.parametrize(("broken", "expected"), [
    ('msgstr "There is a new kid', ":25: malformed PO file: unterminated string (a closing '\"' is missing)"),
    ('msgstr "x" "y"', ":25: malformed PO file: unexpected text after the string: ' \"y\"'"),
    ('msgstr "a \\q b"', ":25: malformed PO file: invalid escape sequence '\\q'"),
    ('msgtsr "x"', ":25: malformed PO file: unknown keyword 'msgtsr'"),
])
def test_broken_po_stops_the_build_with_file_line_and_problem(tmp_path: Path, broken: str, expected: str) -> None:
    lines = (ROOT / PO_REL).read_text("utf-8").splitlines()
    assert lines[24] == 'msgstr ""' and lines[25].startswith('"There is a new kid')
    lines[24:27] = [broken]
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, po={"en/LC_MESSAGES/deepseek.po": "\n".join(lines)})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert f"ERROR   -  locales/en/LC_MESSAGES/deepseek.po{expected}\n" in build.log
    assert "Traceback" not in build.log


def test_duplicate_message_stops_the_build(tmp_path: Path) -> None:
    po = (ROOT / PO_REL).read_text("utf-8")
    first = po.index("#. title title")
    entry = po[first:po.index("\n\n", first) + 2]
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED},
                           po={"en/LC_MESSAGES/deepseek.po": po + "\n" + entry})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    line = po.count("\n") + 4  # blank line, "#." and "#:" lines, then msgctxt
    assert (f"locales/en/LC_MESSAGES/deepseek.po:{line}: malformed PO file: duplicate message (msgctxt 'deepseek'): "
            f"msgid 'هناك طفل جديد وضع بالفعل الأساس ليصبح المنافس الجديد لـ OpenAI' is already defined on line 23") in build.log


HOSTILE_MSGSTR = ('<script>alert(1)</script> **bold** [link](javascript:alert(1)) {{ config.site_name }} '
                  '{% raw %} {: onclick="x" } <img src=x onerror=alert(1)> &amp;')


def test_markup_in_a_msgstr_stays_text_on_the_built_site(tmp_path: Path) -> None:
    po = (ROOT / PO_REL).read_text("utf-8").splitlines()
    assert po[25].startswith('"There is a new kid') and po[24] == 'msgstr ""'
    po[24:27] = ["msgstr " + '"' + HOSTILE_MSGSTR.replace('"', '\\"') + '"']
    para = po.index("#. s1-p2 paragraph")
    start = next(i for i in range(para, len(po)) if po[i].startswith("msgstr"))
    end = next(i for i in range(start, len(po)) if not po[i])
    po[start:end] = ["msgstr " + '"' + HOSTILE_MSGSTR.replace('"', '\\"') + '"']
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, po={"en/LC_MESSAGES/deepseek.po": "\n".join(po)})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    html_path = build.site / "en/deepseek/index.html"
    page = soup(html_path)
    assert page.select_one("article h1").get_text() == HOSTILE_MSGSTR
    assert page.select_one("#s1-p2").get_text() == HOSTILE_MSGSTR
    assert HOSTILE_MSGSTR in page.title.get_text()
    article = page.select_one("article")
    assert not article.select("script, img, strong, [onclick]")
    assert not [a for a in article.select("a") if "javascript" in a.get("href", "")]
    assert "alert(1)</script>" not in html_path.read_text("utf-8")


def test_entries_of_another_article_are_reported(tmp_path: Path) -> None:
    po = (ROOT / PO_REL).read_text("utf-8").replace('msgctxt "deepseek"', 'msgctxt "deepseek-old"', 2)
    project = make_project(tmp_path, seeds={"deepseek.txt": SEED}, po={"en/LC_MESSAGES/deepseek.po": po})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert ("locales/en/LC_MESSAGES/deepseek.po: 2 translated entries have a msgctxt other than the article's slug "
            "'deepseek': 'deepseek-old' (2); they are not used") in build.log
    assert "untranslated (title, lede, fact fraction:" in build.log


def test_update_names_catalogs_without_a_seed(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path, seeds={"tea.txt": "الشاي مشروب شعبي في العالم العربي."}, copy_locales=True)
    assert explainer(["--root", str(project), "update"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "locales/en/LC_MESSAGES/tea.po: created" in out
    assert "locales/tea.pot: created (template)" in out
    assert ("warning: locales/en/LC_MESSAGES/deepseek.po: no seed has the slug 'deepseek': if its seed was renamed, "
            "run 'explainer rename deepseek NEW-SLUG'; if the article was removed on purpose, delete the file") in out
    assert (project / "locales/en/LC_MESSAGES/deepseek.po").read_bytes() == (ROOT / PO_REL).read_bytes()


def test_seed_text_is_never_flagged_as_a_format_string(tmp_path: Path) -> None:
    seed = "ارتفع السهم 10% of القيمة، والرمز { x } والقالب {name} نص عادي.\n- عنوان {title}\nفقرة فيها 5%s أيضا.\n"
    project = make_project(tmp_path, seeds={"fmt.txt": seed})
    assert explainer(["--root", str(project), "update"]) == 0
    po = project / "locales/en/LC_MESSAGES/fmt.po"
    text = po.read_text("utf-8")
    assert "python-format" not in text and "python-brace-format" not in text
    po.write_text(text.replace('msgstr ""\n\n#.', 'msgstr "translated without the marks"\n\n#.'), "utf-8")
    assert explainer(["--root", str(project), "update"]) == 0
    assert "python-" not in po.read_text("utf-8")
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "translated without the marks" in po.read_text("utf-8")
