"""A Tally as plain numbers: the content of audit.json and of every figure on the page."""
from __future__ import annotations

import math
from collections import Counter

from ..finding import CATEGORIES
from .aggregate import READING_BIN_S, TEMPLATES_KEPT, WEIGHT, WORDS_KEPT

PRIORITIES = 5


def _quantile(counts: Counter, q: float):
    """The q-quantile (nearest rank) of values given as value -> count."""
    total = sum(counts.values())
    if not total:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    return None


def _distribution(counts: Counter) -> dict:
    n = sum(counts.values())
    if not n:
        return {"documents": 0}
    mean = sum(v * c for v, c in counts.items()) / n
    return {"documents": n, "min": min(counts), "q1": _quantile(counts, 0.25),
            "median": _quantile(counts, 0.5), "q3": _quantile(counts, 0.75),
            "max": max(counts), "mean": round(mean, 2)}


def _histogram(counts: Counter, width: float) -> list[dict]:
    if not counts:
        return []
    lo, hi = math.floor(min(counts) / width), math.floor(max(counts) / width)
    bins = Counter()
    for v, c in counts.items():
        bins[math.floor(v / width)] += c
    return [{"from": round(b * width, 2), "to": round((b + 1) * width, 2), "documents": bins[b]}
            for b in range(lo, hi + 1)]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def summarise(t) -> dict:
    findings = sum(t.rules.values())
    categories = Counter()
    for rule, n in t.rules.items():
        categories[rule.split(".", 1)[0]] += n
    rules = [{"rule": r, "category": r.split(".", 1)[0], "level": t.rule_severity.get(r, "warning"),
              "findings": n, "articles": t.rule_articles[r]}
             for r, n in t.rules.items()]
    rules.sort(key=lambda r: (-r["findings"], r["rule"]))
    # What to look at first: the rules touching the most articles, weighted by severity.
    priorities = sorted(rules, key=lambda r: (-r["articles"] * WEIGHT.get(r["level"], 1), r["rule"]))
    priorities = [{"rule": r["rule"], "level": r["level"], "articles": r["articles"],
                   "share": _share(r["articles"], t.documents), "findings": r["findings"]}
                  for r in priorities[:PRIORITIES]]
    target = t.targets.most_common(1)[0][0] if t.targets else None
    over = sum(c for g, c in t.grades.items() if target is not None and g > target)
    words = t.words.rows()
    templates = sorted(([n, min(forms, key=lambda f: (-forms[f], f))] for n, forms in t.templates.values()),
                       key=lambda x: (-x[0], x[1]))
    sources = [{"source": s, "documents": c["documents"], "findings": c["findings"],
                "articles": c["articles"], "per_article": round(c["findings"] / c["documents"], 3)}
               for s, c in t.sources.items()]
    sources.sort(key=lambda s: (-s["findings"], s["source"]))

    def buckets(table: dict, key: str) -> list[dict]:
        out = []
        for name in sorted(table):
            c = table[name]
            row = {key: name, "documents": c["documents"]}
            for cat in CATEGORIES:
                row[cat] = round(c[cat] / c["documents"], 3) if c["documents"] else 0.0
            out.append(row)
        return out

    return {
        "version": 1,
        "totals": {"documents": t.documents, "files": t.files, "clean": t.clean,
                   "clean_share": _share(t.clean, t.documents), "findings": findings,
                   "error": t.severity["error"], "warning": t.severity["warning"], "info": t.severity["info"],
                   "file_errors": t.errors_total},
        "categories": {c: categories[c] for c in CATEGORIES},
        "rules": rules,
        "priorities": priorities,
        "readability": {
            "scored": sum(t.grades.values()), "target_grade": target,
            "formula": t.formulas.most_common(1)[0][0] if t.formulas else None,
            "over_target": over, "over_target_share": _share(over, sum(t.grades.values())),
            "grade": _distribution(t.grades), "grade_histogram": _histogram(t.grades, 1),
            "reading_time_s": _distribution(t.reading),
            "reading_histogram": _histogram(t.reading, READING_BIN_S),
            "hardest": [{"article": name, "grade": g, "words": p["words"]} for g, name, p in t.hardest.ranked()],
        },
        "boilerplate": {
            "findings": categories["boilerplate"], "articles": t.residue_articles,
            "articles_share": _share(t.residue_articles, t.documents),
            "by_kind": [{"kind": k, "findings": n} for k, n in sorted(t.residue_kind.items(), key=lambda x: (-x[1], x[0]))],
            "by_source": sources,
            "templates": [{"line": line, "articles": n} for n, line in templates[:TEMPLATES_KEPT]],
            "template_lines": len(templates),
            "most_residue": [{"article": name, "findings": n} for n, name, _ in t.most_residue.ranked()],
        },
        "spelling": {"unknown_words": len(words), "listed": min(len(words), WORDS_KEPT),
                     "words": words[:WORDS_KEPT]},
        "over_time": buckets(t.by_month, "month"),
        "sections": buckets(t.by_section, "section"),
        "worst": [{"article": name, "score": score, "path": p["path"], "record": p["record"],
                   "findings": p["findings"], "categories": p["categories"],
                   "shown": [{"line": ln, "column": col, "rule": rule, "level": lvl, "message": msg}
                             for ln, col, rule, lvl, msg in p["kept"]]}
                  for score, name, p in t.worst.ranked()],
        "errors": [{"path": p, "message": m} for p, m in sorted(t.file_errors)],
    }
