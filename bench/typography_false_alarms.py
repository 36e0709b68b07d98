"""False alarms of the typography and style rules on clean (published) news text.

Usage: .venv/bin/python bench/typography_false_alarms.py DEV.jsonl [--show RULE] [--select IDS]

Reads a JSON Lines file of records {"id", "text", "clean": bool}; checks the
text of every record with "clean": true as a plain-text article with only the
typography and style rules on, and prints the findings per rule per 1,000
words. Every finding on a clean text counts as a false alarm here, though some
are real slips in the published copy: `--show RULE` prints each one with its
context so you can tell which.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint import check_text  # noqa: E402
from lint.rule_files import load_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl")
    ap.add_argument("--select", default="typography,style",
                    help="comma-separated rule ids or categories (default: typography,style)")
    ap.add_argument("--show", action="append", default=[], help="print the findings of this rule")
    args = ap.parse_args()

    select = [s for s in args.select.split(",") if s]
    rules = sorted(rid for rid in load_rules()
                   if rid in select or rid.split(".", 1)[0] in select)
    config = {"select": select}
    counts: Counter[str] = Counter()
    words = articles = 0
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if not record.get("clean"):
                continue
            text = record["text"]
            articles += 1
            words += len(text.split())
            for d in check_text(text, path=f"{record.get('id', articles)}.txt", config=config):
                counts[d.rule] += 1
                if d.rule in args.show:
                    lines = text.split("\n")
                    context = lines[d.line - 1][max(0, d.column - 41):d.end_column + 40] if d.line == d.end_line \
                        else lines[d.line - 1][max(0, d.column - 41):]
                    print(f"{d.path}:{d.line}:{d.column}: {d.rule}: {d.message}\n    {context!r}")
    print(f"{articles} clean articles, {words} words")
    print(f"{'rule':38} {'findings':>8} {'per 1,000 words':>16}")
    for rid in rules:
        n = counts.get(rid, 0)
        print(f"{rid:38} {n:8d} {1000 * n / max(words, 1):16.3f}")
    total = sum(counts[r] for r in rules)
    print(f"{'total':38} {total:8d} {1000 * total / max(words, 1):16.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
