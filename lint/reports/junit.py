"""JUnit XML: one test case per checked file, for CI systems that chart test reports.

A file fails when it has a finding at or above the fail severity (`options["fail_on"]`,
every finding by default); the failure lists all of the file's findings. A file
that could not be checked is an <error>. Files with findings only below the fail
severity pass and list them in <system-out>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

from ..finding import SEVERITY_RANK, Finding
from ..result import RunResult
from ..spill import ChunkRun
from .github import message_with_suggestions

# Characters XML 1.0 cannot carry even escaped; scraped copy does contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _finding_line(d: Finding) -> str:
    # The text report's line without the path, which is the test case's name.
    where = f"{d.line}:{d.column}" if d.line else "-"
    return f"{where}: {d.severity}: {message_with_suggestions(d.message, d.suggestions)} [{d.rule}]"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _by_path(result: RunResult):
    """Every path, in the order the run met it (checked files, then any others named by
    findings or errors), and a function giving a path's findings."""
    paths: dict[str, None] = dict.fromkeys(result.files)
    stored = getattr(result.findings, "for_path", None)  # a spilled run reads a path's findings back
    if stored is not None:
        for path in result.findings.path_names():
            paths.setdefault(path)
        findings_of = stored
    else:
        findings: dict[str, list[Finding]] = {}
        for d in result.findings:
            paths.setdefault(d.path)
            findings.setdefault(d.path, []).append(d)

        def findings_of(path):
            return findings.get(path, [])
    errors = _errors(result)
    for path in errors:
        paths.setdefault(path)
    return list(paths), findings_of, errors


def _errors(result: RunResult) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for e in result.errors:
        errors.setdefault(e.path, []).append(e.message)
    return errors


class _Walk:
    """The paths of a spilled run whose files are all named once, read back as the report
    goes (no set of them held): the checked files, each with its findings, then the other
    paths the errors name. Iterable twice, as the report walks them."""

    def __init__(self, result: RunResult, errors: dict[str, list[str]]):
        self._result = result
        met = set()
        n = 0
        for path in result.files:  # the paths of the errors that are files
            n += 1
            if path in errors:
                met.add(path)
        self._others = [p for p in errors if p not in met]
        self.count = n + len(self._others)

    def __iter__(self):
        for number, path in enumerate(self._result.files):
            yield path, number
        for path in self._others:
            yield path, None

    def findings_of(self, number) -> list[Finding]:
        return [] if number is None else self._result.findings.for_file(number)


def _case(path: str, found, messages: list[str] | None, threshold, report: str | None = None) -> tuple[ET.Element, str]:
    """The test case of one path, and what it counts as: "error", "failure" or "". `report`
    stands in for the findings' lines when they are written afterwards (_write_long_case)."""
    case = ET.Element("testcase", classname="edlint", name=_clean(path))
    if report is None:
        report = "\n".join(_clean(_finding_line(d)) for d in found)
    if messages is not None:
        messages = [_clean(m) for m in messages]
        error = ET.SubElement(case, "error", message=messages[0], type="input")
        error.text = "\n".join(messages + ([report] if report else []))
        return case, "error"
    if threshold is not None and any(SEVERITY_RANK[d.severity] >= threshold for d in found):
        worst = max(found, key=lambda d: SEVERITY_RANK[d.severity]).severity
        failure = ET.SubElement(case, "failure", message=_plural(len(found), "finding"), type=worst)
        failure.text = report
        return case, "failure"
    if found:
        ET.SubElement(case, "system-out").text = report
    return case, ""


def _write_long_case(out, path: str, found: ChunkRun, messages, threshold) -> None:
    """The test case _case builds, for a path whose findings span several chunks of a
    spilled run (a large JSON Lines export), written as its findings are read back: the
    case is built around a placeholder for the report, which is then written a line at
    a time, escaped as ElementTree escapes text."""
    from uuid import uuid4

    mark = uuid4().hex
    case, _ = _case(path, found, messages, threshold, report=mark)
    ET.indent(case, level=2)
    head, tail = ("    " + ET.tostring(case, encoding="unicode") + "\n").split(mark)
    out.write(head)
    for n, d in enumerate(found):
        out.write(("\n" if n else "") + escape(_clean(_finding_line(d))))
    out.write(tail)


def render(result: RunResult, options: dict) -> str:
    from io import StringIO

    out = StringIO()
    write(result, options, out)
    return out.getvalue()


def write(result: RunResult, options: dict, out) -> None:
    """The document ElementTree would build and indent, written a test case at a time
    (the counts, which come first, are taken in a pass before)."""
    fail_on = options.get("fail_on") or "info"
    threshold = SEVERITY_RANK.get(fail_on, 0) if fail_on != "never" else None
    if getattr(result.files, "distinct", False) and hasattr(result.findings, "for_file"):
        errors = _errors(result)
        walk = _Walk(result, errors)
        paths, findings_of, n_paths = walk, walk.findings_of, walk.count
    else:  # findings by path, for each path once
        names, findings_of, errors = _by_path(result)
        paths, n_paths = [(path, path) for path in names], len(names)
    n_failures = n_errors = 0
    for path, key in paths:
        if path in errors:
            n_errors += 1
        elif threshold is not None and any(SEVERITY_RANK[d.severity] >= threshold for d in findings_of(key)):
            n_failures += 1
    counts = f'tests="{n_paths}" failures="{n_failures}" errors="{n_errors}"'
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="edlint" {counts}>\n')
    if not n_paths:
        out.write(f'  <testsuite name="edlint" {counts} skipped="0" />\n</testsuites>\n')
        return
    out.write(f'  <testsuite name="edlint" {counts} skipped="0">\n')
    for path, key in paths:
        found = findings_of(key)
        if isinstance(found, ChunkRun):
            _write_long_case(out, path, found, errors.get(path), threshold)
            continue
        case, _ = _case(path, found, errors.get(path), threshold)
        ET.indent(case, level=2)
        out.write("    " + ET.tostring(case, encoding="unicode") + "\n")
    out.write("  </testsuite>\n</testsuites>\n")
