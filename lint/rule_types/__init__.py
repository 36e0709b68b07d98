"""Rule types: the code behind declarative rules.

A rule file's `type` names one entry of RULE_TYPES. Modules are imported only
when a rule of that type is enabled, so a heavy type (readability, LanguageTool)
costs nothing when its rules are off.
"""
from __future__ import annotations

import importlib

from .base import CheckContext, CorpusRule, Rule  # noqa: F401

# type name -> "module:Class" (relative to this package). One explicit, greppable list.
RULE_TYPES: dict[str, str] = {
    "existence": "existence:Existence",
    "substitution": "substitution:Substitution",
    "repetition": "repetition:Repetition",
    "balance": "balance:Balance",
    "quotes": "quotes:Quotes",
    "consistency": "consistency:Consistency",
    "markup": "markup:Markup",
    "mojibake": "mojibake:Mojibake",
    "languagetool": "languagetool:LanguageTool",
    "spelling": "spelling:Spelling",
    "rejected-term": "spelling:RejectedTerm",
    "readability-grade": "readability:Grade",
    "readability-paragraph": "readability:HardParagraph",
    "readability-sentence": "readability:LongSentence",
    "boilerplate": "boilerplate:Boilerplate",
    "boilerplate-repeated": "boilerplate:RepeatedLine",
}


def rule_class(type_name: str):
    try:
        target = RULE_TYPES[type_name]
    except KeyError:
        raise KeyError(f"unknown rule type {type_name!r}; known types: {', '.join(sorted(RULE_TYPES))}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(f".{module}", __name__), cls)
