"""`edlint audit PATH... --report audit.html`: how bad is the archive, and where.

Checks every article (in batches, on this machine or a Dask cluster), keeps
only the aggregates, and writes one self-contained HTML page and, beside it,
audit.json with every number the page shows.
"""
from __future__ import annotations

import datetime
import os
import sys
import time

import click

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, config_option, fail, guard, ignore_option, select_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--report", default="audit.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML page to write.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="The numbers as JSON (default: the report's name with .json).")
@click.option("--compare", "compare_path", type=click.Path(dir_okay=False),
              help="An older audit.json: mark what got better or worse.")
@select_option
@ignore_option
@config_option
@click.option("--language", metavar="CODE", help="en-US (default) or en-GB.")
@click.option("--languagetool", metavar="MODE", default="off", show_default=True,
              help="Grammar through LanguageTool: off, auto, local, or a server URL.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Check on this machine, or on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (default: a local cluster).")
@click.option("--workers", type=click.IntRange(1, 1024), default=2, show_default=True,
              help="Workers of the local Dask cluster.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes per batch with the local engine.")
@click.option("--batch-size", type=click.IntRange(1), default=500, show_default=True,
              help="Files per batch (a Dask partition); repeated template lines are judged per batch.")
@click.option("-q", "--quiet", is_flag=True, help="No progress.")
@guard
def audit(paths, report, json_path, compare_path, select, ignore, config_file, language, languagetool,
          engine, scheduler, workers, jobs, batch_size, quiet):
    """Audit an archive: an HTML report of its findings, readability, boilerplate and spelling.

    Exit status: 0 no finding, 1 findings, 2 files that could not be read or usage errors.
    """
    import json

    from .. import __version__
    from ..audit import compare as comparing
    from ..audit.html import render
    from ..audit.run import plan, run_local
    from .check import build_engine

    old = comparing.load(compare_path) if compare_path else None
    resolver = build_engine(config_file, select, ignore, language, languagetool=languagetool).resolver
    todo = plan(list(paths), resolver, batch_size)
    started = time.monotonic()

    def progress(done, total, documents):
        if not quiet:
            click.echo(f"edlint: audit: batch {done}/{total}, {documents:,} articles", err=True)

    if engine == "dask":
        from ..audit.dask_engine import run_dask

        tally, notices = run_dask(todo, resolver, scheduler=scheduler, workers=workers, progress=progress)
    else:
        tally, notices = run_local(todo, resolver, jobs=jobs, progress=progress)
    for severity, message in notices:
        click.echo(f"edlint: {severity}: {message}", err=True)
    for path, message in tally.file_errors[:20]:
        click.echo(f"edlint: error: {path}: {message}", err=True)
    data = tally.summary()
    first = getattr(todo.batches[0][0], "path", todo.batches[0][0]) if todo.batches else "."
    data["run"] = {"edlint": __version__, "engine": engine, "paths": list(paths),
                   "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                   "seconds": round(time.monotonic() - started, 1), "batch_size": batch_size,
                   "workers": workers if engine == "dask" else jobs, "scheduler": scheduler,
                   "options": {"select": list(select), "ignore": list(ignore), "language": language,
                               "languagetool": languagetool, "config": config_file},
                   "config": _config_of(resolver, first)}
    if old is not None:
        data["compare"] = comparing.compare(old, data)
    json_path = json_path or os.path.splitext(report)[0] + ".json"
    _write(json_path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    _write(report, render(data, data.get("compare")))
    if not quiet:
        click.echo(f"edlint: audit: {data['totals']['documents']:,} articles; wrote {report} and {json_path}",
                   err=True)
    if data["totals"]["file_errors"]:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if data["totals"]["findings"] else EXIT_OK)


def _config_of(resolver, path: str) -> dict:
    from ..errors import EdlintError

    try:
        return resolver.for_path(path).as_dict()
    except EdlintError as e:
        return {"error": str(e)}


def _write(path: str, text: str) -> None:
    from ..fixes import atomic_write

    new = not os.path.exists(path)
    try:
        atomic_write(path, text)
        if new:  # a report is for sharing: the umask's mode, not the temporary file's 0600
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(path, 0o666 & ~mask)
    except OSError as e:
        fail(f"{path}: cannot write the audit: {e.strerror or e}")
