"""With LanguageTool off, a check never loads its client modules (cold start)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CLIENT = ("lint.languagetool.service", "lint.languagetool.batching", "lint.languagetool.client",
          "concurrent.futures.thread")


def _loaded_after(tmp_path, *args: str) -> dict:
    (tmp_path / "a.md").write_text("# Bridge vote\n\nThe council met on Monday. It voted to repair the bridge.\n")
    code = textwrap.dedent(f"""
        import json, sys
        from lint.cli import main
        try:
            main(["check", "--fail-on", "never", "-q", "--jobs", "1", *{list(args)!r}, "a.md"])
        except SystemExit:
            pass
        print(json.dumps({{m: m in sys.modules for m in {CLIENT!r}}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


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
