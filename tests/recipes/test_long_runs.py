"""Long runs: a progress line on a terminal (not in CI logs unless asked), FORCE_COLOR, a quiet
mode that an editor's quickfix can read, and a cache that does not grow with every install."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time

from lint.cli.progress import Progress, wanted


def edlint(*args, cwd, env):
    base = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR", "EDLINT_LANGUAGETOOL")}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(base, **env), timeout=120)


def _articles(tmp_path, n=3):
    for i in range(n):
        (tmp_path / f"s{i}.txt").write_text(f"It was the the end of part {i}.\n", encoding="utf-8")


def test_progress_is_asked_for_or_shown_on_a_terminal_only(tmp_path):
    _articles(tmp_path)
    shown = edlint("check", "--languagetool", "off", "--progress", ".", cwd=tmp_path, env={"CI": "true"})
    assert "checked 3/3 files" in shown.stderr
    # Not a terminal, or CI set: nothing, so logs stay readable.
    assert "checked" not in edlint("check", "--languagetool", "off", ".", cwd=tmp_path, env={}).stderr


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_default_follows_the_terminal_and_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert wanted(None, stream=_Tty()) is True
    assert wanted(None, stream=io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert wanted(None, stream=_Tty()) is False
    assert wanted(True, stream=io.StringIO()) is True


def test_progress_line_is_cleared_at_the_end():
    out = _Tty()
    meter = Progress(stream=out)
    for done in range(1, 6):
        meter(done, 5)
    meter.close()
    assert "checked 5/5 files" in out.getvalue()
    assert out.getvalue().endswith("\r\x1b[K")


def test_force_color_colours_a_piped_report(tmp_path):
    _articles(tmp_path, 1)
    plain = edlint("check", "--languagetool", "off", "s0.txt", cwd=tmp_path, env={})
    forced = edlint("check", "--languagetool", "off", "s0.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    assert "\x1b[33m" in forced.stdout
    both = edlint("check", "--languagetool", "off", "s0.txt", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.stdout


def test_quiet_keeps_info_notices_off_stderr(tmp_path):
    _articles(tmp_path, 1)
    env = {"LTP_PATH": str(tmp_path / "none")}  # no LanguageTool anywhere: "grammar checks skipped"
    loud = edlint("check", "s0.txt", cwd=tmp_path, env=env)
    quiet = edlint("check", "--quiet", "s0.txt", cwd=tmp_path, env=env)
    assert "grammar checks skipped" in loud.stderr
    assert quiet.stderr == ""
    assert quiet.stdout.count("\n") == 1  # the finding, no summary


def test_cache_keeps_only_the_current_version(tmp_path, monkeypatch):
    from lint.spelling import lexicon, prebuilt

    cache = tmp_path / "cache"
    cache.mkdir()
    old = [cache / "lexicon-b1_old.bin", cache / "bigrams-b1_old.bin"]
    month_ago = time.time() - 30 * 86400
    for f in old:
        f.write_bytes(b"x" * 1000)
        os.utime(f, (month_ago, month_ago))  # no run has used them for a month
    # Another install's file, used yesterday (a second virtual environment on the same cache).
    other = cache / "lexicon-b1_other.bin"
    other.write_bytes(b"x" * 1000)
    os.utime(other, (time.time() - 86400, time.time() - 86400))
    keep = cache / "notes.txt"  # not a cache file of edlint's
    keep.write_text("mine")
    # The lexicon built and cached, as when none shipped with edlint fits the installed data.
    monkeypatch.setattr(prebuilt, "DIRECTORY", tmp_path / "none shipped")
    monkeypatch.setenv("EDLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(lexicon, "_LEXICON", None)
    lexicon.get_lexicon()
    names = sorted(p.name for p in cache.iterdir())
    assert not old[0].exists()
    assert other.exists()  # still in use: not deleted, or both installs rebuild on every run
    assert keep.exists()
    current = [n for n in names if n.startswith("lexicon-") and n.endswith(".bin") and n != other.name]
    assert len(current) == 1
    # The bigram model prunes the same way when it writes its cache.
    from lint.spelling.lexicon import prune_cache

    prune_cache("bigrams", cache / "bigrams-b9_new.bin")
    assert not old[1].exists()
    assert (cache / current[0]).exists()


def test_reading_a_cache_file_marks_it_in_use(tmp_path):
    # An install that only reads its cache file must keep it from another install's pruning.
    from lint.spelling import cachefile

    path = tmp_path / "lexicon-b1_x.bin"
    cachefile.write(path, b"tag\n", b"payload")
    week_ago = time.time() - 7 * 86400
    os.utime(path, (week_ago, week_ago))
    assert cachefile.read(path, b"tag\n") == b"payload"
    assert time.time() - path.stat().st_mtime < 3600
