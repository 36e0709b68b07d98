"""markdown-it's inline tokenizer, trying at each position only the rules that can start there.

At every position of a paragraph markdown-it calls its inline rules in order until
one matches, and almost every rule gives up at once on the first character: each
standard rule begins by checking the character at the position ("[" for a link,
"<" for an autolink or inline HTML, "&" for an entity). A paragraph dense with
brackets, stars and tags makes millions of these calls. This version looks the
character up and calls, in the ruler's order, only the rules that can start with
it; a rule it does not know is tried everywhere, and the text rule wherever no
known rule starts (every such start character ends a text run, so text can't match
there). The tokens are markdown-it's own (tests/readers/test_markdown_dispatch.py
compares both on random markup). Only the reader's own parser is changed.
"""
from __future__ import annotations

from types import MethodType

# The characters each standard inline rule can start with (the first test in its source).
_STARTS = {
    "linkify": ":", "newline": "\n", "escape": "\\", "backticks": "`", "strikethrough": "~",
    "emphasis": "_*", "link": "[", "image": "!", "autolink": "<", "html_inline": "<", "entity": "&",
}


def install_dispatch(md) -> bool:
    """Give `md`'s inline parser the dispatching tokenize and skipToken. Returns False (and
    changes nothing) when its enabled rules are not what the table above was made from."""
    from markdown_it.rules_inline import StateInline

    inline = md.inline
    enabled = [rule for rule in inline.ruler.__rules__ if rule.enabled]
    if [rule.fn for rule in enabled] != list(inline.ruler.getRules("")):
        return False
    if not hasattr(StateInline, "append_pending"):  # markdown-it-py 3 adds to `pending` itself
        return False
    starts = sorted({ch for rule in enabled for ch in _STARTS.get(rule.name, "")})
    table = {ch: tuple(r.fn for r in enabled if r.name not in _STARTS or ch in _STARTS[r.name]
                       if r.name != "text") for ch in starts}
    default = tuple(r.fn for r in enabled if r.name not in _STARTS)  # text, and rules unknown here
    inline._edlint_rules = (table, default)
    inline.tokenize = MethodType(_tokenize, inline)
    inline.skipToken = MethodType(_skip_token, inline)
    return True


def _tokenize(self, state) -> None:
    """ParserInline.tokenize, with the rules looked up by the character at each position."""
    table, default = self._edlint_rules
    src, end = state.src, state.posMax
    max_nesting = state.md.options["maxNesting"]
    while state.pos < end:
        pos = state.pos
        ok = False
        if state.level < max_nesting:
            for rule in table.get(src[pos], default):
                ok = rule(state, False)
                if ok:
                    if state.pos <= pos:
                        raise RuntimeError("inline rule didn't increment state.pos")
                    break
        if ok:
            if state.pos >= end:
                break
            continue
        state.append_pending(src[state.pos])
        state.pos += 1
    if state.pending:
        state.pushPending()


def _skip_token(self, state) -> None:
    """ParserInline.skipToken (validation mode, cached per position), the same way."""
    pos = state.pos
    cache = state.cache
    if pos in cache:
        state.pos = cache[pos]
        return
    ok = False
    if state.level < state.md.options["maxNesting"]:
        table, default = self._edlint_rules
        for rule in table.get(state.src[pos], default):
            state.level += 1
            ok = rule(state, True)
            state.level -= 1
            if ok:
                if state.pos <= pos:
                    raise RuntimeError("inline rule didn't increment state.pos")
                break
    else:
        state.pos = state.posMax  # too deep: markdown-it skips to the end of the paragraph
    if not ok:
        state.pos += 1
    cache[pos] = state.pos
