"""The bundled rule files, parsed when the wheel is built, so a cold check reads no TOML.

Parsing the 35 rule files of the bundled packs with tomllib cost 8 ms of a one-article
check; hatch_build.py parses them once and ships each file's parsed table beside its
exact bytes. A run still reads every rule file, and takes the shipped table only for a
file whose bytes are the same: an edited rule file, an extra pack, another Python or
another reader (the file is named by a key of the Python version and of datafile.py,
which reads TOML) are parsed as before. Nothing is written at run time.
"""
from __future__ import annotations

import marshal
import sys
from pathlib import Path

from . import shipped

try:  # the built-in module: hashlib costs more to import than the whole lookup
    from _sha256 import sha256
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha256

DIRECTORY = Path(__file__).parent / "data"

_shipped: list[dict] = []  # read once per process


def key() -> str:
    from . import datafile

    version = f"{sys.implementation.name}-{'.'.join(map(str, sys.version_info[:3]))}"
    return sha256(Path(datafile.__file__).read_bytes() + version.encode()).hexdigest()[:20]


def path(directory: Path = DIRECTORY) -> Path:
    return directory / f"rule-files-{key()}.bin"


def load(directory: Path = DIRECTORY) -> dict[bytes, bytes]:
    """file bytes -> the marshalled table they parse to; {} when there is no file for this
    Python and reader (or it is damaged)."""
    return shipped.read(path(directory),
                        lambda data: all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in data.items()))


def parsed(raw: bytes) -> dict | None:
    """The table the rule file of these bytes parses to, a fresh copy (the caller may change
    it), or None when none was shipped for them."""
    if not _shipped:
        _shipped.append(load())
    found = _shipped[0].get(raw)
    return None if found is None else marshal.loads(found)


def write(directory: Path, files) -> Path:
    """The parsed tables of the rule `files` into `directory` (the wheel-build step), removing
    files of other keys there. A table marshal cannot hold (a TOML date) is left out: that
    file is parsed at run time."""
    from .datafile import read_toml

    data = {}
    for f in sorted(files):
        try:
            data[Path(f).read_bytes()] = marshal.dumps(read_toml(f))
        except ValueError:  # unmarshallable (or a bad file: it fails at run time as before)
            continue
    return shipped.write(path(directory), data, "rule-files")


def bundled_files() -> list[Path]:
    """The rule files of the bundled packs, as load_pack finds them."""
    import os

    from .rule_files import bundled_rules_dir

    out = []
    for root, dirs, files in os.walk(bundled_rules_dir()):
        out += [Path(root) / name for name in files if name.endswith(".toml") and not name.startswith("_")]
    return out
