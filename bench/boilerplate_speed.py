"""Articles per second of the boilerplate pass, on one core.

    .venv/bin/python bench/boilerplate_speed.py CORPUS [--repeat N] [--limit N] [--count N]

CORPUS is a directory of .txt files or a JSON Lines file with a "text" field per
record (the boilerplate benchmark's format). Every boilerplate rule runs on
every article (reading included), then the corpus rule's finish() runs over the
whole set, as `edlint check` does in one process. Prints articles/s and the
number of findings per rule.

The machine may be shared: beside the figure, a fixed reference pass over the same
texts (split into lines, fold case and spaces, find the words: plain Python and re,
nothing of edlint) is timed in the same run, interleaved with the timed runs, and
the ratio of the two is printed; compare ratios across runs, not articles/s. The
same figures in CPU time of this process, and the load average, are printed too.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.readers.plaintext import read  # noqa: E402
from lint.rule_types import CheckContext, rule_class  # noqa: E402
from lint.rule_files import bundled_rules_dir, load_pack  # noqa: E402


def load_corpus(path: Path, limit: int | None, view: str | None = None) -> list[str]:
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    else:
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        texts = [r["text"] for r in records if view is None or r.get("view") == view]
    return texts[:limit] if limit else texts


def run_pass(texts: list[str], rules, corpus_rules, ctx: CheckContext) -> Counter:
    counts: Counter = Counter()
    collected = {r.id: [] for r in corpus_rules}
    for n, text in enumerate(texts):
        doc = read(text, f"doc-{n}.txt")[0]
        for rule in rules:
            counts[rule.id] += sum(1 for _ in rule.check(doc, ctx))
        for rule in corpus_rules:
            collected[rule.id].append((n, rule.collect(doc, ctx)))
    for rule in corpus_rules:
        counts[rule.id] += sum(1 for _ in rule.finish(collected[rule.id], ctx))
    return counts


_REFERENCE_WORD = re.compile(r"[^\W\d_][\w'-]*")


def reference_pass(texts: list[str]) -> int:
    """A fixed amount of line-by-line Python work per text, for the ratio."""
    n = 0
    for text in texts:
        for line in text.split("\n"):
            folded = " ".join(line.lower().split())
            n += len(_REFERENCE_WORD.findall(folded))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--count", type=int, default=None,
                    help="check exactly N articles, cycling through the corpus if it has fewer")
    ap.add_argument("--view", default=None,
                    help="JSON Lines only: records of this view (the boilerplate benchmark's "
                         "container and page views of one page share most lines)")
    args = ap.parse_args()
    texts = load_corpus(args.corpus, args.limit, args.view)
    if args.count and texts:
        texts = [texts[i % len(texts)] for i in range(args.count)]
    specs = load_pack(bundled_rules_dir() / "boilerplate")
    built = [rule_class(s.type)(s) for s in specs]
    rules = [r for r in built if not r.corpus]
    corpus_rules = [r for r in built if r.corpus]
    best, counts, reference = float("inf"), Counter(), float("inf")
    best_cpu, reference_cpu = float("inf"), float("inf")
    load = os.getloadavg()[0]
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        counts = run_pass(texts, rules, corpus_rules, CheckContext())
        best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        reference_pass(texts)
        reference = min(reference, time.perf_counter() - t0)
        reference_cpu = min(reference_cpu, time.process_time() - c0)
    load = max(load, os.getloadavg()[0])
    lines = sum(t.count("\n") + 1 for t in texts)
    print(f"{len(texts)} articles, {lines} lines, {len(built)} boilerplate rules")
    print(f"best of {args.repeat}: {best:.3f} s = {len(texts) / best:.0f} articles/s "
          f"({lines / best:.0f} lines/s), one core")
    print(f"reference pass (plain Python over the same lines): {reference:.3f} s; "
          f"boilerplate / reference = {best / reference:.2f}")
    # CPU time of this process: what a shared machine's waiting for a core does not inflate.
    print(f"CPU time: {best_cpu:.3f} s = {len(texts) / best_cpu:.0f} articles/s of CPU; "
          f"reference {reference_cpu:.3f} s; ratio {best_cpu / reference_cpu:.2f}; "
          f"load average {load:.1f}")
    for rid, c in sorted(counts.items()):
        print(f"  {rid:32} {c}")


if __name__ == "__main__":
    main()
