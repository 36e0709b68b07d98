"""The language server's start-up aids: the engine warmed in a thread (lint/lsp/warmup.py)
and lsprotocol's attrs methods from a code cache (lint/lsp/fastimport.py)."""
from __future__ import annotations

import os
import subprocess
import sys

from lint.lsp.checking import BufferChecker
from lint.lsp.warmup import WarmUp

PROBE = """
import sys
from lint.lsp.fastimport import import_lsprotocol_types
import_lsprotocol_types()
from lsprotocol import types
from pygls.protocol import default_converter
p = types.Position(line=2, character=5)
assert p == types.Position(line=2, character=5) and p != types.Position(line=2, character=6)
assert repr(p) == "2:5", repr(p)
r = default_converter().structure({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 3}},
                                  types.Range)
assert r.end.character == 3
try:
    types.Position(line=1)
except TypeError:
    pass
else:
    raise AssertionError("a missing argument must still be refused")
import attr._make
assert "compile" not in vars(attr._make)  # attrs is left as it was
print("ok")
"""


def _import_in_fresh_process(cache) -> str:
    env = dict(os.environ, EDLINT_CACHE_DIR=str(cache))
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_lsprotocol_types_work_from_an_empty_a_filled_and_a_damaged_cache(tmp_path):
    assert _import_in_fresh_process(tmp_path) == "ok"  # empty: compiles, then writes the cache
    [cache] = tmp_path.glob("lsp-types-*.bin")
    written = cache.stat().st_mtime_ns
    assert _import_in_fresh_process(tmp_path) == "ok"  # filled: every method from the cache
    assert cache.stat().st_mtime_ns == written  # nothing new to add
    cache.write_bytes(cache.read_bytes()[:1000])  # damaged (cut short)
    assert _import_in_fresh_process(tmp_path) == "ok"
    assert cache.stat().st_size > 1000  # rewritten whole


def test_a_read_only_cache_directory_only_costs_the_ordinary_import(tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would be\n", encoding="utf-8")
    assert _import_in_fresh_process(blocked) == "ok"


def test_the_warm_up_loads_the_checker_the_server_then_uses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    warm = WarmUp().start()
    assert warm.wait(300)
    result = warm.checker.check(str(tmp_path / "story.md"), "A freindly town.\n", "markdown")
    assert [d.rule for d in result.findings] == ["spelling.misspelling"]


def test_a_failing_warm_up_is_logged_and_still_finishes(caplog):
    class Broken(BufferChecker):
        def check(self, *args, **kwargs):
            raise RuntimeError("no lexicon here")

    warm = WarmUp(Broken()).start()
    assert warm.wait(60)
    assert "warm-up failed" in caplog.text
