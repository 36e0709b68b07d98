"""A spilling run holds a few bytes per file, not the files' names or jobs: the names go to
the run's store, the jobs are made as the pool takes them, and the reports that walk every
file (JUnit) read them back. Every report stays the one a run that held everything gives."""
from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from lint import engine as engine_module
from lint.config import ConfigResolver
from lint.engine import Engine
from lint.files import discover
from lint.reports import render
from lint.spill import PathList, RunStore

FORMATS = ["text", "json", "sarif", "github", "junit"]
OPTIONS = {"statistics": True, "tool_version": "0", "cwd": "/", "fail_on": "warning"}


def _note(n: int) -> str:
    # Own sentences: a repeated word and a misspelling in some, nothing in others.
    if n % 3 == 0:
        return f"Harbour notes {n}\n\nThe ferry left at dawn and came back at noon, day {n}.\n"
    return f"Harbour notes {n}\n\nThe the ferry was late and the crew recieved no word, day {n}.\n"


@pytest.fixture
def desk(tmp_path):
    root = tmp_path / "desk"
    for n in range(40):
        d = root / f"week{n // 10}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"note-{n:02d}.md").write_text(_note(n), encoding="utf-8")
    return root


def _engine(**kw) -> Engine:
    return Engine(ConfigResolver(cli={"languagetool": "off"}), metrics=True, **kw)


def _reports(result) -> dict[str, str]:
    return {fmt: render(fmt, result, dict(OPTIONS)) for fmt in FORMATS}


def _same_reports(paths, **kw):
    held = _engine().run([str(p) for p in paths])
    spilled = _engine(spill=True, **kw).run([str(p) for p in paths])
    try:
        assert not isinstance(spilled.files, list)  # the names are read back from the store
        assert _reports(spilled) == _reports(held)
        assert spilled.files == held.files and spilled.errors == held.errors
    finally:
        spilled.close()
    return held


# -- the names on disk -----------------------------------------------------------------

ODD_NAMES = ["plain.md", "with space/and\nnewline.txt", "caf\u00e9/\u201cquoted\u201d.md",
             "bad-\udcff-byte.txt", "", "x" * 70000, "last.md"]


@pytest.mark.parametrize("spilled", [False, True])
def test_a_path_list_gives_back_every_name_as_it_was_given(tmp_path, spilled):
    names = PathList(str(tmp_path) if spilled else None)
    names.extend(ODD_NAMES)
    try:
        assert len(names) == len(ODD_NAMES) and bool(names)
        assert list(names) == ODD_NAMES
        assert list(names) == ODD_NAMES  # iterable again
        assert [names[k] for k in range(len(ODD_NAMES))] == ODD_NAMES
        assert names[-1] == "last.md" and names[3] == "bad-\udcff-byte.txt"
        assert names == ODD_NAMES and names != ODD_NAMES[:-1]
        with pytest.raises(IndexError):
            names[len(ODD_NAMES)]
    finally:
        names.close()
    if spilled:
        assert (tmp_path / "paths").stat().st_size > 70000  # on disk, not in memory


def test_discover_writes_the_names_into_the_list_it_is_given(desk, tmp_path):
    expected, _ = discover([str(desk)], lambda p: ConfigResolver().for_path(p))
    into = PathList(str(tmp_path))
    try:
        files, errors = discover([str(desk)], lambda p: ConfigResolver().for_path(p), into=into)
        assert files is into and not errors
        assert list(into) == expected and len(expected) == 40
    finally:
        into.close()


@pytest.mark.parametrize("args", [
    ["{d}", "{d}"],  # the same directory twice
    ["{d}", "{d}/week1"],  # a directory and one below it
    ["{d}/week1", "{d}"],
    ["{d}/week2/note-21.md", "{d}"],  # a file and the directory holding it
    ["{d}", "{d}/week2/note-21.md"],
])
def test_a_file_named_by_two_arguments_is_checked_once(desk, args):
    paths = [a.format(d=desk) for a in args]
    files, _ = discover(paths, lambda p: ConfigResolver().for_path(p))
    assert len(files) == len(set(files)) == 40


def test_arguments_that_only_share_a_beginning_are_both_walked(tmp_path):
    for name in ("news", "news2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.md").write_text("A note.\n", encoding="utf-8")
    files, _ = discover([str(tmp_path / "news"), str(tmp_path / "news2")], lambda p: ConfigResolver().for_path(p))
    assert files == [str(tmp_path / "news" / "a.md"), str(tmp_path / "news2" / "a.md")]


# -- jobs made as the pool takes them ----------------------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_the_jobs_are_made_as_they_are_checked_not_all_at_once(desk, workers):
    alive = []

    def tick(done, total):
        assert total == 40
        alive.append(sum(1 for o in gc.get_objects() if type(o) is engine_module.FileJob))

    result = _engine(spill=True, jobs=workers, progress=tick).run([str(desk)])
    result.close()
    assert len(alive) == 40
    # All 40 at once before; now the one being checked and the pool's few batches ahead.
    assert max(alive) < 30


def test_a_broken_config_still_stops_only_its_own_files_when_jobs_are_made_lazily(desk):
    (desk / "week1" / "edlint.toml").write_text('[rules."style.nope.nothing"]\nx = 1\n', encoding="utf-8")
    held = _same_reports([desk], jobs=2)
    assert sorted({e.path for e in held.errors}) == sorted(str(p) for p in (desk / "week1").glob("*.md"))
    assert len(held.files) == 40


# -- reports that walk every file --------------------------------------------------------

def test_names_given_out_of_order_are_sorted_as_before(desk):
    files = sorted(desk.rglob("*.md"), reverse=True)
    _same_reports(files, jobs=2)


def test_a_name_given_twice_by_standard_input_is_listed_once_in_junit(desk):
    named = str(desk / "week0" / "note-01.md")
    runs = []
    for spill in (False, True):
        result = _engine(spill=spill).run([named, "-", str(desk / "week3")], stdin_text=_note(7),
                                          stdin_filename=named)
        runs.append(render("junit", result, dict(OPTIONS)))
        result.close()
    assert runs[0] == runs[1]
    assert runs[0].count(f'name="{named}"') == 1


def test_junit_lists_paths_that_only_errors_name(desk, tmp_path):
    missing = str(tmp_path / "nowhere")
    held = _same_reports([missing, desk, desk / "week1" / "gone.md"])
    assert [e.path for e in held.errors][:1] == [missing]
    junit = render("junit", held, dict(OPTIONS))
    assert f'name="{missing}"' in junit and 'tests="42"' in junit


def test_the_store_removes_the_names_with_the_rest(desk):
    result = _engine(spill=True).run([str(desk)])
    directory = result.store.directory
    assert {"discovered", "files"} <= {p.name for p in Path(directory).iterdir()}
    result.close()
    assert not os.path.exists(directory)


def test_a_run_store_closes_twice_without_complaint():
    store = RunStore(spill=True)
    store.files.append("a.md")
    store.close()
    store.close()


# -- the corpus rules' late findings -------------------------------------------------------

@pytest.mark.parametrize("batch", [1, 7, 2000])
def test_late_findings_written_in_batches_give_the_same_reports(desk, monkeypatch, batch):
    from lint import gather

    monkeypatch.setattr(gather._Late, "BATCH", batch)
    held = _same_reports([desk], jobs=2)
    # Every note's title line recurs (digits aside): a late finding in each of the 40 files.
    late = [d for d in held.findings if d.rule == "boilerplate.repeated"]
    assert len({d.path for d in late}) == 40


# -- a large export's findings, sealed a piece at a time ------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("bad_record", [False, True])
def test_a_split_export_keeps_its_findings_in_pieces_and_reports_them_in_order(tmp_path, monkeypatch, workers,
                                                                              bad_record):
    """A JSON Lines export is one path: its findings used to be gathered, sorted and sealed
    all at once (a 100,000-record export held them all). Its parts are whole records in
    order, so each part sorted in turn is the same order; no sealed piece holds more than
    PIECE findings beyond one part's, and every report is the one a held run gives."""
    import json

    from lint import gather
    from lint.readers import jsondocs

    export = tmp_path / "desk.jsonl"
    # Every fifth note ends with a sign-up line whose finding quotes an "&" (escaped in XML).
    signup = "\nSubscribe to our newsletter for tides & alerts.\n"
    export.write_text("".join(json.dumps({"title": f"Harbour notes {n}",
                                          "body": _note(n).split("\n", 2)[2] + (signup if n % 5 == 0 else "")}) + "\n"
                              for n in range(60)) + ("{not json\n" if bad_record else ""), encoding="utf-8")
    monkeypatch.setattr(jsondocs, "PART_BYTES", 300)
    monkeypatch.setattr(gather.Gatherer, "PIECE", 7)
    sizes = []
    put = gather.RunStore.__init__

    def watched_init(self, spill=False):
        put(self, spill)
        real = self.sealed.put

        def sealed_put(obj):
            sizes.append(len(obj))
            return real(obj)
        self.sealed.put = sealed_put
    monkeypatch.setattr(gather.RunStore, "__init__", watched_init)
    held = _same_reports([export], jobs=workers)
    assert bool(held.errors) == bad_record  # JUnit's <error> case, with the findings after it
    # JUnit writes such a path's case as its pieces are read back: the same case, whether it
    # fails, only lists its findings (<system-out>) or is an error.
    spilled = _engine(spill=True, jobs=workers).run([str(export)])
    try:
        from lint.spill import ChunkRun

        assert isinstance(spilled.findings.for_file(0), ChunkRun)  # the path spans pieces
        for fail_on in ("warning", "error", "never"):
            options = dict(OPTIONS, fail_on=fail_on)
            assert render("junit", spilled, options) == render("junit", held, options)
    finally:
        spilled.close()
    assert len(held.findings) > 40  # two findings in two notes of every three
    assert len(sizes) > 2 and max(sizes) < 7 + 10  # pieces, each PIECE plus at most one part's
    assert [d.sort_key() for d in held.findings] == sorted(d.sort_key() for d in held.findings)
    lines = [d.line for d in held.findings]
    assert lines == sorted(lines) and lines[-1] >= 59  # the whole export (a record a line), in order


def test_parts_whose_findings_interleave_are_sorted_whole(tmp_path):
    """The pieces are exact only when each part's findings sort after the last part's: a
    part with a finding before the previous part's (no line, say) makes the path one sort."""
    from lint.finding import Finding
    from lint.gather import Gatherer

    def finding(line):
        return Finding(rule="spelling", message="m", start=0, end=1, path="x.jsonl", line=line, column=1)

    g = Gatherer.__new__(Gatherer)
    g.store = RunStore(spill=False)
    g.findings = [g.store.findings.put([finding(5), finding(3)]), g.store.findings.put([finding(9)]),
                  g.store.findings.put([finding(0)])]
    g.job_part = [0, 1, 2]
    assert g._parts_apart([0, 1]) and not g._parts_apart([0, 1, 2])
    pieces = list(g._sorted_pieces([0, 1, 2]))
    assert [[d.line for d in p] for p in pieces] == [[0, 3, 5, 9]]
    assert [[d.line for d in p] for p in g._sorted_pieces([0, 1])] == [[3, 5, 9]]
