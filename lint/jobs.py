"""Files checked one by one or in a pool of worker processes, and what comes back.

A worker checks a file and finalizes its findings itself (positions, severities,
suppression, vocabulary: `Engine._finalize`), so what travels back is small: the
findings and the documents' figures, never the source text. A file that corpus rules
collected from also leaves a *pack* (its source, raw findings and directives), for the
few files a corpus rule's late finding lands in: kept as bytes in memory, or written by
the worker to its own file in the run's spill directory.

The pool is forked after the parent has checked the first file, so the lexicons and
compiled patterns loaded lazily are loaded once and shared; the tables a long run builds
piecemeal are built whole just before the fork (`lint.prefork`); `gc.freeze()` keeps the
children from copying those pages when the collector walks them. Checked one by one, a run
builds them whole after its first WHOLE_TABLES_AFTER files: from there on, building them
piecemeal costs more than building them whole (bench/cold_start.py's instruction counts:
even at 30 files).
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
    cache_key: bytes | None = None  # its key in the result cache (`--cache`), for its late findings


_PACK_DIR: str | None = None  # set in each process of a spilling run
_pack_file = None
_pack_pid = 0
WHOLE_TABLES_AFTER = 16  # files checked one by one (not taken from the cache) before that
_files_checked = 0  # by this process, in every run (a file the cache answered is not counted)
_RUN_PID = 0  # the process running check_all: its pack file is flushed once its files are all in


def _flush_own_pack() -> None:
    if _pack_file is not None and _pack_pid == os.getpid():
        _pack_file.flush()


def set_pack_directory(directory: str | None) -> None:
    global _PACK_DIR, _pack_file
    close_pack_readers()  # a new run: the last one's files are gone
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
    if _pack_pid != _RUN_PID:
        _pack_file.flush()  # a worker's: the parent reads it once the file is reported done
    return (os.path.basename(_pack_file.name), offset, len(data))


def _keep(obj):
    """In a spilling run, `obj` pickled into this process's file, and its place; else `obj`."""
    if _PACK_DIR is None:
        return obj
    return _save_pack(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


_pack_readers: dict[str, int] = {}  # pack file -> descriptor, for the late finalizes of one run


def load_pack(pack, directory: str | None):
    """(source, raw findings, [(record, directives)], part) of a file."""
    if isinstance(pack, bytes):
        return pickle.loads(pack)
    name, offset, length = pack
    path = os.path.join(directory, name)
    fd = _pack_readers.get(path)
    if fd is None:  # one open per pack file, not per file a late finding lands in
        fd = _pack_readers[path] = os.open(path, os.O_RDONLY)
    return pickle.loads(os.pread(fd, length, offset))


def close_pack_readers() -> None:
    while _pack_readers:
        os.close(_pack_readers.popitem()[1])


def finalize(outcome, found):
    from .engine import Engine

    # _finalize reads nothing of the engine itself: a bare instance does in any process.
    return Engine._finalize(Engine.__new__(Engine), outcome, found, None)


def expand(jobs):
    """The jobs, with each large JSON Lines export read from disk as parts of whole records
    (lint.readers.jsondocs.split_export), so its records spread over the workers and only
    a part is in memory at a time. Yields lazily."""
    from .readers import DEFAULT_MAX_FILE_SIZE, LINE_FORMATS

    for job in jobs:
        parts = None
        if job.text is None and job.format in (None, "json") and job.path.lower().endswith(LINE_FORMATS):
            from .readers.jsondocs import PART_BYTES, split_export

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
    if job.cache is not None:  # `--cache`: the stored result, or this one stored
        from .cache import check_cached

        return check_cached(job, _check_for_cache)
    return _check(job, _keep)


def _check_for_cache(job) -> Checked:
    """check_one's result with its findings, documents, collected data and pack pickled, as
    the result cache keeps it (`place` puts it where this run keeps such things)."""
    return _check(job, _dumps, pack=_dumps)


def _dumps(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _check(job, keep, pack=None) -> Checked:
    global _files_checked
    from .engine import _check_file

    if job.skip is not None:  # a record too large to read: the rest of the export is checked
        return Checked(job.path, partial_errors=[job.skip])
    o = _check_file(job)
    _files_checked += 1
    c = Checked(o.path, o.error, o.traceback, o.warnings, o.partial_errors, o.rule_warnings, len(o.docs),
                worker=os.getpid())
    if o.error:
        return c
    if o.collected:
        # Before finalizing, which fills in the findings: a late finalize starts from these.
        c.collected = {rid: (len(items), keep(items)) for rid, items in o.collected.items()}
        raw = (o.source, o.findings, [(info.record, info.directives) for info in o.docs], job.part)
        c.pack = pack(raw) if pack is not None else _save_pack(_dumps(raw))
    try:
        c.findings = finalize(o, o.findings)
        if job.part is not None:
            _shift(c.findings, job.part[1], job.part[2])
        c.findings.sort(key=Finding.sort_key)  # as the report sorts them (a rerun then need not: lint.gather)
    except Exception as e:
        import traceback

        from .errors import internal_error

        c.finalize_error = (internal_error(e), traceback.format_exc())
    else:
        # Written here, in a spilling run: the parent only notes where (it does not unpickle them).
        c.findings = keep(c.findings) if c.findings else []
        if o.docs:
            from .result import DocumentResult

            c.documents = keep([DocumentResult(o.path, info.record, info.metrics) for info in o.docs])
    return c


def place(c: Checked) -> Checked:
    """A result whose parts are pickled (one from the result cache) as check_one would have
    left it in this process: in a spilling run, the parts written in one piece to this
    process's file and noted by place; else unpickled (the pack stays bytes)."""
    c.worker = os.getpid()
    collected = list(c.collected.items())
    parts = [c.findings or b"", c.documents or b"", *(items for _, (_, items) in collected), c.pack or b""]
    if _PACK_DIR is None:
        c.findings = pickle.loads(c.findings) if c.findings else []
        c.documents = pickle.loads(c.documents) if c.documents else []
        c.collected = {rid: (n, pickle.loads(items)) for rid, (n, items) in collected}
        return c
    name, offset, _ = _save_pack(b"".join(parts))
    refs = []
    for part in parts:
        refs.append((name, offset, len(part)) if part else None)
        offset += len(part)
    c.findings = refs[0] or []
    c.documents = refs[1] or []
    c.collected = {rid: (n, refs[2 + k]) for k, (rid, (n, _)) in enumerate(collected)}
    c.pack = refs[-1]
    return c


def _worker_init(pack_directory: str | None) -> None:
    import signal

    # A forked worker inherits the CLI's SIGTERM handler: it should just die when stopped.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_pack_directory(pack_directory)


def check_all(jobs, workers: int, pack_directory: str | None = None, tick=None, expected: int = 0):
    """Yield (job, Checked) for each job of `expand(jobs)`, in order, as it finishes."""
    global _RUN_PID
    set_pack_directory(pack_directory)
    _RUN_PID = os.getpid()
    try:
        yield from _check_all(jobs, workers, pack_directory, tick, expected)
    finally:
        _flush_own_pack()
        _RUN_PID = 0


def _check_all(jobs, workers: int, pack_directory, tick, expected: int):
    from itertools import chain, islice

    checked_before = _files_checked
    items = _looked_up(expand(jobs))  # (job, its result when the cache has it unchanged, else None)
    done = 0
    for job, hit in items:
        # The first file to check is checked here, so what loads lazily is loaded once, before
        # any fork; a file that could not be read loaded nothing: the next one is checked here too.
        checked = hit if hit is not None else check_one(job)
        yield job, checked
        done += 1
        if tick is not None:
            tick(done)
        if hit is None and not checked.error:
            break
    head = list(islice(items, 2))
    rest = chain(head, items)
    if workers <= 1 or len(head) < 2:
        pairs = _check_serially(rest, checked_before)
    else:
        pairs = _check_in_pool(rest, workers, pack_directory, _batch_size(expected - 1, workers))
    for pair in pairs:
        yield pair
        done += 1
        if tick is not None:
            tick(done)


def _check_serially(items, checked_before: int):
    """(job, result) for each (job, cached result or None), checked in this process; once this
    run has checked WHOLE_TABLES_AFTER files here (not taken from the cache), the tables a pool
    builds before it forks are built whole (lint.prefork): piecemeal, each file's new words
    would build more of them."""
    built = False
    for job, hit in items:
        yield job, hit if hit is not None else check_one(job)
        if not built and _files_checked - checked_before >= WHOLE_TABLES_AFTER:
            from . import prefork

            prefork.build_all()
            built = True


def _looked_up(jobs):
    """(job, None) for each job; with `--cache` (the engine sets it on every job), the stored
    result instead of None for each file that has not changed."""
    from itertools import chain

    jobs = iter(jobs)
    first = next(jobs, None)
    if first is None:
        return iter(())
    jobs = chain([first], jobs)
    if first.cache is None:
        return ((job, None) for job in jobs)
    from .cache import unchanged

    return unchanged(jobs)


def _batch_size(n: int, workers: int) -> int:
    # Big enough that a task's round trip is small beside its work, small enough that
    # the workers finish together.
    return max(1, min(32, n // (workers * 8)))


def check_batch(batch: list) -> list[Checked]:
    return [check_one(job) for job in batch]


def _batches(items, size: int):
    """Batches of (job, result or None) pairs."""
    batch, chars = [], 0
    for pair in items:
        batch.append(pair)
        chars += len(pair[0].text or "")
        if len(batch) >= size or chars >= (1 << 20):  # a part of an export is a batch's worth
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _merged(batch, future):
    results = iter(future.result() if future is not None else ())
    for job, hit in batch:
        yield job, hit if hit is not None else next(results)


def _before_fork() -> None:
    import gc
    import sys

    from . import prefork

    prefork.build_all()  # tables the workers would each build, built once and shared
    gc.freeze()  # what is loaded now is shared with the forked workers, not copied by their gc
    _flush_own_pack()  # nothing of it left in a buffer the workers would inherit

    cache = sys.modules.get("lint.cache")
    if cache is not None:
        cache.close_connections()


def _check_in_pool(items, workers: int, pack_directory, batch_size: int):
    import gc
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(pack_directory,))
    try:
        # A few batches ahead per worker: the workers never wait, and the parent holds only
        # those batches, however long the run (pool.map would submit every file at once).
        # A batch of files the cache had unchanged goes by without a worker.
        pending = deque()
        forked = False
        for batch in _batches(items, batch_size):
            todo = [job for job, hit in batch if hit is None]
            if todo and not forked:
                _before_fork()
                forked = True
            pending.append((batch, pool.submit(check_batch, todo) if todo else None))
            if len(pending) >= workers * 3:
                yield from _merged(*pending.popleft())
        while pending:
            yield from _merged(*pending.popleft())
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
