"""Files built with the wheel (hatch_build.py) and only read at run time.

Each is one marshalled dict in a package's data folder, named `PREFIX-KEY.bin`, where the
key is of whatever the contents were built from (the Python, the source that computed them):
a file built by another Python or from other sources is simply not found, and the caller
works its answers out as it would without one. Nothing here is written at run time.
"""
from __future__ import annotations

import marshal
from pathlib import Path


def read(path: Path, valid=None) -> dict:
    """The dict in `path`, or {} when there is none or it is damaged (`valid(data)` False)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) and (valid is None or valid(data)) else {}


def write(path: Path, data: dict, prefix: str) -> Path:
    """`data` into `path` whole (a temporary file, renamed), and the files of other keys
    beside it (`prefix-*.bin`) removed: the build step. Returns `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(marshal.dumps(data))
    tmp.replace(path)
    for old in path.parent.glob(f"{prefix}-*.bin"):
        if old != path:
            old.unlink()
    return path
