"""SARIF 2.1.0, as GitHub code scanning reads it.

One run whose driver lists every rule that fired; each result points at its
rule by id and index. Columns count characters (code points), declared with
`columnKind`, and `endColumn` is exclusive in SARIF as in edlint. Paths are
relative to the working directory (the repository root in CI) under the
`%SRCROOT%` base, so an alert links to the file. `partialFingerprints` hash the
rule, the covered text and its occurrence number in the file, not the line, so
an alert survives edits above it.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from ..finding import Finding
from ..result import RunResult
from ..rule_files import RuleSpec
from .github import workspace_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "edlintFingerprint/v1"


def _tool_version(options: dict) -> str:
    version = options.get("tool_version")
    if version:
        return str(version)
    from importlib.metadata import PackageNotFoundError, version as package_version
    try:
        return package_version("edlint")
    except PackageNotFoundError:
        return "0"


def _rule_name(rule_id: str) -> str:
    # SARIF wants a readable identifier without spaces: "typography.repeated-word" -> "RepeatedWord".
    name = rule_id.split(".", 1)[-1]
    return "".join(part[:1].upper() + part[1:] for part in name.replace("_", "-").split("-") if part)


def _rule_descriptor(rule_id: str, spec: RuleSpec | None, example: Finding) -> dict:
    if spec is not None:
        description, docs, severity = spec.description, spec.docs, spec.severity
    else:
        # Rules known only at run time (LanguageTool's grammar.*) carry their description.
        description = example.data.get("description") or example.message
        docs = example.data.get("docs", "")
        severity = example.severity
    descriptor = {
        "id": rule_id,
        "name": _rule_name(rule_id),
        "shortDescription": {"text": description},
        "fullDescription": {"text": docs or description},
        "help": {"text": docs or description},
        "defaultConfiguration": {"level": LEVEL[severity]},
        "properties": {"tags": ["edlint", rule_id.split(".", 1)[0]]},
    }
    if docs:
        descriptor["help"]["markdown"] = docs
    if spec is None and example.data.get("url"):
        descriptor["helpUri"] = example.data["url"]  # LanguageTool's page for the rule
    return descriptor


def _uri(path: str, cwd: str | None) -> dict:
    rel = workspace_path(path, cwd)
    if os.path.isabs(rel):  # outside the working directory: no base to resolve against
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}


# A snippet is the region's text exactly, so a longer one is left out rather than cut (the
# region still says where): a token of a million letters put a megabyte in the log.
MAX_SNIPPET = 4096


def _region(d: Finding) -> dict | None:
    if not d.line:
        return None
    region = {"startLine": d.line, "startColumn": d.column,
              "endLine": d.end_line or d.line, "endColumn": d.end_column or d.column}
    if d.text and len(d.text) <= MAX_SNIPPET:
        region["snippet"] = {"text": d.text}
    return region


def _fingerprint(d: Finding, occurrence: int) -> str:
    key = "\0".join((d.rule, d.text or d.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _fixes(d: Finding, location: dict, region: dict | None) -> list[dict]:
    # Edits are source offsets; the only edit we can place in lines and columns is
    # one that covers exactly the finding's own span.
    if d.fix is None or region is None or len(d.fix.edits) != 1:
        return []
    edit = d.fix.edits[0]
    if (edit.start, edit.end) != (d.start, d.end):
        return []
    deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
    description = d.fix.description or f"Replace with “{edit.replacement}”"
    return [{
        "description": {"text": description},
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": edit.replacement}}],
        }],
    }]


def _result(d: Finding, rule_index: int, occurrence: int, cwd: str | None) -> dict:
    location = _uri(d.path, cwd)
    physical: dict = {"artifactLocation": location}
    region = _region(d)
    if region is not None:
        physical["region"] = region
    out = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(d, occurrence)},
    }
    fixes = _fixes(d, location, region)
    if fixes:
        out["fixes"] = fixes
    properties = {}
    if d.suggestions:
        properties["suggestions"] = list(d.suggestions)
    if d.record is not None:
        properties["record"] = d.record
    if properties:
        out["properties"] = properties
    return out


def _notifications(result: RunResult, cwd: str | None) -> list[dict]:
    out = []
    for e in result.errors:
        out.append({"level": "error", "message": {"text": e.message},
                    "locations": [{"physicalLocation": {"artifactLocation": _uri(e.path, cwd)}}]})
    for n in result.notices:
        note = {"level": LEVEL.get(n.severity, "note"), "message": {"text": n.message}}
        if n.source:
            note["descriptor"] = {"id": n.source}
        out.append(note)
    return out


def _results(result: RunResult, index: dict[str, int], cwd: str | None):
    # A finding's occurrence number counts the same (path, rule, text) before it. A spilled
    # run's findings come sorted by path, so the count restarts with each path.
    by_path = hasattr(result.findings, "for_path")
    seen: dict[tuple, int] = {}
    path = None
    for d in result.findings:
        if by_path and d.path != path:
            seen.clear()
            path = d.path
        key = (d.path, d.rule, d.text or d.message)
        seen[key] = seen.get(key, 0) + 1
        yield _result(d, index[d.rule], seen[key], cwd)


def build(result: RunResult, options: dict, results=None) -> dict:
    cwd = options.get("cwd")
    first = getattr(result.findings, "first_by_rule", None)  # known to a spilled run
    if first is None:
        first = {}
        for d in result.findings:
            first.setdefault(d.rule, d)
    rule_ids = sorted(first)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = [_rule_descriptor(rid, result.rules.get(rid), first[rid]) for rid in rule_ids]
    if results is None:
        results = list(_results(result, index, cwd))
    else:
        results = results(index)

    base = os.path.abspath(cwd or os.getcwd())
    driver_extra = {"informationUri": options["information_uri"]} if options.get("information_uri") else {}
    run = {
        "tool": {"driver": {
            "name": "edlint",
            "version": _tool_version(options),
            **driver_extra,
            "rules": rules,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(base).as_uri().rstrip("/") + "/"}},
        "invocations": [{
            "executionSuccessful": not result.errors,
            "toolExecutionNotifications": _notifications(result, cwd),
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


_RESULTS_MARK = "\u2063edlint-results\u2063"  # stands for the results until they are streamed


def render(result: RunResult, options: dict) -> str:
    from io import StringIO

    out = StringIO()
    write(result, options, out)
    return out.getvalue()


def write(result: RunResult, options: dict, out) -> None:
    """The text of json.dumps(build(...), indent=2), with the results written one by one."""
    from .json import write_array

    streamed = {}

    def results(index):
        streamed["index"] = index
        return _RESULTS_MARK

    text = json.dumps(build(result, options, results), ensure_ascii=False, indent=2) + "\n"
    mark = json.dumps(_RESULTS_MARK, ensure_ascii=False)
    head, tail = text.split(mark, 1)
    key_line = head[head.rfind("\n") + 1:]  # '      "results": ': the array closes at its indent
    level = (len(key_line) - len(key_line.lstrip(" "))) // 2
    out.write(head)
    write_array(out, _results(result, streamed["index"], options.get("cwd")), 2, level)
    out.write(tail)
