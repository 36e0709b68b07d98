"""Files checked one by one or in a pool of worker processes, and what comes back.

A worker checks a file and finalizes its findings itself (positions, severities,
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
from dataclasses import dataclass, field, replace

from .finding import Finding


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
    # In a spilling run, these three are (file, offset, length) where the worker wrote them.
    findings: list[Finding] = field(default_factory=list)  # finalized
    documents: list = field(default_factory=list)  # DocumentResults
    collected: dict[str, tuple[int, object]] = field(default_factory=dict)  # rule -> (count, items)
    finalize_error: tuple[str, str] | None = None  # (message, traceback)
    pack: object = None  # bytes, or (pack file, offset, length) in the spill directory
    worker: int = 0  # the process that checked it


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


def _keep(obj):
    """In a spilling run, `obj` pickled into this process's file, and its place; else `obj`."""
    if _PACK_DIR is None:
        return obj
    return _save_pack(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def load_pack(pack, directory: str | None):
    """(source, raw findings, [(record, directives)], part) of a file."""
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


def expand(jobs):
    """The jobs, with each large JSON Lines export read from disk as parts of whole records
    (lint.readers.jsondocs.split_export), so its records spread over the workers and only
    a part is in memory at a time. Yields lazily."""
    from .readers.jsondocs import LINE_FORMATS, PART_BYTES, split_export

    for job in jobs:
        parts = None
        if job.text is None and job.format in (None, "json") and job.path.lower().endswith(LINE_FORMATS):
            from .readers import DEFAULT_MAX_FILE_SIZE

            limit = int(job.config.reader_options().get("max-file-size", DEFAULT_MAX_FILE_SIZE))
            try:
                # Over the size limit too: the limit applies to each record of an export.
                big = os.path.getsize(job.path) > min(PART_BYTES, limit)
            except OSError:
                big = False  # the whole-file read reports it
            if big:
                parts = split_export(job.path, limit)
        if parts is None:
            yield job
            continue
        for k, (text, chars, lines, records, too_large) in enumerate(parts):
            yield replace(job, text=text, format="json", part=(k, chars, lines, records), skip=too_large)


def _shift(found: list[Finding], chars: int, lines: int) -> None:
    """Positions in a part of an export -> positions in the export."""
    from .finding import Fix, TextEdit

    for d in found:
        d.start += chars
        d.end += chars
        if d.line:
            d.line += lines
        if d.end_line:
            d.end_line += lines
        if d.fix is not None:
            d.fix = Fix(tuple(TextEdit(e.start + chars, e.end + chars, e.replacement) for e in d.fix.edits),
                        d.fix.safe, d.fix.description)


def check_one(job) -> Checked:
    """Check and finalize one file (in a worker or in the parent)."""
    from .engine import _check_file

    if job.skip is not None:  # a record too large to read: the rest of the export is checked
        return Checked(job.path, partial_errors=[job.skip])
    o = _check_file(job)
    c = Checked(o.path, o.error, o.traceback, o.warnings, o.partial_errors, o.rule_warnings, len(o.docs),
                worker=os.getpid())
    if o.error:
        return c
    if o.collected:
        # Before finalizing, which fills in the findings: a late finalize starts from these.
        c.collected = {rid: (len(items), _keep(items)) for rid, items in o.collected.items()}
        raw = (o.source, o.findings, [(info.record, info.directives) for info in o.docs], job.part)
        c.pack = _save_pack(pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL))
    try:
        c.findings = finalize(o, o.findings)
        if job.part is not None:
            _shift(c.findings, job.part[1], job.part[2])
    except Exception as e:
        import traceback

        from .errors import internal_error

        c.finalize_error = (internal_error(e), traceback.format_exc())
    else:
        # Written here, in a spilling run: the parent only notes where (it does not unpickle them).
        c.findings = _keep(c.findings) if c.findings else []
        if o.docs:
            from .result import DocumentResult

            c.documents = _keep([DocumentResult(o.path, info.record, info.metrics) for info in o.docs])
    return c


def _worker_init(pack_directory: str | None) -> None:
    import signal

    # A forked worker inherits the CLI's SIGTERM handler: it should just die when stopped.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_pack_directory(pack_directory)


def check_all(jobs, workers: int, pack_directory: str | None = None, tick=None, expected: int = 0):
    """Yield (job, Checked) for each job of `expand(jobs)`, in order, as it finishes."""
    from itertools import chain, islice

    set_pack_directory(pack_directory)
    items = expand(jobs)
    head = list(islice(items, 3))
    if not head:
        return
    # The first file is checked here, so what loads lazily is loaded once, before any fork.
    yield head[0], check_one(head[0])
    done = 1
    if tick is not None:
        tick(done)
    rest = chain(head[1:], items)
    if workers <= 1 or len(head) < 3:
        pairs = ((job, check_one(job)) for job in rest)
    else:
        pairs = _check_in_pool(rest, workers, pack_directory, _batch_size(expected - 1, workers))
    for pair in pairs:
        yield pair
        done += 1
        if tick is not None:
            tick(done)


def _batch_size(n: int, workers: int) -> int:
    # Big enough that a task's round trip is small beside its work, small enough that
    # the workers finish together.
    return max(1, min(32, n // (workers * 8)))


def check_batch(batch: list) -> list[Checked]:
    return [check_one(job) for job in batch]


def _batches(items, size: int):
    batch, chars = [], 0
    for job in items:
        batch.append(job)
        chars += len(job.text or "")
        if len(batch) >= size or chars >= (1 << 20):  # a part of an export is a batch's worth
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _check_in_pool(items, workers: int, pack_directory, batch_size: int):
    import gc
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    gc.freeze()  # what is loaded now is shared with the forked workers, not copied by their gc
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(pack_directory,))
    try:
        # A few batches ahead per worker: the workers never wait, and the parent holds only
        # those batches, however long the run (pool.map would submit every file at once).
        pending = deque()
        for batch in _batches(items, batch_size):
            pending.append((batch, pool.submit(check_batch, batch)))
            if len(pending) >= workers * 3:
                batch, future = pending.popleft()
                yield from zip(batch, future.result())
        while pending:
            batch, future = pending.popleft()
            yield from zip(batch, future.result())
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
