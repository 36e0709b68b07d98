"""Output that can't be hijacked: file names and messages with control characters are escaped
in every human-readable output, and no line edlint prints begins with `::` (a GitHub Actions
workflow command) unless edlint wrote that command."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.finding import Finding
from lint.reports import github, text
from lint.result import FileError, Notice, RunResult

HIJACK = "x\n::error file=README.md,line=1::PWNED.md"
ESCAPE = "\x1b]0;owned\x07\x1b[2J\x1b[31mred.md"


def commands(output: str) -> list[str]:
    """Lines GitHub's runner would take as workflow commands (it trims leading whitespace)."""
    return [line for line in output.split("\n") if line.lstrip().startswith("::")]


@pytest.mark.parametrize("raw, shown", [
    ("plain.md", "plain.md"),
    ("tab\there", "tab\\there"),
    ("line\r\nbreak", "line\\r\\nbreak"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("del\x7f c1\x9b", "del\\x7f c1\\x9b"),
    ("sep\u2028par\u2029", "sep\\u2028par\\u2029"),
    ("bidi\u202egnp.exe", "bidi\\u202egnp.exe"),
    ("café “quoted” 東京 😀", "café “quoted” 東京 😀"),  # printable text is left alone
    ("C:\\news\\a.md", "C:\\news\\a.md"),
])
def test_printable(raw, shown):
    from lint.reports.printable import printable

    assert printable(raw) == shown


def test_a_name_at_the_start_of_a_line_never_starts_a_command():
    from lint.reports.printable import printable_line, printable_path

    assert printable_path("::error::x.md") == "./::error::x.md"
    assert printable_path(" \u3000::warning::y.md") == "./ \u3000::warning::y.md"
    assert printable_path("news/::ok.md") == "news/::ok.md"
    assert printable_line("  ::set-output name=x::1") == "  \\x3a:set-output name=x::1"
    assert printable_line("edlint: error: a::b") == "edlint: error: a::b"


def _finding(path, message="Hedge.", suggestions=()):
    return Finding(rule="style.x", message=message, start=0, end=1, severity="warning", path=path,
                   line=1, column=1, end_line=1, end_column=2, suggestions=suggestions)


@pytest.mark.parametrize("color", [False, True])
def test_text_report_escapes_names_messages_and_suggestions(color):
    result = RunResult(findings=[
        _finding(HIJACK),
        _finding("ok.md", message="From a server:\n::error::owned\x1b[0m", suggestions=("a\nb", "\x1b")),
        _finding("::notice::n.md"),
    ], files=[HIJACK, "ok.md", "::notice::n.md"])
    out = text.render(result, {"color": color, "statistics": True})
    plain = out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[2m", "").replace("\x1b[33m", "")
    assert "\x1b" not in plain and "\x07" not in plain
    assert commands(out) == []
    lines = out.splitlines()
    assert len([x for x in lines if "style.x]" in x]) == 3  # one line per finding
    if not color:
        assert lines[0] == "x\\n::error file=README.md,line=1::PWNED.md:1:1: warning: Hedge. [style.x]"
        assert lines[1] == ('ok.md:1:1: warning: From a server:\\n::error::owned\\x1b[0m '
                            'Suggestions: a\\nb, "\\x1b". [style.x]')
        assert lines[2] == "./::notice::n.md:1:1: warning: Hedge. [style.x]"


def test_github_report_keeps_a_hostile_name_inside_its_own_command():
    result = RunResult(findings=[_finding(HIJACK, message="a\n::error::b")],
                       errors=[FileError(HIJACK, "binary\nfile")],
                       notices=[Notice("warning", "server said\r\n::error::c", "languagetool")])
    out = github.render(result, {"cwd": "/nonexistent"})
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines == commands(out)  # every line is a command, and edlint wrote each
    assert lines[0].startswith("::warning file=x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3APWNED.md,line=1,")
    assert lines[0].endswith("::a%0A::error::b")


# -- end to end: every writer ----------------------------------------------------------

@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "edlint.toml").write_text('languagetool = "off"\n')
    d = tmp_path / "in"
    d.mkdir()
    for name in (HIJACK, ESCAPE, "::notice::hi.md"):
        (d / name.replace("/", "_")).write_text("Teh council met on Tuesday.\n\nIt voted for the plan.\n",
                                                encoding="utf-8")
    (d / "x\n::error::binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    return tmp_path


def _run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r


@pytest.mark.parametrize("args", [
    ["check", "in"], ["check", "--statistics", "in"], ["stats", "in"], ["vocab", "in"],
    ["vocab", "--format", "toml", "in"], ["config", HIJACK], ["check", "--format", "github", "in"],
    ["fix", "--diff", "in"],
])
def test_no_writer_lets_a_name_through_raw(hostile, args):
    r = _run(*args)
    for stream, out in (("stdout", r.stdout), ("stderr", r.stderr)):
        if args[:3] == ["check", "--format", "github"] and stream == "stdout":
            # Machine-read: escaped as GitHub's toolkit does, so `file=` still names the real file.
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
            assert len(out.splitlines()) == len(commands(out))
        else:
            assert "\x1b" not in out and "\x07" not in out, stream
            assert commands(out) == [], (stream, out)
    if args[0] == "fix":
        assert "--- a/in/x\\n::error file=README.md,line=1::PWNED.md\n" in r.stdout
    if args == ["check", "in"]:
        assert "in/x\\n::error file=README.md,line=1::PWNED.md:1:1: warning:" in r.stdout  # spelling.misspelling
        assert "edlint: error: in/x\\n::error::binary.txt: binary file, not checked" in r.stderr


def test_vocab_json_and_stats_json_stay_json(hostile):
    for args in (["vocab", "--format", "json", "in"], ["stats", "--format", "json", "in"]):
        data = json.loads(_run(*args).stdout)
        assert data
