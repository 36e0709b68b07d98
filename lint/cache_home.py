"""Where edlint keeps what it can rebuild: lexicon and bigram caches, the language server's
compiled types, the result cache of `--cache`."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_home() -> Path:
    """$XDG_CACHE_HOME/edlint, else ~/.cache/edlint: the user's own, whatever EDLINT_CACHE_DIR says."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "edlint" if xdg else Path.home() / ".cache" / "edlint"


def cache_dir() -> Path:
    """$EDLINT_CACHE_DIR, else the user's cache home."""
    base = os.environ.get("EDLINT_CACHE_DIR")
    return Path(base) if base else user_cache_home()
