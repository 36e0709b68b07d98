"""HTML: prose blocks with the stdlib html.parser, offsets straight from the parser.

The parser reports where each piece of data, entity, tag and comment starts,
so every character of a block maps to its source offset without searching.
Entities are decoded as replaced pieces; runs of whitespace collapse to one
space (a replaced piece unless the run is a single space). script, style,
code, pre, noscript and template are not prose: skipped, except that inline
`<code>` inside a sentence becomes one placeholder character so the sentence
stays whole. Each block records its element chain (`body>div#main>ul>li`)
and how many of its characters sit inside links. Malformed markup is
tolerated: unclosed elements close at the end or when a parent closes,
stray end tags are ignored, and p/li/td/tr/dt/dd close implicitly as in browsers;
a comment or tag the end of the file cuts off is not text, and elements nest at most
MAX_DEPTH deep, as in Chrome.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..document import Block, Directive, Document, TextBuilder
from .directives import parse_directive
from .offsets import PLACEHOLDER

SKIP = frozenset("script style code pre noscript template svg math textarea select "
                 "iframe object".split())
# Elements that start a new block: text on either side of them never joins.
BLOCK = frozenset("""address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Start tags that close an open <p>, as browsers do.
CLOSES_P = frozenset("""address article aside blockquote details div dl fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr main nav ol p pre section table ul""".split())
# tag -> (tags it implicitly closes, tags that bound the search)
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+|^ | $")
# A tag, end tag, `<!...` or `<?...` opened after the last ">" never closes.
_UNCLOSED_TAG = re.compile(r"<[a-zA-Z/!?]")
# Chrome's limit: a page nests at most this many elements; a deeper start tag closes the
# innermost open element first. Without it each block's element chain costs the depth,
# and a page of 20,000 nested lists took 43 s to read.
MAX_DEPTH = 512
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?")


def read(source: str, path: str, options: dict | None = None) -> list[Document]:
    doc = Document(path=path, source=source, format="html")
    doc.blocks, doc.directives = parse_fragment(source, 0, len(source))
    doc.title = next((b.text for b in doc.blocks if b.kind == "title"), None) or next(
        (b.text for b in doc.blocks if b.kind == "heading" and b.level == 1), None)
    return [doc]


def parse_fragment(source: str, start: int, end: int) -> tuple[list[Block], list[Directive]]:
    """Blocks and directives of the HTML in source[start:end], with offsets into `source`."""
    end = _cut_unterminated(source, start, end)
    parser = _ProseParser(source, start, end)
    parser.feed(source[start:end])
    parser.close()
    parser.finish()
    return parser.blocks, parser.directives


def _cut_unterminated(source: str, start: int, end: int) -> int:
    """End of the fragment without the comment or tag that the end of the file cuts off,
    which browsers don't show. html.parser would hand it over as text, and it looks for
    the end of every such `<` afresh to the end of the data: quadratic on a page of
    thousands of them (20,000 `<!--` took 3 s, 100,000 took 93 s)."""
    last_close = source.rfind("-->", start, end)
    comment = source.find("<!--", last_close + 3 if last_close >= 0 else start, end)
    if comment >= 0:  # the first comment opened after the last "-->" runs to the end
        end = comment
    last_gt = source.rfind(">", start, end)
    m = _UNCLOSED_TAG.search(source, last_gt + 1 if last_gt >= 0 else start, end)
    return m.start() if m else end


class _Element:
    __slots__ = ("tag", "label", "start", "chain")

    def __init__(self, tag: str, label: str, start: int):
        self.tag, self.label, self.start = tag, label, start
        self.chain: str | None = None  # its element chain from the root, once asked for


class _Table:
    """What tells a data table from a layout one (the test Mozilla's Readability uses): a
    header, caption or column group, or enough cells, makes data; a nested table, or
    role="presentation", makes layout. A data table's cells are `table_cell` blocks (figures,
    names, marks: not prose, and never page chrome); a layout table's text reads as the
    blocks it would be without the table, which is how pages of the 2000s were built."""
    __slots__ = ("data", "layout", "rows", "columns", "cells_in_row", "blocks")

    def __init__(self, attrs: dict):
        self.data = bool(attrs.get("summary"))
        self.layout = attrs.get("role") == "presentation" or attrs.get("datatable") == "0"
        self.rows = self.columns = self.cells_in_row = 0
        self.blocks: list[tuple[Block, tuple[str, int]]] = []  # each cell block, and its kind outside a table

    def is_data(self) -> bool:
        if self.layout:
            return False
        if self.data or self.rows >= 10 or self.columns > 4:
            return True
        return self.rows * self.columns > 10


_TABLE_HEADERS = frozenset("th thead tfoot caption col colgroup".split())
_TABLE_TAGS = _TABLE_HEADERS | {"tr", "td"}


class _ProseParser(HTMLParser):
    def __init__(self, source: str, start: int, end: int):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = start
        self.end_offset = end
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source[start:end])]
        self.stack: list[_Element] = []
        self.open_count: dict[str, int] = {}  # tag -> open elements, to spot stray end tags fast
        self.skipping = 0
        self.in_link = 0
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.builder: TextBuilder | None = None
        self.block_start = 0
        self.block_context = ""
        self.block_kind = ("text", 0)
        self.block_outside_table: tuple[str, int] | None = None  # a cell's kind were its table for layout
        self.link_chars = 0
        self.pending_space: tuple[int, int] | None = None  # source span of the blank (or <br>)
        self.pending_space_in_link = False
        self.tables: list[_Table] = []  # the open tables, innermost last

    # positions -------------------------------------------------------------------------
    def here(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def tag_end(self, start: int) -> int:
        end = self.source.find(">", start, self.end_offset)
        return end + 1 if end >= 0 else self.end_offset

    # parser callbacks ----------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self.here()
        if tag in VOID:
            if tag == "br" and not self.skipping:
                self.space(start, self.tag_end(start))  # a line break reads as a space
            elif tag in BLOCK:
                self.flush(start)
            elif tag == "col" and self.tables:
                self.tables[-1].data = True
            return
        self.close_implied(tag, start)
        if len(self.stack) >= MAX_DEPTH:
            self.pop(start, start)
        if tag in BLOCK:
            self.flush(start)
        label = tag
        attrs = dict(attrs)
        if attrs.get("id"):
            label += "#" + attrs["id"].strip()
        if attrs.get("class"):
            label += "".join("." + c for c in attrs["class"].split())
        self.stack.append(_Element(tag, label, start))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if tag == "table" or (self.tables and tag in _TABLE_TAGS):
            self.table_tag(tag, attrs)
        if tag in SKIP:
            self.skipping += 1
        elif tag == "a":
            self.in_link += 1

    def table_tag(self, tag: str, attrs: dict) -> None:
        if tag == "table":
            if self.tables:
                self.tables[-1].layout = True  # a table in a table: the outer one lays out the page
            self.tables.append(_Table(attrs))
            return
        table = self.tables[-1]
        if tag in _TABLE_HEADERS:
            table.data = True
        if tag == "tr":
            table.rows += 1
            table.cells_in_row = 0
        elif tag in ("td", "th"):
            table.cells_in_row += 1
            table.columns = max(table.columns, table.cells_in_row)

    def end_table(self) -> None:
        table = self.tables.pop()
        if not table.is_data():
            for block, outside in table.blocks:
                block.kind, block.level = outside

    def parse_html_declaration(self, i):
        if self.rawdata.startswith("<![", i):
            # Outside SVG and MathML, browsers read `<![CDATA[...` and other marked sections
            # as a bogus comment up to the next ">". html.parser wants "]]>" and, missing
            # it, rescans to the end for each one.
            j = self.rawdata.find(">", i + 3)
            return j + 1 if j >= 0 else len(self.rawdata)
        return super().parse_html_declaration(i)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        start = self.here()
        if tag == "br":
            return self.handle_starttag(tag, [])
        if not self.open_count.get(tag):
            return  # a stray end tag: browsers ignore it
        end = self.tag_end(start)
        while self.stack:
            element = self.pop(start, end)
            if element.tag == tag:
                break

    def handle_data(self, data):
        if self.skipping or not data:
            return
        start = self.here()
        pos = 0
        # Single spaces inside the data stay in the text as they are; other runs collapse.
        for m in _SPACE.finditer(data):
            if m.start() > pos:
                self.text(data[pos:m.start()], start + pos)
            self.space(start + m.start(), start + m.end())
            pos = m.end()
        if pos < len(data):
            self.text(data[pos:], start + pos)

    def handle_entityref(self, name):
        self.entity()

    def handle_charref(self, name):
        self.entity()

    def handle_comment(self, data):
        start = self.here()
        end = start + 4 + len(data)
        end = end + 3 if self.source.startswith("-->", end) else self.tag_end(end)
        directive = parse_directive(data, start, end)
        if directive is not None:
            self.directives.append(directive)

    # building blocks ---------------------------------------------------------------------
    def entity(self):
        if self.skipping:
            return
        start = self.here()
        m = _ENTITY.match(self.source, start, self.end_offset)
        raw = m.group() if m else "&"
        decoded = unescape(raw)
        if decoded == raw:  # not a known entity: plain text
            self.text(raw, start)
        else:
            self.text(decoded, start, start + len(raw))

    def text(self, text: str, start: int, replaced_end: int | None = None) -> None:
        b = self.builder
        if b is None:
            b = self.builder = TextBuilder()
            # The block belongs to its nearest block-level element; inline ones (a, b) are
            # not part of its context.
            depth = next((i + 1 for i in range(len(self.stack) - 1, -1, -1)
                          if self.stack[i].tag in BLOCK), 0)
            self.block_start = self.stack[depth - 1].start if depth else start
            self.block_context = self.chain(depth)
            self.block_kind = self.kind()
            self.block_outside_table = self.kind(outside_tables=True) if self.block_kind[0] == "table_cell" else None
            self.link_chars = 0
            self.pending_space = None
        if self.pending_space is not None:
            s, e = self.pending_space
            if e - s == 1 and self.source[s] == " ":
                b.add(" ", s)
            elif e > s:
                b.add_replaced(" ", s, e)
            else:
                b.add_synthetic(" ")
            if self.pending_space_in_link:
                self.link_chars += 1
            self.pending_space = None
        if replaced_end is None:
            b.add(text, start)
        else:
            b.add_replaced(text, start, replaced_end)
        if self.in_link:
            self.link_chars += len(text)

    def chain(self, depth: int) -> str:
        """The element chain of the `depth` outermost open elements ("body>div#main>p").
        Each open element keeps its own, so a block deep in the page costs one join, not
        one per ancestor."""
        if not depth:
            return ""
        stack = self.stack
        k = depth - 1
        while k >= 0 and stack[k].chain is None:
            k -= 1
        chain = stack[k].chain if k >= 0 else None
        for e in stack[k + 1:depth]:
            chain = e.label if chain is None else chain + ">" + e.label
            e.chain = chain
        return chain

    def space(self, start: int, end: int) -> None:
        # Held back until more text follows, so blocks never start or end with a space.
        if self.builder is not None and self.pending_space is None:
            self.pending_space = (start, end)
            self.pending_space_in_link = self.in_link > 0

    def pop(self, start: int, end: int) -> _Element:
        element = self.stack.pop()
        self.open_count[element.tag] -= 1
        if element.tag in SKIP:
            self.skipping -= 1
            if element.tag == "code" and not self.skipping and self.builder is not None:
                # inline code inside a sentence: one placeholder over the whole <code>...</code>
                self.text(PLACEHOLDER, element.start, end)
        elif element.tag == "a":
            self.in_link -= 1
        if element.tag in BLOCK:
            self.flush(end)
        if element.tag == "table" and self.tables:
            self.end_table()
        return element

    def close_implied(self, tag: str, start: int) -> None:
        if tag in CLOSES_P:
            self.close_open(("p",), set(BLOCK) - {"p"}, start)
        implied = IMPLIED_END.get(tag)
        if implied:
            self.close_open(*implied, start)

    def close_open(self, tags, bounds, start: int) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t in tags:
                while len(self.stack) > i:
                    self.pop(start, start)
                return
            if t in bounds:
                return

    def flush(self, end: int) -> None:
        b = self.builder
        self.builder = None
        self.pending_space = None
        if b is None or not len(b):
            return
        text = b.text()
        if text == PLACEHOLDER:
            return
        kind, level = self.block_kind
        block = Block(kind, text, b.offset_map(), self.block_start, max(end, self.block_start),
                      level=level, context=self.block_context, link_chars=self.link_chars)
        self.blocks.append(block)
        if kind == "table_cell" and self.tables:
            self.tables[-1].blocks.append((block, self.block_outside_table))

    def kind(self, outside_tables: bool = False) -> tuple[str, int]:
        """The block's kind from its nearest block-level ancestors (`outside_tables`: as if
        no table held it)."""
        saw_p = False
        for e in reversed(self.stack):
            t = e.tag
            if t in HEADINGS:
                return "heading", HEADINGS[t]
            if t in ("td", "th") and not outside_tables:
                return "table_cell", 0
            if t in ("figcaption", "caption"):
                return "caption", 0
            if t == "title":
                return "title", 0
            if t == "li":
                return "list_item", self.open_count.get("ul", 0) + self.open_count.get("ol", 0)
            if t == "blockquote":
                return "quote", 0
            if t == "p":
                saw_p = True
        return ("paragraph" if saw_p else "text"), 0

    def finish(self) -> None:
        while self.stack:
            self.pop(self.end_offset, self.end_offset)
        self.flush(self.end_offset)
