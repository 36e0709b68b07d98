"""`path:line:col: severity: message [rule]`: the line editors and CI problem matchers parse.

Suggestions follow the message; a summary line closes the report.
"""
from __future__ import annotations

from .printable import printable, printable_path

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET, _DIM, _BOLD = "\x1b[0m", "\x1b[2m", "\x1b[1m"


def format_line(d, color: bool = False) -> str:
    # Names, messages and suggestions may hold anything a contributor wrote: one escaped line each.
    msg = d.message
    if d.suggestions:
        msg += " Suggestions: " + ", ".join(_shown(s) for s in d.suggestions[:5]) + "."
    msg, rule = printable(msg), printable(d.rule)
    sev = d.severity
    loc = f"{printable_path(d.path)}:{d.line}:{d.column}"
    if color:
        return f"{_BOLD}{loc}{_RESET}: {_COLORS[sev]}{sev}{_RESET}: {msg} {_DIM}[{rule}]{_RESET}"
    return f"{loc}: {sev}: {msg} [{rule}]"


def _shown(suggestion: str) -> str:
    # A suggestion such as "." or " " is unreadable bare: quote what isn't a plain word or phrase.
    plain = suggestion.strip() == suggestion and any(c.isalnum() for c in suggestion) and "," not in suggestion
    return suggestion if plain else f'"{suggestion}"'


def summary_line(result) -> str:
    c = result.counts()
    total = sum(c.values())
    nfiles = getattr(result.findings, "paths", None)  # known to a spilled run
    if nfiles is None:
        nfiles = len({d.path for d in result.findings})
    parts = [f"{total} finding{'s' if total != 1 else ''}"]
    if total:
        parts.append(f"({c['error']} error{'s' if c['error'] != 1 else ''}, "
                     f"{c['warning']} warning{'s' if c['warning'] != 1 else ''}, {c['info']} info)"
                     f" in {nfiles} file{'s' if nfiles != 1 else ''}")
    whole = [e for e in result.errors if not e.partial]
    failed = {e.path for e in whole}
    checked = sum(1 for f in result.files if f not in failed)
    parts.append(f"- {checked} file{'s' if checked != 1 else ''} checked")
    if whole:
        parts.append(f"- {len(whole)} could not be checked")
    partial = len(result.errors) - len(whole)
    if partial:  # a bad record of a file whose other records were checked
        parts.append(f"- {partial} part{'s' if partial != 1 else ''} of them could not be checked")
    if result.baselined:
        parts.append(f"- {result.baselined} in the baseline")
    return " ".join(parts)


def render(result, options: dict) -> str:
    from io import StringIO

    out = StringIO()
    write(result, options, out)
    return out.getvalue()


def write(result, options: dict, out) -> None:
    """The report, a line at a time, as the findings are read (a spilled run's are on disk)."""
    color = options.get("color", False)
    for d in result.findings:
        out.write(format_line(d, color) + "\n")
    if options.get("statistics"):
        for line in statistics(result):
            out.write(line + "\n")
    if not options.get("quiet"):
        out.write(summary_line(result) + "\n")


def statistics(result) -> list[str]:
    from collections import Counter

    out = ["", "Findings per rule:"]
    per_rule = Counter(d.rule for d in result.findings)
    if not per_rule:
        out.append("  (none)")
    for rule, n in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        out.append(f"  {n:6d}  {printable(rule)}")
    docs = [d for d in result.documents if d.metrics]
    if docs:
        out.append("")
        out.append("Readability per document:")
        for doc in docs:
            m = doc.metrics
            name = printable_path(doc.path) + (f"#{doc.record}" if doc.record is not None else "")
            keys = [k for k in ("words", "sentences", "formula", "grade", "target_grade", "flesch_reading_ease",
                                "reading_time_s") if m.get(k) is not None]
            line = ", ".join(f"{k}={m[k]}" for k in keys)
            out.append(f"  {name}: {line}" + (" (too short to grade)" if m.get("too_short") else ""))
    out.append("")
    return out
