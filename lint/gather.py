"""Gather the files' results into a RunResult as they finish, then finish the run:
the corpus rules, their late findings, the sort, the baseline.

Memory holds only what the summary needs (the files' errors, notices and counts, and a
few bytes per file); the files' names, findings, documents and corpus data go to the
run's store (lint.spill), which keeps them on disk for a CLI run. The result is the one a run that held
everything would give: the same findings in the same order, the same errors, notices,
documents and rules.
"""
from __future__ import annotations

import pickle
from array import array
from bisect import bisect_right
from itertools import groupby
from operator import is_, itemgetter

from .finding import SEVERITY_RANK, Finding
from .errors import internal_error
from .jobs import Checked, close_pack_readers, finalize, load_pack
from .result import FileError, Notice, RunResult
from .spill import CollectedItems, FileNames, Fragments, RunStore, StoredList


class Gatherer:
    def __init__(self, result: RunResult, store: RunStore, ruleset_for, late_memo=None, distinct: bool = False,
                 fragments=None):
        self.late_memo = late_memo  # lint.cache.LateMemo with `--cache`
        self.fragment_memo = fragments  # lint.cache.FragmentMemo with `--cache`
        self.cache_keys = bytearray()  # with late_memo: 32 bytes per job, its result cache key (or zeros)
        self.late_digests: dict[int, bytes] = {}  # job -> digest of its late findings (with late_memo)
        self.result = result
        self.store = store
        self.ruleset_for = ruleset_for
        # Jobs are numbered (a part of a split export is a job) and so are files; a job's
        # name is its file's.
        self.files = store.files  # per file
        self.files.distinct = distinct  # the caller knows no path repeats
        self.job_file = array("i")  # job number -> its file's number
        self.job_part = array("i")  # job number -> its part of a split export (0 for a whole file)
        self._last_path: str | None = None
        self._in_order = True  # the paths came sorted (a directory walk's do): no sort at the end
        self.configs: list = []  # distinct configs, in order of first use
        self._config_number: dict = {}
        self.file_config = array("i")  # file number -> config number
        self.doc_base = array("q")  # file number -> its first global document number
        self.docs = 0
        self.findings = array("q")  # file number -> chunk of its findings, -1 if none
        self.documents = array("q")  # file number -> chunk of its documents, -1 if none
        self.failed: set[int] = set()  # files that have no findings (an error, or finalize failed)
        self.file_errors: list[tuple[int, FileError]] = []
        self.file_notices: list[Notice] = []
        self._notice_seen: set = set()
        self.collected_count: dict[str, int] = {}

    def add(self, job, c: Checked) -> None:
        i = len(self.job_file)
        if job.part is None or job.part[0] == 0:  # a split export is one file
            self.files.append(c.path)
        self.job_file.append(len(self.files) - 1)
        self.job_part.append(job.part[0] if job.part is not None else 0)
        if self._in_order and self._last_path is not None and c.path < self._last_path:
            self._in_order = False
        self._last_path = c.path
        n = self._config_number.get(job.config)
        if n is None:
            n = self._config_number[job.config] = len(self.configs)
            self.configs.append(job.config)
        self.file_config.append(n)
        self.doc_base.append(self.docs)
        self.docs += c.docs
        for w in c.rule_warnings:
            self._notice(Notice("warning", w, "rules"))
        self.findings.append(-1)
        self.documents.append(-1)
        if self.late_memo is not None:
            self.cache_keys += c.cache_key if c.cache_key is not None else _NO_KEY
        if c.error:
            self.failed.add(i)
            # A part of an export that failed: the other parts were checked.
            partial = job.part is not None and job.part[0] > 0
            self.file_errors.append((i, FileError(c.path, c.error, partial=partial, detail=c.traceback)))
            return
        self.file_errors.extend((i, FileError(c.path, m, partial=True)) for m in c.partial_errors)
        for w in c.warnings:
            self._notice(Notice("warning", w, "reader"))
        if c.finalize_error:
            self.failed.add(i)
            self.file_errors.append((i, FileError(c.path, c.finalize_error[0], detail=c.finalize_error[1])))
        else:
            if c.findings:
                self.findings[i] = self._put(self.store.findings, c.findings)
            if c.documents:
                self.documents[i] = self._put(self.store.documents, c.documents)
        for rid, (count, items) in c.collected.items():
            self.store.add_collected(rid, self.doc_base[i], items)
            self.collected_count[rid] = self.collected_count.get(rid, 0) + count
        if c.pack is not None:
            self.store.packs[i] = c.pack

    @staticmethod
    def _put(chunks, value) -> int:
        # A tuple is where a worker wrote the list (a spilling run): nothing to unpickle here.
        return chunks.put_ref(value) if isinstance(value, tuple) else chunks.put(value)

    def _notice(self, notice: Notice) -> None:
        key = (notice.severity, notice.message)
        if key not in self._notice_seen:
            self._notice_seen.add(key)
            self.file_notices.append(notice)

    # -- the end of the run ----------------------------------------------------

    def finish(self, baseline: str | None = None) -> RunResult:
        result = self.result
        late = self._corpus_findings()
        try:
            order = late.files()
            step = 500  # files whose late findings are looked up, finalized and kept at a time
            for k in range(0, len(order), step):
                self._late_batch(order[k:k + step], late)
        finally:
            close_pack_readers()
        before = len(result.files)  # files whose config could not be built, noted by the engine
        if self.store.spilled:
            result.files = FileNames(result.files, self.files)
        else:
            result.files.extend(self.files)
        result.notices.extend(self.file_notices)
        self.file_errors.sort(key=lambda pair: pair[0])  # late ones go with their file
        result.errors.extend(e for _, e in self.file_errors)
        for cfg in self.configs:
            for rid, spec in self.ruleset_for(cfg).specs.items():
                result.rules.setdefault(rid, spec)
        checked = dict.fromkeys(self.file_config[i] for i in range(len(self.job_file)) if i not in self.failed)
        result.configs = [self.configs[n] for n in checked]
        self._documents()
        self._findings(baseline, before)
        # Deduplicate notices (one per server, not one per batch).
        seen, notices = set(), []
        for nt in result.notices:
            if (nt.severity, nt.message) not in seen:
                seen.add((nt.severity, nt.message))
                notices.append(nt)
        result.notices = notices
        return result

    def _corpus_findings(self) -> _Late:
        result = self.result
        late = _Late(self.store)
        chunks_by_rule = self.store.corpus_rules()
        if not chunks_by_rule:
            late.done()
            return late
        rulesets = {}
        for cfg in self.configs:
            rs = self.ruleset_for(cfg)
            for rule in rs.corpus_rules:
                rulesets.setdefault(rule.id, (rule, rs))
        for rid, (chunks, bases) in chunks_by_rule.items():
            rule, rs = rulesets[rid]
            rs.ctx.notices = result.notices
            rs.ctx.incomplete = result.incomplete
            try:
                found = list(rule.finish(CollectedItems(chunks, bases, self.collected_count.get(rid, 0)), rs.ctx))
            except Exception as e:  # one rule's findings are lost, not the run's
                import traceback

                result.errors.append(FileError(rid, f"rule {rid}: {internal_error(e)}", partial=True,
                                               detail=traceback.format_exc()))
                continue
            for gdoc, finding in found:
                i = bisect_right(self.doc_base, gdoc) - 1
                late.add(i, (gdoc - self.doc_base[i], finding))
        late.done()
        return late

    def _late_batch(self, files: list[int], late: _Late) -> None:
        memo, wanted, known = self.late_memo, {}, {}
        if memo is not None:
            for i in files:
                key = bytes(self.cache_keys[32 * i:32 * i + 32])
                if key != _NO_KEY:
                    wanted[i] = (key, memo.digest_pickled(key, late.pickled(i)))
                    self.late_digests[i] = wanted[i][1]
            known = memo.known(wanted)
        for i in files:
            if i in known and i not in self.failed:  # finalized as in the run that stored it
                self.findings[i] = self.store.findings.put_pickled(known[i]) if known[i] else -1
                continue
            kept = self._late_finalize(i, late.get(i))
            if kept is not None and i in wanted:
                memo.add(wanted[i][0], wanted[i][1], kept)
        if memo is not None:
            memo.save()

    def _late_finalize(self, i: int, extra: list[tuple[int, Finding]]) -> bytes | None:
        """A file a corpus rule found something in: finalize all its findings again, together,
        as the file's own finalize would have (duplicates dropped, grammar merged). Returns
        them pickled (b"" for none), or None when the file has none to finalize (or failed)."""
        if i in self.failed or i not in self.store.packs:
            return None
        from .engine import FileOutcome, _DocInfo

        source, raw, docs, part = load_pack(self.store.packs[i], self.store.directory)
        o = FileOutcome(self.files[self.job_file[i]], self.configs[self.file_config[i]], source=source,
                        docs=[_DocInfo(record, directives, {}) for record, directives in docs])
        try:
            kept = finalize(o, raw + extra)
        except Exception as e:
            import traceback

            self.failed.add(i)
            self.findings[i] = -1
            self.documents[i] = -1
            self.file_errors.append((i, FileError(o.path, internal_error(e), detail=traceback.format_exc())))
            return None
        if part is not None:
            from .jobs import _shift

            _shift(kept, part[1], part[2])
        if not kept:
            self.findings[i] = -1
            return b""
        kept.sort(key=Finding.sort_key)  # as the report sorts them: the sealed chunk can be this one
        if self.late_memo is None:
            self.findings[i] = self.store.findings.put(kept)
            return None
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        self.findings[i] = self.store.findings.put_pickled(data)
        return data

    def _documents(self) -> None:
        numbers = array("q", (n for n in self.documents if n >= 0))
        if not self.store.spilled:
            for n in numbers:
                self.result.documents.extend(self.store.documents.get(n))
            return
        # A file's DocumentResults are one per document: counted from doc_base, not read back.
        length, ends = 0, [*self.doc_base[1:], self.docs]
        for i, n in enumerate(self.documents):
            if n >= 0:
                length += ends[i] - self.doc_base[i]
        stored = self.result.documents = StoredList(self.store.documents, numbers, length)
        if self.fragment_memo is not None:
            idents = bytearray()
            for i, n in enumerate(self.documents):
                if n >= 0:
                    idents += self._fragment(i, b"documents")
            stored.fragments = Fragments(self.fragment_memo, bytes(idents))

    def _groups(self):
        """(path, its jobs' numbers) for the jobs with findings, sorted by path (stable)."""
        if self._in_order:  # nothing to sort, and no path held beyond the one at hand
            pairs = ((path, i) for i, path in enumerate(self._job_paths()) if self.findings[i] >= 0)
        else:  # names given out of order: sorted here, which holds those with findings
            order = sorted((i for i in range(len(self.job_file)) if self.findings[i] >= 0),
                           key=lambda i: self.files[self.job_file[i]])
            pairs = ((self.files[self.job_file[i]], i) for i in order)
        for path, group in groupby(pairs, key=itemgetter(0)):
            yield path, [i for _, i in group], None, None

    def _job_paths(self):
        """Each job's name, in order, read along with the files' (a file's jobs are together)."""
        names, at, path = iter(self.files), -1, None
        for f in self.job_file:
            while at < f:
                path, at = next(names), at + 1
            yield path

    def _fragment(self, i: int, kind: bytes, extra: bytes = b"") -> bytes:
        """The ident and owner of job `i`'s text in the report (lint.cache.FragmentMemo), or zeros."""
        key = bytes(self.cache_keys[32 * i:32 * i + 32])
        if key == _NO_KEY:
            return _NO_KEY + _NO_KEY
        return self.fragment_memo.ident(kind, key, extra) + key

    def _findings(self, baseline: str | None, before: int = 0) -> None:
        """Sorted by path (stable), each path's findings sorted by position: the global sort."""
        result = self.result
        hide = _Baseline(baseline) if baseline else None
        counts = {"error": 0, "warning": 0, "info": 0}
        first: dict[str, Finding] = {}
        sealed, paths, total = array("q"), 0, 0
        # RunResult.files number -> its path's chunk of sorted findings (a spilled run's reports
        # that walk files read them so).
        by_file = array("q", [-1]) * (before + len(self.files)) if self.store.spilled else None
        by_file_end = array("q", [-1]) * len(by_file) if by_file is not None else None
        # A path that is one file's, with no baseline: its findings are what its entry and its
        # late findings make them, so the report's text of them can be kept.
        idents = bytearray() if self.fragment_memo is not None and self.store.spilled else None
        texts = array("q")  # with idents: sealed chunk -> its text in store.texts, -1 for none
        groups = self._groups() if idents is None else self._with_texts(self._groups(), hide)
        all_read = True  # every finding was read here (else the first of each rule is not known)
        for path, jobs, pair, text in groups:
            fail_on = self.configs[self.file_config[jobs[0]]].fail_on  # the parts of one export share it
            start, kept = len(sealed), 0
            if text is not None:  # the stored text of a file's findings, and their counts: not read
                found_counts, body = text
                for severity, n in zip(("error", "warning", "info"), found_counts):
                    counts[severity] += n
                    if n and not result.fails_own_config and fail_on != "never":
                        result.fails_own_config = SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]
                kept = sum(found_counts)
                sealed.append(self.store.sealed.put_ref(self.store.findings.ref(self.findings[jobs[0]])))
                idents += pair
                texts.append(self.store.texts.put_pickled(body.encode("utf-8", "surrogatepass")))
                all_read = False
            for found in self._sorted_pieces(jobs) if text is None else ():
                if hide is not None:
                    found = hide.filter(found)
                if not found:
                    continue
                for d in found:
                    counts[d.severity] += 1
                    first.setdefault(d.rule, d)
                if not result.fails_own_config and fail_on != "never":
                    result.fails_own_config = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[fail_on] for d in found)
                kept += len(found)
                sealed.append(self._seal(found, jobs, hide))
                if idents is not None:
                    # Kept only where the sealed chunk is the stored one: a stored text then
                    # tells the stored findings are in the report's order (see above).
                    idents += pair if pair is not None and isinstance(found, _AsStored) else _NO_KEY + _NO_KEY
                    texts.append(-1)
            if not kept:
                continue
            total += kept
            paths += 1
            if by_file is not None:  # a repeated path's: its first file
                by_file[before + self.job_file[jobs[0]]] = sealed[start]
                by_file_end[before + self.job_file[jobs[0]]] = sealed[-1] + 1
        result.baselined = hide.hidden if hide is not None else 0
        if not self.store.spilled:
            result.findings = [d for n in sealed for d in self.store.sealed.get(n)]
            return
        stored = StoredList(self.store.sealed, sealed, total)
        stored.counts, stored.paths, stored.first_by_rule = counts, paths, first if all_read else None
        stored._by_file, stored._by_file_end, stored._files = by_file, by_file_end, result.files
        if idents is not None:
            stored.fragments = Fragments(self.fragment_memo, bytes(idents), texts, self.store.texts, _counts_line)
        result.findings = stored

    def _with_texts(self, groups, hide, batch: int = 500):
        """(path, jobs, ident and owner of the text of a path that is one file's, its stored
        (counts, text) or None) for each of `groups`, looked up `batch` paths a query."""
        from itertools import islice

        groups = iter(groups)
        while chunk := list(islice(groups, batch)):
            pairs = [self._fragment(jobs[0], b"findings", self.late_digests.get(jobs[0], b""))
                     if len(jobs) == 1 and hide is None else None for _, jobs, *_ in chunk]
            known = self.fragment_memo.known([p[:32] for p in pairs if p is not None and p[:32] != _NO_KEY])
            for (path, jobs, *_), pair in zip(chunk, pairs):
                text = known.get(pair[:32]) if pair is not None else None
                yield path, jobs, pair, _split_counts(text) if text is not None else None

    def _seal(self, found: list[Finding], jobs: list[int], hide) -> int:
        """The chunk of `found` in the sealed findings: a file's own chunk when they are it as
        stored (already in order, none hidden: a rerun's), without pickling them again."""
        if self.store.spilled and hide is None and len(jobs) == 1 and getattr(found, "as_stored", False):
            return self.store.sealed.put_ref(self.store.findings.ref(self.findings[jobs[0]]))
        return self.store.sealed.put(found)

    PIECE = 5000  # findings sealed per chunk of a split export's path

    def _sorted_pieces(self, jobs: list[int]):
        """A path's findings in the global sort's order, as lists: one for a file, and for a
        split export its parts' findings each sorted, in pieces of about PIECE, so that a
        100,000-record export's findings are never all in memory. Exact because each part is
        whole records after the one before: when some part's positions reach into another's
        (a finding with no line, say), the path is sorted whole, as it always was."""
        get = self.store.findings.get
        if len(jobs) == 1:
            found = get(self.findings[jobs[0]])
            in_order = sorted(found, key=Finding.sort_key)
            if self.store.spilled and len(in_order) == len(found) and all(map(is_, in_order, found)):
                in_order = _AsStored(in_order)  # sorted as it was stored (see _seal)
            yield in_order
            return
        order = sorted(jobs, key=self.job_part.__getitem__)
        if not self._parts_apart(order):
            found = [d for i in jobs for d in get(self.findings[i])]
            found.sort(key=Finding.sort_key)
            yield found
            return
        piece: list[Finding] = []
        for i in order:
            part = list(get(self.findings[i]))
            part.sort(key=Finding.sort_key)
            piece.extend(part)
            if len(piece) >= self.PIECE:
                yield piece
                piece = []
        if piece:
            yield piece

    def _parts_apart(self, order: list[int]) -> bool:
        """Whether the parts' findings, in part order, each sort wholly after the last's."""
        last = None
        for i in order:
            keys = [Finding.sort_key(d) for d in self.store.findings.get(self.findings[i])]
            if not keys:
                continue
            if last is not None and not last < min(keys):
                return False
            last = max(keys)
        return True


_NO_KEY = bytes(32)


def _counts_line(found) -> str:
    """What a file's findings' stored text starts with: their counts per severity."""
    n = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        n[d.severity] += 1
    return f"{n['error']},{n['warning']},{n['info']}\n"


def _split_counts(text: str):
    """(counts, text) of a stored text that _counts_line began, or None."""
    head, _, body = text.partition("\n")
    try:
        found_counts = tuple(int(n) for n in head.split(","))
    except ValueError:
        return None
    return (found_counts, body) if len(found_counts) == 3 and body else None


class _AsStored(list):
    """A file's findings whose stored chunk holds them in this order."""

    as_stored = True


class _Late:
    """The corpus rules' findings per file, until each file is finalized again. In a spilling
    run they go to the store in batches: a template line that recurs in every article of
    an archive leaves a few numbers per file in memory, not its findings."""

    BATCH = 2000  # findings held before they are written

    def __init__(self, store: RunStore):
        self._chunks = store.late if store.spilled else None
        self._where: dict[int, list[int]] = {}  # file -> its chunks (spilling run)
        self._held: dict[int, list[tuple[int, Finding]]] = {}
        self._count = 0

    def add(self, i: int, item: tuple[int, Finding]) -> None:
        self._held.setdefault(i, []).append(item)
        self._count += 1
        if self._chunks is not None and self._count >= self.BATCH:
            self._write()

    def _write(self) -> None:
        for i, items in self._held.items():
            self._where.setdefault(i, []).append(self._chunks.put(items))
        self._held.clear()
        self._count = 0

    def done(self) -> None:
        if self._chunks is not None:
            self._write()

    def files(self) -> list[int]:
        return sorted(self._where if self._chunks is not None else self._held)

    def pickled(self, i: int) -> bytes:
        """pickle.dumps(self.get(i)): in a spilling run, of a file's one chunk, the chunk as stored."""
        if self._chunks is not None and len(self._where[i]) == 1:
            return self._chunks.get_pickled(self._where[i][0])
        return pickle.dumps(self.get(i), protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, i: int) -> list[tuple[int, Finding]]:
        if self._chunks is None:
            return self._held[i]
        return [item for n in self._where[i] for item in self._chunks.get(n)]


class _Baseline:
    """filter_baseline, a path at a time: the same findings hidden as over the whole sorted list."""

    def __init__(self, path: str):
        import os

        from .baseline import read_baseline

        self.remaining = read_baseline(path)
        self.base = os.path.dirname(os.path.abspath(path))
        self.hidden = 0

    def filter(self, found: list[Finding]) -> list[Finding]:
        from .baseline import _key

        kept = []
        for d in found:
            k = _key(d, self.base)
            if self.remaining.get(k, 0) > 0:
                self.remaining[k] -= 1
                self.hidden += 1
            else:
                kept.append(d)
        return kept
