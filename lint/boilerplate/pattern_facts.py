"""The phrase patterns' regex-analysis facts, worked out when the wheel is built.

A cold `edlint check` of one article spends much of its boilerplate share reading facts
off the bundled phrase patterns (regex_analysis.py: the characters and openings every
match starts with, the keywords it contains). They are a pure function of the pattern's
text, the analyser and the Python that parses it, so hatch_build.py works them out once
for the bundled patterns and ships them; a run only reads them. Nothing is written at run
time (a check must not write outside its cache directory).

The file is named by a key of the analyser's source and the Python version, so a run
under another Python, or with another analyser, finds no file and works the facts out
as before; inside the file the facts are looked up by the pattern's text, so a pattern
added or edited since the build is worked out too. Either way the answer is the same:
the shipped facts only save the work.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .. import shipped
from . import regex_analysis

try:  # the built-in module: hashlib costs more to import than the whole lookup
    from _sha256 import sha256
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha256

DIRECTORY = Path(__file__).parent / "data"
_MISSING = object()


def key() -> str:
    """Of the analyser's source, this module's (which facts) and the Python that parses the patterns."""
    source = Path(regex_analysis.__file__).read_bytes() + Path(__file__).read_bytes()
    version = f"{sys.implementation.name}-{'.'.join(map(str, sys.version_info[:3]))}"
    return sha256(source + version.encode()).hexdigest()[:20]


def path(directory: Path = DIRECTORY) -> Path:
    return directory / f"pattern-facts-{key()}.bin"


def width(pattern: str) -> tuple[int, int] | None:
    """(fewest, most) characters a match of `pattern` (case-insensitive) can have; None when
    the parser does not say. Python's re folds case one character for one, so a line of
    another length cannot match."""
    try:
        return tuple(regex_analysis._sre.parse(pattern, re.IGNORECASE).getwidth())
    except Exception:
        return None


# What the lexicon asks of a pattern: its first characters (None: any), its literal
# openings, for a floating one its keywords, the keywords one of which every match holds on
# an ASCII line, and the lengths of its matches.
_WORK = (regex_analysis.first_chars, regex_analysis.prefixes, regex_analysis.keywords,
         regex_analysis.contained_keywords, width)


def compute(pattern: str) -> tuple:
    """Every fact of one pattern (the text after a weak pattern's "~"), as shipped."""
    return tuple(work(pattern) for work in _WORK)


class Facts:
    """The facts of each pattern: the shipped ones, else each worked out (and kept) when
    first asked for, as the lexicon did before they were shipped."""

    def __init__(self, shipped: dict | None = None):
        self._shipped = shipped or {}
        self._worked: dict[tuple[str, int], object] = {}

    def _get(self, pattern: str, k: int):
        found = self._shipped.get(pattern)
        if found is not None:
            return found[k]
        got = self._worked.get((pattern, k), _MISSING)
        if got is _MISSING:
            got = self._worked[pattern, k] = _WORK[k](pattern)
        return got

    def shipped(self, pattern: str) -> bool:
        return pattern in self._shipped

    def first_chars(self, pattern: str):
        return self._get(pattern, 0)

    def prefixes(self, pattern: str):
        return self._get(pattern, 1)

    def keywords(self, pattern: str):
        return self._get(pattern, 2)

    def contained_keywords(self, pattern: str):
        return self._get(pattern, 3)

    def width(self, pattern: str):
        return self._get(pattern, 4)


def load(directory: Path = DIRECTORY) -> dict:
    """The shipped facts, or {} when there are none for this analyser and Python (or the
    file is damaged)."""
    return shipped.read(path(directory),
                        lambda data: all(isinstance(v, tuple) and len(v) == len(_WORK) for v in data.values()))


def write(directory: Path, patterns) -> Path:
    """The facts of `patterns` into `directory` (the wheel-build step), removing files of
    other keys there. Returns the file written."""
    return shipped.write(path(directory), {p: compute(p) for p in sorted(set(patterns))}, "pattern-facts")


def bundled_patterns() -> list[str]:
    """Every bundled phrase pattern, as the lexicon holds it (without a weak one's "~")."""
    from .lexicon import bundled_phrase_patterns

    return bundled_phrase_patterns()
