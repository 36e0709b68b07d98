"""markup: HTML left in the text: tags ("<br>", "</p>", '<a href="...">') and
character references ("&nbsp;", "&#8217;", double-escaped "&amp;#8217;").

Only real HTML counts: a tag must name an HTML element, in lower or upper case,
with nothing after the name but attributes written name=value, so the
"<The Palace>" title brackets of some newsrooms and "a <b and c> d" are prose.
A reference must be a known named entity or a numeric one, with its semicolon.

Readers already decode the markup of HTML and Markdown sources; what this rule
sees there was escaped twice, or typed into a CMS's plain text field.

Fixes: a reference is replaced by the character it stands for, decoded until
nothing is left to decode ("&amp;#8217;" -> "’"). That fix is safe only when
the character is one English copy plausibly holds: a Latin letter (accents
included), ASCII other than "<" and ">" (which mean escaped markup, not prose),
typographic quotes, dashes, spaces and the common signs (£ € ° ½ © ™ ...).
Anything else is offered as a suggestion only: "the league&#191;s" decodes to
"¿", but the copy meant an apostrophe that an earlier conversion lost.
A tag is deleted (a space kept between two words); not safe, since a "<br>"
may have meant a line break.

Parameters:
  tags      report tags (default: true)
  entities  report character references (default: true)
  elements  tag names that count as HTML (default: the HTML elements)

The message may use {match}, {kind} ("tag" or "entity") and {suggestion}.

fails:  "Prices rose&nbsp;sharply.", "First line<br>second line."
passes: "AT&T and <The Palace> opened.", "Rock & roll"
"""
from __future__ import annotations

import html
import re

from ..params import Param
from ._text import format_message, replacement_fix
from .base import Rule

_ELEMENTS = (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe "
    "img input ins kbd label legend li link main map mark meta nav noscript object ol optgroup "
    "option output p param picture pre q s samp script section select small source span strike "
    "strong style sub summary sup table tbody td template textarea tfoot th thead time title tr "
    "track tt u ul var video wbr").split()

_TAG = re.compile(
    r"</?([A-Za-z][A-Za-z0-9]*)"
    r"(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))*"
    r"\s*/?>")
_ENTITY = re.compile(r"&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# Characters besides Latin letters that English news copy holds, so a reference decoding
# to one of them is a safe fix: spaces, quotes, dashes, bullets, currency, common signs.
_PLAUSIBLE = set("\u00a0\u2002\u2003\u2009\u200a\u202f‘’‚“”„′″–—‒―…•·"
                 "£€$¢¥©®™°±×÷§¶½¼¾⅓⅔¹²³µ")


def plausible_in_copy(decoded: str) -> bool:
    """True when every character of `decoded` is one English copy plausibly holds."""
    import unicodedata

    for ch in decoded:
        if ch in _PLAUSIBLE or (" " <= ch <= "~" and ch not in "<>"):
            continue
        if unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith("LATIN"):
            continue
        return False
    return True


def decode(reference: str) -> str:
    text = reference
    for _ in range(5):  # "&amp;amp;amp;..." is rare; five rounds is plenty
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


class Markup(Rule):
    PARAMS = {
        "tags": Param("bool", True, "Report HTML tags."),
        "entities": Param("bool", True, "Report character references such as &nbsp;."),
        "elements": Param("strings", _ELEMENTS, "The HTML element names reported as tags."),
    }

    def setup(self) -> None:
        self._elements = {e.lower() for e in self.params["elements"]}

    def _findings(self, text: str):
        if self.params["tags"] and "<" in text:
            for m in _TAG.finditer(text):
                name = m.group(1)
                if name.lower() in self._elements and (name.islower() or name.isupper()):
                    before = text[m.start() - 1] if m.start() else " "
                    after = text[m.end()] if m.end() < len(text) else " "
                    joins_words = before.isalnum() and after.isalnum()
                    yield m.start(), m.end(), "tag", " " if joins_words else "", False
        if self.params["entities"] and "&" in text:
            from html.entities import html5

            for m in _ENTITY.finditer(text):
                ref = m.group(1)
                if ref.startswith("#") or ref + ";" in html5:
                    decoded = decode(m.group(0))
                    if decoded != m.group(0):
                        yield m.start(), m.end(), "entity", decoded, plausible_in_copy(decoded)

    def check(self, doc, ctx):
        for block in doc.blocks:
            for start, end, kind, replacement, safe in sorted(self._findings(block.text)):
                s, e = block.source_span(start, end)
                what = "Delete the tag" if kind == "tag" else f"Replace with “{replacement}”"
                fix = replacement_fix(block, start, end, replacement, what, safe=safe)
                suggestion = replacement if kind == "entity" else ""
                yield self.finding(
                    s, e, format_message(self.spec.message, match=block.text[start:end], kind=kind,
                                         suggestion=suggestion),
                    suggestions=(suggestion,) if suggestion else (), fix=fix)
