"""The JSON report's own indented layout is byte for byte what json.dumps(indent=...) gives."""
from __future__ import annotations

import enum
import json

import pytest

from lint.reports.json import encode


class Level(enum.IntEnum):
    LOW = 1


class Name(str):
    pass


VALUES = [
    {},
    [],
    (),
    "",
    "plain",
    'quotes " and \\ backslash',
    "control \x00\x01\x1f chars, tab\t, newline\n, CR\r",
    "non-ASCII: café, naïve, 東京, emoji 😀, line sep \u2028, lone surrogate \ud800",
    0, -7, 10**40, 3.5, -0.0, 1e300, 1e-300, float("nan"), float("inf"), float("-inf"),
    True, False, None,
    {"path": "a.txt", "line": 5, "suggestions": [], "fix": {"safe": True, "edits": [{"start": 1, "end": 2,
                                                                                      "replacement": "é\n"}]}},
    {"metrics": {"grade": 10.32, "too_short": False, "preset": "general-news", "nested": {"deep": [[], {}, [1]]}}},
    [1, [2, [3, {}]], {"k": ()}],
    {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
    {"enum": Level.LOW, "subclass": Name("sub")},
    [Level.LOW, Name("x"), {"list": (1, "two", None)}],
]


@pytest.mark.parametrize("indent", [1, 2, 4])
@pytest.mark.parametrize("value", VALUES, ids=lambda v: repr(v)[:30])
def test_indented_layout_matches_json_dumps(value, indent):
    assert encode(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_a_pad_leads_every_line_after_the_first():
    value = {"a": [1, {"b": "c"}], "d": {}}
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n   ")
    assert encode(value, 1, "   ") == expected


def test_compact_layout_is_json_dumps():
    value = {"a": [1, 2.5, "é"], "b": None}
    assert encode(value, None) == json.dumps(value, ensure_ascii=False)


def test_unencodable_values_fail_as_json_dumps_does():
    with pytest.raises(TypeError):
        encode({"x": object()}, 1)
