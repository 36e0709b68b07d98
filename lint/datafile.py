"""Reading a TOML data file (a config, a rule file), with errors that name the file."""
from __future__ import annotations

import tomllib
from pathlib import Path


def read_toml(path: str | Path, error: type[Exception], cannot_read: str = "cannot read") -> dict:
    """The file's table; `error` (naming the file) when it can't be read or isn't TOML."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise error(f"{path}: invalid TOML: {e}") from None
    except OSError as e:
        raise error(f"{path}: {cannot_read}: {e.strerror}") from None
