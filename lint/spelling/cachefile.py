"""Cache files that are trusted only when intact.

A cache is rebuilt from packaged data when it is missing, and must be rebuilt
when it is damaged: a truncated or half-overwritten file that still unmarshals
would silently lose words (and flag them all). So each file starts with a tag
and the SHA-256 of its payload (2 ms for the 3 MB lexicon), and a reader gets
the payload only if both match.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


class DamagedCache(ValueError):
    """The cache file is not one this code wrote intact: rebuild it."""


def write(path: Path, tag: bytes, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(tag + hashlib.sha256(payload).digest() + payload)
    os.replace(tmp, path)  # atomic: a parallel run never reads half a file


def read(path: Path, tag: bytes, mark_used: bool = True) -> bytes:
    """The payload; OSError if there is no file, DamagedCache if it isn't intact.
    mark_used=False for a file that is not the user's cache (one installed with edlint)."""
    data = path.read_bytes()
    head = len(tag) + 32
    if not data.startswith(tag) or hashlib.sha256(data[head:]).digest() != data[len(tag):head]:
        raise DamagedCache(f"{path}: checksum does not match")
    if mark_used:
        _mark_used(path)
    return data[head:]


def _mark_used(path: Path) -> None:
    """Refresh the file's time at most once a day: the pruning of other versions' files
    (lexicon.prune_cache) keeps the ones some install still reads."""
    import time

    try:
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)
    except OSError:
        pass  # a read-only cache: it is still read
