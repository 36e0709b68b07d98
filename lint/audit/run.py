"""The audit over the local engine: the archive's files in batches, one engine run
per batch, each batch's results folded into a Tally and then dropped.

Batches bound the memory (the engine keeps a run's sources until it finishes)
and are the unit both engines share: a Dask partition is a batch, so the two
give the same numbers. Corpus rules (repeated template lines) judge each batch;
the audit then counts the template lines they found across the whole archive.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .aggregate import Tally

DEFAULT_BATCH = 500


@dataclass
class Plan:
    """What to audit: the files in batches, and what discovery already reported."""
    batches: list[list[str]]
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(len(b) for b in self.batches)


def plan(paths: list[str], resolver, batch_size: int = DEFAULT_BATCH) -> Plan:
    """Files in batches of `batch_size`; a JSON Lines file of more records, and every
    Parquet file, in parts of `batch_size` records, each part a batch of its own."""
    from ..config import Config
    from ..errors import ConfigError
    from ..files import discover
    from .parts import is_jsonl, is_parquet, split_jsonl, split_parquet

    def config_for(p):
        try:
            return resolver.for_path(p)
        except ConfigError:
            return Config()

    size = max(1, batch_size)
    parquet = [p for p in paths if p != "-" and is_parquet(p) and not os.path.isdir(p)]
    files, errors = discover([p for p in paths if p != "-" and p not in parquet], config_for)
    errors = [(e.path, e.message) for e in errors]
    batches: list[list] = []
    pending: list[str] = []
    for path in parquet + files:
        try:
            parts = split_parquet(path, size) if is_parquet(path) else split_jsonl(path, size) if is_jsonl(path) \
                else None
        except OSError as e:
            errors.append((path, f"cannot read: {e.strerror or e}"))
            continue
        except ValueError as e:  # not a Parquet file, or no pyarrow
            errors.append((path, str(e)))
            continue
        if parts is None:
            pending.append(path)
            if len(pending) == size:
                batches.append(pending)
                pending = []
        else:
            batches += [[part] for part in parts]
    if pending:
        batches.append(pending)
    return Plan(batches, errors)


def audit_batch(batch: list, resolver, jobs: int = 1) -> tuple[Tally, list[tuple[str, str]]]:
    """Check one batch and fold it: (its tally, its run notices as (severity, message)).
    A batch is a list of files, or one Part of a large export (lint.audit.parts)."""
    from ..engine import Engine
    from .parts import Part

    tally = Tally()
    if batch and isinstance(batch[0], Part):
        result, metadata = _run_part(batch[0], resolver)
        tally.add_run(result, metadata)
        tally.files = int(batch[0].first)
    else:
        result = Engine(resolver, jobs=jobs, metrics=True).run(batch)
        tally.add_run(result)
    return tally, [(n.severity, n.message) for n in result.notices]


def _run_part(part, resolver):
    """(RunResult numbered as the whole file, metadata) of one part of an export."""
    from ..engine import Engine, FileJob
    from ..errors import EdlintError, InputError
    from ..result import FileError, Notice, RunResult
    from .parts import part_metadata, read_part, shift

    try:
        config = resolver.for_path(part.path)
        text, warnings = read_part(part, config.reader_options())
        # The part's text is JSON Lines whatever the file's name (a Parquet file's rows too).
        job = FileJob(part.path, config, text=text, format="json", metrics=True)
        result = Engine(resolver, metrics=True).run_jobs([job])
    except (InputError, EdlintError) as e:  # unreadable, or a broken config: this part is lost
        return RunResult(errors=[FileError(part.path, getattr(e, "message", None) or str(e))],
                         files=[part.path]), None
    result.notices += [Notice("warning", w, "reader") for w in warnings]
    shift(result, part)
    return result, part_metadata(part, text)


def run_local(p: Plan, resolver, jobs: int = 1, progress=None) -> tuple[Tally, list[tuple[str, str]]]:
    total = Tally()
    total.add_errors(p.errors)
    notices: list[tuple[str, str]] = []
    for i, files in enumerate(p.batches, 1):
        tally, found = audit_batch(files, resolver, jobs)
        total.merge(tally)
        notices += [n for n in found if n not in notices]
        if progress:
            progress(i, len(p.batches), total.documents)
    return total, notices
