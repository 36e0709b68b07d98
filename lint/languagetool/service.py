"""One LanguageTool run: choose the server, send the batched requests, collect findings.

Whatever goes wrong (no server configured, nothing installed, a server that is
down, slow, answering errors or garbage) ends the same way: the findings that
did come back are kept, and one notice names the server and the reason. Never
raises, never downloads, never waits longer than the configured timeouts.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..diagnostic import Diagnostic
from ..result import Notice
from .batching import Request, Utf16Index, pack, split_prose
from .findings import DEFAULT_SEVERITY, edlint_rule_id, to_diagnostic
from .prose import Prose
from .settings import LTSettings, lt_rule_id

SOURCE = "languagetool"


@dataclass
class Outcome:
    findings: list[tuple[int, Diagnostic]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    incomplete: bool = False
    requests: int = 0  # /v2/check requests sent
    server: str = ""


def run(collected: list[tuple[int, Prose | None]], raw_settings: dict | None, language: str,
        severity: dict[str, str] | None = None, default_level: str = "warning") -> Outcome:
    out = Outcome()
    try:
        settings = LTSettings.from_dict(raw_settings)
    except ValueError as e:
        out.notices.append(Notice("error", f"{e}; grammar checks skipped", SOURCE))
        out.incomplete = True
        return out
    if settings.mode == "off":
        return out
    fail_level = "error" if settings.require else "warning"
    docs = [(n, p) for n, p in collected if p is not None and p.text.strip()]
    prose = dict(docs)
    parts = [part for n, p in docs for part in split_prose(n, p, settings.max_request_chars)]
    batches = pack(parts, settings.max_request_chars)

    url, server, notice = _choose_server(settings, fail_level)
    if notice is not None:
        out.notices.append(notice)
        out.incomplete = notice.level != "info"
        return out
    if not batches:  # nothing to check: don't start or ask a server
        return out

    from .client import Client, ServerFailure
    client = None
    try:
        if server is not None:
            try:
                url = server.start(settings.start_timeout)
            except ServerFailure as e:
                out.notices.append(Notice(fail_level, (
                    f"LanguageTool (local, {server.install.jar}): {e}; grammar checks skipped"), SOURCE))
                out.incomplete = True
                return out
        client = Client(url, timeout=settings.timeout, retries=settings.retries)
        out.server = client.url
        results, failure = _send_all(client, batches, settings.request_params(language),
                                     settings.max_concurrency)
        out.requests = client.requests_made
    finally:
        if client is not None:
            client.close()
        if server is not None:
            server.close()

    levels = {**DEFAULT_SEVERITY, **(severity or {})}
    disabled = {edlint_rule_id(lt_rule_id(r)) for r in settings.disabled_rules}
    disabled_categories = set(settings.disabled_categories)
    for batch, matches in zip(batches, results):
        if matches:
            out.findings.extend(_findings(batch, matches, prose, levels, default_level,
                                          disabled, disabled_categories))
    if failure:
        missed = {p.doc for b, r in zip(batches, results) if r is None for p in b.parts}
        out.notices.append(Notice(fail_level, (
            f"LanguageTool server {out.server}: {failure}; grammar findings are missing "
            f"for {len(missed)} of {len(prose)} document{'s' if len(prose) != 1 else ''}"), SOURCE))
        out.incomplete = True
    return out


def _choose_server(settings: LTSettings, fail_level: str):
    """(URL, None, None) for a configured server, (None, LocalServer, None) for a local
    installation, or (None, None, the notice saying why grammar is skipped)."""
    if settings.server_url:
        return settings.server_url, None, None
    from .local import LocalServer, find_install

    install, reason = find_install()
    if install is not None:
        return None, LocalServer(install), None
    if settings.mode == "local" or settings.require:
        return None, None, Notice(fail_level, (
            f"LanguageTool: {reason}; grammar checks skipped "
            "(install it with `edlint languagetool download`, or set languagetool = URL)"), SOURCE)
    return None, None, Notice("info", (
        "LanguageTool: no server configured and none installed; grammar checks skipped "
        "(set languagetool = \"http://host:8081\" or run `edlint languagetool download`)"), SOURCE)


def _send_all(client, batches: list[Request], params: dict, concurrency: int):
    """Results in batch order (None where the request failed or was never sent) and the
    first failure. The first failure stops the rest: a down or slow server is not asked again."""
    from .client import ServerFailure
    stop = threading.Event()
    failures: list[str] = []

    def send(batch: Request):
        if stop.is_set():
            return None
        try:
            return client.check(batch.text, params)
        except ServerFailure as e:
            failures.append(str(e))
        except Exception as e:  # whatever else the HTTP stack raises, it is the same outcome
            failures.append(f"request failed ({type(e).__name__}: {e})")
        stop.set()
        return None

    if len(batches) == 1 or concurrency <= 1:
        results = [send(b) for b in batches]
    else:
        pool = ThreadPoolExecutor(max_workers=min(concurrency, len(batches)), thread_name_prefix="edlint-lt")
        try:
            results = list(pool.map(send, batches))
        except BaseException:  # Ctrl-C: don't start what is queued
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    return results, (failures[0] if failures else None)


def _findings(batch: Request, matches: list[dict], prose: dict[int, Prose], levels, default_level,
              disabled, disabled_categories):
    index = Utf16Index(batch.text)
    for m in matches:
        rule = m["rule"]
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
        yield part.doc, to_diagnostic(m, span, levels, default_level)
