"""Options and helpers shared by the commands."""
from __future__ import annotations

import os
import sys

import click

from ..errors import EdlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INCOMPLETE = 0, 1, 2, 3


def split_list(values) -> list[str]:
    out = []
    for v in values or ():
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


def fail(message: str) -> None:
    click.echo(f"edlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def use_color(flag: bool | None, stream=None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def report_problems(result) -> None:
    same: dict[str, int] = {}
    for e in result.errors:
        # Many files under one broken config share its message: say it once.
        if e.message in same:
            same[e.message] += 1
            continue
        same[e.message] = 0
        click.echo(f"edlint: error: {e.path}: {e.message}", err=True)
    for message, more in same.items():
        if more:
            click.echo(f"edlint: error: {more} more file{'s' if more != 1 else ''} not checked: {message}", err=True)
    for n in result.notices:
        click.echo(f"edlint: {n.level}: {n.message}", err=True)


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
