"""Large exports audited in parts: JSON Lines by records, Parquet by rows."""
from __future__ import annotations

import json

import pytest

from lint.audit.parts import Part
from lint.audit.run import plan
from lint.config import ConfigResolver

from .archive import story
from .conftest import run_audit

SECTIONS = ["politics", "sport", "travel"]


def records(n: int = 7) -> list[dict]:
    return [{"title": f"Harbour report {i}", "text": story(i, typo=i % 2 == 0, residue=i % 3 == 0),
             "date": f"2024-0{1 + i % 3}-1{i % 9}", "section": SECTIONS[i % 3],
             "url": f"https://news.example.org/2024/0{1 + i % 3}/story-{i}"} for i in range(n)]


def write_jsonl(path, rows, blank_after=(), bad_at=()):
    lines = []
    for i, r in enumerate(rows):
        lines.append('{"title": broken' if i in bad_at else json.dumps(r))
        if i in blank_after:
            lines.append("")
    path.write_text("\n".join(lines) + "\n")
    return path


def write_parquet(path, rows, row_group_size=3):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def _numbers(data):
    data = dict(data)
    data.pop("run")
    return data


def test_a_json_lines_export_larger_than_a_batch_is_planned_in_parts(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", records(7), blank_after={2})
    p = plan([str(feed)], ConfigResolver(None, {"languagetool": "off"}), batch_size=3)
    parts = [b[0] for b in p.batches]
    assert all(len(b) == 1 and isinstance(b[0], Part) for b in p.batches)
    assert [(x.records_before, x.lines_before, x.first) for x in parts] == [(0, 0, True), (3, 4, False),
                                                                          (6, 7, False)]
    assert parts[-1].stop == feed.stat().st_size
    # A file of no more records than a batch is an ordinary file in an ordinary batch.
    small = plan([str(feed)], ConfigResolver(None, {"languagetool": "off"}), batch_size=7)
    assert small.batches == [[str(feed)]]


def test_parts_give_the_numbers_of_the_whole_file(tmp_path):
    # Repeated template lines are judged per batch, so they are left out of the comparison.
    feed = write_jsonl(tmp_path / "feed.jsonl", records(9), blank_after={1, 4}, bad_at={5})
    _, whole, _, _ = run_audit(tmp_path, feed, "--ignore", "boilerplate.repeated", "--batch-size", "50",
                               name="whole")
    code, parted, _, err = run_audit(tmp_path, feed, "--ignore", "boilerplate.repeated", "--batch-size", "2",
                                     name="parted")
    assert "batch 5/5" in err  # 9 records (one unreadable), in parts of 2
    assert code == 2  # the bad record is a file error; the rest is checked
    assert parted["totals"]["documents"] == 8 and parted["totals"]["files"] == 1
    assert _numbers(parted) == _numbers(whole)
    # The bad record is named by the file's own line and record numbers, not its part's.
    assert [e["message"] for e in parted["errors"]] == [e["message"] for e in whole["errors"]]
    assert "line 8" in parted["errors"][0]["message"] and "record 6" in parted["errors"][0]["message"]
    worst = {w["article"]: [(s["line"], s["rule"]) for s in w["shown"]] for w in parted["worst"]}
    assert f"{feed}:9" in worst and all(line == 11 for line, _ in worst[f"{feed}:9"])


def test_an_export_past_the_file_size_limit_is_audited_whole_or_in_parts(tmp_path):
    """The size limit applies to each record of an export (lint/readers/jsondocs.py), so an
    export twice the limit is audited in one batch or in parts alike, every record counted."""
    rows = records(8)
    feed = write_jsonl(tmp_path / "big.jsonl", rows)
    limit = feed.stat().st_size // 2
    (tmp_path / "edlint.toml").write_text(f"[readers]\nmax-file-size = {limit}\n")
    code, whole, _, err = run_audit(tmp_path, feed, "--batch-size", "50", name="whole")
    assert whole is not None, err
    assert code == 1 and whole["totals"]["documents"] == 8 and whole["totals"]["file_errors"] == 0
    code, parted, _, err = run_audit(tmp_path, feed, "--batch-size", "2", name="parted")
    assert parted is not None, err
    assert code == 1 and parted["totals"]["documents"] == 8 and parted["totals"]["file_errors"] == 0


def test_a_parquet_export_gives_the_numbers_of_the_same_records_as_json_lines(tmp_path):
    rows = records(8)
    table = write_parquet(tmp_path / "feed.parquet", rows, row_group_size=3)
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)
    _, as_jsonl, _, _ = run_audit(tmp_path, feed, "--batch-size", "50", name="jsonl")
    code, as_parquet, _, err = run_audit(tmp_path, table, "--batch-size", "2", "--ignore", "boilerplate.repeated",
                                         name="parquet")
    assert as_parquet is not None, err
    _, jsonl_norep, _, _ = run_audit(tmp_path, feed, "--batch-size", "50", "--ignore", "boilerplate.repeated",
                                     name="jsonl-norep")
    assert code == 1 and as_parquet["totals"]["documents"] == 8 and as_parquet["totals"]["files"] == 1
    assert "batch 4/4" in err  # 8 rows in parts of 2, across row groups of 3
    for key in ("totals", "categories", "rules", "spelling", "over_time", "sections", "readability"):
        mine, theirs = as_parquet[key], jsonl_norep[key]
        if key == "readability":
            mine, theirs = dict(mine, hardest=None), dict(theirs, hardest=None)
        assert mine == theirs, key
    # A row's findings are numbered by its row, from 1.
    assert {w["record"] for w in as_parquet["worst"]} == {w["record"] for w in jsonl_norep["worst"]}
    assert all(s["line"] == w["record"] for w in as_parquet["worst"] for s in w["shown"])
    # Whole-file template judgement sees all eight records together.
    assert as_jsonl["boilerplate"]["templates"]


def test_a_file_that_is_not_parquet_is_one_clear_error_and_the_rest_is_audited(tmp_path):
    pytest.importorskip("pyarrow")
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not a table")
    feed = write_jsonl(tmp_path / "feed.jsonl", records(3))
    code, data, html, err = run_audit(tmp_path, bad, feed)
    assert code == 2 and data["totals"]["documents"] == 3
    assert data["errors"][0]["path"] == str(bad)
    assert "not a readable Parquet file" in data["errors"][0]["message"]
    assert "Traceback" not in err
