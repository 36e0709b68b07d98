"""The wheel carries the rule packs: build it, install it in a fresh virtual
environment, and check an article from a directory far from the source tree."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_wheel_installs_and_checks(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, cwd=tmp_path)
    wheel = next(dist.glob("edlint-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("lint/rules/typography/") and n.endswith(".toml") for n in names)

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, cwd=tmp_path)

    article = tmp_path / "work" / "story.txt"
    article.parent.mkdir()
    article.write_text("Markets opened higher on Monday.\n\nTraders said the the rally was broad.\n",
                       encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    run = subprocess.run([str(env_dir / "bin" / "edlint"), "check", "--fail-on", "warning", "--select", "typography",
                          str(article)],
                         capture_output=True, text=True, cwd=article.parent, env=env)
    assert run.returncode == 1, run.stderr
    assert f"{article}:3:14: warning:" in run.stdout
    assert "[typography.repeated-word]" in run.stdout
    # The rules came from the installed package, not from this checkout.
    where = subprocess.run([str(py), "-c", "import lint.rule_files as r; print(r.bundled_rules_dir())"],
                           capture_output=True, text=True, cwd=article.parent, env=env, check=True)
    assert str(env_dir) in where.stdout
