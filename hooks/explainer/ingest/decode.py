"""Stage 1: seed bytes -> normalized Unicode text, with a report of every change.

Decoding (:func:`read_seed_bytes`) accepts UTF-8 (with or without BOM) and
UTF-16 with a BOM. A file that is not UTF-8 but reads as Windows-1256 (the
Arabic code page of older Windows tools) or ISO-8859-6, judged by the Arabic
words each reading yields (wordfreq's lexicon), is converted, and the
conversion is reported as a *warning*: ``mkdocs build`` goes on, ``mkdocs build --strict`` and
CI fail until the file is re-saved as UTF-8. Everything else that is not text
(binary files, Word/PDF/RTF documents, UTF-16 without a BOM, NUL bytes, empty
files, text already garbled into mojibake, even on one line) stops with a :class:`SeedError`
naming the file, the line where possible, and how to re-save it.

Normalization (:func:`normalize_seed`) first decodes the HTML character references a
paste from a web page or CMS export kept as text (``&nbsp;``, ``&amp;``, ``&lt;b&gt;``,
``&#1575;``), then applies Unicode NFC (UAX #15), folds Arabic presentation forms to base
letters, and removes characters that only break search and layout; it never removes a letter,
digit or mark, and keeps the number of lines.
"""

from __future__ import annotations

import codecs
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass

from explainer.errors import SeedError
from explainer.model import Repair
from explainer.text import ARABIC_LETTER_RE, BASIC_LETTERS

# Zero-width and bidi controls copied in from web pages and word processors.
# ZWNJ (U+200C) and ZWJ (U+200D) are handled in context by _keep_joiner.
_DROP_CHARS = {
    "\u200b": "zero width space",
    "\u2060": "word joiner",
    "\ufeff": "zero width no-break space",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "arabic letter mark",
    "\u202a": "bidi embedding",
    "\u202b": "bidi embedding",
    "\u202c": "bidi pop",
    "\u202d": "bidi override",
    "\u202e": "bidi override",
    "\u2066": "bidi isolate",
    "\u2067": "bidi isolate",
    "\u2068": "bidi isolate",
    "\u2069": "bidi isolate",
}
# Unicode line ends other than CR/LF (UAX #14 mandatory breaks): become "\n".
_LINE_ENDS_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_TATWEEL = "\u0640"
_ARABIC_LETTERS_RE = ARABIC_LETTER_RE
# Signatures of document formats that are not plain text.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or OpenDocument file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc (OLE) document"),
    (b"{\\rtf", "an RTF document"),
)
_SAVE_AS_TEXT = "Open it in its editor and save it as plain text, encoding UTF-8 (.txt)."
_RESAVE_UTF8 = "Re-save the file as UTF-8 (in most editors: Save As > Encoding > UTF-8)."
# Share of letters that must be Arabic for a non-UTF-8 file to count as Windows-1256.
CP1256_MIN_ARABIC_SHARE = 0.6
# C0 controls tolerated (and dropped with a report) before a file counts as binary.
MAX_STRAY_CONTROLS = 3


@dataclass(frozen=True)
class DecodedSeed:
    """Decoded seed text (line ends ``\\n``), the encoding used, and the decode report."""

    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _ARABIC_LETTERS_RE.match(ch)) / len(letters)


def _looks_utf16_without_bom(data: bytes) -> bool:
    """UTF-16 puts the NUL high byte of every ASCII character (spaces, line ends)
    and the 0x06 high byte of every Arabic letter in the same half of the pairs."""
    if len(data) < 4 or len(data) % 2:
        return False
    halves = (data[0::2], data[1::2])
    for high, low in (halves, halves[::-1]):
        if low.count(0) == 0 and high.count(0) + high.count(6) >= 0.5 * len(high):
            return True
    return False


# Legacy Arabic code pages tried on a file that is not UTF-8, with their display names.
LEGACY_ENCODINGS = (("cp1256", "Windows-1256"), ("iso8859_6", "ISO-8859-6"))
# Share of the Arabic words that must be known to the lexicon for a legacy reading to be accepted.
LEGACY_MIN_KNOWN_SHARE = 0.5
_LEGACY_SAMPLE_WORDS = 300
# Arabic words the legacy lines of a mixed file must give before they count as a second file.
MIXED_MIN_WORDS = 4


def _known_share(text: str) -> float:
    """Share of the Arabic words of ``text`` (first ``_LEGACY_SAMPLE_WORDS``) known to wordfreq."""
    from explainer.ingest.glue import zipf  # the lexicon is loaded only for files that need it

    words = [w for w in re.findall(f"[{BASIC_LETTERS}]+", text)][:_LEGACY_SAMPLE_WORDS]
    return sum(1 for w in words if zipf(w) > 0) / len(words) if words else 0.0


def _decode_legacy(data: bytes, first_bad: int) -> DecodedSeed | None:
    """Read a non-UTF-8 file in the legacy Arabic code page that gives real Arabic words.

    Evidence, in order: most non-ASCII bytes are not valid UTF-8 (else it is UTF-8
    with damaged bytes), the reading is mostly Arabic letters, and at least
    ``LEGACY_MIN_KNOWN_SHARE`` of its Arabic words are in the lexicon (a wrong code
    page gives Arabic-looking nonsense). The best-scoring code page wins.
    """
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for ch in as_utf8 if ord(ch) > 0x7F and ch != "\ufffd")
    if good >= bad:
        return None  # mostly UTF-8 with damaged bytes: not a legacy file
    best: tuple[float, str, str, str] | None = None
    for codec, name in LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) < CP1256_MIN_ARABIC_SHARE:
            continue
        share = _known_share(text)
        if share >= LEGACY_MIN_KNOWN_SHARE and (best is None or share > best[0]):
            best = (share, codec, name, text)
    if best is None:
        return None
    _share, codec, name, text = best
    kind = "decode-" + codec.replace("_", "-").replace("iso8859", "iso-8859")
    warning = Repair(kind, _line_of(data, first_bad),
                     f"the file is not UTF-8: read it as {name} (Arabic). "
                     "Re-save it as UTF-8 (Save As > Encoding > UTF-8) to silence this warning",
                     level="warning")
    return DecodedSeed(text, codec, (warning,))


# Characters that UTF-8 Arabic (lead bytes D8–DB) becomes when read as Windows-1252/Latin-1 ...
_MOJIBAKE_1252_RE = re.compile("[\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u0152-\u2122]")
# ... or as Windows-1256: the lead bytes D8/D9 read as ط/ظ, then a second byte 80–BF read as a symbol.
_CP1256_HIGH = "".join(ch for ch in bytes(range(0x80, 0xC0)).decode("cp1256", errors="ignore")
                       if not ch.isspace())
_MOJIBAKE_1256_RE = re.compile(f"[\u0637\u0638][{re.escape(_CP1256_HIGH)}]")
_MOJIBAKE_MIN_PAIRS = 3


def _garbled_line(line: str) -> tuple[str, str] | None:
    """``(code page, repaired text)`` when ``line`` is UTF-8 Arabic once read in a legacy code page.

    Evidence: at least ``_MOJIBAKE_MIN_PAIRS`` of the character pairs that code page makes of
    Arabic lead bytes, and the line encoded back in that code page is valid UTF-8 holding
    Arabic letters (real text, encoded so, is not: its bytes do not form UTF-8 sequences).
    """
    for regex, codec, name in ((_MOJIBAKE_1252_RE, "cp1252", "Windows-1252"),
                               (_MOJIBAKE_1256_RE, "cp1256", "Windows-1256")):
        pairs = regex.findall(line)
        if len(pairs) < _MOJIBAKE_MIN_PAIRS:
            continue
        raw = line.encode(codec, errors="ignore")
        repaired = raw.decode("utf-8", errors="ignore")
        bad = raw.decode("utf-8", errors="replace").count("\ufffd")
        if _arabic_share(repaired) > 0.5 and bad <= max(1, len(pairs) // 4):
            return name, repaired.strip()
    return None


def _check_mojibake(text: str, path: str) -> None:
    """Raise on the first line that is UTF-8 Arabic once read as Windows-1252 (or Latin-1)
    or Windows-1256 and saved again (see :func:`_garbled_line`), even when the rest of
    the file is sound (two files pasted together)."""
    if not (_MOJIBAKE_1252_RE.search(text) or _MOJIBAKE_1256_RE.search(text)):
        return  # the usual case
    for line_number, line in enumerate(text.split("\n"), start=1):
        found = _garbled_line(line)
        if found is None:
            continue
        name, repaired = found
        sample = f"; it probably read {' '.join(repaired.split()[:6])!r}" if repaired else ""
        raise SeedError(path, line_number, f"the text is garbled: UTF-8 Arabic that was once read as {name} "
                                           f"and saved again{sample}",
                        "Copy the text again from its source, or open the file as UTF-8 and save it as UTF-8.")


def _decode_mixed(data: bytes) -> DecodedSeed | None:
    """Read a file whose encoding changes from line to line (a UTF-8 file and a Windows-1256 file pasted
    together): each line in its own encoding, with a warning naming the first line in the other one.

    Evidence: some lines with non-ASCII bytes are valid UTF-8 and others are not, and the
    others, read in a legacy Arabic code page, give real Arabic words (the same test as for a
    whole legacy file). Returns ``None`` when the file is not of that kind.
    """
    lines = data.split(b"\n")
    kinds: list[str] = []
    for line in lines:
        if line.isascii():
            kinds.append("ascii")
            continue
        try:
            line.decode("utf-8")
            kinds.append("utf-8")
        except UnicodeDecodeError:
            kinds.append("legacy")
    if "utf-8" not in kinds or "legacy" not in kinds:
        return None
    legacy = b"\n".join(line for line, kind in zip(lines, kinds) if kind == "legacy")
    reading = _decode_legacy(legacy, 0)
    if reading is None or len(re.findall(f"[{BASIC_LETTERS}]{{2,}}", reading.text)) < MIXED_MIN_WORDS:
        return None  # a damaged byte or two, not a second file
    codec = reading.encoding
    name = dict(LEGACY_ENCODINGS)[codec]
    text = "\n".join(line.decode(codec if kind == "legacy" else "utf-8") for line, kind in zip(lines, kinds))
    text = text.removeprefix("\ufeff")
    first_kind = next(kind for kind in kinds if kind != "ascii")
    changed = next(number for number, kind in enumerate(kinds, start=1) if kind not in ("ascii", first_kind))
    counts = {kind: kinds.count(kind) for kind in ("utf-8", "legacy")}
    shown = {"utf-8": "UTF-8", "legacy": name}
    before, after = shown[first_kind], shown["legacy" if first_kind == "utf-8" else "utf-8"]
    other = counts["legacy" if first_kind == "utf-8" else "utf-8"]
    warning = Repair("decode-mixed", changed,
                     f"the encoding changes at this line: the lines before it are {before}, this one is {after} "
                     f"({other} line{'s' if other > 1 else ''} of the file {'are' if other > 1 else 'is'}: two files "
                     "pasted together?); each line was read in its own encoding. Re-save the file as UTF-8 "
                     "(Save As > Encoding > UTF-8) to silence this warning",
                     level="warning")
    return DecodedSeed(text, "mixed", (warning,))


def read_seed_bytes(data: bytes, path: str) -> DecodedSeed:
    """Decode the raw bytes of a seed file.

    Input: the file's bytes and its display path (used in messages only).
    Output: a :class:`DecodedSeed` whose text has line ends unified to ``\\n``
    (CRLF, lone CR and the other Unicode line ends: UAX #14 mandatory breaks).
    A Windows-1256 file is converted with a ``decode-cp1256`` warning, a file whose
    lines change between UTF-8 and Windows-1256 is read line by line with a
    ``decode-mixed`` warning naming the first line in the other encoding; up to
    ``MAX_STRAY_CONTROLS`` stray C0 control characters are dropped and reported.
    Raises :class:`SeedError` for empty or whitespace-only files, documents of
    other formats (PDF, Word, RTF), NUL bytes, UTF-16 without a BOM, mojibake and
    bytes that are neither UTF-8 nor Arabic Windows-1256; the message names the
    line of the first bad byte and says how to re-save the file.
    """
    repairs: list[Repair] = []
    encoding = "utf-8"
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise SeedError(path, None, f"this is {what}, not a plain-text seed", _SAVE_AS_TEXT)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
            encoding = "utf-16"
        except UnicodeDecodeError as exc:
            raise SeedError(path, None, f"invalid UTF-16 ({exc.reason})", _RESAVE_UTF8) from None
    else:
        if b"\x00" in data:
            if _looks_utf16_without_bom(data):
                raise SeedError(path, None, "this looks like UTF-16 text without a byte-order mark",
                                _RESAVE_UTF8)
            raise SeedError(path, _line_of(data, data.index(b"\x00")),
                            "NUL byte: this looks like a binary file, not a text seed",
                            "Seeds are plain-text articles saved as UTF-8 (.txt).")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            converted = _decode_mixed(data) or _decode_legacy(data, exc.start)
            if converted is None:
                raise SeedError(path, _line_of(data, exc.start), f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                                _RESAVE_UTF8) from None
            text, encoding = converted.text, converted.encoding
            repairs.extend(converted.repairs)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SeedError(path, line, "NUL character: this looks like a binary file, not a text seed",
                        "Seeds are plain-text articles saved as UTF-8 (.txt).")
    text = _LINE_ENDS_RE.sub("\n", text)
    controls = [m for m in re.finditer(r"[\x01-\x08\x0e-\x1f\x7f]", text)]
    if len(controls) > MAX_STRAY_CONTROLS:
        line = text[: controls[0].start()].count("\n") + 1
        raise SeedError(path, line, f"{len(controls)} control characters: this looks like a binary file, "
                                    "not a text seed", "Seeds are plain-text articles saved as UTF-8 (.txt).")
    for match in reversed(controls):
        line = text[: match.start()].count("\n") + 1
        repairs.append(Repair("drop-control", line, f"dropped control character U+{ord(match.group()):04X}"))
        text = text[: match.start()] + text[match.end():]
    repairs.reverse()
    if not text.strip():
        raise SeedError(path, None, "the seed is empty",
                        "Paste the article text into the file, or remove the file.")
    _check_mojibake(text, path)
    return DecodedSeed(text, encoding, tuple(repairs))


def decode_seed(data: bytes, path: str) -> str:
    """Decode the raw bytes of a seed file; the text of :func:`read_seed_bytes`.

    Input: bytes and display path. Output: ``str`` with ``\\n`` line ends.
    Raises :class:`SeedError` as :func:`read_seed_bytes` does.
    """
    return read_seed_bytes(data, path).text


def _is_presentation_form(ch: str) -> bool:
    code = ord(ch)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def _keep_joiner(line: str, index: int) -> bool:
    """ZWNJ between two letters prevents a join (meaningful in Persian/Urdu and
    some Arabic spellings); ZWJ next to a symbol builds an emoji sequence. Both
    are noise anywhere else (at word edges, doubled, beside spaces)."""
    before = line[index - 1] if index > 0 else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    if line[index] == "\u200c":
        return before.isalpha() and after.isalpha()
    return unicodedata.category(before) == "So" or unicodedata.category(after) == "So"


def _is_kashida(line: str, index: int) -> bool:
    """Tatweel drawn between two Arabic letters only stretches the word (and breaks
    search); before a space or a Latin word (``لـ OpenAI``) it is a writing device."""
    before = line[:index].rstrip(_TATWEEL)[-1:] or " "
    after = line[index + 1:].lstrip(_TATWEEL)[:1] or " "
    return bool(_ARABIC_LETTERS_RE.match(before)) and bool(_ARABIC_LETTERS_RE.match(after))


# Every character _normalize_line may change: most lines hold none, and skip its per-character loops
# (1,000 seeds are ~6 million characters).
_NEEDS_WORK_RE = re.compile(
    "[\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d\t" + _TATWEEL + re.escape("".join(_DROP_CHARS))
    + "".join(chr(code) for code in range(0x3001) if unicodedata.category(chr(code)) == "Zs" and code != 0x20)
    + "]")


def _zwsp_separates_words(line: str, index: int) -> bool:
    """Is the zero width space at ``index`` a word separator (pasted text uses it so)?

    Lexical evidence, as for glued headings: the words on either side are known
    to the word-frequency lexicon while the word they would form is not.
    """
    before = re.search(r"\w+$", line[:index])
    after = re.match(r"\w+", line[index + 1:])
    if not before or not after:
        return False
    from explainer.ingest.glue import zipf

    left, right = before.group(0), after.group(0)
    if left.isdigit() or right.isdigit():
        return False
    return min(zipf(left), zipf(right)) >= 1.0 and zipf(left + right) == 0.0


def _normalize_line(line: str) -> tuple[str, list[str]]:
    if not _NEEDS_WORK_RE.search(line):
        return unicodedata.normalize("NFC", line), []
    notes: dict[str, int] = {}

    def note(name: str) -> None:
        notes[name] = notes.get(name, 0) + 1

    first: list[str] = []
    for index, ch in enumerate(line):
        if _is_presentation_form(ch) and ch != "\ufeff":
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch:
                note("presentation forms folded")
            first.append(folded)
        elif ch == "\u200b" and _zwsp_separates_words(line, index):
            note("zero width space between words -> space")
            first.append(" ")
        elif ch in _DROP_CHARS:
            note(_DROP_CHARS[ch])
        else:
            first.append(ch)
    line = "".join(first)
    out: list[str] = []
    for index, ch in enumerate(line):
        if ch in "\u200c\u200d" and not _keep_joiner(line, index):
            note("zero width non-joiner" if ch == "\u200c" else "zero width joiner")
        elif ch == _TATWEEL and _is_kashida(line, index):
            note("tatweel (kashida)")
        elif ch == "\t" or (unicodedata.category(ch) == "Zs" and ch != " "):
            out.append(" ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFC", "".join(out))
    return text, [f"{name} ×{count}" if count > 1 else name for name, count in notes.items()]


# A character reference of the HTML standard written out in full: a name of the standard's table, a
# decimal or a hexadecimal code point, each closed by ";" (the only form that is unambiguous in plain
# text: "AT&T", "Q&A", "&copy2025" stay as they are).
_CHAR_REF_RE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
# Decoded characters that would change the seed's lines (``&#10;``) or are C0 controls: become a space.
_REF_BREAKS_RE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def decode_references(line: str) -> tuple[str, list[str]]:
    """Decode the HTML character references of one line of seed text.

    Input: a line (no ``\\n``). Output: ``(decoded line, the references decoded, in order)``.
    A reference is ``&name;`` with a name of the HTML standard's named character references
    (WHATWG HTML, 13.5; Python's :data:`html.entities.html5`), ``&#NNN;`` or ``&#xHHH;``, each decoded
    as the standard says (:func:`html.unescape`: ``&#128;`` is ``€``, ``&#0;`` and surrogates are
    U+FFFD). Only references closed by ``;`` are decoded: the legacy forms without it are ambiguous
    in plain text. The decoded text is text, never markup: ``&lt;b&gt;`` gives the four characters
    ``<b>``, which the page shows escaped. A decoded line end or control character becomes a space
    (the seed keeps its lines). Decoding happens once (``&amp;lt;`` gives ``&lt;``), as in HTML.

    >>> decode_references("أ&nbsp;&amp;&nbsp;ب &lt;b&gt; &#1575; AT&T &bogus;")
    ('أ\xa0&\xa0ب <b> ا AT&T &bogus;', ['&nbsp;', '&amp;', '&nbsp;', '&lt;', '&gt;', '&#1575;'])
    """
    if "&" not in line:
        return line, []
    found: list[str] = []

    def decode(match: re.Match[str]) -> str:
        reference = match.group(0)
        if reference[1] != "#" and reference[1:] not in html.entities.html5:
            return reference
        found.append(reference)
        return _REF_BREAKS_RE.sub(" ", html.unescape(reference))

    return _CHAR_REF_RE.sub(decode, line), found


def normalize_seed(text: str, *, decode_refs: bool = True) -> tuple[str, tuple[Repair, ...]]:
    """Normalize decoded seed text and report what changed, line by line.

    Input: text with ``\\n`` line ends. Output: the normalized text (as many
    lines as the input) and one ``normalize`` :class:`Repair` per changed line, plus one
    ``decode-entities`` repair (on the first line holding one, with the count of each) when HTML
    character references were decoded (:func:`decode_references`, first, so a decoded ``&nbsp;``
    or ``&#8203;`` goes through the rules below; ``decode_refs=False`` leaves them, for texts that are
    not pastes). Applies: compatibility folding of Arabic presentation forms only
    (U+FB50–U+FDFF, U+FE70–U+FEFF, NFKC on those characters); removal of
    zero-width and bidi control characters (UAX #9 explicit formatting
    characters; a zero width space between two words becomes a space, as pasted
    text uses it as a word separator), of ZWNJ/ZWJ where they join nothing, and of tatweel between
    two Arabic letters; tabs, no-break and other Unicode spaces (category Zs)
    to U+0020; then NFC (UAX #15).

    >>> normalize_seed("ﺳﻼﻡ\\nالـعـربـية لـ AI")[0]
    'سلام\\nالعربية لـ AI'
    """
    lines: list[str] = []
    repairs: list[Repair] = []
    references: dict[str, int] = {}
    first_reference = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line, decoded = decode_references(line) if decode_refs else (line, [])
        if decoded and not references:
            first_reference = number
        for reference in decoded:
            references[reference] = references.get(reference, 0) + 1
        fixed, notes = _normalize_line(line)
        lines.append(fixed)
        if notes:
            repairs.append(Repair("normalize", number, "removed or folded invisible/decorative characters: "
                                  + ", ".join(notes)))
    if references:
        total = sum(references.values())
        shown = ", ".join(f"{ref} ×{count}" if count > 1 else ref for ref, count in references.items())
        repairs.insert(0, Repair("decode-entities", first_reference,
                                 f"decoded {total} HTML character reference{'s' if total > 1 else ''} the paste kept "
                                 f"as text into the characters they stand for ({shown}); the result is text, "
                                 "shown as written (a decoded '<b>' is not markup)"))
    return "\n".join(lines), tuple(repairs)


def normalize_text(text: str) -> str:
    """Normalize a text that is not a paste (a msgstr, a side file's value): the text of
    :func:`normalize_seed` without decoding character references (``str`` -> ``str``): a translator's
    or editor's ``&amp;`` is shown as written."""
    return normalize_seed(text, decode_refs=False)[0]
