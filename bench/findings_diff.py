"""Are two edlint builds' findings identical on the same articles? (behaviour-preserving changes)

    # snapshot one build, then compare another against it
    python bench/findings_diff.py --edlint OLD/.venv/bin/edlint --save old.json PATH...
    python bench/findings_diff.py --edlint NEW/.venv/bin/edlint --against old.json PATH...

    # or both in one run
    python bench/findings_diff.py --edlint OLD/.venv/bin/edlint --edlint NEW/.venv/bin/edlint PATH...

Each build runs `edlint check --format json --languagetool off --fail-on never` over the
PATHs (files, directories, JSON Lines exports). The findings are sorted (path, record, line,
column, rule) so that file order and parallelism do not count; everything else in a finding
(message, severity, span, suggestions, fix) must match. Prints the counts, the first
differences, and exits 1 when the builds differ.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path


def _key(d: dict) -> tuple:
    return (d.get("path", ""), d.get("record") or 0, d.get("line", 0), d.get("column", 0),
            d.get("end_line", 0), d.get("end_column", 0), d.get("rule", ""))


def findings(edlint: str, paths: list[str], extra: list[str]) -> list[dict]:
    cmd = [edlint, "check", "--format", "json", "--languagetool", "off", "--fail-on", "never",
           "--no-progress", *extra, *paths]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{edlint} exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    return sorted(json.loads(proc.stdout)["diagnostics"], key=lambda d: (_key(d), json.dumps(d, sort_keys=True)))


def describe(d: dict) -> str:
    return f"{d.get('path')}:{d.get('line')}:{d.get('column')} {d.get('rule')} {d.get('message', '')[:90]}"


def compare(old: list[dict], new: list[dict], label_old: str, label_new: str, show: int) -> bool:
    print(f"{label_old}: {len(old)} findings; {label_new}: {len(new)} findings")
    as_text = lambda ds: Counter(json.dumps(d, sort_keys=True) for d in ds)  # noqa: E731
    old_c, new_c = as_text(old), as_text(new)
    gone = list((old_c - new_c).elements())
    added = list((new_c - old_c).elements())
    if not gone and not added:
        print("identical")
        return True
    by_rule = Counter(json.loads(g)["rule"] for g in gone)
    by_rule_new = Counter(json.loads(a)["rule"] for a in added)
    print(f"only in {label_old}: {len(gone)} {dict(by_rule.most_common(8))}")
    print(f"only in {label_new}: {len(added)} {dict(by_rule_new.most_common(8))}")
    for g in gone[:show]:
        print("  -", describe(json.loads(g)))
    for a in added[:show]:
        print("  +", describe(json.loads(a)))
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--edlint", action="append", required=True, help="an edlint executable (once or twice)")
    ap.add_argument("--save", help="write the sorted findings of the (single) build here")
    ap.add_argument("--against", help="compare the (single) build with findings saved by --save")
    ap.add_argument("--arg", action="append", default=[], help="extra argument for edlint check (repeatable)")
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    args = ap.parse_args()

    first = findings(args.edlint[0], args.paths, args.arg)
    if len(args.edlint) == 2:
        second = findings(args.edlint[1], args.paths, args.arg)
        return 0 if compare(first, second, "first", "second", args.show) else 1
    if args.save:
        Path(args.save).write_text(json.dumps(first, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(first)} findings saved to {args.save}")
        return 0
    if args.against:
        saved = json.loads(Path(args.against).read_text(encoding="utf-8"))
        return 0 if compare(saved, first, "saved", "this build", args.show) else 1
    ap.error("give two --edlint, or --save, or --against")
    return 2


if __name__ == "__main__":
    sys.exit(main())
