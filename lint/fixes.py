"""Applying fixes and writing files safely."""
from __future__ import annotations

import os
import re
import stat
import tempfile
from bisect import bisect_right

from .finding import Finding, TextEdit


def merge_edits(findings: list[Finding]) -> list[TextEdit]:
    """The safe edits of `findings` that can be applied together: overlapping pure
    deletions merge into one; any other overlap keeps the first edit (the rest is
    applied on the next pass, after a re-check)."""
    edits = sorted({e for d in findings if d.fix and d.fix.safe for e in d.fix.edits},
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


class Rewrite:
    """The fixed text kept as pieces: spans of the original text, `(start, end)`, and the
    replacements put between them. A file can then be written back byte for byte outside
    the fixed spans, whatever its encoding, over as many fixing passes as it takes."""

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self.pieces: list[tuple[int, int] | str] = [(0, len(original))] if original else []

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def apply(self, edits: list[TextEdit]) -> None:
        """Apply `edits` (sorted, not overlapping, in offsets of the current text)."""
        starts, n = [], 0
        for piece in self.pieces:
            starts.append(n)
            n += _length(piece)
        out: list[tuple[int, int] | str] = []
        pos = 0
        for e in edits:
            out += self._slice(starts, pos, e.start)
            if e.replacement:
                out.append(e.replacement)
            pos = e.end
        out += self._slice(starts, pos, len(self.text))
        self.pieces = _joined(out)
        self.text = apply_edits(self.text, edits)

    def _slice(self, starts: list[int], a: int, b: int) -> list[tuple[int, int] | str]:
        out = []
        i = max(bisect_right(starts, a) - 1, 0)
        while i < len(self.pieces) and a < b:
            piece, at = self.pieces[i], starts[i]
            lo, hi = a - at, min(b, at + _length(piece)) - at
            if hi > lo:
                out.append(piece[lo:hi] if isinstance(piece, str) else (piece[0] + lo, piece[0] + hi))
            a = at + hi
            i += 1
        return out


def _length(piece) -> int:
    return len(piece) if isinstance(piece, str) else piece[1] - piece[0]


def _joined(pieces):
    out = []
    for p in pieces:
        if out and isinstance(p, str) and isinstance(out[-1], str):
            out[-1] += p
        elif out and not isinstance(p, str) and not isinstance(out[-1], str) and out[-1][1] == p[0]:
            out[-1] = (out[-1][0], p[1])
        else:
            out.append(p)
    return out


class NotWritten(OSError):
    """A file edlint will not write; the message says why (`path: not fixed: MESSAGE`)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.strerror = reason


def encode_rewrite(rewrite: Rewrite, raw: bytes, codec: str, bom: bytes = b"", fmt: str = "text") -> bytes:
    """The bytes of the fixed file: the original bytes of every span the fixes left alone,
    and the replacements encoded in the file's own `codec` after its byte-order mark. Raises
    NotWritten when the text does not encode back to exactly the bytes it was read from."""
    if not raw.startswith(bom):
        raise NotWritten("its byte-order mark is not where it was read")
    body, original = raw[len(bom):], rewrite.original
    cuts = sorted({0, len(original)}.union(*({p[0], p[1]} for p in rewrite.pieces if not isinstance(p, str))))
    byte_at, pos = {0: 0}, 0
    for a, b in zip(cuts, cuts[1:]):
        chunk = original[a:b].encode(codec, "strict")  # text read from `codec` always encodes back
        if body[pos:pos + len(chunk)] != chunk:
            raise NotWritten(f"its text does not encode back to the same bytes in {codec}")
        pos += len(chunk)
        byte_at[b] = pos
    if pos != len(body):
        raise NotWritten(f"its text does not encode back to the same bytes in {codec}")
    # In HTML a character the page's encoding can't hold is written as a character reference.
    errors = "xmlcharrefreplace" if fmt == "html" else "strict"
    out, written = [], []
    for p in rewrite.pieces:
        if isinstance(p, str):
            try:
                piece = p.encode(codec, errors)
            except UnicodeEncodeError as e:
                raise NotWritten(f"the fix would write “{e.object[e.start:e.end]}”, which {codec} "
                                 "can't hold") from None
            written.append(piece.decode(codec, "replace"))
        else:
            piece = body[byte_at[p[0]]:byte_at[p[1]]]
            written.append(original[p[0]:p[1]])
        out.append(piece)
    data = b"".join(out)
    try:
        same = data.decode(codec) == "".join(written)
    except UnicodeDecodeError:
        same = False
    if not same:  # an encoding with state, whose pieces don't simply join
        raise NotWritten(f"the fixed text can't be written back in {codec} unchanged around the fixes")
    return bom + data


def atomic_write(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` (a report, a baseline) to `path` atomically (see `atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode(encoding), split_hard_links=True)


def atomic_write_bytes(path: str, data: bytes, split_hard_links: bool = False) -> None:
    atomic_write_with(path, lambda f: f.write(data), split_hard_links)


def atomic_write_with(path: str, fill, split_hard_links: bool = False) -> None:
    """Write to `path` what `fill(binary file)` writes (`data` for atomic_write_bytes),
    through a temporary file in the same directory and a rename:
    a crash (even `kill -9`) leaves the old file or the new one, never half of one.

    A symbolic link is kept and its target written. The file keeps its mode, and its owner
    and group where the system allows. Raises NotWritten for a file edlint must not replace
    (read-only, or with several hard links, which a rename would split, unless
    `split_hard_links`: a generated report may leave its other names on the old one)."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        # A device, a named pipe or a socket (`-o /dev/null`, `-o /dev/stderr`, a shell's
        # `>(...)`): written into as it is; a rename would put a regular file in its place
        # (as root, /dev/null itself).
        with open(target, "wb") as f:
            fill(f)
        return
    if st is not None:
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise NotWritten("the file is read-only")
        if st.st_nlink > 1 and not split_hard_links:
            raise NotWritten(f"it has {st.st_nlink} hard links, and replacing it would split them")
    directory = os.path.dirname(target)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        if st is not None:
            _keep_owner(tmp, st)
            os.chmod(tmp, st.st_mode & 0o7777)  # after chown, which may clear set-id bits
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_directory(directory)


# Temporary files are named `.edlint-PID-XXXXXXXX.tmp`, so a later run can tell its own
# leftovers (from a process that no longer exists) from a write in progress.
TEMP_PREFIX, TEMP_SUFFIX = ".edlint-", ".tmp"
_OWN_TEMP = re.compile(r"\.edlint-(\d+)-[a-z0-9_]{8}\.tmp")
_OLD_TEMP = re.compile(r"\.edlint-[a-z0-9_]{8}\.tmp")  # before the PID was in the name
_OLD_TEMP_AGE = 3600  # seconds: no write takes that long


def remove_stale_temporaries(directory: str, started: float) -> list[str]:
    """Remove the temporary files an interrupted edlint left in `directory`: files named as
    edlint names them, older than this run (`started`, a time.time()), whose process is gone."""
    removed = []
    try:
        entries = list(os.scandir(directory or "."))
    except OSError:
        return removed
    for entry in entries:
        m = _OWN_TEMP.fullmatch(entry.name)
        if m is None and not _OLD_TEMP.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_mtime >= started:
                continue
            if m is None:
                if st.st_mtime > started - _OLD_TEMP_AGE:
                    continue
            elif _alive(int(m.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(entry.path)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows, kill(pid, 0) would send Ctrl-C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a pid we can't ask about: leave its file
    return True


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    if not hasattr(os, "chown"):
        return
    for uid in (st.st_uid, -1):  # the group alone is allowed to a member of it
        try:
            os.chown(tmp, uid, st.st_gid)
            return
        except OSError:
            continue


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_directory(directory: str) -> None:
    """Make the rename durable too (best effort: not every system can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
