"""Text handling that several parts of edlint share: sentence boundaries as news
copy has them (readability), carrying capitals over to a replacement (the fixes
of substitution and spelling), and whether a selector names a rule id
(configuration, severity, suppression, the LanguageTool merge).

Sentence boundaries as news copy has them.

A stop (. ! ? …), with any closing quotes or brackets after it, ends a sentence
when whitespace and a likely sentence start (a capital, a digit, an opening
quote) follow, except after:

- titles that never end a sentence: Mr. Mrs. Dr. Gen. Sen. Gov. St. ...;
- a month or "No." before a number: Jan. 6, No. 10;
- a single initial: John F. Kennedy, J. K. Rowling;
- a dotted abbreviation (U.S., U.K., D.C., a.m., p.m.), unless the next word is
  one that usually opens a sentence ("... in the U.S. The talks ...").

Decimals and money ($1.5 billion, 45.6%) never split: no space follows the point.
A line that ends without a stop ends a sentence when the writer broke the line
on purpose before a capital: a headline, a standfirst, a "Read more" line. A
line broken only because it was full (hard-wrapped copy), or before a word in
lower case, does not. A line that opens with a list marker ("- ", "* ", "• ",
"1. ", "2) ") after another such line, or after a line that ends with a stop,
colon or comma, is a list item and opens a sentence (a plain-text list is one
block; read as one sentence, a list of awards was a "sentence" of 291 words).
"""
from __future__ import annotations

import re

# Abbreviations that are always followed by more of the same sentence.
TITLES = frozenset("""
mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig
sen rep gov lt.gov atty supt insp det rev fr msgr hon pres amb
st ste mt ft vs v approx est dept univ
""".split())
# Abbreviations that don't end a sentence when a number follows.
BEFORE_NUMBER = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec no nos vol pp p fig art sec ch
""".split())
# Words that usually open a sentence: after "U.S." or "a.m.", they mark a boundary.
OPENERS = frozenset("""
a an the this that these those there here it its he she they we i you his her
their our my your but and or so yet if when while after before as at in on for
with by from to of since although though because however meanwhile still then
now later earlier last next some many most several few all both each every
one two three four five six seven eight nine ten no not what who why how where
officials police authorities critics analysts experts
""".split())

_STOP = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s+([\"'\u201c\u2018(\[]*)([^\s\"'\u201c\u201d\u2018\u2019]*)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_OPENING = "\"'\u201c\u2018([$\u00a3\u20ac#@"
_LINE_END_STOP = re.compile(r"[.!?\u2026:;,\"'\u201d\u2019)\]]\s*$")
# A list item's marker at the start of a line: a bullet or dash, or an item number, then a space.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2023\u25aa\u25e6\u2013\u2014]|\d{1,3}[.)])[ \t]+\S")


def _starts_sentence(quote: str, word: str) -> bool:
    if not word:
        return bool(quote)  # an opening quote alone still starts a quotation
    c = word[0]
    return c.isupper() or c.isdigit() or c in "$£€#@" or (bool(quote) and not c.islower())


def _is_boundary(text: str, stop: re.Match) -> bool:
    end = stop.end()
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:  # end of text
        return True
    quote, word = nxt.group(1), nxt.group(2)
    if not _starts_sentence(quote, word):
        return False
    marks = stop.group()
    if not marks.startswith(".") or len(marks.rstrip("\"'\u201d\u2019)]")) > 1:
        return True  # ! ? … and ellipses followed by a capital
    if marks != ".":
        return True  # a closing quote or bracket after the point: the quotation ended
    m = _TOKEN_BEFORE.search(text, max(0, stop.start() - 40), stop.start())
    token = m.group(1).lstrip("\"'\u201c\u2018([") if m else ""
    if token.isdigit() and len(token) <= 3 and not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
        return False  # a list item's number ("1. Jobs" opening a line)
    bare = token.rstrip(".").lower()
    if bare in TITLES:
        return False
    next_is_number = word[:1].isdigit()
    if bare in BEFORE_NUMBER and next_is_number:
        return False
    dotted = token + "."
    if _INITIAL.match(dotted):
        return False
    if _DOTTED.match(dotted):
        return word.lower().strip(",;:") in OPENERS and not quote
    return True


def _line_breaks(text: str, start: int, end: int, width: int) -> list[int]:
    """Offsets just after line ends inside text[start:end] that end a sentence;
    `width` is the longest line of the block."""
    chunk = text[start:end]
    if "\n" not in chunk.strip():
        return []
    lines = chunk.split("\n")
    out, pos = [], start
    for line, following in zip(lines, lines[1:]):
        pos += len(line) + 1
        if _LIST_ITEM.match(following) and (_LIST_ITEM.match(line) or _LINE_END_STOP.search(line)):
            # A list item opens a sentence: after another item, or after a line that ended
            # (a dash that opens a hard-wrapped line of prose goes on with its sentence).
            out.append(pos)
            continue
        if not line.strip() or not following.strip() or _LINE_END_STOP.search(line):
            continue
        first = following.split()[0]
        if not (first[0].isupper() or first[0].isdigit() or first[0] in _OPENING):
            continue  # the sentence goes on (semantic line breaks, a wrapped clause)
        # Hard-wrapped copy breaks a line only when the next word would not fit,
        # and nobody wraps prose at under 40 columns.
        if width < 40 or len(line.rstrip()) + 1 + len(first) <= width:
            out.append(pos)
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences in a block's text, trimmed of whitespace."""
    cuts = [0]
    for stop in _STOP.finditer(text):
        if _is_boundary(text, stop):
            cuts.append(stop.end())
    cuts.append(len(text))
    width = max(len(line.rstrip()) for line in text.split("\n")) if "\n" in text else 0
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        inner = _line_breaks(text, a, b, width) if width else []
        for s, e in zip([a, *inner], [*inner, b]):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
    return spans


def match_case(replacement: str, original: str) -> str:
    """Carry the original's capitalisation over to a replacement ("Added bonus" -> "Bonus",
    "FREINDLY" -> "FRIENDLY")."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def selector_length(selector: str, rule_id: str) -> int:
    """How specifically `selector` names `rule_id`: its length if it is the id or a prefix of
    it by whole segments (style for style.cliches), 0 for "all", -1 if it does not name it."""
    if selector == "all":
        return 0
    if rule_id == selector or rule_id.startswith(selector + "."):
        return len(selector)
    return -1


def names_rule(selector: str, rule_id: str) -> bool:
    """`selector` is `rule_id` or a prefix of it by whole segments ("all" is not special here)."""
    return rule_id == selector or rule_id.startswith(selector + ".")
