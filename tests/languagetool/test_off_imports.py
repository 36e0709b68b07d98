"""With LanguageTool off, a check never loads its client modules (cold start)."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import modules_after_check

CLIENT = ("lint.languagetool.service", "lint.languagetool.batching", "lint.languagetool.client",
          "concurrent.futures.thread")


def _loaded_after(tmp_path, *args: str) -> dict:
    return modules_after_check(tmp_path, "a.md", "# Bridge vote\n\nThe council met on Monday. It voted to repair the bridge.\n",
                               CLIENT, "--jobs", "1", *args)


def test_languagetool_off_loads_no_client_module(tmp_path):
    assert _loaded_after(tmp_path, "--languagetool", "off") == {m: False for m in CLIENT}


def test_a_bad_setting_is_still_reported_when_off(tmp_path):
    # The shortcut must not hide what service.run says about unusable settings.
    (tmp_path / "edlint.toml").write_text('[languagetool]\nmode = "off"\nno-such-setting = 1\n')
    (tmp_path / "a.md").write_text("The council met on Monday.\n")
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "a.md"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = proc.stdout + proc.stderr
    assert "no-such-setting" in out
