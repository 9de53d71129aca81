"""The Pagefind bundle writer: verified bundles, clear errors, 30 builds on a busy machine, and Pagefind's own search.

``write_bundles`` runs the ``pagefind`` binary of the ``pagefind-bin`` wheel; these tests run it
for real (no stand-in), then break its output in the ways a bundle has been seen broken (an
empty ``pagefind-entry.json``, a truncated chunk) and require a clear error.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explainer.search.bundle import (
    SIGNATURE,
    SearchIndexError,
    SearchPage,
    page_html,
    search_pages,
    verify_bundle,
    write_bundles,
)
from explainer.search.rules import SearchRecord

from .helpers import pagefind_fragments

ROOT = Path(__file__).resolve().parent.parent

RECORDS = {
    "ar": [
        SearchRecord("مقالة/", "ar", "الشركة الناشئة", "الشركة الناشئة", "أعلنت الشركة عن نموذج DeepSeek الجديد"),
        SearchRecord("مقالة/#s1", "ar", "الرقائق", "الشركة الناشئة", "اشترت الشركة عشرة آلاف شريحة من إنفيديا"),
    ],
    "en": [
        SearchRecord("en/article/", "en", "The start-up", "The start-up", "The company announced DeepSeek models"),
        SearchRecord("en/article/#s1", "en", "Chips, & <b>more</b>", "The start-up", "It bought ten thousand chips"),
    ],
}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundles")
    reports = write_bundles(RECORDS, out)
    assert {lang: (r.records, r.path) for lang, r in reports.items()} == {
        "ar": (2, out / "ar"), "en": (2, out / "en")}
    assert all(r.probe and r.bytes_on_disk > 0 for r in reports.values())
    return out


def _copy(bundles: Path, lang: str, tmp_path: Path) -> Path:
    target = tmp_path / lang
    shutil.copytree(bundles / lang, target)
    return target


def test_bundle_holds_one_result_per_page_with_its_sections(bundles: Path) -> None:
    for lang, records in RECORDS.items():
        fragments = {f["url"]: f for f in pagefind_fragments(bundles / lang)}
        pages = search_pages(records)
        assert sorted(fragments) == sorted(page.location for page in pages) == [records[0].location]
        fragment = fragments[records[0].location]
        assert fragment["meta"]["title"] == records[0].title and fragment["meta"]["page"] == records[0].page_title
        # The page's text, then each section at its anchor: heading, text as written, the separator.
        words = fragment["content"].split()
        head, section = records
        assert " ".join(words).startswith(" ".join(head.title.split()))
        assert " ".join(head.text.split()) in fragment["content"]
        (anchor,) = fragment["anchors"]
        assert (anchor["element"], anchor["id"], anchor["text"]) == ("h2", "s1", section.title)
        after = " ".join(words[anchor["location"]:])
        assert after.startswith(" ".join(section.title.split())) and " ".join(section.text.split()) in after
        assert "\u2063" in after and "\u2063" in " ".join(words[:anchor["location"]])
        # The extra terms of all its records follow the last separator, each once.
        extra = fragment["content"].rsplit("\u2063", 1)[1].rstrip(".").split()
        expected = list(dict.fromkeys(t for r in records for t in r.extra_terms().split()))
        assert extra == expected and expected
        entry = json.loads((bundles / lang / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [lang] and entry["languages"][lang]["page_count"] == len(pages) == 1
        # Only what the search worker fetches; no staging folder left behind.
        assert not list((bundles / lang).glob("pagefind-ui*")) and not list((bundles / lang).glob("wasm.unknown*"))
    assert sorted(p.name for p in bundles.iterdir()) == ["ar", "en"]


def test_pages_group_their_records_in_order() -> None:
    records = [SearchRecord("a/", "ar", "أ", "أ", ""), SearchRecord("b/#s1", "ar", "ب١", "ب", ""),
               SearchRecord("a/#s1", "ar", "أ١", "أ", ""), SearchRecord("a/#s2", "ar", "أ٢", "أ", "")]
    pages = search_pages(records)
    assert [(p.location, p.head, [r.location for r in p.sections]) for p in pages] == [
        ("a/", records[0], ["a/#s1", "a/#s2"]), ("b/", None, ["b/#s1"])]
    assert pages[1].title == "ب"  # a page without its own record is titled by its sections' page title


def test_record_text_is_escaped_never_markup() -> None:
    head, section = RECORDS["en"]
    page = page_html(SearchPage(head.location, head, (section,)), "en")
    assert "<b>" not in page and "&lt;b&gt;more&lt;/b&gt;" in page and '<h2 id="s1">Chips, &amp; &lt;b&gt;more' in page
    assert 'content="en/article/"' in page and 'content="The start-up"' in page


@pytest.mark.parametrize("damage", ["empty entry", "truncated fragment", "empty chunk", "entry of another language",
                                    "word index without words", "missing fragment", "section anchor missing",
                                    "anchor off its heading"])
def test_a_broken_bundle_is_a_clear_error(bundles: Path, tmp_path: Path, damage: str) -> None:
    bundle = _copy(bundles, "ar", tmp_path)
    fragment = min((bundle / "fragment").iterdir())
    if damage == "empty entry":
        (bundle / "pagefind-entry.json").write_bytes(b"")
        expected = "pagefind-entry.json is empty"
    elif damage == "truncated fragment":
        fragment.write_bytes(fragment.read_bytes()[:20])
        expected = f"fragment/{fragment.name} is not a complete gzip file"
    elif damage == "empty chunk":
        chunk = min((bundle / "index").iterdir())
        chunk.write_bytes(b"")
        expected = f"index/{chunk.name} is empty"
    elif damage == "entry of another language":
        shutil.copyfile(bundles / "en" / "pagefind-entry.json", bundle / "pagefind-entry.json")
        expected = "does not describe the ar index"
    elif damage == "word index without words":
        import cbor2

        for chunk in (bundle / "index").iterdir():  # whole, readable, but holding no word
            chunk.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps([[]])))
        expected = "is found in the word index"
    elif damage in ("section anchor missing", "anchor off its heading"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(SIGNATURE):])
        if damage == "section anchor missing":
            data["anchors"] = []
            expected = "has the anchors [], expected ['s1']"
        else:
            data["anchors"][0]["location"] += 1
            expected = "the anchor مقالة/#s1 is not at its heading"
        fragment.write_bytes(gzip.compress(SIGNATURE + json.dumps(data, ensure_ascii=False).encode("utf-8")))
    else:
        fragment.unlink()
        expected = "results do not match the 1 pages of the 2 records"
    with pytest.raises(SearchIndexError, match="the search bundle is broken") as caught:
        verify_bundle(bundle, "ar", RECORDS["ar"])
    assert expected in str(caught.value)
    assert str(caught.value).startswith(f"{bundle}: ") and "Run the build again" in str(caught.value)


def test_the_word_check_finds_every_record_on_its_own_page(tmp_path: Path) -> None:
    # Pagefind stores a word's pages as differences, and numbers pages in the order its threads finish:
    # the check must decode both, whichever record it probes.
    topics = ["الزراعة", "الطاقة", "المياه", "التعليم", "الصحة", "النقل", "الاتصالات", "الصناعة", "السياحة", "التجارة"]
    records = [SearchRecord(f"a{n}/", "ar", f"{topic} {n}", f"{topic} {n}",
                            f"تقرير رقم {n} عن {topic} في المدينة، والمزارعين{'ة' * (n % 3)} والسيارات")
               for n, topic in enumerate(topics * 3)]
    bundle = write_bundles({"ar": records}, tmp_path)["ar"].path
    for first in range(len(records)):
        assert verify_bundle(bundle, "ar", records[first:] + records[:first])


def test_a_broken_bundle_stops_the_writer_and_keeps_the_old_one(bundles: Path, tmp_path: Path, monkeypatch) -> None:
    import explainer.search.bundle as bundle_module

    out = tmp_path / "search"
    _copy(bundles, "ar", out)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_prune = bundle_module._prune

    def prune_then_break(bundle: Path, lang: str) -> int:  # what a killed Pagefind left: an empty entry file
        size = real_prune(bundle, lang)
        (bundle / "pagefind-entry.json").write_bytes(b"")
        return size

    monkeypatch.setattr(bundle_module, "_prune", prune_then_break)
    with pytest.raises(SearchIndexError) as caught:
        write_bundles({"ar": RECORDS["ar"]}, out)
    assert str(caught.value).startswith(f"{out / 'ar'}: the search bundle is broken: pagefind-entry.json is empty")
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_failed_pagefind_keeps_the_old_bundle(bundles: Path, tmp_path: Path, monkeypatch) -> None:
    import explainer.search.bundle as bundle_module

    out = tmp_path / "search"
    _copy(bundles, "ar", out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    monkeypatch.setattr(bundle_module, "_executable", lambda: Path("/bin/false"))
    with pytest.raises(SearchIndexError, match=r"^pagefind: Pagefind failed on the ar records \(exit status 1\)"):
        write_bundles({"ar": RECORDS["ar"]}, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_a_language_without_stemming_keeps_pagefind_s_generic_webassembly(tmp_path: Path) -> None:
    records = [SearchRecord("fa/x/", "fa", "کتاب", "کتاب", "سلام دنیا، این یک کتاب است")]
    report = write_bundles({"fa": records}, tmp_path)["fa"]
    names = sorted(p.name for p in report.path.iterdir() if p.is_file())
    assert "wasm.unknown.pagefind" in names and not [n for n in names if n.startswith("pagefind-") and "entry" not in n]
    assert report.probe


def test_pagefind_settings_of_the_environment_are_ignored(tmp_path: Path, monkeypatch) -> None:
    # Pagefind reads PAGEFIND_* variables and a pagefind.yml in its working folder: neither may change the bundle.
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "fr")
    monkeypatch.setenv("PAGEFIND_ROOT_SELECTOR", "nav")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pagefind.yml").write_text("force_language: fr\nexclude_selectors: ['p']\n", "utf-8")
    reports = write_bundles({"en": RECORDS["en"]}, tmp_path / "out")
    assert reports["en"].probe
    assert list(json.loads((tmp_path / "out/en/pagefind-entry.json").read_text("utf-8"))["languages"]) == ["en"]


# -- 30 builds on a busy machine ----------------------------------------------------------

BUILDS = 30
CPU_HOGS = 2
# MkDocs' own build, as `mkdocs build --strict` runs it (startup and shutdown events included),
# 30 times in one process: each build writes and verifies its bundles. A failed build is counted,
# not fatal, so the test can say how many of the 30 failed.
_BUILD_LOOP = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
out, count = sys.argv[1], int(sys.argv[2])
for number in range(count):
    config = load_config("mkdocs.yml", site_dir=f"{out}/{number}", strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        print(json.dumps({"build": number, "ok": True}), flush=True)
    except MkDocsException as exc:
        print(json.dumps({"build": number, "ok": False, "error": str(exc)}), flush=True)
    finally:
        config.plugins.on_shutdown()
"""


def _index_lists(bundle: Path, word: str) -> bool:
    """Independent of bundle.py: does the word index of ``bundle`` hold ``word`` (Pagefind 1.5 layout)?"""
    import cbor2

    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    (info,) = entry["languages"].values()
    meta = cbor2.loads(gzip.decompress((bundle / f"pagefind.{info['hash']}.pf_meta").read_bytes())[len(SIGNATURE):])
    for low, high, digest in meta[2]:
        if low <= word <= high:
            chunk = cbor2.loads(gzip.decompress((bundle / "index" / f"{digest}.pf_index").read_bytes())[len(SIGNATURE):])
            return any(entry[0] == word and entry[1] for entry in chunk[0])
    return False


def _bundle_problems(site: Path) -> list[str]:
    problems = []
    for lang in ("ar", "en"):
        bundle = site / "search" / lang
        files = [p for p in bundle.rglob("*") if p.is_file()]
        problems += [f"{p.relative_to(site)} is empty" for p in files if p.stat().st_size == 0]
        try:
            entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
            fragments = pagefind_fragments(bundle)
            if entry["languages"][lang]["page_count"] != len(fragments) or not fragments:
                problems.append(f"{lang}: entry counts {entry['languages'][lang]['page_count']}, {len(fragments)} fragments")
            if not _index_lists(bundle, "deepseek"):
                problems.append(f"{lang}: 'deepseek' is not in the word index")
        except (OSError, ValueError, KeyError, AssertionError) as exc:
            problems.append(f"{lang}: {exc!r}")
    return problems


def test_thirty_builds_beside_two_cpu_hogs_give_no_broken_bundle(tmp_path: Path) -> None:
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(CPU_HOGS)]
    try:
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", _BUILD_LOOP, str(tmp_path), str(BUILDS)], check=False, cwd=ROOT,
                             capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                             timeout=600)
        seconds = time.perf_counter() - start
        busy = all(hog.poll() is None for hog in hogs)
    finally:
        for hog in hogs:
            os.kill(hog.pid, signal.SIGKILL)
            hog.wait()
    assert busy, "a CPU hog ended early: the builds did not run on a busy machine"
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert len(results) == BUILDS, run.stdout[-2000:] + run.stderr[-3000:]
    failed = [r for r in results if not r["ok"]]
    broken = {number: problems for number in range(BUILDS) if (problems := _bundle_problems(tmp_path / str(number)))}
    print(f"{BUILDS} builds beside {CPU_HOGS} CPU hogs in {seconds:.1f} s: {len(failed)} failed, "
          f"{len(broken)} with a broken bundle")
    assert not failed, failed
    assert not broken, broken


# -- Pagefind's own search over the bundle (fails loudly when an upgrade changes the integration) ----

@pytest.mark.browser
def test_pagefind_search_in_chromium_finds_the_records(bundles: Path, browser) -> None:
    """Load each bundle's ``pagefind.js`` in Chromium, as the search worker does, and search with it.

    Checks what the worker relies on: ``options``/``init``/``search``, a result's ``data()``
    with the page's address in ``meta.url``, its title and page meta, its content as given
    (each part's text, then the extra terms after the separator) and the section's anchor at
    the word where its heading starts.
    """
    from .browser import serve_directory

    with serve_directory(bundles) as url:
        page = browser.new_page()
        try:
            page.goto(f"{url}ar/pagefind-entry.json")
            for lang, query, expected in (("ar", "شريحة", "مقالة/#s1"), ("ar", "الشركة", "مقالة/"),
                                          ("en", "chips", "en/article/#s1"), ("en", "deepseek", "en/article/")):
                found = page.evaluate("""async ([bundle, query]) => {
                    const pf = await import(bundle + "pagefind.js")
                    await pf.options({ excerptLength: 0 })
                    await pf.init()
                    const response = await pf.search(query)
                    return Promise.all(response.results.map(r => r.data()))
                }""", [f"{url}{lang}/", query])
                head, section = RECORDS[lang]
                assert [item["meta"]["url"] for item in found] == [head.location], (lang, query, found)
                item = found[0]
                assert item["meta"]["title"] == head.title and item["meta"]["page"] == head.page_title
                # What the worker reads: the section of the match starts at its anchor (sub_results agree)
                (anchor,) = item["anchors"]
                words = item["content"].split()
                record = head if expected == head.location else section
                part = words[:anchor["location"]] if record is head else words[anchor["location"]:]
                written = " ".join(part).split("\u2063")[0]
                # Pagefind ends a block (the heading) with a full stop unless it ends in punctuation
                assert [w.rstrip(".") for w in written.split()] == [w.rstrip(".") for w in f"{record.title} {record.text}".split()]
                sub = [s["url"].split("#")[-1] if "#" in s["url"] else "" for s in item["sub_results"]]
                assert (expected.split("#")[1] if "#" in expected else "") in sub, item["sub_results"]
        finally:
            page.close()
