"""The audit over the local engine: the archive's files in batches, one engine run
per batch, each batch's results folded into a Tally and then dropped.

Batches bound the memory (the engine keeps a run's sources until it finishes)
and are the unit both engines share: a Dask partition is a batch, so the two
give the same numbers. Corpus rules (repeated template lines) judge each batch;
the audit then counts the template lines they found across the whole archive.
"""
from __future__ import annotations

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
    from ..config import Config
    from ..errors import ConfigError
    from ..files import discover

    def config_for(p):
        try:
            return resolver.for_path(p)
        except ConfigError:
            return Config()

    files, errors = discover([p for p in paths if p != "-"], config_for)
    size = max(1, batch_size)
    return Plan([files[i:i + size] for i in range(0, len(files), size)],
                [(e.path, e.message) for e in errors])


def audit_batch(files: list[str], resolver, jobs: int = 1) -> tuple[Tally, list[tuple[str, str]]]:
    """Check one batch and fold it: (its tally, its run notices as (level, message))."""
    from ..engine import Engine

    result = Engine(resolver, jobs=jobs, metrics=True).run(files)
    tally = Tally()
    tally.add_run(result)
    return tally, [(n.level, n.message) for n in result.notices]


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
