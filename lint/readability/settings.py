"""The `[readability]` settings table: key -> typed parameter (read by lint/config_keys.py).
The presets and formulas are imported only to check a value, so loading a config stays cheap."""
from __future__ import annotations

from ..params import Param


def _preset_problem(value: str) -> str | None:
    from .presets import PRESETS

    return None if value in PRESETS else f"must be one of {', '.join(PRESETS)}, not {value!r}"


def _formula_problem(value: str) -> str | None:
    from .formulas import GRADE_FORMULAS

    return None if value in GRADE_FORMULAS else f"must be one of {', '.join(GRADE_FORMULAS)}, not {value!r}"


SCHEMA: dict[str, Param] = {
    "preset": Param("string", "general-news", "The audience.", check=_preset_problem),
    "formula": Param("string", "flesch-kincaid", "The grade formula.", check=_formula_problem),
    "target-grade": Param("number", 10, "The grade the audience reads at.", minimum=0),
    "min-words": Param("int", 100, "Shorter prose gets no grade.", minimum=0),
    "long-sentence": Param("int", 25, "Words above which a sentence is long.", minimum=1),
    "very-long-sentence": Param("int", 35, "Words above which it is very long.", minimum=1),
    "hard-paragraph-margin": Param("number", 4, "Grades above target that make a paragraph hard.", minimum=0),
}
