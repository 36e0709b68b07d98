"""The GitHub Actions recipe: a valid composite action, several reports from one run, at most
10 annotations per type, and the rest in the job summary."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=os.path.dirname(sys.executable)) or shutil.which(
    "check-jsonschema")


def edlint(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), timeout=120)


def validate(path: Path) -> subprocess.CompletedProcess:
    # check-jsonschema ships SchemaStore's action-metadata schema ("github-action.json").
    return subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-actions", str(path)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is a test dependency: pip install -e '.[test]'")
def test_action_yml_is_valid_action_metadata(tmp_path):
    assert validate(ROOT / "action.yml").returncode == 0
    # The validator really checks: an action without `runs` is refused.
    broken = tmp_path / "action.yml"
    broken.write_text("\n".join(line for line in (ROOT / "action.yml").read_text().splitlines()
                                if not line.startswith("runs:") and not line.startswith("  using")), encoding="utf-8")
    assert validate(broken).returncode != 0


def test_action_installs_from_its_own_checkout_and_keeps_inputs_out_of_the_script():
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert 'pip install --quiet "$GITHUB_ACTION_PATH"' in text
    run_lines = text.split("run: |", 1)[1]
    assert "${{" not in run_lines  # inputs come through env, never spliced into shell code


def _many_findings(tmp_path: Path) -> Path:
    # A house that treats known misspellings as errors: two types of annotation to cap.
    (tmp_path / "edlint.toml").write_text('[severity]\n"spelling.misspelling" = "error"\n', encoding="utf-8")
    d = tmp_path / "articles"
    d.mkdir()
    for i in range(15):  # 15 repeated words (warnings) and 15 misspellings (errors)
        (d / f"story{i:02}.txt").write_text(f"It was the the end of day {i}.\n\nA freindly town.\n", encoding="utf-8")
    return d


def test_one_run_writes_several_reports(tmp_path):
    d = _many_findings(tmp_path)
    r = edlint("check", "--languagetool", "off", "--select", "typography.repeated-word,spelling.misspelling", "--format", "github", "--report", f"sarif:{tmp_path}/out.sarif",
               "--report", f"json:{tmp_path}/out.json", str(d), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    report = json.loads((tmp_path / "out.json").read_text())
    assert len(sarif["runs"][0]["results"]) == len(report["diagnostics"]) == 30
    assert r.stdout.startswith("::")


def test_two_reports_on_stdout_is_a_usage_error(tmp_path):
    d = _many_findings(tmp_path)
    r = edlint("check", "--languagetool", "off", "--select", "typography.repeated-word,spelling.misspelling", "--report", "json", str(d), cwd=tmp_path)
    assert r.returncode == 2
    assert "standard output" in r.stderr


def test_annotations_capped_per_type_and_the_rest_in_the_job_summary(tmp_path):
    d = _many_findings(tmp_path)
    summary = tmp_path / "summary.md"
    r = edlint("check", "--languagetool", "off", "--select", "typography.repeated-word,spelling.misspelling", "--format", "github", str(d), cwd=tmp_path,
               env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = r.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    text = summary.read_text(encoding="utf-8")
    assert "| `spelling.misspelling` | 15 |" in text
    assert "| `typography.repeated-word` | 15 |" in text
    assert "10 more findings are not annotated" in text
    assert text.count("\n- articles/story") == 10  # the findings that did not fit, each listed
