"""Every report counts lines as editors do: LF, CRLF and a lone CR each end a line."""
from __future__ import annotations

import json

import pytest

from .support import edlint

STORY = ["Intro line.", "", "Very good!!", "Quite."]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_text_json_and_sarif_positions(desk, eol):
    (desk / "a.txt").write_bytes(eol.join(STORY).encode() + eol.encode())
    text = edlint("check", "--fail-on", "never", "a.txt").stdout.splitlines()
    assert text[:3] == ["a.txt:3:1: warning: Hedge word: “Very”. [style.test.hedge]",
                        "a.txt:3:10: info: Doubled exclamation mark. [typography.test.bang]",
                        "a.txt:4:1: warning: Hedge word: “Quite”. [style.test.hedge]"]
    found = json.loads(edlint("check", "--format", "json", "a.txt").stdout)["diagnostics"]
    assert [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in found] == \
        [(3, 1, 3, 5), (3, 10, 3, 12), (4, 1, 4, 6)]
    sarif = json.loads(edlint("check", "--format", "sarif", "a.txt").stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert [(r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) for r in regions] == \
        [(3, 1, 3, 5), (3, 10, 3, 12), (4, 1, 4, 6)]
    github = edlint("check", "--format", "github", "a.txt").stdout
    assert "file=a.txt,line=4,col=1,endLine=4,endColumn=6" in github


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_boilerplate_lines_end_at_every_line_ending(eol):
    from lint.fixes import apply_edits, merge_edits

    from ..helpers import run

    lf = ("Floods hit the town\n\nThe river rose overnight and the council opened two shelters.\n\n"
          "Share this article\nFollow us on Twitter\n")
    text = lf.replace("\n", eol)
    found, expected = run(text, ["boilerplate"]), run(lf, ["boilerplate"])
    assert [(d.line, d.column, d.rule) for d in found] == [(d.line, d.column, d.rule) for d in expected]
    assert [d.rule for d in found] == ["boilerplate.share", "boilerplate.subscribe"]
    fixed = apply_edits(text, merge_edits(found))
    assert fixed == apply_edits(lf, merge_edits(expected)).replace("\n", eol)


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_invalid_json_is_placed_as_editors_count_lines(eol):
    from lint.errors import InputError
    from lint.readers import jsondocs

    source = eol.join(["{", '  "title": "x",', '  "body": "y",,', "}"]) + eol
    with pytest.raises(InputError) as e:
        jsondocs.read(source, "bad.json", {})
    assert e.value.message.startswith("invalid JSON at line 3 column 15: ")
