"""`edlint fix PATH...`: apply the fixes rules mark safe, re-checking until nothing changes.

Nothing but the fixed spans changes: a file is written back in the encoding it was
read in (byte-order mark included), byte for byte elsewhere, through a temporary file
and a rename (see lint.fixes.atomic_write_bytes). A file whose encoding was only a
guess, or whose text does not encode back to the bytes it came from, is not fixed.
`-` fixes standard input and writes the result on standard output.
"""
from __future__ import annotations

import os
import re
import sys
import time

import click

from .common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, config_option, follow_symlinks_option, guard,
                     ignore_option, say, select_option)

MAX_PASSES = 10  # a fix can make room for another (or collide with one); stop if it never settles


def fix_text(engine, path: str, text: str, cfg=None):
    """(Rewrite, findings left, number of edits applied). Pure: touches no file."""
    from ..engine import FileJob
    from ..fixes import Rewrite, escape_for_format, merge_edits
    from ..readers import format_for

    cfg = cfg or engine.resolver.for_path(path)
    rewrite = Rewrite(text)
    applied = 0
    for _ in range(MAX_PASSES):
        result = engine.run_jobs([FileJob(path, cfg, text=rewrite.text)])
        if result.errors:
            return rewrite, result, applied
        edits = merge_edits(result.findings)
        if not edits:
            return rewrite, result, applied
        rewrite.apply(escape_for_format(edits, format_for(path)))
        applied += len(edits)
    return rewrite, engine.run_jobs([FileJob(path, cfg, text=rewrite.text)]), applied


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--diff", "show_diff", is_flag=True,
              help="Show the changes as a unified diff and write nothing; exit 1 when there are some.")
@click.option("--stdin-filename", metavar="NAME", help="Name (format and config) of the text read from '-'.")
@select_option
@ignore_option
@config_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              metavar="SEVERITY",
              help="Exit 1 when findings at or above this severity (error, warning, info or never) remain.")
@follow_symlinks_option
@guard
def fix(paths, show_diff, stdin_filename, select, ignore, config_file, fail_on, follow_symlinks):
    """Apply safe fixes in place (atomically), or show them with --diff.

    '-' reads standard input and writes the fixed text on standard output.
    Exit status: 0 done, 1 findings at or above --fail-on remain (with --diff:
    there are fixes to make), 2 a file could not be read or written.
    """
    from ..files import discover
    from .check import build_engine

    engine = build_engine(config_file, select, ignore)
    notes: list[str] = []
    files, errors = discover(list(paths), engine.resolver.for_path, follow_symlinks=follow_symlinks, notes=notes)
    for note in notes:
        say(f"edlint: warning: {note}")
    run = _FixRun(engine, show_diff, fail_on)
    for e in errors:
        run.error(f"{e.path}: {e.message}")
    for path in files:
        if path == "-":
            run.fix_stdin(stdin_filename)
        else:
            run.fix_file(path)
    verb = "would fix" if show_diff else "fixed"
    click.echo(f"edlint: {verb} {run.edits} finding{'s' if run.edits != 1 else ''} "
               f"in {run.files} file{'s' if run.files != 1 else ''}", err=True)
    sys.exit(run.status)


class _FixRun:
    def __init__(self, engine, show_diff: bool, fail_on: str | None):
        self.engine, self.show_diff, self.fail_on = engine, show_diff, fail_on
        self.status = EXIT_OK
        self.files = self.edits = 0
        self.started = time.time()
        self.cleaned: set[str] = set()

    def error(self, message: str) -> None:
        say(f"edlint: error: {message}")
        self.status = EXIT_ERROR

    def _config(self, path: str):
        """The config for `path`; a broken one is reported for this file, and the run goes on."""
        from ..errors import ConfigError

        try:
            return self.engine.resolver.for_path(path)
        except ConfigError as e:
            self.error(f"{path}: {e}")
            return None

    def fix_file(self, path: str) -> None:
        from ..errors import InputError
        from ..fixes import NotWritten, atomic_write_bytes
        from ..readers import format_for, read_bytes
        from ..readers.decoding import decode_file

        if format_for(path) == "json":
            say(f"edlint: warning: {path}: fixes are not applied inside JSON files")
            return
        cfg = self._config(path)
        if cfg is None:
            return
        options = cfg.reader_options()
        if not self.show_diff:
            self._clean(os.path.dirname(os.path.realpath(path)))
        try:
            before = os.stat(path)
            raw = read_bytes(path, options)
            decoded = decode_file(raw, path, options.get("encoding"))
        except InputError as e:
            return self.error(str(e))
        except OSError as e:
            return self.error(f"{path}: cannot read: {e.strerror or e}")
        fixed = self._fixed(path, raw, decoded, cfg)
        if fixed is None:
            return
        rewrite, data, applied = fixed
        if self.show_diff:
            sys.stdout.write(unified_diff(rewrite.original, rewrite.text, path))
        elif _changed_since(path, before, raw):
            return self.error(f"{path}: changed while being checked; not overwritten")
        else:
            try:
                atomic_write_bytes(path, data)
            except NotWritten as e:
                return self.error(f"{path}: not fixed: {e}")
            except OSError as e:
                return self.error(f"{path}: not fixed: cannot write it: {e.strerror or e}")
        self.files += 1
        self.edits += applied

    def fix_stdin(self, name: str | None) -> None:
        """Standard input to standard output, for an editor's fix-on-save: when it can't be
        fixed, the text goes out unchanged (and the exit status says why)."""
        from ..errors import InputError
        from ..readers import format_for
        from ..readers.decoding import decode_file

        shown = name or "-"
        try:
            raw = sys.stdin.buffer.read()
        except (OSError, ValueError, AttributeError) as e:  # AttributeError: stdin closed (None)
            return self.error(f"{shown}: cannot read standard input: {_why(e, sys.stdin)}")
        fixed = None
        cfg = self._config(name or ".")  # if broken: reported, and the text goes back unchanged
        if cfg is not None and format_for(shown) == "json":
            say(f"edlint: warning: {shown}: fixes are not applied inside JSON files")
        elif cfg is not None:
            try:
                decoded = decode_file(raw, shown, cfg.reader_options().get("encoding"))
            except InputError as e:
                self.error(str(e))
            else:
                fixed = self._fixed(shown, raw, decoded, cfg)
        if self.show_diff:
            if fixed is not None:
                sys.stdout.write(unified_diff(fixed[0].original, fixed[0].text, shown))
        else:
            try:
                sys.stdout.flush()
                sys.stdout.buffer.write(fixed[1] if fixed is not None else raw)
                sys.stdout.buffer.flush()
            except (OSError, ValueError, AttributeError) as e:
                return self.error(f"{shown}: cannot write standard output: {_why(e, sys.stdout)}")
        if fixed is not None:
            self.files += 1
            self.edits += fixed[2]

    def _fixed(self, name: str, raw: bytes, decoded, cfg):
        """(Rewrite, bytes to write, edits applied), or None when there is nothing to write."""
        from ..fixes import NotWritten, encode_rewrite
        from ..readers import format_for

        if decoded.guessed:
            self.error(f"{decoded.warnings[0]}; not fixed, as that encoding is only a guess "
                       f"(declare it with `encoding` in [readers], or convert the file to UTF-8)")
            return None
        rewrite, result, applied = fix_text(self.engine, name, decoded.text, cfg)
        for e in result.errors:
            self.error(f"{e.path}: {e.message}")
        if not self.show_diff and result.at_or_above(self.fail_on or cfg.fail_on):
            self.status = max(self.status, EXIT_FINDINGS)
        if not rewrite.changed:
            return None
        try:
            data = encode_rewrite(rewrite, raw, decoded.codec, decoded.bom, format_for(name))
        except NotWritten as e:
            self.error(f"{name}: not fixed: {e}")
            return None
        if self.show_diff:
            self.status = max(self.status, EXIT_FINDINGS)
        return rewrite, data, applied

    def _clean(self, directory: str) -> None:
        """Remove what an interrupted edlint left in a directory it is about to write to."""
        from ..fixes import remove_stale_temporaries

        if directory in self.cleaned:
            return
        self.cleaned.add(directory)
        for path in remove_stale_temporaries(directory, self.started):
            say(f"edlint: removed {path}, left by an interrupted edlint")


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")  # a line and its end: LF, CRLF or a lone CR


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two texts, lines split as editors split them."""
    import difflib

    from ..reports.printable import printable

    out = []
    name = printable(name)  # the header lines must stay one line each, as git's do
    for line in difflib.unified_diff(_LINE.findall(before), _LINE.findall(after),
                                     fromfile=f"a/{name}", tofile=f"b/{name}"):
        if line.endswith("\n"):
            out.append(line)
        elif line.endswith("\r"):  # a lone CR: on a line of its own in the diff too
            out.append(line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _why(e: Exception, stream) -> str:
    return "it is closed" if stream is None else getattr(e, "strerror", None) or str(e)


def _changed_since(path: str, before: os.stat_result, raw: bytes) -> bool:
    try:
        now = os.stat(path)
        if (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size):
            return True
        with open(path, "rb") as f:
            return f.read() != raw
    except OSError:
        return True
