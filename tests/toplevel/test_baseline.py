"""Baselines: record today's findings, then fail only on new ones, even after edits move lines."""
from __future__ import annotations

import json

from .support import edlint, no_traceback

ARTICLE = "The mayor was very late.\n\nThey utilise the hall.\n"


def test_write_baseline_records_findings_and_exits_0(desk):
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--write-baseline", "baseline.json", "a.txt")
    assert r.exit_code == 0, r.output
    assert r.stderr == "edlint: wrote 2 findings to baseline.json\n"
    data = json.loads((desk / "baseline.json").read_text())
    assert data == {"version": 1, "findings": [
        {"path": "a.txt", "rule": "style.test.hedge", "text": "very", "count": 1},
        {"path": "a.txt", "rule": "style.test.utilise", "text": "utilise", "count": 1},
    ]}


def test_baseline_hides_old_findings(desk):
    (desk / "a.txt").write_text(ARTICLE)
    assert edlint("check", "a.txt").exit_code == 1
    edlint("check", "--write-baseline", "baseline.json", "a.txt")
    r = edlint("check", "--baseline", "baseline.json", "a.txt")
    assert r.exit_code == 0
    assert r.stdout == "0 findings - 1 file checked - 2 in the baseline\n"


def test_baseline_survives_an_edit_that_moves_lines(desk):
    (desk / "a.txt").write_text(ARTICLE)
    edlint("check", "--write-baseline", "baseline.json", "a.txt")
    (desk / "a.txt").write_text("A new first paragraph.\n\nAnd a second one.\n\n" + ARTICLE.replace("mayor", "new mayor"))
    r = edlint("check", "--baseline", "baseline.json", "a.txt")
    assert r.exit_code == 0, r.output
    assert r.stdout == "0 findings - 1 file checked - 2 in the baseline\n"


def test_new_finding_still_fails(desk):
    (desk / "a.txt").write_text(ARTICLE)
    edlint("check", "--write-baseline", "baseline.json", "a.txt")
    # A second "utilise" is new even though the same rule and text are in the baseline once.
    (desk / "a.txt").write_text(ARTICLE + "\nWe utilise it again.\n")
    r = edlint("check", "--baseline", "baseline.json", "a.txt")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        "a.txt:5:4: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]",
        "1 finding (1 error, 0 warnings, 0 info) in 1 file - 1 file checked - 2 in the baseline",
    ]


def test_baseline_is_per_file(desk):
    (desk / "a.txt").write_text(ARTICLE)
    edlint("check", "--write-baseline", "baseline.json", "a.txt")
    (desk / "b.txt").write_text(ARTICLE)
    r = edlint("check", "--baseline", "baseline.json", "a.txt", "b.txt")
    assert r.exit_code == 1
    assert [line.split(":")[0] for line in r.stdout.splitlines()[:-1]] == ["b.txt", "b.txt"]


def test_baseline_paths_are_relative_to_the_baseline_file(desk, monkeypatch):
    (desk / "news").mkdir()
    (desk / "news" / "a.txt").write_text(ARTICLE)
    (desk / "ci").mkdir()
    edlint("check", "--write-baseline", "ci/baseline.json", "news")
    data = json.loads((desk / "ci" / "baseline.json").read_text())
    assert {f["path"] for f in data["findings"]} == {"../news/a.txt"}
    monkeypatch.chdir(desk / "news")  # run from elsewhere: the same findings match
    r = edlint("check", "--baseline", "../ci/baseline.json", "a.txt")
    assert r.exit_code == 0, r.output


def test_unreadable_baseline_is_exit_2(desk):
    (desk / "a.txt").write_text(ARTICLE)
    (desk / "baseline.json").write_text("{not json")
    r = edlint("check", "--baseline", "baseline.json", "a.txt")
    assert r.exit_code == 2
    no_traceback(r)
    assert "baseline.json: not an edlint baseline file" in r.stderr
    r = edlint("check", "--baseline", "missing.json", "a.txt")
    assert r.exit_code == 2
    assert "missing.json: cannot read baseline" in r.stderr


def test_write_baseline_creates_its_folder(desk):
    # As pytest's --junitxml does: CI jobs write reports into folders that don't exist yet.
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--write-baseline", "ci/new/baseline.json", "a.txt")
    no_traceback(r)
    assert r.exit_code == 0
    assert len(json.loads((desk / "ci" / "new" / "baseline.json").read_text())["findings"]) == 2


def test_write_baseline_to_an_impossible_path_is_exit_2(desk):
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--write-baseline", "a.txt/baseline.json", "a.txt")  # a file as a folder
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.startswith("edlint: error: a.txt/baseline.json: ")
