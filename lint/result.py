"""What a run returns: everything the reports need, nothing they must recompute."""
from __future__ import annotations

from dataclasses import dataclass, field

from .finding import Finding, SEVERITY_RANK
from .rule_files import RuleSpec


@dataclass
class FileError:
    path: str
    message: str
    # True when the rest of the file was checked (one bad record of a JSON Lines file).
    partial: bool = False
    detail: str = ""  # the traceback of an internal error, shown with --debug


@dataclass
class Notice:
    """A run-level message: a checker that was skipped or unavailable."""
    severity: str  # "info" | "warning" | "error" ("level" in the JSON report)
    message: str
    source: str = ""  # e.g. "languagetool"

    @property
    def level(self) -> str:  # the old name of `severity`, for API users
        return self.severity


@dataclass
class DocumentResult:
    path: str
    record: int | None = None
    metrics: dict = field(default_factory=dict)


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    documents: list[DocumentResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    rules: dict[str, RuleSpec] = field(default_factory=dict)  # the rules that ran
    files: list[str] = field(default_factory=list)  # every path checked, in order
    baselined: int = 0  # findings hidden by the baseline
    # Checkers that could not run (e.g. "languagetool"), for the exit code.
    incomplete: list[str] = field(default_factory=list)
    # Each checked file's resolved configuration, once per distinct one, in order of first
    # use (files that could not be checked left out): the CLI reads settings from these
    # instead of looking files' configurations up again.
    configs: list = field(default_factory=list)
    # Some finding is at or above the fail-on severity of its own file's configuration.
    fails_own_config: bool = False
    # A CLI run keeps its findings and documents on disk (lint.spill): the lists above are
    # then sequences read from this store, which `close()` removes.
    store: object = field(default=None, repr=False, compare=False)

    @property
    def diagnostics(self) -> list[Finding]:  # the old name of `findings`, for API users
        return self.findings

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def counts(self) -> dict[str, int]:
        known = getattr(self.findings, "counts", None)  # kept by a spilled run as it sorted
        if known is not None:
            return dict(known)
        c = {"error": 0, "warning": 0, "info": 0}
        for d in self.findings:
            c[d.severity] += 1
        return c

    def any_at_or_above(self, severity: str) -> bool:
        if severity == "never":
            return False
        rank = SEVERITY_RANK[severity]
        return any(n and SEVERITY_RANK[sev] >= rank for sev, n in self.counts().items())

    def at_or_above(self, severity: str) -> list[Finding]:
        if severity == "never":
            return []
        rank = SEVERITY_RANK[severity]
        return [d for d in self.findings if SEVERITY_RANK[d.severity] >= rank]
