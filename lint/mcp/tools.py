"""The MCP tools as plain functions: a text in, edlint's findings or fixed text out.

A text is checked as `edlint check` would check a file at `path` (its configuration is
discovered from there; by default a file in the server's working directory) in `format`.
LanguageTool is off here: a grammar server's start-up would stall an assistant's call.
"""
from __future__ import annotations

import os

from ..lsp.checking import BufferChecker

FORMATS = ("markdown", "html", "text", "json")
EXTENSIONS = {"markdown": ".md", "html": ".html", "text": ".txt", "json": ".json"}
MAX_PASSES = 10  # as `edlint fix`: a fix can make room for another; stop if it never settles


class ToolError(ValueError):
    """A bad argument or a text edlint could not check: shown to the assistant as the tool's error."""


class Tools:
    def __init__(self, root: str | None = None):
        self.root = root or os.getcwd()
        self.checker = BufferChecker()

    def _where(self, format: str, path: str | None) -> tuple[str, str]:
        if format not in FORMATS:
            raise ToolError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
        if path:
            return os.path.abspath(os.path.join(self.root, path)), format
        return os.path.join(self.root, "text" + EXTENSIONS[format]), format

    def _check(self, text: str, format: str, path: str | None):
        where, fmt = self._where(format, path)
        result = self.checker.check(where, text, fmt)
        if result.error:
            raise ToolError(result.error)
        return where, fmt, result

    def check_text(self, text: str, format: str = "markdown", path: str | None = None) -> dict:
        _, _, result = self._check(text, format, path)
        findings = [finding(d) for d in result.findings]
        counts = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")}
        return {"findings": findings, "summary": counts, "notices": result.notices, "metrics": result.metrics}

    def fix_text(self, text: str, format: str = "markdown", path: str | None = None) -> dict:
        from ..finding import TextEdit
        from ..fixes import Rewrite, escape_for_format, merge_edits

        rewrite, applied = Rewrite(text), 0
        for _ in range(MAX_PASSES):
            _, fmt, result = self._check(rewrite.text, format, path)
            edits = merge_edits(result.findings)
            if not edits:
                break
            if result.offset_shift:  # the engine checked the text without its byte-order mark
                edits = [TextEdit(e.start + result.offset_shift, e.end + result.offset_shift, e.replacement)
                         for e in edits]
            rewrite.apply(escape_for_format(edits, fmt))
            applied += len(edits)
        else:
            _, _, result = self._check(rewrite.text, format, path)
        return {"text": rewrite.text, "fixes_applied": applied,
                "remaining": [finding(d) for d in result.findings]}

    def explain_rule(self, rule: str) -> str:
        from ..ruleset import all_rules

        specs = all_rules(tuple(self.checker.config_for(os.path.join(self.root, "text.md")).rule_packs))
        spec = specs.get(rule)
        if spec is None:
            close = sorted(r for r in specs if rule and rule in r)[:5]
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise ToolError(f"no rule {rule!r}.{hint}")
        out = [f"# {spec.id}", "", spec.description, "",
               f"category: {spec.category}; severity: {spec.severity}; on by default: {'yes' if spec.enabled else 'no'}"]
        if spec.docs:
            out += ["", spec.docs.strip()]
        if spec.fail_examples:
            out += ["", "Flagged:"] + [f"- {ex.text.strip()}" for ex in spec.fail_examples]
        if spec.pass_examples:
            out += ["", "Not flagged:"] + [f"- {ex.text.strip()}" for ex in spec.pass_examples]
        return "\n".join(out)


def finding(d) -> dict:
    """One finding as the JSON report has it (1-based lines and columns, counted in
    characters), with the text it covers, and without the virtual path."""
    from ..reports.json import finding_dict

    out = finding_dict(d)
    out.pop("path", None)
    out["text"] = d.text
    return out
