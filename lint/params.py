"""Typed, self-describing parameters: one declaration gives the type, the default,
the allowed values and a one-line description of a setting.

Rule types declare their parameters with `Param` (`Rule.PARAMS`), and the
configuration declares its tables with it, so a bad value is refused once, when
it is read, with a message that says what was expected:

    >>> Param("strings", []).problem(5)
    'must be a list of strings, not an integer (5)'
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

# kind -> (test of a value, what the value must be)
_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer"),
    # TOML has inf and nan: neither is a size, a grade or a share (inf overflowed int()).
    "number": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v),
               "a number"),
    "string": (lambda v: isinstance(v, str), "a string"),
    "strings": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of strings"),
    "table": (lambda v: isinstance(v, dict), "a table"),
    "string-table": (lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
                     "a table of strings"),
    # substitution's swap: a replacement, or a list of them best first
    "swap-table": (lambda v: isinstance(v, dict) and all(
        isinstance(x, str) or (isinstance(x, list) and x and all(isinstance(y, str) for y in x))
        for x in v.values()), "a table of pattern = replacement (a string or a list of strings)"),
    "string-tables": (lambda v: isinstance(v, list) and all(
        isinstance(t, dict) and all(isinstance(x, str) for x in t.values()) for t in v),
        "a list of tables of strings"),
}


def describe(value) -> str:
    """`value` as a message shows it: its TOML type, and the value when short."""
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} ({shown})" if len(shown) <= 40 else kind


@dataclass(frozen=True)
class Param:
    kind: str  # a key of _KINDS
    default: Any = None
    doc: str = ""
    choices: tuple = ()  # allowed values (of each item, for lists and tables)
    minimum: float | None = None
    maximum: float | None = None
    optional: bool = False  # None (not set) is allowed: the value comes from elsewhere
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)  # a further test

    def __post_init__(self):
        if self.kind not in _KINDS:
            raise ValueError(f"unknown parameter kind {self.kind!r}")

    @property
    def expected(self) -> str:
        text = _KINDS[self.kind][1]
        if self.choices:
            one_of = f"one of {', '.join(map(str, self.choices))}"
            text = one_of if self.kind == "string" else f"{text}, each {one_of}"
        if self.minimum is not None and self.maximum is not None:
            text += f" from {self.minimum} to {self.maximum}"
        elif self.minimum is not None:
            text += f" of at least {self.minimum}"
        return text

    def problem(self, value) -> str | None:
        """What is wrong with `value`, as the end of a sentence naming the setting; None if nothing."""
        if value is None and self.optional:
            return None
        test, _ = _KINDS[self.kind]
        if not test(value):
            if isinstance(value, float) and not math.isfinite(value):
                return f"must be a finite number, not {value!r}"
            return f"must be {self.expected}, not {describe(value)}"
        bad = self._outside(value)
        if bad is not None:
            return f"must be {self.expected}, not {bad!r}"
        return self.check(value) if self.check else None

    def _outside(self, value):
        """The first item not among the choices, or the number out of range; else None."""
        if self.choices:
            items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            bad = [x for x in items if x not in self.choices]
            if bad:
                return bad[0]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if (self.minimum is not None and value < self.minimum) or \
                    (self.maximum is not None and value > self.maximum):
                return value
        return None


def infer(default) -> Param:
    """A Param for a bare default (rule types from before typed parameters)."""
    for kind, test in (("bool", bool), ("int", int), ("number", float), ("string", str),
                       ("strings", list), ("table", dict)):
        if isinstance(default, test):
            return Param(kind, default)
    return Param("table", default, optional=True) if default is None else Param("string", default)


def declared(params: dict) -> dict[str, Param]:
    return {k: v if isinstance(v, Param) else infer(v) for k, v in params.items()}


def defaults(params: dict) -> dict:
    return {k: v.default if isinstance(v, Param) else v for k, v in params.items()}


def did_you_mean(word: str, known) -> str:
    import difflib  # only for a mistake's message

    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_value(schema: dict[str, Param], key: str, value, unknown: Callable[[str], None],
                bad: Callable[[str], None]) -> None:
    """`key` = `value` suits `schema`, else `unknown(hint)` (a "did you mean" or "") or
    `bad(problem)` is called; both raise, with the message the caller's place needs."""
    if key not in schema:
        unknown(did_you_mean(key, schema))
    problem = schema[key].problem(value)
    if problem:
        bad(problem)
