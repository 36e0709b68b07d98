"""Baselines: adopt edlint on an existing archive and fail only on new findings.

A finding is remembered by (path, rule, the text it covers), with a count, not
by line number, so edits elsewhere in the file don't bring it back.
"""
from __future__ import annotations

import json
import os
from collections import Counter

from .finding import Finding
from .errors import ConfigError

VERSION = 1


def _key(d: Finding, base: str) -> tuple[str, str, str]:
    path = d.path if d.path == "-" or d.path.startswith("<") else os.path.relpath(os.path.abspath(d.path), base)
    return (path.replace(os.sep, "/"), d.rule, " ".join(d.text.split()))


def write_baseline(path: str, findings: list[Finding]) -> int:
    base = os.path.dirname(os.path.abspath(path))
    counts = Counter(_key(d, base) for d in findings)
    entries = [{"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(counts.items())]
    from .fixes import atomic_write

    atomic_write(path, json.dumps({"version": VERSION, "findings": entries}, indent=1, ensure_ascii=False) + "\n")
    return len(findings)


def read_baseline(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        entries = data["findings"]
        return Counter({(e["path"], e["rule"], e["text"]): int(e.get("count", 1)) for e in entries})
    except OSError as e:
        raise ConfigError(f"{path}: cannot read baseline: {e.strerror}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"{path}: not an edlint baseline file ({e})") from None


def filter_baseline(path: str, findings: list[Finding]) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline, and how many were hidden."""
    remaining = read_baseline(path)
    base = os.path.dirname(os.path.abspath(path))
    kept, hidden = [], 0
    for d in findings:
        k = _key(d, base)
        if remaining.get(k, 0) > 0:
            remaining[k] -= 1
            hidden += 1
        else:
            kept.append(d)
    return kept, hidden
