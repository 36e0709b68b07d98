"""Does `--jobs 2` pay? Wall time and CPU of `edlint check --jobs 1` against `--jobs 2`.

    python bench/jobs_scaling.py ARTICLES [--rounds 3] [--edlint .venv/bin/edlint] [--arg=...]

Both sides run in this process tree, alternating, for several rounds; the best of each
is kept (the least disturbed by other load), and each round's two runs, made one after
the other under about the same load, give a paired ratio: their median is the figure
that a burst of load on a shared machine moves least. CPU is user + system time of the whole
process tree (wait4 counts the workers the edlint process waited for). Prints the speed-up
in wall time, the CPU of --jobs 2 against --jobs 1, and the load average of the cores
around each run: on a loaded machine the wall-time figure says more about the others.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the tree, exit code)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", default="1,2", help="the two sides, e.g. 1,2")
    ap.add_argument("--edlint", default=os.path.join(os.path.dirname(sys.executable), "edlint"))
    ap.add_argument("--arg", action="append", default=[], help="an extra argument for edlint check")
    args = ap.parse_args()
    sides = args.jobs.split(",")
    base = [args.edlint, "check", *args.paths, "--languagetool", "off", "--fail-on", "never",
            "--no-progress", "-o", os.devnull, *args.arg]
    best: dict[str, tuple[float, float]] = {}
    paired: list[tuple[float, float]] = []  # (wall speed-up, CPU ratio) of each round
    print(f"# {' '.join(base)} --jobs N; {os.cpu_count()} cores")
    for r in range(args.rounds):
        this_round: dict[str, tuple[float, float]] = {}
        for side in (sides if r % 2 == 0 else sides[::-1]):
            before = os.getloadavg()[0]
            wall, cpu, code = run(base + ["--jobs", side])
            after = os.getloadavg()[0]
            print(f"round {r + 1} --jobs {side}: wall {wall:7.2f} s  cpu {cpu:7.2f} s  exit {code}  "
                  f"load {before:.1f} -> {after:.1f}", flush=True)
            w, c = best.get(side, (float("inf"), float("inf")))
            best[side] = (min(w, wall), min(c, cpu))
            this_round[side] = (wall, cpu)
        (w1, c1), (w2, c2) = this_round[sides[0]], this_round[sides[1]]
        paired.append((w1 / w2, c2 / c1))
        print(f"round {r + 1} paired: speed-up {w1 / w2:.2f}x, CPU {c2 / c1:.3f}x", flush=True)
    one, two = best[sides[0]], best[sides[1]]
    print(f"best --jobs {sides[0]}: wall {one[0]:.2f} s, cpu {one[1]:.2f} s; "
          f"best --jobs {sides[1]}: wall {two[0]:.2f} s, cpu {two[1]:.2f} s")
    print(f"speed-up (wall, --jobs {sides[0]} / --jobs {sides[1]}): {one[0] / two[0]:.2f}x; "
          f"CPU of --jobs {sides[1]} / --jobs {sides[0]}: {two[1] / one[1]:.3f}x; "
          f"load now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"median of {len(paired)} paired rounds: speed-up {statistics.median(p[0] for p in paired):.2f}x, "
          f"CPU {statistics.median(p[1] for p in paired):.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
