"""One finding per problem when LanguageTool and edlint's own rules both see it.

LanguageTool has its own spell checker (category TYPOS) and a few typography
checks edlint also has (a repeated word, a double space ...). When an edlint
rule flags the same place, its finding is kept (it knows the house vocabulary
and style) and LanguageTool's is dropped; what only LanguageTool flags stays.
"""
from __future__ import annotations

from ..finding import Finding
from ..text import names_rule

# LanguageTool rule id -> the edlint rule that covers the same problem.
SAME_AS = {
    "ENGLISH_WORD_REPEAT_RULE": "typography.repeated-word",
    "WHITESPACE_RULE": "typography.double-space",
    "DOUBLE_PUNCTUATION": "typography.doubled-punctuation",
    "EN_UNPAIRED_BRACKETS": "typography.unbalanced-brackets",
    "EN_UNPAIRED_QUOTES": "typography.unbalanced-quotes",
}


def covered_by(d: Finding) -> str | None:
    """The edlint rule id (or category) whose overlapping finding makes `d` a duplicate."""
    if d.category != "grammar" or "lt_rule" not in d.data:
        return None
    # By category, not issue type: LanguageTool files EN_A_VS_AN under "misspelling" too.
    if d.data.get("lt_category") == "TYPOS":
        return "spelling"
    return SAME_AS.get(d.data["lt_rule"])


def merge_spelling(findings: list[Finding]) -> list[Finding]:
    """Drop a LanguageTool finding that overlaps an edlint finding of the same problem in
    the same document (same path and record): spelling.* for LanguageTool's TYPOS, the
    typography rule in SAME_AS for the others. Keeps the order of everything else."""
    ours: dict[tuple, list[tuple[str, int, int]]] = {}
    for d in findings:
        if d.category != "grammar":
            ours.setdefault((d.path, d.record), []).append((d.rule, d.start, d.end))
    if not ours:
        return list(findings)
    out = []
    for d in findings:
        target = covered_by(d)
        if target and any(names_rule(target, rule) and _overlaps(d, s, e)
                          for rule, s, e in ours.get((d.path, d.record), ())):
            continue
        out.append(d)
    return out


def _overlaps(d: Finding, s: int, e: int) -> bool:
    # An empty span (a missing word) still counts when it sits inside the other one.
    return s < max(d.end, d.start + 1) and d.start < max(e, s + 1)
