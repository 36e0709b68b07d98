"""What every match of a regular expression must open with or contain, read off its text.

The phrase lexicon (lexicon.py) tries hundreds of whole-line patterns; most lines
can meet only a few of them. These facts let it skip the others without running
them: the characters a match can start with (`first_chars`), the literal openings
every match starts with (`prefixes`), and literal keywords every match contains
(`keywords`). Each answer is conservative: None means "any line may match", never a
wrong "no". Plain openings are read straight off the pattern's text (cheap at
start-up); the rest asks CPython's regular-expression parser, whose internals
(`re._parser`) are private: any construct it does not know, or any change in it,
only makes the answer None.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # private modules: without them every answer read from the parser is None
    import re._constants as _c
    import re._parser as _sre
except ImportError:  # pragma: no cover - a Python without them
    _c = _sre = None

def trie_pattern(words) -> str:
    """A regular expression matching any of `words`, their shared openings factored out
    ("ab|ac" -> "a(?:b|c)"): Python's re then tests one branch per character."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_ANY_RUN = re.compile(r"(\.|\[\^[^\]]*\])(\{\d*,?\d*\}|[*+?])?")


def keywords(pattern: str):
    """`_parsed_keywords` read straight off the text for the usual floating pattern, a bounded
    run of any characters then plain words (`.{0,80}all rights reserved`); the regex
    parser, slow enough to matter at start-up, is asked about the others."""
    m = _ANY_RUN.match(pattern)
    if m and len(_alternatives(pattern)) == 1:
        found = prefixes(pattern[m.end():], 8)
        if found and all(len(w) >= 3 for w in found):
            return _whole_words(set(found)), found
    return _parsed_keywords(pattern)


def _parsed_keywords(pattern: str) -> tuple[frozenset | None, tuple[str, ...]] | None:
    """Lower-case literal strings one of which every match of `pattern` contains (and
    whole words standing for them, when there are), or None when no such short list is
    found (the pattern is then always tried)."""
    try:
        nodes = list(_sre.parse(pattern).data)
    except Exception:
        return None
    best = None
    for k, (op, arg) in enumerate(nodes):
        if _may_be_empty([(op, arg)]):
            continue  # optional: not in every match
        words = _literal_run(nodes[k:])
        if words and all(len(w) >= 3 for w in words) and (best is None or _selectivity(words) > _selectivity(best)):
            best = words  # the most selective test
    if not best:
        return None
    return _whole_words(best), tuple(sorted(best))


# The characters that Python's case-insensitive matching takes for an ASCII one ("ı"
# and "İ" for i, "ſ" for s, "K" for k): a keyword holding one is missing from an ASCII
# line the pattern matches. With any other character, a keyword is in every ASCII line
# that matches (lowered), or the pattern matches no ASCII line at all.
_ASCII_LOOKALIKES = frozenset("ıİſK")


def contained_keywords(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal strings one of which every match of `pattern` (case-insensitive)
    contains, found also inside groups and alternatives (`(read later|.{3,120} see full
    gallery)` -> "read later", " full gallery"), and shorter than `keywords` asks
    ("@"); None when there is no such list. Exact for ASCII lines only: the lowered
    line may spell a non-ASCII match differently."""
    try:
        nodes = list(_sre.parse(pattern).data)
    except Exception:
        return None
    found = _contained(nodes)
    if not found or any(_ASCII_LOOKALIKES.intersection(w) for w in found):
        return None
    return tuple(sorted(found))


def _contained(nodes) -> set[str] | None:
    best = None
    for k, (op, arg) in enumerate(nodes):
        if _may_be_empty([(op, arg)]):
            continue  # optional: not in every match
        options = [_literal_run(nodes[k:])]
        alternatives = (arg[1] if op is _c.BRANCH else [arg[-1]] if op is _c.SUBPATTERN
                        else [arg[2]] if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) else [])
        if alternatives:
            inner = [_contained(list(alt)) for alt in alternatives]
            if all(inner):
                options.append(set().union(*inner))
        for words in options:
            # A space or a letter alone is in nearly every line: no test at all.
            if words and all(len(w) >= 3 or not w.isalnum() and w.strip() for w in words) \
                    and (best is None or _selectivity(words) > _selectivity(best)):
                best = words
    return best


def _selectivity(words: set[str]) -> tuple[int, int]:
    """Longer keywords rule out more lines (" subscribe" beats " to"), then fewer of them
    make the cheaper test."""
    return min(map(len, words)), -len(words)


# The words of `keywords`' whole-word tests are runs of letters.
WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _whole_words(pieces: set[str]) -> frozenset | None:
    """One word per keyword that is sure to stand whole in the line (it has a space on
    both sides inside the keyword), or None when a keyword has no such word."""
    out = set()
    for piece in pieces:
        inner = piece.split(" ")[1:-1]
        inner = [w for w in inner if w and WORD_TOKEN.fullmatch(w)]
        if not inner or len(max(inner, key=len)) < 4:
            return None  # "of", "your": in most lines; the keyword itself is the better test
        out.add(max(inner, key=len))
    return frozenset(out)


def _literal_run(nodes, limit: int = 64) -> set[str] | None:
    """The literal strings a match of `nodes` can open with (cut at the first
    non-literal part), or None when there are too many or none."""
    prefixes = {""}
    for op, arg in nodes:
        if op is _c.AT:  # \\b, ^, $: zero-width
            continue
        if op is _c.LITERAL:
            prefixes = {p + chr(arg).lower() for p in prefixes}
            continue
        if op is _c.SUBPATTERN:
            alternatives = [arg[-1]]
        elif op is _c.BRANCH:
            alternatives = arg[1]
        else:
            break
        options: set[str] = set()
        complete = True
        for alt in alternatives:
            inner = _literal_run(alt, limit)
            if inner is None:
                return None
            options |= inner
            complete = complete and _all_literal(alt)
        prefixes = {p + o for p in prefixes for o in options}
        if len(prefixes) > limit:
            return None
        if not complete:
            break
    prefixes.discard("")
    return prefixes or None


def _every_node(nodes, holds, alternatives=all) -> bool:
    """Whether `holds(op, arg)` is true of every node of a parsed sequence, looking
    through groups (true of a group when true of its content) and alternations (when
    true of `alternatives` of them: all, or any)."""
    for op, arg in nodes:
        if op is _c.SUBPATTERN:
            ok = _every_node(arg[-1], holds, alternatives)
        elif op is _c.BRANCH:
            ok = alternatives(_every_node(alt, holds, alternatives) for alt in arg[1])
        else:
            ok = holds(op, arg)
        if not ok:
            return False
    return True


def _all_literal(nodes) -> bool:
    """Every match of `nodes` is one of a few fixed strings: literals and anchors only."""
    return _every_node(nodes, lambda op, _: op is _c.LITERAL or op is _c.AT)


@lru_cache(maxsize=None)
def first_chars(pattern: str) -> frozenset | None:
    """Lower-case characters a match of `pattern` can start with; None when any can.
    Most patterns open with a word or a group of words, read straight off the text;
    the regex parser (slow enough to matter at start-up) is asked about the rest."""
    quick = _quick_first(pattern)
    if quick is not None:
        return frozenset(quick)
    try:
        return _first_of(_sre.parse(pattern).data)
    except Exception:  # an unusual construct: try the pattern on every line
        return None


_SPECIAL = set("\\.^$*+?{}[]()|")
_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]()|]+")  # a run of literal characters
_QUANTIFIERS = ("?", "*", "+", "{")


def _quick_first(pattern: str) -> set[str] | None:
    """The first characters of `pattern` when its openings are plain (see `prefixes`)."""
    found = prefixes(pattern, 1)
    return None if found is None else {p[0] for p in found}


_MAX_PREFIXES = 64


@lru_cache(maxsize=None)
def prefixes(pattern: str, limit: int = 10) -> tuple[str, ...] | None:
    """Lower-case literal openings, one of which every match of `pattern` starts with,
    read straight off the text (`(next|previous) (article|post)` -> "next article",
    "next post", ...); None when the opening is not plain (a class, an optional part, a
    look-around...). A line that starts with none of them need not meet the pattern,
    which then need not even be compiled. Openings stop growing at `limit` characters."""
    found: set[str] = set()
    for alt in _alternatives(pattern):
        got, _ = _sequence_prefixes(alt, limit)
        if not got or "" in got:
            return None
        found |= got
        if len(found) > _MAX_PREFIXES:
            return None
    return tuple(sorted(found))


def _sequence_prefixes(seq: str, limit: int) -> tuple[set[str], bool]:
    """(openings of `seq`, whether they are all of it)."""
    out, k = {""}, 0
    while k < len(seq):
        if min(map(len, out)) >= limit:
            return out, False
        part = _part_openings(seq, k, out, limit)
        if part is None:
            return out, False
        options, complete, after = part
        if after is None:  # the part alone gives the openings
            return options, False
        quantifier = seq[after:after + 1]
        if quantifier in ("?", "*") and out == {""}:
            # An optional opening: the match opens with it or with what follows it.
            rest, _ = _sequence_prefixes(seq[after + 1:].removeprefix("?"), limit)
            return options | rest, False
        if _may_be_absent(seq, after):
            return out, False  # the openings end before the part
        grown = {p + o for p in out for o in options}
        if len(grown) > _MAX_PREFIXES:
            return out, False
        out = grown
        if not complete or quantifier in ("+", "{"):
            return out, False  # what follows a repeated or open-ended part is not literal
        k = after
    return out, True


def _may_be_absent(seq: str, after: int) -> bool:
    """Whether the quantifier at `after` lets the part before it be absent."""
    quantifier = seq[after:after + 1]
    return quantifier in ("?", "*") or quantifier == "{" and not ("1" <= seq[after + 1:after + 2] <= "9")


def _part_openings(seq: str, k: int, out: set[str], limit: int):
    """(openings, whether they are all of it, where it ends) of the part of `seq` at `k`
    (a group, an escape or a run of literal characters); None when the openings stop
    before it; an end of None when its openings are the sequence's (a leading digit)."""
    c = seq[k]
    if c == "(":
        close = _closing(seq, k)
        if seq[k + 1:k + 2] == "?" or close is None:
            return None
        options, complete = set(), True
        for alt in _alternatives(seq[k + 1:close]):
            got, whole = _sequence_prefixes(alt, limit)
            options |= got
            complete = complete and whole
        return options, complete, close + 1
    if c == "\\":
        nxt = seq[k + 1:k + 2]
        if nxt and not nxt.isalnum():
            return {nxt.lower()}, True, k + 2
        if nxt == "d" and out == {""}:  # a leading digit: ten one-character openings
            return set("0123456789"), False, None
        return None
    if c in _SPECIAL:
        return None
    run = _PLAIN.match(seq, k).group()
    if len(run) > 1 and seq[k + len(run):k + len(run) + 1] in _QUANTIFIERS:
        run = run[:-1]  # the last character is quantified: it is handled alone
    return {run.lower()}, True, k + len(run)


def _structure(seq: str, start: int = 0):
    """(index, character, depth) of each grouping character of `seq` ("(", ")", "|", and
    the "[" and "]" that open and close a character class) outside classes and escapes:
    the one scan of a pattern's structure. `depth` is the group depth after the character."""
    depth, k, in_class = 0, start, False
    while k < len(seq):
        c = seq[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
                yield k, c, depth
        elif c == "[":
            in_class = True
            yield k, c, depth
            if seq[k + 1:k + 2] == "^":
                k += 1
            if seq[k + 1:k + 2] == "]":
                k += 1  # "[]...]" and "[^]...]": a "]" first is a member
        elif c in "()|":
            depth += (c == "(") - (c == ")")
            yield k, c, depth
        k += 1


def balanced(pattern: str) -> bool:
    """Whether the parentheses of `pattern` balance outside classes and escapes, every class
    closes and no backslash is left trailing: wrapped as "(?:pattern)", it ends where it did."""
    if pattern.endswith("\\") and (len(pattern) - len(pattern.rstrip("\\"))) % 2:
        return False  # a trailing backslash would escape the wrapping group's ")"
    depth, last = 0, ""
    for _, c, depth in _structure(pattern):
        if depth < 0:
            return False
        if c in "[]":
            last = c
    return depth == 0 and last != "["


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`."""
    if "|" not in pattern:
        return [pattern]
    out, start = [], 0
    for k, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    out.append(pattern[start:])
    return out


def _closing(seq: str, open_at: int) -> int | None:
    """Index of the parenthesis closing the one at `open_at`."""
    for k, c, depth in _structure(seq, open_at):
        if c == ")" and depth == 0:
            return k
    return None


def _first_of(nodes) -> frozenset | None:
    chars: set[str] = set()
    for op, arg in nodes:
        if op is _c.AT:
            continue
        got, never_empty = _node_first(op, arg)
        if got is None:
            return None
        chars |= got
        if never_empty:
            return frozenset(chars)
    return None  # the pattern can match the empty string


def _node_first(op, arg) -> tuple[set[str] | None, bool]:
    """(characters a match of one parsed node can start with, None when any can; whether
    the node always consumes a character, so that nothing after it can start a match)."""
    if op is _c.LITERAL:
        return {chr(arg).lower()}, True
    if op is _c.IN:
        return _charset(arg), True
    if op is _c.SUBPATTERN:
        alternatives, least = [arg[-1]], 1
    elif op is _c.BRANCH:
        alternatives, least = arg[1], 1
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        alternatives, least = [arg[2]], arg[0]
    else:
        return None, True  # ANY, lookarounds, backreferences...
    chars: set[str] = set()
    for alt in alternatives:
        got = _first_of(alt)
        if got is None:
            return None, True
        chars |= got
    return chars, least > 0 and not any(_may_be_empty(alt) for alt in alternatives)


def _may_be_empty(nodes) -> bool:
    """`nodes` can match the empty string: anchors, and repeats that may match nothing."""
    return _every_node(nodes, _node_may_be_empty, any)


def _node_may_be_empty(op, arg) -> bool:
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return arg[0] == 0 or _may_be_empty(arg[2])
    return op is _c.AT


def _charset(items) -> set[str] | None:
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            out.add(chr(arg).lower())
        elif op is _c.RANGE:
            lo, hi = arg
            if hi - lo > 400:
                return None
            out.update(chr(c).lower() for c in range(lo, hi + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            out.update("0123456789")
        else:  # NEGATE, other categories: too wide to list
            return None
    return out


def may_start_with(chars: frozenset, first: str) -> bool:
    if chars is None:
        return True
    if not first:  # the shared bucket: any pattern that may open with a character outside [a-z0-9]
        return any(not (c.isascii() and c.isalnum()) for c in chars)
    return first in chars
