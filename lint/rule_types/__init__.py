"""Rule types: the code behind declarative rules.

A rule file's `type` names one entry of RULE_TYPES. Modules are imported only
when a rule of that type is enabled, so a heavy type (readability, LanguageTool)
costs nothing when its rules are off.

Other distributions add rule types through the `edlint.rule_types` entry-point
group (as flake8 plugins do), one entry per type name:

    [project.entry-points."edlint.rule_types"]
    headline-length = "edlint_headlines:HeadlineLength"

The group is read only when a rule names a type this list does not hold (or
`edlint types` lists them all); a bundled name always wins.
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


ENTRY_POINT_GROUP = "edlint.rule_types"


def plugin_types() -> dict:
    """Type name -> entry point, for the rule types other installed distributions declare."""
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in RULE_TYPES}


def rule_class(type_name: str):
    """The class of a rule type. Raises KeyError (its message says why) for a type that is
    unknown, or a plugin's that cannot be loaded."""
    target = RULE_TYPES.get(type_name)
    if target is None:
        return _plugin_class(type_name)
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(f".{module}", __name__), cls)


def _plugin_class(type_name: str):
    plugins = plugin_types()
    ep = plugins.get(type_name)
    if ep is None:
        known = sorted({*RULE_TYPES, *plugins})
        raise KeyError(f"unknown rule type {type_name!r}; known types: {', '.join(known)}")
    origin = f"rule type {type_name!r} from {_distribution(ep)} ({ep.value})"
    try:
        cls = ep.load()
    except Exception as e:  # a plugin's bug must read as the plugin's, not edlint's
        raise KeyError(f"{origin} cannot be loaded: {type(e).__name__}: {e}") from None
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise KeyError(f"{origin} is not a subclass of lint.rule_types.Rule")
    return cls


def _distribution(ep) -> str:
    dist = getattr(ep, "dist", None)
    return f"the {dist.name} distribution" if dist is not None else f"entry point group {ENTRY_POINT_GROUP}"
