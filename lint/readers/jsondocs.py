"""JSON and JSON Lines CMS exports: one Document per record.

A file holds one object, an array of objects, or (`.jsonl`, `.ndjson`) one
object per line. Which fields are prose, and in which format, comes from
`options["json_fields"]` (dotted paths reach into nested objects):
`{"title": "text", "body": "markdown", "content": "html"}`. A field's string
is decoded with its escapes recorded (`\\n`, `\\"`, `\\u00e9`, surrogate pairs),
so every character maps to its span in the file; Markdown and HTML fields go
through their reader and the two maps are composed. Malformed JSON is an
InputError with the line and column of the fault; in JSON Lines, a malformed
record is reported by its line and the other records are still checked. A
field configured as prose whose value is not a string (a number, a list) is
reported once per file and field; `null` counts as absent.
"""
from __future__ import annotations

import json
import re
from json.decoder import scanstring

from ..document import Block, Directive, Document, LineIndex, OffsetMap, TextBuilder
from ..errors import InputError
from . import LINE_FORMATS, open_regular  # noqa: F401 (LINE_FORMATS is also imported from here)
from .offsets import compose, segments

DEFAULT_FIELDS = {
    "title": "text", "headline": "text", "subtitle": "text", "standfirst": "text",
    "summary": "text", "description": "text", "caption": "text", "text": "text",
    "body": "markdown", "markdown": "markdown",
    "html": "html", "content": "html", "body_html": "html",
}
FORMATS = ("text", "markdown", "html")
TITLE_FIELDS = ("title", "headline")
PART = "_export_part"  # reader option set by the engine for one part of a split export (see split_export)
PART_BYTES = 1 << 20  # a JSON Lines export larger than this is checked in parts of about this size

_WS = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
                   "r": "\r", "t": "\t"}
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
# Numbers are only skipped over: kept as their text, so a 5,000-digit integer (which
# int() refuses past sys.get_int_max_str_digits()) is as valid as JSON says it is.
_decoder = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)


class Records(list):
    """The documents of a file, with what could not be read of it: `errors` (bad
    records, the rest checked) and `warnings` (fields not checked)."""

    def __init__(self, docs=(), errors=(), warnings=()):
        super().__init__(docs)
        self.errors = list(errors)
        self.warnings = list(warnings)


def read(source: str, path: str, options: dict | None = None) -> Records:
    options = options or {}
    fields = _fields(options, path)
    errors: list[str] = []
    if path.lower().endswith(LINE_FORMATS):
        records = _line_records(source, path, errors, options.get(PART))
    else:
        try:
            records = _document_records(source, path)
        except InputError as e:
            if "Extra data" not in e.message:
                raise
            # One object per line under a .json name (or on stdin): JSON Lines after all,
            # if every line is a record (else the first error is the file's).
            try:
                records = _line_records(source, path, errors)
            except InputError:
                raise e from None
            if errors:
                raise e from None
    docs = []
    not_text: dict[str, list[int]] = {}  # field -> [records where it isn't a string, first one's start]
    for number, (start, end) in records:
        doc = Document(path=path, source=source, format="json", record=number,
                       record_span=(start, end))
        found: list[tuple[str, int, int]] = []
        others: list[str] = []
        _object_fields(source, start, "", fields, found, others)
        for name, value_start, value_end in found:
            _add_field(doc, name, fields[name], value_start, value_end, path, options)
        for name in others:
            not_text.setdefault(name, [0, start])[0] += 1
        docs.append(doc)
    warnings = []
    for name, (n, first) in not_text.items():
        warnings.append(f"{path}: field {name!r} is not a string in {n} record{'s' if n != 1 else ''} "
                        f"(first at line {source.count(chr(10), 0, first) + 1}): not checked")
    return Records(docs, errors, warnings)


def _fields(options: dict, path: str) -> dict[str, str]:
    fields = options.get("json_fields") or options.get("json-fields") or DEFAULT_FIELDS
    for name, fmt in fields.items():
        if fmt not in FORMATS:
            raise InputError(path, f"json field {name!r}: unknown format {fmt!r} "
                                   f"(expected one of {', '.join(FORMATS)})")
    return dict(fields)


# records -----------------------------------------------------------------------------
def _document_records(source: str, path: str) -> list[tuple[int, tuple[int, int]]]:
    """(record number, span) of each record of a JSON document."""
    if not source.strip():
        return []
    _validate(source, path, 0)
    i = _WS.match(source).end()
    if source[i] == "{":
        return [(1, (i, _decoder.raw_decode(source, i)[1]))]
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
        records.append((number, (i, end)))
        i = _WS.match(source, end).end()
        if source[i] == ",":
            i = _WS.match(source, i + 1).end()
    return records


def _line_records(source: str, path: str, errors: list[str],
                  part: tuple[int, int] | None = None) -> list[tuple[int, tuple[int, int]]]:
    """(record number, span) of each good line; a bad line's message goes to `errors` and
    keeps its number, so a record's number never depends on the lines before it.
    `part`: (lines, records) before this text, when it is one part of a larger export."""
    records = []
    start = 0
    first_line, number = part or (0, 0)
    for line_number, line in enumerate(source.split("\n"), first_line + 1):
        stripped = line.strip()
        if stripped:
            number += 1
            offset = start + len(line) - len(line.lstrip())
            try:
                _validate(stripped, path, line_number - 1, column_offset=offset - start)
                if not stripped.startswith("{"):
                    raise InputError(path, f"line {line_number}: record is not a JSON object")
            except InputError as e:
                if not errors:
                    first = e
                errors.append(f"{e.message} (record {number} not checked)")
            else:
                records.append((number, (offset, offset + len(stripped))))
        start += len(line) + 1
    if errors and not records and part is None:  # nothing to check: the file is bad, not a record of it
        more = len(errors) - 1
        raise InputError(path, first.message + (f" (and {more} more bad record{'s' if more != 1 else ''})"
                                                if more else ""))
    return records


def _validate(text: str, path: str, line_offset: int, column_offset: int = 0) -> None:
    try:
        _decoder.decode(text)
    except json.JSONDecodeError as e:
        line, column = LineIndex(text).position(e.pos)  # json counts LF only; editors CR too
        column += column_offset if line == 1 else 0
        raise InputError(path, f"invalid JSON at line {line + line_offset} "
                               f"column {column}: {e.msg}") from None
    except RecursionError:
        where = f" at line {line_offset + 1}" if line_offset else ""
        raise InputError(path, f"invalid JSON{where}: nested too deeply") from None


# fields -------------------------------------------------------------------------------
def _object_fields(s: str, i: int, prefix: str, fields: dict, out: list, others: list) -> int:
    """Collect (name, value start, value end) of the wanted string fields of the object
    at s[i] ("{"), recursing into objects a dotted field name reaches; returns its end.
    Wanted fields whose value is neither a string nor null go to `others`.
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
            i = _object_fields(s, i, name + ".", fields, out, others)
        else:
            if name in fields and not s.startswith("null", i):
                others.append(name)
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
    """Plain text: one title block, or paragraphs separated by blank lines (an aligned
    table's cells as blocks, as in a .txt file)."""
    if is_title:
        text = value.strip()
        start = len(value) - len(value.lstrip())
        return [Block("title", text, OffsetMap.identity(start, len(text)), start, start + len(text))]
    blocks = []
    for m in _PARAGRAPH.finditer(value):
        text = m.group()
        blocks.append(Block("paragraph", text, OffsetMap.identity(m.start(), len(text)),
                            m.start(), m.end()))
    if "  " in value or "\t" in value:
        from .plaintext import with_tables
        blocks = with_tables(blocks)
    return blocks


# -- large JSON Lines exports, in parts ------------------------------------------

def split_export(path: str, limit: int, part_bytes: int | None = None):
    """The parts of a large JSON Lines export, each a run of whole lines:
    (text, characters before it, lines before it, records before it, too_large), where
    `too_large` is the message for one record over `limit` bytes (its text is not read).
    Returns None when the file is not plain UTF-8 (it is then read whole, as any file).
    The size limit applies to each record, not to the export."""
    import codecs

    try:
        decoder = codecs.getincrementaldecoder("utf-8")()
        with open_regular(path) as f:  # a first pass: only UTF-8 is split, so nothing is re-decoded
            while block := f.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError, InputError):
        return None  # read whole, as any file (which reports what is wrong with it)
    return _parts(path, limit, part_bytes or PART_BYTES)


def _parts(path: str, limit: int, part_bytes: int):
    chars = lines = records = 0
    pending: list[str] = []
    size = 0
    first = True

    def flush():
        nonlocal chars, lines, records, pending, size
        text = "".join(pending)
        out = (text, chars, lines, records, None)
        chars += len(text)
        lines += len(LineIndex(text).starts) - 1
        records += sum(1 for line in text.split("\n") if line.strip())
        pending, size = [], 0
        return out

    with open_regular(path) as f:
        for raw in f:
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
            if len(raw) > limit:
                if pending:
                    yield flush()
                number = records + 1
                yield ("", chars, lines, records, f"line {lines + 1}: record too large ({len(raw) / 1e6:.1f} MB; "
                       f"the limit is {limit / 1e6:.1f} MB, set readers.max-file-size to raise it) "
                       f"(record {number} not checked)")
                text = raw.decode("utf-8")
                chars += len(text)
                lines += len(LineIndex(text).starts) - 1
                records += 1
                continue
            pending.append(raw.decode("utf-8"))
            size += len(raw)
            if size >= part_bytes:
                yield flush()
    if pending:
        yield flush()
