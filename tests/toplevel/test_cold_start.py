"""What a one-article check pays for besides checking: the modules it imports and the files it
writes. Speed itself is measured by bench/cold_start.py, never here."""
from __future__ import annotations

import os
import subprocess
import sys

from lint.cli.check import IN_MEMORY_BYTES, IN_MEMORY_FILES, spill_wanted
from tests.helpers import modules_after_check

ARTICLE = ("# Bridge repairs approved\n\nThe council voted on Monday to repair the old bridge. Work starts "
           "in May, and the road stays open.\n\nThe mayor said the repairs were overdue.\n")
# Needed only by other runs: `regex` by a block that may hold a style phrase or a doubled mark,
# tempfile (with shutil, bz2 and lzma) by a run that keeps its results on disk, difflib by an
# error's "did you mean", json by JSON input or output.
UNNEEDED = ("regex", "tempfile", "shutil", "difflib", "json", "lint.readers.jsondocs")


def _loaded_after(folder, text: str, modules, *args: str, env=None, stderr=None) -> dict[str, bool]:
    """Like tests.helpers.modules_after_check, with none of the modules imported by the test's
    own code (that helper imports json, and passes -q, whose parsing imports click's difflib)."""
    (folder / "a.md").write_text(text)
    code = ("import sys\nfrom lint.cli import main\ntry:\n"
            f"    main(['check', '--fail-on', 'never', *{list(args)!r}, 'a.md'])\n"
            "except SystemExit:\n    pass\n"
            f"print(repr({{m: m in sys.modules for m in {tuple(modules)!r}}}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, timeout=120,
                          env=env)
    assert proc.returncode == 0, proc.stderr
    if stderr is not None:
        stderr.append(proc.stderr)
    return eval(proc.stdout.strip().splitlines()[-1])


def test_a_plain_one_article_check_imports_none_of_what_it_does_not_need(tmp_path):
    loaded = _loaded_after(tmp_path, ARTICLE, UNNEEDED, "--languagetool", "off")
    assert loaded == {m: False for m in UNNEEDED}


# What only a LanguageTool run needs: the client, the local server's code, the thread pool.
LANGUAGETOOL_RUN = ("lint.languagetool.service", "lint.languagetool.client", "lint.languagetool.local",
                    "lint.languagetool.prose", "socket", "concurrent.futures")


def test_auto_mode_with_no_languagetool_imports_none_of_its_client_and_still_says_so(tmp_path):
    empty = tmp_path / "no-languagetool-here"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "LTP_JAR_DIR_PATH"}
    env.update(LTP_PATH=str(empty), EDLINT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("EDLINT_LANGUAGETOOL", None)
    said: list[str] = []
    loaded = _loaded_after(tmp_path, ARTICLE, LANGUAGETOOL_RUN, env=env, stderr=said)
    assert loaded == {m: False for m in LANGUAGETOOL_RUN}
    assert "LanguageTool: no server configured and none installed; grammar checks skipped" in said[0]


def test_a_phrase_or_a_doubled_mark_still_brings_the_patterns_in(tmp_path):
    for text in ("At the end of the day,  the vote passed.\n", "The vote passed,, at last.\n"):
        loaded = modules_after_check(tmp_path, "a.md", text, ("regex",), "--languagetool", "off")
        assert loaded == {"regex": True}


def test_a_few_named_files_keep_their_results_in_memory(tmp_path):
    files = []
    for i in range(3):
        p = tmp_path / f"a{i}.md"
        p.write_text(ARTICLE)
        files.append(str(p))
    assert not spill_wanted(files)
    assert not spill_wanted(files + ["-"], stdin_text=ARTICLE)
    assert not spill_wanted([str(tmp_path / "missing.md")])  # reported as that file's error by the run


def test_a_directory_many_files_or_much_text_keep_them_on_disk(tmp_path):
    small = tmp_path / "a.md"
    small.write_text(ARTICLE)
    big = tmp_path / "export.jsonl"
    big.write_bytes(b"x" * (IN_MEMORY_BYTES + 1))
    assert spill_wanted([str(tmp_path)])
    assert spill_wanted([str(small)] * (IN_MEMORY_FILES + 1))
    assert spill_wanted([str(big)])
    assert spill_wanted(["-"], stdin_text="x" * (IN_MEMORY_BYTES + 1))


def test_a_one_file_run_writes_no_temporary_directory_and_reports_the_same(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE + "\nIt was the the best plan,, they said.\n")
    temp = tmp_path / "tmp"
    temp.mkdir()
    outs = []
    for target in ("a.md", "."):  # the file alone (in memory), its directory (on disk)
        proc = subprocess.run([sys.executable, "-m", "lint", "check", target, "--languagetool", "off",
                               "--format", "json"], capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, "TMPDIR": str(temp)}, timeout=120)
        assert proc.returncode == 0, proc.stderr  # warnings only
        outs.append(proc.stdout.replace('"./a.md"', '"a.md"').replace('"path": "./', '"path": "'))
    assert list(temp.iterdir()) == []
    assert '"typography.repeated-word"' in outs[0] and '"typography.doubled-punctuation"' in outs[0]
    assert outs[0] == outs[1]
