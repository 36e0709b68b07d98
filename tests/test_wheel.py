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
    # The spelling data, precompiled by hatch_build.py, with its licence notice.
    shipped = [n for n in names if n.startswith("lint/spelling/data/")]
    assert {n.split("-")[0] for n in shipped if n.endswith(".bin")} == {"lint/spelling/data/lexicon",
                                                                      "lint/spelling/data/bigrams"}
    assert "lint/spelling/data/NOTICE.md" in shipped
    # The phrase patterns' facts and the parsed rule files, worked out at build time.
    assert sorted(n.split("-")[0] for n in names if n.startswith("lint/boilerplate/data/")) == [
        "lint/boilerplate/data/compiled", "lint/boilerplate/data/pattern"]
    assert [n.split("-")[0] for n in names if n.startswith("lint/data/")] == ["lint/data/rule"]
    # The readability dictionaries' whole tables, with the notices their licences ask for.
    # (the hash index of the dictionary and the analysed hyphenation patterns: a cold check's)
    assert sorted(n.rsplit("-", 1)[0] for n in names if n.startswith("lint/readability/data/")) == [
        "lint/readability/data/NOTICE.md", "lint/readability/data/README_hyph_en_US.txt",
        "lint/readability/data/cmudict", "lint/readability/data/hyphenation-patterns",
        "lint/readability/data/hyphenation-table", "lint/readability/data/syllable-counts",
        "lint/readability/data/syllable-index"]

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

    # The first spelling check after installing builds nothing: the user's cache stays empty.
    article.write_text("The staff were freindly and the rooms were clean.\n", encoding="utf-8")
    cache = tmp_path / "empty-cache"
    run = subprocess.run([str(env_dir / "bin" / "edlint"), "check", "--fail-on", "warning", "--select", "spelling",
                          str(article)],
                         capture_output=True, text=True, cwd=article.parent,
                         env=dict(env, EDLINT_CACHE_DIR=str(cache)))
    assert run.returncode == 1, run.stderr
    assert "[spelling.misspelling]" in run.stdout and "friendly" in run.stdout
    assert not cache.exists() or not list(cache.iterdir())
    # The installed package finds the tables shipped for the dictionaries installed beside it.
    found = subprocess.run([str(py), "-c", "from lint.readability import prebuilt, syllables, hyphenation as h; "
                            "print(prebuilt.syllable_counts(syllables._dictionary()) is not None, "
                            "prebuilt.hyphenation_table(h.bundled_patterns().source) is not None)"],
                           capture_output=True, text=True, cwd=article.parent, env=env, check=True)
    assert found.stdout.split() == ["True", "True"]


def test_editable_install_precompiles_into_the_source_tree(tmp_path):
    # As `pip install -e .` in a fresh clone (the README's step 2, CI): the files land beside
    # the package the interpreter imports, lint/spelling/data/ of the checkout.
    import shutil

    clone = tmp_path / "clone"
    for name in ("lint", "rules", "languagetool"):
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("*.bin", "__pycache__", ".cache"))
    for name in ("pyproject.toml", "README.md", "LICENSE", "hatch_build.py", ".gitignore"):
        shutil.copy(ROOT / name, clone / name)
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "-e", str(clone)],
                   check=True, cwd=tmp_path)
    built = sorted(p.name.split("-")[0] for p in (clone / "lint" / "spelling" / "data").glob("*.bin"))
    assert built == ["bigrams", "lexicon"]
    assert len(list((clone / "lint" / "boilerplate" / "data").glob("pattern-facts-*.bin"))) == 1
    assert len(list((clone / "lint" / "boilerplate" / "data").glob("compiled-patterns-*.bin"))) == 1
    assert len(list((clone / "lint" / "data").glob("rule-files-*.bin"))) == 1
    from lint.spelling import lexicon

    words, misspellings, _ = lexicon._load(next((clone / "lint" / "spelling" / "data").glob("lexicon-*.bin")))
    assert len(words) > 100_000 and "friendly" in words and misspellings["freindly"] == "friendly"
