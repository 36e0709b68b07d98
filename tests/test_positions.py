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


# -- line endings: LF, CRLF and lone CR each end a line, as in every editor ------------------

EOLS = ("\n", "\r\n", "\r")
WORDS = ("council", "river", "Zoë", "café", "😀", "budget", "vote", "mayor", "flood", "town")


def _editor_position(source: str, offset: int) -> tuple[int, int]:
    """(line, column) as an editor shows them; str.splitlines ends lines at LF, CR and CRLF
    (the generated documents hold no other line separator)."""
    lines = source[:offset].splitlines(keepends=True)
    if not lines or lines[-1].endswith(("\n", "\r")):
        return len(lines) + 1, 1
    return len(lines), len(lines[-1]) + 1


def _random_document(rng, fmt: str, eol_choice) -> tuple[str, int]:
    """A document in `fmt` with "the the" once, lines ended by `eol_choice()`; (source, offset)."""
    last = [""]

    def word():  # never the word just before: only the planted pair repeats
        w = rng.choice([w for w in WORDS if w != last[0]])
        last[0] = w
        return w

    def sentence():
        return " ".join(word() for _ in range(rng.randint(3, 9))).capitalize() + "."

    paragraphs = [[sentence() for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(2, 6))]
    target = rng.randrange(len(paragraphs))
    parts, offset = [], None
    for n, lines in enumerate(paragraphs):
        if fmt == "markdown" and n == 0:
            lines = ["# " + lines[0].rstrip(".")] + lines[1:]
        for i, line in enumerate(lines):
            if n == target and i == len(lines) - 1:
                line = line[:-1] + " and the the end."
                last[0] = "end"
                offset = sum(map(len, parts)) + len(line) - len("the the end.")
                if fmt == "html":
                    offset += len("<p>") if i == 0 else 0
            if fmt == "html":
                line = (("<p>" if i == 0 else "") + line + ("</p>" if i == len(lines) - 1 else ""))
            parts.append(line + eol_choice())
        parts.append(eol_choice())  # a blank line between paragraphs
    return "".join(parts), offset


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("eols", ["\n", "\r\n", "\r", "mixed"])
def test_random_documents_with_every_line_ending(fmt, eols):
    import random

    rng = random.Random(f"{fmt}-{eols}")
    choose = (lambda: rng.choice(EOLS)) if eols == "mixed" else (lambda: eols)
    for _ in range(40):
        source, offset = _random_document(rng, fmt, choose)
        assert source[offset:offset + 7] == "the the"
        line, col, end_line, end_col, covered = located(source, fmt)
        assert covered == "the the"
        assert (line, col) == _editor_position(source, offset), repr(source)
        assert (end_line, end_col) == _editor_position(source, offset + 7)


def test_lone_cr_plain_text_paragraphs_and_positions():
    # Blank lines made of lone CRs separate paragraphs, as LF blank lines do.
    text = "First line.\rSecond line.\r\rThen the the word.\r"
    assert located(text, "text") == (4, 6, 4, 13, "the the")
