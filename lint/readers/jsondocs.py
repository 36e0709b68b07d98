"""JSON and JSON Lines CMS exports: one Document per record.

A file holds one object, an array of objects, or (`.jsonl`, `.ndjson`) one
object per line. Which fields are prose, and in which format, comes from
`options["json_fields"]` (dotted paths reach into nested objects):
`{"title": "text", "body": "markdown", "content": "html"}`. A field's string
is decoded with its escapes recorded (`\\n`, `\\"`, `\\u00e9`, surrogate pairs),
so every character maps to its span in the file; Markdown and HTML fields go
through their reader and the two maps are composed. Malformed JSON is an
InputError with the line and column of the fault.
"""
from __future__ import annotations

import json
import re
from json.decoder import scanstring

from ..document import Block, Directive, Document, LineIndex, OffsetMap, TextBuilder
from ..errors import InputError
from .offsets import compose, segments

DEFAULT_FIELDS = {
    "title": "text", "headline": "text", "subtitle": "text", "standfirst": "text",
    "summary": "text", "description": "text", "caption": "text", "text": "text",
    "body": "markdown", "markdown": "markdown",
    "html": "html", "content": "html", "body_html": "html",
}
FORMATS = ("text", "markdown", "html")
TITLE_FIELDS = ("title", "headline")
LINE_FORMATS = (".jsonl", ".ndjson")

_WS = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
                   "r": "\r", "t": "\t"}
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_decoder = json.JSONDecoder()


def read(source: str, path: str, options: dict | None = None) -> list[Document]:
    options = options or {}
    fields = _fields(options, path)
    if path.lower().endswith(LINE_FORMATS):
        records = _line_records(source, path)
    else:
        try:
            records = _document_records(source, path)
        except InputError as e:
            if "Extra data" not in e.message:
                raise
            # One object per line under a .json name (or on stdin): JSON Lines after all.
            try:
                records = _line_records(source, path)
            except InputError:
                raise e from None
    docs = []
    for number, (start, end) in enumerate(records, 1):
        doc = Document(path=path, source=source, format="json", record=number,
                       record_span=(start, end))
        found: list[tuple[str, int, int]] = []
        _object_fields(source, start, "", fields, found)
        for name, value_start, value_end in found:
            _add_field(doc, name, fields[name], value_start, value_end, path, options)
        docs.append(doc)
    return docs


def _fields(options: dict, path: str) -> dict[str, str]:
    fields = options.get("json_fields") or options.get("json-fields") or DEFAULT_FIELDS
    for name, fmt in fields.items():
        if fmt not in FORMATS:
            raise InputError(path, f"json field {name!r}: unknown format {fmt!r} "
                                   f"(expected one of {', '.join(FORMATS)})")
    return dict(fields)


# records -----------------------------------------------------------------------------
def _document_records(source: str, path: str) -> list[tuple[int, int]]:
    if not source.strip():
        return []
    _validate(source, path, 0)
    i = _WS.match(source).end()
    if source[i] == "{":
        return [(i, _decoder.raw_decode(source, i)[1])]
    if source[i] != "[":
        raise InputError(path, "expected a JSON object or an array of objects")
    records = []
    i = _WS.match(source, i + 1).end()
    number = 0
    while source[i] != "]":
        number += 1
        if source[i] != "{":
            raise InputError(path, f"record {number} is not a JSON object")
        end = _decoder.raw_decode(source, i)[1]
        records.append((i, end))
        i = _WS.match(source, end).end()
        if source[i] == ",":
            i = _WS.match(source, i + 1).end()
    return records


def _line_records(source: str, path: str) -> list[tuple[int, int]]:
    records = []
    start = 0
    for line_number, line in enumerate(source.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            offset = start + len(line) - len(line.lstrip())
            _validate(stripped, path, line_number - 1, column_offset=offset - start)
            if not stripped.startswith("{"):
                raise InputError(path, f"line {line_number}: record is not a JSON object")
            records.append((offset, offset + len(stripped)))
        start += len(line) + 1
    return records


def _validate(text: str, path: str, line_offset: int, column_offset: int = 0) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        line, column = LineIndex(text).position(e.pos)  # json counts LF only; editors CR too
        column += column_offset if line == 1 else 0
        raise InputError(path, f"invalid JSON at line {line + line_offset} "
                               f"column {column}: {e.msg}") from None
    except RecursionError:
        raise InputError(path, "invalid JSON: nested too deeply") from None


# fields -------------------------------------------------------------------------------
def _object_fields(s: str, i: int, prefix: str, fields: dict, out: list) -> int:
    """Collect (name, value start, value end) of the wanted string fields of the object
    at s[i] ("{"), recursing into objects a dotted field name reaches; returns its end.
    The text is valid JSON (checked before), so no error handling here."""
    i = _WS.match(s, i + 1).end()
    if s[i] == "}":
        return i + 1
    while True:
        key, i = scanstring(s, i + 1)
        i = _WS.match(s, i).end() + 1  # past ":"
        i = _WS.match(s, i).end()
        name = prefix + key
        if s[i] == '"' and name in fields:
            end = scanstring(s, i + 1)[1]
            out.append((name, i, end))
            i = end
        elif s[i] == "{" and any(f.startswith(name + ".") for f in fields):
            i = _object_fields(s, i, name + ".", fields, out)
        else:
            i = _decoder.raw_decode(s, i)[1]
        i = _WS.match(s, i).end()
        if s[i] == "}":
            return i + 1
        i = _WS.match(s, i + 1).end()  # past ","


def decode_string(s: str, start: int, end: int) -> tuple[str, OffsetMap]:
    """The value of the JSON string literal s[start:end] (quotes included), and the
    map of each of its characters to the file."""
    builder = TextBuilder()
    pos = start + 1
    stop = end - 1
    pending_high: tuple[str, int] | None = None  # a high surrogate waiting for its pair
    for m in _ESCAPE.finditer(s, pos, stop):
        if m.start() > pos:
            _flush_surrogate(builder, pending_high)
            pending_high = None
            builder.add(s[pos:m.start()], pos)
        code = m.group(1)
        if code[0] == "u":
            ch = chr(int(code[1:], 16))
            if pending_high is not None and "\udc00" <= ch <= "\udfff":
                high, high_start = pending_high
                pair = (high + ch).encode("utf-16", "surrogatepass").decode("utf-16")
                builder.add_replaced(pair, high_start, m.end())
                pending_high = None
            else:
                _flush_surrogate(builder, pending_high)
                pending_high = (ch, m.start()) if "\ud800" <= ch <= "\udbff" else None
                if pending_high is None:
                    builder.add_replaced(ch, m.start(), m.end())
        else:
            _flush_surrogate(builder, pending_high)
            pending_high = None
            builder.add_replaced(_SIMPLE_ESCAPES.get(code, code), m.start(), m.end())
        pos = m.end()
    _flush_surrogate(builder, pending_high)
    if pos < stop:
        builder.add(s[pos:stop], pos)
    return builder.text(), builder.offset_map()


def _flush_surrogate(builder: TextBuilder, pending) -> None:
    if pending is not None:  # a lone surrogate, kept as json.loads keeps it
        builder.add_replaced(pending[0], pending[1], pending[1] + 6)


def _add_field(doc: Document, name: str, fmt: str, start: int, end: int, path: str,
               options: dict) -> None:
    value, outer = decode_string(doc.source, start, end)
    if not value.strip():
        return
    if fmt == "text":
        blocks, directives = _text_blocks(value, name.rsplit(".", 1)[-1] in TITLE_FIELDS), []
    else:
        from . import html, markdown
        inner = (markdown if fmt == "markdown" else html).read(value, path, options)[0]
        blocks, directives = inner.blocks, inner.directives
    n = len(value)
    outer_segments = list(segments(outer))  # once per field, not per block
    for b in blocks:
        doc.blocks.append(Block(b.kind, b.text, compose(b.text, b.map, outer, n, outer_segments),
                                outer.start(min(b.start, n)), outer.end(min(b.end, n)),
                                level=b.level, context=b.context, link_chars=b.link_chars))
    for d in directives:
        doc.directives.append(Directive(d.action, d.rules, outer.start(min(d.start, n)),
                                        outer.end(min(d.end, n))))
    if doc.title is None:
        doc.title = next((b.text for b in doc.blocks if b.kind == "title"), None)


def _text_blocks(value: str, is_title: bool) -> list[Block]:
    """Plain text: one title block, or paragraphs separated by blank lines."""
    if is_title:
        text = value.strip()
        start = len(value) - len(value.lstrip())
        return [Block("title", text, OffsetMap.identity(start, len(text)), start, start + len(text))]
    blocks = []
    for m in _PARAGRAPH.finditer(value):
        text = m.group()
        blocks.append(Block("paragraph", text, OffsetMap.identity(m.start(), len(text)),
                            m.start(), m.end()))
    return blocks
