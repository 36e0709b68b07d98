"""The line model: a logistic regression over the context facts of `context.py`.

Its weights are data (rules/boilerplate/_line-model.toml; the underscore keeps the
rule loader away), trained offline by
bench/boilerplate_train.py on labelled pages; no text is stored, only one
weight per named fact. A line without a phrase match is page chrome when its
score reaches the file's threshold.
"""
from __future__ import annotations

import math
import operator
from functools import lru_cache
from pathlib import Path

from ..datafile import DataFileError, line_of, read_toml
from ..rule_files import bundled_rules_dir
from .context import FEATURES


PLACES = ("before", "inside", "after")


class LineModel:
    """One weight table per place: before the story's stretch of prose, inside it, after
    it (the same fact means different things in the three places)."""

    def __init__(self, tables: dict[str, dict[str, float]], threshold: float):
        self.tables = []
        for place in PLACES:
            table = tables[place]
            unknown = set(table) - set(FEATURES)
            if unknown:
                raise ValueError(f"line model: unknown feature {sorted(unknown)[0]!r}")
            self.tables.append([float(table.get(name, 0.0)) for name in FEATURES])
        self._before = FEATURES.index("before")
        self._inside = FEATURES.index("inside")
        # Compare raw scores with the threshold's logit: no exp() per line.
        self.cut = math.log(threshold / (1 - threshold))

    def is_residue(self, vector: list[float]) -> bool:
        weights = self.tables[0 if vector[self._before] else 1 if vector[self._inside] else 2]
        return sum(map(operator.mul, weights, vector)) >= self.cut


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LineModel | None:
    p = Path(path) if path else bundled_rules_dir() / "boilerplate" / "_line-model.toml"
    if not p.is_file():
        return None
    data = read_toml(p)
    for place in PLACES:
        if not isinstance(data.get(place), dict):
            raise DataFileError(str(p), f"no [{place}] table of weights")
    if "threshold" not in data:
        raise DataFileError(str(p), "no threshold")
    threshold = data["threshold"]
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise DataFileError(line_of(p, "threshold"), f"threshold must be a number between 0 and 1, not {threshold!r}")
    for place in PLACES:
        for name, weight in data[place].items():
            if name not in FEATURES:
                raise DataFileError(line_of(p, name), f"unknown feature {name!r} in [{place}]")
            if not isinstance(weight, (int, float)):
                raise DataFileError(line_of(p, name), f"the weight of {name!r} must be a number")
    return LineModel({place: data[place] for place in PLACES}, threshold)
