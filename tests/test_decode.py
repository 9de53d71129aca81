"""Stage 1: decoding and normalization of seed bytes."""

from __future__ import annotations

import codecs

import pytest

from explainer.errors import SeedError
from explainer.ingest.decode import decode_seed, normalize_seed, normalize_text, read_seed_bytes

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


# --- ingestion issue: legacy encodings, documents, invisible characters ---------------------------

PARAGRAPH = "تعمل الشركات الناشئة على تطوير حلول جديدة لتخزين الكهرباء.\nسطر ثان."


def test_windows_1256_is_converted_with_a_warning_naming_file_and_encoding() -> None:
    decoded = read_seed_bytes(PARAGRAPH.encode("cp1256"), "seeds/old.txt")
    assert decoded.text == PARAGRAPH and decoded.encoding == "cp1256"
    [warning] = decoded.repairs
    assert (warning.kind, warning.level, warning.line) == ("decode-cp1256", "warning", 1)
    assert warning.detail == ("the file is not UTF-8: read it as Windows-1256 (Arabic). "
                              "Re-save it as UTF-8 (Save As > Encoding > UTF-8) to silence this warning")


def test_utf8_with_one_bad_byte_is_not_taken_for_windows_1256() -> None:
    with pytest.raises(SeedError, match=r"^seeds/x.txt:3: byte 0xe1 is not valid UTF-8"):
        read_seed_bytes(PARAGRAPH.encode() + b"\n\xe1", "seeds/x.txt")


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.7\n...", "this is a PDF document"),
    (b"PK\x03\x04rest", "this is a ZIP archive"),
    (b"{\\rtf1\\ansi text}", "this is an RTF document"),
    (PARAGRAPH.encode("utf-16-le"), "this looks like UTF-16 text without a byte-order mark"),
    (PARAGRAPH.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8"), "the text is garbled"),
    (b"a\x01b\x02c\x03d\x04e", "4 control characters"),
])
def test_documents_and_garbage_are_named(data: bytes, message: str) -> None:
    with pytest.raises(SeedError) as info:
        read_seed_bytes(data, "seeds/x.txt")
    assert str(info.value).startswith("seeds/x.txt") and message in str(info.value)
    assert info.value.hint


def test_stray_control_characters_and_unicode_line_ends() -> None:
    decoded = read_seed_bytes("أ\x07ب\u2028ج\x0cد".encode(), "s.txt")
    assert decoded.text == "أب\nج\nد"
    assert [(r.kind, r.line) for r in decoded.repairs] == [("drop-control", 1)]


def test_normalization_report_and_deliberate_joiners() -> None:
    text, repairs = normalize_seed("سطر سليم\nالـعـربـيـة لـ AI\u200f\nمي\u200cخواهم \u200cو 👩\u200d🔬")
    assert text == "سطر سليم\nالعربية لـ AI\nمي\u200cخواهم و 👩\u200d🔬"
    assert [(r.line, r.detail) for r in repairs] == [
        (2, "removed or folded invisible/decorative characters: right-to-left mark, tatweel (kashida) ×4"),
        (3, "removed or folded invisible/decorative characters: zero width non-joiner"),
    ]


def test_iso_8859_6_is_told_apart_from_windows_1256_by_its_words() -> None:
    decoded = read_seed_bytes(PARAGRAPH.encode("iso8859_6"), "seeds/old.txt")
    assert decoded.text == PARAGRAPH and decoded.encoding == "iso8859_6"
    assert decoded.repairs[0].kind == "decode-iso-8859-6" and "ISO-8859-6" in decoded.repairs[0].detail


def test_arabic_looking_nonsense_in_a_legacy_code_page_is_an_error() -> None:
    # Letters that decode as Arabic in both code pages but spell no Arabic words.
    nonsense = " ".join(["ظظظغ", "غظظظ", "ضضضض", "ظغضظ"] * 10).encode("cp1256")
    with pytest.raises(SeedError, match=r"^seeds/x.txt:1: byte 0x\w\w is not valid UTF-8"):
        read_seed_bytes(nonsense, "seeds/x.txt")


def test_zero_width_space_between_known_words_becomes_a_space() -> None:
    # "كلمة" + "بمسافة" are words, "كلمةبمسافة" is not: the ZWSP separated them.
    assert normalize_text("نص فيه كلمة\u200bبمسافة\u200bصفرية") == "نص فيه كلمة بمسافة صفرية"
    # inside a word it is only dropped
    assert normalize_text("ا\u200bب") == "اب"


def test_every_kashida_of_a_run_is_removed_but_la_before_latin_kept() -> None:
    assert normalize_text("كلمات عاديـــــة لـ OpenAI") == "كلمات عادية لـ OpenAI"
