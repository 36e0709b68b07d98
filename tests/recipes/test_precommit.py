"""The pre-commit recipe, run for real: `pre-commit try-repo` against this repository from a git
pre-commit hook in a temporary repository. A staged article with an error blocks the commit;
a clean one passes; `edlint-fix` rewrites the file, and once re-staged the commit passes.
Other text files (.py, .yaml) are not checked."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = os.path.dirname(sys.executable)
PRE_COMMIT = shutil.which("pre-commit", path=BIN) or shutil.which("pre-commit")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is a test dependency: pip install -e '.[test]'")]


def git(repo: Path, *args, check=True):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, timeout=600)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("newsroom")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.org")
    git(repo, "config", "user.name", "Desk")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def install_hook(repo: Path, hook_id: str) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\nexec '{PRE_COMMIT}' try-repo '{ROOT}' {hook_id}\n", encoding="utf-8")
    hook.chmod(0o755)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    # One pre-commit cache for the module: the hook environment is built once per revision.
    home = tmp_path_factory.mktemp("pre-commit-home")
    return dict(os.environ, PRE_COMMIT_HOME=str(home), PATH=BIN + os.pathsep + os.environ.get("PATH", ""))


def commit(repo: Path, env, message: str):
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=900)


def test_edlint_hook_blocks_an_article_with_an_error_and_passes_a_clean_one(repo, env):
    install_hook(repo, "edlint")
    (repo / "edlint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")  # the desk's gate
    git(repo, "add", "edlint.toml")
    (repo / "story.md").write_text("# Town\n\nA freindly town by the river.\n", encoding="utf-8")
    (repo / "setup.py").write_text("# freindly: not an article, not checked\n", encoding="utf-8")
    git(repo, "add", "story.md", "setup.py")
    blocked = commit(repo, env, "a story with a slip")
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    out = blocked.stdout + blocked.stderr
    assert "story.md" in out and "freindly" in out
    assert "setup.py" not in out
    (repo / "story.md").write_text("# Town\n\nA friendly town by the river.\n", encoding="utf-8")
    git(repo, "add", "story.md")
    passed = commit(repo, env, "the story, corrected")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "story.md" in git(repo, "ls-files").stdout


def test_edlint_fix_rewrites_and_the_restaged_commit_passes(repo, env):
    install_hook(repo, "edlint-fix")
    (repo / "second.md").write_text("# Weather\n\nIt rained for the the whole day.\n", encoding="utf-8")
    git(repo, "add", "second.md")
    first = commit(repo, env, "second story")
    assert first.returncode != 0  # pre-commit stops a commit whose files a hook changed
    assert (repo / "second.md").read_text(encoding="utf-8") == "# Weather\n\nIt rained for the whole day.\n"
    git(repo, "add", "second.md")
    again = commit(repo, env, "second story, fixed")
    assert again.returncode == 0, again.stdout + again.stderr
    assert git(repo, "show", "HEAD:second.md").stdout == "# Weather\n\nIt rained for the whole day.\n"
