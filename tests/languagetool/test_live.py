"""The same checks against a real LanguageTool server, when EDLINT_LANGUAGETOOL_URL names one:

    docker run --rm -p 8010:8010 erikvl87/languagetool
    EDLINT_LANGUAGETOOL_URL=http://localhost:8010 .venv/bin/pytest tests/languagetool/test_live.py

A real server may find more than the stand-in, so each test asserts that the
expected findings are among what it reports, at their exact positions.
"""
from __future__ import annotations

import os

import pytest

from .conftest import positions, run_files

URL = os.environ.get("EDLINT_LANGUAGETOOL_URL", "")
pytestmark = [pytest.mark.live, pytest.mark.skipif(
    not URL, reason="set EDLINT_LANGUAGETOOL_URL to a LanguageTool server to run the live checks")]


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
