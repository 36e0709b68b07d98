"""The reader's link helpers (lint/readers/markdown_links.py) give markdown-it's own results."""
from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt, helpers

from lint.readers import markdown
from lint.readers.markdown_links import parse_link_destination, parse_link_label

# Pieces that make links, images, references, code spans, escapes and emphasis meet.
PIECES = ["[", "]", "(", ")", "![", "<", ">", "\\", "`", "*", "_", " ", "\n", "\t", "x", "ab", "[x](",
          "](", "\"t\"", "'", "&amp;", "<b>", "\x01", "\\(", "\\ ", "](<", "[r]", "[r]: /u\n", "é"]


def _random_markup(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _stock_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")


def _shape(tokens) -> list:
    return [(t.type, t.tag, t.map, t.content, t.markup, t.info, t.attrs,
             _shape(t.children) if t.children else None) for t in tokens]


def test_the_reader_parses_with_the_fast_helpers():
    assert markdown._markdown().helpers.parseLinkDestination is parse_link_destination
    assert markdown._markdown().helpers.parseLinkLabel is parse_link_label


@pytest.mark.parametrize("seed", range(6))
def test_random_markup_parses_to_the_same_tokens_as_with_markdown_its_helpers(seed):
    rng = random.Random(seed)
    ours, stock = markdown._markdown(), _stock_parser()
    for _ in range(60):
        text = "[r]: /dest\n\n" + _random_markup(rng, rng.randint(1, 400))
        assert _shape(ours.parse(text, {})) == _shape(stock.parse(text, {})), repr(text)


def test_destinations_match_markdown_its_on_every_start():
    rng = random.Random(7)
    for _ in range(300):
        text = _random_markup(rng, rng.randint(1, 60))
        for start in range(len(text) + 1):
            for maximum in (len(text), max(start, len(text) - 3)):
                a = parse_link_destination(text, start, maximum)
                b = helpers.parseLinkDestination(text, start, maximum)
                assert (a.ok, a.pos, a.str) == (b.ok, b.pos, b.str), (text, start, maximum)


def test_deep_parentheses_are_refused_as_markdown_it_does():
    text = "(" * 33 + ")" * 33
    assert not parse_link_destination(text, 0, len(text)).ok
    assert not helpers.parseLinkDestination(text, 0, len(text)).ok
    ok = "(" * 32 + ")" * 32
    assert parse_link_destination(ok, 0, len(ok)).pos == helpers.parseLinkDestination(ok, 0, len(ok)).pos == 64
