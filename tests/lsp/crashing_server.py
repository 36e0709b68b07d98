"""`edlint lsp` with one rule type made to raise on the word "kaboom": a real crash inside a
real check, to show the server logs it, says so, and goes on checking."""
from __future__ import annotations

from lint.rule_types.repetition import Repetition

_original = Repetition.check


def _check(self, doc, ctx):
    if "kaboom" in doc.source:
        raise RuntimeError("kaboom in a rule")
    return _original(self, doc, ctx)


Repetition.check = _check

if __name__ == "__main__":
    from lint.cli import main

    main(["lsp"])
