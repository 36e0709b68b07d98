"""Nothing lost: the findings on our fixture corpus are exactly the checked-in ones.
(A meant change: `python -m tests.findings_corpus --update`, then review the diff.)"""
from __future__ import annotations

import json
from collections import Counter

from .findings_corpus import CORPUS, EXPECTED, current, dump


def _describe(d: dict) -> str:
    return f"{d['path']}:{d.get('line')}:{d.get('column')} {d['rule']} {d.get('message', '')[:80]}"


def test_findings_on_the_fixture_corpus_are_unchanged():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    now = current()
    as_text = lambda ds: Counter(json.dumps(d, sort_keys=True) for d in ds)  # noqa: E731
    gone = as_text(expected["diagnostics"]) - as_text(now["diagnostics"])
    added = as_text(now["diagnostics"]) - as_text(expected["diagnostics"])
    assert not gone and not added, (
        "findings changed (if meant: python -m tests.findings_corpus --update)\n"
        + "\n".join(["- " + _describe(json.loads(x)) for x in gone]
                    + ["+ " + _describe(json.loads(x)) for x in added]))
    assert dump(now) == dump(expected)  # metrics and errors too, and the order


def test_the_corpus_has_every_format_and_every_rule_family():
    # The point of the corpus: a change anywhere shows up here.
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    suffixes = {p.suffix for p in CORPUS.iterdir()}
    assert {".md", ".html", ".txt", ".json", ".jsonl"} <= suffixes
    families = {d["rule"].split(".")[0] for d in expected["diagnostics"]}
    assert {"boilerplate", "readability", "spelling", "style", "typography"} <= families
    assert any(d.get("fix") for d in expected["diagnostics"])
