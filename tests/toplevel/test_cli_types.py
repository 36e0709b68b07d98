"""`edlint types` and the lazy loading of subcommands."""
from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from lint import cli
from lint.params import declared
from lint.rule_types import RULE_TYPES, rule_class


def run(*args):
    return CliRunner().invoke(cli.main, list(args))


def test_types_lists_every_type_with_its_parameters():
    r = run("types")
    assert r.exit_code == 0
    for name in RULE_TYPES:
        assert any(line.startswith(f"{name}: ") for line in r.output.splitlines())
    lines = r.output.splitlines()
    # A parameter line: name, default, expected type, meaning, from the Param declaration.
    assert "  min-share = 0.25    a number from 0 to 1. Share of the run's articles a line must recur in." in lines
    assert any(line.startswith("  severity = {}    a table of strings, each one of error, warning, info.")
               for line in lines)


def test_types_markdown_has_a_row_for_every_parameter():
    out = run("types", "--markdown").output
    for name in RULE_TYPES:
        section = out.split(f"#### `{name}`\n", 1)[1].split("\n#### ", 1)[0]
        for param in declared(rule_class(name).PARAMS):
            assert f"| `{param}` |" in section, (name, param)
    assert "| `ignorecase` | true or false | `true` | Match in any case. |" in out


def test_a_command_module_that_fails_to_import_raises(monkeypatch, tmp_path):
    (tmp_path / "edlint_broken_cmd.py").write_text("import no_such_module_here\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(cli.COMMANDS, "broken", "edlint_broken_cmd:broken")
    monkeypatch.delitem(sys.modules, "edlint_broken_cmd", raising=False)
    with pytest.raises(ModuleNotFoundError, match="no_such_module_here"):
        cli.main.get_command(None, "broken")
    r = run("broken")
    assert "No such command" not in r.output
    assert isinstance(r.exception, ModuleNotFoundError)


def test_an_unknown_command_is_still_reported_as_such():
    r = run("no-such-command")
    assert r.exit_code == 2
    assert "No such command" in r.output
