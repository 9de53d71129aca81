"""Interface strings come from the ``ui`` catalogs; the status pages list coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainer.translate import ui
from explainer.translate.catalog import load_ui_strings
from explainer.translate.workflow import merge, render_po, ui_template

from .conftest import ROOT, make_project, run_build
from .helpers import soup

AR_UI = ROOT / "locales/ar/LC_MESSAGES/ui.po"


def _ar(key: str) -> str:
    with AR_UI.open("rb") as handle:
        return next(m.string for m in read_po(handle) if m.context == key)


def test_interface_strings_on_the_real_site(real_build) -> None:
    for rel, lang in [("index.html", "ar"), ("en/index.html", "en"), ("deepseek/index.html", "ar"),
                      ("en/deepseek/index.html", "en"), ("status/index.html", "ar"), ("en/status/index.html", "en")]:
        page = soup(real_build.site / rel)
        expected = {key: (_ar(key) if lang == "ar" else ui.message_for(key).source) for key in ("site_name", "footer")}
        assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == expected["site_name"], rel
        assert expected["footer"] in page.select_one(".md-copyright").get_text(" ", strip=True), rel
    home = soup(real_build.site / "index.html").select_one("article")
    assert home.h1.get_text() == _ar("home_title") == "المقالات"
    assert home.select_one("a.md-button, .ex-status-link a, a[href='status/']").get_text() == _ar("status_title")


def test_status_pages_list_every_article(real_build) -> None:
    for rel, lang in [("status/index.html", "ar"), ("en/status/index.html", "en")]:
        page = soup(real_build.site / rel)
        assert (page.html["lang"], page.body["dir"]) == (lang, "rtl" if lang == "ar" else "ltr")
        rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in page.select("article table tbody tr")]
        title = "هناك طفل جديد" if lang == "ar" else "There is a new kid"
        assert rows[0][0].startswith(title) and rows[0][1:] == ["39", "0", "0", "100%"]  # 12 segments, 9 key-fact texts, 9 terms (term + explanation)
        assert rows[-1][1:] == ["39", "0", "0", "100%"]
        link = page.select_one("article table tbody a")
        assert link["href"] == ("../en/deepseek/" if lang == "ar" else "../deepseek/")


def test_interface_text_comes_from_the_catalog(tmp_path: Path) -> None:
    po = AR_UI.read_text("utf-8").replace(f'msgstr "{_ar("home_title")}"', 'msgstr "<b>مقالاتنا</b> {{ x }}"')
    project = make_project(tmp_path, seeds={"note.txt": "فقرة أولى طويلة بما يكفي لتكون مقدمة."},
                           po={"ar/LC_MESSAGES/ui.po": po})
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    home = soup(build.site / "index.html")
    assert home.select_one("article h1").get_text() == "<b>مقالاتنا</b> {{ x }}"
    assert not home.select("article b")
    assert soup(build.site / "en/index.html").select_one("article h1").get_text() == "Articles"


def test_reworded_source_makes_the_arabic_entry_fuzzy_and_shows_english(monkeypatch, tmp_path: Path) -> None:
    reworded = ui.UiMessage("home_title", "All articles", ui.message_for("home_title").comment)
    monkeypatch.setattr(ui, "MESSAGES", tuple(reworded if m.key == "home_title" else m for m in ui.MESSAGES))
    from explainer.translate.catalog import read_catalog
    merged = merge(read_catalog(AR_UI), ui_template())
    message = merged.get("All articles", context="home_title")
    assert message.fuzzy and message.string == "المقالات" and message.previous_id == ["Articles"]
    assert not merged.obsolete
    locales = tmp_path / "locales"
    (locales / "ar/LC_MESSAGES").mkdir(parents=True)
    (locales / "ar/LC_MESSAGES/ui.po").write_bytes(render_po(merged))
    strings = load_ui_strings(locales, ["ar", "en"])
    assert strings.text("home_title", "ar") == "All articles"  # gettext: a fuzzy entry is not used
    assert strings.missing("ar") == ["home_title"]
    assert strings.counts("ar") == {"translated": len(ui.MESSAGES) - 1, "fuzzy": 1, "untranslated": 0}


def test_missing_interface_translation_warns(tmp_path: Path) -> None:
    po = AR_UI.read_text("utf-8").replace(f'msgstr "{_ar("status_total")}"', 'msgstr ""')
    project = make_project(tmp_path, seeds={"note.txt": "فقرة أولى طويلة بما يكفي لتكون مقدمة."},
                           po={"ar/LC_MESSAGES/ui.po": po, "en/LC_MESSAGES/note.po": ""})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert ("WARNING -  explainer: locales/ar/LC_MESSAGES/ui.po: 1 interface strings have no current translation "
            "into ar (status_total)") in build.log


def test_the_interface_strings_are_one_constant_catalog() -> None:
    # Feature modules no longer add strings at import time: importing them leaves the catalog alone.
    before = ui.MESSAGES
    import explainer.render.layer  # noqa: F401
    assert ui.MESSAGES is before and isinstance(before, tuple)
    assert len({m.key for m in before}) == len(before)
    with pytest.raises(KeyError, match="unknown interface string 'nope'"):
        ui.message_for("nope")


def test_sentences_are_whole_messages_with_placeholders() -> None:
    strings = ui.UiStrings({("ar", "previous"): "المقالة السابقة: {title}"})
    assert strings.markup("previous", "ar", title='<a href="x/">س &amp; ص</a>') == 'المقالة السابقة: <a href="x/">س &amp; ص</a>'
    assert ui.UiStrings().markup("translated_from", "en", original="<a>o</a>") == "Translated from Arabic (<a>o</a>)"
    assert {"title"} == set(ui.message_for("parallel_title").placeholders)
