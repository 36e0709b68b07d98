"""The engine: read each file, run the enabled rules, then apply configuration,
suppression, vocabulary, severity and the baseline centrally.

Per-file work (`_check_file`) is a plain function of picklable inputs, so
`--jobs N` maps it over a process pool and users can map `check_text` over an
archive in their own pool. Corpus rules collect per file and finish once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .config import Config, ConfigResolver
from .diagnostic import Diagnostic
from .document import Directive, LineIndex
from .errors import ConfigError, EdlintError, InputError, internal_error
from .patterns import take_warnings as take_pattern_warnings
from .result import DocumentResult, FileError, Notice, RunResult
from .ruleset import RuleSet, build_ruleset
from .suppression import Suppressions


@dataclass
class FileJob:
    path: str  # as shown in reports
    config: Config
    text: str | None = None  # given text (stdin, check_text) instead of reading `path`
    format: str | None = None
    metrics: bool = False  # compute document figures even if no rule that needs them is on
    cache: str | None = None  # directory of the result cache (`--cache`, lint/cache.py)


@dataclass
class _DocInfo:
    record: int | None
    directives: list[Directive]
    metrics: dict


@dataclass
class FileOutcome:
    path: str
    config: Config
    source: str = ""
    docs: list[_DocInfo] = field(default_factory=list)
    diagnostics: list[tuple[int, Diagnostic]] = field(default_factory=list)
    collected: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    traceback: str = ""  # of an internal error
    # Parts of the file that could not be read while the rest was checked (bad JSON Lines records).
    partial_errors: list[str] = field(default_factory=list)
    rule_warnings: list[str] = field(default_factory=list)  # patterns dropped (lint/patterns.py)


AUTO_PARALLEL_MIN_FILES = 32
_RULESETS: dict[Config, RuleSet] = {}  # per process: rules are compiled once per config


def ruleset_for(config: Config) -> RuleSet:
    rs = _RULESETS.get(config)
    if rs is None:
        rs = _RULESETS[config] = build_ruleset(config)
    return rs


def _check_file(job: FileJob) -> FileOutcome:
    """Check one file. Whatever goes wrong is reported against this file alone: the run goes on."""
    if job.cache is not None:
        from .cache import check_through_cache

        return check_through_cache(job, _check_file)
    try:
        return _check_file_unguarded(job)
    except EdlintError as e:  # e.g. a rule that can't run on this file's config
        return FileOutcome(job.path, job.config, error=getattr(e, "message", None) or str(e))
    except Exception as e:
        import traceback

        return FileOutcome(job.path, job.config, error=internal_error(e), traceback=traceback.format_exc())


def _check_file_unguarded(job: FileJob) -> FileOutcome:
    from . import readers

    out = FileOutcome(job.path, job.config)
    rs = ruleset_for(job.config)
    options = job.config.reader_options()
    try:
        if job.text is None:
            source, out.warnings = readers.load(job.path, options)
        else:
            source = job.text[1:] if job.text.startswith("\ufeff") else job.text
        out.source = source
        docs = readers.parse(source, job.path, job.format, options)
    except InputError as e:
        out.error = e.message
        out.rule_warnings = take_pattern_warnings()
        return out
    # A reader of many records may return some bad ones alongside the good (see readers.jsondocs).
    out.partial_errors = list(getattr(docs, "errors", ()))
    out.warnings += getattr(docs, "warnings", ())
    # What runs is what the rules declare (lint/rule_types/base.py): no category is known here.
    metric_fns = rs.metric_functions(job.metrics)
    hidden = rs.exclusion_rules(bool(metric_fns) or rs.needs_exclusions)
    for n, doc in enumerate(docs):
        _check_document(doc, n, rs, hidden, out)
        metrics = {}
        for fn in metric_fns:
            metrics.update(fn(doc, rs.ctx))
        out.docs.append(_DocInfo(doc.record, doc.directives, metrics))
    out.rule_warnings = take_pattern_warnings()
    return out


def _check_document(doc, n: int, rs: RuleSet, hidden: list, out: FileOutcome) -> None:
    """Run the rules on one document; the spans of excluding rules are skipped by those after."""
    for rule in hidden:  # not selected: their spans count, their findings are not reported
        doc.excluded.extend((d.start, d.end) for d in rule.check(doc, rs.ctx))
    for rule in rs.document_rules:
        found = list(rule.check(doc, rs.ctx))
        if rule.excludes_lines:
            doc.excluded.extend((d.start, d.end) for d in found)
        out.diagnostics.extend((n, d) for d in found)
    for rule in rs.corpus_rules:
        out.collected.setdefault(rule.id, []).append((n, rule.collect(doc, rs.ctx)))


def _worker_init() -> None:
    import signal

    # A forked worker inherits the CLI's SIGTERM handler: it should just die when stopped.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _check_in_pool(jobs: list[FileJob], workers: int, tick=None) -> list[FileOutcome]:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        outcomes = []
        for outcome in pool.map(_check_file, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
            outcomes.append(outcome)
            if tick is not None:
                tick(len(outcomes))
    except BaseException as e:
        # Interrupted (SIGTERM, Ctrl-C) or a worker died: leaving the `with` block would wait
        # for every queued file, and a killed parent would leave the workers running. Stop them.
        processes = list(getattr(pool, "_processes", {}).values())
        for p in processes:
            p.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.join(5)
        if isinstance(e, SystemExit):
            # Stopped by a signal (SIGTERM): the workers are gone; exit now rather than let
            # concurrent.futures' exit hook wait on the broken pool's threads, which on a busy
            # machine could hang the exit.
            import sys

            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(e.code if isinstance(e.code, int) else 1)
        raise
    pool.shutdown()
    return outcomes


def _corpus_findings(outcomes: list[FileOutcome], result: RunResult) -> list[list[tuple[int, Diagnostic]]]:
    """Corpus rules: what each file collected, finished once per rule; the findings go back
    to their files as (document number in the file, diagnostic)."""
    doc_index: list[tuple[int, int]] = []  # global doc number -> (outcome, doc)
    by_rule: dict[str, list[tuple[int, object]]] = {}
    for oi, o in enumerate(outcomes):
        base = len(doc_index)
        for rid, items in o.collected.items():
            by_rule.setdefault(rid, []).extend((base + n, data) for n, data in items)
        doc_index.extend((oi, n) for n in range(len(o.docs)))
    extra: list[list[tuple[int, Diagnostic]]] = [[] for _ in outcomes]
    if not by_rule:
        return extra
    rulesets = {}
    for o in outcomes:
        rs = ruleset_for(o.config)
        for rule in rs.corpus_rules:
            rulesets.setdefault(rule.id, (rule, rs))
    for rid, items in by_rule.items():
        rule, rs = rulesets[rid]
        rs.ctx.notices = result.notices
        rs.ctx.incomplete = result.incomplete
        try:
            found = list(rule.finish(items, rs.ctx))
        except Exception as e:  # one rule's findings are lost, not the run's
            import traceback

            result.errors.append(FileError(rid, f"rule {rid}: {internal_error(e)}", partial=True,
                                           detail=traceback.format_exc()))
            continue
        for gdoc, diag in found:
            oi, n = doc_index[gdoc]
            extra[oi].append((n, diag))
    return extra


class Engine:
    """One run over many files. Build it with a ConfigResolver (config per path)."""

    def __init__(self, resolver: ConfigResolver | None = None, *, jobs: int = 1,
                 metrics: bool = False, baseline: str | None = None, follow_symlinks: bool = False,
                 progress=None, cache=None):
        self.resolver = resolver or ConfigResolver()
        self.progress = progress  # called as progress(done, total) as each file finishes
        self.jobs = jobs  # 0: automatic
        self.metrics = metrics
        self.baseline = baseline
        self.follow_symlinks = follow_symlinks  # links out of a checked directory
        self.cache = cache  # the result cache's directory (`--cache`, lint/cache.py), or None

    def run_jobs(self, jobs: list[FileJob], result: RunResult | None = None) -> RunResult:
        result = result or RunResult()
        for j in jobs:  # fail fast on config errors, before any work
            ruleset_for(j.config)
        if self.cache is not None:
            jobs = [replace(j, cache=self.cache) for j in jobs]
        outcomes = self._check_all(jobs)
        if self.cache is not None:
            from .cache import finish_run

            finish_run(self.cache)
        return self._finish(outcomes, result)

    def _check_all(self, jobs: list[FileJob]) -> list[FileOutcome]:
        workers = self.jobs
        if workers == 0:
            # Start-up of a worker costs about as much as checking a few articles: only
            # worth it for a batch (a CI run), never for an editor's single file.
            workers = min(os.cpu_count() or 1, 8) if len(jobs) >= AUTO_PARALLEL_MIN_FILES else 1
        if workers > 1 and len(jobs) > 2:
            # The first file is checked here, so lexicons and patterns that load lazily are
            # loaded once and inherited by the forked workers instead of loaded in each.
            outcomes = [_check_file(jobs[0])]
            self._tick(outcomes, jobs)
            outcomes += _check_in_pool(jobs[1:], workers, lambda done: self._tick_count(done + 1, len(jobs)))
        else:
            outcomes = []
            for j in jobs:
                outcomes.append(_check_file(j))
                self._tick(outcomes, jobs)
        return outcomes

    def _tick(self, outcomes: list, jobs: list) -> None:
        self._tick_count(len(outcomes), len(jobs))

    def _tick_count(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def run(self, paths: list[str], stdin_text: str | None = None, stdin_filename: str | None = None) -> RunResult:
        from .files import discover

        result = RunResult()
        notes: list[str] = []
        files, errors = discover(paths, self._config_or_default, follow_symlinks=self.follow_symlinks,
                                 notes=notes)
        result.errors.extend(errors)
        result.notices.extend(Notice("warning", n, "files") for n in notes)
        jobs = []
        for f in files:
            name = (stdin_filename or "-") if f == "-" else f
            try:
                # stdin takes the config of the name it is given, else of the working directory.
                cfg = self.resolver.for_path(name if f != "-" or stdin_filename else ".")
                ruleset_for(cfg)  # rules it can't build (no such rule, bad parameter) fail the same way
            except ConfigError as e:
                # A broken config governs only the files below it: report them, check the rest.
                result.files.append(name)
                result.errors.append(FileError(name, str(e)))
                continue
            except Exception as e:  # a bug reading this file's config: this file alone is lost
                import traceback

                result.files.append(name)
                result.errors.append(FileError(name, internal_error(e), detail=traceback.format_exc()))
                continue
            jobs.append(FileJob(name, cfg, text=(stdin_text or "") if f == "-" else None, metrics=self.metrics))
        return self.run_jobs(jobs, result)

    def _config_or_default(self, path: str) -> Config:
        try:
            return self.resolver.for_path(path)
        except Exception:  # ConfigError, or a bug: either way the error comes per file
            return Config()  # directory walking only needs include/exclude

    def _finish(self, outcomes: list[FileOutcome], result: RunResult) -> RunResult:
        extra = _corpus_findings(outcomes, result)
        diagnostics: list[Diagnostic] = []
        for o, more in zip(outcomes, extra):
            self._take_outcome(o, more, result, diagnostics)
        for o in outcomes:
            for rid, spec in ruleset_for(o.config).specs.items():
                result.rules.setdefault(rid, spec)
        diagnostics.sort(key=Diagnostic.sort_key)
        if self.baseline:
            from .baseline import filter_baseline

            diagnostics, result.baselined = filter_baseline(self.baseline, diagnostics)
        result.diagnostics = diagnostics
        # Deduplicate notices (one per server, not one per batch).
        seen, notices = set(), []
        for nt in result.notices:
            if (nt.level, nt.message) not in seen:
                seen.add((nt.level, nt.message))
                notices.append(nt)
        result.notices = notices
        return result

    def _take_outcome(self, o: FileOutcome, extra: list[tuple[int, Diagnostic]], result: RunResult,
                      diagnostics: list[Diagnostic]) -> None:
        """One file's errors, notices, findings and documents into the run's result."""
        result.files.append(o.path)
        result.notices.extend(Notice("warning", w, "rules") for w in o.rule_warnings)
        if o.error:
            result.errors.append(FileError(o.path, o.error, detail=o.traceback))
            return
        result.errors.extend(FileError(o.path, m, partial=True) for m in o.partial_errors)
        for w in o.warnings:
            result.notices.append(Notice("warning", w, "reader"))
        try:
            diagnostics.extend(self._finalize(o, o.diagnostics + extra, result))
        except Exception as e:
            import traceback

            result.errors.append(FileError(o.path, internal_error(e), detail=traceback.format_exc()))
            return
        for info in o.docs:
            result.documents.append(DocumentResult(o.path, info.record, info.metrics))

    def _finalize(self, o: FileOutcome, found: list[tuple[int, Diagnostic]], result: RunResult) -> list[Diagnostic]:
        rs = ruleset_for(o.config)
        lines = LineIndex(o.source)
        vocab = rs.vocabulary()
        supp = [Suppressions(info.directives, o.source, lines) if info.directives else None for info in o.docs]
        kept: list[Diagnostic] = []
        seen = set()
        for n, d in found:
            if d.rule not in rs.specs and not rs.allows_dynamic(d.rule):
                continue
            d.path = o.path
            d.record = o.docs[n].record
            d.line, d.column = lines.position(d.start)
            d.end_line, d.end_column = lines.position(max(d.end, d.start))
            d.text = o.source[d.start:d.end]
            d.severity = rs.level(d.rule, d.severity)
            if d.severity == "off":
                continue
            if supp[n] and supp[n].suppressed(d.rule, d.start, d.line):
                continue
            if vocab and vocab.accepts(d.text):
                continue
            key = (d.rule, d.start, d.end, d.message)
            if key in seen:
                continue
            seen.add(key)
            kept.append(d)
        for postprocess in rs.postprocessors():
            kept = postprocess(kept)
        return kept


# -- Python API ---------------------------------------------------------------

def _as_config(config) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, (str, os.PathLike)):
        from .config import load_config_file

        return load_config_file(config)
    if isinstance(config, dict):
        return Config.from_dict(config)
    raise TypeError("config must be a Config, a path to a config file, a dict or None")


def check_text(text: str, path: str = "<text>", config=None, format: str | None = None) -> list[Diagnostic]:
    """Check one text; `path` names it in findings and picks the format by extension."""
    cfg = _as_config(config).for_path(path)
    result = Engine().run_jobs([FileJob(path, cfg, text=text, format=format)])
    if result.errors:
        raise InputError(path, result.errors[0].message)
    return result.diagnostics


def check_paths(paths, config=None, *, jobs: int = 1) -> RunResult:
    """Check files and directories. With `config=None`, each file's config is found upward."""
    resolver = ConfigResolver() if config is None else _FixedResolver(_as_config(config))
    return Engine(resolver, jobs=jobs).run([str(p) for p in paths])


class _FixedResolver(ConfigResolver):
    def __init__(self, config: Config):
        super().__init__()
        self._config = config

    def base_for(self, path: str) -> Config:
        return self._config


__all__ = ["Engine", "FileJob", "check_text", "check_paths", "ConfigError"]
