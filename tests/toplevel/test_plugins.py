"""Third-party rule types arrive through the `edlint.rule_types` entry-point group.

Each test writes a real (tiny) installed distribution — a package and its
*.dist-info with entry_points.txt — into a directory on PYTHONPATH, so that
importlib.metadata finds it as it finds one pip installed, and runs the CLI in a
subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PLUGIN = '''\
"""Shouting: a word in capitals of five letters or more."""
import re

from lint.params import Param
from lint.rule_types import Rule


class Shout(Rule):
    PARAMS = {"min-length": Param("int", 5, "Shorter capitals are acronyms.", minimum=2)}

    def check(self, doc, ctx):
        word = re.compile(r"\\b[A-Z]{%d,}\\b" % self.params["min-length"])
        for block in doc.blocks:
            for m in word.finditer(block.text):
                a, b = block.source_span(m.start(), m.end())
                yield self.finding(a, b)
'''

RULE = '''\
id = "style.shouting"
type = "shout"
severity = "error"
message = "A word in capitals."
description = "Capitals shout."
[params]
min-length = 4
[examples]
fail = ["The mayor said it was GREAT news."]
pass = ["The BBC said so."]
'''


def _install(site: Path, module_source: str, target: str = "edlint_shout:Shout") -> None:
    (site / "edlint_shout.py").write_text(module_source, encoding="utf-8")
    info = site / "edlint_shout-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: edlint-shout\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[edlint.rule_types]\nshout = {target}\n", encoding="utf-8")


def _desk(tmp_path: Path) -> Path:
    (tmp_path / "pack" / "style").mkdir(parents=True)
    (tmp_path / "pack" / "style" / "shouting.toml").write_text(RULE, encoding="utf-8")
    (tmp_path / "edlint.toml").write_text('select = ["style.shouting"]\nrule-packs = ["pack"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text("Council news\n\nThe vote was CLOSE, said the BBC.\n", encoding="utf-8")
    return tmp_path


def _edlint(cwd: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_rule_pack_uses_a_type_from_an_installed_plugin(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, PLUGIN)
    desk = _desk(tmp_path / "desk")
    proc = _edlint(desk, site, "check", "--format", "json", "--languagetool", "off", "story.txt")
    assert proc.returncode == 1, proc.stderr
    found = [(d["rule"], d["line"], d["column"], d["end_column"]) for d in json.loads(proc.stdout)["diagnostics"]]
    assert found == [("style.shouting", 3, 14, 19)]  # CLOSE; BBC is shorter than min-length 4
    listed = _edlint(desk, site, "types")
    assert listed.returncode == 0, listed.stderr
    assert "shout: Shouting: a word in capitals" in listed.stdout
    assert "min-length = 5" in listed.stdout


def test_a_plugin_parameter_is_checked_like_a_bundled_one(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, PLUGIN)
    desk = _desk(tmp_path / "desk")
    rule = desk / "pack" / "style" / "shouting.toml"
    rule.write_text(RULE.replace("min-length = 4", 'min-length = "four"'), encoding="utf-8")
    proc = _edlint(desk, site, "check", "--languagetool", "off", "story.txt")
    assert proc.returncode == 2
    assert "shouting.toml: rule style.shouting: parameter 'min-length' must be an integer" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_broken_plugin_is_named_in_a_clear_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "import no_such_module_for_edlint\n")
    desk = _desk(tmp_path / "desk")
    proc = _edlint(desk, site, "check", "--languagetool", "off", "story.txt")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "rule type 'shout' from the edlint-shout distribution (edlint_shout:Shout) cannot be loaded: " \
           "ModuleNotFoundError" in proc.stderr
    assert "shouting.toml" in proc.stderr
    listed = _edlint(desk, site, "types")
    assert listed.returncode == 2 and "edlint-shout" in listed.stderr and "Traceback" not in listed.stderr


def test_a_plugin_that_is_not_a_rule_type_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "class Shout:\n    pass\n")
    desk = _desk(tmp_path / "desk")
    proc = _edlint(desk, site, "check", "--languagetool", "off", "story.txt")
    assert proc.returncode == 2
    assert "is not a subclass of lint.rule_types.Rule" in proc.stderr


def test_an_unknown_type_still_lists_the_known_ones(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    desk = _desk(tmp_path / "desk")
    proc = _edlint(desk, site, "check", "--languagetool", "off", "story.txt")
    assert proc.returncode == 2
    assert "unknown rule type 'shout'; known types: balance," in proc.stderr
