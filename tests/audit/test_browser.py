"""The audit page in a real browser (headless Chromium): it loads with no console
message at all, needs no network, and every number it shows is audit.json's."""
from __future__ import annotations

import re

import pytest

from .browser import chromium, keyed_values, open_page, screenshot

pytestmark = pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed "
                                "(CI installs it with .ci/install-browser)")


def _lookup(data, key):
    cur = data
    for part in key.split("."):
        cur = cur[int(part)] if isinstance(cur, list) else cur[part]
    return cur


def _shown(text: str):
    """The number a reader sees: "1,234" -> 1234, "12.5%" -> 0.125, "–" -> None."""
    text = text.strip()
    if text == "–":
        return None
    if text.endswith("%"):
        return float(text[:-1].replace(",", "")) / 100
    return float(text.replace(",", ""))


def _check_numbers(dom, data):
    values = keyed_values(dom)
    assert len(values) > 20
    for key, text in values:
        expected = _lookup(data, key)
        seen = _shown(text)
        if expected is None:
            assert seen is None, key
        elif key.endswith("share"):
            assert seen == pytest.approx(expected, abs=0.0005 + 1e-9), key  # shown to 0.1 %
        else:
            assert seen == pytest.approx(expected, abs=0.005 + 1e-9), key  # shown to 2 decimals
    return {k for k, _ in values}


def test_report_opens_without_console_messages_and_shows_audit_json(audited):
    _, data, _, page = audited
    dom, console = open_page(page)
    assert console == []
    keys = _check_numbers(dom, data)
    for key in ("totals.documents", "totals.clean_share", "totals.findings", "readability.grade.median",
                "boilerplate.templates.0.articles", "spelling.words.0.articles", "over_time.0.documents",
                "sections.0.documents", "worst.0.score", "priorities.0.articles"):
        assert key in keys
    # The charts are in the page the browser built, with audit.json's numbers on them.
    bars = dict(re.findall(r'class="bar"[^>]*data-label="([^"]+)" data-value="([^"]+)"', dom))
    for r in data["rules"]:
        assert float(bars[r["rule"]]) == r["findings"]
    marker = re.search(r'class="marker"[^>]*data-value="([^"]+)"', dom)
    assert float(marker.group(1)) == data["readability"]["target_grade"]
    shot = screenshot(page, "audit-small-archive")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_report_in_the_browser(tmp_path, archive):
    from .conftest import run_audit

    run_audit(tmp_path, archive, name="old")
    (archive / "desk" / "b.txt").write_text((archive / "desk" / "c.txt").read_text())
    _, data, _, _ = run_audit(tmp_path, archive, "--compare", tmp_path / "old.json")
    dom, console = open_page(tmp_path / "audit.html")
    assert console == []
    keys = _check_numbers(dom, data)
    assert "compare.0.old" in keys
    assert 'data-verdict="better"' in dom


def test_the_console_check_catches_a_broken_script(tmp_path):
    # The check above is only worth something if a script error shows up in it.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>notDefinedAnywhere();</script></body></html>")
    _, console = open_page(page)
    assert any("Uncaught ReferenceError" in m for m in console)
