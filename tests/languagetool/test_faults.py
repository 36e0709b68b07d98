"""Faults of a server in the middle of a run: a deadline for every request, no redirect
followed, a killed or restarted server, 503 under load, a limit smaller than the requests.
Each ends in at most one warning that says what happened; the other rules' findings stay."""
from __future__ import annotations

import time

from .conftest import positions, run_files
from .fake_server import FakeLanguageTool

TEXT = "It was the the end of a era.\n"
SELECT = ("grammar", "typography.repeated-word")
GRAMMAR = [(1, 8, 1, 15, "grammar.english-word-repeat-rule"), (1, 23, 1, 24, "grammar.en-a-vs-an")]
TYPOGRAPHY = (1, 8, 1, 15, "typography.repeated-word")
# With typography selected, LanguageTool's repeated word is merged into edlint's own finding.
BOTH = [TYPOGRAPHY, (1, 23, 1, 24, "grammar.en-a-vs-an")]
SIX = {f"{i}.txt": TEXT for i in range(6)}


def lt_notices(result):
    return [(n.severity, n.message) for n in result.notices if n.source == "languagetool"]


def grammar_found(result):
    return sorted({d.path for d in result.findings if d.rule.startswith("grammar.")})


def test_a_trickling_server_is_cut_off_at_the_deadline():
    # One byte every 0.2 s: no single read waits a second, the whole answer would take minutes.
    with FakeLanguageTool("trickle", delay=0.2) as lt:
        t0 = time.monotonic()
        result = run_files({"a.txt": TEXT}, select=SELECT, mode=lt.url, timeout=1.0, retries=2)
        elapsed = time.monotonic() - t0
    assert elapsed < 6.0  # the deadline (1 s), not the trickle (minutes); generous for a loaded machine
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: timed out: no complete "
                                              "answer within 1 s; grammar findings are missing for 1 of 1 document")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == [TYPOGRAPHY]


def test_a_redirect_is_not_followed():
    with FakeLanguageTool() as elsewhere, FakeLanguageTool("redirect", redirect_to=elsewhere.url) as lt:
        result = run_files({"a.txt": TEXT}, select=SELECT, mode=lt.url, retries=2)
        assert elsewhere.checks == []  # the article never reached the other host
        assert len(lt.checks) == 1  # and a redirect is not retried
    assert lt_notices(result) == [(
        "warning", f"LanguageTool server {lt.url}/v2: answered HTTP 307, a redirect to {elsewhere.url}/v2/check, "
                   "which edlint does not follow (it would send the text elsewhere); configure the server's "
                   "own URL; grammar findings are missing for 1 of 1 document")]
    assert positions(result) == [TYPOGRAPHY]


def test_a_server_killed_in_the_middle_of_a_run():
    with FakeLanguageTool(die_after=2) as lt:
        result = run_files(SIX, select=SELECT, mode=lt.url, max_request_chars=40, max_concurrency=1,
                           timeout=1.0)
        assert lt.deaths == 1
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: not reachable (connection "
                                              "refused); grammar findings are missing for 4 of 6 documents")]
    assert result.incomplete == ["languagetool"]
    assert grammar_found(result) == ["0.txt", "1.txt"]  # what came back before it died is kept
    assert positions(result, "0.txt") == BOTH
    assert positions(result, "5.txt") == [TYPOGRAPHY]  # the other rules ran on every document


def test_a_restarted_server_gets_the_rest_of_the_run():
    with FakeLanguageTool(die_after=2, restart_after=0.6) as lt:
        result = run_files(SIX, select=SELECT, mode=lt.url, max_request_chars=40, max_concurrency=2,
                           timeout=5.0)
        assert lt.deaths == 1
    [(severity, message)] = lt_notices(result)
    assert severity == "warning"
    assert message.startswith(f"LanguageTool server {lt.url}/v2: ")
    assert message.endswith("; it answered again and every document was checked")
    assert result.incomplete == []
    assert grammar_found(result) == sorted(SIX)
    assert all(positions(result, path) == BOTH for path in SIX)


def test_a_server_busy_for_a_while_is_waited_for():
    with FakeLanguageTool("busy", busy=2) as lt:
        result = run_files({"a.txt": TEXT}, mode=lt.url, retries=1)
        assert len(lt.checks) == 3  # 503, 503 (the retry), then sent again once the server answered
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: HTTP 503: Error: Server "
                                              "overloaded, please try again later; it answered again and every "
                                              "document was checked")]
    assert result.incomplete == [] and positions(result) == GRAMMAR


def test_a_server_that_stays_busy_is_one_warning():
    with FakeLanguageTool("busy", busy=1000) as lt:
        result = run_files(SIX, select=SELECT, mode=lt.url, max_request_chars=40, max_concurrency=1, retries=1)
        assert len(lt.checks) == 4  # a try and its retry; the same once the server answered again; no more
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: HTTP 503: Error: Server "
                                              "overloaded, please try again later; grammar findings are missing "
                                              "for 6 of 6 documents")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == [TYPOGRAPHY] * 6


def test_requests_are_cut_to_the_limit_the_server_names():
    paragraph = "The mayor said the the plan was fine and a error was made. "
    files = {f"{i}.txt": f"Story {i}\n\n" + "\n\n".join([paragraph * 2] * (i + 1)) + "\n" for i in range(5)}
    files["long.txt"] = paragraph * 12 + "\n"  # one paragraph over the limit: cut at sentence ends
    with FakeLanguageTool() as unlimited:
        expected = positions(run_files(files, mode=unlimited.url, max_request_chars=100000))
    with FakeLanguageTool(max_text_length=300) as lt:
        result = run_files(files, mode=lt.url, max_request_chars=100000, max_concurrency=2)
        sizes = [len(c["text"]) for c in lt.checks]
    assert sizes[0] > 300 and all(n <= 300 for n in sizes[1:])  # one refusal, then all within the limit
    assert positions(result) == expected and len(expected) == 2 * 2 * (1 + 2 + 3 + 4 + 5) + 2 * 12
    assert result.incomplete == []
    assert lt_notices(result) == [("info", f"LanguageTool server {lt.url}/v2: accepts at most 300 characters "
                                           "per request, so requests were cut to that (set [languagetool] "
                                           "max-request-chars = 300 to save the refused ones)")]
