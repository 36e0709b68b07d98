"""The `[boilerplate]` settings table: key -> typed parameter (read by lint/config_keys.py)."""
from __future__ import annotations

from ..params import Param

SCHEMA: dict[str, Param] = {
    "corpus-min-count": Param("int", 3, "Articles a line must recur in to be template text.", minimum=1),
    "corpus-min-share": Param("number", 0.25, "Share of the articles it must recur in.", minimum=0, maximum=1),
}
