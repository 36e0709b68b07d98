#!/usr/bin/env python3
"""Wall time of a cold `edlint check`: one article (the editor case) and a
1,000-article directory (the CI case). LanguageTool is off: it is measured by
bench/languagetool_bench.py.

    python bench/cold_start.py ARTICLE [--corpus DIR_OR_JSONL] [--runs 10] [--edlint PATH]
                                       [--codespell PATH [--against PATH]]

--codespell: also run codespell on the same article, alternating with edlint, and
print both processes' CPU time (user + system, from getrusage of the children) and
edlint's ratio: wall times on a shared machine mostly measure the neighbours. The
best run of each is kept. Then the first run on a fresh machine: edlint with an
empty cache directory (EDLINT_CACHE_DIR), so it builds its lexicon, as after
`pip install`.

--against: a second edlint build (e.g. main's), run in the same alternating rounds, so the
two builds' ratios come from one run under one load.

--instructions: also count the instructions each command executes (one run each under
valgrind's callgrind, about 50x slower): the load of a shared machine does not change them,
so they compare builds and peers where CPU times scatter. Needs valgrind.

--corpus: a directory of articles, or a JSONL file with a "text" field per line
(e.g. the spelling benchmark); 1,000 articles are written to a temporary
directory, cycling through the corpus if it has fewer.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from _corpus import corpus_texts


def timed(cmd, env) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"edlint failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return time.perf_counter() - t, p.returncode


def cpu_of(cmd, env) -> float:
    """CPU seconds (user + system) of the command's whole process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if p.returncode not in (0, 1, 65):  # codespell exits 65 when it finds a misspelling
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()[:500]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd, env) -> int | None:
    """Instructions the command executes (user space, callgrind's count); None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    # Children traced and summed: a build started by a wrapper script (`exec python ...`) counts
    # the process it becomes, not only the shell.
    p = subprocess.run([valgrind, "--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=/dev/null", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    counts = [int(line.rsplit(":", 1)[1]) for line in p.stderr.splitlines() if "Collected :" in line]
    return sum(counts) if counts else None


def against_in_instructions(builds, article, codespell, env) -> None:
    theirs = instructions([codespell, article], env)
    if theirs is None:
        print("instructions: valgrind not found")
        return
    for name, base in builds:
        ours = instructions(base + [article], env)
        label = f"edlint ({name})" if len(builds) > 1 else "edlint"
        print(f"instructions of one article (callgrind): {label} {ours / 1e6:.0f} M, codespell {theirs / 1e6:.0f} M: "
              f"{label} executes {ours / theirs:.2f}x codespell's")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def against_codespell(builds, article, codespell, runs, env) -> None:
    """builds: (name, command) of each edlint build, run in turn with codespell in every round."""
    cpu_of([codespell, article], env)  # its .pyc files and the OS cache, as for edlint above
    for _, base in builds[1:]:
        cpu_of(base + [article], env)
    ours = {name: [] for name, _ in builds}
    theirs = []
    for _ in range(runs):
        for name, base in builds:
            ours[name].append(cpu_of(base + [article], env))
        theirs.append(cpu_of([codespell, article], env))
    for name, _ in builds:
        label = f"edlint ({name})" if len(builds) > 1 else "edlint"
        print(f"CPU of one article, best of {runs} alternating runs (load {load()}): {label} {min(ours[name]):.3f} s, "
              f"codespell {min(theirs):.3f} s: {label} costs {min(ours[name]) / min(theirs):.2f}x codespell "
              f"(medians {statistics.median(ours[name]):.3f} / {statistics.median(theirs):.3f} s)")
    fresh = {name: [] for name, _ in builds}
    for _ in range(3):
        for name, base in builds:
            with tempfile.TemporaryDirectory(prefix="edlint-fresh-cache-") as cache:
                fresh[name].append(cpu_of(base + [article], dict(env, EDLINT_CACHE_DIR=cache)))
    for name, _ in builds:
        label = f" ({name})" if len(builds) > 1 else ""
        print(f"first run on a fresh machine (empty EDLINT_CACHE_DIR){label}, best of 3: {min(fresh[name]):.3f} s CPU, "
              f"{min(fresh[name]) / min(ours[name]):.2f}x its cached run (load {load()})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("article")
    ap.add_argument("--corpus")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--edlint", default=shutil.which("edlint") or os.path.join(os.path.dirname(sys.executable), "edlint"))
    ap.add_argument("--codespell", help="codespell's command, to compare cold-start CPU in the same run")
    ap.add_argument("--against", metavar="EDLINT",
                    help="another edlint build's command (e.g. main's), run in the same rounds as --edlint")
    ap.add_argument("--instructions", action="store_true",
                    help="also count each command's instructions under callgrind (with --codespell)")
    a = ap.parse_args()
    env = dict(os.environ, EDLINT_LANGUAGETOOL="off")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = [a.edlint, "check", "--languagetool", "off"]
    timed(base + [a.article], env)  # warm the OS file cache and .pyc files, as an editor's second run
    times = [timed(base + [a.article], env)[0] for _ in range(a.runs)]
    print(f"cold check of one article ({os.path.basename(a.article)}), {a.runs} runs: "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s")
    if a.codespell:
        builds = [("this build", base)]
        if a.against:
            builds.append(("--against", [a.against, "check", "--languagetool", "off"]))
        against_codespell(builds, a.article, a.codespell, a.runs, env)
        if a.instructions:
            against_in_instructions(builds, a.article, a.codespell, env)
    times = [timed([sys.executable, "-c", "import lint.cli"], env)[0] for _ in range(5)]
    print(f"python + import lint.cli alone: median {statistics.median(times):.3f} s")
    if a.corpus:
        texts = corpus_texts(a.corpus)
        with tempfile.TemporaryDirectory(prefix="edlint-bench-") as d:
            for i in range(a.count):
                with open(os.path.join(d, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
                    f.write(texts[i % len(texts)])
            for jobs in (1, 2):
                t, _ = timed(base + ["--format", "json", "--jobs", str(jobs), d], env)
                print(f"check of {a.count} articles, --jobs {jobs}: {t:.2f} s ({a.count / t:.0f} articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
