"""`edlint fix PATH...`: apply the fixes rules mark safe, re-checking until nothing changes."""
from __future__ import annotations

import difflib
import os
import sys

import click

from .common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, config_option, follow_symlinks_option, guard,
                     ignore_option, say, select_option)

MAX_PASSES = 10  # a fix can make room for another (or collide with one); stop if it never settles


def fix_text(engine, path: str, text: str):
    """(fixed text, findings left, number of edits applied). Pure: touches no file."""
    from ..engine import FileJob
    from ..fixes import apply_edits, escape_for_format, merge_edits
    from ..readers import format_for

    cfg = engine.resolver.for_path(path)
    applied = 0
    for _ in range(MAX_PASSES):
        result = engine.run_jobs([FileJob(path, cfg, text=text)])
        if result.errors:
            return text, result, applied
        edits = merge_edits(result.diagnostics)
        if not edits:
            return text, result, applied
        text = apply_edits(text, escape_for_format(edits, format_for(path)))
        applied += len(edits)
    return text, engine.run_jobs([FileJob(path, cfg, text=text)]), applied


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes as a unified diff; write nothing.")
@select_option
@ignore_option
@config_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when findings at or above this level remain.")
@follow_symlinks_option
@guard
def fix(paths, show_diff, select, ignore, config_file, fail_on, follow_symlinks):
    """Apply safe fixes in place (atomically), or show them with --diff."""
    from ..files import discover
    from ..fixes import atomic_write
    from ..readers import format_for, load
    from .check import build_engine

    engine = build_engine(config_file, select, ignore)
    notes: list[str] = []
    files, errors = discover(list(paths), engine.resolver.for_path, follow_symlinks=follow_symlinks, notes=notes)
    for note in notes:
        say(f"edlint: warning: {note}")
    status = EXIT_OK
    for e in errors:
        click.echo(f"edlint: error: {e.path}: {e.message}", err=True)
        status = EXIT_ERROR
    total_files = total_edits = 0
    for path in files:
        if path == "-":
            click.echo("edlint: error: fix works on files, not standard input", err=True)
            status = EXIT_ERROR
            continue
        if format_for(path) == "json":
            click.echo(f"edlint: warning: {path}: fixes are not applied inside JSON files", err=True)
            continue
        try:
            before_stat = os.stat(path)
            with open(path, "rb") as f:
                raw = f.read()
            original, _ = load(path, engine.resolver.for_path(path).reader_options())
        except Exception as e:  # InputError or OSError: report and go on with the others
            click.echo(f"edlint: error: {getattr(e, 'args', [e])[0]}", err=True)
            status = EXIT_ERROR
            continue
        fixed, result, applied = fix_text(engine, path, original)
        for e in result.errors:
            click.echo(f"edlint: error: {e.path}: {e.message}", err=True)
            status = EXIT_ERROR
        if fixed != original:
            total_files += 1
            total_edits += applied
            if show_diff:
                sys.stdout.writelines(difflib.unified_diff(
                    original.splitlines(keepends=True), fixed.splitlines(keepends=True),
                    fromfile=f"a/{path}", tofile=f"b/{path}"))
            elif _changed_since(path, before_stat, raw):
                click.echo(f"edlint: error: {path}: changed while being checked; not overwritten", err=True)
                status = EXIT_ERROR
                continue
            else:
                bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
                atomic_write(path, bom + fixed)
        level = fail_on or engine.resolver.for_path(path).fail_on
        if status == EXIT_OK and result.at_or_above(level):
            status = EXIT_FINDINGS
    verb = "would fix" if show_diff else "fixed"
    click.echo(f"edlint: {verb} {total_edits} finding{'s' if total_edits != 1 else ''} "
               f"in {total_files} file{'s' if total_files != 1 else ''}", err=True)
    sys.exit(status)


def _changed_since(path: str, before: os.stat_result, raw: bytes) -> bool:
    try:
        now = os.stat(path)
        if (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size):
            return True
        with open(path, "rb") as f:
            return f.read() != raw
    except OSError:
        return True
