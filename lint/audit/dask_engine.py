"""`edlint audit --engine dask`: the same batches as tasks on a Dask cluster.

Map: each batch (a partition of the archive's files) is one task that runs the
ordinary engine and returns its small Tally. A worker keeps its compiled rules
and lexicons between tasks (lint.engine's per-process rule-set cache), so they
load once per worker, not once per task. Reduce: the client merges the tallies
as they arrive; each partition is merged once, by its number, so a task that
Dask re-ran after losing a worker is never counted twice.

`--scheduler ADDRESS` uses a running cluster, whose workers must have edlint
installed; otherwise a LocalCluster of `workers` processes is started.
"""
from __future__ import annotations

import logging
import uuid

from ..errors import EdlintError
from .aggregate import Tally
from .run import Plan, audit_batch


def run_dask(p: Plan, resolver, *, scheduler: str | None = None, workers: int = 2, progress=None,
             task=audit_batch) -> tuple[Tally, list[tuple[str, str]]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EdlintError("--engine dask needs Dask: pip install 'edlint[dask]'") from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as e:
            raise EdlintError(f"Dask scheduler {scheduler}: cannot connect ({e})") from None
    else:
        import dask

        # One thread per worker: the check is pure Python, threads would share one GIL.
        # No statistical profiler: it samples the worker's stack every 10 ms, a tenth of
        # the CPU of a pure-Python task, and keeps an hour of samples in the worker.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
        client = Client(cluster)
    try:
        return _map_reduce(client, p, resolver, progress, task)
    finally:
        # Shutting workers down logs dropped connections with tracebacks: not the user's concern.
        quiet = logging.getLogger("distributed")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        finally:
            quiet.setLevel(level)


def _map_reduce(client, p: Plan, resolver, progress, task):
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    total = Tally()
    total.add_errors(p.errors)
    notices: list[tuple[str, str]] = []
    if not p.batches:
        return total, notices
    run = uuid.uuid4().hex[:8]
    # The resolver (configs) is sent once and shared by every task.
    shared = client.scatter(resolver, broadcast=True)
    futures = {client.submit(task, files, shared, key=f"edlint-audit-{run}-{i}", pure=False): i
               for i, files in enumerate(p.batches)}
    merged: set[int] = set()
    for future in as_completed(futures):
        i = futures[future]
        if i in merged:
            continue
        try:
            tally, found = future.result()
        except KilledWorker:
            raise EdlintError(f"batch {i + 1} ({p.batches[i][0]} ...) killed every worker that tried it; "
                              "nothing written") from None
        merged.add(i)
        total.merge(tally)
        notices += [n for n in found if n not in notices]
        future.release()
        if progress:
            progress(len(merged), len(p.batches), total.documents)
    return total, notices
