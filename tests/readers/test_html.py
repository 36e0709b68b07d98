"""HTML reader: block structure, skipped elements, entities, context, link density, positions."""
from __future__ import annotations

import pytest

from lint.readers import html
from lint.readers.offsets import PLACEHOLDER

from .support import find, texts, where

PAGE = """\
<!DOCTYPE html>
<html><head><title>Big &amp; titleword</title>
<style>p { stylerule: 1 }</style><script>var scriptword = 1;</script></head>
<body><div id="main" class="story wide">
<h1>Héadline 😀 headword</h1>
<p>First  para <a href="/x">linkword here</a> then <code>codeword</code> after&nbsp;nbspword.
second line<br>brword
<p>Unclosed para unclosedword
<ul><li>one<li>two <b>boldword</li></ul>
<!-- edlint-disable typography.x -->
<aside class="related"><ul><li><a href="/y">Related relword</a></li></ul></aside>
<pre>preword</pre><noscript>noscriptword</noscript>
<blockquote><p>quoteword</p></blockquote>
<table><tr><td>cell 😀 cellword<td>celltwo</table>
<figure><img src="a.png" alt="altword"><figcaption>capword</figcaption></figure>
</div>
"""


@pytest.fixture(scope="module")
def doc():
    [d] = html.read(PAGE, "p.html", {})
    return d


@pytest.mark.parametrize("word, expected", [
    ("titleword", (2, 30, 2, 39, "titleword")),
    ("&", (2, 24, 2, 29, "&amp;")),
    ("headword", (5, 16, 5, 24, "headword")),      # after é and a non-BMP emoji
    ("linkword", (6, 29, 6, 37, "linkword")),
    ("nbspword", (6, 85, 6, 93, "nbspword")),      # after an entity
    ("brword", (7, 16, 7, 22, "brword")),
    ("unclosedword", (8, 18, 8, 30, "unclosedword")),
    ("boldword", (9, 23, 9, 31, "boldword")),
    ("relword", (11, 53, 11, 60, "relword")),
    ("quoteword", (13, 16, 13, 25, "quoteword")),
    ("cellword", (14, 23, 14, 31, "cellword")),
    ("celltwo", (14, 35, 14, 42, "celltwo")),
    ("capword", (15, 52, 15, 59, "capword")),
])
def test_positions(doc, word, expected):
    assert where(doc, word) == expected


def test_skipped_elements(doc):
    prose = " ".join(texts(doc))
    for absent in ("stylerule", "scriptword", "codeword", "preword", "noscriptword", "altword",
                   "typography"):
        assert absent not in prose


def test_blocks_kinds_and_text(doc):
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("title", 0, "Big & titleword"),
        ("heading", 1, "Héadline 😀 headword"),
        ("paragraph", 0, f"First para linkword here then {PLACEHOLDER} after\u00a0nbspword. "
                         "second line brword"),
        ("paragraph", 0, "Unclosed para unclosedword"),
        ("list_item", 1, "one"),
        ("list_item", 1, "two boldword"),
        ("list_item", 1, "Related relword"),
        ("quote", 0, "quoteword"),
        ("text", 0, "cell 😀 cellword"),
        ("text", 0, "celltwo"),
        ("caption", 0, "capword"),
    ]
    assert doc.title == "Big & titleword"


def test_context_and_link_chars(doc):
    block, _, _ = find(doc, "relword")
    assert block.context == "html>body>div#main.story.wide>aside.related>ul>li"
    assert block.link_chars == len("Related relword")
    block, _, _ = find(doc, "linkword")
    assert block.context == "html>body>div#main.story.wide>p"
    assert block.link_chars == len("linkword here")
    assert doc.source[block.start:block.start + 9] == "<p>First "


def test_collapsed_space_and_code_placeholder_map_to_source(doc):
    block, _, _ = find(doc, "First")
    s, e = block.source_span(5, 6)  # the space after "First" stands for two
    assert doc.source[s:e] == "  " and not block.is_verbatim(5, 6)
    i = block.text.index(PLACEHOLDER)
    s, e = block.source_span(i, i + 1)
    assert doc.source[s:e] == "<code>codeword</code>"
    i = block.text.index(" brword")
    s, e = block.source_span(i, i + 1)  # the space a <br> stands for
    assert doc.source[s:e] == "<br>"


def test_directive(doc):
    [d] = doc.directives
    assert (d.action, d.rules) == ("disable", ("typography.x",))
    assert doc.position(d.start) == (10, 1)
    assert doc.source[d.start:d.end] == "<!-- edlint-disable typography.x -->"


@pytest.mark.parametrize("source, expected", [
    # misnested inline tags, a stray end tag, an unclosed inline element
    ("<div><p>One <b>bold <i>mixed</b> tail</i> end</p></span><p>Two <em>unclosed",
     ["One bold mixed tail end", "Two unclosed"]),
    # bare "<" in text, unknown and legacy (no semicolon) entities, character references
    ("a < b and <3 hearts &bogus; &amp x &#233;t&#xE9;</p></div>",
     ["a < b and <3 hearts &bogus; & x été"]),
    # a comment and a tag cut off by the end of the file
    ("<p>Three <!-- unterminated", ["Three"]),
    ("<p>Tag <img src=\"x\" alt=\"unclosed", ["Tag"]),
    # declarations and processing instructions are not text
    ("<![CDATA[x]]><?php echo 1 ?><p>after pi</p>", ["after pi"]),
    # a marked section without "]]>" ends at the next ">", as browsers read it
    ("<p>Lead <![CDATA[ hidden > shown</p>", ["Lead shown"]),
    # after the last "-->", the first "<!--" runs to the end however many follow it
    ("<p>Kept <!-- closed --> too</p><p>Cut <!--<!--<!-- x > <p>not shown", ["Kept too", "Cut"]),
    # after the last ">", the first tag opened never closes: the rest is not text
    ("<p>Shown</p> tail <a<a</b<?x and more", ["Shown", "tail"]),
    ("", []),
])
def test_malformed_html_is_tolerated(source, expected):
    [d] = html.read(source, "m.html", {})
    assert texts(d) == expected


def test_thousands_of_unterminated_openings_read_like_one():
    # html.parser alone rescans to the end for each of these (quadratic: 100,000 took 93 s);
    # the reader cuts at the first, so the cost is one scan. bench/worst_case.py measures it.
    for opening in ("<!--", "<a", "<![CDATA[", "</", "<?"):
        [d] = html.read("<p>Story.</p>" + opening * 20000 + " rest", "m.html", {})
        assert texts(d) == ["Story."]


def test_nesting_deeper_than_browsers_allow_closes_the_innermost():
    # Chrome's 512-element limit: a deeper start tag closes the innermost open element
    # first, so element chains stay bounded and every block's text is still read.
    n = html.MAX_DEPTH + 100
    [d] = html.read("<div>" * n + "<p>Deep text.</p>", "d.html", {})
    assert texts(d) == ["Deep text."]
    assert d.blocks[0].context.count(">") == html.MAX_DEPTH - 1
    [d] = html.read("<ul>" * n + "<li>item" * 3, "l.html", {})
    assert texts(d) == ["item", "item", "item"]
    assert d.blocks[0].kind == "list_item"


def test_positions_in_malformed_html():
    source = "<p>Alpha <b>beta\n<td>stray gamma</p></p>\n<li>delta &eacute;psilon"
    [d] = html.read(source, "m.html", {})
    assert texts(d) == ["Alpha beta", "stray gamma", "delta épsilon"]
    assert where(d, "gamma") == (2, 11, 2, 16, "gamma")
    assert where(d, "épsilon") == (3, 11, 3, 25, "&eacute;psilon")


def test_whitespace_runs_collapse_to_one_space():
    source = "<p>\n  Lead   words\n\tacross lines  </p>"
    [d] = html.read(source, "w.html", {})
    assert texts(d) == ["Lead words across lines"]
    assert where(d, "across") == (3, 2, 3, 8, "across")


def _kinds(source: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in html.read(source, "t.html")[0].blocks]


@pytest.mark.parametrize("table", [
    "<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>North</td><td>x</td></tr></table>",  # a header row
    "<table><caption>Results</caption><tr><td>North</td><td>x</td></tr></table>",
    "<table><colgroup><col></colgroup><tr><td>North</td><td>x</td></tr></table>",
    "<table>" + "<tr><td>North</td><td>x</td></tr>" * 10 + "</table>",  # ten rows
    "<table><tr>" + "<td>x</td>" * 5 + "</tr></table>",  # five columns
])
def test_a_data_tables_cells_are_table_cells(table):
    assert {kind for kind, text in _kinds(table) if text != "Results"} == {"table_cell"}


@pytest.mark.parametrize("table, kinds", [
    # a page laid out in a table, as pages of the 2000s were: its text reads as it would without it
    ("<table><tr><td><p>The council met.</p><p>It voted.</p></td><td>Home</td></tr></table>",
     [("paragraph", "The council met."), ("paragraph", "It voted."), ("text", "Home")]),
    ('<table role="presentation">' + "<tr><th>Menu</th><td>News</td></tr>" * 12 + "</table>",
     [("text", "Menu"), ("text", "News")] * 12),
    # a table holding a table lays out the page; the inner one, with its header, is data
    ("<table><tr><td><h2>Scores</h2><table><tr><th>Team</th></tr><tr><td>Leeds</td></tr></table></td></tr></table>",
     [("heading", "Scores"), ("table_cell", "Team"), ("table_cell", "Leeds")]),
])
def test_a_layout_tables_text_reads_as_blocks(table, kinds):
    assert _kinds(table) == kinds
