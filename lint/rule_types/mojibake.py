"""mojibake: text decoded with the wrong encoding, such as "donâ€™t" for "don’t"
or "cafÃ©" for "café".

ftfy decides what is mojibake and what it should have been; this type only
finds where ftfy changed the text and reports each changed run, with ftfy's
repair as the suggestion and as a safe fix. ftfy (about 50 ms to import) is
loaded only when a block holds the signature of UTF-8 read as Latin-1 or
Windows-1252: a lead byte's character (Â-ô) followed by a continuation byte's.

Only the encoding repairs of ftfy are used: it does not touch HTML entities
(the markup type's job), quotes, ligatures or line breaks.

Parameters: none.

The message may use {match} (the garbled text) and {suggestion} (ftfy's repair).

fails:  "The minister didnâ€™t comment."   (fix: "didn’t")
passes: "The minister didn’t comment in Zürich."
"""
from __future__ import annotations

import re

from ._text import format_message, replacement_fix
from .base import Rule

_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_SIGNATURE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|Ã ")

_config = None


def repair(text: str) -> str:
    global _config
    import ftfy

    if _config is None:
        _config = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
            fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False)
    return ftfy.fix_text(text, _config)


def changed_runs(text: str, fixed: str):
    """(start, end, replacement) for each run of `text` that differs in `fixed`."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, text, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal" and i2 > i1:
            yield i1, i2, fixed[j1:j2]


class Mojibake(Rule):
    PARAMS: dict = {}

    def check(self, doc, ctx):
        for block in doc.blocks:
            text = block.text
            if not _SIGNATURE.search(text):
                continue
            fixed = repair(text)
            if fixed == text:
                continue
            for start, end, replacement in changed_runs(text, fixed):
                s, e = block.source_span(start, end)
                fix = replacement_fix(block, start, end, replacement, f"Replace with “{replacement}”")
                yield self.finding(
                    s, e, format_message(self.spec.message, match=text[start:end], suggestion=replacement),
                    suggestions=(replacement,) if replacement else (), fix=fix)
