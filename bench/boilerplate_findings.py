"""Are the boilerplate pass's findings unchanged? (for behaviour-preserving speed work)

    .venv/bin/python bench/boilerplate_findings.py CORPUS... --save before.json
    .venv/bin/python bench/boilerplate_findings.py CORPUS... --against before.json

Runs the pass bench/boilerplate_speed.py times (every boilerplate rule on every
article, then the corpus rule's finish() over each corpus and view, as one
`edlint check` run would) and records every finding: record, rule, span,
message, fix and data, and what the corpus rule collects of each record. CORPUS is a JSON Lines file of the boilerplate benchmark
(each view is its own run) or a directory of .txt files. With --against, prints
the counts and the first differences and exits 1 when anything differs.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.readers.plaintext import read  # noqa: E402
from lint.rule_files import bundled_rules_dir, load_pack  # noqa: E402
from lint.rule_types import CheckContext, rule_class  # noqa: E402


def _runs(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(run name, [(record id, text)]) for each view of a JSON Lines file, or a directory."""
    if path.is_dir():
        return [(path.name, [(p.name, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.txt"))])]
    views: dict[str, list[tuple[str, str]]] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if line.strip():
                r = json.loads(line)
                views.setdefault(r.get("view", ""), []).append((r.get("id", str(n)), r["text"]))
    return [(f"{path.name}:{view}", texts) for view, texts in views.items()]


def _record(run: str, rid: str, f) -> dict:
    fix = None if f.fix is None else {
        "edits": [[e.start, e.end, e.replacement] for e in f.fix.edits],
        "safe": f.fix.safe, "description": f.fix.description}
    return {"run": run, "id": rid, "rule": f.rule, "start": f.start, "end": f.end, "message": f.message,
            "severity": f.severity, "suggestions": list(f.suggestions), "fix": fix, "data": f.data}


def _plain(items):
    return json.loads(json.dumps(items, default=repr))


def findings(paths: list[Path]) -> list[dict]:
    specs = load_pack(bundled_rules_dir() / "boilerplate")
    built = [rule_class(s.type)(s) for s in specs]
    rules = [r for r in built if not r.corpus]
    corpus_rules = [r for r in built if r.corpus]
    out: list[dict] = []
    for path in paths:
        for run, texts in _runs(path):
            ctx = CheckContext()
            collected = {r.id: [] for r in corpus_rules}
            for n, (rid, text) in enumerate(texts):
                doc = read(text, f"doc-{n}.txt")[0]
                for rule in rules:
                    out.extend(_record(run, rid, f) for f in rule.check(doc, ctx))
                for rule in corpus_rules:
                    items = rule.collect(doc, ctx)
                    collected[rule.id].append((n, items))
                    # What the corpus rule keeps of each document counts too: its findings
                    # need several documents to agree, and may be none on a corpus.
                    out.append({"run": run, "id": rid, "rule": rule.id, "collected": _plain(items)})
            for rule in corpus_rules:
                out.extend(_record(run, texts[n][0], f) for n, f in rule.finish(collected[rule.id], ctx))
    return sorted(out, key=lambda d: json.dumps(d, sort_keys=True, ensure_ascii=False))


def compare(old: list[dict], new: list[dict], show: int) -> bool:
    print(f"saved: {len(old)} findings; this build: {len(new)} findings")
    print("by rule:", dict(sorted(Counter(d["rule"] for d in new).items())))
    as_text = lambda ds: Counter(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in ds)  # noqa: E731
    old_c, new_c = as_text(old), as_text(new)
    gone, added = list((old_c - new_c).elements()), list((new_c - old_c).elements())
    if not gone and not added:
        print("identical")
        return True
    print(f"only saved: {len(gone)}; only this build: {len(added)}")
    for g in gone[:show]:
        print("  -", g[:300])
    for a in added[:show]:
        print("  +", a[:300])
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", type=Path)
    ap.add_argument("--save", type=Path, help="write the sorted findings here")
    ap.add_argument("--against", type=Path, help="compare with findings written by --save")
    ap.add_argument("--show", type=int, default=5, help="differences to print")
    args = ap.parse_args()
    found = findings(args.corpus)
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"{len(found)} findings saved to {args.save}", dict(sorted(Counter(d["rule"] for d in found).items())))
        return 0
    if args.against:
        saved = json.loads(args.against.read_text(encoding="utf-8"))
        return 0 if compare(saved, found, args.show) else 1
    ap.error("give --save or --against")
    return 2


if __name__ == "__main__":
    sys.exit(main())
