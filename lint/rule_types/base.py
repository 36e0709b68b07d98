"""What every rule type implements.

A `Rule` is built once per run from its `RuleSpec` and the effective
parameters (the rule file's `params` overlaid with the config's
`[rules."<id>"]` table), then `check()` is called for each document and yields
`Finding`s with source offsets. Rules don't apply suppression, vocabulary
filtering or severity: the engine does. A type declares its parameters in
`PARAMS` (name -> `lint.params.Param`: type, default, allowed values, meaning);
they are validated when the rule file and the config are read.

A `CorpusRule` needs to see the whole run (text repeated across articles,
LanguageTool requests batched across files): `collect()` runs per document,
possibly in a worker process, and returns something small and picklable;
`finish()` runs once in the parent with everything collected.

Capabilities: a type declares what it needs from the run, and the engine wires
it from these declarations alone (it knows no category by name):

    excludes_lines    its findings mark spans that later rules skip (`doc.excluded`);
                      such rules run first
    needs_exclusions  it reads `doc.excluded`: the excluding rules run (unreported)
                      even when none is selected
    metrics           function(doc, ctx) -> dict: the document's figures
                      (`documents[].metrics`); computed only when a rule that
                      declares it is on, or the caller asks for figures
    postprocess       function(findings) -> findings, over one file's kept findings
                      (e.g. dropping a LanguageTool finding an edlint rule also made)
    dynamic_ids       it reports ids of its own below its category (grammar.en-a-vs-an)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..finding import Finding
from ..document import Document
from ..params import Param, declared, defaults
from ..rule_files import RuleSpec


@dataclass
class CheckContext:
    """Run-wide facts a rule may use (never to filter its own findings)."""
    language: str = "auto"
    # Accepted terms, so that e.g. the spell checker can treat them as words.
    accept: tuple[str, ...] = ()
    # Rejected terms, always flagged (by the spelling category's rejected-term rule).
    reject: tuple[str, ...] = ()
    # Settings of a category's table in the config ([spelling], [readability], [languagetool] ...).
    settings: dict[str, dict] = field(default_factory=dict)
    # Parent-side only (CorpusRule.finish): run-level notices, and names of checkers that
    # could not run, for the exit code. See lint/result.py.
    notices: list = field(default_factory=list)
    incomplete: list = field(default_factory=list)


def param_problem(cls, name: str, value) -> str | None:
    """What is wrong with parameter `name` = `value` for rule type `cls`, or None."""
    table = declared(cls.PARAMS)
    if name not in table:
        return f"unknown parameter {name!r} (parameters: {', '.join(sorted(table)) or 'none'})"
    problem = table[name].problem(value)
    return f"parameter {name!r} {problem}" if problem else None


class Rule:
    """Base class of rule types. Subclasses declare PARAMS: name -> Param."""

    PARAMS: dict[str, Param] = {}
    corpus = False
    # Capabilities (see the module docstring).
    excludes_lines = False
    needs_exclusions = False
    metrics: Callable[[Document, "CheckContext"], dict] | None = None
    postprocess: Callable[[list[Finding]], list[Finding]] | None = None
    dynamic_ids = False

    def __init__(self, spec: RuleSpec, params: dict | None = None):
        self.spec = spec
        self.id = spec.id
        merged = defaults(self.PARAMS)
        for source in (spec.params, params or {}):
            for name, value in source.items():
                problem = param_problem(type(self), name, value)
                if problem:
                    raise ValueError(f"rule {spec.id}: {problem}")
                merged[name] = value
        self.params = merged
        self.setup()

    def setup(self) -> None:
        """Compile parameters once (patterns, word lists)."""

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, start: int, end: int, message: str | None = None, **kw) -> Finding:
        return Finding(rule=self.id, message=message or self.spec.message, start=start, end=end,
                       severity=self.spec.severity, **kw)

    diagnostic = finding  # the old name, for rule types written against it


class CorpusRule(Rule):
    corpus = True

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())

    def collect(self, doc: Document, ctx: CheckContext) -> Any:
        raise NotImplementedError

    def finish(self, collected: list[tuple[int, Any]], ctx: CheckContext) -> Iterable[tuple[int, Finding]]:
        """`collected` holds (document number, what collect returned); yield
        (document number, finding with source offsets in that document)."""
        raise NotImplementedError
