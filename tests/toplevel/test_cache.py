"""`edlint check --cache`: reruns reuse what has not changed, and only that."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zlib

import pytest

import lint.cache
from lint.cache import ResultCache, _tree_digest
from lint.config import ConfigResolver
from lint.engine import Engine

from .support import config_text, edlint, no_traceback


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user cache home of the test's own (the signing key lives there)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("EDLINT_CACHE", raising=False)
    monkeypatch.delenv("EDLINT_CACHE_DIR", raising=False)
    return tmp_path / "home-cache"


@pytest.fixture(params=["by-stat", "by-content"])
def newsroom(desk, home, request, monkeypatch):
    """Three articles; each test runs twice: reruns finding unchanged files by their stat
    (as soon as they are written), and by their bytes (a stat never trusted)."""
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0 if request.param == "by-stat" else 1e12)
    (desk / "a.md").write_text("# Budget\n\nThey utilise very old buses.\n", encoding="utf-8")
    (desk / "b.txt").write_text("Wow!! The council will utilise the hall.\n", encoding="utf-8")
    (desk / "c.md").write_text("# Clean\n\nThe council met on Monday.\n", encoding="utf-8")
    return desk


def _close_open_caches():
    """As a new process would find them: no cache open (each run opens its own)."""
    for c in lint.cache._OPEN.values():
        c.close()
    lint.cache._OPEN.clear()


def run(cache_dir, *paths):
    """One engine run (in this process) through the cache in `cache_dir`; (findings as
    tuples, the cache object that counted hits and misses)."""
    _close_open_caches()
    result = Engine(ConfigResolver(), cache=str(cache_dir)).run([str(p) for p in paths])
    found = sorted((d.path, d.line, d.column, d.rule, d.message) for d in result.findings)
    return found, lint.cache.cache_for(str(cache_dir))


def test_a_rerun_reuses_every_unchanged_file_and_finds_the_same(newsroom):
    first, c1 = run(newsroom / "cache", newsroom)
    assert (c1.hits, c1.misses) == (0, 3)
    second, c2 = run(newsroom / "cache", newsroom)
    assert (c2.hits, c2.misses) == (3, 0)
    assert second == first and len(first) >= 3


def test_a_changed_file_alone_is_checked_again(newsroom):
    run(newsroom / "cache", newsroom)
    (newsroom / "b.txt").write_text("Wow!! The council will utilise the hall!!\n", encoding="utf-8")
    found, cache = run(newsroom / "cache", newsroom)
    assert (cache.hits, cache.misses) == (2, 1)
    assert sum(1 for f in found if f[0].endswith("b.txt") and f[3] == "typography.test.bang") == 2


def test_a_config_change_invalidates_the_files_it_governs(newsroom):
    run(newsroom / "cache", newsroom)
    (newsroom / "edlint.toml").write_text(config_text('ignore = ["typography.test"]'), encoding="utf-8")
    found, cache = run(newsroom / "cache", newsroom)
    assert cache.hits == 0
    assert not any(f[3] == "typography.test.bang" for f in found)


def test_a_rule_pack_edit_invalidates(newsroom):
    run(newsroom / "cache", newsroom)
    hedge = newsroom / "pack" / "style" / "test-hedge.toml"
    hedge.write_text(hedge.read_text(encoding="utf-8").replace('"very", "quite"', '"very", "old"'),
                     encoding="utf-8")
    # A new process would read the pack afresh; this one has it loaded: forget it.
    import lint.engine
    import lint.ruleset

    lint.ruleset.all_rules.cache_clear()
    lint.engine._RULESETS.clear()
    found, cache = run(newsroom / "cache", newsroom)
    assert cache.hits == 0
    assert any(f[3] == "style.test.hedge" and "old" in f[4] for f in found)


def test_a_vocabulary_word_takes_effect_on_the_rerun(newsroom):
    run(newsroom / "cache", newsroom)
    (newsroom / "edlint.toml").write_text(config_text('[vocabulary]', 'accept = ["utilise"]'), encoding="utf-8")
    found, _ = run(newsroom / "cache", newsroom)
    assert not any("utilise" in f[4] for f in found)


def test_the_code_digest_follows_file_contents(tmp_path):
    import hashlib

    (tmp_path / "m.py").write_text("x = 1\n")
    digest = lambda: (_tree_digest(tmp_path, h := hashlib.blake2b()), h.hexdigest())[1]  # noqa: E731
    before = digest()
    (tmp_path / "m.py").write_text("x = 2\n")
    assert digest() != before


def test_a_planted_entry_is_never_unpickled(newsroom, tmp_path):
    """A cache directory committed to a checkout can't run code: entries are signed per user."""
    cache_dir = newsroom / "cache"
    run(cache_dir, newsroom)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    blob = zlib.compress(pickle.dumps(Evil()))
    import sqlite3

    db = sqlite3.connect(ResultCache(cache_dir).path)
    db.execute("UPDATE outcome SET value = ?", (b"\0" * 32 + blob,))
    db.commit()
    db.close()
    found, cache = run(cache_dir, newsroom)
    assert not marker.exists()
    assert cache.hits == 0 and len(found) >= 3


def test_a_damaged_cache_file_costs_a_notice_not_the_run(newsroom):
    cache_dir = newsroom / "cache"
    cache_dir.mkdir()
    ResultCache(cache_dir).path.write_bytes(b"this is not a database" * 100)
    r = edlint("check", "--cache-dir", cache_dir, "--format", "json", newsroom / "a.md")
    no_traceback(r)
    assert r.exit_code == 1
    assert json.loads(r.stdout)["diagnostics"]
    assert "damaged" in r.stderr
    r2 = edlint("check", "--cache-dir", cache_dir, "--format", "json", newsroom / "a.md")
    assert r2.exit_code == 1 and "damaged" not in r2.stderr


def test_the_cache_stays_under_its_size_limit(newsroom):
    for i in range(40):
        (newsroom / f"n{i}.txt").write_text(f"Story {i}: they utilise very old buses. " * 30, encoding="utf-8")
    run(newsroom / "cache", newsroom)
    cache = ResultCache(newsroom / "cache", max_bytes=40_000)
    cache.prune()
    entries, size = cache.stats()
    assert size <= 40_000 and 0 < entries < 43


def test_failed_files_are_not_kept(newsroom):
    (newsroom / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    run(newsroom / "cache", newsroom)
    _, cache = run(newsroom / "cache", newsroom)
    assert (cache.hits, cache.misses) == (3, 1)


def test_the_cli_output_is_the_same_with_and_without_the_cache(newsroom):
    plain = edlint("check", "--format", "json", newsroom)
    cached1 = edlint("check", "--cache-dir", newsroom / "cache", "--format", "json", newsroom)
    cached2 = edlint("check", "--cache-dir", newsroom / "cache", "--format", "json", newsroom)
    assert plain.exit_code == cached1.exit_code == cached2.exit_code == 1
    assert plain.stdout == cached1.stdout == cached2.stdout


def test_cache_info_and_clear(newsroom):
    edlint("check", "--cache-dir", newsroom / "cache", newsroom)
    info = edlint("cache", "info", "--cache-dir", newsroom / "cache")
    assert info.exit_code == 0 and "3 file results" in info.stdout
    assert edlint("cache", "clear", "--cache-dir", newsroom / "cache").exit_code == 0
    assert "0 file results" in edlint("cache", "info", "--cache-dir", newsroom / "cache").stdout


def test_concurrent_runs_share_one_cache(newsroom):
    for i in range(30):
        (newsroom / f"s{i}.txt").write_text(f"Story {i} will utilise the hall!!\n", encoding="utf-8")
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "lint", "check", "--cache-dir", str(newsroom / "cache"), "--format", "json",
           "--languagetool", "off", str(newsroom)]
    # Two serial runs and one with two worker processes, all writing at once.
    procs = [subprocess.Popen(cmd + ["-j", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              cwd=newsroom) for jobs in ("1", "2", "1")]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1], [o[1][-500:] for o in outs]
    assert outs[0][0] == outs[1][0] == outs[2][0]
    assert not any(b"cache" in o[1] for o in outs)  # no cache trouble reported
    assert ResultCache(newsroom / "cache").stats()[0] == 33


def _open_new_cache(directory, ready, outcome):
    cache = ResultCache(directory)
    ready.wait()  # every process opens the brand-new database at the same moment
    cache.get(b"k" * 32)
    outcome.put((cache.notices, cache._broken))


def test_runs_that_create_the_cache_at_the_same_moment_all_use_it(tmp_path):
    """The switch to WAL mode answers "busy" at once to all but one of them: that is waited out,
    never taken for a damaged file (which would move another run's database aside)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    for round_ in range(15):
        directory = tmp_path / f"cache{round_}"
        ready, outcome = ctx.Barrier(4), ctx.Queue()
        procs = [ctx.Process(target=_open_new_cache, args=(directory, ready, outcome)) for _ in range(4)]
        for p in procs:
            p.start()
        results = [outcome.get(timeout=60) for _ in procs]
        for p in procs:
            p.join()
        assert results == [([], False)] * 4, results
        assert not list(directory.glob("*damaged*"))


def test_a_cache_locked_past_the_timeout_is_left_alone(newsroom, monkeypatch):
    import sqlite3

    path = ResultCache(newsroom / "cache").path
    path.parent.mkdir(parents=True)
    holder = sqlite3.connect(path, isolation_level=None)  # another program's rollback-journal database
    holder.execute("CREATE TABLE theirs (x)")
    holder.execute("BEGIN EXCLUSIVE")  # writing for longer than we wait: not even the mode can be read
    try:
        monkeypatch.setattr(lint.cache, "BUSY_SECONDS", 0.2)
        _close_open_caches()
        r = edlint("check", "--cache-dir", newsroom / "cache", "--format", "json", newsroom)
        no_traceback(r)
        assert r.exit_code == 1 and json.loads(r.stdout)["diagnostics"]  # checked, without the cache
        assert "is not usable (database is locked)" in r.stderr and "damaged" not in r.stderr
        assert path.exists() and not list(path.parent.glob("*damaged*"))  # theirs: not moved aside
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    run(newsroom / "cache", newsroom)
    _, cache = run(newsroom / "cache", newsroom)
    assert cache.hits == 3


def _table_rows(cache_dir, table: str) -> int:
    import sqlite3

    db = sqlite3.connect(ResultCache(cache_dir).path)
    try:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        db.close()


def test_an_unchanged_file_is_not_read_again(newsroom, monkeypatch):
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    first, _ = run(newsroom / "cache", newsroom)
    read = []
    real_key = ResultCache.key
    monkeypatch.setattr(ResultCache, "key", lambda self, job: read.append(job.path) or real_key(self, job))
    monkeypatch.setattr(lint.engine, "_check_file", lambda job: pytest.fail(f"{job.path} checked again"))
    second, cache = run(newsroom / "cache", newsroom)
    assert read == [] and cache.hits == 3
    assert second == first


def test_a_same_size_edit_that_keeps_the_mtime_is_seen(newsroom, monkeypatch):
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    run(newsroom / "cache", newsroom)
    b = newsroom / "b.txt"
    before = b.stat()
    b.write_text("Wow! The council will utilise the hall!!\n", encoding="utf-8")
    assert b.stat().st_size == before.st_size
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))  # the ctime still moves
    found, cache = run(newsroom / "cache", newsroom)
    assert (cache.hits, cache.misses) == (2, 1)
    bangs = [f[2] for f in found if f[0].endswith("b.txt") and f[3] == "typography.test.bang"]
    assert bangs == [39]


def test_a_file_changed_just_now_is_read_again_next_time(newsroom, monkeypatch):
    """A write in the same clock tick as the read would leave the stat as it was: no stat kept."""
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 3600)
    run(newsroom / "cache", newsroom)
    assert _table_rows(newsroom / "cache", "stat") == 0
    _, cache = run(newsroom / "cache", newsroom)
    assert cache.hits == 3  # by their bytes
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    run(newsroom / "cache", newsroom)
    assert _table_rows(newsroom / "cache", "stat") == 3


def test_a_new_edlint_invalidates_every_file(newsroom, monkeypatch):
    first, _ = run(newsroom / "cache", newsroom)
    monkeypatch.setattr(lint.cache, "_CODE_DIGEST", b"another edlint" * 2)
    found, cache = run(newsroom / "cache", newsroom)
    assert cache.hits == 0 and found == first


def test_the_stat_entries_go_with_their_results(newsroom, monkeypatch):
    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    for i in range(40):
        (newsroom / f"n{i}.txt").write_text(f"Story {i}: they utilise very old buses. " * 30, encoding="utf-8")
    run(newsroom / "cache", newsroom)
    assert _table_rows(newsroom / "cache", "stat") == 43
    cache = ResultCache(newsroom / "cache", max_bytes=40_000)
    cache.prune()
    entries, size = cache.stats()
    assert size <= 40_000 and 0 < _table_rows(newsroom / "cache", "stat") <= entries < 43


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rerun_with_some_files_changed_writes_every_report_as_without_the_cache(tmp_path, home, monkeypatch,
                                                                                  workers):
    """All rules, a corpus rule's late findings, a bad file, a JSON Lines export; the files
    the cache has go by in their place among those checked again, in one process or a pool."""
    from .test_streaming import _article, _reports, _run

    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    root = tmp_path / "news"
    root.mkdir()
    for n in range(12):
        (root / f"story-{n:02d}.md").write_text(_article(n), encoding="utf-8")
    (root / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    (root / "export.jsonl").write_text("\n".join(json.dumps({"id": n, "body": _article(n)}) for n in range(3)) + "\n",
                                       encoding="utf-8")

    def cached():
        _close_open_caches()
        result = _run([root], spill=True, jobs=workers, cache=str(tmp_path / "cache"))
        try:
            return _reports(result), lint.cache.cache_for(str(tmp_path / "cache")).hits
        finally:
            result.close()

    expected = _reports(_run([root]))
    assert "boilerplate.repeated" in expected["json"]
    assert cached() == (expected, 0)
    for n in (0, 5, 6, 11):
        (root / f"story-{n:02d}.md").write_text(_article(n + 100), encoding="utf-8")
    expected = _reports(_run([root]))
    assert cached() == (expected, 10)  # all but the four stories changed


def test_the_parts_of_a_large_export_are_kept_too(tmp_path, home, monkeypatch):
    from lint.readers import jsondocs

    from .test_streaming import _records, _reports, _run

    monkeypatch.setattr(jsondocs, "PART_BYTES", 300)
    path = tmp_path / "feed.jsonl"
    lines = _records(20)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = _reports(_run([path]))

    def cached():
        _close_open_caches()
        result = _run([path], spill=True, cache=str(tmp_path / "cache"))
        try:
            cache = lint.cache.cache_for(str(tmp_path / "cache"))
            return _reports(result), (cache.hits, cache.misses)
        finally:
            result.close()

    first, (hits, parts) = cached()
    assert first == expected and hits == 0 and parts > 3
    assert cached() == (expected, (parts, 0))
    # Records added at the end: the parts before them are kept (a part's key holds where it
    # starts, so an edit in the middle invalidates the parts after it).
    lines += _records(22)[20:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, (hits, misses) = cached()
    assert report == _reports(_run([path]))
    assert misses >= 1 and hits >= parts - 1


def test_late_findings_are_kept_and_follow_the_other_files(tmp_path, home, monkeypatch):
    """A corpus rule's late findings in an unchanged file: kept with it while the rule finds
    the same, found afresh when other files change what it finds (a count, or nothing)."""
    from lint import gather

    from .test_streaming import _article, _reports, _run

    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    root = tmp_path / "news"
    root.mkdir()
    for n in range(8):
        (root / f"story-{n}.md").write_text(_article(n), encoding="utf-8")

    def cached():
        _close_open_caches()
        result = _run([root], spill=True, cache=str(tmp_path / "cache"))
        try:
            return _reports(result)
        finally:
            result.close()

    expected = _reports(_run([root]))
    assert "recurs in 8 of the 8" in expected["json"]
    assert cached() == expected
    with monkeypatch.context() as m:
        m.setattr(gather.Gatherer, "_late_finalize", lambda *a: pytest.fail("finalized again"))
        assert cached() == expected
    (root / "story-8.md").write_text(_article(8), encoding="utf-8")  # every count changes: 9 of 9
    expected = _reports(_run([root]))
    assert "recurs in 9 of the 9" in expected["json"] and "recurs in 8 of the 8" not in expected["json"]
    assert cached() == expected
    towns = ["Dover", "Leith", "Hull", "Poole", "Whitby", "Oban", "Tenby"]
    for n in range(1, 8):  # the headline recurs in two articles only: no more template text
        text = _article(n).replace(f"Council votes on the harbour plan {n}", f"Harbour news from {towns[n - 1]}")
        (root / f"story-{n}.md").write_text(text, encoding="utf-8")
    expected = _reports(_run([root]))
    assert '"rule": "boilerplate.repeated"' not in expected["json"]
    assert cached() == expected


def test_an_older_formats_database_is_removed_once_unused_while_a_recent_one_is_kept(newsroom):
    cache_dir = newsroom / "cache"
    cache_dir.mkdir()
    week_ago = lint.cache.OTHER_FORMAT_UNUSED_FOR + 3600
    old = [cache_dir / f"results-0.sqlite{end}" for end in ("", "-wal", "-shm")]
    for f in old:  # an upgrade long ago: nothing has written these since
        f.write_bytes(b"x" * 1000)
        os.utime(f, (f.stat().st_atime - week_ago, f.stat().st_mtime - week_ago))
    in_use = cache_dir / "results-1.sqlite"  # another install, still writing its own format
    in_use.write_bytes(b"y" * 1000)
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("kept")
    os.utime(unrelated, (0, 0))
    run(cache_dir, newsroom / "a.md")
    assert not any(f.exists() for f in old)
    assert in_use.exists() and unrelated.exists()
    assert (cache_dir / f"results-{lint.cache.FORMAT}.sqlite").exists()


def _spilled_archive(tmp_path, monkeypatch, stories: int = 6):
    """Stories whose template line is a corpus rule's late finding in each, run as the CLI runs
    (findings kept on disk) through the cache in tmp_path / "cache"."""
    from .test_streaming import _article

    monkeypatch.setattr(lint.cache, "RACY_SECONDS", 0)
    root = tmp_path / "news"
    root.mkdir()
    for n in range(stories):
        (root / f"story-{n}.md").write_text(_article(n), encoding="utf-8")
    return root


def _cached_reports(root, cache_dir, **kw):
    from .test_streaming import _reports, _run

    _close_open_caches()
    result = _run([root], spill=True, cache=str(cache_dir), **kw)
    try:
        return _reports(result)
    finally:
        result.close()


def test_a_rerun_writes_the_json_report_from_the_stored_text(tmp_path, home, monkeypatch):
    """The report's text of each file's findings and documents is kept with its entry: a
    rerun writes it without rendering one finding or document, byte for byte as a run
    without the cache writes the report."""
    from lint.reports import json as json_report

    from .test_streaming import _reports, _run

    root = _spilled_archive(tmp_path, monkeypatch)
    expected = _reports(_run([root]))
    assert '"rule": "boilerplate.repeated"' in expected["json"] and '"metrics": {' in expected["json"]
    assert _cached_reports(root, tmp_path / "cache") == expected
    assert _table_rows(tmp_path / "cache", "fragment") == 12  # each story's findings and documents
    rendered = []
    real = json_report.encode
    with monkeypatch.context() as m:
        m.setattr(json_report, "encode", lambda data, *a: rendered.append(data) or real(data, *a))
        assert _cached_reports(root, tmp_path / "cache") == expected
    assert not [d for d in rendered if isinstance(d, dict) and ("rule" in d or "metrics" in d)]
    # What the summary and the exit code read, from the stored counts.
    for fail_on in ("warning", "error"):
        (root / "edlint.toml").write_text(f'fail-on = "{fail_on}"\n', encoding="utf-8")
        _cached_reports(root, tmp_path / "cache")  # a new config: stored again
        _close_open_caches()
        rerun, cold = _run([root], spill=True, cache=str(tmp_path / "cache")), _run([root])
        try:
            assert (rerun.counts(), rerun.fails_own_config) == (cold.counts(), cold.fails_own_config)
            assert rerun.counts()["warning"] > 0 and cold.fails_own_config == (fail_on == "warning")
            assert rerun.findings.first_by_rule is None  # not read: the SARIF report finds them itself
        finally:
            rerun.close()


def test_a_stored_text_follows_its_file_and_the_corpus_rules(tmp_path, home, monkeypatch):
    """An edited file's text is rendered again; so is every file's findings' text when a
    corpus rule's late findings in it change (a count), while their documents' text is kept."""
    from lint.reports import json as json_report

    from .test_streaming import _article, _reports, _run

    root = _spilled_archive(tmp_path, monkeypatch)
    _cached_reports(root, tmp_path / "cache")
    (root / "story-0.md").write_text(_article(0) + "\nThe the harbour opens in May.\n", encoding="utf-8")
    expected = _reports(_run([root]))
    assert _cached_reports(root, tmp_path / "cache") == expected
    (root / "story-6.md").write_text(_article(6), encoding="utf-8")  # the template now recurs in 7 of 7
    expected = _reports(_run([root]))
    assert "recurs in 7 of the 7" in expected["json"]
    rendered = []
    real = json_report.encode
    with monkeypatch.context() as m:
        m.setattr(json_report, "encode", lambda data, *a: rendered.append(data) or real(data, *a))
        assert _cached_reports(root, tmp_path / "cache") == expected
    documents = [d for d in rendered if isinstance(d, dict) and "metrics" in d]
    assert [d["path"] for d in documents] == [str(root / "story-6.md")]  # the new story's alone
    assert len({d["path"] for d in rendered if isinstance(d, dict) and "rule" in d}) == 7


def test_a_stored_text_not_signed_by_this_user_is_not_written(tmp_path, home, monkeypatch):
    import sqlite3

    from .test_streaming import _reports, _run

    root = _spilled_archive(tmp_path, monkeypatch)
    expected = _reports(_run([root]))
    _cached_reports(root, tmp_path / "cache")
    db = sqlite3.connect(ResultCache(tmp_path / "cache").path)
    planted = json.dumps({"rule": "planted.finding"}).encode()
    db.execute("UPDATE fragment SET text = ?", (bytes(32) + planted,))
    db.commit()
    assert _cached_reports(root, tmp_path / "cache") == expected
    db.execute("UPDATE fragment SET text = 'planted'")  # not even bytes
    db.commit()
    db.close()
    assert _cached_reports(root, tmp_path / "cache") == expected


def test_a_baseline_run_renders_the_findings_it_keeps(tmp_path, home, monkeypatch):
    """With a baseline, a path's findings are not its entry's alone: their stored text is not used."""
    from lint.baseline import write_baseline

    from .test_streaming import _reports, _run

    root = _spilled_archive(tmp_path, monkeypatch)
    _cached_reports(root, tmp_path / "cache")
    cold = _run([root])
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), [d for d in cold.findings if d.path.endswith(("story-1.md", "story-4.md"))])
    expected = _reports(_run([root], baseline=str(baseline)))
    assert expected["json"] != _reports(cold)["json"]
    assert _cached_reports(root, tmp_path / "cache", baseline=str(baseline)) == expected
    assert _cached_reports(root, tmp_path / "cache") == _reports(_run([root]))


def test_the_stored_texts_go_with_their_entries(tmp_path, home, monkeypatch):
    root = _spilled_archive(tmp_path, monkeypatch, stories=30)
    _cached_reports(root, tmp_path / "cache")
    assert _table_rows(tmp_path / "cache", "fragment") == 60
    entries, size = ResultCache(tmp_path / "cache").stats()
    limit = size // 2  # the texts count towards the limit
    cache = ResultCache(tmp_path / "cache", max_bytes=limit)
    cache.prune()
    kept, size = cache.stats()
    assert size <= limit and 0 < kept < entries
    assert 0 < _table_rows(tmp_path / "cache", "fragment") <= 2 * kept
