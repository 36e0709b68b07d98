"""JUnit XML: one test case per checked file, for CI systems that chart test reports.

A file fails when it has a finding at or above the fail level (`options["fail_on"]`,
every finding by default); the failure lists all of the file's findings. A file
that could not be checked is an <error>. Files with findings only below the fail
level pass and list them in <system-out>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..diagnostic import SEVERITY_RANK, Diagnostic
from ..result import RunResult
from .github import message_with_suggestions

# Characters XML 1.0 cannot carry even escaped; scraped copy does contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _finding_line(d: Diagnostic) -> str:
    # The text report's line without the path, which is the test case's name.
    where = f"{d.line}:{d.column}" if d.line else "-"
    return f"{where}: {d.severity}: {message_with_suggestions(d.message, d.suggestions)} [{d.rule}]"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render(result: RunResult, options: dict) -> str:
    fail_on = options.get("fail_on") or "info"
    threshold = SEVERITY_RANK.get(fail_on, 0) if fail_on != "never" else None

    # Every path, in the order the run met it: checked files, then any others named by findings or errors.
    paths: dict[str, None] = dict.fromkeys(result.files)
    findings: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        paths.setdefault(d.path)
        findings.setdefault(d.path, []).append(d)
    errors: dict[str, list[str]] = {}
    for e in result.errors:
        paths.setdefault(e.path)
        errors.setdefault(e.path, []).append(e.message)

    suites = ET.Element("testsuites", name="edlint")
    suite = ET.SubElement(suites, "testsuite", name="edlint")
    n_failures = n_errors = 0
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="edlint", name=_clean(path))
        found = findings.get(path, [])
        report = "\n".join(_clean(_finding_line(d)) for d in found)
        if path in errors:
            n_errors += 1
            messages = [_clean(m) for m in errors[path]]
            error = ET.SubElement(case, "error", message=messages[0], type="input")
            error.text = "\n".join(messages + ([report] if report else []))
            continue
        failing = threshold is not None and any(SEVERITY_RANK[d.severity] >= threshold for d in found)
        if failing:
            n_failures += 1
            worst = max(found, key=lambda d: SEVERITY_RANK[d.severity]).severity
            failure = ET.SubElement(case, "failure", message=_plural(len(found), "finding"), type=worst)
            failure.text = report
        elif found:
            ET.SubElement(case, "system-out").text = report

    counts = {"tests": str(len(paths)), "failures": str(n_failures), "errors": str(n_errors)}
    suite.attrib.update(counts, skipped="0")
    suites.attrib.update(counts)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
