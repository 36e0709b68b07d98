"""`--cache` for `edlint check`, and `edlint cache info|clear`."""
from __future__ import annotations

import os

import click

from ..reports.printable import printable_line
from .common import EXIT_OK, guard, say

_TRUE = ("1", "true", "yes", "on")


def cache_options(f):
    f = click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                     help="Where --cache keeps results (default: EDLINT_CACHE_DIR, else ~/.cache/edlint). "
                          "Implies --cache.")(f)
    return click.option("--cache/--no-cache", default=None,
                        help="Reuse the findings of files that have not changed since a run with the same "
                             "configuration and edlint (default: off; EDLINT_CACHE=1 turns it on).")(f)


def result_cache(enabled: bool | None, directory: str | None):
    """The result cache directory the options ask for, or None."""
    if enabled is None:
        enabled = directory is not None or os.environ.get("EDLINT_CACHE", "").strip().lower() in _TRUE
    if not enabled:
        return None
    from ..cache_home import cache_dir

    return str(directory or cache_dir())


@click.group()
def cache():
    """The result cache of `edlint check --cache`."""


@cache.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="The cache's directory.")
@guard
def info(cache_dir):
    """Where the cache is, how many files' results it holds and their size."""
    from ..cache import ResultCache

    rc = ResultCache(cache_dir)
    entries, size = rc.stats() if rc.path.exists() else (0, 0)
    click.echo(printable_line(f"{rc.path}: {entries} file result{'s' if entries != 1 else ''}, "
                              f"{size / 2**20:.1f} MiB (limit {rc.max_bytes / 2**20:.0f} MiB)"))
    for n in rc.notices:
        say(f"edlint: warning: {n}")
    raise SystemExit(EXIT_OK)


@cache.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="The cache's directory.")
@guard
def clear(cache_dir):
    """Remove every stored result."""
    from ..cache import ResultCache

    rc = ResultCache(cache_dir)
    if rc.path.exists():
        rc.clear()
    click.echo(printable_line(f"cleared {rc.path}"))
    raise SystemExit(EXIT_OK)
