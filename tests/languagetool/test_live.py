"""The same checks against a real LanguageTool server, when EDLINT_LANGUAGETOOL_URL names one.
CI (.ci/run) starts LanguageTool 6.7 from Maven and sets it; by hand:

    export EDLINT_LANGUAGETOOL_URL=$(.venv/bin/python languagetool/server.py start)
    .venv/bin/pytest tests/languagetool/test_live.py
    .venv/bin/python languagetool/server.py stop

A real server may find more than the stand-in, so each test asserts that the
expected findings are among what it reports, at their exact positions. With
EDLINT_LANGUAGETOOL_REQUIRED=1 (set by .ci/run) a missing server fails these
tests instead of skipping them.
"""
from __future__ import annotations

import os
import shutil

import pytest

from .conftest import positions, run_files

URL = os.environ.get("EDLINT_LANGUAGETOOL_URL", "")
REQUIRED = os.environ.get("EDLINT_LANGUAGETOOL_REQUIRED", "") == "1"


def _why_not() -> str:
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return f"no LanguageTool server: {' and '.join(missing)} not on PATH (languagetool/server.py needs both)"
    return ("no LanguageTool server: set EDLINT_LANGUAGETOOL_URL (`python languagetool/server.py start` "
            "prints one)")


@pytest.fixture(autouse=True)
def live_server():
    if not URL:
        if REQUIRED:
            pytest.fail(f"EDLINT_LANGUAGETOOL_REQUIRED=1 but {_why_not()}")
        pytest.skip(_why_not())
    return URL


pytestmark = pytest.mark.live


def test_live_plain_text():
    text = "City council votes\n\nThe council approved a increase in the budget.\nThey said the the vote was close.\n"
    result = run_files({"vote.txt": text}, mode=URL)
    assert result.notices == [] and result.incomplete == []
    found = positions(result)
    assert (3, 22, 3, 23, "grammar.en-a-vs-an") in found
    # LanguageTool marks both words or the second one, depending on the version.
    assert [f[1] for f in found if f[0] == 4 and f[4] == "grammar.english-word-repeat-rule"] in ([11], [15])


def test_live_non_bmp_offsets():
    text = "Fans cheered 😀🎉 and then a owl landed.\n"
    found = positions(run_files({"birds.txt": text}, mode=URL))
    assert (1, 26, 1, 27, "grammar.en-a-vs-an") in found


def test_live_markdown_code_is_masked():
    text = "# Vote\n\nRun `a apt-get` before the *vote*, said a official.\n"
    found = positions(run_files({"vote.md": text}, mode=URL))
    assert (3, 41, 3, 42, "grammar.en-a-vs-an") in found
    assert not [f for f in found if f[0] == 3 and 5 <= f[1] < 16]  # nothing inside the code span


def test_live_spelling_merges_with_edlint_spelling():
    text = "They will recieve the report.\n"
    result = run_files({"a.txt": text}, select=("grammar", "spelling"), mode=URL)
    assert [p for p in positions(result) if p[:2] == (1, 11)] == [(1, 11, 1, 18, "spelling.misspelling")]


def test_live_requests_are_cut_to_the_real_servers_limit():
    # The server's maxTextLength (lint/languagetool/local.py: 50,000) is below the requests asked for.
    from lint.languagetool.client import base_url
    from lint.languagetool.local import SERVER_CONFIG

    limit = SERVER_CONFIG["maxTextLength"]
    paragraph = "The committee met on Tuesday and approved a increase in the budget for the park. " * 4
    files = {f"{i}.txt": f"Budget story {i}\n\n" + "\n\n".join([paragraph] * 40) + "\n" for i in range(5)}
    assert sum(map(len, files.values())) > limit
    result = run_files(files, mode=URL, max_request_chars=limit * 3, timeout=120)
    assert result.incomplete == []
    # languagetool/server.py's server refuses the first request and names its limit; a server
    # started otherwise may have a larger limit or none.
    assert [(n.severity, n.message) for n in result.notices] in ([], [("info", (
        f"LanguageTool server {base_url(URL)}: accepts at most {limit} characters per request, so requests "
        f"were cut to that (set [languagetool] max-request-chars = {limit} to save the refused ones)"))])
    for path in files:  # every "a increase" of every document, none lost at a cut
        found = [p for p in positions(result, path) if p[4] == "grammar.en-a-vs-an"]
        assert len(found) == 40 * 4


def test_live_rule_description_and_category_are_kept():
    result = run_files({"a.txt": "The council approved a increase in the budget.\n"}, mode=URL)
    [d] = [d for d in result.findings if d.rule == "grammar.en-a-vs-an"]
    assert d.data["description"] and d.data["lt_category"] == "MISC" and d.data["lt_category_name"]


def _maven_install(monkeypatch):
    """The Maven install languagetool/server.py made (CI's), for a server of this test's own."""
    from pathlib import Path

    from lint.languagetool.local import find_install

    monkeypatch.setenv("LTP_PATH", str(Path(__file__).resolve().parents[2] / "languagetool" / ".cache"))
    install, reason = find_install()
    if install is None or not install.classpath:
        if REQUIRED:
            pytest.fail(f"no Maven install of LanguageTool for a second server ({reason})")
        pytest.skip(f"no Maven install of LanguageTool (languagetool/server.py start makes one): {reason}")
    return install


def _start(install, port: int, tmp_path):
    """A real LanguageTool on `port`, answering and warm."""
    import subprocess
    import time

    from lint.languagetool.client import Client, ServerFailure
    from lint.languagetool.local import server_command, write_server_config

    config = write_server_config(tmp_path / f"server-{port}.properties")
    process = subprocess.Popen(server_command(install, port, config), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = Client(f"http://127.0.0.1:{port}", timeout=5, retries=0)
    deadline = time.monotonic() + 300
    try:
        while True:
            assert process.poll() is None, "LanguageTool exited at start-up"
            try:
                client.languages()
                break
            except ServerFailure:
                assert time.monotonic() < deadline, "LanguageTool did not start within 300 s"
                time.sleep(0.5)
    finally:
        client.close()
    return process


def test_live_server_killed_restarted_then_killed_for_good(monkeypatch, tmp_path):
    import threading

    from lint.languagetool import client as client_module
    from lint.languagetool.local import _free_port

    install = _maven_install(monkeypatch)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    processes = [_start(install, port, tmp_path)]
    original = client_module.Client.check
    plan = {"calls": 0, "restart": True, "threads": []}

    def check(self, text, params):
        plan["calls"] += 1
        if plan["calls"] == 3:  # the third request finds the server killed
            processes[-1].kill()
            processes[-1].wait()
            if plan["restart"]:
                t = threading.Thread(target=lambda: processes.append(_start(install, port, tmp_path)))
                t.start()
                plan["threads"].append(t)
        return original(self, text, params)

    monkeypatch.setattr(client_module.Client, "check", check)
    text = "The council approved a increase in the budget.\n"
    files = {f"{i}.txt": text for i in range(6)}
    try:
        # Restarted: waited for (up to the timeout), the lost request sent again, the rest checked.
        result = run_files(files, mode=url, max_request_chars=60, max_concurrency=1, timeout=240)
        for t in plan["threads"]:
            t.join()
        [notice] = result.notices
        assert notice.severity == "warning" and notice.message.endswith(
            "; it answered again and every document was checked"), notice.message
        assert result.incomplete == []
        assert all((1, 22, 1, 23, "grammar.en-a-vs-an") in positions(result, path) for path in files)

        # Killed for good: one warning, what came back before is kept, the run is incomplete.
        plan.update(calls=0, restart=False)
        result = run_files(files, mode=url, max_request_chars=60, max_concurrency=1, timeout=3)
        assert [(n.severity, n.message) for n in result.notices] == [(
            "warning", f"LanguageTool server {url}/v2: not reachable (connection refused); "
                       "grammar findings are missing for 4 of 6 documents")]
        assert result.incomplete == ["languagetool"]
        assert [p for p in files if positions(result, p)] == ["0.txt", "1.txt"]
    finally:
        for t in plan["threads"]:
            t.join()
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()
