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


def _many(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def summary_line(result) -> str:
    c = result.counts()
    total = sum(c.values())
    parts = [_many(total, "finding")]
    if total:
        nfiles = getattr(result.findings, "paths", None)  # known to a spilled run
        if nfiles is None:
            nfiles = len({d.path for d in result.findings})
        parts.append(f"({_many(c['error'], 'error')}, {_many(c['warning'], 'warning')}, {c['info']} info)"
                     f" in {_many(nfiles, 'file')}")
    whole = [e for e in result.errors if not e.partial]
    failed = {e.path for e in whole}
    parts.append(f"- {_many(sum(1 for f in result.files if f not in failed), 'file')} checked")
    if whole:
        parts.append(f"- {len(whole)} could not be checked")
    partial = len(result.errors) - len(whole)
    if partial:  # a bad record of a file whose other records were checked
        parts.append(f"- {_many(partial, 'part')} of them could not be checked")
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
        for line in statistics_lines(result):
            out.write(line + "\n")
    if not options.get("quiet"):
        out.write(summary_line(result) + "\n")


def statistics(result) -> list[str]:
    return list(statistics_lines(result))


def statistics_lines(result):
    """The lines of --statistics, as the documents are read (a spilled run's are on disk)."""
    from collections import Counter

    yield ""
    yield "Findings per rule:"
    per_rule = Counter(d.rule for d in result.findings)
    if not per_rule:
        yield "  (none)"
    for rule, n in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        yield f"  {n:6d}  {printable(rule)}"
    first = True
    for doc in result.documents:
        m = doc.metrics
        if not m:
            continue
        if first:
            yield ""
            yield "Readability per document:"
            first = False
        name = printable_path(doc.path) + (f"#{doc.record}" if doc.record is not None else "")
        keys = [k for k in ("words", "sentences", "formula", "grade", "target_grade", "flesch_reading_ease",
                            "reading_time_s") if m.get(k) is not None]
        line = ", ".join(f"{k}={m[k]}" for k in keys)
        yield f"  {name}: {line}" + (" (too short to grade)" if m.get("too_short") else "")
    yield ""
