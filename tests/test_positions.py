"""End to end: a finding lands on the exact characters in the original file, for every reader,
after front matter, lists, links, entities, non-ASCII letters and emoji (outside the BMP)."""
from __future__ import annotations

import json

import pytest

from .helpers import run

RULE = "typography.repeated-word"


def located(text: str, fmt: str):
    found = [d for d in run(text, [RULE], fmt=fmt) if d.rule == RULE]
    assert len(found) == 1, found
    d = found[0]
    return d.line, d.column, d.end_line, d.end_column, d.text


def test_plain_text():
    text = "Café owners 🎉 cheered.\n\nThe mayor — Zoë Ağaoğlu 👩🏽‍⚖️ — said the the plan works.\n"
    line, col, end_line, end_col, covered = located(text, "text")
    assert (line, end_line) == (3, 3)
    assert text.split("\n")[2][col - 1:end_col - 1] == covered
    assert covered.lower() == "the the"


def test_markdown_after_front_matter_lists_links_and_emoji():
    text = (
        "---\ntitle: \"the the in front matter is not prose\"\n---\n\n"
        "# Héadline 🚀\n\n"
        "- item one with a [link](https://example.com/the-the) and `the the` in code\n"
        "- item two: 🎉 ünïcode &amp; then the the end\n"
    )
    line, col, end_line, end_col, covered = located(text, "markdown")
    assert (line, end_line) == (8, 8)
    assert col == text.split("\n")[7].index("the the") + 1
    assert end_col == col + len("the the")


def test_html_after_entities_and_emoji():
    text = (
        "<html><head><title>x</title><script>var s = 'the the';</script></head><body>\n"
        "<p>Caf&eacute; &amp; bar &#x1F600; &mdash; 😀 and then\n"
        "  the the end.</p>\n</body></html>\n"
    )
    line, col, end_line, end_col, covered = located(text, "html")
    assert (line, col, end_line, end_col) == (3, 3, 3, 10)
    assert covered == "the the"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_string_escapes(fmt):
    record = {"title": "Sp\u00e9cial \U0001F600", "body": "Line one.\n\n\u00c9t\u00e9 \U0001F389 said the the word."}
    text = json.dumps(record, ensure_ascii=True) + "\n"
    line, col, end_line, end_col, covered = located(text, fmt)
    assert (line, end_line) == (1, 1)
    assert text[col - 1:end_col - 1] == "the the"
