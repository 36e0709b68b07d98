"""JSON and JSON Lines: one document per record, offsets through JSON escapes and inner readers."""
from __future__ import annotations

import json

import pytest

from lint.errors import InputError
from lint.readers import jsondocs

from .support import texts, where

ARRAY = r"""[
  {"id": 1, "title": "Caf\u00e9 \"quoted\" titleword", "tags": ["x", {"title": "not a field"}],
   "body": "Intro \ud83d\ude00 bodyword and *stress*.\n\nSecond \\* para\tparaword.",
   "meta": {"summary": "metaword"}},
  {"id": 2, "content": "<p>Para &amp; <b>bold</b>\u00a0htmlword</p>\n<!-- edlint-disable-next-line style.x -->\n<p>Next \u00e9t\u00e9 word</p>"},
  {"id": 3}
]
"""

LINES = (r'{"title": "Line one title", "body": "Body with \"quote\" jlword"}' "\n"
         "\n"
         r'  {"title": "Second \u00e9 title", "text": "Plain\n\nparagraphs here"}' "\n")


@pytest.fixture(scope="module")
def records():
    return jsondocs.read(ARRAY, "export.json", {})


def test_one_document_per_record(records):
    assert [d.record for d in records] == [1, 2, 3]
    assert [d.position(d.record_span[0]) for d in records] == [(2, 3), (5, 3), (6, 3)]
    assert all(d.format == "json" and d.source == ARRAY for d in records)
    first, second, third = records
    assert texts(first) == ['Café "quoted" titleword', "Intro 😀 bodyword and stress.",
                            "Second * para\tparaword."]
    assert [b.kind for b in first.blocks] == ["title", "paragraph", "paragraph"]
    assert first.title == 'Café "quoted" titleword'
    assert texts(second) == ["Para & bold\u00a0htmlword", "Next été word"]
    assert third.blocks == []


@pytest.mark.parametrize("record, word, expected", [
    (0, "titleword", (2, 44, 2, 53, "titleword")),          # after \u00e9 and \" escapes
    (0, "Café", (2, 23, 2, 32, r"Caf\u00e9")),
    (0, "bodyword", (3, 32, 3, 40, "bodyword")),            # after a surrogate pair
    (0, "😀", (3, 19, 3, 31, r"\ud83d\ude00")),
    (0, "stress", (3, 46, 3, 52, "stress")),                # Markdown inside JSON
    (0, "*", (3, 65, 3, 68, r"\\*")),                       # a Markdown escape inside a JSON escape
    (0, "paraword", (3, 75, 3, 83, "paraword")),            # after \t
    (1, "htmlword", (5, 56, 5, 64, "htmlword")),            # HTML inside JSON
    (1, "été", (5, 121, 5, 134, r"\u00e9t\u00e9")),
])
def test_positions(records, record, word, expected):
    assert where(records[record], word) == expected


def test_directive_maps_through_the_string(records):
    [d] = records[1].directives
    assert (d.action, d.rules) == ("disable-next-line", ("style.x",))
    assert records[1].position(d.start) == (5, 70)
    assert ARRAY[d.start:d.end] == "<!-- edlint-disable-next-line style.x -->"


def test_fields_come_from_options():
    [first, *_] = jsondocs.read(ARRAY, "export.json",
                                {"json_fields": {"meta.summary": "text", "id": "text"}})
    assert texts(first) == ["metaword"]
    assert where(first, "metaword") == (4, 25, 4, 33, "metaword")


def test_json_lines():
    docs = jsondocs.read(LINES, "export.jsonl", {})
    assert [d.record for d in docs] == [1, 2]
    assert texts(docs[0]) == ["Line one title", 'Body with "quote" jlword']
    assert where(docs[0], "jlword") == (1, 58, 1, 64, "jlword")
    assert texts(docs[1]) == ["Second é title", "Plain", "paragraphs here"]
    assert where(docs[1], "paragraphs") == (3, 54, 3, 64, "paragraphs")
    assert docs[1].position(docs[1].record_span[0]) == (3, 3)
    assert docs[1].title == "Second é title"


def test_json_lines_under_a_json_name():
    docs = jsondocs.read(LINES, "stdin.json", {})
    assert [texts(d)[0] for d in docs] == ["Line one title", "Second é title"]


def test_decoded_text_matches_json_loads():
    value = r'"a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83d\ude00 \ud83d lone \uDC00 \u0041"'
    text, offset_map = jsondocs.decode_string(value, 0, len(value))
    assert text == json.loads(value)
    start = text.index("lone")
    assert offset_map.span(start, start + 4) == (value.index("lone"), value.index("lone") + 4)


@pytest.mark.parametrize("source, path, message", [
    ('[{"title": "x",}]', "bad.json",
     "invalid JSON at line 1 column 16: Expecting property name enclosed in double quotes"),
    # JSON Lines with no good record: the file is bad (a bad record among good ones: below)
    ('\n{"b": }\n', "bad.jsonl", "invalid JSON at line 2 column 7: Expecting value"),
    ('\n   {"b": 1,}\n', "bad.ndjson",
     "invalid JSON at line 2 column 12: Expecting property name enclosed in double quotes"),
    ('{"title": "unterminated', "bad.json",
     "invalid JSON at line 1 column 11: Unterminated string starting at"),
    ('"just a string"', "s.json", "expected a JSON object or an array of objects"),
    ('{"a": 1}\n{"b": 2,}\n', "s.json",
     "invalid JSON at line 2 column 1: Extra data"),
    ('[{"title": "a"}, 3]', "s.json", "record 2 is not a JSON object"),
    ('[1]\n', "s.jsonl", "line 1: record is not a JSON object"),
])
def test_malformed_json(source, path, message):
    with pytest.raises(InputError) as e:
        jsondocs.read(source, path, {})
    assert e.value.path == path
    assert e.value.message == message
    assert str(e.value) == f"{path}: {message}"


def test_unknown_field_format():
    with pytest.raises(InputError, match="json field 'body': unknown format 'rst'"):
        jsondocs.read('{"body": "x"}', "x.json", {"json_fields": {"body": "rst"}})


def test_empty_files():
    assert jsondocs.read("", "e.json", {}) == []
    assert jsondocs.read("\n  \n", "e.jsonl", {}) == []
    assert jsondocs.read("[]", "e.json", {}) == []


# -- one bad record, or a field that isn't text, loses nothing else -------------------

MIXED = ('{"title": "First wordone"}\n'
         '{"title": "Broken", \n'
         '\n'
         '  ["not", "an", "object"]\n'
         '{"title": "Fourth wordfour", "body": 12}\n'
         '{"title": "Fifth", "body": ["a", "list"], "summary": null}\n'
         '{"title": {"nested": "object"}, "body": "Fifth body wordsix"}\n')


def test_bad_json_lines_records_are_reported_and_the_others_read():
    docs = jsondocs.read(MIXED, "export.jsonl", {})
    # Records keep their numbers: the bad ones count, so a record's number never shifts.
    assert [d.record for d in docs] == [1, 4, 5, 6]
    assert [texts(d) for d in docs] == [["First wordone"], ["Fourth wordfour"], ["Fifth"], ["Fifth body wordsix"]]
    assert where(docs[1], "wordfour") == (5, 19, 5, 27, "wordfour")
    assert docs.errors == [
        "invalid JSON at line 2 column 20: Expecting property name enclosed in double quotes (record 2 not checked)",
        "line 4: record is not a JSON object (record 3 not checked)",
    ]


def test_fields_that_are_not_strings_are_reported_once_per_field():
    docs = jsondocs.read(MIXED, "export.jsonl", {})
    # `null` is an absent value, not a wrong one.
    assert docs.warnings == [
        "export.jsonl: field 'body' is not a string in 2 records (first at line 5): not checked",
        "export.jsonl: field 'title' is not a string in 1 record (first at line 7): not checked",
    ]


def test_a_json_document_reports_fields_that_are_not_strings():
    docs = jsondocs.read('[{"title": 5}, {"title": "ok"}]', "a.json", {"json_fields": {"title": "text"}})
    assert [texts(d) for d in docs] == [[], ["ok"]]
    assert docs.warnings == ["a.json: field 'title' is not a string in 1 record (first at line 1): not checked"]
    assert docs.errors == []


def test_bad_lines_under_a_json_name_are_still_the_files_error():
    # Under a .json name, lines are records only if all of them are.
    with pytest.raises(InputError, match="line 2 column 1: Extra data"):
        jsondocs.read('{"title": "a"}\n{"title": \n', "a.json", {})


def test_pretty_printed_json_with_trailing_data_keeps_its_own_error():
    with pytest.raises(InputError, match="line 3 column 3: Extra data"):
        jsondocs.read('{\n  "title": "a"\n} x\n', "a.json", {})
