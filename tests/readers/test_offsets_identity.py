"""A text copied verbatim from the source (a plain-text paragraph, a JSON field) maps by
arithmetic: every answer the same as the one-linear-segment map it stands for."""
from __future__ import annotations

import itertools

import pytest

from lint.document import OffsetMap, _Segment


@pytest.mark.parametrize("base,length", [(0, 0), (0, 1), (5, 0), (7, 3), (100, 17)])
def test_an_identity_map_answers_as_its_one_segment(base, length):
    segment = OffsetMap([_Segment(0, length, base, base + length)], length)
    identity = OffsetMap.identity(base, length)
    around = range(-3, length + 4)  # before, inside, at the end of and past the text
    assert [identity.start(p) for p in around] == [segment.start(p) for p in around]
    assert [identity.end(p) for p in around] == [segment.end(p) for p in around]
    pairs = list(itertools.product(around, around))
    assert [identity.span(a, b) for a, b in pairs] == [segment.span(a, b) for a, b in pairs]
    assert [identity.is_verbatim(a, b) for a, b in pairs] == [segment.is_verbatim(a, b) for a, b in pairs]
    assert list(identity.segments()) == list(segment.segments())
