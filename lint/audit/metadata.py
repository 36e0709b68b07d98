"""Where a document comes from and when: its date, section and source.

Read from the record's own fields (JSON / JSON Lines exports), a Markdown or
text file's front matter, or failing that the URL (news URLs carry
/YYYY/MM/DD/) and the folder. Read separately from the check so the engine
stays unchanged; only the first few kilobytes of a non-JSON file are read.
"""
from __future__ import annotations

import json
import os
import re
from urllib.parse import urlsplit

DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "datePublished", "pubdate",
               "publish_date", "created", "created_at", "timestamp")
SECTION_FIELDS = ("section", "category", "desk", "department", "topic")
SOURCE_FIELDS = ("source", "site", "feed", "publisher", "domain")
URL_FIELDS = ("url", "link", "canonical_url", "permalink")
JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")
FRONT_MATTER_BYTES = 8192

_ISO_MONTH = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_FRONT_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")


def month_of(value) -> str | None:
    """"YYYY-MM" of an ISO-like date string (or a Unix timestamp), else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        import datetime

        try:
            return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).strftime("%Y-%m")
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        m = _ISO_MONTH.search(value[:40])
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    return None


def _first(record: dict, names) -> object:
    for n in names:
        v = record.get(n)
        if v not in (None, ""):
            return v
    return None


def describe(record: dict, path: str) -> dict:
    """{"date": "YYYY-MM"|None, "section": str|None, "source": str} from a record's fields."""
    url = _first(record, URL_FIELDS)
    url = url if isinstance(url, str) else None
    month = month_of(_first(record, DATE_FIELDS))
    if month is None and url:
        m = _URL_DATE.search(url)
        month = f"{m.group(1)}-{m.group(2)}" if m else None
    section = _first(record, SECTION_FIELDS)
    if isinstance(section, list):
        section = section[0] if section else None
    source = _first(record, SOURCE_FIELDS)
    if not isinstance(source, str) and url:
        source = urlsplit(url).hostname
    if not isinstance(source, str) or not source:
        source = folder_of(path)
    return {"date": month, "section": str(section).strip() if section is not None else None,
            "source": source.removeprefix("www.")}


def folder_of(path: str) -> str:
    return os.path.basename(os.path.dirname(os.path.abspath(path))) or "."


def front_matter(head: str) -> dict:
    """The simple `key: value` lines of a YAML (---) or TOML (+++) front matter."""
    lines = head.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}
    fence, out = lines[0].strip(), {}
    for line in lines[1:]:
        if line.strip() == fence:
            return out
        m = _FRONT_LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2).strip("\"'")
    return {}  # never closed: not front matter


def file_metadata(path: str) -> dict[int | None, dict]:
    """record number (None for a whole file) -> description. Never raises: a file the
    engine could not read is reported by the engine; here it just has no metadata."""
    try:
        if path.lower().endswith(JSON_EXTENSIONS):
            with open(path, encoding="utf-8-sig", errors="replace") as f:
                text = f.read()
            return {n: describe(r if isinstance(r, dict) else {}, path)
                    for n, r in enumerate(_json_records(text), 1)}
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            head = f.read(FRONT_MATTER_BYTES)
    except OSError:
        return {}
    return {None: describe(front_matter(head), path)}


def _json_records(text: str) -> list:
    """The records in the order the JSON reader numbers them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
        out = []
        for line in text.split("\n"):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    out.append({})
        return out
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else []
