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
    assert [(n.level, n.message) for n in result.notices] in ([], [("info", (
        f"LanguageTool server {base_url(URL)}: accepts at most {limit} characters per request, so requests "
        f"were cut to that (set [languagetool] max-request-chars = {limit} to save the refused ones)"))])
    for path in files:  # every "a increase" of every document, none lost at a cut
        found = [p for p in positions(result, path) if p[4] == "grammar.en-a-vs-an"]
        assert len(found) == 40 * 4


def test_live_rule_description_and_category_are_kept():
    result = run_files({"a.txt": "The council approved a increase in the budget.\n"}, mode=URL)
    [d] = [d for d in result.diagnostics if d.rule == "grammar.en-a-vs-an"]
    assert d.data["description"] and d.data["lt_category"] == "MISC" and d.data["lt_category_name"]
