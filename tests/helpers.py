"""Running the engine on short texts written for a test."""
from __future__ import annotations

from lint.config import Config, _apply
from lint.engine import Engine, FileJob

EXTENSION = {"text": "txt", "markdown": "md", "html": "html", "json": "json", "jsonl": "jsonl"}


def make_config(select=("all",), **settings) -> Config:
    """A Config selecting `select` (ids or categories), plus any TOML-shaped settings."""
    data = {"select": list(select) if not isinstance(select, str) else [select]}
    data.update({k.replace("_", "-"): v for k, v in settings.items()})
    return _apply(Config(), data, "<test>")


def run(text: str, select=("all",), fmt: str = "text", corpus=(), path: str | None = None, **settings):
    """Diagnostics for `text` (and, for corpus rules, the other texts checked in the same run)."""
    cfg = make_config(select, **settings)
    path = path or f"article.{EXTENSION[fmt]}"
    jobs = [FileJob(path, cfg, text=text)]
    jobs += [FileJob(f"other-{i}.{EXTENSION[fmt]}", cfg, text=t) for i, t in enumerate(corpus)]
    result = Engine().run_jobs(jobs)
    assert not result.errors, result.errors
    return [d for d in result.diagnostics if d.path == path]


def findings(text: str, select=("all",), **kw) -> list[tuple[int, int, str]]:
    """(line, column, rule) of every finding, in order."""
    return [(d.line, d.column, d.rule) for d in run(text, select, **kw)]


def spans(text: str, select=("all",), **kw) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end_line, end_column, rule) of every finding."""
    return [(d.line, d.column, d.end_line, d.end_column, d.rule) for d in run(text, select, **kw)]
