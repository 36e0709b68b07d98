"""The plain-text reader's paragraphs: each a run of lines holding a visible character,
from its first line's start to its last line's end, whatever the line ends (LF, CRLF, a
lone CR) and however the blank lines between are written."""
from __future__ import annotations

import random

import pytest

from lint.readers.plaintext import _PARAGRAPH, read


def _expected(source: str) -> list[tuple[str, int, int]]:
    # The paragraphs as the reader's expression finds them over the whole text.
    return [(m.group(), m.start(), m.end()) for m in _PARAGRAPH.finditer(source)]


def _blocks(source: str) -> list[tuple[str, int, int]]:
    doc = read(source, "t.txt")[0]
    if any(b.kind == "table_cell" for b in doc.blocks):
        # a paragraph read as a table: its cells lie inside it, as written
        paragraphs = _expected(source)
        for b in doc.blocks:
            assert source[b.start:b.end] == b.text
            assert b.kind == "paragraph" and (b.text, b.start, b.end) in paragraphs or (
                b.kind == "table_cell" and any(s <= b.start and b.end <= e for _, s, e in paragraphs))
        return paragraphs
    for b in doc.blocks:
        assert b.kind == "paragraph" and source[b.start:b.end] == b.text
        assert list(b.map.segments()) == [(0, len(b.text), b.start, b.end, True)]
    return [(b.text, b.start, b.end) for b in doc.blocks]


@pytest.mark.parametrize("source", [
    "", "\n", "\n\n", "\n\n\n", "one", "  one  ", "one\n\ntwo", "one\n\n\ntwo", "one\n\n\n\n\ntwo\n",
    "one\n \ntwo", "one\n\n \n\ntwo", "\n\none\n\n", "one\ntwo\n\nthree\n four\n", "  \n  x  \n\n\t\n",
    "line\u2028break\n\nform\x0bfeed", "\xa0\n\nb", "\u3000\n\n\u2003x", "one\r\n\r\ntwo", "one\rtwo\n\nthree",
    "one\r\n\r\n  \r\ntwo\r\n", "one\n\r\ntwo", "x\n\n\n", "\n\n\n\nx\n\n\n\n",
])
def test_paragraphs_are_the_expressions_matches(source):
    assert _blocks(source) == _expected(source)


def test_random_texts_read_as_the_expression_finds_them():
    rng = random.Random(12)
    pieces = ["word", "Two words.", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n\n", "\n \n", "\r\n", "\r",
              "\xa0", "\u2028", "\x0c", "’", "é"]
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _blocks(source) == _expected(source), repr(source)


def test_a_directive_line_is_cut_out_of_its_paragraph():
    source = "First line.\n<!-- edlint-disable spelling -->\nSecond line.\n\nThird."
    doc = read(source, "t.txt")[0]
    assert [b.text for b in doc.blocks] == ["First line.", "Second line.", "Third."]
    assert [d.rules for d in doc.directives] == [("spelling",)]


def _cells(source: str) -> list[tuple[str, str, int, int]]:
    doc = read(source, "t.txt")[0]
    for b in doc.blocks:
        assert source[b.start:b.end] == b.text
    return [(b.kind, b.text) for b in doc.blocks]


def test_an_aligned_table_reads_as_cells():
    source = ("Turnout by ward.\n\n"
              "Ward      Votes   Share\n"
              "North     1,204     38%\n"
              "South       987     31%\n\n"
              "The count ended at midnight.\n")
    kinds = _cells(source)
    assert kinds[0] == ("paragraph", "Turnout by ward.")
    assert kinds[1:10] == [("table_cell", t) for t in
                           "Ward Votes Share North 1,204 38% South 987 31%".split()]
    assert kinds[10] == ("paragraph", "The count ended at midnight.")


def test_tab_separated_rows_and_indented_rows_are_tables_too():
    assert _cells("Name\tRole\n  Ada Obi\tChair\n") == [
        ("table_cell", "Name"), ("table_cell", "Role"), ("table_cell", "Ada Obi"), ("table_cell", "Chair")]


@pytest.mark.parametrize("source", [
    "He left.  Then she came\nback at nine.  It was late.\n",  # typewriter spaces, not aligned
    "It rained.  We stayed in.\nThe road shut.  We waited.\n",  # aligned, but after full stops
    "One line  with a gap\n",  # a single line is not a table
    "Ward      Votes\nThe count ended at midnight.\n",  # a line without a gap
    "The vote  was close\nand the bill  passed.\n",  # two rows of two: a wrapped sentence
    "We met  the mayor.\nShe said  it was late.\nThey left  at nine.\n",  # rows end as sentences
])
def test_prose_with_double_spaces_is_not_a_table(source):
    assert {kind for kind, _ in _cells(source)} == {"paragraph"}


def test_a_table_in_a_json_text_field_reads_as_cells_and_lints_clean(tmp_path):
    import json

    from lint import check_paths
    from lint.config import Config
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Ward    Votes\nNorth   1,204\nSouth     987\n"}) + "\n")
    assert [f.rule for f in check_paths([str(p)], config=Config()).findings if f.rule.startswith("typography.")] == []
    p.write_text(json.dumps({"text": "A\tB\nC\tD\n"}) + "\n")
    result = check_paths([str(p)], config=Config())
    assert [f.rule for f in result.findings if f.rule.startswith("typography.")] == []
    p.write_text(json.dumps({"text": "The vote  was close.\nThe bill  passed today.\n"}) + "\n")
    rules = [f.rule for f in check_paths([str(p)], config=Config()).findings]
    assert rules.count("typography.double-space") == 2
