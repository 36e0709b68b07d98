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


# The local cluster's housekeeping, tuned for tasks of seconds on a busy machine:
LOCAL_CLUSTER_CONFIG = {
    # The statistical profiler samples each worker's stack every 10 ms: 9% of a worker's
    # CPU on this check, and an hour of samples kept in the worker.
    "distributed.worker.profile.enabled": False,
    # Event-loop ticks (20 ms), system monitors (0.5 s), the nanny's memory poll (0.1 s) and
    # work stealing (0.1 s): half of an idle cluster's CPU, which a long audit pays throughout.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing-interval": "1s",
}


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
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
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
    # Each task carries the resolver itself (a few hundred bytes pickled) rather than a
    # scattered copy: scattered data lives only on workers, so losing the worker that held it
    # cancels every task that needs it, while a self-contained task is simply run again.
    futures = {client.submit(task, files, resolver, key=f"edlint-audit-{run}-{i}", pure=False): i
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
