"""`edlint lsp` with one rule type made to misbehave: it raises on the word "kaboom", prints
to standard output on "chatter", and ends its whole process on "vanish" (as a native crash
or the out-of-memory killer would). Real faults inside real checks, to show that the server
logs them, says so, and goes on checking."""
from __future__ import annotations

import os

from lint.rule_types.repetition import Repetition

_original = Repetition.check


def _check(self, doc, ctx):
    if "kaboom" in doc.source:
        raise RuntimeError("kaboom in a rule")
    if "chatter" in doc.source:
        print("Content-Length: 2\r\n\r\n{}", flush=True)  # would break the editor's LSP stream
    if "vanish" in doc.source:
        os._exit(7)
    return _original(self, doc, ctx)


Repetition.check = _check

if __name__ == "__main__":
    from lint.cli import main

    main(["lsp"])
