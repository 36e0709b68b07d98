"""Tables that a one-article check builds piecemeal, built whole before a pool forks
(and in a long run checked in one process, lint.jobs.WHOLE_TABLES_AFTER).

A one-article check reads only the slices of the syllable dictionary and of the
hyphenation patterns its words need, and a long run builds each slice's table as it
meets it. In a pool every worker would build its own copy after the fork, so a run of
two workers paid for them twice (a tenth more CPU than `--jobs 1` over 1,000 articles).
Built whole in the parent just before the fork, they are shared copy-on-write and no
worker builds them again.

A module registers its builder when it is imported; a builder builds only what its
module has already loaded (what the rules this run selected read while checking the
first file), so nothing is loaded for a rule that does not run.
"""
from __future__ import annotations

from typing import Callable

_BUILDERS: list[Callable[[], None]] = []


def register(build: Callable[[], None]) -> Callable[[], None]:
    """Run `build()` in the forking process before each pool forks (a decorator)."""
    _BUILDERS.append(build)
    return build


def build_all() -> None:
    for build in _BUILDERS:
        build()
