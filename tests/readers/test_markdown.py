"""Markdown reader: prose only, and every word lands on its exact line and column."""
from __future__ import annotations

import pytest

from lint.readers import markdown
from lint.readers.offsets import PLACEHOLDER

from .support import find, texts, where

ARTICLE = """\
---
title: "Front matter title"
draft: true
---
# Héadline with 😀 emoji #

Intro *emphasis* and **strong** with a [link text](http://example.com "T")
and a [reference link][ref] plus `inline code` then &amp; target \\* escape.
Visit https://example.com/page now. Or <http://auto.link> there.

> A quote line
> continues *quoted*
lazy continuation

- item one
- item two
  - nested 😀 nestword
    with contword

| Col A | Col \\| B |
|-------|---------|
| cell 😀 cellword | `code` celltwo |

```python
fencedword = 1
```

    indentedword

<!-- edlint-disable typography.x -->
<p>Raw &amp; htmlword</p>

Setext heading
==============

[ref]: http://example.com/ref
"""


@pytest.fixture(scope="module")
def doc():
    [d] = markdown.read(ARTICLE, "a.md", {})
    return d


@pytest.mark.parametrize("word, nth, expected", [
    ("emoji", 0, (5, 19, 5, 24, "emoji")),          # after é and a non-BMP emoji
    ("emphasis", 0, (7, 8, 7, 16, "emphasis")),
    ("link", 0, (7, 41, 7, 45, "link")),             # link text kept
    ("reference", 0, (8, 8, 8, 17, "reference")),
    ("target", 0, (8, 59, 8, 65, "target")),         # after code span and entity
    ("&", 0, (8, 53, 8, 58, "&amp;")),               # an entity maps onto its source form
    ("*", 0, (8, 66, 8, 68, "\\*")),                 # so does an escape
    ("escape", 0, (8, 69, 8, 75, "escape")),
    ("now", 0, (9, 32, 9, 35, "now")),               # after a bare URL
    ("there", 0, (9, 59, 9, 64, "there")),           # after an autolink
    ("quoted", 0, (12, 14, 12, 20, "quoted")),
    ("lazy", 0, (13, 1, 13, 5, "lazy")),
    ("nestword", 0, (17, 14, 17, 22, "nestword")),
    ("contword", 0, (18, 10, 18, 18, "contword")),
    ("B", 0, (20, 18, 20, 19, "B")),                 # after an escaped pipe in a table
    ("cellword", 0, (22, 10, 22, 18, "cellword")),
    ("celltwo", 0, (22, 28, 22, 35, "celltwo")),
    ("htmlword", 0, (31, 14, 31, 22, "htmlword")),   # HTML block through the HTML reader
    ("Setext", 0, (33, 1, 33, 7, "Setext")),
])
def test_positions(doc, word, nth, expected):
    assert where(doc, word, nth) == expected


def test_prose_only(doc):
    prose = " ".join(texts(doc))
    for absent in ("draft", "Front", "fencedword", "indentedword", "http", "example",
                   "auto.link", "inline", "code", "ref]", "typography", "T"):
        assert absent not in prose.split() and absent not in prose.replace(PLACEHOLDER, " ")


def test_sentence_stays_whole(doc):
    block, _, _ = find(doc, "Intro")
    assert block.text == (
        "Intro emphasis and strong with a link text and a reference link plus "
        f"{PLACEHOLDER} then & target * escape. Visit {PLACEHOLDER} now. Or {PLACEHOLDER} there.")
    assert block.link_chars == len("link text") + len("reference link")


def test_placeholders_cover_code_and_urls(doc):
    block, _, _ = find(doc, "Intro")
    spans = [block.source_span(i, i + 1) for i, ch in enumerate(block.text) if ch == PLACEHOLDER]
    assert [doc.source[s:e] for s, e in spans] == [
        "`inline code`", "https://example.com/page", "<http://auto.link>"]


def test_kinds_and_levels(doc):
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert kinds[0] == ("title", 1, "Héadline with 😀 emoji")
    assert ("quote", 0, "A quote line continues quoted lazy continuation") in kinds
    assert ("list_item", 1, "item two") in kinds
    assert ("list_item", 2, "nested 😀 nestword with contword") in kinds
    assert ("table_cell", 0, "Col | B") in kinds
    assert ("heading", 1, "Setext heading") in kinds
    assert doc.title == "Front matter title"


def test_directives(doc):
    [d] = doc.directives
    assert (d.action, d.rules) == ("disable", ("typography.x",))
    assert doc.position(d.start) == (30, 1)
    assert doc.source[d.start:d.end] == "<!-- edlint-disable typography.x -->"


def test_verbatim_only_where_the_source_is_unchanged(doc):
    block, s, e = find(doc, "target")
    assert block.is_verbatim(s, e)
    block, s, e = find(doc, "&")
    assert not block.is_verbatim(s, e)


def test_crlf_line_endings_and_containers():
    source = "First line with word\r\nsecond crlfword here\r\n\r\n> - quoted item qword\r\n"
    [d] = markdown.read(source, "c.md", {})
    assert where(d, "crlfword") == (2, 8, 2, 16, "crlfword")
    assert where(d, "qword") == (4, 17, 4, 22, "qword")
    assert texts(d) == ["First line with word second crlfword here", "quoted item qword"]
    assert [b.kind for b in d.blocks] == ["paragraph", "list_item"]


def test_entities_escapes_and_breaks():
    source = ("Caf&eacute; &#x1F600; entword and \\[not a link\\] brackword\n"
              "hard  \nbreak word")
    [d] = markdown.read(source, "e.md", {})
    assert texts(d) == ["Café 😀 entword and [not a link] brackword hard break word"]
    assert where(d, "Café") == (1, 1, 1, 12, "Caf&eacute;")
    assert where(d, "entword") == (1, 23, 1, 30, "entword")
    assert where(d, "brackword") == (1, 50, 1, 59, "brackword")
    assert where(d, "break") == (3, 1, 3, 6, "break")


def test_link_title_and_code_do_not_capture_later_words():
    source = '[alpha](http://x.com "beta") beta and `dup` dup\n\nSee ![chart alt](c.png) imgword'
    [d] = markdown.read(source, "l.md", {})
    assert texts(d) == [f"alpha beta and {PLACEHOLDER} dup", f"See {PLACEHOLDER} imgword"]
    assert where(d, "beta") == (1, 30, 1, 34, "beta")
    assert where(d, "dup") == (1, 45, 1, 48, "dup")
    assert where(d, "imgword") == (3, 25, 3, 32, "imgword")


def test_an_image_label_ends_where_markdown_it_ends_it():
    # Inline HTML inside the alt text hides a bracket from markdown-it: the label ends at the
    # first "]" after the tag. A scan of the reader's own would count that bracket, close the
    # label at a "]" further on, and leave the words between it without a source position.
    source = 'Before ![a <b title="[">](i.png) after, and teh word ] later.'
    [d] = markdown.read(source, "i.md", {})
    assert texts(d) == [f"Before {PLACEHOLDER} after, and teh word ] later."]
    assert where(d, "teh") == (1, 45, 1, 48, "teh")


def test_inline_comment_directive_and_html_tags_dropped():
    source = 'Text <span class="x">spanword</span> and <!-- edlint-disable-next-line style.y --> end.'
    [d] = markdown.read(source, "h.md", {})
    assert texts(d) == ["Text spanword and end."]
    assert where(d, "spanword") == (1, 22, 1, 30, "spanword")
    [directive] = d.directives
    assert (directive.action, directive.rules) == ("disable-next-line", ("style.y",))
    assert d.source[directive.start:directive.end].startswith("<!--")
    assert d.source[directive.start:directive.end].endswith("-->")


def test_toml_front_matter_and_unclosed_fence():
    source = "+++\ntitle = \"T\"\n+++\nBody tomlword.\n\n```\nnever closed\n"
    [d] = markdown.read(source, "t.md", {})
    assert texts(d) == ["Body tomlword."]
    assert where(d, "tomlword") == (4, 6, 4, 14, "tomlword")
    assert d.title == "T"


def test_empty_and_blank():
    assert markdown.read("", "x.md", {})[0].blocks == []
    assert markdown.read("\n\n   \n", "x.md", {})[0].blocks == []


def test_raw_br_and_code_inside_a_paragraph():
    source = "One<br>two and <code>raw code</code> then\n<br/>three"
    [d] = markdown.read(source, "b.md", {})
    assert texts(d) == [f"One two and {PLACEHOLDER} then three"]
    assert where(d, "two") == (1, 8, 1, 11, "two")
    assert where(d, "three") == (2, 6, 2, 11, "three")
    block, _, _ = find(d, "One")
    i = block.text.index(PLACEHOLDER)
    s, e = block.source_span(i, i + 1)
    assert source[s:e] == "<code>raw code</code>"


def test_markup_the_walker_cannot_place_is_kept_without_a_crash():
    # An image whose alt text holds a code span, then an entity: markdown-it and the walker
    # disagree on where the image ends, and the entity must still map inside the block.
    from lint.readers import markdown

    (doc,) = markdown.read("Markup:\n\n```~`;`![[](()`)](`)*&mp;]", "x.md", {})
    assert [b.text for b in doc.blocks][0] == "Markup:"
    assert doc.blocks[1].text.endswith("∓]")


def test_a_placeholder_past_the_content_stays_inside_the_block():
    # Where the walker has lost its place (found on 1 MB of random markup), an image's
    # placeholder may start at the end of the content: it maps there, without a crash.
    from lint.document import TextBuilder
    from lint.readers.markdown_inline import InlineWalker

    builder = TextBuilder()
    walker = InlineWalker(None, "ab", [10, 11, 12], builder)
    walker.placeholder(2, 4)
    walker.placeholder(1, 9)
    assert builder.text() == "\ufffc\ufffc"
    assert builder.offset_map().span(0, 1) == (12, 12) and builder.offset_map().span(1, 2) == (11, 12)
