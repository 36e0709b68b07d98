"""A directory walk meets named pipes and links to devices: each is reported as not a
regular file, never opened in a way that waits for a writer or reads without end.

Run in a child process with a time limit: a regression must fail, not hang the suite."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

TIMEOUT = 60


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=TIMEOUT, env={**os.environ, "EDLINT_LANGUAGETOOL": "off"})


@pytest.fixture
def walked(desk):
    news = desk / "news"
    news.mkdir()
    (news / "story.txt").write_text("It was very late.\n")
    os.mkfifo(news / "pipe.txt")
    os.mkfifo(news / "pipe.jsonl")
    (news / "zero.md").symlink_to("/dev/zero")
    return desk


@pytest.mark.parametrize("extra", [[], ["--cache"], ["--jobs", "2"]])
def test_check_reports_pipes_and_devices_and_checks_the_rest(walked, extra):
    r = run("check", "--follow-symlinks", "--format", "json", *extra, "news", cwd=walked)
    assert r.returncode == 2, r.stderr
    report = json.loads(r.stdout)
    assert [(d["path"], d["line"], d["column"]) for d in report["diagnostics"]] == [("news/story.txt", 1, 8)]
    assert sorted((e["path"], e["message"]) for e in report["errors"]) == [
        ("news/pipe.jsonl", "not a regular file but a named pipe: not read"),
        ("news/pipe.txt", "not a regular file but a named pipe: not read"),
        ("news/zero.md", "not a regular file but a device: not read"),
    ]


@pytest.mark.parametrize("command", [["stats"], ["vocab"], ["fix", "--diff"]])
def test_other_commands_report_them_too(walked, command):
    r = run(*command, "--follow-symlinks", "news", cwd=walked)
    assert r.returncode == 2, r.stderr
    assert "news/zero.md: not a regular file but a device: not read" in r.stderr
    assert "not a regular file but a named pipe: not read" in r.stderr


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux's /proc")
def test_a_file_larger_than_its_size_says_is_read_whole_within_the_limit():
    # /proc files say size 0 and hold more: as a file that grew after it was measured.
    from lint.errors import InputError
    from lint.readers import read_bytes

    data = read_bytes("/proc/self/status")
    assert data.startswith(b"Name:") and len(data) > 100
    with pytest.raises(InputError, match="file too large"):
        read_bytes("/proc/self/status", {"max-file-size": 100})


def test_a_report_written_to_a_named_pipe_goes_into_it_and_the_pipe_stays(desk):
    # `-o /dev/null`, `-o >(gzip > r.gz)`: the rename of an atomic write put a regular file
    # in the device's or pipe's place (as root, /dev/null itself).
    (desk / "a.txt").write_text("It was very late.\n")
    os.mkfifo(desk / "report")
    reader = subprocess.Popen(["cat", str(desk / "report")], stdout=subprocess.PIPE, text=True)
    r = run("check", "a.txt", "--format", "json", "-o", "report", cwd=desk)
    out, _ = reader.communicate(timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr  # a warning, under the default --fail-on error
    assert [d["path"] for d in json.loads(out)["diagnostics"]] == ["a.txt"]
    assert stat.S_ISFIFO(os.stat(desk / "report").st_mode)
