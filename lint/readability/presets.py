"""Audience presets and the `[readability]` settings that refine them.

    [readability]
    preset = "general-news"        # general-news (default) | broadsheet | young-readers
    formula = "flesch-kincaid"     # a key of formulas.GRADE_FORMULAS
    target-grade = 10              # readability.grade: the document's grade above this
    min-words = 100                # no grade finding for a text with fewer prose words
    long-sentence = 25             # readability.long-sentence: more words than this ...
    very-long-sentence = 35        # ... and the stronger level above this
    hard-paragraph-margin = 4      # readability.hard-paragraph: grade above target + margin

Anything set in the table overrides the preset; a rule's own parameters (the
config's `[rules."readability.grade"]` table) override both.

Why these numbers: wire and popular news copy aims at about a 10th-grade
reading level with sentences averaging under 20 words (long past 25); broadsheets
run a couple of grades higher; copy for children sits near grade 6 with
sentences under 18 words. Formulas mean little under about 100 words.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import ConfigError
from .formulas import GRADE_FORMULAS

DEFAULT_PRESET = "general-news"


@dataclass(frozen=True)
class Audience:
    preset: str
    formula: str = "flesch-kincaid"
    target_grade: float = 10
    min_words: int = 100
    long_sentence: int = 25
    very_long_sentence: int = 35
    hard_paragraph_margin: float = 4


PRESETS: dict[str, Audience] = {
    "general-news": Audience("general-news"),
    "broadsheet": Audience("broadsheet", target_grade=12, long_sentence=30, very_long_sentence=45),
    "young-readers": Audience("young-readers", target_grade=6, long_sentence=18, very_long_sentence=25,
                              hard_paragraph_margin=3),
}

# settings key -> Audience field
KEYS = {
    "formula": "formula",
    "target-grade": "target_grade",
    "min-words": "min_words",
    "long-sentence": "long_sentence",
    "very-long-sentence": "very_long_sentence",
    "hard-paragraph-margin": "hard_paragraph_margin",
}


def audience(settings: dict | None, overrides: dict | None = None) -> Audience:
    """The audience from the `[readability]` settings, then a rule's own parameters
    (keys as in settings; None means "not set")."""
    settings = settings or {}
    name = settings.get("preset", DEFAULT_PRESET)
    if name not in PRESETS:
        raise ConfigError(f"[readability] preset {name!r} is unknown; known presets: {', '.join(PRESETS)}")
    changes = {}
    for source in (settings, overrides or {}):
        for key, value in source.items():
            if key in KEYS and value is not None:
                changes[KEYS[key]] = value
    result = replace(PRESETS[name], **changes)
    if result.formula not in GRADE_FORMULAS:
        raise ConfigError(f"[readability] formula {result.formula!r} is unknown; "
                          f"known formulas: {', '.join(GRADE_FORMULAS)}")
    return result
