"""`edlint stats`: a row per document and the distribution over the set."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lint.cli.stats import distribution, stats

EASY = "The town has a new park. It opened on Monday. Kids ran to the swings. Their parents sat on the grass. "
HARD = ("Municipal authorities anticipate substantial administrative complications "
        "regarding environmental certification. ")


def _write(tmp_path):
    (tmp_path / "easy.txt").write_text("Park Opens\n\n" + EASY * 6 + "\n")  # 126 words
    (tmp_path / "hard.txt").write_text(HARD * 12 + "\n")  # 108 words
    (tmp_path / "short.txt").write_text(EASY + "\n")  # 21 words


def test_json_rows_and_distribution(tmp_path):
    _write(tmp_path)
    out = CliRunner().invoke(stats, ["--format", "json", str(tmp_path)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    rows = {d["path"].rsplit("/", 1)[-1]: d["metrics"] for d in data["documents"]}
    assert sorted(rows) == ["easy.txt", "hard.txt", "short.txt"]
    assert (rows["easy.txt"]["words"], rows["easy.txt"]["headings"]) == (126, 1)
    assert rows["hard.txt"]["words"] == 108 and rows["short.txt"]["too_short"] is True
    words = data["distribution"]["words"]  # the short text is not in the distribution
    assert (words["min"], words["median"], words["max"]) == (108, 117, 126)
    fk = data["distribution"]["flesch_kincaid_grade"]
    assert fk["min"] == rows["easy.txt"]["flesch_kincaid_grade"]
    assert fk["max"] == rows["hard.txt"]["flesch_kincaid_grade"]


def test_table(tmp_path):
    _write(tmp_path)
    out = CliRunner().invoke(stats, [str(tmp_path / "easy.txt"), str(tmp_path / "short.txt")])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split()[:5] == ["document", "words", "sent", "w/sent", "grade"]
    easy_row = next(x for x in lines if "easy.txt" in x)
    assert easy_row.split()[1:3] == ["126", "24"]
    short_row = next(x for x in lines if "short.txt" in x)
    assert short_row.split()[4] == "-"  # no grade under min-words
    assert "2 documents, 1 long enough to score (1 under min-words: '-')" in out.output
    assert [x.split()[0] for x in lines[-5:]] == ["min", "q1", "median", "q3", "max"]


def test_quartiles():
    rows = [{"words": n, "too_short": False} for n in (100, 200, 300, 400, 500)]
    assert distribution(rows)["words"] == {"min": 100, "q1": 200, "median": 300, "q3": 400, "max": 500}


def test_unreadable_path_exits_2(tmp_path):
    out = CliRunner().invoke(stats, [str(tmp_path / "missing.txt")])
    assert out.exit_code == 2
