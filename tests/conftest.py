"""Test-wide isolation: a LanguageTool installed on the machine running the tests must
not change what the engine tests see (a local server would add grammar findings)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_languagetool_from_the_machine(monkeypatch, tmp_path_factory):
    for name in ("LTP_JAR_DIR_PATH", "EDLINT_LANGUAGETOOL", "EDLINT_LANGUAGETOOL_URL"):
        if name != "EDLINT_LANGUAGETOOL_URL":
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path_factory.mktemp("no-languagetool")))
