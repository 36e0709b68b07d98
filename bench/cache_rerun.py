#!/usr/bin/env python3
"""What `edlint check --cache` saves on a rerun (issue 17's incremental bar: >= 20x).

    python bench/cache_rerun.py CORPUS [--files 10000] [--edlint PATH] [--against PATH] [--jobs 1]

CORPUS: a directory of articles or a JSON Lines file with a "text" field; --files
articles are written to a temporary directory (cycling through the corpus, each copy
made distinct by a line naming it). Then, each a whole `edlint check` process with
LanguageTool off and a fresh cache directory:

    first run       nothing cached (every file checked, results stored)
    rerun           nothing changed
    one file edited one article changed: it alone is checked again
    config changed  a rule ignored in edlint.toml: every file is checked again

It prints wall and CPU time (the process and its workers) of each, and the first run's
cost over the rerun's, in CPU (what the machine's other load changes least) and wall.
The JSON reports of the first run and the rerun are compared: they must be identical.

With --against OTHER (another build's edlint), each step runs both builds, one after the
other over the same files (each with its own cache directory; which goes first alternates
from step to step), so the machine's load falls on both alike; their reports must be
identical too.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import article_files


def timed(cmd, cwd, out_path=None) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(out_path or os.devnull, "wb") as out:
        p = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit(f"edlint failed ({p.returncode}): {p.stderr.decode()[-800:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--edlint", default=str(Path(sys.executable).with_name("edlint")))
    ap.add_argument("--against", help="another build's edlint, run beside --edlint at each step")
    args = ap.parse_args()

    texts = article_files(args.corpus)
    if not texts:
        sys.exit(f"{args.corpus}: no articles")
    work = Path(tempfile.mkdtemp(prefix="edlint-cache-bench-"))
    try:
        arts = work / "articles"
        arts.mkdir()
        for i in range(args.files):
            suffix, text = texts[i % len(texts)]
            (arts / f"a{i:06d}{suffix}").write_text(f"{text}\n\nCopy {i}.\n", encoding="utf-8")
        (work / "edlint.toml").write_text("", encoding="utf-8")
        builds = [args.edlint] + ([args.against] if args.against else [])

        def command(k):
            return [builds[k], "check", "--languagetool", "off", "--format", "json", "--no-progress",
                    "--jobs", str(args.jobs), "--cache-dir", str(work / f"cache-{k}"), "articles"]

        def step(name, report=None, turn=[0]):
            order = list(range(len(builds)))
            if turn[0] % 2:
                order.reverse()
            turn[0] += 1
            times = {}
            for k in order:
                times[k] = timed(command(k), work, work / f"{report}-{k}.json" if report else None)
            return name, [times[k] for k in range(len(builds))]

        env_note = f"load {os.getloadavg()[0]:.2f} at start, {os.cpu_count()} cores"
        print(f"{args.files} articles from {args.corpus} ({len(texts)} distinct), --jobs {args.jobs}; {env_note}")
        rows = [step("first run", "first"), step("rerun", "rerun")]
        first_text = (work / "articles" / "a000000.txt")
        victim = first_text if first_text.exists() else next(arts.iterdir())
        victim.write_text(victim.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
        rows.append(step("one file edited"))
        (work / "edlint.toml").write_text('ignore = ["typography.mixed-apostrophes"]\n', encoding="utf-8")
        rows.append(step("config changed"))
        def report_of(r, k):
            return (work / f"{r}-{k}.json").read_bytes()

        # Each build's rerun must give its first run's report; the builds' reports must agree
        # too, unless the builds are meant to differ in findings (a rule changed between them).
        own = [report_of("first", k) == report_of("rerun", k) for k in range(len(builds))]
        same = all(own) and len({report_of("first", k) for k in range(len(builds))}) == 1
        for k, build in enumerate(builds):
            if len(builds) > 1:
                print(f"\n{build}:")
            print(f"{'run':18}{'wall s':>10}{'CPU s':>10}")
            for name, times in rows:
                print(f"{name:18}{times[k][0]:10.2f}{times[k][1]:10.2f}")
            (fw, fc), (rw, rc) = rows[0][1][k], rows[1][1][k]
            print(f"first run / rerun: {fc / rc:.1f}x in CPU, {fw / rw:.1f}x in wall (bar: 20x); "
                  f"rerun's report {'identical to' if own[k] else 'DIFFERS from'} the first run's")
        if len(builds) > 1:
            print(f"\nrerun CPU, {builds[0]} / {builds[1]}: {rows[1][1][0][1] / rows[1][1][1][1]:.2f}x")
        print(f"reports identical{' (both builds, first run and rerun)' if len(builds) > 1 else ''}: "
              f"{'yes' if same else 'NO'}; load {os.getloadavg()[0]:.2f} at end")
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
