"""A run that keeps its findings on disk (the CLI's), in one process or a pool, and large
JSON Lines exports checked in parts: every report the same as a run that held everything."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lint import jobs as jobs_module
from lint.config import ConfigResolver
from lint.engine import Engine
from lint.readers import jsondocs
from lint.reports import render

FORMATS = ["text", "json", "sarif", "github", "junit"]
OPTIONS = {"statistics": True, "tool_version": "0", "cwd": "/", "fail_on": "warning"}

# Own sentences: typos, a repeated word, a long sentence, and a template line that recurs
# in every article (boilerplate.repeated: a corpus rule's late finding, with a fix).
TEMPLATE = "Sign up for the morning briefing from our newsroom."


def _article(n: int) -> str:
    return (f"Council votes on the harbour plan {n}\n\n"
            f"The council met on Tuesday to discuss the the new harbour wall, number {n}.\n"
            "Residents said the recieve of the letters was late and the plan, which had been debated "
            "for many months by committees, advisers, engineers, neighbours, shop owners and the "
            "mayor herself, was still unclear to most of the people who live along the shore.\n\n"
            f"{TEMPLATE}\n")


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "news"
    root.mkdir()
    for n in range(7):
        (root / f"story-{n}.md").write_text(_article(n), encoding="utf-8")
    (root / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    records = [{"id": n, "title": f"Item {n}", "body": _article(n)} for n in range(5)]
    lines = [json.dumps(r) for r in records]
    lines.insert(2, "{not json")  # a bad record: the others are still checked
    (root / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _run(paths, **kw):
    engine = Engine(ConfigResolver(cli={"languagetool": "off"}), metrics=True, **kw)
    return engine.run([str(p) for p in paths])


def _reports(result) -> dict[str, str]:
    return {fmt: render(fmt, result, dict(OPTIONS)) for fmt in FORMATS}


def test_a_pool_builds_the_shared_tables_once_in_the_parent_before_it_forks(tmp_path, monkeypatch):
    # The tables a long run builds piecemeal are built whole before the fork (lint.prefork),
    # once, in the process that forks: the workers share them instead of each building its own.
    from lint import prefork
    from lint.readability import syllables

    archive = tmp_path / "stories"
    archive.mkdir()
    (archive / "a-binary.md").write_bytes(b"ok \x00\x00\x00\x81 bad")  # first, not checked: it loads nothing
    for n in range(6):
        (archive / f"story-{n}.md").write_text(_article(n), encoding="utf-8")
    monkeypatch.setattr(syllables, "_whole", None)  # restored after: other tests search
    built_in = []
    monkeypatch.setattr(prefork, "_BUILDERS", [*prefork._BUILDERS, lambda: built_in.append(os.getpid())])
    pooled = _run([archive], jobs=2)
    assert built_in == [os.getpid()]
    assert syllables._whole is not None  # the first readable file's readability read the dictionary
    assert _reports(pooled) == _reports(_run([archive]))  # and nothing found differs
    built_in.clear()
    _run([archive], jobs=1)
    assert built_in == []  # one process: nothing is forked, nothing built ahead


def test_a_long_run_in_one_process_builds_the_tables_whole_once_it_has_checked_enough_files(
        tmp_path, monkeypatch):
    # Checked one by one, a run builds the same tables whole after WHOLE_TABLES_AFTER files
    # (piecemeal, every new word builds more of them); a shorter run, or files taken from the
    # cache, build nothing; and what is found is the same either way.
    import lint.cache
    from lint import prefork
    from lint.readability import syllables

    archive = tmp_path / "stories"
    archive.mkdir()
    for n in range(jobs_module.WHOLE_TABLES_AFTER + 2):
        (archive / f"story-{n:02}.md").write_text(_article(n), encoding="utf-8")
    monkeypatch.setattr(syllables, "_whole", None)
    built_in = []
    monkeypatch.setattr(prefork, "_BUILDERS", [*prefork._BUILDERS, lambda: built_in.append(os.getpid())])
    cache = tmp_path / "cache"
    long_run = _run([archive], jobs=1, cache=str(cache))
    assert built_in == [os.getpid()]
    assert syllables._whole is not None
    built_in.clear()
    for open_cache in lint.cache._OPEN.values():  # as a new process finds it: written, closed
        open_cache.close()
    lint.cache._OPEN.clear()
    rerun = _run([archive], jobs=1, cache=str(cache))  # every file from the cache: nothing checked
    assert built_in == []
    monkeypatch.setattr(jobs_module, "WHOLE_TABLES_AFTER", 10 ** 6)
    monkeypatch.setattr(syllables, "_whole", None)
    piecemeal = _run([archive], jobs=1)
    assert built_in == []
    assert _reports(long_run) == _reports(piecemeal) == _reports(rerun)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_spilled_run_writes_every_report_as_the_run_that_held_everything(archive, workers):
    held = _run([archive])
    expected = _reports(held)
    assert held.findings and any(d.rule == "boilerplate.repeated" for d in held.findings)
    assert held.errors  # the broken file and the bad record

    spilled = _run([archive], spill=True, jobs=workers)
    try:
        assert not isinstance(spilled.findings, list)  # read back from the store
        assert os.path.isdir(spilled.store.directory)
        assert _reports(spilled) == expected
        assert spilled.counts() == held.counts()
        assert spilled.files == held.files and spilled.errors == held.errors
        directory = spilled.store.directory
    finally:
        spilled.close()
    assert not os.path.exists(directory)


def test_a_baseline_hides_the_same_findings_when_spilled(archive, tmp_path):
    from lint.baseline import write_baseline

    held = _run([archive])
    baseline = tmp_path / "baseline.json"
    some = [d for d in held.findings if d.rule.startswith("spelling.")][:3]
    write_baseline(str(baseline), some)
    expected = _run([archive], baseline=str(baseline))
    spilled = _run([archive], baseline=str(baseline), spill=True, jobs=2)
    try:
        assert spilled.baselined == expected.baselined == 3
        assert _reports(spilled) == _reports(expected)
    finally:
        spilled.close()


@pytest.fixture
def small_parts(monkeypatch):
    """Exports split into parts of about 300 bytes: a few records each."""
    monkeypatch.setattr(jsondocs, "PART_BYTES", 300)


def _export(tmp_path, lines: list[str], name="feed.jsonl", newline="\n", bom=False) -> str:
    path = tmp_path / name
    data = newline.join(lines) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return str(path)


def _records(n: int) -> list[str]:
    out = []
    for i in range(n):
        body = ("It was a very very long day for the the crew, who recieved the news late. "
                f"Story number {i}: “quoted” text and café owners spoke.")
        out.append(json.dumps({"id": i, "title": f"Headline {i}", "body": body}, ensure_ascii=False))
    return out


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_export_checked_in_parts_gives_the_findings_of_the_whole(tmp_path, monkeypatch, newline):
    lines = _records(12)
    lines.insert(4, "")  # a blank line does not count as a record
    lines.insert(7, '{"id": "broken",')  # a bad record: reported by its line and number
    path = _export(tmp_path, lines, newline=newline, bom=True)
    whole = _reports(_run([path]))

    monkeypatch.setattr(jsondocs, "PART_BYTES", 300)
    parts = list(jsondocs.split_export(path, 1 << 30))
    assert len(parts) > 3
    split = _run([path], spill=True)
    try:
        assert _reports(split) == whole
        data = json.loads(render("json", split, dict(OPTIONS)))
        assert data["summary"]["files"] == 1
        assert any("fix" in d and d["fix"]["edits"][0]["start"] > 1000 for d in data["diagnostics"])
    finally:
        split.close()


def test_the_records_of_an_export_spread_over_the_workers(tmp_path, small_parts, monkeypatch):
    from lint import gather

    path = _export(tmp_path, _records(40))
    workers_seen = set()
    add = gather.Gatherer.add

    def spy(self, job, c):
        workers_seen.add(c.worker)
        return add(self, job, c)

    monkeypatch.setattr(gather.Gatherer, "add", spy)
    expected = _reports(_run([path]))
    workers_seen.clear()
    result = _run([path], jobs=2, spill=True)
    try:
        assert _reports(result) == expected
    finally:
        result.close()
    workers_seen.discard(os.getpid())  # the first part is checked before the pool starts
    assert len(workers_seen) == 2


def test_the_size_limit_applies_to_each_record_of_an_export(tmp_path):
    lines = _records(30)
    lines.insert(3, json.dumps({"id": "huge", "body": "Words here. " * 400}))
    path = _export(tmp_path, lines)
    config = tmp_path / "edlint.toml"
    config.write_text("[readers]\nmax-file-size = 2000\n", encoding="utf-8")
    assert os.path.getsize(path) > 2000
    proc = subprocess.run([sys.executable, "-m", "lint", "check", path, "--config", str(config),
                           "--format", "json", "--languagetool", "off"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr  # one record was not checked
    data = json.loads(proc.stdout)
    assert [e["message"] for e in data["errors"]] == [
        "line 4: record too large (0.0 MB; the limit is 0.0 MB, set readers.max-file-size to raise it) "
        "(record 4 not checked)"]
    assert data["summary"]["documents"] == 30  # every other record was checked
    assert {d.get("record") for d in data["diagnostics"]} >= {1, 5, 31}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cli_report_is_the_same_with_one_job_or_two(archive, fmt, tmp_path):
    outs = []
    for j in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "lint", "check", str(archive), "--format", fmt,
                               "--languagetool", "off", "--jobs", j, "--statistics"],
                              capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr  # the broken file
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
    assert "boilerplate.repeated" in outs[0]


def test_the_spill_directory_is_removed_after_the_cli_run(archive, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc = subprocess.run([sys.executable, "-m", "lint", "check", str(archive), "--languagetool", "off",
                           "--jobs", "2", "--report", f"sarif:{tmp_path / 'out.sarif'}"],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "TMPDIR": str(temp)})
    assert proc.returncode == 2, proc.stderr
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert list(temp.iterdir()) == []
