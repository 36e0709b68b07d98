"""How `edlint fix` treats the file it writes: a symbolic link's target is fixed and the link
kept; a hard-linked file is refused (a rename would split its links); mode, owner and group are
kept; `kill -9` mid-write leaves the old file, and the next run removes the leftover; a file or
directory that can't be written is reported and the run goes on."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time

import pytest

import lint.fixes as fixes
from .support import edlint, no_traceback

BEFORE, AFTER = "They utilise it.\n", "They use it.\n"


def _temporaries(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".edlint-"))


def test_symlink_target_is_fixed_and_the_link_kept(desk):
    (desk / "real").mkdir()
    (desk / "real" / "a.txt").write_text(BEFORE)
    (desk / "link.txt").symlink_to(desk / "real" / "a.txt")
    r = edlint("fix", "link.txt")
    assert r.exit_code == 0, r.output
    assert (desk / "link.txt").is_symlink()
    assert os.readlink(desk / "link.txt") == str(desk / "real" / "a.txt")
    assert (desk / "real" / "a.txt").read_text() == AFTER
    assert _temporaries(desk) == [] and _temporaries(desk / "real") == []


def test_hard_linked_file_is_refused_and_both_names_kept(desk):
    (desk / "a.txt").write_text(BEFORE)
    os.link(desk / "a.txt", desk / "same.txt")
    (desk / "b.txt").write_text(BEFORE)
    r = edlint("fix", "a.txt", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert ("edlint: error: a.txt: not fixed: it has 2 hard links, and replacing it would split them"
            in r.stderr)
    assert (desk / "a.txt").stat().st_ino == (desk / "same.txt").stat().st_ino
    assert (desk / "same.txt").read_text() == BEFORE
    assert (desk / "b.txt").read_text() == AFTER


def test_owner_and_group_are_given_back(desk, monkeypatch):
    (desk / "a.txt").write_text(BEFORE)
    st = (desk / "a.txt").stat()
    calls = []
    monkeypatch.setattr(os, "chown", lambda path, uid, gid: calls.append((os.path.basename(path), uid, gid)))
    assert edlint("fix", "a.txt").exit_code == 0
    [(name, uid, gid)] = calls
    assert name.startswith(".edlint-") and (uid, gid) == (st.st_uid, st.st_gid)


def test_group_alone_when_the_owner_cannot_be_given_back(desk, monkeypatch):
    (desk / "a.txt").write_text(BEFORE)
    st = (desk / "a.txt").stat()
    calls = []

    def chown(path, uid, gid):
        calls.append((uid, gid))
        if uid != -1:
            raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown)
    assert edlint("fix", "a.txt").exit_code == 0
    assert calls == [(st.st_uid, st.st_gid), (-1, st.st_gid)]
    assert (desk / "a.txt").read_text() == AFTER


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_owner_and_group_are_kept_for_real(desk):
    (desk / "a.txt").write_text(BEFORE)
    os.chown(desk / "a.txt", 4321, 8765)
    (desk / "a.txt").chmod(0o664)
    assert edlint("fix", "a.txt").exit_code == 0
    st = (desk / "a.txt").stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 8765, 0o664)
    assert (desk / "a.txt").read_text() == AFTER


def test_read_only_file_is_reported_and_the_run_goes_on(desk):
    (desk / "a.txt").write_text(BEFORE)
    (desk / "a.txt").chmod(0o444)
    (desk / "b.txt").write_text(BEFORE)
    r = edlint("fix", "a.txt", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: a.txt: not fixed: the file is read-only" in r.stderr
    assert (desk / "a.txt").read_text() == BEFORE
    assert (desk / "b.txt").read_text() == AFTER
    assert r.stderr.endswith("edlint: fixed 1 finding in 1 file\n")


def test_directory_that_cannot_be_written_is_reported_and_the_run_goes_on(desk, monkeypatch):
    # Root may write anywhere, so the refusal a read-only directory gives is simulated.
    for d in ("locked", "open"):
        (desk / d).mkdir()
        (desk / d / "a.txt").write_text(BEFORE)
    real = fixes.tempfile.mkstemp

    def mkstemp(*args, dir=None, **kw):
        if os.path.basename(dir) == "locked":
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kw)

    monkeypatch.setattr(fixes.tempfile, "mkstemp", mkstemp)
    r = edlint("fix", "locked", "open")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: locked/a.txt: not fixed: cannot write it: Permission denied" in r.stderr
    assert (desk / "locked" / "a.txt").read_text() == BEFORE
    assert (desk / "open" / "a.txt").read_text() == AFTER


KILLED_WHILE_WRITING = """
import os, signal, sys
from lint.cli import main
# The moment the new text is in the temporary file and not yet renamed over the old one.
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
main(["fix", "a.txt"])
"""


def test_kill_9_mid_write_leaves_the_old_file_and_the_next_run_cleans_up(desk):
    (desk / "a.txt").write_text(BEFORE)
    child = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING], cwd=desk, capture_output=True,
                           env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert (desk / "a.txt").read_text() == BEFORE  # never half written
    [left] = _temporaries(desk)
    assert left.startswith(".edlint-") and left.endswith(".tmp")
    os.utime(desk / left, (time.time() - 5, time.time() - 5))
    r = edlint("fix", "a.txt")
    assert r.exit_code == 0, r.output
    assert f"edlint: removed {desk / left}, left by an interrupted edlint" in r.stderr
    assert _temporaries(desk) == []
    assert (desk / "a.txt").read_text() == AFTER


def test_only_stale_temporaries_of_edlint_are_removed(tmp_path):
    from lint.fixes import remove_stale_temporaries

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    old = time.time() - 7200
    names = {
        f".edlint-{dead.pid}-abcd1234.tmp": True,       # its process is gone
        f".edlint-{os.getpid()}-abcd1234.tmp": False,   # a write in progress (this process)
        ".edlint-k3j4h5g6.tmp": True,                   # an older edlint's name, hours old
        ".edlint-notes.tmp": False,                     # not a name edlint gives
        f"edlint-{dead.pid}-abcd1234.tmp": False,
        "story.txt": False,
    }
    for name in names:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (old, old))
    fresh = tmp_path / f".edlint-{dead.pid}-zzzz9999.tmp"  # newer than the run: left alone
    fresh.write_text("x")
    started = time.time() - 1
    os.utime(fresh, (started + 0.5, started + 0.5))
    removed = sorted(os.path.basename(p) for p in remove_stale_temporaries(str(tmp_path), started))
    assert removed == sorted(n for n, gone in names.items() if gone)
    assert fresh.exists()


def test_diff_removes_nothing(desk):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (desk / f".edlint-{dead.pid}-abcd1234.tmp").write_text("x")
    os.utime(desk / f".edlint-{dead.pid}-abcd1234.tmp", (time.time() - 60, time.time() - 60))
    (desk / "a.txt").write_text(BEFORE)
    edlint("fix", "--diff", "a.txt")
    assert _temporaries(desk) == [f".edlint-{dead.pid}-abcd1234.tmp"]
