"""Applying fixes and writing files safely."""
from __future__ import annotations

import os
import tempfile

from .diagnostic import Diagnostic, TextEdit


def merge_edits(diagnostics: list[Diagnostic]) -> list[TextEdit]:
    """The safe edits of `diagnostics` that can be applied together: overlapping pure
    deletions merge into one; any other overlap keeps the first edit (the rest is
    applied on the next pass, after a re-check)."""
    edits = sorted({e for d in diagnostics if d.fix and d.fix.safe for e in d.fix.edits},
                   key=lambda e: (e.start, e.end))
    out: list[TextEdit] = []
    for e in edits:
        if out and e.start < out[-1].end:  # overlaps the previous edit
            last = out[-1]
            if not last.replacement and not e.replacement:
                out[-1] = TextEdit(last.start, max(last.end, e.end), "")
            continue
        if out and (e.start, e.end) == (out[-1].start, out[-1].end):
            continue  # two insertions at one place: keep the first
        out.append(e)
    return out


def escape_for_format(edits: list[TextEdit], fmt: str) -> list[TextEdit]:
    """Rules write replacements as prose; in HTML source, `&` and `<` must become markup-safe."""
    if fmt != "html":
        return edits
    import html

    return [TextEdit(e.start, e.end, html.escape(e.replacement, quote=False)) for e in edits]


def apply_edits(source: str, edits: list[TextEdit]) -> str:
    parts, pos = [], 0
    for e in edits:
        parts.append(source[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(source[pos:])
    return "".join(parts)


def atomic_write(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` through a temporary file in the same directory and a rename,
    keeping the file's permissions: a crash leaves the old file or the new one, never half."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=".edlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
