"""Files checked one by one or in a pool of worker processes, and what comes back.

A worker checks a file and finalizes its findings itself (positions, levels,
suppression, vocabulary: `Engine._finalize`), so what travels back is small: the
findings and the documents' figures, never the source text. A file that corpus rules
collected from also leaves a *pack* (its source, raw findings and directives), for the
few files a corpus rule's late finding lands in: kept as bytes in memory, or written by
the worker to its own file in the run's spill directory.

The pool is forked after the parent has checked the first file, so the lexicons and
compiled patterns loaded lazily are loaded once and shared; `gc.freeze()` keeps the
children from copying those pages when the collector walks them.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field

from .diagnostic import Diagnostic


@dataclass
class Checked:
    """One file's result, as sent back by a worker."""
    path: str
    error: str | None = None
    traceback: str = ""
    warnings: list[str] = field(default_factory=list)
    partial_errors: list[str] = field(default_factory=list)
    rule_warnings: list[str] = field(default_factory=list)
    docs: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)  # finalized
    documents: list[tuple[int | None, dict]] = field(default_factory=list)  # (record, metrics)
    finalize_error: tuple[str, str] | None = None  # (message, traceback)
    collected: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    pack: object = None  # bytes, or (pack file, offset, length) in the spill directory


_PACK_DIR: str | None = None  # set in each process of a spilling run
_pack_file = None
_pack_pid = 0


def set_pack_directory(directory: str | None) -> None:
    global _PACK_DIR, _pack_file
    _PACK_DIR = directory
    if _pack_file is not None:
        _pack_file.close()
        _pack_file = None


def _save_pack(data: bytes):
    global _pack_file, _pack_pid
    if _PACK_DIR is None:
        return data
    if _pack_file is None or _pack_pid != os.getpid():  # a forked worker opens its own
        _pack_pid = os.getpid()
        _pack_file = open(os.path.join(_PACK_DIR, f"pack-{_pack_pid}"), "ab")
    offset = _pack_file.tell()
    _pack_file.write(data)
    _pack_file.flush()  # the parent reads it once the file is reported done
    return (os.path.basename(_pack_file.name), offset, len(data))


def load_pack(pack, directory: str | None):
    """(source, raw findings, [(record, directives)]) of a file."""
    if isinstance(pack, bytes):
        return pickle.loads(pack)
    name, offset, length = pack
    with open(os.path.join(directory, name), "rb") as f:
        f.seek(offset)
        return pickle.loads(f.read(length))


def finalize(outcome, found):
    from .engine import Engine

    # _finalize reads nothing of the engine itself: a bare instance does in any process.
    return Engine._finalize(Engine.__new__(Engine), outcome, found, None)


def check_one(job) -> Checked:
    """Check and finalize one file (in a worker or in the parent)."""
    from .engine import _check_file

    o = _check_file(job)
    c = Checked(o.path, o.error, o.traceback, o.warnings, o.partial_errors, o.rule_warnings, len(o.docs))
    if o.error:
        return c
    if o.collected:
        # Before finalizing, which fills in the findings: a late finalize starts from these.
        c.collected = o.collected
        raw = (o.source, o.diagnostics, [(info.record, info.directives) for info in o.docs])
        c.pack = _save_pack(pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL))
    try:
        c.diagnostics = finalize(o, o.diagnostics)
    except Exception as e:
        import traceback

        from .errors import internal_error

        c.finalize_error = (internal_error(e), traceback.format_exc())
    else:
        c.documents = [(info.record, info.metrics) for info in o.docs]
    return c


def _worker_init(pack_directory: str | None) -> None:
    import signal

    # A forked worker inherits the CLI's SIGTERM handler: it should just die when stopped.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_pack_directory(pack_directory)


def check_all(jobs: list, workers: int, pack_directory: str | None = None, tick=None):
    """Yield each job's Checked, in the order of `jobs`, as it finishes."""
    set_pack_directory(pack_directory)
    if workers <= 1 or len(jobs) <= 2:
        for done, job in enumerate(jobs, 1):
            yield check_one(job)
            if tick is not None:
                tick(done)
        return
    # The first file is checked here, so what loads lazily is loaded once, before the fork.
    yield check_one(jobs[0])
    if tick is not None:
        tick(1)
    yield from _check_in_pool(jobs[1:], workers, pack_directory,
                              None if tick is None else (lambda done: tick(done + 1)))


def _chunksize(n: int, workers: int) -> int:
    # Big enough that a task's round trip is small beside its work, small enough that
    # the workers finish together.
    return max(1, min(64, n // (workers * 8)))


def _check_in_pool(jobs: list, workers: int, pack_directory, tick=None):
    import gc
    from concurrent.futures import ProcessPoolExecutor

    gc.freeze()  # what is loaded now is shared with the forked workers, not copied by their gc
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(pack_directory,))
    try:
        done = 0
        for checked in pool.map(check_one, jobs, chunksize=_chunksize(len(jobs), workers)):
            done += 1
            yield checked
            if tick is not None:
                tick(done)
    except BaseException as e:
        # Interrupted (SIGTERM, Ctrl-C) or a worker died: leaving the `with` block would wait
        # for every queued file, and a killed parent would leave the workers running. Stop them.
        processes = list(getattr(pool, "_processes", {}).values())
        for p in processes:
            p.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.join(5)
        if isinstance(e, SystemExit):
            # Stopped by a signal (SIGTERM): the workers are gone; exit now rather than let
            # concurrent.futures' exit hook wait on the broken pool's threads, which on a busy
            # machine could hang the exit.
            import sys

            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(e.code if isinstance(e.code, int) else 1)
        raise
    finally:
        gc.unfreeze()
    pool.shutdown()
