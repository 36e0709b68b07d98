"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

    ::warning file=news/a.md,line=3,col=8,endLine=3,endColumn=15,title=typography.repeated-word::Repeated word: “the”.

Escaping follows GitHub's toolkit (`@actions/core`, command.ts): in the message
% CR LF become %25 %0D %0A; property values also escape : and , (%3A %2C),
which would otherwise end the value.
"""
from __future__ import annotations

import os

from ..result import RunResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


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
    cwd = options.get("cwd")
    lines = []
    for d in result.diagnostics:
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
        lines.append(_command(COMMAND[d.severity], props, message_with_suggestions(d.message, d.suggestions)))
    for e in result.errors:
        lines.append(_command("error", [("file", workspace_path(e.path, cwd)), ("title", "edlint")], e.message))
    for n in result.notices:
        title = f"edlint {n.source}".strip()
        lines.append(_command(COMMAND.get(n.level, "notice"), [("title", title)], n.message))
    return "".join(line + "\n" for line in lines)
