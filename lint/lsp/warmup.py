"""The engine warmed up in a thread from the moment `edlint lsp` starts.

Most of a cold server's time before its first diagnostics is spent importing pygls and
lsprotocol and loading edlint's rule packs, lexicons and readers. Started before pygls is
even imported, the warm-up overlaps the editor's side of the handshake (its `initialize`
round trip, its own start-up) instead of waiting for `initialized`, so the first document's
check finds everything loaded. Nothing here imports lsprotocol.
"""
from __future__ import annotations

import logging
import os
import threading

from .checking import BufferChecker

log = logging.getLogger("edlint.lsp")

# One sentence per reader an editor buffer is likely to use, each with a finding to report,
# so the suggestion models load too.
SAMPLES = (("warm-up.md", "markdown", "# Warm-up\n\nA freindly warm-up sentence.\n"),
           ("warm-up.txt", "plaintext", "A freindly warm-up sentence.\n"))


class WarmUp:
    """A BufferChecker whose first checks already ran, or are running, in a thread."""

    def __init__(self, checker: BufferChecker | None = None):
        self.checker = checker or BufferChecker()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "WarmUp":
        self._thread = threading.Thread(target=self._run, name="edlint-warm-up", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            warm_up(self.checker)
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the warm-up finished (True) or `timeout` passed (False)."""
        if self._thread is None:
            return True
        return self._done.wait(timeout)


def warm_up(checker: BufferChecker) -> None:
    """Check the samples once, so that whatever loads lazily is loaded."""
    try:
        for name, language, text in SAMPLES:
            checker.check(os.path.join(os.getcwd(), name), text, language)
        from ..ruleset import all_rules

        all_rules(())  # hover and docs links read every bundled rule's spec
    except Exception:  # a warm-up failure only costs time: the real check reports it
        log.exception("warm-up failed")
