"""Translation checks (pofilter / Weblate style): numbers, Latin-script names and links, brackets; reported with
the article, the segment and the PO line by ``explainer coverage`` and the build log, never as a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.cli import main as explainer
from explainer.translate.checks import check_translation, entry_lines

from .conftest import ROOT, make_project, run_build
from .helpers import soup
from .test_translation_state import ENGLISH, NO_FACTS, PO, SEED, _coverage, _fill, _row


def _checks(msgid: str, msgstr: str, lang: str = "en") -> list[str]:
    return [finding.check for finding in check_translation(msgid, msgstr, "ar", lang)]


@pytest.mark.parametrize(("msgid", "msgstr"), [
    ("ارتفع بنسبة 38%", "rose by 38%"),
    ("ارتفع بنسبة ٣٨٪", "rose by 38 percent"),                  # Arabic-Indic digits, Arabic percent sign
    ("ارتفع بنسبة ۳۸ في المئة", "rose by 38 per cent"),          # Eastern Arabic-Indic digits
    ("جمع 10 آلاف شريحة", "collected 10,000 chips"),
    ("جمع 10 آلاف شريحة", "collected ten thousand chips"),
    ("جمع 10 آلاف شريحة", "collected 10k chips"),
    ("بلغت ١٫٥ مليون دولار", "reached $1.5 million"),
    ("بلغت 1,5 مليون دولار", "reached 1,500,000 dollars"),     # decimal comma
    ("بلغت ١٠٬٠٠٠ دولار", "reached 10,000 dollars"),            # Arabic thousands separator
    ("في 20 يناير 2025", "on January 20, 2025"),
    ("في القرن 21", "in the twenty-first century"),
    ("في القرن 21", "in the 21st century"),
    ("و40% من الناس", "and 40% of people"),                     # a number after an attached و
    ("في عام ألفين وخمسة وعشرين", "in 2025"),                   # a year written as words: not read, never reported
    ("المرتبة الأولى", "first place"),
    ("نموذج DeepSeek-R1 الجديد", "the new DeepSeek R1 model"),   # R1 is part of a name, not a number
])
def test_no_false_alarms(msgid: str, msgstr: str) -> None:
    assert _checks(msgid, msgstr) == []


@pytest.mark.parametrize(("msgid", "msgstr", "found"), [
    ("ارتفع بنسبة 38%", "rose by 28%", "number 38% of the msgid is missing or different in the msgstr (it has 28%)"),
    ("ارتفع بنسبة ٣٨٪", "rose sharply", "number ٣٨٪ of the msgid is missing or different in the msgstr"),
    ("جمع 10 آلاف شريحة", "collected 10 chips", "number 10 آلاف of the msgid is missing or different"),
    ("جمع 10 آلاف شريحة", "collected a thousand chips", "number 10 آلاف of the msgid"),
])
def test_a_changed_or_missing_number_is_found(msgid: str, msgstr: str, found: str) -> None:
    [finding] = check_translation(msgid, msgstr)
    assert finding.check == "number" and finding.message.startswith(found)


def test_number_words_of_an_unknown_language_are_not_judged() -> None:
    assert _checks("ارتفع بنسبة 38%", "a augmenté de trente-huit pour cent", "fr") == []
    assert _checks("ارتفع بنسبة 38%", "a augmenté de 28 %", "fr") == ["number"]   # another number in its place


def test_names_urls_and_mail_addresses() -> None:
    assert _checks("أطلقت Nvidia شريحة", "Nvidia's new chip") == []
    assert _checks("أطلقت Nvidia شريحة", "The chip maker released a chip") == ["name"]
    assert _checks("راجع https://example.com/a", "see https://example.com/a") == []
    assert _checks("راجع https://example.com/a", "see https://example.com/b") == ["name"]
    assert _checks("راسلنا على info@example.com", "write to INFO@example.com") == []
    assert _checks("راسلنا على info@example.com", "write to us") == ["name"]


def test_brackets_and_quotes_are_compared_with_the_msgid() -> None:
    assert _checks("قال (وهو محق) إن", "he said (rightly) that") == []
    assert _checks("قال (وهو محق) إن", "he said (rightly that") == ["brackets"]
    assert _checks("قال )وهو محق( إن", "he said (rightly) that") == []            # mirrored brackets in RTL typing
    assert _checks("قال «نعم» للجميع", "he said “yes” to all") == []
    assert _checks("قال «نعم» للجميع", 'he said "yes" to all') == []
    assert _checks("قال «نعم» للجميع", 'he said "yes to all') == ["brackets"]
    assert _checks("قال «نعم للجميع", 'he said "yes to all') == []               # the seed's own open quote


def test_entry_lines_name_the_msgctxt_line_of_every_entry() -> None:
    text = (ROOT / "locales/en/LC_MESSAGES/deepseek.po").read_text("utf-8").splitlines()
    lines = entry_lines(text)
    starts = [n for n, line in enumerate(text, start=1) if line.startswith("msgctxt ")]
    assert sorted(lines.values()) == starts and len(starts) == 12
    assert lines[("deepseek", "هناك طفل جديد وضع بالفعل الأساس ليصبح المنافس الجديد لـ OpenAI")] == 23


def test_a_changed_number_is_reported_with_its_segment_and_po_line(tmp_path: Path, capsys) -> None:
    seed = SEED.replace("قبل قرون طويلة", "قبل 38 قرنا")
    project = make_project(tmp_path, seeds={"tea.txt": seed, "tea.facts.yml": NO_FACTS})
    assert explainer(["--root", str(project), "update"]) == 0
    msgid = "وصل الشاي إلى المنطقة قبل 38 قرنا عبر طرق التجارة القديمة."
    english = {k: v for k, v in ENGLISH.items() if "قرون" not in k} | {msgid: "Tea reached the region 28 centuries ago."}
    _fill(project, english)
    line = (project / PO).read_text("utf-8").splitlines().index(f'msgid "{msgid}"')  # the entry's msgctxt line
    message = "number: number 38 of the msgid is missing or different in the msgstr (it has 28)"
    status, out, err = _coverage(project, capsys)
    # questioned by the number check: to review (the fuzzy column), not counted as current
    assert status == 0 and _row(out)[1:] == ["en", "4", "1", "0", "1", "80%"]
    assert f"tea (en) s1-p1 finding      {PO}:{line}: {message}" in out
    status, out, err = _coverage(project, capsys, "--fail-on-findings")
    assert status == 1 and "1 finding(s) of the translation checks" in err
    build = run_build(project, tmp_path / "site")   # --strict: a finding is information, not a warning
    assert build.returncode == 0, build.log
    assert f"INFO    -  explainer: {PO}:{line}: article 'tea', segment s1-p1 (en): {message}" in build.log
    assert "WARNING" not in build.log
    # the reader sees the questioned translation marked for review, never as a plain translated passage
    page = soup(build.site / "en/tea/index.html")
    group = page.select_one("#ex-note-s1-p1").parent
    assert "ex-pending--fuzzy" in group["class"] and "28 centuries" in group.get_text()
    assert page.select_one("#ex-note-s1-p1").get_text().startswith("Translation to be reviewed")
    assert "4 of 5 passages" in page.select_one(".ex-notice--page").get_text()
