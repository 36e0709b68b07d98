"""`edlint check PATH...`"""
from __future__ import annotations

import os
import sys

import click

from ..errors import EdlintError

from .cache import cache_options, result_cache
from .common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK, config_option, fail,
                     follow_symlinks_option, guard, ignore_option, report_problems, say, select_option,
                     split_list, trust_options, use_color)


def build_engine(config_file, select, ignore, language=None, fail_on=None, include=(), exclude=(),
                 languagetool=None, require_languagetool=False, jobs=1, metrics=False, baseline=None,
                 no_nested_config=False, allow_outside_paths=False, follow_symlinks=False, progress=None,
                 cache=None, spill=False):
    from ..config import ConfigResolver
    from ..engine import Engine

    cli = {"select": split_list(select), "ignore": split_list(ignore), "language": language,
           "fail_on": fail_on, "include": split_list(include), "exclude": split_list(exclude),
           "languagetool": languagetool, "require_languagetool": require_languagetool}
    resolver = ConfigResolver(config_file, cli, nested=not no_nested_config, allow_outside=allow_outside_paths)
    return Engine(resolver, jobs=jobs, metrics=metrics, baseline=baseline, follow_symlinks=follow_symlinks,
                  progress=progress, cache=cache, spill=spill)


FORMAT_NAMES = ["text", "json", "sarif", "github", "junit"]

# A run of at most this many named files of at most this much text in all keeps its results
# in memory; any other run keeps them on disk until the reports are written (lint.spill),
# so that its memory does not grow with the archive.
IN_MEMORY_FILES = 32
IN_MEMORY_BYTES = 4 << 20


def spill_wanted(paths: list[str], stdin_text: str | None = None) -> bool:
    """Whether the run keeps its results on disk: not for a few named files (an editor's
    check, a pre-commit hook's), where the temporary directory, its files and the pickling
    cost more than the results' memory; yes for a directory, which may hold an archive."""
    if len(paths) > IN_MEMORY_FILES:
        return True
    import stat

    size = len(stdin_text or "")
    for p in paths:
        if p == "-":
            continue
        try:
            st = os.stat(p)
        except (OSError, ValueError):  # reported as the file's error by the run
            continue
        if not stat.S_ISREG(st.st_mode):
            return True
        size += st.st_size
    return size > IN_MEMORY_BYTES


def parse_report(value: str) -> tuple[str, str | None]:
    """`FORMAT:FILE` (or `FORMAT` alone, or `FORMAT:-`, for standard output)."""
    fmt, sep, path = value.partition(":")
    if fmt not in FORMAT_NAMES:
        raise click.BadParameter(f"{value!r}: the format must be one of {', '.join(FORMAT_NAMES)}",
                                 param_hint="--report")
    if sep and not path:
        raise click.BadParameter(f"{value!r}: a file name is missing after ':'", param_hint="--report")
    return fmt, (None if path in ("", "-") else path)


def read_stdin(name: str | None) -> str:
    """Standard input, decoded like a file; problems name the --stdin-filename.
    Raises InputError when there is no standard input to read (closed, unreadable)."""
    from ..errors import InputError
    from ..readers import decode_bytes

    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:  # `edlint check - <&-`: Python has no sys.stdin at all
            raise OSError("standard input is closed")
        data = stream.read()
    except (OSError, ValueError) as e:  # ValueError: reading a closed file
        raise InputError(name or "-", f"cannot read standard input: {getattr(e, 'strerror', None) or e}") from None
    text, warnings = decode_bytes(data, name or "<stdin>")
    for w in warnings:
        say(f"edlint: warning: {w}")
    return text


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES),
              default="text", show_default=True, help="Output format.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:FILE",
              help="Also write a report in FORMAT to FILE (repeatable; '-' or no FILE: standard output).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              metavar="SEVERITY",
              help="Exit 1 when a finding is at or above this severity: error, warning, info or never"
                   " (default: error, or the config's fail-on).")
@select_option
@ignore_option
@config_option
@trust_options
@click.option("--stdin-filename", metavar="NAME", help="Name (and format) of the text read from '-'.")
@click.option("--include", multiple=True, metavar="GLOBS", help="Files to check inside directories.")
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Files and directories to skip.")
@click.option("--language", metavar="CODE", help="auto (default: US or British spelling per document), en-US or en-GB.")
@click.option("--languagetool", metavar="MODE", envvar="EDLINT_LANGUAGETOOL",
              help="off, auto (default), local, or a server URL. Also EDLINT_LANGUAGETOOL.")
@click.option("--require-languagetool", is_flag=True, help="Exit 3 when LanguageTool can't run.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every finding in this baseline and exit 0.")
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0,
              help="Files checked in parallel (default 0: one process per core when there are many files).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
@click.option("--statistics", is_flag=True, help="Also print counts per rule and readability figures.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal; NO_COLOR and FORCE_COLOR are honoured).")
@click.option("--progress/--no-progress", default=None,
              help="A progress line on stderr (default: on a terminal, never when CI is set).")
@follow_symlinks_option
@cache_options
@guard
def check(paths, fmt, reports, fail_on, select, ignore, config_file, stdin_filename, include, exclude, language,
          languagetool, require_languagetool, baseline, write_baseline, jobs, quiet, statistics, output, color,
          progress, no_nested_config=False, allow_outside_paths=False, follow_symlinks=False, cache=None,
          cache_dir=None):
    """Check articles: files, directories (recursively) or '-' for standard input.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage,
    configuration or input errors (or an internal error), 3 LanguageTool
    required but unavailable, 143 stopped by SIGTERM.
    """
    from .progress import Progress, wanted

    outputs = [(fmt, output)] + [parse_report(r) for r in reports]
    if sum(1 for _, path in outputs if path is None) > 1:
        raise click.UsageError("only one report can go to standard output; give the others a file (FORMAT:FILE)")
    meter = Progress() if wanted(progress) else None
    engine = build_engine(config_file, select, ignore, language, fail_on, include, exclude,
                          languagetool, require_languagetool, jobs,
                          statistics,  # JSON's documents[].metrics: when a rule that needs them is on
                          None if write_baseline else baseline, no_nested_config, allow_outside_paths,
                          follow_symlinks, progress=meter, cache=result_cache(cache, cache_dir))
    paths, stdin_text, stdin_error = list(paths), None, None
    if "-" in paths:
        try:
            stdin_text = read_stdin(stdin_filename)
        except EdlintError as e:  # no input on "-": that one is an input error, the files are checked
            stdin_error = e
            paths = [p for p in paths if p != "-"]
    engine.spill = spill_wanted(paths, stdin_text)
    try:
        result = engine.run(paths, stdin_text=stdin_text, stdin_filename=stdin_filename)
    finally:
        if meter is not None:
            meter.close()
    if stdin_error is not None:
        from ..result import FileError

        result.errors.insert(0, FileError(stdin_error.path, stdin_error.message))
    try:
        code = _report(result, engine, outputs, quiet, statistics, fail_on, color, write_baseline)
    finally:
        result.close()  # the findings kept on disk for the reports
    sys.exit(code)


def _report(result, engine, outputs, quiet, statistics, fail_on, color, write_baseline) -> int:
    report_problems(result, quiet)
    if write_baseline:
        from ..baseline import write_baseline as write

        try:
            n = write(write_baseline, result.findings)
        except OSError as e:
            fail(f"{write_baseline}: cannot write the baseline: {e.strerror or e}")
        say(f"edlint: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}")
        return EXIT_ERROR if result.errors else EXIT_OK
    from ..reports import write as write_report

    base = {"quiet": quiet, "statistics": statistics, "tool_version": _version(), "cwd": os.getcwd(),
            "fail_on": fail_on or _configured_fail_on(engine, result)}
    for report_fmt, path in outputs:
        options = dict(base, color=use_color(color) and report_fmt == "text" and path is None)
        if path:
            from ..fixes import atomic_write_with

            def fill(f, report_fmt=report_fmt, options=options):
                with _TextOut(lambda text: f.write(text.encode("utf-8"))) as out:
                    write_report(report_fmt, result, options, out)

            try:
                atomic_write_with(path, fill, split_hard_links=True)
            except OSError as e:
                fail(f"{path}: cannot write the report: {e.strerror or e}")
        else:
            with _TextOut(lambda text, c=options["color"]: click.echo(text, nl=False, color=c)) as out:
                write_report(report_fmt, result, options, out)
        if report_fmt == "github":
            _write_step_summary(result, options)
    return exit_code(result, engine, fail_on)


class _TextOut:
    """A report's text, handed on in pieces of about 64 KB as the report writes it."""

    SIZE = 1 << 16

    def __init__(self, send):
        self._send = send
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._send("".join(self._parts))
            self._parts, self._size = [], 0

    def __enter__(self):
        return self

    def __exit__(self, kind, *_):
        if kind is None:
            self.flush()


def _write_step_summary(result, options) -> None:
    """In GitHub Actions, the findings past the annotation cap go to the job summary."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path:
        return
    from ..reports.github import step_summary

    try:
        with open(summary_path, "a", encoding="utf-8") as f:
            f.write(step_summary(result, options))
    except OSError as e:
        say(f"edlint: warning: {summary_path}: cannot write the job summary: {e.strerror or e}")


def _version() -> str:
    from .. import __version__

    return __version__


def exit_code(result, engine, fail_on) -> int:
    if result.errors:
        return EXIT_ERROR
    if "languagetool" in result.incomplete and _setting(engine, result, lambda c: c.settings_map()
                                                          .get("languagetool", {}).get("require")):
        return EXIT_INCOMPLETE
    if fail_on:
        return EXIT_FINDINGS if result.any_at_or_above(fail_on) else EXIT_OK
    # Without --fail-on, each file's own config decides its fail severity (the run knows).
    return EXIT_FINDINGS if result.fails_own_config else EXIT_OK


def _checked_configs(engine, result) -> list:
    """The configurations the run used, from the result; when it was given no file at all,
    the working directory's (the one lookup left)."""
    if result.configs or result.files:
        return result.configs
    try:
        return [engine.resolver.for_path(".")]
    except EdlintError:
        return []


def _setting(engine, result, get) -> bool:
    return any(get(c) for c in _checked_configs(engine, result))


def _configured_fail_on(engine, result) -> str:
    configs = _checked_configs(engine, result)
    return configs[0].fail_on if configs else "error"
