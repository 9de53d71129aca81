"""Stage 1: decoding and normalization of seed bytes."""

from __future__ import annotations

import codecs

import pytest

from explainer.decode import decode_seed, normalize_text
from explainer.errors import SeedError

ARABIC = "مرحبا بالعالم"


def test_utf8_with_and_without_bom() -> None:
    assert decode_seed(ARABIC.encode(), "s.txt") == ARABIC
    assert decode_seed(codecs.BOM_UTF8 + ARABIC.encode(), "s.txt") == ARABIC


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_seed(bom + f"{ARABIC}\r\nسطر".encode(codec), "s.txt") == f"{ARABIC}\nسطر"


def test_crlf_and_lone_cr_become_lf() -> None:
    assert decode_seed("أ\r\nب\rج".encode(), "s.txt") == "أ\nب\nج"


def test_invalid_utf8_names_file_and_line() -> None:
    data = "سطر أول\nسطر ثان".encode() + b"\n\xe1\xe3"
    with pytest.raises(SeedError) as info:
        decode_seed(data, "seeds/bad.txt")
    assert str(info.value).startswith("seeds/bad.txt:3: byte 0xe1 is not valid UTF-8")
    assert "UTF-8" in info.value.hint


def test_nul_byte_is_binary() -> None:
    with pytest.raises(SeedError, match=r"^seeds/x.txt:2: NUL byte"):
        decode_seed(b"abc\nd\x00e", "seeds/x.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_seed(data: bytes) -> None:
    with pytest.raises(SeedError, match=r"^seeds/e.txt: the seed is empty"):
        decode_seed(data, "seeds/e.txt")


def test_presentation_forms_fold_to_base_letters() -> None:
    # "سلام" typed with presentation forms, as PDF copies give it.
    assert normalize_text("\ufeb3\ufefc\ufee1") == "سلام"


def test_zero_width_and_bidi_controls_dropped_zwnj_kept() -> None:
    assert normalize_text("ا\u200bب\u200fج\u202bد\u202c\u200cه") == "ابجد\u200cه"


def test_nfc_and_spaces() -> None:
    assert normalize_text("e\u0301\u00a0x") == "\u00e9 x"
