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
import json.encoder


def finding_dict(d) -> dict:
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


def _document_dict(doc) -> dict:
    item = {"path": doc.path, "metrics": doc.metrics}
    if doc.record is not None:
        item["record"] = doc.record
    return item


def _summary(result) -> dict:
    c = result.counts()
    return {"files": len(result.files), "documents": len(result.documents),
            "errors": c["error"], "warnings": c["warning"], "info": c["info"],
            "file_errors": len(result.errors), "baselined": result.baselined}


def as_data(result) -> dict:
    return {
        "version": 1,
        "diagnostics": [finding_dict(d) for d in result.findings],
        "documents": [_document_dict(doc) for doc in result.documents],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "notices": [{"level": n.severity, "message": n.message, "source": n.source} for n in result.notices],
        "summary": _summary(result),
    }


def encode(data, indent: int | None, pad: str = "") -> str:
    """One JSON value as text: the one place the encoder is chosen. With `indent`, the text
    json.dumps(indent=indent) gives, each of its lines after the first led by `pad`: written
    here, since an indent makes json.dumps use its pure-Python encoder (4x slower on a report)."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False)
    return _indented(data, " " * indent, pad)


def _indented(o, step: str, pad: str) -> str:
    t = type(o)
    if t is str:
        return _string(o)
    if t is dict:
        if not o:
            return "{}"
        inner = pad + step
        parts = []
        for k, v in o.items():
            if type(k) is not str:  # json's own rules for other keys
                return _json_dumps(o, step, pad)
            tv = type(v)  # the common scalars here, without a call each
            if tv is str:
                v = _string(v)
            elif tv is int:
                v = int.__repr__(v)
            elif tv is float and v - v == 0.0:  # finite (NaN and infinities: json's words)
                v = float.__repr__(v)
            elif tv is bool:
                v = "true" if v else "false"
            else:
                v = _indented(v, step, inner)
            parts.append(_string(k) + ": " + v)
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        inner = pad + step
        return "[\n" + inner + (",\n" + inner).join([_indented(v, step, inner) for v in o]) + "\n" + pad + "]"
    if t is int:
        return int.__repr__(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is float and o == o and o not in (_INF, -_INF):
        return float.__repr__(o)
    return _json_dumps(o, step, pad)  # NaN, infinities, subclasses, anything else: as json says


def _json_dumps(o, step: str, pad: str) -> str:
    return json.dumps(o, ensure_ascii=False, indent=len(step)).replace("\n", "\n" + pad)


_INF = float("inf")
_string = json.encoder.encode_basestring  # the C one when available, as json.dumps uses


def render(result, options: dict) -> str:
    from io import StringIO

    out = StringIO()
    write(result, options, out)
    return out.getvalue()


def write(result, options: dict, out) -> None:
    """The text `encode(as_data(result))` gives, written a finding at a time."""
    indent = None if options.get("compact") else 1
    fields = [
        ("version", 1, False),
        ("diagnostics", _items(result.findings, finding_dict, indent), True),
        ("documents", _items(result.documents, _document_dict, indent), True),
        ("errors", [{"path": e.path, "message": e.message} for e in result.errors], False),
        ("notices", [{"level": n.severity, "message": n.message, "source": n.source} for n in result.notices], False),
        ("summary", _summary(result), False),
    ]
    write_object(out, fields, indent)
    out.write("\n")


class _Text(str):
    """Array items already laid out (one or more, as write_array writes them): written as they are."""


def _items(found, as_dict, indent: int | None):
    """The items of an array of the report's top level: dicts, or where the findings are kept
    in chunks that the result cache can know the text of (lint.spill.StoredList.texts), each
    chunk's items as text, rendered once and reused by later runs."""
    if indent != 1 or getattr(found, "fragments", None) is None:
        return (as_dict(d) for d in found)
    pad = " " * (indent * 2)

    def render(chunk) -> str:
        return ",\n".join([pad + encode(as_dict(d), indent, pad) for d in chunk])

    return (_Text(text) for text in found.texts(render) if text)


def write_object(out, fields, indent: int | None, level: int = 0) -> None:
    """A JSON object whose (key, value, streamed) fields are written in order; a streamed
    value is an iterable written as an array item by item. With `indent`, the layout is
    json.dumps's: each nesting level indented by `indent` more spaces."""
    if indent is None:
        out.write("{")
        for k, (key, value, streamed) in enumerate(fields):
            out.write((", " if k else "") + encode(key, None) + ": ")
            if streamed:
                out.write("[")
                for j, item in enumerate(value):
                    out.write((", " if j else "") + encode(item, None))
                out.write("]")
            else:
                out.write(encode(value, None))
        out.write("}")
        return
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    out.write("{")
    for k, (key, value, streamed) in enumerate(fields):
        out.write(("," if k else "") + "\n" + inner + encode(key, None) + ": ")
        if streamed:
            write_array(out, value, indent, level + 1)
        else:
            # Encoded strings hold no raw newline: every newline is the layout's.
            out.write(encode(value, indent, inner))
    out.write(("\n" + pad if fields else "") + "}")


def write_array(out, items, indent: int, level: int) -> None:
    """An array of `items` at nesting `level`, laid out as json.dumps(indent=indent) would."""
    pad, item_pad = " " * (indent * level), " " * (indent * (level + 1))
    first = True
    for item in items:
        if type(item) is _Text:
            out.write(("[\n" if first else ",\n") + item)
        else:
            out.write(("[\n" if first else ",\n") + item_pad + encode(item, indent, item_pad))
        first = False
    out.write("[]" if first else "\n" + pad + "]")
