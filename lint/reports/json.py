"""The JSON report: a stable contract (version 1), read by CI scripts and the benchmark scorers.

    {"version": 1,
     "diagnostics": [{"path", "line", "column", "end_line", "end_column", "rule", "category",
                      "severity", "message", "suggestions": [...], "fix"?: {...}, "record"?}],
     "documents": [{"path", "record"?, "metrics": {...}}],
     "errors": [{"path", "message"}],
     "notices": [{"level", "message", "source"}],
     "summary": {"files", "documents", "errors", "warnings", "info", "file_errors", "baselined"}}

Lines and columns are 1-based and count characters; end_column is exclusive.
"""
from __future__ import annotations

import json


def diagnostic_dict(d) -> dict:
    out = {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line,
           "end_column": d.end_column, "rule": d.rule, "category": d.category,
           "severity": d.severity, "message": d.message, "suggestions": list(d.suggestions)}
    if d.record is not None:
        out["record"] = d.record
    if d.fix is not None:
        out["fix"] = {"safe": d.fix.safe, "description": d.fix.description,
                      "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement}
                                for e in d.fix.edits]}
    return out


def as_data(result) -> dict:
    c = result.counts()
    docs = []
    for doc in result.documents:
        item = {"path": doc.path, "metrics": doc.metrics}
        if doc.record is not None:
            item["record"] = doc.record
        docs.append(item)
    return {
        "version": 1,
        "diagnostics": [diagnostic_dict(d) for d in result.diagnostics],
        "documents": docs,
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "notices": [{"level": n.level, "message": n.message, "source": n.source} for n in result.notices],
        "summary": {"files": len(result.files), "documents": len(result.documents),
                    "errors": c["error"], "warnings": c["warning"], "info": c["info"],
                    "file_errors": len(result.errors), "baselined": result.baselined},
    }


def render(result, options: dict) -> str:
    return json.dumps(as_data(result), ensure_ascii=False, indent=None if options.get("compact") else 1) + "\n"
