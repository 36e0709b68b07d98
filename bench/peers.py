#!/usr/bin/env python3
"""Throughput against the peers: articles per CPU-second of edlint and of other prose
linters over the same article files, in one run. Installs nothing: give each peer's
command (the README's "Speed" section says how to install proselint, cspell and
write-good outside the project).

    python bench/peers.py CORPUS [--count 1000] [--rounds 3] [--edlint PATH]
        --peer "proselint=/tools/py/bin/proselint check"
        --peer "cspell=/tools/node/node_modules/.bin/cspell lint --no-progress --no-summary --no-must-find-files"
        --peer "write-good=/tools/node/node_modules/.bin/write-good"

CORPUS: a directory of articles, or a JSON Lines file with a "text" field per line;
`--count` articles are written to a temporary directory (cycling through the corpus
if it has fewer), as .txt files, and every tool is given the same file paths
(relative, run from that folder).

edlint runs with every default rule, `--jobs 1`, LanguageTool off, JSON output (what a
CI job reads). Each round runs every tool once, in an order that rotates per round;
the CPU time of a run is that of its whole process tree (user + system of every
waited-for descendant, from getrusage(RUSAGE_CHILDREN)); the best round of each tool
is kept, since on a shared machine the neighbours only ever add time. Each tool first
runs once, untimed, on ten of the articles (caches warm, as on a CI runner's second job). A peer's exit
code is shown but not judged (linters exit non-zero when they find something).
"""
from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from _corpus import corpus_texts


def write_articles(texts: list[str], count: int, folder: str) -> list[str]:
    paths = []
    for i in range(count):
        p = os.path.join(folder, f"article-{i:05d}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(texts[i % len(texts)])
        paths.append(p)
    return paths


def run_tree(cmd: list[str], env: dict, cwd: str) -> tuple[float, float, int, int, str]:
    """(CPU seconds of the whole process tree, wall seconds, exit code, lines of output,
    stderr head). The output is read (a peer that checked nothing shows 0 lines)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, p.returncode, p.stdout.count(b"\n"), p.stderr.decode(errors="replace")[:300]


def parse_peer(spec: str) -> tuple[str, list[str]]:
    name, sep, command = spec.partition("=")
    if not sep or not name.strip() or not command.strip():
        sys.exit(f"--peer wants NAME=COMMAND, not {spec!r}")
    cmd = shlex.split(command)
    if os.sep in cmd[0]:
        cmd[0] = os.path.abspath(cmd[0])  # the peers run from the articles' folder
    if shutil.which(cmd[0]) is None:
        sys.exit(f"--peer {name}: {cmd[0]!r} is not an executable")
    return name.strip(), cmd


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--edlint", default=shutil.which("edlint") or os.path.join(os.path.dirname(sys.executable), "edlint"))
    ap.add_argument("--peer", action="append", default=[], metavar="NAME=COMMAND",
                    help="a peer and its command; the article paths are appended")
    a = ap.parse_args()
    peers = [parse_peer(s) for s in a.peer]
    a.edlint = os.path.abspath(a.edlint) if os.sep in a.edlint else a.edlint
    env = dict(os.environ, EDLINT_LANGUAGETOOL="off")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run writes .pyc files, as an install does
    tools = [("edlint", [a.edlint, "check", "--jobs", "1", "--languagetool", "off", "--format", "json",
                         "--no-progress"])] + peers
    texts = corpus_texts(a.corpus)
    if not texts:
        sys.exit(f"{a.corpus}: no articles")
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="edlint-peers-") as d:
        # Relative paths, run from the folder: cspell skips files outside its working directory.
        paths = [os.path.basename(p) for p in write_articles(texts, a.count, d)]
        words = sum(len(texts[i % len(texts)].split()) for i in range(a.count))
        print(f"{a.count} articles ({words:,} words) from {a.corpus}; {a.rounds} rounds; "
              f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for name, cmd in tools:  # untimed: fills OS file caches, .pyc files and edlint's lexicon cache
            run_tree(cmd + paths[:10], env, d)
        for r in range(a.rounds):
            shift = r % len(tools)
            for name, cmd in tools[shift:] + tools[:shift]:
                cpu, wall, rc, lines, err = run_tree(cmd + paths, env, d)
                if name == "edlint" and rc not in (0, 1):
                    sys.exit(f"edlint exited {rc}: {err}")
                print(f"  round {r + 1} {name:<12} CPU {cpu:7.2f} s  wall {wall:7.2f} s  exit {rc}  {lines} lines out"
                      f"  load {os.getloadavg()[0]:.2f}")
                if name not in best or cpu < best[name][0]:
                    best[name] = (cpu, wall)
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ours = a.count / best["edlint"][0]
    print(f"{'tool':<12} {'best CPU s':>10} {'articles/CPU-s':>15} {'edlint ratio':>13}")
    for name, _ in tools:
        rate = a.count / best[name][0]
        ratio = "" if name == "edlint" else f"{ours / rate:12.2f}x"
        print(f"{name:<12} {best[name][0]:10.2f} {rate:15.1f} {ratio:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
