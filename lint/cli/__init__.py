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
    "config": "lint.cli.config:config",
    "vocab": "lint.cli.vocab:vocab",
    "stats": "lint.cli.stats:stats",
    "audit": "lint.cli.audit:audit",
    "languagetool": "lint.cli.languagetool:languagetool",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            return None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="edlint", prog_name="edlint")
def main():
    """edlint: an editorial quality linter for news articles."""


if __name__ == "__main__":
    main()
