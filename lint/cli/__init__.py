"""The `edlint` command. Subcommands live in their own modules and are imported
only when used, so `edlint check` starts fast."""
from __future__ import annotations

import importlib

import click

# command name -> "module:attribute". One explicit list.
COMMANDS: dict[str, str] = {
    "check": "lint.cli.check:check",
    "fix": "lint.cli.fix:fix",
    "rules": "lint.cli.rules:rules",
    "explain": "lint.cli.rules:explain",
    "types": "lint.cli.types:types",
    "config": "lint.cli.config:config",
    "vocab": "lint.cli.vocab:vocab",
    "stats": "lint.cli.stats:stats",
    "audit": "lint.cli.audit:audit",
    "languagetool": "lint.cli.languagetool:languagetool",
    "lsp": "lint.cli.lsp:lsp",
    "cache": "lint.cli.cache:cache",
    "mcp": "lint.cli.mcp:mcp",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        # Every listed module ships with edlint: a failure to import one is a bug to
        # show (with its traceback), not an unknown command.
        return getattr(importlib.import_module(module), attr)


def _on_sigterm(signum, frame):
    # CI cancels a job with SIGTERM: unwind (the engine stops its --jobs workers on the
    # way out, `fix` removes its temporary file) and exit 143 as a shell would report it.
    import os

    os.write(2, b"edlint: terminated\n")
    raise SystemExit(128 + signum)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="edlint", prog_name="edlint")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (also EDLINT_DEBUG=1).")
@click.pass_context
def main(ctx, debug):
    """edlint: an editorial quality linter for news articles."""
    ctx.meta["edlint.debug"] = debug
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
        ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


if __name__ == "__main__":
    main()
