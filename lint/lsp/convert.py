"""edlint findings -> LSP diagnostics, each carrying what its code actions need in `data`."""
from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from .positions import PositionIndex

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
# Findings whose covered text is a word a vocabulary can accept.
WORD_RULES = ("spelling.unknown-word", "spelling.misspelling", "spelling.variant", "spelling.rejected-term")


def lsp_range(index: PositionIndex, start: int, end: int) -> types.Range:
    sl, sc = index.position(start)
    el, ec = index.position(max(start, end))
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def range_json(r: types.Range) -> dict:
    return {"start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character}}


def rule_doc_uri(rule: str, specs: dict) -> str | None:
    spec = specs.get(rule)
    if spec is None or not getattr(spec, "path", None):
        return None
    return Path(spec.path).resolve().as_uri()


def to_lsp(d, index: PositionIndex, shift: int, specs: dict) -> types.Diagnostic:
    """One finding; `shift` is added to its offsets (1 when the engine stripped a BOM)."""
    rng = lsp_range(index, d.start + shift, d.end + shift)
    data: dict = {"rule": d.rule, "text": d.text, "line": rng.start.line}
    if d.fix is not None and d.fix.edits:
        data["fix"] = {"safe": d.fix.safe, "title": d.fix.description or f"Fix: {d.rule}",
                       "edits": [{"range": range_json(lsp_range(index, e.start + shift, e.end + shift)),
                                  "newText": e.replacement} for e in d.fix.edits]}
    if d.suggestions:
        data["suggestions"] = list(d.suggestions[:5])
    href = rule_doc_uri(d.rule, specs)
    return types.Diagnostic(
        range=rng, message=d.message, severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.rule, source="edlint",
        code_description=types.CodeDescription(href=href) if href else None, data=data)
