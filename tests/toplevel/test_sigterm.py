"""SIGTERM (what CI sends when a job is cancelled): edlint stops its --jobs workers and
exits 143, and no process of it is left behind. Run for real, in a subprocess."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the process table in /proc")

WORDS = ("the council said it was late and possibly wrong about budget plans for schools roads "
         "bridges harbour libraries trains").split()


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        todo.extend(kids - found)
        found |= kids
    return found


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has installed its SIGTERM handler yet (SigCgt in /proc/PID/status)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            mask = next(line.split()[1] for line in f if line.startswith("SigCgt:"))
    except (OSError, StopIteration):
        return False
    return bool(int(mask, 16) & (1 << (signal.SIGTERM - 1)))


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Enough articles that a two-worker run lasts several seconds."""
    d = tmp_path_factory.mktemp("archive")
    rng = random.Random(7)
    for i in range(300):
        paragraphs = (" ".join(rng.choice(WORDS) for _ in range(120)) + "." for _ in range(20))
        (d / f"story{i:03d}.md").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return d


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_sigterm_stops_every_worker_and_exits_143(archive, tmp_path, jobs):
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--languagetool", "off", "--jobs", jobs,
                                 str(archive)], stdout=subprocess.DEVNULL, stderr=err, cwd=tmp_path)
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        want = 2 if jobs == "2" else 0
        while time.monotonic() < deadline and proc.poll() is None:
            seen |= _descendants(proc.pid)
            if len(seen) >= want and _catches_sigterm(proc.pid):
                break
            time.sleep(0.05)
        time.sleep(0.5)  # into the middle of the work
        assert proc.poll() is None, "the run ended before it could be stopped"
        assert len(seen) >= want
        seen |= _descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        time.sleep(0.2)
        survivors = sorted(p for p in seen if _alive(p))
        assert survivors == []
        assert code == 143
        assert "edlint: terminated" in stderr.read_text()
        assert "Traceback" not in stderr.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in seen:  # never leave a process behind, even when the test fails
            if _alive(p):
                os.kill(p, signal.SIGKILL)
