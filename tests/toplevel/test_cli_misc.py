"""Standard input, --jobs, `edlint rules` and `edlint explain`."""
from __future__ import annotations

import json
import re

from .support import config_text, edlint, no_traceback

# -- stdin --------------------------------------------------------------------------------


def test_stdin(desk):
    r = edlint("check", "-", input="It was very late.\n")
    assert r.exit_code == 0
    assert r.stdout == ("-:1:8: warning: Hedge word: “very”. [style.test.hedge]\n"
                        "1 finding (0 errors, 1 warning, 0 info) in 1 file - 1 file checked\n")


def test_stdin_filename_names_the_text_and_picks_the_reader(desk):
    # Markdown: the heading marker and the code span are not prose.
    r = edlint("check", "--stdin-filename", "news/story.md", "-", input="# Very\n\n`very` is code. Quite!!\n")
    assert r.stdout.splitlines()[:3] == [
        "news/story.md:1:3: warning: Hedge word: “Very”. [style.test.hedge]",
        "news/story.md:3:17: warning: Hedge word: “Quite”. [style.test.hedge]",
        "news/story.md:3:22: info: Doubled exclamation mark. [typography.test.bang]",
    ]


def test_stdin_filename_picks_the_config_and_overrides(desk):
    (desk / "edlint.toml").write_text(config_text(
        '[[overrides]]', 'files = ["opinion/*"]', 'severity = { "style.test.hedge" = "error" }'))
    r = edlint("check", "--stdin-filename", "opinion/col.txt", "-", input="Quite.\n")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0] == "opinion/col.txt:1:1: error: Hedge word: “Quite”. [style.test.hedge]"


def test_stdin_with_bom_keeps_positions(desk):
    r = edlint("check", "--format", "json", "-", input="\ufeffIt was very late.\n".encode("utf-8"))
    d = json.loads(r.stdout)["diagnostics"][0]
    assert (d["path"], d["line"], d["column"], d["end_column"]) == ("-", 1, 8, 12)


def test_stdin_invalid_utf8_is_reported(desk):
    r = edlint("check", "--stdin-filename", "story.txt", "-", input="Café, very.\n".encode("cp1252"))
    assert r.stdout.splitlines()[0] == "story.txt:1:7: warning: Hedge word: “very”. [style.test.hedge]"
    assert "story.txt: not valid UTF-8" in r.stderr


def test_stdin_binary(desk):
    r = edlint("check", "-", input=b"\x00\x01\x02\x03binary")
    no_traceback(r)
    assert r.exit_code == 2
    assert "binary file, not checked" in r.stderr


def test_stdin_together_with_files(desk):
    (desk / "a.txt").write_text("Quite.\n")
    r = edlint("check", "a.txt", "-", input="Very.\n")
    assert r.stdout.splitlines()[:2] == ["-:1:1: warning: Hedge word: “Very”. [style.test.hedge]",
                                         "a.txt:1:1: warning: Hedge word: “Quite”. [style.test.hedge]"]


# -- jobs ---------------------------------------------------------------------------------

def test_jobs_2_gives_the_same_result_as_jobs_1(desk):
    (desk / "news").mkdir()
    for i in range(12):
        (desk / "news" / f"a{i:02d}.txt").write_text(f"Story {i}.\n\n" + "Very good!! " * (i % 4) + "They utilise it.\n")
    (desk / "news" / "bin.txt").write_bytes(b"\x00" * 10)
    for fmt in ("text", "json"):
        one = edlint("check", "--format", fmt, "--jobs", "1", "news")
        two = edlint("check", "--format", fmt, "-j", "2", "news")
        assert one.exit_code == two.exit_code == 2  # the binary file
        assert one.stdout == two.stdout
        assert one.stderr == two.stderr
    assert len(one.stdout) > 1000


def test_check_paths_jobs(desk):
    import lint

    (desk / "news").mkdir()
    for i in range(6):
        (desk / "news" / f"a{i}.txt").write_text("Quite!! " * i + "\n")
    one = lint.check_paths([desk / "news"], jobs=1)
    two = lint.check_paths([desk / "news"], jobs=2)
    key = [(d.path, d.line, d.column, d.rule, d.severity) for d in one.findings]
    assert key == [(d.path, d.line, d.column, d.rule, d.severity) for d in two.findings]
    assert len(key) == 30


# -- rules and explain --------------------------------------------------------------------

def _rows(out: str) -> dict[str, list[str]]:
    rows = {}
    for line in out.splitlines():
        cols = re.split(r"\s{2,}", line.strip())
        rows[cols[0]] = cols[1:]
    return rows


def test_rules_lists_every_rule(desk):
    r = edlint("rules")
    assert r.exit_code == 0
    rows = _rows(r.stdout)
    assert rows["style.test.hedge"] == ["style", "warning", "on", "Vague qualifiers that weaken a sentence."]
    # off by default, but the config's "style.test" names its prefix
    assert rows["style.test.formal"] == ["style", "warning", "on", "Words from contracts, not news copy."]
    assert rows["typography.test.bang"] == ["typography", "info", "on", "Two exclamation marks in a row."]
    assert list(rows) == sorted(rows)
    # the bundled rules are listed too (off here: the config selects only the test pack)
    assert any(not rid.split(".")[1].startswith("test") for rid in rows)


def test_rules_shows_off_by_default(desk):
    (desk / "all.toml").write_text('select = ["all"]\nrule-packs = ["pack"]\n')
    rows = _rows(edlint("rules", "--config", "all.toml").stdout)
    assert rows["style.test.formal"][2] == "off"
    assert rows["style.test.hedge"][2] == "on"


def test_rules_by_category(desk):
    rows = _rows(edlint("rules", "--category", "typography").stdout)
    assert rows and all(cols[0] == "typography" for cols in rows.values())
    assert "typography.test.bang" in rows and "style.test.hedge" not in rows


def test_rules_with_explicit_config(tmp_path, pack, monkeypatch):
    (tmp_path / "ci.toml").write_text(config_text())
    monkeypatch.chdir(tmp_path)
    assert "style.test.hedge" not in edlint("rules").stdout  # no config found: no test pack
    assert "style.test.hedge" in edlint("rules", "--config", "ci.toml").stdout


def test_explain(desk):
    r = edlint("explain", "style.test.hedge")
    assert r.exit_code == 0
    assert r.stdout == (
        "style.test.hedge\n================\n\nVague qualifiers that weaken a sentence.\n\n"
        "category: style    severity: warning    type: existence    default: on\n"
        f"defined in: {desk / 'pack' / 'style' / 'test-hedge.toml'}\n\n"
        "Cut the qualifier or say how much.\n\n"
        'Parameters (set them in [rules."style.test.hedge"]):\n'
        "  exceptions = []    a list of strings. Regular expressions: a match inside one is not reported.\n"
        "  ignorecase = true    true or false. Match in any case.\n"
        "  nonword = false    true or false. Patterns may match inside words.\n"
        "  patterns = []    a list of strings. Regular expressions to report.\n"
        "  screen = []    a list of strings. Strings of which every match of the regular expressions contains "
        "one, as written (case counts); a block with none of them is not searched with them, and they are "
        "compiled only when a block has one.\n"
        "  skip_quotations = (not set)    true or false. Skip matches inside direct quotations "
        "(unset: yes for style rules).\n"
        '  tokens = ["very", "quite"]    a list of strings. Words and phrases to report, matched as whole words.\n\n'
        "Flagged:\n  It was very late.\n\nNot flagged:\n  It was late.\n")


def test_explain_unknown_rule_suggests(desk):
    r = edlint("explain", "style.test.hedg")
    assert r.exit_code == 2
    no_traceback(r)
    assert "no rule 'style.test.hedg'. Did you mean: style.test.hedge?" in r.stderr
    r = edlint("explain", "zzz")
    assert r.exit_code == 2 and "no rule 'zzz'." in r.stderr


def test_version_and_help(desk):
    r = edlint("--version")
    assert r.exit_code == 0 and "edlint" in r.stdout
    r = edlint("check", "--help")
    assert r.exit_code == 0 and "--fail-on" in r.stdout and "--stdin-filename" in r.stdout
