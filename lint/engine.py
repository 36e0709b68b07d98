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
from .finding import Finding
from .document import Directive, LineIndex
from .errors import ConfigError, EdlintError, InputError, internal_error
from .patterns import take_warnings as take_pattern_warnings
from .result import FileError, Notice, RunResult
from .ruleset import RuleSet, build_ruleset
from .suppression import Suppressions


@dataclass(slots=True)  # a run over an archive holds one per file
class FileJob:
    path: str  # as shown in reports
    config: Config
    text: str | None = None  # given text (stdin, check_text) instead of reading `path`
    format: str | None = None
    metrics: bool = False  # compute document figures even if no rule that needs them is on
    cache: str | None = None  # directory of the result cache (`--cache`, lint/cache.py; used by lint.jobs)
    # One part of a split JSON Lines export (lint.jobs.expand): (part number, characters,
    # lines, records before it); `skip` is the message for a record not checked (too large).
    part: tuple[int, int, int, int] | None = None
    skip: str | None = None


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
    findings: list[tuple[int, Finding]] = field(default_factory=list)
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
    if job.part is not None:  # numbered as lines and records of the whole export
        options = dict(options, _export_part=job.part[2:4])
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
        out.findings.extend((n, d) for d in found)
    for rule in rs.corpus_rules:
        out.collected.setdefault(rule.id, []).append((n, rule.collect(doc, rs.ctx)))


class Engine:
    """One run over many files. Build it with a ConfigResolver (config per path)."""

    def __init__(self, resolver: ConfigResolver | None = None, *, jobs: int = 1,
                 metrics: bool = False, baseline: str | None = None, follow_symlinks: bool = False,
                 progress=None, cache=None, spill: bool = False):
        self.spill = spill  # keep the findings on disk until the reports are written (lint.spill)
        self.resolver = resolver or ConfigResolver()
        self.progress = progress  # called as progress(done, total) as each file finishes
        self.jobs = jobs  # 0: automatic
        self.metrics = metrics
        self.baseline = baseline
        self.follow_symlinks = follow_symlinks  # links out of a checked directory
        self.cache = cache  # the result cache's directory (`--cache`, lint/cache.py), or None

    def run_jobs(self, jobs, result: RunResult | None = None, *, count: int | None = None,
                 distinct: bool = False, store=None) -> RunResult:
        """Check `jobs`: a list, or (with `count`, how many) an iterable whose configs are
        known to build, made as the pool takes them. `distinct`: no two jobs' files share
        a name. `store`: the RunStore to keep the results in (a new one by default)."""
        from .gather import Gatherer
        from .jobs import check_all
        from .spill import RunStore

        result = result or RunResult()
        if count is None:
            jobs = list(jobs)
            for j in jobs:  # fail fast on config errors, before any work
                ruleset_for(j.config)
            count = len(jobs)
        if self.cache is not None:
            jobs = (j if j.cache == self.cache else replace(j, cache=self.cache) for j in jobs)
        workers = self.jobs
        if workers == 0:
            # Start-up of a worker costs about as much as checking a few articles: only
            # worth it for a batch (a CI run), never for an editor's single file.
            workers = min(os.cpu_count() or 1, 8) if count >= AUTO_PARALLEL_MIN_FILES else 1
        store = store or RunStore(spill=self.spill)
        if store.spilled:
            result.store = store  # the reports read the findings from it; the caller closes it
        memo = fragments = None
        if self.cache is not None:
            from .cache import FragmentMemo, LateMemo

            memo, fragments = LateMemo(self.cache), FragmentMemo(self.cache)
        gatherer = Gatherer(result, store, ruleset_for, memo, distinct=distinct, fragments=fragments)
        checked = check_all(jobs, workers, store.directory, lambda done: self._tick_count(done, count),
                            expected=count)
        try:
            for job, c in checked:
                gatherer.add(job, c)
        except BaseException as e:
            store.close()
            # Stopped while gathering: the pool (if any) stops its workers where it waits.
            try:
                checked.throw(e)
            except StopIteration:
                pass
            raise
        if self.cache is not None:
            from .cache import finish_run

            finish_run(self.cache)
        try:
            return gatherer.finish(self.baseline)
        except BaseException:
            store.close()
            raise
        finally:
            if not store.spilled:
                store.close()

    def _tick_count(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def run(self, paths: list[str], stdin_text: str | None = None, stdin_filename: str | None = None) -> RunResult:
        from array import array

        from .files import discover
        from .spill import RunStore

        result = RunResult()
        notes: list[str] = []
        store = RunStore(spill=self.spill)  # a spilling run keeps even the names on disk
        try:
            files, errors = discover(paths, self._config_or_default, follow_symlinks=self.follow_symlinks,
                                     notes=notes, into=store.discovered)
            result.errors.extend(errors)
            result.notices.extend(Notice("warning", n, "files") for n in notes)
            # Each file's config, looked up before any work (a file whose rules can't be built
            # is reported now): a number per file, the jobs made from them as the pool takes them.
            configs: list[Config] = []
            numbers: dict[Config, int] = {}
            config_of = array("i")  # file -> its config's number, -1 for none
            count, stdin_named = 0, 0
            for f in files:
                name = (stdin_filename or "-") if f == "-" else f
                stdin_named += f == "-" or f == stdin_filename
                cfg = self._config_for_file(f, name, stdin_filename, result)
                if cfg is None:
                    config_of.append(-1)
                    continue
                k = numbers.get(cfg)
                if k is None:
                    k = numbers[cfg] = len(configs)
                    configs.append(cfg)
                config_of.append(k)
                count += 1

            def jobs():
                for f, k in zip(files, config_of):
                    if k >= 0:
                        name = (stdin_filename or "-") if f == "-" else f
                        yield FileJob(name, configs[k], text=(stdin_text or "") if f == "-" else None,
                                      metrics=self.metrics, cache=self.cache)

            # A directory walk names each file once; only standard input's name can repeat one.
            return self.run_jobs(jobs(), result, count=count, distinct=stdin_named <= 1, store=store)
        except BaseException:
            store.close()
            raise

    def _config_for_file(self, f: str, name: str, stdin_filename: str | None, result: RunResult) -> Config | None:
        try:
            # stdin takes the config of the name it is given, else of the working directory.
            cfg = self.resolver.for_path(name if f != "-" or stdin_filename else ".")
            ruleset_for(cfg)  # rules it can't build (no such rule, bad parameter) fail the same way
            return cfg
        except ConfigError as e:
            # A broken config governs only the files below it: report them, check the rest.
            result.files.append(name)
            result.errors.append(FileError(name, str(e)))
        except Exception as e:  # a bug reading this file's config: this file alone is lost
            import traceback

            result.files.append(name)
            result.errors.append(FileError(name, internal_error(e), detail=traceback.format_exc()))
        return None

    def _config_or_default(self, path: str) -> Config:
        try:
            return self.resolver.for_path(path)
        except Exception:  # ConfigError, or a bug: either way the error comes per file
            return Config()  # directory walking only needs include/exclude

    def _finalize(self, o: FileOutcome, found: list[tuple[int, Finding]], result: RunResult) -> list[Finding]:
        rs = ruleset_for(o.config)
        lines = LineIndex(o.source)
        vocab = rs.vocabulary()
        supp = [Suppressions(info.directives, o.source, lines) if info.directives else None for info in o.docs]
        kept: list[Finding] = []
        seen = set()
        for n, d in found:
            if d.rule not in rs.specs and not rs.allows_dynamic(d.rule):
                continue
            d.path = o.path
            d.record = o.docs[n].record
            d.line, d.column = lines.position(d.start)
            d.end_line, d.end_column = lines.position(max(d.end, d.start))
            d.text = o.source[d.start:d.end]
            d.severity = rs.severity(d.rule, d.severity)
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


def check_text(text: str, path: str = "<text>", config=None, format: str | None = None) -> list[Finding]:
    """Check one text; `path` names it in findings and picks the format by extension."""
    cfg = _as_config(config).for_path(path)
    result = Engine().run_jobs([FileJob(path, cfg, text=text, format=format)])
    if result.errors:
        raise InputError(path, result.errors[0].message)
    return result.findings


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
