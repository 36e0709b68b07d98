"""The bundled rule files parsed at build time (lint/rule_snapshot.py): used only for a file
whose bytes are the ones parsed, a fresh copy each time, ignored when they do not fit."""
from __future__ import annotations

import marshal

from lint import rule_files, rule_snapshot
from lint.datafile import read_toml


def _use(monkeypatch, directory):
    monkeypatch.setattr(rule_snapshot, "_shipped", [rule_snapshot.load(directory)])


def test_every_bundled_rule_file_reads_back_as_tomllib_parses_it(tmp_path, monkeypatch):
    files = rule_snapshot.bundled_files()
    assert len(files) > 30
    rule_snapshot.write(tmp_path, files)
    _use(monkeypatch, tmp_path)
    for f in files:
        assert rule_snapshot.parsed(f.read_bytes()) == read_toml(f), f
    # Every rule, whole, is the same as one read without the snapshot.
    with_snapshot = rule_files.load_rules()
    monkeypatch.setattr(rule_snapshot, "_shipped", [{}])
    assert rule_files.load_rules() == with_snapshot


def test_a_copy_each_time(tmp_path, monkeypatch):
    f = tmp_path / "rule.toml"
    f.write_text('id = "style.test.x"\nlevel = "warning"\n[params]\nwords = ["a"]\n', encoding="utf-8")
    rule_snapshot.write(tmp_path / "out", [f])
    _use(monkeypatch, tmp_path / "out")
    first = rule_snapshot.parsed(f.read_bytes())
    first.pop("level")  # as load_rule_file does with the old key
    first["params"]["words"].append("b")
    assert rule_snapshot.parsed(f.read_bytes()) == {"id": "style.test.x", "level": "warning",
                                                    "params": {"words": ["a"]}}


def test_an_edited_file_is_parsed_again(tmp_path, monkeypatch):
    source = next(p for p in rule_snapshot.bundled_files() if p.name == "double-space.toml")
    rule_snapshot.write(tmp_path / "out", [source])
    _use(monkeypatch, tmp_path / "out")
    edited = tmp_path / "pack" / "repeated-word.toml"
    edited.parent.mkdir()
    edited.write_text(source.read_text(encoding="utf-8").replace('severity = "info"', 'severity = "error"'),
                      encoding="utf-8")
    assert rule_snapshot.parsed(edited.read_bytes()) is None
    assert rule_files.load_rule_file(edited).severity == "error"
    assert rule_files.load_rule_file(source).severity == "info"


def test_a_date_is_left_to_run_time_and_a_damaged_or_foreign_file_is_not_used(tmp_path, monkeypatch):
    dated = tmp_path / "dated.toml"
    dated.write_text("when = 2024-01-02\n", encoding="utf-8")
    plain = tmp_path / "plain.toml"
    plain.write_text('a = "b"\n', encoding="utf-8")
    target = rule_snapshot.write(tmp_path / "out", [dated, plain])
    shipped = rule_snapshot.load(tmp_path / "out")
    assert {raw: marshal.loads(table) for raw, table in shipped.items()} == {plain.read_bytes(): {"a": "b"}}
    monkeypatch.setattr(rule_snapshot, "key", lambda: "0" * 20)  # another Python or TOML reader
    assert rule_snapshot.load(tmp_path / "out") == {}
    monkeypatch.undo()
    target.write_bytes(b"\x00damaged")
    assert rule_snapshot.load(tmp_path / "out") == {}
