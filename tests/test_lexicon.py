"""The on-disk copy of wordfreq's Arabic list (explainer.ingest.lexicon) answers exactly as wordfreq does.

Every comparison is against wordfreq itself (``zipf_frequency``, ``get_frequency_dict``,
``lossy_tokenize``): the tokens of every seed and ingestion-corpus case, every word the
ingestion actually looks up while parsing them, and the list's own words. The cache file's
life (missing, damaged, from other data, unwritable folder) is exercised on real files.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import wordfreq
from wordfreq.tokens import lossy_tokenize

from explainer.errors import ExplainerError
from explainer.ingest import glue
from explainer.ingest.lexicon import (
    _MARKS_RE,
    _PLAIN_WORD_RE,
    Lexicon,
    LexiconError,
    cache_file,
    default_cache_dir,
    load_lexicon,
    shared_lexicon,
    source_key,
)
from explainer.site import load_seed

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus").rglob("*.txt")])


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return shared_lexicon(default_cache_dir())


@pytest.fixture(scope="module")
def good_file(lexicon: Lexicon) -> Path:
    assert lexicon.path is not None and lexicon.path.exists(), "the lexicon is written to the cache folder"
    return lexicon.path


def _tokens() -> set[str]:
    """Every whitespace token of the seeds and corpus, bare of edge punctuation, and its \\w runs."""
    found: set[str] = set()
    for path in TEXTS:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for raw in text.split():
            found.update({raw, raw.strip("\"'«»()[]{}.,،؛؟!:;?*#-"), *re.findall(r"\w+", raw)})
    found.discard("")
    return found


def test_every_token_of_the_seeds_and_corpus_gets_wordfreqs_answer(lexicon: Lexicon) -> None:
    tokens = _tokens()
    assert len(tokens) > 5000
    assert any(not _PLAIN_WORD_RE.fullmatch(t) for t in tokens), "Latin, digits and punctuation are covered too"
    wrong = {t: (lexicon.zipf(t), wordfreq.zipf_frequency(t, "ar"))
             for t in tokens if lexicon.zipf(t) != wordfreq.zipf_frequency(t, "ar")}
    assert wrong == {}


def test_every_lookup_the_ingestion_makes_gets_wordfreqs_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: dict[str, float] = {}
    real = glue.zipf

    def recording(word: str) -> float:
        asked[word] = real(word)
        return asked[word]

    monkeypatch.setattr(glue, "zipf", recording)  # parse.py and decode.py import it from glue at call time
    for path in TEXTS:
        try:
            load_seed(path, path.parent)
        except ExplainerError:
            pass
    assert len(asked) > 1000
    assert {w: z for w, z in asked.items() if z != wordfreq.zipf_frequency(w, "ar")} == {}
    assert any(z == 0.0 for z in asked.values()) and any(z >= glue.KNOWN_ZIPF for z in asked.values())


def test_the_file_holds_wordfreqs_dict(good_file: Path) -> None:
    expected = wordfreq.get_frequency_dict("ar")
    lines = good_file.read_bytes().split(b"\n")
    assert lines[-1] == b""
    body = [line.split(b"\t") for line in lines[1:-1]]
    assert [word for word, _ in body] == sorted(word for word, _ in body), "sorted by UTF-8 bytes"
    held = {word.decode("utf-8"): 10 ** (-int(index) / 100) for word, index in body}
    assert held == expected


def test_binary_search_finds_the_lists_words_and_only_them(lexicon: Lexicon) -> None:
    expected = wordfreq.get_frequency_dict("ar")
    words = sorted(expected)
    sample = words[::97] + words[:50] + words[-50:]
    assert {w: lexicon.frequency(w) for w in sample} == {w: expected[w] for w in sample}
    for absent in ("", "\t", "a\nb", "\ud800", "للنمووبعيدًا", words[0][:-1] + "\x00", words[-1] + "\uffff"):
        assert absent not in expected and lexicon.frequency(absent) is None


def test_plain_arabic_words_are_one_token_under_wordfreqs_rules() -> None:
    """The shortcut that skips wordfreq's tokenizer: plain letters (with harakat, tatweel) are one token."""
    plain = [w for w in wordfreq.get_frequency_dict("ar") if _PLAIN_WORD_RE.fullmatch(w)]
    assert len(plain) > 500_000
    marks = "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
    for number, word in enumerate(plain[::23]):
        marked = "".join(ch + marks[(number + i) % len(marks)] * ((number + i) % 3 == 0) for i, ch in enumerate(word))
        assert lossy_tokenize(word, "ar") == [word]
        assert lossy_tokenize(marked, "ar") == [_MARKS_RE.sub("", marked)] == [word], marked


def test_the_lexicon_is_made_when_missing_and_then_reused(tmp_path: Path, good_file: Path) -> None:
    made = load_lexicon(tmp_path / "cache")
    assert made.path == cache_file(tmp_path / "cache", source_key())
    assert made.path.read_bytes() == good_file.read_bytes()
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name], "no temporary file left"
    stamp = made.path.stat().st_mtime_ns
    again = load_lexicon(tmp_path / "cache")
    assert again.path == made.path and made.path.stat().st_mtime_ns == stamp
    assert again.zipf("الذكاء") == wordfreq.zipf_frequency("الذكاء", "ar")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


@pytest.mark.parametrize("damage", ["empty", "truncated", "appended", "flipped-byte", "header-key", "not-a-lexicon"])
def test_a_damaged_or_foreign_file_is_made_again(tmp_path: Path, good_file: Path, damage: str) -> None:
    good = good_file.read_bytes()
    target = cache_file(tmp_path, source_key())
    header_end = good.index(b"\n")
    damaged = {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "appended": good + "زائد\t300\n".encode(),
        "flipped-byte": _flip(good, header_end + len(good) // 3),
        "header-key": good.replace(b"wordfreq=", b"wordfreq=0.0+", 1),
        "not-a-lexicon": b"\x89PNG\r\n" + good[:5000],
    }[damage]
    target.write_bytes(damaged)
    with pytest.raises(LexiconError):
        Lexicon(damaged, source_key())
    lexicon = load_lexicon(tmp_path)
    assert lexicon.path == target and target.read_bytes() == good
    assert lexicon.zipf("للنمووبعيدًا") == 0.0 and lexicon.zipf("الذكاء") == wordfreq.zipf_frequency("الذكاء", "ar")


def test_an_unwritable_cache_folder_keeps_the_list_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    lexicon = load_lexicon(blocker / "explainer")
    assert lexicon.path is None and blocker.read_text() == "not a folder"
    assert lexicon.zipf("وللخوارزميات") == wordfreq.zipf_frequency("وللخوارزميات", "ar")


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "explainer"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the spec: relative paths are ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "explainer"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "explainer"


def test_a_build_never_loads_wordfreqs_list(tmp_path: Path) -> None:
    """A real build of the sample site in a fresh process looks words up, and never builds wordfreq's dict
    (nor imports wordfreq, or urllib.request/http.client/ssl, which the sitemap's XML escaping once pulled in)."""
    script = textwrap.dedent(f"""
        import sys
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        build(load_config(config_file={str(ROOT / "mkdocs.yml")!r}, site_dir={str(tmp_path / "site")!r}))
        from explainer.ingest.glue import zipf
        wf = sys.modules.get("wordfreq")
        print(zipf.cache_info().currsize > 20, wf is not None and wf.get_frequency_dict.cache_info().currsize > 0)
        print(sorted(m for m in ("wordfreq", "urllib.request", "http.client", "ssl") if m in sys.modules))
        """)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = subprocess.run([sys.executable, "-c", script], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split("\n")[:2] == ["True False", "[]"], out.stdout  # nor what only the CLI needs
    assert (tmp_path / "site" / "index.html").exists()
