"""A one-line progress counter on stderr for long runs ("checked 1,200/5,000 files").

Shown only on a terminal and never in CI logs unless asked (`--progress`): a log file
full of carriage returns helps nobody.
"""
from __future__ import annotations

import os
import sys
import time


def wanted(flag: bool | None, stream=None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("CI"):
        return False
    stream = stream or sys.stderr
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """Call with (done, total) after each file; `close()` clears the line."""

    INTERVAL = 0.1  # seconds between redraws: cheap even at thousands of files per second

    def __init__(self, stream=None, min_total: int = 2):
        self.stream = stream or sys.stderr
        self.min_total = min_total
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.INTERVAL:
            return
        self._last = now
        self.stream.write(f"\r\x1b[Kedlint: checked {done:,}/{total:,} files")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
