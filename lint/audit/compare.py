"""`--compare OLD.json`: what got better or worse since an older audit.

Counts are compared per article, so an archive that grew is not "worse" for it.
"""
from __future__ import annotations

import json

from ..finding import CATEGORIES
from ..errors import EdlintError

# (label, how to read the figure from audit.json, True when higher is better)
def _per_article(key):
    def get(a):
        docs = a["totals"]["documents"]
        value = a["categories"].get(key, 0) if key in CATEGORIES else a["totals"][key]
        return round(value / docs, 3) if docs else 0.0
    return get


METRICS = [
    ("clean articles (share)", lambda a: a["totals"]["clean_share"], True),
    ("findings per article", _per_article("findings"), False),
    *[(f"{c} findings per article", _per_article(c), False) for c in CATEGORIES],
    ("median reading grade", lambda a: a["readability"]["grade"].get("median"), False),
    ("articles over the target grade (share)", lambda a: a["readability"]["over_target_share"], False),
    ("articles with boilerplate residue (share)", lambda a: a["boilerplate"]["articles_share"], False),
    ("unknown words", lambda a: a["spelling"]["unknown_words"], False),
]


def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise EdlintError(f"{path}: cannot read the audit to compare with: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise EdlintError(f"{path}: not an audit.json (invalid JSON at line {e.lineno} column {e.colno})") from None
    if not isinstance(data, dict) or "totals" not in data or "categories" not in data:
        raise EdlintError(f"{path}: not an audit.json written by `edlint audit`")
    return data


def compare(old: dict, new: dict) -> list[dict]:
    rows = []
    for name, get, higher_better in METRICS:
        try:
            before, after = get(old), get(new)
        except (KeyError, TypeError):
            continue
        if before is None or after is None:
            continue
        change = round(after - before, 4)
        verdict = "same" if change == 0 else ("better" if (change > 0) == higher_better else "worse")
        rows.append({"metric": name, "old": before, "new": after, "change": change, "verdict": verdict})
    return rows
