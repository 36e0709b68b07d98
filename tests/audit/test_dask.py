"""`--engine dask`: the local engine's numbers, on a cluster that can lose a worker."""
from __future__ import annotations

import functools
import json
import pickle

import pytest

distributed = pytest.importorskip("distributed", reason="Dask is in the test extras: pip install -e '.[test]'")

from lint.audit.run import plan, run_local  # noqa: E402
from lint.config import ConfigResolver  # noqa: E402

from . import dask_tasks  # noqa: E402
from .conftest import run_audit  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def _numbers(data):
    data = dict(data)
    data.pop("run")
    return json.dumps(data, sort_keys=True)


def test_dask_engine_gives_the_numbers_of_the_local_engine(tmp_path, archive):
    # The command starts its own LocalCluster of two workers here.
    code_l, local, _, _ = run_audit(tmp_path, archive, "--batch-size", "2", name="local")
    code_d, on_dask, html, err = run_audit(tmp_path, archive, "--batch-size", "2", "--engine", "dask",
                                           "--workers", "2", name="dask")
    assert on_dask is not None, err
    assert code_d == code_l == 1
    assert on_dask["run"]["engine"] == "dask"
    assert on_dask["totals"]["documents"] == 8
    assert _numbers(on_dask) == _numbers(local)
    # progress, one line per partition: 5 files in 3 batches, the 3-record feed in 2 parts
    assert "batch 5/5, 8 articles" in err
    assert "Traceback" not in err


def test_a_worker_lost_mid_run_is_retried_and_nothing_counted_twice(tmp_path, archive, cluster):
    from lint.audit.dask_engine import run_dask

    resolver = ConfigResolver(None, {"languagetool": "off"})
    p = plan([str(archive)], resolver, batch_size=2)
    marker = tmp_path / "killed"
    task = functools.partial(dask_tasks.die_once, str(marker))
    on_dask, _ = run_dask(p, resolver, scheduler=cluster.scheduler_address, task=task)
    assert marker.exists()  # a worker really died running a batch
    local, _ = run_local(p, resolver)
    assert on_dask.documents == local.documents == 8
    assert json.dumps(on_dask.summary(), sort_keys=True) == json.dumps(local.summary(), sort_keys=True)


def test_rules_and_lexicons_load_once_per_worker(archive, cluster):
    resolver = ConfigResolver(None, {"languagetool": "off"})
    p = plan([str(archive)], resolver, batch_size=1)
    with distributed.Client(cluster) as client:
        seen = client.gather([client.submit(dask_tasks.which_rules, files, resolver, pure=False)
                              for files in p.batches])
    by_worker: dict[int, set] = {}
    for pid, ruleset in seen:
        by_worker.setdefault(pid, set()).add(ruleset)
    assert len(seen) == 8 and all(  # 5 files, and the feed in 3 parts of 1 record
        len(ids) == 1 for ids in by_worker.values())


def test_the_python_api_pickles_and_runs_on_a_worker(cluster):
    import lint

    text = "The the council met on Tuesday and recieved the report."
    assert pickle.loads(pickle.dumps(lint.check_text)) is lint.check_text
    with distributed.Client(cluster) as client:
        remote = client.submit(lint.check_text, text, "story.txt").result()
    local = lint.check_text(text, "story.txt")
    assert [(d.line, d.column, d.rule) for d in remote] == [(d.line, d.column, d.rule) for d in local]
    assert {d.rule for d in local} >= {"typography.repeated-word", "spelling.misspelling"}


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, archive):
    code, data, _, err = run_audit(tmp_path, archive, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and data is None
    assert "Dask scheduler tcp://127.0.0.1:9: cannot connect" in err
    assert "Traceback" not in err


def test_exports_in_parts_give_the_same_numbers_on_dask(tmp_path, archive, cluster):
    from lint.audit.dask_engine import run_dask
    from lint.audit.parts import Part

    from .test_parts import records, write_jsonl, write_parquet

    rows = records(7)
    write_jsonl(archive / "big.jsonl", rows, blank_after={3})
    table = write_parquet(tmp_path / "big.parquet", rows, row_group_size=2)
    resolver = ConfigResolver(None, {"languagetool": "off"})
    p = plan([str(archive), str(table)], resolver, batch_size=3)
    parts = [b[0] for b in p.batches if isinstance(b[0], Part)]
    assert sorted({(x.kind, x.path) for x in parts}) == [("jsonl", str(archive / "big.jsonl")),
                                                         ("parquet", str(table))]
    on_dask, _ = run_dask(p, resolver, scheduler=cluster.scheduler_address)
    local, _ = run_local(p, resolver)
    assert on_dask.documents == local.documents == 8 + 7 + 7
    assert json.dumps(on_dask.summary(), sort_keys=True) == json.dumps(local.summary(), sort_keys=True)


def test_the_local_cluster_runs_its_workers_without_the_profiler(tmp_path, archive):
    from lint.audit.dask_engine import run_dask

    resolver = ConfigResolver(None, {"languagetool": "off"})
    p = plan([str(archive)], resolver, batch_size=100)
    marker = tmp_path / "housekeeping.json"
    tally, _ = run_dask(p, resolver, workers=1, task=functools.partial(dask_tasks.report_housekeeping, str(marker)))
    assert tally.documents == 8
    seen = json.loads(marker.read_text())
    assert seen == {"profile": False, "samples": 0}
