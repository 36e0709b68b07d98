"""A server that is down, slow, erroring or not LanguageTool at all: one warning naming
it, the other rules' findings still reported, the run marked incomplete."""
from __future__ import annotations

import pytest

from .conftest import positions, run_files
from .fake_server import FakeLanguageTool, closed_port_url

TEXT = "It was the the end of a era.\n"
OTHER = [(1, 8, 1, 15, "typography.repeated-word")]  # found without LanguageTool


def lt_notices(result):
    return [(n.severity, n.message) for n in result.notices if n.source == "languagetool"]


def test_server_down():
    url = closed_port_url()
    result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"), mode=url)
    assert lt_notices(result) == [("warning", f"LanguageTool server {url}/v2: not reachable (connection "
                                              "refused); grammar findings are missing for 1 of 1 document")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == OTHER


def test_server_too_slow_gives_up_after_the_timeout():
    with FakeLanguageTool("slow", delay=3.0) as lt:
        result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"),
                           mode=lt.url, timeout=0.3, retries=2)
        # A read timeout is not retried: the user waits one timeout, not three.
        assert len(lt.checks) == 1
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: timed out: no complete answer "
                                              "within 0.3 s; "
                                              "grammar findings are missing for 1 of 1 document")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == OTHER


def test_server_error_is_retried_then_reported():
    with FakeLanguageTool("error") as lt:
        result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"),
                           mode=lt.url, retries=2)
        assert len(lt.checks) == 3
    assert lt_notices(result) == [(
        "warning", f"LanguageTool server {lt.url}/v2: HTTP 500: Error: Internal Error: "
                   "java.lang.NullPointerException; grammar findings are missing for 1 of 1 document")]
    assert positions(result) == OTHER


def test_one_failed_answer_then_success_is_not_a_failure():
    with FakeLanguageTool("flaky") as lt:
        result = run_files({"a.txt": TEXT}, mode=lt.url, retries=1)
        assert len(lt.checks) == 2
    assert lt_notices(result) == [] and result.incomplete == []
    assert positions(result) == [(1, 8, 1, 15, "grammar.english-word-repeat-rule"),
                                 (1, 23, 1, 24, "grammar.en-a-vs-an")]


@pytest.mark.parametrize("behaviour, reason", [
    ("garbage", "answered with something that is not JSON; is this a LanguageTool server?"),
    ("no-matches", "answered with JSON that has no 'matches' list; is this a LanguageTool server?"),
])
def test_server_answering_garbage(behaviour, reason):
    with FakeLanguageTool(behaviour) as lt:
        result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"), mode=lt.url)
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: {reason}; "
                                              "grammar findings are missing for 1 of 1 document")]
    assert positions(result) == OTHER


def test_first_failure_stops_the_rest_and_is_reported_once():
    with FakeLanguageTool("error") as lt:
        files = {f"{i}.txt": TEXT for i in range(6)}
        result = run_files(files, mode=lt.url, retries=0, max_request_chars=40, max_concurrency=1)
        assert len(lt.checks) == 1  # six requests were due; the first failure ends it
    assert len(lt_notices(result)) == 1
    assert lt_notices(result)[0][1].endswith("grammar findings are missing for 6 of 6 documents")


def test_require_makes_it_an_error():
    url = closed_port_url()
    result = run_files({"a.txt": TEXT}, mode=url, require=True)
    assert [level for level, _ in lt_notices(result)] == ["error"]
    assert result.incomplete == ["languagetool"]


def test_auto_with_nothing_configured_or_installed_is_one_info_line(tmp_path):
    result = run_files({"a.txt": TEXT, "b.txt": TEXT}, select=("grammar", "typography.repeated-word"))
    assert lt_notices(result) == [(
        "info", "LanguageTool: no server configured and none installed; grammar checks skipped "
                "(set languagetool = \"http://host:8081\" or run `edlint languagetool download`)")]
    assert result.incomplete == []
    assert positions(result) == OTHER + OTHER
    assert not (tmp_path / "no-languagetool-here").exists()  # looking never creates LTP_PATH


def test_local_mode_without_an_installation(tmp_path):
    result = run_files({"a.txt": TEXT}, mode="local")
    assert lt_notices(result) == [(
        "warning", f"LanguageTool: no LanguageTool installation in {tmp_path / 'no-languagetool-here'}; "
                   "grammar checks skipped (install it with `edlint languagetool download`, "
                   "or set languagetool = URL)")]
    assert result.incomplete == ["languagetool"]


def test_off_sends_nothing_and_says_nothing(lt):
    result = run_files({"a.txt": TEXT}, mode="off", url=lt.url)
    assert lt.checks == [] and result.notices == [] and result.findings == []


def test_unusable_settings_are_a_config_error_before_anything_is_sent(lt):
    from lint.errors import ConfigError

    with pytest.raises(ConfigError, match="key 'languagetool.level' must be one of default, picky, not 'pedantic'"):
        run_files({"a.txt": TEXT}, mode=lt.url, level="pedantic")
    assert lt.checks == []


def test_auto_with_nothing_available_and_require_is_an_error():
    result = run_files({"a.txt": TEXT}, require=True)
    assert [level for level, _ in lt_notices(result)] == ["error"]
    assert result.incomplete == ["languagetool"]


def test_an_unexpected_error_becomes_a_notice(monkeypatch):
    from lint.languagetool import service

    def broken(*args, **kwargs):
        raise PermissionError("cannot look at /root")

    monkeypatch.setattr(service, "run", broken)
    # A server to ask, so that the run reaches service.run (never this address: run is broken).
    result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"), mode="http://127.0.0.1:9")
    assert lt_notices(result) == [("warning", "LanguageTool: unexpected error (PermissionError: cannot look "
                                              "at /root); grammar checks skipped")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == OTHER


def test_an_install_that_cannot_be_looked_for_becomes_a_notice(monkeypatch):
    from lint.languagetool import install

    def unreadable():
        raise PermissionError("cannot look at /root")

    monkeypatch.setattr(install, "find_install", unreadable)
    result = run_files({"a.txt": TEXT}, select=("grammar", "typography.repeated-word"))
    assert lt_notices(result) == [("warning", "LanguageTool: unexpected error (PermissionError: cannot look "
                                              "at /root); grammar checks skipped")]
    assert result.incomplete == ["languagetool"]
    assert positions(result) == OTHER



def test_requests_larger_than_the_server_accepts():
    with FakeLanguageTool(max_text_length=20) as lt:
        result = run_files({"a.txt": TEXT}, mode=lt.url, max_request_chars=1000)
    assert lt_notices(result) == [("warning", f"LanguageTool server {lt.url}/v2: HTTP 413: Error: Your text "
                                              "exceeds the limit of 20 characters (lower [languagetool] "
                                              "max-request-chars to the server's maxTextLength); grammar "
                                              "findings are missing for 1 of 1 document")]
