"""Audience presets and the `[readability]` settings that refine them.

    [readability]
    preset = "general-news"        # general-news (default) | broadsheet | young-readers
    formula = "flesch-kincaid"     # a key of formulas.GRADE_FORMULAS
    target-grade = 13              # readability.grade: the document's grade above this
    min-words = 100                # no grade finding for a text with fewer prose words
    long-sentence = 30             # readability.long-sentence: more words than this ...
    very-long-sentence = 45        # ... and the stronger level above this
    hard-paragraph-margin = 3      # readability.hard-paragraph: grade above target + margin

Anything set in the table overrides the preset; a rule's own parameters (the
config's `[rules."readability.grade"]` table) override both.

Why these numbers: the defaults report what an editor should look at first in
copy that is already edited, not every article short of the ideal. Style guides
advise grade 6-8 for general news and sentences averaging under 20 words, but
edited news measures higher with Flesch-Kincaid: 1,000 BBC News articles
(bench/readability_defaults.py) have a median grade of 10.7 (90% under 12.7)
and sentences of 20 words on average (90% under 31, 99% under 43), and
broadsheets measure near grade 11. So general news reports an article above
grade 13 (the hardest 6% of that copy; a target of 10 fired on 69%), a paragraph
above grade 16 (7% of articles), a sentence over 30 words as long and over 45 as
very long (the longest 10% and 1% of sentences); readability.long-sentence
reports only the three longest of an article. Broadsheets get a grade and
sentences more; copy for children sits near grade 6 with sentences under 18
words (that preset reports most adult news, as it should). Set `target-grade`
to 8 to hold copy to the usual advice. Formulas mean little under about 100 words.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import ConfigError
from .formulas import GRADE_FORMULAS

DEFAULT_PRESET = "general-news"


@dataclass(frozen=True)
class Audience:
    preset: str
    formula: str
    target_grade: float
    min_words: int
    long_sentence: int
    very_long_sentence: int
    hard_paragraph_margin: float


# General news is the default audience; every other preset is it with what changes.
GENERAL_NEWS = Audience("general-news", formula="flesch-kincaid", target_grade=13, min_words=100,
                        long_sentence=30, very_long_sentence=45, hard_paragraph_margin=3)
PRESETS: dict[str, Audience] = {
    "general-news": GENERAL_NEWS,
    "broadsheet": replace(GENERAL_NEWS, preset="broadsheet", target_grade=14, long_sentence=35,
                          very_long_sentence=50),
    "young-readers": replace(GENERAL_NEWS, preset="young-readers", target_grade=6, long_sentence=18,
                             very_long_sentence=25, hard_paragraph_margin=3),
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
