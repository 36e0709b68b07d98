"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

    ::warning file=news/a.md,line=3,col=8,endLine=3,endColumn=15,title=typography.repeated-word::Repeated word: “the”.

GitHub shows at most 10 annotations of each type (error, warning, notice) per step and
drops the rest, so the report writes at most that many of each; the CLI puts the counts by
rule, the top files and the findings past the cap in the job summary (`step_summary`).

Escaping follows GitHub's toolkit (`@actions/core`, command.ts): in the message
% CR LF become %25 %0D %0A; property values also escape : and , (%3A %2C),
which would otherwise end the value.
"""
from __future__ import annotations

import os

from ..result import RunResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
ANNOTATIONS_PER_TYPE = 10  # what GitHub displays per type and step
SUMMARY_FINDINGS = 200  # findings past the cap listed in the job summary (it is capped at 1 MiB)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str, cwd: str | None = None) -> str:
    """`path` relative to `cwd` when it lies below it, with forward slashes:
    GitHub resolves annotation files and SARIF URIs against the repository root."""
    if path in ("", "-"):
        return path
    base = os.path.abspath(cwd or os.getcwd())
    full = os.path.abspath(path)
    if full == base or full.startswith(base.rstrip(os.sep) + os.sep):
        path = os.path.relpath(full, base)
    return path.replace(os.sep, "/")


def _command(kind: str, properties: list[tuple[str, object]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def message_with_suggestions(message: str, suggestions) -> str:
    # The same wording as the text report.
    if not suggestions:
        return message
    return f"{message} Suggestions: {', '.join(suggestions[:5])}."


def render(result: RunResult, options: dict) -> str:
    from io import StringIO

    out = StringIO()
    write(result, options, out)
    return out.getvalue()


def write(result: RunResult, options: dict, out) -> None:
    cap = options.get("max_annotations", ANNOTATIONS_PER_TYPE)
    _annotations(result, options.get("cwd"), cap, lambda line: out.write(line + "\n"))


def _annotations(result: RunResult, cwd, cap: int | None, emit=None) -> tuple[list, int]:
    """Emit the workflow commands within the cap per type; return the first findings left
    out (as many as the job summary lists) and how many were left out in all."""
    left_out = []
    n_left_out = 0
    shown = {"error": 0, "warning": 0, "notice": 0}

    def room(kind: str) -> bool:
        if cap is not None and shown[kind] >= cap:
            return False
        shown[kind] += 1
        return True

    # A file that was not checked matters more than any one finding: its slot is kept.
    shown["error"] = len(result.errors) if cap is None else min(cap, len(result.errors))
    for d in result.findings:
        if not room(COMMAND[d.severity]):
            n_left_out += 1
            if len(left_out) < SUMMARY_FINDINGS:
                left_out.append(d)
            continue
        if emit is None:
            continue
        props: list[tuple[str, object]] = [("file", workspace_path(d.path, cwd))]
        if d.line:  # a finding without a position annotates the whole file
            props.append(("line", d.line))
            # GitHub's annotations take columns only on a single line; with a
            # multi-line span the check-run API would reject the annotation.
            if d.end_line in (0, d.line):
                props += [("col", d.column), ("endLine", d.line), ("endColumn", d.end_column or d.column)]
            else:
                props.append(("endLine", d.end_line))
        props.append(("title", d.rule))
        emit(_command(COMMAND[d.severity], props, message_with_suggestions(d.message, d.suggestions)))
    if emit is not None:
        for e in result.errors[:cap]:
            emit(_command("error", [("file", workspace_path(e.path, cwd)), ("title", "edlint")], e.message))
    for n in result.notices:
        kind = COMMAND.get(n.severity, "notice")
        if room(kind) and emit is not None:
            emit(_command(kind, [("title", f"edlint {n.source}".strip())], n.message))
    return left_out, n_left_out


def _cell(text: str) -> str:
    # A Markdown table cell: no line breaks, no column separators, no HTML.
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace("\r", " ").replace("\n", " "))


def step_summary(result: RunResult, options: dict) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: counts by rule, the top files, and the findings
    that did not fit in the annotations."""
    from collections import Counter

    cwd = options.get("cwd")
    cap = options.get("max_annotations", ANNOTATIONS_PER_TYPE)
    left_out, n_left_out = _annotations(result, cwd, cap)
    c = result.counts()
    n_paths = getattr(result.findings, "paths", None)  # known to a spilled run
    if n_paths is None:
        n_paths = len({d.path for d in result.findings})
    out = ["## edlint", "",
           f"{len(result.findings)} findings ({c['error']} errors, {c['warning']} warnings, {c['info']} info) "
           f"in {n_paths} of {len(result.files)} files; "
           f"{len(result.errors)} files not checked.", ""]
    if result.findings:
        out += ["| rule | findings |", "|---|---:|"]
        out += [f"| `{_cell(rule)}` | {n} |" for rule, n in Counter(d.rule for d in result.findings).most_common()]
        out += ["", "| file | findings |", "|---|---:|"]
        files = Counter(workspace_path(d.path, cwd) for d in result.findings)
        out += [f"| {_cell(path)} | {n} |" for path, n in files.most_common(10)]
        out.append("")
    if left_out:
        out += [f"GitHub shows {cap} annotations of each type per step; "
                f"{n_left_out} more findings are not annotated:", ""]
        for d in left_out[:SUMMARY_FINDINGS]:
            out.append(f"- {_cell(workspace_path(d.path, cwd))}:{d.line}:{d.column}: {d.severity}: "
                       f"{_cell(d.message)} (`{_cell(d.rule)}`)")
        if n_left_out > SUMMARY_FINDINGS:
            out.append(f"- … and {n_left_out - SUMMARY_FINDINGS} more (use a SARIF or JSON report for all)")
        out.append("")
    return "\n".join(out) + "\n"
