"""One LanguageTool run: choose the server, send the batched requests, collect findings.

Whatever goes wrong (no server configured, nothing installed, a server that is
down, slow, answering errors or garbage) ends the same way: the findings that
did come back are kept, and one notice names the server and the reason. Never
raises, never downloads, never waits longer than the configured timeouts.
"""
from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..finding import Finding
from ..result import Notice
from . import install as installs
from .batching import Request, Utf16Index, pack, repack, split_prose
from .findings import DEFAULT_SEVERITY, edlint_rule_id, to_finding
from .install import SOURCE
from .prose import Prose
from .settings import LTSettings, lt_rule_id

# LanguageTool's text-level rules that look beyond one paragraph (English ids and their
# equivalents in other languages): in a shared request, another document can set them off.
CROSS_DOCUMENT = re.compile(r"WORD_REPEAT_BEGINNING|PARAGRAPH_REPEAT_BEGINNING|WORD_COHERENCY|REPEATEDWORDS"
                            r"|TOO_OFTEN_USED|^REP_|CONSISTENT_APOS")
# Of those, the ones that look back only a little: a sentence start repeated in the last two
# sentences, a paragraph start repeated from the last paragraph. A match with that much of
# its own document before it, inside its part, was not set off by another document.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})[.!?][\"'”’)\]]*[ \t]+(?=[\"“‘(]?[A-Z])|\n\n")  # strict: misses some, never invents
LOOKS_BACK = ((re.compile(r"WORD_REPEAT_BEGINNING"), _SENTENCE_BREAK, 2),
              (re.compile(r"PARAGRAPH_REPEAT_BEGINNING"), re.compile(r"\n\n"), 1))
MIN_REQUEST = 200  # UTF-16 units: a server whose limit is below this is not worth cutting for


@dataclass
class Outcome:
    findings: list[tuple[int, Finding]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    incomplete: bool = False
    requests: int = 0  # /v2/check requests sent
    server: str = ""


def run(collected: list[tuple[int, Prose | None]], raw_settings: dict | None, language: str,
        severity: dict[str, str] | None = None, default_severity: str = "warning") -> Outcome:
    out = Outcome()
    try:
        settings = LTSettings.from_dict(raw_settings)
    except ValueError as e:
        out.notices.append(Notice("error", f"{e}; grammar checks skipped", SOURCE))
        out.incomplete = True
        return out
    if settings.mode == "off":
        return out
    fail_severity = "error" if settings.require else "warning"
    prose, batches = _batches(collected, settings.max_request_chars)

    url, server, notice = _choose_server(settings, fail_severity)
    if notice is not None:
        out.notices.append(notice)
        out.incomplete = notice.severity != "info"
        return out
    if not batches:  # nothing to check: don't start or ask a server
        return out
    asked = _ask(url, server, settings, language, batches, fail_severity, out)
    if asked is None:
        return out
    results, sender = asked
    out.findings = _all_findings(results, prose, settings, {**DEFAULT_SEVERITY, **(severity or {})}, default_severity)
    missed = {p.doc for _, unanswered in results for r in unanswered for p in r.parts}
    out.notices.extend(_failure_notices(sender, out.server, missed, len(prose), fail_severity))
    out.incomplete = bool(missed)
    return out


def _batches(collected: list[tuple[int, Prose | None]], limit: int):
    """The documents with prose to check ({number: prose}) and their packed requests."""
    prose = {n: p for n, p in collected if p is not None and p.text.strip()}
    return prose, pack([part for n, p in prose.items() for part in split_prose(n, p, limit)], limit)


def _all_findings(results, prose: dict[int, Prose], settings: LTSettings, levels: dict, default_severity: str):
    disabled = {edlint_rule_id(lt_rule_id(r)) for r in settings.disabled_rules}
    disabled_categories = set(settings.disabled_categories)
    rechecked = {p.doc for answered, _ in results for r, m in answered if r.alone for p in r.parts}
    return [found for answered, _ in results for request, matches in answered
            for found in _findings(request, matches, prose, levels, default_severity, disabled,
                                   disabled_categories, rechecked)]


def _ask(url, server, settings: LTSettings, language: str, batches: list[Request], fail_severity: str,
         out: Outcome):
    """Send every batch (and the documents to ask again alone): (results, sender), or None
    when a local server would not start (`out` then says why)."""
    from .client import Client, ServerFailure
    client = None
    try:
        if server is not None:
            try:
                url = server.start(settings.start_timeout)
            except ServerFailure as e:
                out.notices.append(Notice(fail_severity, (
                    f"LanguageTool (local, {server.install.jar}): {e}; grammar checks skipped"), SOURCE))
                out.incomplete = True
                return None
        client = Client(url, timeout=settings.timeout, retries=settings.retries)
        out.server = client.url
        params = settings.request_params(language)
        sender = _Sender(client, params, settings.max_request_chars, wait=settings.timeout)
        results = _send_all(sender, batches, settings.max_concurrency)
        results += _recheck_alone(sender, results, params, settings.max_concurrency)
        out.requests = client.requests_made
        return results, sender
    finally:
        if client is not None:
            client.close()
        if server is not None:
            server.close()


def _failure_notices(sender: "_Sender", server: str, missed: set[int], documents: int, fail_severity: str):
    if sender.failures:
        said = "; then ".join(sender.failures[:3])
        if missed:
            what = (f"grammar findings are missing for {len(missed)} of {documents} "
                    f"document{'s' if documents != 1 else ''}")
        else:
            what = "it answered again and every document was checked"
        yield Notice(fail_severity if missed else "warning", f"LanguageTool server {server}: {said}; {what}", SOURCE)
    if sender.cut_to:
        yield Notice("info", (
            f"LanguageTool server {server}: accepts at most {sender.cut_to} characters per request, "
            f"so requests were cut to that (set [languagetool] max-request-chars = {sender.cut_to} "
            "to save the refused ones)"), SOURCE)


def _choose_server(settings: LTSettings, fail_severity: str):
    """(URL, None, None) for a configured server, (None, LocalServer, None) for a local
    installation, or (None, None, the notice saying why grammar is skipped)."""
    if settings.server_url:
        return settings.server_url, None, None
    install, reason = installs.find_install()
    if install is not None:
        from .local import LocalServer
        return None, LocalServer(install), None
    if settings.mode == "local" or settings.require:
        return None, None, Notice(fail_severity, (
            f"LanguageTool: {reason}; grammar checks skipped "
            "(install it with `edlint languagetool download`, or set languagetool = URL)"), SOURCE)
    return None, None, installs.nothing_to_ask()


class _Sender:
    """Sends the batches, in parallel, and keeps what came back.

    A request the server refuses as too large (413) is cut to the limit the
    server named and sent again; every later request is cut to it before it
    goes. A server that went away (killed, restarting, overloaded) is waited
    for, up to the timeout: if it answers again the failed request is sent once
    more and the run goes on; if not, nothing more is sent. A slow server or
    one answering garbage stops the rest at once: it would do the same again."""

    def __init__(self, client, params: dict, limit: int, wait: float):
        self.client, self.params, self.limit, self.wait = client, params, limit, wait
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.recovered = False
        self.cut_to = 0  # the smaller request size a 413 asked for
        self._lock = threading.Lock()
        self._recovery = threading.Lock()
        self._last_up = 0.0

    def send(self, batch: Request) -> tuple[list[tuple[Request, list[dict]]], list[Request]]:
        """(requests answered with their matches, requests that got no answer)."""
        from .client import TRANSIENT, ServerFailure

        todo = [batch] if batch.size <= self.limit else repack(batch, self.limit)
        done: list[tuple[Request, list[dict]]] = []
        resent = False
        while todo:
            if self.stop.is_set():
                return done, todo
            request = todo[0]
            try:
                done.append((request, self.client.check(request.text, self.params)))
                todo.pop(0)
                continue
            except ServerFailure as e:
                failure = e
            except Exception as e:  # whatever else the HTTP stack raises, it is the same outcome
                failure = ServerFailure(f"request failed ({type(e).__name__}: {e})")
            if failure.kind == "too-large" and MIN_REQUEST < (failure.limit or request.size // 2) < request.size:
                with self._lock:
                    self.limit = self.cut_to = min(self.limit, failure.limit or request.size // 2)
                todo[:1] = repack(request, self.limit)
                continue
            self._fail(str(failure))
            if failure.kind in TRANSIENT and not resent and self._server_back():
                resent = True  # once: a text that brings the server down must not do it again and again
                continue
            self.stop.set()
            return done, todo
        return done, []

    def _fail(self, reason: str) -> None:
        with self._lock:
            if reason not in self.failures:
                self.failures.append(reason)

    def _server_back(self) -> bool:
        """Wait (one thread at a time) until the server answers again, up to `wait` seconds."""
        from .client import ServerFailure

        with self._recovery:
            if time.monotonic() - self._last_up < 1.0:
                return True  # another thread has just seen it answer
            deadline = time.monotonic() + self.wait
            while not self.stop.is_set():
                try:
                    self.client.languages(retries=0)
                    self._last_up = time.monotonic()
                    self.recovered = True
                    return True
                except ServerFailure:
                    if time.monotonic() + 0.5 > deadline:
                        break
                    time.sleep(0.5)
            self.stop.set()  # before the lock is released: no other thread waits all over again
            return False


def _send_all(sender: _Sender, batches: list[Request], concurrency: int):
    """Per batch: (requests answered with their matches, requests that got no answer)."""
    if len(batches) == 1 or concurrency <= 1:
        return [sender.send(b) for b in batches]
    pool = ThreadPoolExecutor(max_workers=min(concurrency, len(batches)), thread_name_prefix="edlint-lt")
    try:
        results = list(pool.map(sender.send, batches))
    except BaseException:  # Ctrl-C: don't start what is queued
        sender.stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results


def _recheck_alone(sender: _Sender, results, params: dict, concurrency: int = 1):
    """LanguageTool's text-level rules (a sentence start repeated three times, a word spelt
    two ways ...) look across paragraphs, so in a request shared by several documents one
    document can set them off in another. A document with such a match is checked again
    alone, and for those rules that answer replaces the shared one."""
    suspects = _suspects(results)
    if not suspects or sender.stop.is_set():
        return []
    # The run's own parameters, not `enabledOnly` with these rules: LanguageTool keeps one
    # pipeline per set of parameters, and building another costs more than this check.
    again = _Sender(sender.client, params, sender.limit, sender.wait)
    out = _send_all(again, _alone_requests(results, suspects, sender.limit), concurrency)
    for reason in again.failures:
        sender._fail(reason)
    return out


def _suspects(results) -> set[int]:
    """The documents with a text-level match that another document in its request may have set off."""
    suspects: set[int] = set()
    for answered, _ in results:
        for request, matches in answered:
            if len({p.doc for p in request.parts}) < 2:
                continue
            index = Utf16Index(request.text)
            for m in matches:
                rule = m["rule"]["id"]
                if not CROSS_DOCUMENT.search(rule):
                    continue
                start = index.to_index(m["offset"])
                located = request.locate(start, index.to_index(m["offset"] + m["length"]))
                if located is not None and located[0].doc not in suspects and \
                        _may_come_from_another(request, located[0], start, rule):
                    suspects.add(located[0].doc)
    return suspects


def _may_come_from_another(request: Request, part, start: int, rule: str) -> bool:
    """Could a match at `start` (in `request.text`, inside `part`) owe anything to another document?"""
    i = request.parts.index(part)
    before = request.parts[i - 1] if i > 0 else None
    for looks_back, breaks, needed in LOOKS_BACK:
        if looks_back.search(rule):
            if before is None or before.doc == part.doc:
                return False  # what it looks back at is this document's own text
            own = request.text[request.starts[i]:start + 1]  # with the match's first letter: a break's lookahead
            return sum(1 for _ in breaks.finditer(own)) < needed
    return True  # a rule that looks at the whole text


def _alone_requests(results, suspects: set[int], limit: int) -> list[Request]:
    parts: dict[int, list] = {}
    for answered, unanswered in results:
        for request in [r for r, _ in answered] + unanswered:
            for part in request.parts:
                if part.doc in suspects:
                    parts.setdefault(part.doc, []).append(part)
    alone = []
    for doc in sorted(parts):
        for r in pack(sorted(parts[doc], key=lambda p: p.offset), limit):
            r.alone = True
            alone.append(r)
    return alone


def _findings(batch: Request, matches: list[dict], prose: dict[int, Prose], levels, default_severity,
              disabled, disabled_categories, rechecked=frozenset()):
    index = Utf16Index(batch.text)
    for m in matches:
        rule = m["rule"]
        if not batch.alone and CROSS_DOCUMENT.search(rule["id"]) and \
                any(p.doc in rechecked for p in batch.parts):
            located = batch.locate(index.to_index(m["offset"]), index.to_index(m["offset"] + m["length"]))
            if located is not None and located[0].doc in rechecked:
                continue  # the answer for that document alone counts
        category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
        if edlint_rule_id(rule["id"]) in disabled or category.get("id") in disabled_categories:
            continue
        start = index.to_index(m["offset"])
        end = index.to_index(m["offset"] + m["length"])
        located = batch.locate(start, end)
        if located is None:
            continue
        part, a, b = located
        span = prose[part.doc].to_source(a, b)
        if span is None:
            continue
        yield part.doc, to_finding(m, span, levels, default_severity)
