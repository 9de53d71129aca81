"""Stage 1: seed bytes -> normalized Unicode text.

Decoding accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. Anything
else stops with a :class:`SeedError` naming the file and the line of the first
undecodable byte. Normalization (Unicode NFC, UAX #15) folds Arabic
presentation forms to base letters and removes characters that only break
search and layout; it never removes a letter, digit or mark.
"""

from __future__ import annotations

import codecs
import unicodedata

from .errors import SeedError

# Zero-width and bidi controls copied in from web pages and word processors.
# ZWNJ (U+200C) is kept: it is meaningful in Persian/Urdu words and harmless here.
_DROP_CHARS = {
    "\u200b": "zero width space",
    "\u200d": "zero width joiner",
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
_DROP_TABLE = str.maketrans({ch: None for ch in _DROP_CHARS})


def _is_presentation_form(ch: str) -> bool:
    code = ord(ch)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def decode_seed(data: bytes, path: str) -> str:
    """Decode the raw bytes of a seed file.

    Input: the file's bytes and its display path (used in messages only).
    Output: the text as ``str`` with line ends unified to ``\\n``.
    Raises :class:`SeedError` for empty or whitespace-only files, NUL bytes
    (binary files), and bytes that are not UTF-8/UTF-16; the message names the
    line of the first bad byte and says how to re-save the file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SeedError(path, None, f"invalid UTF-16 ({exc.reason})",
                            "Re-save the file as UTF-8.") from None
    else:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise SeedError(path, line, "NUL byte: this looks like a binary file, not a text seed",
                            "Seeds are plain-text articles saved as UTF-8 (.txt).")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SeedError(path, line, f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                            "Re-save the file as UTF-8 (in most editors: Save As > Encoding > UTF-8).") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SeedError(path, line, "NUL character: this looks like a binary file, not a text seed",
                        "Seeds are plain-text articles saved as UTF-8 (.txt).")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SeedError(path, None, "the seed is empty",
                        "Paste the article text into the file, or remove the file.")
    return text


def normalize_text(text: str) -> str:
    """Normalize decoded seed text.

    Input/output: ``str``. Applies, in order: compatibility folding of Arabic
    presentation forms only (U+FB50–U+FDFF, U+FE70–U+FEFF, via NFKC on those
    characters), removal of zero-width and bidi control characters (keeping
    ZWNJ), no-break and other Unicode spaces to U+0020, then NFC (UAX #15).
    Line structure is kept: the output has as many ``\\n`` as the input.
    """
    folded = "".join(
        unicodedata.normalize("NFKC", ch) if _is_presentation_form(ch) else ch for ch in text
    )
    folded = folded.translate(_DROP_TABLE)
    folded = "".join(" " if (ch != "\n" and ch != "\t" and unicodedata.category(ch) == "Zs") else ch
                     for ch in folded)
    folded = folded.replace("\t", " ")
    return unicodedata.normalize("NFC", folded)
