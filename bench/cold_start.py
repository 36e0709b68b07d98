#!/usr/bin/env python3
"""Wall time of a cold `edlint check`: one article (the editor case) and a
1,000-article directory (the CI case). LanguageTool is off: it is measured by
bench/languagetool_bench.py.

    python bench/cold_start.py ARTICLE [--corpus DIR_OR_JSONL] [--runs 10] [--edlint PATH]

--corpus: a directory of articles, or a JSONL file with a "text" field per line
(e.g. the spelling benchmark); 1,000 articles are written to a temporary
directory, cycling through the corpus if it has fewer.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, env) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"edlint failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return time.perf_counter() - t, p.returncode


def corpus_texts(path: str) -> list[str]:
    if os.path.isdir(path):
        texts = []
        for root, _, names in os.walk(path):
            for n in sorted(names):
                with open(os.path.join(root, n), encoding="utf-8", errors="replace") as f:
                    texts.append(f.read())
        return texts
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("article")
    ap.add_argument("--corpus")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--edlint", default=shutil.which("edlint") or os.path.join(os.path.dirname(sys.executable), "edlint"))
    a = ap.parse_args()
    env = dict(os.environ, EDLINT_LANGUAGETOOL="off")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = [a.edlint, "check", "--languagetool", "off"]
    timed(base + [a.article], env)  # warm the OS file cache and .pyc files, as an editor's second run
    times = [timed(base + [a.article], env)[0] for _ in range(a.runs)]
    print(f"cold check of one article ({os.path.basename(a.article)}), {a.runs} runs: "
          f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s")
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
