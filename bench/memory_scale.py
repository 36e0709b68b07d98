"""Peak memory of `edlint check` as the archive grows: is it flat?

    python bench/memory_scale.py ARTICLES_DIR [--sizes 1000,100000] [--formats text,json,...]
                                 [--jsonl] [--edlint .venv/bin/edlint] [--arg=--select=readability]

The articles of ARTICLES_DIR are cycled to each size N: as files (hard links, in
directories of 1,000, each under its own name) and, with --jsonl, as one JSON Lines export
of N records ({"title", "body"}). Each run is `edlint check ... --format F -o FILE`
(--jobs 1 unless --arg says otherwise); its peak resident memory is the largest sum of
RSS over the process and its children, sampled every 20 ms, beside the kernel's
maximum RSS of the largest process (wait4). Prints one line per run and, per format
and input, the ratio of the largest size's peak to the smallest's, with the load.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def _articles(directory: str) -> list[str]:
    out = []
    for root, _, files in os.walk(directory):
        out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    out.sort()
    if not out:
        sys.exit(f"{directory}: no articles")
    return out


def make_tree(articles: list[str], n: int, where: str) -> str:
    root = os.path.join(where, f"files-{n}")
    for i in range(n):
        src = articles[i % len(articles)]
        d = os.path.join(root, f"d{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(d)
        dst = os.path.join(d, f"{i:07d}-{os.path.basename(src)}")
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
    return root


def make_jsonl(articles: list[str], n: int, where: str) -> str:
    path = os.path.join(where, f"export-{n}.jsonl")
    texts = []
    for a in articles:
        with open(a, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            text = texts[i % len(texts)]
            title, _, body = text.partition("\n")
            out.write(json.dumps({"id": i, "title": title.strip(), "body": body}, ensure_ascii=False) + "\n")
    return path


def peak_rss(cmd: list[str]) -> tuple[float, float, float, int]:
    """(peak tree RSS MB, max single-process RSS MB, wall seconds, exit code)."""
    import psutil

    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    me = psutil.Process(p.pid)
    peak = 0
    status = None
    while status is None:
        try:
            procs = [me] + me.children(recursive=True)
            total = 0
            for q in procs:
                try:
                    total += q.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
        except psutil.Error:
            pass
        pid, status_word, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            status = status_word
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return peak / 1e6, usage.ru_maxrss / 1e3, wall, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles")
    ap.add_argument("--sizes", default="1000,100000")
    ap.add_argument("--formats", default="text,json,sarif,github,junit")
    ap.add_argument("--jsonl", action="store_true", help="also one JSON Lines export per size")
    ap.add_argument("--no-files", action="store_true", help="only the JSON Lines exports")
    ap.add_argument("--edlint", default=os.path.join(os.path.dirname(sys.executable), "edlint"))
    ap.add_argument("--arg", action="append", default=[], help="an extra argument for edlint check")
    ap.add_argument("--keep", help="build the corpora in this directory and keep them")
    args = ap.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    articles = _articles(args.articles)
    where = args.keep or tempfile.mkdtemp(prefix="edlint-memory-")
    os.makedirs(where, exist_ok=True)
    extra = args.arg if any(a.startswith(("-j", "--jobs")) for a in args.arg) else ["--jobs", "1"] + args.arg
    print(f"# {len(articles)} articles cycled; edlint {args.edlint}; args {' '.join(extra)}")
    peaks: dict[tuple[str, str], dict[int, float]] = {}
    try:
        for n in sizes:
            inputs = []
            if not args.no_files:
                root = os.path.join(where, f"files-{n}")
                inputs.append(("files", root if os.path.isdir(root) else make_tree(articles, n, where)))
            if args.jsonl:
                path = os.path.join(where, f"export-{n}.jsonl")
                inputs.append(("jsonl", path if os.path.exists(path) else make_jsonl(articles, n, where)))
            for kind, target in inputs:
                for fmt in formats:
                    out = os.path.join(where, f"report.{fmt}")
                    cmd = [args.edlint, "check", target, "--format", fmt, "-o", out, "--languagetool", "off",
                           "--fail-on", "never", "--no-progress", *extra]
                    load = os.getloadavg()[0]
                    tree, single, wall, code = peak_rss(cmd)
                    peaks.setdefault((kind, fmt), {})[n] = tree
                    print(f"{kind:5s} {fmt:6s} N={n:7d}  peak {tree:8.1f} MB (largest process {single:7.1f} MB)"
                          f"  {wall:7.1f} s  exit {code}  load {load:.1f}", flush=True)
        if len(sizes) > 1:
            print("# ratio: peak at the largest size / peak at the smallest")
            for (kind, fmt), by_n in peaks.items():
                lo, hi = min(by_n), max(by_n)
                print(f"{kind:5s} {fmt:6s} {by_n[hi] / by_n[lo]:.3f}x  ({lo} -> {hi} articles)")
    finally:
        if not args.keep:
            shutil.rmtree(where, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
