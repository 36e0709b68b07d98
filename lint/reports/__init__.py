"""One module per output format; each has `render(result, options) -> str` and
`write(result, options, out)`, which writes the same text to a stream as it goes."""
from __future__ import annotations

import importlib

FORMATS = {"text": "text", "json": "json", "sarif": "sarif", "github": "github", "junit": "junit"}


def render(fmt: str, result, options: dict | None = None) -> str:
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return module.render(result, options or {})


def write(fmt: str, result, options: dict | None, out) -> None:
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    module.write(result, options or {}, out)
