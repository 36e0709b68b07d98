"""One module per output format; each has `render(result, options) -> str`."""
from __future__ import annotations

import importlib

FORMATS = {"text": "text", "json": "json", "sarif": "sarif", "github": "github", "junit": "junit"}


def render(fmt: str, result, options: dict | None = None) -> str:
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return module.render(result, options or {})
