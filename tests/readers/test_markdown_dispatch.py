"""The reader's inline tokenizer (lint/readers/markdown_dispatch.py) gives markdown-it's own tokens."""
from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from lint.readers import markdown
from lint.readers.markdown_dispatch import install_dispatch

# Every character a standard inline rule starts with, and the pieces that make them meet.
PIECES = ["[", "]", "(", ")", "![", "!", "<", ">", "\\", "`", "``", "*", "**", "_", "~~", "~", "&", "&amp;",
          "&#35;", ":", "http://x.org", "<http://a.b>", "<a@b.co>", "<b>", "</b>", "<!-- c -->", " ", "  \n",
          "\n", "\t", "x", "ab", "[x](", "](", "\"t\"", "'", "\x01", "\\(", "\\*", "[r]", "[r]: /u\n", "é", "|",
          "# ", "- ", "1. ", "> "]


def _random_markup(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")


def _shape(tokens) -> list:
    return [(t.type, t.tag, t.map, t.content, t.markup, t.info, t.attrs, t.meta,
             _shape(t.children) if t.children else None) for t in tokens]


def test_the_reader_parses_with_the_dispatching_tokenizer():
    assert markdown._markdown().inline.tokenize.__func__.__module__ == "lint.readers.markdown_dispatch"


@pytest.mark.parametrize("seed", range(8))
def test_random_markup_parses_to_markdown_its_tokens(seed):
    rng = random.Random(seed)
    ours, stock = _parser(), _parser()
    assert install_dispatch(ours)
    for _ in range(80):
        text = "[r]: /dest\n\n" + _random_markup(rng, rng.randint(1, 400))
        assert _shape(ours.parse(text, {})) == _shape(stock.parse(text, {})), repr(text)


def test_deep_nesting_stops_where_markdown_its_does():
    ours, stock = _parser(), _parser()
    install_dispatch(ours)
    for text in ("[" * 120 + "x" + "]" * 120 + "(/u)", "*" * 300 + "a" + "*" * 300, "![" * 80 + "](" * 80):
        assert _shape(ours.parse(text, {})) == _shape(stock.parse(text, {}))


def test_a_rule_it_does_not_know_is_tried_where_markdown_it_tries_it():
    def parse_with_mention_rule(dispatch: bool) -> tuple[list, list]:
        seen = []

        def mention(state, silent):  # a plugin's rule ("@name"), unknown to the dispatch table
            seen.append((state.pos, silent))
            return False

        md = _parser()
        md.inline.ruler.push("mention", mention)
        if dispatch:
            assert install_dispatch(md)
        return seen, _shape(md.parse("a [b] @c *d* <e> &f; `g`", {}))

    ours, stock = parse_with_mention_rule(True), parse_with_mention_rule(False)
    assert ours == stock and ours[0]  # called at the same positions, in the same modes


def test_a_ruler_changed_behind_its_back_is_left_alone():
    md = _parser()
    md.inline.ruler.getRules("")  # the cache, then a rule turned off without it
    md.inline.ruler.__rules__[0].enabled = False
    assert not install_dispatch(md)
