"""Options and helpers shared by the commands."""
from __future__ import annotations

import os
import sys

import click

from ..errors import EdlintError, internal_error
from ..reports.printable import printable_line

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INCOMPLETE = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE, as a shell reports a writer whose reader left


def split_list(values) -> list[str]:
    out = []
    for v in values or ():
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


def say(message: str) -> None:
    """One line on stderr; file names and messages in it are escaped (see reports.printable)."""
    click.echo(printable_line(message), err=True)


def fail(message: str) -> None:
    say(f"edlint: error: {message}")
    sys.exit(EXIT_ERROR)


def debug_enabled() -> bool:
    """`edlint --debug ...` or EDLINT_DEBUG=1: show the traceback of an internal error."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().meta.get("edlint.debug"):
        return True
    return os.environ.get("EDLINT_DEBUG", "").strip().lower() not in ("", "0", "false", "no", "off")


def show_traceback(text: str) -> None:
    for line in text.rstrip("\n").splitlines():
        say(line)


DEBUG_HINT = "edlint: an internal error is a bug in edlint; `edlint --debug ...` or EDLINT_DEBUG=1 shows the traceback"


def use_color(flag: bool | None, stream=None) -> bool:
    """--color/--no-color, else NO_COLOR (no-color.org), else FORCE_COLOR (force-color.org),
    else colour only on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def report_problems(result, quiet: bool = False) -> None:
    """Errors and notices on stderr. `quiet` drops the info notices (such as "grammar checks
    skipped"), which an editor's quickfix list would otherwise read as an entry."""
    same: dict[str, int] = {}
    debug = debug_enabled()
    for e in result.errors:
        # Many files under one broken config share its message: say it once.
        if not e.partial and not e.detail:
            if e.message in same:
                same[e.message] += 1
                continue
            same[e.message] = 0
        say(f"edlint: error: {e.path}: {e.message}")
        if e.detail and debug:
            show_traceback(e.detail)
    for message, more in same.items():
        if more:
            say(f"edlint: error: {more} more file{'s' if more != 1 else ''} not checked: {message}")
    if not debug and any(e.detail for e in result.errors):
        say(DEBUG_HINT)
    for n in result.notices:
        if quiet and n.severity == "info":
            continue
        say(f"edlint: {n.severity}: {n.message}")


def guard(fn):
    """Turn edlint's own errors into one clear line and exit 2, never a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EdlintError as e:
            fail(str(e))
        except KeyboardInterrupt:
            click.echo("edlint: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`edlint check | head`): not an error of edlint's. Point stdout
            # at /dev/null so the final flush at exit can't fail again, and exit as a shell would.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            sys.exit(EXIT_BROKEN_PIPE)
        except Exception as e:  # a bug in edlint: one line and exit 2, never "findings" (1)
            import traceback

            say(f"edlint: error: {internal_error(e)}")
            if debug_enabled():
                show_traceback(traceback.format_exc())
            else:
                say(DEBUG_HINT)
            sys.exit(EXIT_ERROR)
    return wrapper


config_option = click.option("--config", "config_file", type=click.Path(dir_okay=False),
                             help="Use this config file instead of searching upward from each file.")


def trust_options(fn):
    """--no-nested-config and --allow-outside-paths: how far configs found in the checkout are trusted."""
    fn = click.option("--allow-outside-paths", is_flag=True,
                      help="Let a config found in the checkout name rule packs and word files outside it.")(fn)
    return click.option("--no-nested-config", "no_nested_config", is_flag=True,
                        help="One config for every file (--config, or the one found from the working "
                             "directory); ignore configs in folders below it.")(fn)


select_option = click.option("--select", multiple=True, metavar="RULES",
                             help="Only these rules or categories (comma-separated, repeatable).")
ignore_option = click.option("--ignore", multiple=True, metavar="RULES",
                             help="Skip these rules or categories (comma-separated, repeatable).")
follow_symlinks_option = click.option(
    "--follow-symlinks", is_flag=True,
    help="Inside directories, also follow symbolic links that lead out of them (not followed by default).")
