from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.cli import main

from .archive import make_archive


@pytest.fixture
def archive(tmp_path):
    return make_archive(tmp_path)


def run_audit(tmp_path, *args, name="audit"):
    """(exit code, audit.json as data, the HTML, stderr) of `edlint audit ARGS`."""
    report = tmp_path / f"{name}.html"
    result = CliRunner().invoke(main, ["audit", *map(str, args), "--report", str(report)])
    data = json.loads((tmp_path / f"{name}.json").read_text()) if (tmp_path / f"{name}.json").exists() else None
    html = report.read_text() if report.exists() else None
    return result.exit_code, data, html, result.stderr if hasattr(result, "stderr") else result.output


@pytest.fixture
def audited(tmp_path, archive):
    code, data, html, err = run_audit(tmp_path, archive)
    assert data is not None, err
    return code, data, html, tmp_path / "audit.html"
