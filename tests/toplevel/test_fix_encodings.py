"""`edlint fix` writes a file back in the encoding it was read in, byte-order mark included,
and byte for byte outside the fixed spans; a file whose encoding was a guess, or whose text
does not encode back to the same bytes, is not fixed (one message naming it, exit 2)."""
from __future__ import annotations

import codecs

import pytest

from lint.finding import TextEdit
from lint.fixes import NotWritten, Rewrite, encode_rewrite

from .support import config_text, edlint, no_traceback

# Accents, a curly quote, CRLF, a lone CR and a tab: all must come back as they were.
BEFORE = "Café “naïve” crème.\r\nThey utilise it.\rÇa va\tbien, they utilised it.\n"
AFTER = "Café “naïve” crème.\r\nThey use it.\rÇa va\tbien, they used it.\n"

EURO = """\
id = "style.test.euro"
type = "substitution"
severity = "error"
message = "Use the sign."
description = "The currency sign, not its name."
[params]
swap = { "euros" = "€" }
[examples]
fail = ["Ten euros."]
pass = ["Ten €."]
"""


def _encoding_config(desk, encoding):
    (desk / "pack" / "style" / "test-euro.toml").write_text(EURO, encoding="utf-8")
    (desk / "edlint.toml").write_text(config_text("[readers]", f'encoding = "{encoding}"'), encoding="utf-8")


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_byte_order_mark_and_encoding_are_kept(desk, bom, codec):
    (desk / "a.txt").write_bytes(bom + BEFORE.encode(codec))
    r = edlint("fix", "a.txt")
    assert r.exit_code == 0, r.output
    assert (desk / "a.txt").read_bytes() == bom + AFTER.encode(codec)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "iso-8859-15"])
def test_declared_legacy_encoding_is_kept(desk, encoding):
    _encoding_config(desk, encoding)
    before = BEFORE.replace("“", '"').replace("”", '"') if encoding != "cp1252" else BEFORE
    (desk / "a.txt").write_bytes(before.encode(encoding))
    r = edlint("fix", "a.txt")
    assert r.exit_code == 0, r.output
    after = before.replace("utilised", "used").replace("utilise", "use")
    assert (desk / "a.txt").read_bytes() == after.encode(encoding)


def test_ascii_file_with_a_declared_encoding_gets_its_fix_in_that_encoding(desk):
    # Plain ASCII is valid UTF-8, but the page says Latin-9: the euro sign must be byte A4.
    _encoding_config(desk, "iso-8859-15")
    (desk / "a.txt").write_bytes(b"It cost ten euros.\n")
    assert edlint("fix", "a.txt").exit_code == 0
    assert (desk / "a.txt").read_bytes() == b"It cost ten \xa4.\n"


def test_a_fix_the_encoding_cannot_hold_is_not_applied(desk):
    _encoding_config(desk, "latin-1")
    (desk / "a.txt").write_bytes("Café: ten euros. They utilise it.\n".encode("latin-1"))
    (desk / "b.txt").write_bytes(b"They utilise it.\n")
    r = edlint("fix", "a.txt", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: a.txt: not fixed: the fix would write “€”, which iso8859-1 can't hold" in r.stderr
    assert (desk / "a.txt").read_bytes() == "Café: ten euros. They utilise it.\n".encode("latin-1")
    assert (desk / "b.txt").read_bytes() == b"They use it.\n"


def test_html_gets_a_character_reference_for_what_its_charset_cannot_hold(desk):
    (desk / "pack" / "style" / "test-euro.toml").write_text(EURO, encoding="utf-8")
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café: ten euros.</p></body></html>\n'
    (desk / "a.html").write_bytes(page.encode("latin-1"))
    assert edlint("fix", "a.html").exit_code == 0, edlint("fix", "a.html").output
    assert (desk / "a.html").read_bytes() == page.replace("euros", "&#8364;").encode("latin-1")


@pytest.mark.parametrize("data", [
    # UTF-8 with one stray byte: any guess turns every accent into mojibake.
    "Café olé, crème brûlée. They utilise it.\n".encode() + b"\x81 ok\n",
    "Café. Über Ärger. Ça. They utilise it.\n".encode() + b"\x9d\n",
    # Legacy bytes with nothing that says which legacy encoding.
    "Café olé. They utilise it.\n".encode("cp1252"),
])
def test_a_guessed_encoding_is_not_fixed(desk, data):
    (desk / "a.txt").write_bytes(data)
    (desk / "b.txt").write_bytes(b"They utilise it.\n")
    r = edlint("fix", "a.txt", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2
    [line] = [ln for ln in r.stderr.splitlines() if "a.txt" in ln]
    assert line.startswith("edlint: error: a.txt: not valid UTF-8")
    assert "not fixed, as that encoding is only a guess" in line
    assert (desk / "a.txt").read_bytes() == data
    assert (desk / "b.txt").read_bytes() == b"They use it.\n"


def test_a_file_that_does_not_round_trip_is_not_fixed(desk):
    # In cp932, 87 90 and 81 E0 both read as "≒", which is written back as 81 E0.
    _encoding_config(desk, "cp932")
    data = "They utilise it. ≒ ".encode("cp932").replace(b"\x81\xe0", b"\x87\x90") + "ｶﾀｶﾅ\n".encode("cp932")
    (desk / "a.txt").write_bytes(data)
    r = edlint("fix", "a.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: a.txt: not fixed: its text does not encode back to the same bytes in cp932" in r.stderr
    assert (desk / "a.txt").read_bytes() == data


# -- the pieces ---------------------------------------------------------------------------

def test_rewrite_keeps_the_original_spans_over_several_passes():
    r = Rewrite("abc déf ghi")
    r.apply([TextEdit(0, 1, "A"), TextEdit(4, 7, "DEF")])
    r.apply([TextEdit(1, 3, ""), TextEdit(10, 11, "ï")])
    assert r.text == "A DEF ghï"
    assert r.pieces == ["A", (3, 4), "DEF", (7, 10), "ï"]


def test_encode_rewrite_copies_the_untouched_bytes():
    r = Rewrite("x é\r\ny")
    r.apply([TextEdit(0, 1, "ü")])
    raw = codecs.BOM_UTF16_BE + "x é\r\ny".encode("utf-16-be")
    assert encode_rewrite(r, raw, "utf-16-be", codecs.BOM_UTF16_BE) == \
        codecs.BOM_UTF16_BE + "ü é\r\ny".encode("utf-16-be")


def test_encode_rewrite_with_an_encoding_that_has_state():
    original = "日 x 語"
    r = Rewrite(original)
    r.apply([TextEdit(1, 4, "本")])
    raw = original.encode("iso2022_jp")
    data = encode_rewrite(r, raw, "iso2022_jp")
    assert data.decode("iso2022_jp") == "日本語"
    assert data.startswith(raw[:raw.index(b"\x1b(B") + 3]) and data.endswith(raw[raw.rindex(b"\x1b$B"):])


def test_encode_rewrite_refuses_bytes_it_cannot_reproduce():
    r = Rewrite("ab")
    r.apply([TextEdit(0, 1, "A")])
    with pytest.raises(NotWritten):  # "utf-16" writes a byte-order mark before every piece
        encode_rewrite(r, "ab".encode("utf-16"), "utf-16")
