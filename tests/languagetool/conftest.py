"""Fixtures: a LanguageTool stand-in on 127.0.0.1, and a run of the engine against it."""
from __future__ import annotations

import pytest

from lint.engine import Engine, FileJob

from ..helpers import make_config
from .fake_server import FakeLanguageTool


@pytest.fixture
def lt():
    with FakeLanguageTool() as server:
        yield server


@pytest.fixture(autouse=True)
def no_local_languagetool(monkeypatch, tmp_path):
    """No test may find (or start) a LanguageTool installed on the machine running it."""
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool-here"))


def run_files(files: dict[str, str], select=("grammar",), **languagetool):
    """RunResult of checking {path: text} in one run, with [languagetool] settings."""
    cfg = make_config(select, languagetool={k.replace("_", "-"): v for k, v in languagetool.items()})
    return Engine().run_jobs([FileJob(path, cfg, text=text) for path, text in files.items()])


def positions(result, path=None):
    """(line, column, end_line, end_column, rule) of every finding (of `path`)."""
    return [(d.line, d.column, d.end_line, d.end_column, d.rule)
            for d in result.findings if path is None or d.path == path]
