"""Bad input: each gets one clear message naming the file, the other files are still checked,
and no traceback reaches the user."""
from __future__ import annotations

import json

import pytest

from .support import config_text, edlint, no_traceback

GOOD = "It was very late.\n"
GOOD_LINE = "good.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]"


def check_with_good(desk, *paths, args=()):
    (desk / "good.txt").write_text(GOOD)
    r = edlint("check", *args, *paths, "good.txt")
    no_traceback(r)
    return r


def assert_not_checked(r, message: str) -> None:
    """Exit 2, the message on stderr, and good.txt still checked."""
    assert r.exit_code == 2
    assert message in r.stderr.splitlines()
    assert GOOD_LINE in r.stdout.splitlines()
    assert r.stdout.splitlines()[-1].endswith("- 1 file checked - 1 could not be checked")


def test_missing_path(desk):
    r = check_with_good(desk, "gone.txt")
    assert_not_checked(r, "edlint: error: gone.txt: no such file or directory")


def test_directory_without_articles(desk):
    (desk / "pics").mkdir()
    (desk / "pics" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    r = check_with_good(desk, "pics")
    assert r.exit_code == 2
    assert r.stderr.startswith("edlint: error: pics: no articles found in this directory (include: *.md,")
    assert GOOD_LINE in r.stdout


def test_empty_directory(desk):
    (desk / "nothing").mkdir()
    r = check_with_good(desk, "nothing")
    assert r.exit_code == 2
    assert "edlint: error: nothing: no articles found in this directory" in r.stderr


def test_binary_file(desk):
    (desk / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = check_with_good(desk, "photo.txt")
    assert_not_checked(r, "edlint: error: photo.txt: binary file, not checked")


def test_binary_file_in_a_directory(desk):
    (desk / "news").mkdir()
    (desk / "news" / "a.md").write_bytes(b"\x00\x01" * 100)
    (desk / "news" / "b.md").write_text("Quite so.\n")
    r = edlint("check", "news")
    assert r.exit_code == 2
    assert r.stderr == "edlint: error: news/a.md: binary file, not checked\n"
    assert r.stdout.splitlines()[0] == "news/b.md:1:1: warning: Hedge word: “Quite”. [style.test.hedge]"


def test_invalid_utf8_is_reported_and_read_in_the_detected_encoding(desk):
    (desk / "latin.txt").write_bytes("Café crème, très bien: very good.\n".encode("cp1252"))
    r = check_with_good(desk, "latin.txt")
    assert r.exit_code == 0  # checked: only warnings
    assert r.stderr.startswith("edlint: warning: latin.txt: not valid UTF-8 (")
    # the column counts decoded characters: "Café crème, très bien: " is 23 of them
    assert r.stdout.splitlines()[:2] == [GOOD_LINE,
                                         "latin.txt:1:24: warning: Hedge word: “very”. [style.test.hedge]"]


def test_declared_encoding_in_config(desk):
    (desk / "edlint.toml").write_text(config_text('[readers]', 'encoding = "cp1252"'))
    # Style rules skip quotations, so the hedge word sits after the quoted one.
    (desk / "a.txt").write_bytes("“Très” very good.\n".encode("cp1252"))
    r = edlint("check", "a.txt")
    assert "read as cp1252 (declared)" in r.stderr
    assert r.stdout.splitlines()[0] == "a.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_byte_order_mark_keeps_positions(desk, encoding):
    data = "Ünïcode first line.\nIt was very late.\n".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (desk / "bom.txt").write_bytes(data)
    r = edlint("check", "bom.txt")
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout.splitlines()[0] == "bom.txt:2:8: warning: Hedge word: “very”. [style.test.hedge]"


def test_byte_order_mark_on_first_line(desk):
    (desk / "bom.md").write_bytes("\ufeffVery good.\n".encode("utf-8"))
    r = edlint("check", "--format", "json", "bom.md")
    d = json.loads(r.stdout)["diagnostics"][0]
    assert (d["line"], d["column"], d["end_column"]) == (1, 1, 5)


def test_empty_file(desk):
    (desk / "empty.txt").write_bytes(b"")
    (desk / "blank.md").write_text("\n \n\n")
    r = check_with_good(desk, "empty.txt", "blank.md")
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout.splitlines() == [GOOD_LINE,
                                     "1 finding (0 errors, 1 warning, 0 info) in 1 file - 3 files checked"]


def test_50_mb_file_gets_a_clear_message(desk):
    para = "The council met on Tuesday and the vote was very close. " * 10 + "\n\n"
    with open(desk / "huge.txt", "w", encoding="utf-8") as f:
        for _ in range(50 * 1024 * 1024 // len(para) + 1):
            f.write(para)
    r = check_with_good(desk, "huge.txt")
    assert r.exit_code == 2
    assert r.stderr.startswith("edlint: error: huge.txt: file too large (52.4 MB; the limit is ")
    assert "readers.max-file-size" in r.stderr
    assert GOOD_LINE in r.stdout
    (desk / "huge.txt").unlink()  # don't leave 50 MB in pytest's kept temporary folders


def test_max_file_size_is_configurable(desk):
    (desk / "edlint.toml").write_text(config_text('[readers]', 'max-file-size = 100'))
    (desk / "a.txt").write_text("x" * 101)
    r = check_with_good(desk, "a.txt")
    assert r.exit_code == 2
    assert "a.txt: file too large" in r.stderr


def test_malformed_html_is_read_like_a_browser(desk):
    (desk / "bad.html").write_text("<p>Very <b>good<p>quite <div></span>bad</i>!!<!-- unclosed")
    r = check_with_good(desk, "bad.html")
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout.splitlines()[:3] == [
        "bad.html:1:4: warning: Hedge word: “Very”. [style.test.hedge]",
        "bad.html:1:19: warning: Hedge word: “quite”. [style.test.hedge]",
        "bad.html:1:44: info: Doubled exclamation mark. [typography.test.bang]",
    ]


@pytest.mark.parametrize("name,text,where", [
    ("bad.json", '{"title": "Very good", "body": ', "line 1 column 32"),
    ("bad.jsonl", '{"title": "Fine"}\n{"title": "Very\n', "line 2"),
    ("trailing.json", '{"title": "Very good"} x', "line 1"),
])
def test_malformed_json(desk, name, text, where):
    (desk / name).write_text(text)
    r = check_with_good(desk, name)
    assert r.exit_code == 2
    line = next(x for x in r.stderr.splitlines() if x.startswith(f"edlint: error: {name}: "))
    assert "JSON" in line and where in line
    assert GOOD_LINE in r.stdout


def test_one_bad_json_lines_record_loses_only_itself(desk):
    (desk / "feed.jsonl").write_text('{"title": "Very first"}\n{"title": "Broken\n'
                                     '{"title": "Third", "body": "It was quite late."}\n'
                                     '{"title": "Fourth", "text": 42}\n')
    r = check_with_good(desk, "feed.jsonl")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "edlint: error: feed.jsonl: invalid JSON at line 2 column 11: Unterminated string starting at "
        "(record 2 not checked)",
        "edlint: warning: feed.jsonl: field 'text' is not a string in 1 record (first at line 4): not checked",
    ]
    assert r.stdout.splitlines() == [
        "feed.jsonl:1:12: warning: Hedge word: “Very”. [style.test.hedge]",
        "feed.jsonl:3:36: warning: Hedge word: “quite”. [style.test.hedge]",
        GOOD_LINE,
        "3 findings (0 errors, 3 warnings, 0 info) in 2 files - 2 files checked - 1 part of them could not be checked",
    ]


def test_config_with_syntax_error_is_named_and_other_folders_still_checked(desk):
    """A broken config governs only the files below it; files under another config are checked."""
    for d in ("good", "bad"):
        (desk / d).mkdir()
        (desk / d / "a.txt").write_text(GOOD)
    (desk / "bad" / ".edlint.toml").write_text('select = [\n')
    r = edlint("check", "bad", "good")
    no_traceback(r)
    assert r.exit_code == 2
    assert f"{desk / 'bad' / '.edlint.toml'}:1: invalid TOML" in r.stderr
    assert r.stdout.splitlines()[0] == "good/a.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]"


def test_directory_named_like_an_article(desk):
    (desk / "odd.txt").mkdir()
    (desk / "odd.txt" / "inner.txt").write_text("Quite.\n")
    r = edlint("check", "odd.txt")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == "odd.txt/inner.txt:1:1: warning: Hedge word: “Quite”. [style.test.hedge]"


@pytest.mark.parametrize("broken", [
    'bogus = 1\n',  # an unknown key: found while reading the file
    '[rules."style.test.nope"]\ntokens = ["x"]\n',  # no such rule: found while building the rules
    f'{config_text()}[rules."style.test.hedge"]\nbogus = 1\n'.replace('"pack"', '"../pack"'),  # bad parameter
], ids=["unknown-key", "no-such-rule", "bad-parameter"])
def test_config_with_a_bad_value_stops_only_its_own_files(desk, broken):
    for d in ("good", "bad"):
        (desk / d).mkdir()
        (desk / d / "a.txt").write_text(GOOD)
    (desk / "bad" / "edlint.toml").write_text(broken)
    r = edlint("check", "bad", "good")
    no_traceback(r)
    assert r.exit_code == 2
    assert f"{desk / 'bad' / 'edlint.toml'}: " in r.stderr
    assert r.stdout.splitlines()[0] == "good/a.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]"
