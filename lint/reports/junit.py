"""JUnit XML: one test case per checked file, for CI systems that chart test reports.

A file fails when it has a finding at or above the fail severity (`options["fail_on"]`,
every finding by default); the failure lists all of the file's findings. A file
that could not be checked is an <error>. Files with findings only below the fail
severity pass and list them in <system-out>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..finding import SEVERITY_RANK, Finding
from ..result import RunResult
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
    errors: dict[str, list[str]] = {}
    for e in result.errors:
        paths.setdefault(e.path)
        errors.setdefault(e.path, []).append(e.message)
    return paths, findings_of, errors


def _case(path: str, found: list[Finding], messages: list[str] | None, threshold) -> tuple[ET.Element, str]:
    """The test case of one path, and what it counts as: "error", "failure" or ""."""
    case = ET.Element("testcase", classname="edlint", name=_clean(path))
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
    paths, findings_of, errors = _by_path(result)
    n_failures = n_errors = 0
    for path in paths:
        if path in errors:
            n_errors += 1
        elif threshold is not None and any(SEVERITY_RANK[d.severity] >= threshold for d in findings_of(path)):
            n_failures += 1
    counts = f'tests="{len(paths)}" failures="{n_failures}" errors="{n_errors}"'
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="edlint" {counts}>\n')
    if not paths:
        out.write(f'  <testsuite name="edlint" {counts} skipped="0" />\n</testsuites>\n')
        return
    out.write(f'  <testsuite name="edlint" {counts} skipped="0">\n')
    for path in paths:
        case, _ = _case(path, findings_of(path), errors.get(path), threshold)
        ET.indent(case, level=2)
        out.write("    " + ET.tostring(case, encoding="unicode") + "\n")
    out.write("  </testsuite>\n</testsuites>\n")
