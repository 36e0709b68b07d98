#!/usr/bin/env python3
"""What an article costs in a JSON Lines export against the same article as a file
(issue 17's JSON Lines bar: within 1.2x per article, records spread over --jobs).

    python bench/jsonl_vs_files.py CORPUS [--articles 2000] [--rounds 3] [--jobs 1,2]
                                   [--edlint PATH] [--arg=--select=spelling]

CORPUS: a directory of articles or a JSON Lines file with a "text" field. --articles of
them (cycled, each copy made distinct by a line naming it) are written twice: as .txt
files, and as one export of {"id", "text"} records ("text" is read as plain text, as a
.txt file is, so both hold the same documents). Each side is a whole
`edlint check --format json` process with LanguageTool off; the two sides alternate,
--rounds times per --jobs value, and the best of each is kept (the machine's other load
only ever adds). Prints CPU (the process and its workers) and wall per side, the export's
cost per article over the files', and, per side, the share of the work its workers did
(CPU over wall: 1.0 is one process at a time), with the load beside each figure. The
findings of both sides are compared by rule, count and text: they must be the same.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import article_files


def timed(cmd, out_path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(out_path, "wb") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit(f"edlint failed ({p.returncode}): {p.stderr.decode()[-800:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def findings(report: Path) -> collections.Counter:
    """What was found, whatever the file or record it was found in."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return collections.Counter((d["rule"], d.get("text", "")) for d in data["diagnostics"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    ap.add_argument("--edlint", default=str(Path(sys.executable).with_name("edlint")))
    ap.add_argument("--arg", action="append", default=[], help="an extra argument for edlint check")
    args = ap.parse_args()

    texts = article_files(args.corpus)
    if not texts:
        sys.exit(f"{args.corpus}: no articles")
    work = Path(tempfile.mkdtemp(prefix="edlint-jsonl-bench-"))
    try:
        files = work / "files"
        files.mkdir()
        export = work / "export.jsonl"
        with open(export, "w", encoding="utf-8") as out:
            for i in range(args.articles):
                text = f"{texts[i % len(texts)][1].strip()}\n\nCopy {i}.\n"
                (files / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
                out.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        print(f"{args.articles} articles from {args.corpus} ({len(texts)} distinct): {files.name}/ as .txt files, "
              f"{export.name} {export.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} cores; edlint {args.edlint}")
        verdict = 0
        for jobs in [int(j) for j in args.jobs.split(",")]:
            best = {}
            for r in range(args.rounds):
                order = ("files", "jsonl") if r % 2 == 0 else ("jsonl", "files")
                for side in order:
                    target = files if side == "files" else export
                    cmd = [args.edlint, "check", "--languagetool", "off", "--format", "json", "--no-progress",
                           "--fail-on", "never", "--jobs", str(jobs), *args.arg, str(target)]
                    load = os.getloadavg()[0]
                    wall, cpu = timed(cmd, work / f"{side}.json")
                    print(f"  --jobs {jobs} round {r + 1} {side:5}  wall {wall:7.2f} s  CPU {cpu:7.2f} s  "
                          f"load {load:.2f}", flush=True)
                    prev = best.get(side)
                    best[side] = (min(wall, prev[0]) if prev else wall, min(cpu, prev[1]) if prev else cpu, load)
            (fw, fc, _), (jw, jc, _) = best["files"], best["jsonl"]
            n = args.articles
            print(f"--jobs {jobs}: files {fc / n * 1000:.2f} ms CPU/article, export {jc / n * 1000:.2f} ms; "
                  f"export / files: {jc / fc:.2f}x CPU, {jw / fw:.2f}x wall (bar: 1.2x); "
                  f"CPU/wall: files {fc / fw:.2f}, export {jc / jw:.2f}; load {os.getloadavg()[0]:.2f}")
            same = findings(work / "files.json") == findings(work / "jsonl.json")
            print(f"--jobs {jobs}: findings the same (rule, text, count): {'yes' if same else 'NO'}")
            verdict |= 0 if same else 1
        return verdict
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
