"""edlint: an editorial quality linter for news articles.

    import lint
    findings = lint.check_text("It was the the end.", path="story.txt")
    result = lint.check_paths(["articles/"])   # a RunResult

Both are plain functions of plain data with no global state; their inputs and
results pickle, so they map over a process pool or a distributed engine.
"""
from __future__ import annotations

__version__ = "0.1.0"


def check_text(text, path="<text>", config=None, format=None):
    from .engine import check_text as _check_text

    return _check_text(text, path=path, config=config, format=format)


def check_paths(paths, config=None, *, jobs=1):
    from .engine import check_paths as _check_paths

    return _check_paths(paths, config=config, jobs=jobs)


__all__ = ["check_text", "check_paths", "__version__"]
