"""Markdown: prose blocks with markdown-it-py (CommonMark plus GFM tables and strikethrough).

markdown-it gives each block its source lines; the reader aligns the text it
extracts with those lines deterministically, never by searching the file:

* an inline token's content is, line by line, a suffix of its source line
  (container markers and indentation removed at the front; for the last line,
  trailing blanks removed; ATX headings also lose their closing #s), so every
  content character gets its source offset;
* the inline children are then matched left to right against that content:
  each child's source form (text, `\\*` escape, `&amp;` entity, code span,
  link tail) is the next occurrence after a cursor that only ever moves
  forward over markup (lint/readers/markdown_inline.py).

Prose only: fenced and indented code, front matter (YAML `---`, TOML `+++`),
HTML comments and link destinations are dropped. Inline code, images,
autolinks and bare URLs inside a sentence become one placeholder character
(`offsets.PLACEHOLDER`) mapped onto their whole source span, so the sentence
stays whole. HTML blocks go through the HTML reader. Suppression comments
become directives.
"""
from __future__ import annotations

import re

from ..document import Block, Directive, Document, TextBuilder
from .directives import parse_directive
from .markdown_inline import InlineWalker
from .offsets import PLACEHOLDER

_LINE_BREAK = re.compile(r"\r\n?|\n")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_FRONT_MATTER_TITLE = re.compile(r"""^title\s*[:=]\s*(["']?)(.+?)\1\s*$""")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_parser = None


def _markdown():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt
        # text_join would glue escapes and entities back into text and lose their source form.
        from .markdown_dispatch import install_dispatch
        from .markdown_links import link_helpers

        _parser = (MarkdownIt("commonmark", {"html": True})
                   .enable(["table", "strikethrough"]).disable("text_join"))
        _parser.helpers = link_helpers()  # the same results, faster on dense markup
        install_dispatch(_parser)  # the same tokens, fewer rule calls per position
    return _parser


class _Lines:
    """The source split the way markdown-it splits it (CR, LF, CRLF), with offsets."""

    def __init__(self, source: str):
        self.starts = [0]
        self.ends = []
        for m in _LINE_BREAK.finditer(source):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(source))
        # markdown-it turns NUL into U+FFFD; same length, so offsets still agree.
        text = source.replace("\x00", "\ufffd")
        self.texts = [text[s:e] for s, e in zip(self.starts, self.ends)]


def read(source: str, path: str, options: dict | None = None) -> list[Document]:
    doc = Document(path=path, source=source, format="markdown")
    lines = _Lines(source)
    body_from, fm_title = _front_matter(lines.texts)
    texts = [""] * body_from + lines.texts[body_from:]
    env: dict = {}
    tokens = _markdown().parse("\n".join(texts), env)
    walker = _Walker(source, lines, env.get("references", {}))
    walker.walk(tokens)
    doc.blocks, doc.directives = walker.blocks, walker.directives
    first = doc.blocks[0] if doc.blocks else None
    if first is not None and first.kind == "heading" and first.level == 1:
        first.kind = "title"
    doc.title = fm_title or (first.text if first is not None and first.kind == "title" else None)
    return [doc]


def _front_matter(texts: list[str]) -> tuple[int, str | None]:
    """(first line after the front matter, its title) — (0, None) when there is none."""
    if not texts or texts[0].rstrip() not in ("---", "+++"):
        return 0, None
    fence = texts[0].rstrip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, len(texts)):
        if texts[i].rstrip() in closers:
            title = None
            for line in texts[1:i]:
                m = _FRONT_MATTER_TITLE.match(line)
                if m:
                    title = m.group(2)
                    break
            return i + 1, title
    return 0, None


_CONTAINER_OPENS = ("bullet_list_open", "ordered_list_open", "blockquote_open", "list_item_open")
_CONTAINER_CLOSES = ("bullet_list_close", "ordered_list_close", "blockquote_close", "list_item_close")


class _Walker:
    def __init__(self, source: str, lines: _Lines, references: dict):
        self.source = source
        self.lines = lines
        self.references = references
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []

    def walk(self, tokens) -> None:
        containers: list[str] = []
        row = None
        i = 0
        n = len(tokens)
        while i < n:
            t = tokens[i]
            typ = t.type
            if typ in _CONTAINER_OPENS:
                containers.append(typ[:-5])
            elif typ in _CONTAINER_CLOSES:
                containers.pop()
            elif typ == "tr_open":
                row = _Row(self.lines, t.map[0]) if t.map else None
            elif typ == "html_block" and t.map:
                self.add_html(t.map, "blockquote" in containers or "list_item" in containers)
            elif i + 1 < n and self.add_content(t, tokens[i + 1], containers, row):
                i += 1  # the inline token of that block, read with it
            i += 1

    def add_content(self, t, inline, containers: list[str], row) -> bool:
        """A heading, paragraph or table cell opened by `t`, with its inline token; False
        for any other token."""
        typ = t.type
        if typ == "heading_open":
            self.add_lines_block("heading", int(t.tag[1]), inline, t.map, t.markup.startswith("#"))
        elif typ == "paragraph_open":
            kind, level = _paragraph_kind(containers)
            self.add_lines_block(kind, level, inline, t.map, False)
        elif typ in ("th_open", "td_open"):
            if row is not None:
                self.add_cell(row, inline)
        else:
            return False
        return True

    # blocks --------------------------------------------------------------------------
    def add_lines_block(self, kind: str, level: int, inline, line_map, atx: bool) -> None:
        if inline.type != "inline" or not inline.content or not line_map:
            return
        spare = 0 if atx else line_map[1] - line_map[0] - inline.content.count("\n") - 1
        if kind == "heading" and not atx:
            spare -= 1  # the underline
        positions = self.align_lines(inline.content, line_map[0], atx, max(spare, 0))
        start = self.lines.starts[line_map[0]]
        end = self.lines.ends[max(line_map[1] - 1, line_map[0])]
        self.add_block(kind, level, inline, positions, start, end)

    def add_cell(self, row: "_Row", inline) -> None:
        found = row.next_cell(inline.content)
        if found is None:
            return
        positions, start, end = found
        self.add_block("table_cell", 0, inline, positions, start, end)

    def add_block(self, kind, level, inline, positions, start, end) -> None:
        builder = TextBuilder()
        link_chars = InlineWalker(self, inline.content, positions, builder).walk(inline.children or [])
        text = builder.text()
        if text.strip() and text.strip(" " + PLACEHOLDER):
            self.blocks.append(Block(kind, text, builder.offset_map(), start, end,
                                     level=level, link_chars=link_chars))

    def add_html(self, line_map, in_container: bool) -> None:
        start = self.lines.starts[line_map[0]]
        end = self.lines.ends[line_map[1] - 1]
        if in_container:
            # Container markers (">") sit inside the lines: keep only the directives.
            for m in _COMMENT.finditer(self.source, start, end):
                self.directive(m.group(1), m.start(), m.end())
            return
        from .html import parse_fragment
        blocks, directives = parse_fragment(self.source, start, end)
        for b in blocks:
            b.context = ""
        self.blocks.extend(blocks)
        self.directives.extend(directives)

    def directive(self, body: str, start: int, end: int) -> None:
        d = parse_directive(body, start, end)
        if d is not None:
            self.directives.append(d)

    # alignment -------------------------------------------------------------------------
    def align_lines(self, content: str, first_line: int, atx: bool, spare: int = 0) -> list[int]:
        """Source offset of each character of `content` (plus its end)."""
        lines = self.lines
        positions: list[int] = []
        parts = content.split("\n")
        last = len(parts) - 1
        # Lines of nothing but Unicode blanks (U+2028...) at the start vanish in markdown-it's
        # strip(); the content then starts further down: at the first line it fits.
        for k in range(first_line, min(first_line + spare, len(lines.texts) - 1) + 1):
            text = lines.texts[k] if last else lines.texts[k].rstrip()
            if text.endswith(parts[0]):
                first_line = k
                break
        for k, part in enumerate(parts):
            li = min(first_line + k, len(lines.texts) - 1)
            text, base = lines.texts[li], lines.starts[li]
            if atx:
                m = _CLOSING_HASHES.search(text)
                stop = len(text[:m.start()].rstrip()) if m else len(text.rstrip())
            else:
                stop = len(text) if k < last else len(text.rstrip())
            head = text[:stop]
            if head.endswith(part):
                origin = base + stop - len(part)
                positions.extend(range(origin, origin + len(part)))
            else:
                # Leading blanks can differ from the source (tabs expanded to spaces).
                core = part.lstrip()
                lead = len(part) - len(core)
                origin = base + stop - len(core) if head.endswith(core) else base
                positions.extend([origin] * lead)
                positions.extend(range(origin, origin + len(core)))
            if k < last:
                positions.append(lines.ends[li])  # the line break
        if parts:
            li = min(first_line + last, len(lines.texts) - 1)
            positions.append(positions[-1] + 1 if positions else lines.starts[li])
        return positions


def _paragraph_kind(containers: list[str]) -> tuple[str, int]:
    for c in reversed(containers):
        if c == "list_item":
            return "list_item", sum(1 for x in containers if x.endswith("_list"))
        if c == "blockquote":
            return "quote", 0
    return "paragraph", 0


class _Row:
    """One table row's cells, split the way markdown-it splits them, with positions."""

    def __init__(self, lines: _Lines, line: int):
        text, base = lines.texts[line], lines.starts[line]
        self.cells = []  # (content, positions, start, end)
        cell_start = 0
        chars: list[str] = []
        pos: list[int] = []
        escaped = False
        for i, ch in enumerate(text + "|"):
            if ch == "|" and (not escaped or i == len(text)):
                self.cells.append(_trim(chars, pos, base + cell_start, base + i))
                chars, pos, cell_start = [], [], i + 1
            elif ch == "|":  # `\|` is a literal pipe: one character over two in the source
                chars[-1], pos[-1] = "|", pos[-1]
            else:
                chars.append(ch)
                pos.append(base + i)
            escaped = ch == "\\"  # as markdown-it: a backslash escapes the next pipe
        self.next = 0

    def next_cell(self, content: str):
        for k in range(self.next, len(self.cells)):
            text, positions, start, end = self.cells[k]
            if text == content:
                self.next = k + 1
                return positions, start, end
        return None


def _trim(chars: list[str], pos: list[int], start: int, end: int):
    text = "".join(chars)
    core = text.strip()
    lead = len(text) - len(text.lstrip())
    positions = pos[lead:lead + len(core)]
    positions.append(positions[-1] + 1 if positions else start)
    return core, positions, start, end
