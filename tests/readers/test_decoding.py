"""Bytes to text: UTF-8, byte-order marks, legacy encodings, binary and empty files."""
from __future__ import annotations

import codecs

import pytest

from lint.errors import InputError
from lint.readers import markdown
from lint.readers.decoding import decode

from .support import where


def test_utf8_fast_path_has_no_warning():
    assert decode("Café 😀 ok".encode(), "a.md") == ("Café 😀 ok", [])


def test_empty_file():
    assert decode(b"", "empty.md") == ("", [])


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_mark_is_stripped(bom, codec):
    text, warnings = decode(bom + "Héllo wörld".encode(codec), "bom.txt")
    assert (text, warnings) == ("Héllo wörld", [])


def test_columns_count_from_after_the_bom():
    text, _ = decode(codecs.BOM_UTF8 + "# Title\n\nSome bomword here.\n".encode(), "bom.md")
    [doc] = markdown.read(text, "bom.md", {})
    assert where(doc, "Title") == (1, 3, 1, 8, "Title")
    assert where(doc, "bomword") == (3, 6, 3, 13, "bomword")


def test_invalid_utf8_falls_back_to_windows_1252_with_a_warning():
    data = "Café “quoted” naïve text.".encode("cp1252")
    text, warnings = decode(data, "legacy.txt")
    assert text == "Café “quoted” naïve text."
    assert warnings == ["legacy.txt: not valid UTF-8 (invalid continuation byte at byte 3); "
                        "read as cp1252 (detected)"]


def test_declared_encoding_wins():
    data = "Zażółć gęślą jaźń".encode("iso-8859-2")
    text, warnings = decode(data, "pl.txt", encoding="iso-8859-2")
    assert text == "Zażółć gęślą jaźń"
    assert warnings[0].startswith("pl.txt: not valid UTF-8") and warnings[0].endswith(
        "read as iso8859-2 (declared)")


def test_meta_charset_is_a_declaration():
    data = '<meta charset="iso-8859-2"><p>Zażółć</p>'.encode("iso-8859-2")
    text, warnings = decode(data, "pl.html")
    assert text == '<meta charset="iso-8859-2"><p>Zażółć</p>'
    assert warnings[0].endswith("read as iso8859-2 (declared)")


def test_non_western_text_is_detected():
    data = "Привет мир, это проверка кодировки текста статьи.".encode("cp1251")
    text, warnings = decode(data, "ru.txt")
    assert text == "Привет мир, это проверка кодировки текста статьи."
    assert warnings[0].endswith("read as cp1251 (detected)")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",     # NUL bytes
    bytes(range(1, 9)) * 40,                    # mostly control characters
])
def test_binary_file(data):
    with pytest.raises(InputError) as e:
        decode(data, "image.md")
    assert str(e.value) == "image.md: binary file, not checked"


def test_broken_utf16_after_its_bom():
    with pytest.raises(InputError, match=r"^u\.txt: starts with a UTF-16-LE byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"a\x00b", "u.txt")
