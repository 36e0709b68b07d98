"""The language server with a real LanguageTool (CI starts one: EDLINT_LANGUAGETOOL_URL):
grammar comes through the same settings as the CLI, after the other rules' diagnostics,
which it never holds back."""
from __future__ import annotations

import os
import shutil

import pytest

from .conftest import diagnostics_for, open_doc, start

URL = os.environ.get("EDLINT_LANGUAGETOOL_URL", "")
REQUIRED = os.environ.get("EDLINT_LANGUAGETOOL_REQUIRED", "") == "1"


@pytest.fixture(autouse=True)
def live_server():
    if not URL:
        why = ("no LanguageTool server: " + ("java or mvn missing" if not (shutil.which("java") and shutil.which("mvn"))
                                            else "set EDLINT_LANGUAGETOOL_URL (python languagetool/server.py start)"))
        if REQUIRED:
            pytest.fail(f"EDLINT_LANGUAGETOOL_REQUIRED=1 but {why}")
        pytest.skip(why)


async def test_grammar_arrives_after_the_other_rules(client, tmp_path):
    (tmp_path / "edlint.toml").write_text(f'languagetool = "{URL}"\n', encoding="utf-8")
    await start(client, tmp_path, languagetool=True)
    uri = open_doc(client, tmp_path / "s.md", "It was the the end. This is a example of the problem.\n", "markdown")
    first = await diagnostics_for(client, uri, version=1)
    codes = [d.code for d in first.diagnostics]
    assert "typography.repeated-word" in codes
    assert not any(c.startswith("grammar.") for c in codes)  # the fast pass: LanguageTool off
    second = await diagnostics_for(client, uri, version=1, timeout=120)
    grammar = [d for d in second.diagnostics if str(d.code).startswith("grammar.")]
    assert grammar, [d.code for d in second.diagnostics]
    # "a example": the finding lands on the article's own words.
    assert any(d.range.start.character == len("It was the the end. This is ") for d in grammar)
    assert "typography.repeated-word" in [d.code for d in second.diagnostics]
