"""One reader per input format; each parses once and returns Documents with exact offsets."""
from __future__ import annotations

import importlib
import os
import stat

from ..errors import InputError

# file extension -> format; anything else is read as plain text.
EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
}
# JSON Lines exports: one record a line (lint.readers.jsondocs; named here, so that a run
# can tell an export by its name without importing the reader and json).
LINE_FORMATS = (".jsonl", ".ndjson")
# format -> module of lint.readers
READERS = {"text": "plaintext", "markdown": "markdown", "html": "html", "json": "jsondocs"}

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024  # bytes; larger files are reported, not checked


def format_for(path: str) -> str:
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def parse(source: str, path: str, fmt: str | None = None, options: dict | None = None):
    """Documents of `source` (already decoded) in format `fmt` (guessed from `path` if None)."""
    fmt = fmt or format_for(path)
    try:
        module = importlib.import_module(f".{READERS[fmt]}", __name__)
    except KeyError:
        raise InputError(path, f"unknown format {fmt!r}") from None
    return module.read(source, path, options or {})


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    from .decoding import decode

    return decode(data, path, encoding)


def load(path: str, options: dict | None = None) -> tuple[str, list[str]]:
    """Read and decode a file. Returns (text, warnings); raises InputError."""
    options = options or {}
    return decode_bytes(read_bytes(path, options), path, options.get("encoding"))


def read_bytes(path: str, options: dict | None = None) -> bytes:
    """A file's bytes, within `max-file-size`; raises InputError."""
    limit = int((options or {}).get("max-file-size", DEFAULT_MAX_FILE_SIZE))
    try:
        with open_regular(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size <= limit:
                # Asking for limit + 1 bytes would allocate that much for every file: ask for
                # what fstat says, and read on (bounded) only if the file grew since.
                data = f.read(size + 1)
                if len(data) > size:
                    data += f.read(limit + 1 - len(data))
                size = len(data)
        if size > limit:
            raise InputError(path, f"file too large ({size / 1e6:.1f} MB; the limit is "
                                   f"{limit / 1e6:.1f} MB, set readers.max-file-size to raise it)")
        return data
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None


def not_regular(mode: int) -> str:
    """Why a file of this `st_mode` (not a regular file) is not read."""
    kind = ("a directory" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "something else")
    return f"not a regular file but {kind}: not read"


def open_regular(path: str):
    """`path` opened for reading in binary, or InputError when it is not a regular file.

    A directory walk lists FIFOs, sockets and device files too, and so may a link:
    opening a FIFO waits for a writer for ever and /dev/zero never ends, so the file
    is opened without blocking and checked before anything is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, not_regular(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
