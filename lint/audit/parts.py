"""Large exports read in partitions: a JSON Lines file by records, a Parquet file by rows.

The planner (on the client) only scans: the newlines of a JSON Lines file (to
number its records exactly as the JSON reader does) or a Parquet file's row
counts. A `Part` is a byte range or a row range plus the records and lines
before it, small enough to send to a Dask worker; the worker reads just that
range, checks it as an ordinary JSON Lines text, and shifts the records and
lines of its findings back to the file's own numbering. So a part's findings
are the whole file's findings for those records, and neither the client nor a
worker ever holds the whole export.

A Parquet row is checked as the JSON object of its columns (the JSON reader's
fields: title, text, body...): its "line" in findings is its row number, from 1.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .metadata import DATE_FIELDS, SECTION_FIELDS, SOURCE_FIELDS, URL_FIELDS

JSONL_EXTENSIONS = (".jsonl", ".ndjson")
PARQUET_EXTENSIONS = (".parquet", ".parq", ".pq")
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32: newlines are not single bytes
_NUMBERED = re.compile(r"\b(line|record) (\d+)")


@dataclass(frozen=True)
class Part:
    path: str
    kind: str  # "jsonl" or "parquet"
    start: int  # jsonl: first byte; parquet: first row (from 0)
    stop: int  # jsonl: end byte; parquet: end row
    records_before: int
    lines_before: int
    first: bool  # the file's first part: counts the file once

    def __str__(self) -> str:  # how progress and errors name it
        return f"{self.path} (records {self.records_before + 1}-)"


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_EXTENSIONS)


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_EXTENSIONS)


def split_jsonl(path: str, size: int) -> list[Part] | None:
    """Parts of at most `size` records, or None when the file is small enough (or not
    splittable: UTF-16/32) to be checked whole, as one file. Raises OSError."""
    parts: list[Part] = []
    with open(path, "rb") as f:
        if f.read(2) in _UNICODE_BOMS:
            return None
        f.seek(0)
        start = offset = 0
        lines = records = 0  # before the current line
        part_lines = part_records = 0  # where the current part starts
        for line in f:
            if records - part_records == size and line.strip():
                parts.append(Part(path, "jsonl", start, offset, part_records, part_lines, not parts))
                start, part_lines, part_records = offset, lines, records
            offset += len(line)
            lines += 1
            if line.strip():
                records += 1
    if not parts:
        return None
    parts.append(Part(path, "jsonl", start, offset, part_records, part_lines, False))
    return parts


def split_parquet(path: str, size: int) -> list[Part]:
    """Parts of at most `size` rows (a Parquet file is always read in parts: the engine
    has no Parquet reader). Raises ValueError with the problem."""
    rows = _parquet_file(path).metadata.num_rows
    return [Part(path, "parquet", i, min(i + size, rows), i, i, i == 0) for i in range(0, max(rows, 1), size)]


def _parquet_file(path: str):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ValueError("reading Parquet needs pyarrow: pip install 'edlint[parquet]'") from None
    try:
        return pq.ParquetFile(path)
    except OSError as e:
        raise ValueError(f"cannot read: {e.strerror or e}") from None
    except Exception as e:  # pyarrow.ArrowInvalid and kin: not a Parquet file
        raise ValueError(f"not a readable Parquet file ({e})") from None


def read_part(part: Part, options: dict) -> tuple[str, list[str]]:
    """The part's records as JSON Lines text, and any decoding warnings. Raises InputError."""
    from .. import readers
    from ..errors import InputError

    limit = int(options.get("max-file-size", readers.DEFAULT_MAX_FILE_SIZE))
    if part.kind == "parquet":
        try:
            text = _parquet_rows(part, options)
        except ValueError as e:
            raise InputError(part.path, str(e)) from None
        if len(text) > limit:
            raise InputError(part.path, f"rows {part.start + 1}-{part.stop} too large ({len(text) / 1e6:.1f} MB; "
                                        f"the limit is {limit / 1e6:.1f} MB): audit with a smaller --batch-size")
        return text, []
    if part.stop - part.start > limit:
        raise InputError(part.path, f"records {part.records_before + 1}- too large "
                                    f"({(part.stop - part.start) / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB): "
                                    "audit with a smaller --batch-size")
    try:
        with open(part.path, "rb") as f:
            f.seek(part.start)
            data = f.read(part.stop - part.start)
    except OSError as e:
        raise InputError(part.path, f"cannot read: {e.strerror or e}") from None
    return readers.decode_bytes(data, part.path, options.get("encoding"))


def _parquet_rows(part: Part, options: dict) -> str:
    from ..readers.jsondocs import DEFAULT_FIELDS

    pf = _parquet_file(part.path)
    fields = options.get("json_fields") or options.get("json-fields") or DEFAULT_FIELDS
    # Only the columns a check or the report reads: an export may carry images or embeddings.
    wanted = {f.split(".", 1)[0] for f in fields} | set(DATE_FIELDS + SECTION_FIELDS + SOURCE_FIELDS + URL_FIELDS)
    columns = [c for c in pf.schema_arrow.names if c in wanted]
    out, first = [], 0
    for g in range(pf.metadata.num_row_groups):
        count = pf.metadata.row_group(g).num_rows
        lo, hi = max(part.start, first), min(part.stop, first + count)
        if lo < hi:
            table = pf.read_row_group(g, columns=columns).slice(lo - first, hi - lo)
            out += [json.dumps(row, ensure_ascii=False, default=str) for row in table.to_pylist()]
        first += count
        if first >= part.stop:
            break
    return "\n".join(out) + "\n" if out else ""


def shift(result, part: Part) -> None:
    """Number a part's findings, documents and messages as the whole file does."""
    rb, lb = part.records_before, part.lines_before

    def message(m: str) -> str:
        return _NUMBERED.sub(lambda x: f"{x.group(1)} {int(x.group(2)) + (lb if x.group(1) == 'line' else rb)}", m)

    for d in result.findings:
        d.record = (d.record or 0) + rb
        d.line += lb
        d.end_line += lb
    for doc in result.documents:
        doc.record = (doc.record or 0) + rb
    for e in result.errors:
        e.message = message(e.message)
    for n in result.notices:
        n.message = message(n.message)


def part_metadata(part: Part, text: str):
    """metadata(path) for the Tally: {record: description} of the part's records."""
    from .metadata import _json_records, describe

    table = {part.records_before + n: describe(r if isinstance(r, dict) else {}, part.path)
             for n, r in enumerate(_json_records(text), 1)}
    return lambda path: table
