"""The README's configuration reference is a config edlint accepts, and its rule table is current."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from lint.cli import main
from lint.config import load_config_file

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_configuration_example_loads(tmp_path):
    section = README.split("## Configuration", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "names.txt").write_text("Okafor\n", encoding="utf-8")
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "edlint.toml").write_text(example, encoding="utf-8")
    cfg = load_config_file(tmp_path / "edlint.toml")
    assert cfg.language == "auto"
    assert "Okafor" in cfg.accept
    assert cfg.settings_map()["readability"]["preset"] == "broadsheet"
    # The rules it configures exist and take those parameters.
    from lint.ruleset import build_ruleset

    build_ruleset(cfg.for_path(str(tmp_path / "story.md")))


def test_rule_table_is_current():
    table = CliRunner().invoke(main, ["rules", "--markdown"]).output.strip()
    assert table in README


def test_rule_type_reference_is_current():
    reference = CliRunner().invoke(main, ["types", "--markdown"]).output.strip()
    assert "#### `existence`" in reference
    assert reference in README
