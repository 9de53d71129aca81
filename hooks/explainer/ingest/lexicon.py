"""wordfreq's Arabic word list on disk: Zipf look-ups without loading 620,701 words.

:func:`explainer.ingest.glue.zipf` (lexical evidence for glued headings, legacy
encodings, zero width spaces) asks for about a hundred words per build. wordfreq answers
the first question by building a dict of its whole Arabic list (``large_ar``: 0.1 s to
import, 0.3 s to build the dict), every build. This module derives the list once into a
sorted text file and looks words up by binary search over a memory map of it, with answers
identical to ``wordfreq.zipf_frequency(word, "ar")``:

* the data is wordfreq's own: the file holds every word of ``get_frequency_list("ar")``
  with the index of its frequency bucket (centibels below 0; a word listed in two buckets
  keeps the last one, as ``get_frequency_dict`` does), so a word's frequency is
  ``10 ** (-index / 100)``, the float wordfreq's dict holds;
* a word goes through wordfreq's own tokenizer (``wordfreq.tokens.lossy_tokenize``:
  NFKC, mark and tatweel removal, case folding, UAX #29 word boundaries, curly quotes)
  and number handling (``wordfreq.numbers``), and its tokens' frequencies are combined and
  rounded as ``wordfreq._word_frequency`` and ``zipf_frequency`` do (``1/f = 1/f1 + 1/f2``,
  3 significant digits, Zipf to 2 decimals, ``minimum`` 0 Zipf). One shortcut skips the
  tokenizer (and importing wordfreq at all): a word of Arabic letters U+0621-U+063A,
  U+0641-U+064A with optional harakat U+064B-U+0652 and tatweel U+0640 is one token, the
  word without those marks, under wordfreq's rules (NFKC composes none of these marks with a
  letter, and ``remove_marks`` drops every one of them). ``tests/test_lexicon.py`` checks
  that shortcut on every such word of the list and every answer against wordfreq on every
  token of the seeds and the ingestion corpus.

The cache file
--------------
``$XDG_CACHE_HOME/explainer/`` (``~/.cache/explainer/`` when the variable is unset or not
an absolute path, XDG Base Directory Specification), one file per wordfreq version and data
file: ``wordfreq-<version>-ar-<8 hex>.tsv``, about 10 MB. Its first line is a header
(format, the wordfreq version and data file sizes it was made from, word count, body size,
CRC-32 of the body); then one ``word<TAB>bucket`` line per word, sorted by the words'
UTF-8 bytes. It is written atomically (:mod:`explainer.fileio`) the first time a build
needs it. A missing file, one made from other data, or a damaged one (header, size or
checksum wrong, a malformed line) is made again, never an error; when the folder cannot be
written, the list is kept in memory for that process. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import mmap
import re
import zlib
from functools import lru_cache
from pathlib import Path

from explainer.cache import user_cache_dir
from explainer.fileio import atomic_write_bytes

LANGUAGE = "ar"
FORMAT = "explainer-lexicon 1"
# wordfreq's zipf_frequency(word, lang) default: minimum 0 Zipf, i.e. zipf_to_freq(0.0).
_MIN_FREQ = 10**0.0 / 1e9
# Words that are one token, the word less these marks, under wordfreq's Arabic rules (see the module docstring).
_PLAIN_WORD_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0640\u064b-\u0652]+")
_MARKS_RE = re.compile("[\u0640\u064b-\u0652]")


class LexiconError(ValueError):
    """The cache file is not a lexicon made from the installed wordfreq data (it is then made again)."""


def _wordfreq_data() -> tuple[str, list[Path]]:
    """wordfreq's version and its Arabic data files (``large_ar``, ``small_ar``), found without importing it."""
    from importlib.metadata import version

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed: run `make .venv/.installed`", name="wordfreq")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return version("wordfreq"), sorted(data.glob(f"*_{LANGUAGE}.msgpack.gz"))


def source_key() -> str:
    """What the lexicon is made from: ``wordfreq=<version>;<data file>:<bytes>;...`` (no tab, no newline)."""
    wf_version, files = _wordfreq_data()
    parts = [f"wordfreq={wf_version}", f"lang={LANGUAGE}"]
    parts += [f"{path.name}:{path.stat().st_size}" for path in files]
    return ";".join(parts).replace("\t", " ").replace("\n", " ")


def default_cache_dir() -> Path | None:
    """The folder of the lexicon file: :func:`explainer.cache.user_cache_dir` (``~/.cache/explainer``)."""
    return user_cache_dir()


def cache_file(folder: Path, key: str) -> Path:
    """The lexicon file for ``key`` in ``folder``: ``wordfreq-<version>-ar-<8 hex digits of the key>.tsv``."""
    wf_version = key.split(";", 1)[0].removeprefix("wordfreq=")
    tag = hashlib.blake2b(key.encode("utf-8"), digest_size=4).hexdigest()
    return folder / f"wordfreq-{re.sub(r'[^0-9A-Za-z.+-]', '_', wf_version)}-{LANGUAGE}-{tag}.tsv"


def build_lexicon_bytes(key: str) -> bytes:
    """The lexicon file's content, from wordfreq's Arabic list (loads the list: about 0.5 s).

    Output: the header line, then ``word<TAB>bucket`` lines sorted by UTF-8 bytes, where
    ``bucket`` is the word's index in ``wordfreq.get_frequency_list("ar")`` (the last one
    when listed twice, as ``get_frequency_dict`` keeps it). Raises :class:`RuntimeError` if
    a word of the list holds a tab or a line break (no wordfreq list does).
    """
    from wordfreq import get_frequency_list

    buckets: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list(LANGUAGE)):
        for word in bucket:
            buckets[word] = index
    lines = []
    for word, index in buckets.items():
        data = word.encode("utf-8")
        if b"\t" in data or b"\n" in data:
            raise RuntimeError(f"wordfreq's {LANGUAGE} list has a word with a tab or line break: {word!r}")
        lines.append(b"%s\t%d\n" % (data, index))
    lines.sort()
    body = b"".join(lines)
    header = f"{FORMAT}\t{key}\t{len(lines)}\t{len(body)}\t{zlib.crc32(body):08x}\n".encode()
    return header + body


def _body_range(buffer: bytes | mmap.mmap, key: str) -> tuple[int, int]:
    """Where the sorted lines of a lexicon file start and end; :class:`LexiconError` if it is not one for ``key``."""
    end = buffer.find(b"\n", 0, 4096)
    if end < 0:
        raise LexiconError("no header line")
    try:
        fmt, file_key, _count, size, crc = buffer[:end].decode("utf-8").split("\t")
        body_size, body_crc = int(size), int(crc, 16)
    except ValueError as exc:
        raise LexiconError(f"bad header: {exc}") from exc
    if fmt != FORMAT or file_key != key:
        raise LexiconError(f"made from other data: {fmt!r} {file_key!r}")
    start = end + 1
    if len(buffer) - start != body_size:
        raise LexiconError(f"{len(buffer) - start} bytes of words, the header says {body_size}")
    if zlib.crc32(memoryview(buffer)[start:]) != body_crc:
        raise LexiconError("checksum mismatch")
    return start, len(buffer)


class Lexicon:
    """wordfreq's Arabic list as sorted ``word<TAB>bucket`` lines in a buffer (a memory-mapped file or bytes).

    Use :func:`load_lexicon` or :func:`shared_lexicon`; ``Lexicon(buffer, key)`` checks the
    header and raises :class:`LexiconError` for anything but a whole lexicon made from ``key``.
    """

    def __init__(self, buffer: bytes | mmap.mmap, key: str, path: Path | None = None) -> None:
        self._buffer = buffer
        self._start, self._end = _body_range(buffer, key)
        self.key = key
        self.path = path  # None: kept in memory

    def frequency(self, token: str) -> float | None:
        """The frequency wordfreq's dict holds for ``token`` (an already tokenized word), ``None`` if unlisted.

        Raises :class:`LexiconError` on a malformed line (a damaged file).
        """
        try:
            key = token.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no word of the list
            return None
        if not key or b"\t" in key or b"\n" in key:
            return None
        buf, lo, hi = self._buffer, self._start, self._end
        while lo < hi:  # [lo, hi) is always whole lines
            mid = (lo + hi) // 2
            newline = buf.rfind(b"\n", lo, mid)
            line = lo if newline < 0 else newline + 1
            line_end = buf.find(b"\n", line, hi)
            tab = buf.find(b"\t", line, line_end)
            if line_end < 0 or tab < 0:
                raise LexiconError(f"malformed line at byte {line}")
            word = buf[line:tab]
            if word == key:
                try:
                    index = int(buf[tab + 1: line_end])
                except ValueError as exc:
                    raise LexiconError(f"malformed line at byte {line}") from exc
                return float(10 ** (-index / 100))  # wordfreq.cB_to_freq(-index)
            if word < key:
                lo = line_end + 1
            else:
                hi = line
        return None

    def zipf(self, word: str) -> float:
        """``wordfreq.zipf_frequency(word, "ar")``: Zipf frequency of ``word`` (any text), 0.0 when unknown.

        >>> lexicon = shared_lexicon(default_cache_dir())
        >>> lexicon.zipf("الذكاء") > 4, lexicon.zipf("للنمووبعيدًا")
        (True, 0.0)
        """
        if _PLAIN_WORD_RE.fullmatch(word) and (plain := _MARKS_RE.sub("", word)):
            freq = self._combined([plain], digits=False)
        else:
            from wordfreq.tokens import lossy_tokenize  # wordfreq's tokenizer: about 0.1 s to import

            freq = self._combined(lossy_tokenize(word, LANGUAGE), digits=True)
        # math.log(x, 10), not log10: wordfreq's own expression (they differ in the last bit for some x)
        return round(math.log(freq, 10) + 9, 2)  # noqa: FURB163 - wordfreq.freq_to_zipf, rounded as zipf_frequency

    def _combined(self, tokens: list[str], *, digits: bool) -> float:
        """``wordfreq._word_frequency(word, "ar", "best", minimum)`` for the tokens of a word."""
        if not tokens:
            return _MIN_FREQ
        if digits:
            from wordfreq.numbers import digit_freq, smash_numbers
        one_over_result = 0.0
        for token in tokens:
            smashed = smash_numbers(token) if digits else token
            freq = self.frequency(smashed)
            if freq is None:
                return _MIN_FREQ
            if smashed != token:
                freq *= digit_freq(token)
            one_over_result += 1.0 / freq
        unrounded = max(1.0 / one_over_result, _MIN_FREQ)
        if unrounded == 0.0:
            return 0.0
        leading_zeroes = math.floor(-math.log(unrounded, 10))  # noqa: FURB163 - wordfreq's expression
        return round(unrounded, leading_zeroes + 3)


def _map(path: Path) -> mmap.mmap:
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def load_lexicon(folder: Path | None) -> Lexicon:
    """The lexicon file in ``folder`` (made first if missing, from other data or damaged), memory-mapped.

    Input: the cache folder (:func:`default_cache_dir`), or ``None`` to keep the list in memory.
    Output: a :class:`Lexicon`. A folder that cannot be written gives an in-memory lexicon;
    wordfreq missing raises :class:`ModuleNotFoundError`.
    """
    key = source_key()
    if folder is not None:
        path = cache_file(folder, key)
        try:
            return Lexicon(_map(path), key, path)
        except (OSError, ValueError):  # missing, empty (mmap: ValueError), or a LexiconError: made again
            pass
    data = build_lexicon_bytes(key)
    if folder is not None:
        try:
            atomic_write_bytes(path, data)
            return Lexicon(_map(path), key, path)
        except (OSError, ValueError):
            pass  # a read-only or full disk: this process keeps the list in memory
    return Lexicon(data, key)


@lru_cache(maxsize=8)
def shared_lexicon(folder: Path | None) -> Lexicon:
    """:func:`load_lexicon`, once per process and folder (the file is mapped once; it never changes in place)."""
    return load_lexicon(folder)

