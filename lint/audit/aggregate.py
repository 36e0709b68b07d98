"""Per-document results folded into small numbers as they arrive.

A `Tally` consumes one batch's `RunResult` (`add_run`), or one document at a
time (`add_document`), and keeps only counters, bounded histograms and the
top few articles of each ranking: never every finding's text, so an audit of
100,000 articles holds about as much as one of 1,000. Tallies `merge` (the
reduce of the Dask engine), and merging is independent of order, so every
engine gives the same `summary()`.
"""
from __future__ import annotations

from collections import Counter, defaultdict

TOP = 25  # articles kept per ranking
FINDINGS_KEPT = 60  # findings kept per worst article (the page links to them)
WORDS_KEPT = 500  # unknown words listed
TEMPLATES_KEPT = 50
# An error weighs two warnings, a warning two notes: the order an editor reads them in.
WEIGHT = {"error": 4, "warning": 2, "info": 1}
REPEATED = "boilerplate.repeated"
READING_BIN_S = 30
ERRORS_KEPT = 200


def label(path: str, record: int | None) -> str:
    return path if record is None else f"{path}:{record}"


class Top:
    """The `size` largest items by key (score, then label for a stable order)."""

    def __init__(self, size: int = TOP):
        self.size = size
        self.items: list[tuple] = []  # (score, label, payload)

    def add(self, score, name: str, payload) -> None:
        self.items.append((score, name, payload))
        if len(self.items) > 2 * self.size:
            self._prune()

    def merge(self, other: "Top") -> None:
        self.items.extend(other.items)
        self._prune()

    def _prune(self) -> None:
        self.items.sort(key=lambda t: (-t[0], t[1]))
        del self.items[self.size:]

    def ranked(self) -> list[tuple]:
        self._prune()
        return list(self.items)


class Tally:
    def __init__(self):
        from ..cli.vocab import WordTally

        self.documents = self.clean = self.files = 0
        self.file_errors: list[tuple[str, str]] = []  # the first ERRORS_KEPT, for the page
        self.errors_total = 0
        self.severity: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.rule_articles: Counter[str] = Counter()
        self.rule_severity: dict[str, str] = {}
        self.grades: Counter[float] = Counter()  # grade rounded to 0.1 -> documents
        self.reading: Counter[int] = Counter()  # reading time, seconds -> documents
        self.targets: Counter[float] = Counter()
        self.formulas: Counter[str] = Counter()
        self.hardest = Top()
        self.residue_kind: Counter[str] = Counter()
        self.residue_articles = 0
        self.sources: dict[str, Counter] = defaultdict(Counter)  # documents, findings, articles
        self.templates: dict[str, list] = {}  # folded line -> [articles, commonest text]
        self.most_residue = Top()
        self.words = WordTally()
        self.by_month: dict[str, Counter] = defaultdict(Counter)  # "documents" and categories
        self.by_section: dict[str, Counter] = defaultdict(Counter)
        self.worst = Top()

    # -- folding in ---------------------------------------------------------------
    def add_run(self, result, metadata=None) -> None:
        """One engine run (a batch). `metadata(path) -> {record: description}`."""
        from .metadata import file_metadata

        metadata = metadata or file_metadata
        self.files += len(result.files)
        self.add_errors((e.path, e.message) for e in result.errors)
        found: dict[tuple, list] = defaultdict(list)
        for d in result.findings:
            found[(d.path, d.record)].append(d)
        meta_cache: dict[str, dict] = {}
        for doc in result.documents:
            if doc.path not in meta_cache:
                meta_cache = {doc.path: metadata(doc.path)}  # documents of a file are adjacent
            meta = meta_cache[doc.path].get(doc.record) or {}
            self.add_document(doc.path, doc.record, doc.metrics, found.pop((doc.path, doc.record), []), meta)
        for (path, record), findings in found.items():  # findings with no document (none today)
            self.add_document(path, record, {}, findings, {})

    def add_errors(self, errors) -> None:
        for e in errors:
            self.errors_total += 1
            if len(self.file_errors) < ERRORS_KEPT:
                self.file_errors.append(e)

    def add_document(self, path: str, record, metrics: dict, findings: list, meta: dict) -> None:
        name = label(path, record)
        self.documents += 1
        if not findings:
            self.clean += 1
        cats: Counter[str] = Counter()
        sev: Counter[str] = Counter()
        residue = 0
        for d in findings:
            self.rules[d.rule] += 1
            if WEIGHT.get(d.severity, 0) > WEIGHT.get(self.rule_severity.get(d.rule, "info"), 0) \
                    or d.rule not in self.rule_severity:
                self.rule_severity[d.rule] = d.severity
            cats[d.category] += 1
            sev[d.severity] += 1
            if d.category == "boilerplate":
                residue += 1
                self.residue_kind[d.rule.split(".", 1)[1]] += 1
                if d.rule == REPEATED:
                    self._template(d.text)
        for rule in {d.rule for d in findings}:
            self.rule_articles[rule] += 1
        self.severity.update(sev)
        self.words.add(findings)
        source = meta.get("source") or "."
        self.sources[source].update({"documents": 1, "findings": residue, "articles": 1 if residue else 0})
        if residue:
            self.residue_articles += 1
            self.most_residue.add(residue, name, None)
        for key, buckets in (("date", self.by_month), ("section", self.by_section)):
            if meta.get(key):
                b = buckets[meta[key]]
                b["documents"] += 1
                b.update(cats)
        if metrics and not metrics.get("too_short") and metrics.get("grade") is not None:
            grade = round(float(metrics["grade"]), 1)
            self.grades[grade] += 1
            self.reading[int(metrics.get("reading_time_s") or 0)] += 1
            if metrics.get("target_grade") is not None:
                self.targets[float(metrics["target_grade"])] += 1
            self.formulas[str(metrics.get("formula", ""))] += 1
            self.hardest.add(grade, name, {"words": metrics.get("words", 0)})
        if findings:
            score = sum(WEIGHT.get(s, 0) * n for s, n in sev.items())
            kept = [(d.line, d.column, d.rule, d.severity, d.message)
                    for d in sorted(findings, key=lambda d: (d.line, d.column, d.rule))[:FINDINGS_KEPT]]
            self.worst.add(score, name, {"path": path, "record": record, "findings": len(findings),
                                         "categories": dict(cats), "kept": kept})

    def _template(self, text: str) -> None:
        key = " ".join(text.split()).casefold()
        entry = self.templates.setdefault(key, [0, Counter()])
        entry[0] += 1
        entry[1][" ".join(text.split())] += 1

    # -- reduce -------------------------------------------------------------------
    def merge(self, other: "Tally") -> "Tally":
        self.documents += other.documents
        self.clean += other.clean
        self.files += other.files
        self.errors_total += other.errors_total
        self.file_errors = sorted(self.file_errors + other.file_errors)[:ERRORS_KEPT]
        for mine, theirs in ((self.severity, other.severity), (self.rules, other.rules),
                             (self.rule_articles, other.rule_articles), (self.grades, other.grades),
                             (self.reading, other.reading), (self.targets, other.targets),
                             (self.formulas, other.formulas), (self.residue_kind, other.residue_kind)):
            mine.update(theirs)
        for rule, severity in other.rule_severity.items():
            if WEIGHT[severity] > WEIGHT.get(self.rule_severity.get(rule, "info"), 0) or rule not in self.rule_severity:
                self.rule_severity[rule] = severity
        self.residue_articles += other.residue_articles
        for mine, theirs in ((self.sources, other.sources), (self.by_month, other.by_month),
                             (self.by_section, other.by_section)):
            for k, c in theirs.items():
                mine[k].update(c)
        for key, (n, forms) in other.templates.items():
            entry = self.templates.setdefault(key, [0, Counter()])
            entry[0] += n
            entry[1].update(forms)
        for mine, theirs in ((self.hardest, other.hardest), (self.most_residue, other.most_residue),
                             (self.worst, other.worst)):
            mine.merge(theirs)
        self.words.merge(other.words)
        return self

    # -- numbers --------------------------------------------------------------------
    def summary(self) -> dict:
        from .summary import summarise

        return summarise(self)
