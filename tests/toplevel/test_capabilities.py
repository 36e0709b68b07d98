"""The engine wires rule types from what they declare (lint/rule_types/base.py), and
computes nothing that no selected rule needs."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import lint.engine
from lint.rule_types import RULE_TYPES, rule_class

from .support import edlint, no_traceback

LINT = Path(lint.engine.__file__).parent
CATEGORY_PACKAGES = ("boilerplate", "readability", "languagetool", "spelling")

ARTICLE = ("Harbour ferry returns\n\n"
           "The harbour ferry sailed again on Monday after a winter in the yard, and the first "
           "crossing was full.  Passengers queued from dawn.\n\n"
           "Share this article\n")


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            names.update(f"{base}.{a.name}" if node.module else f"{base}{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("module", ["engine.py", "ruleset.py"])
def test_the_engine_imports_no_category_package(module):
    imported = _imported_modules(LINT / module)
    for name in imported:
        parts = name.split(".")
        package = parts[1] if parts[0] == "lint" else name.lstrip(".").split(".")[0]
        assert package not in CATEGORY_PACKAGES, f"{module} imports {name}"


def test_capabilities_are_declared_by_the_types_that_have_them():
    declared = {name: rule_class(name) for name in RULE_TYPES}
    assert declared["boilerplate"].excludes_lines and not declared["existence"].excludes_lines
    for name in ("readability-grade", "readability-paragraph", "readability-sentence"):
        assert declared[name].needs_exclusions and declared[name].metrics is not None
    assert declared["languagetool"].postprocess is not None and declared["languagetool"].dynamic_ids
    assert not any(declared[n].dynamic_ids for n in RULE_TYPES if n != "languagetool")


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(lint.engine, "_RULESETS", {})  # rules built afresh, with the patches below
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "story.txt"


def _forbid(monkeypatch, target: str, what: str):
    module, _, name = target.rpartition(".")
    import importlib

    def refuse(*a, **k):
        raise AssertionError(f"{what} ran")

    monkeypatch.setattr(importlib.import_module(module), name, refuse)


def _json(result) -> dict:
    no_traceback(result)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("selection", [["--select", "typography"], ["--ignore", "readability,boilerplate"]])
def test_json_output_without_readability_computes_no_metrics_and_no_boilerplate(story, monkeypatch, selection):
    _forbid(monkeypatch, "lint.readability.metrics.document_metrics", "readability metrics")
    _forbid(monkeypatch, "lint.boilerplate.classifier.analyse", "the boilerplate pass")
    out = _json(edlint("check", "--format", "json", "--languagetool", "off", *selection, story.name))
    assert [d["rule"] for d in out["diagnostics"]] == ["typography.double-space"]
    assert out["documents"][0]["metrics"] == {}


def test_ignoring_readability_keeps_boilerplate_but_computes_no_metrics(story, monkeypatch):
    _forbid(monkeypatch, "lint.readability.metrics.document_metrics", "readability metrics")
    out = _json(edlint("check", "--format", "json", "--languagetool", "off", "--ignore", "readability",
                       story.name))
    assert "boilerplate.share" in {d["rule"] for d in out["diagnostics"]}
    assert out["documents"][0]["metrics"] == {}


def test_readability_rules_still_get_metrics_in_json(story):
    out = _json(edlint("check", "--format", "json", "--languagetool", "off", story.name))
    assert out["documents"][0]["metrics"]["words"] > 10


def test_stats_asks_for_figures_whatever_is_selected(story):
    (story.parent / "edlint.toml").write_text('select = ["typography"]\n', encoding="utf-8")
    result = edlint("stats", "--format", "json", story.name)
    no_traceback(result)
    assert json.loads(result.stdout)["documents"][0]["metrics"]["words"] > 10


def test_languagetool_auto_with_no_server_prepares_no_text(story, monkeypatch):
    import lint.languagetool.install as install

    monkeypatch.setattr(install, "find_install", lambda: (None, "no installation here"))
    _forbid(monkeypatch, "lint.languagetool.prose.build_prose", "preparing LanguageTool's text")
    (story.parent / "edlint.toml").write_text('select = ["grammar", "typography"]\n', encoding="utf-8")
    result = edlint("check", "--format", "json", story.name)
    out = _json(result)
    assert [d["rule"] for d in out["diagnostics"]] == ["typography.double-space"]
    assert "no server configured and none installed" in result.stderr + result.stdout
