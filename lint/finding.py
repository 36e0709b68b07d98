"""Findings: what a rule reports, and the edits that fix it."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
CATEGORIES = ("spelling", "boilerplate", "readability", "grammar", "style", "typography")


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace source[start:end] with `replacement` (offsets in characters)."""
    start: int
    end: int
    replacement: str

    def __reduce__(self):  # see Finding.__reduce__
        return (TextEdit, (self.start, self.end, self.replacement))


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[TextEdit, ...]
    # Only safe fixes are applied by `edlint fix`; others are shown as suggestions.
    safe: bool = True
    description: str = ""

    def __reduce__(self):  # see Finding.__reduce__
        return (Fix, (self.edits, self.safe, self.description))


@dataclass(slots=True)
class Finding:
    rule: str
    message: str
    start: int  # source offsets, characters
    end: int
    severity: str = "warning"
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # Filled in by the engine from the document.
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    record: int | None = None  # record number in a JSON Lines file
    text: str = ""  # the source text the finding covers (for baselines and vocabulary)
    data: dict = field(default_factory=dict)  # rule-specific extras (e.g. a count)

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)

    def __reduce__(self):
        # Pickled as the constructor's arguments: a run pickles every finding a few times
        # (workers, the run's store, the result cache), and the __getstate__ that
        # dataclass(slots=True) writes walks the fields anew for each one (3x slower).
        return (Finding, _FIELDS(self))


_FIELDS = attrgetter(*(f.name for f in fields(Finding)))
