"""US and British spelling: which variety a word is written in, and which variety
a document is written in.

codespell's British-to-American list gives the pairs it knows (colour/color,
centre/center). Regular British endings the list lacks are recognised by their
shape when the American form is a word: -ise/-isation/-iser (renationalise),
-yse (breathalysed), a doubled l before an ending (diallers), and the past
tense in -t of a verb in -n, -l or -m (leant, dreamt, spelt).

With `language = "auto"` a document's variety is the one most of its variant
spellings are in; a tie goes to the variety used first.
"""
from __future__ import annotations

import re

BRITISH_LANGUAGES = ("en-gb", "en-uk", "en-au", "en-nz", "en-ie")
AUTO = "auto"

_IZE = re.compile(r"(?<=[a-z]{3})([iy])s(e|es|ed|ing|ation|ations|er|ers|able|ement|ements)$")
# travelled, dialled, fuelled; never after a vowel pair that keeps one l (revealed, sailed).
_DOUBLE_L = re.compile(r"(?<![aeo][aeiou])(?<=[aeiou])ll(er|ers|ed|ing|ings)$")


def variety_of(language: str) -> str:
    """"gb", "us" or "auto" for a configured language code."""
    code = language.lower().replace("_", "-")
    if code == AUTO:
        return AUTO
    return "gb" if code in BRITISH_LANGUAGES else "us"


def regular_british(lower: str, is_word) -> str | None:
    """The American form of a British spelling by a regular ending, or None:
    "renationalise" -> "renationalize", "diallers" -> "dialers"."""
    from .words import PREFIXES

    for pattern, repl, needed in ((_IZE, r"\1z\2", "s"), (_DOUBLE_L, r"l\1", "ll")):
        if needed not in lower:  # the ending can't match: skip the regex (most unknown words)
            continue
        us = pattern.sub(repl, lower, count=1)
        if us == lower:
            continue
        # A prefix on a word with the American ending: "re" + "nationalize".
        if is_word(us) or any(us.startswith(p) and len(us) - len(p) >= 5 and is_word(us[len(p):])
                              for p in PREFIXES):
            return us
    return _past_in_t(lower, is_word)


def _past_in_t(lower: str, is_word) -> str | None:
    """"leant" -> "leaned", "spelt" -> "spelled": a verb the lexicon has, and its -ed form."""
    if len(lower) < 5 or not lower.endswith("t") or lower[-2] not in "nlm":
        return None
    stem = lower[:-1]
    for verb in (stem, stem + stem[-1]):  # lean, spell
        if is_word(verb) and is_word(verb + "ed"):
            return verb + "ed"
    return None


def document_variety(findings) -> str | None:
    """"gb" or "us": the variety of most of the variant spellings found (a tie
    goes to the one used first); None when the document has none."""
    counts = {"gb": 0, "us": 0}
    first = None
    for f in findings:
        counts[f.variety] += 1
        first = first or f.variety
    if first is None:
        return None
    if counts["gb"] == counts["us"]:
        return first
    return "gb" if counts["gb"] > counts["us"] else "us"
