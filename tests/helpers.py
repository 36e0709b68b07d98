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
    """Findings for `text` (and, for corpus rules, the other texts checked in the same run)."""
    cfg = make_config(select, **settings)
    path = path or f"article.{EXTENSION[fmt]}"
    jobs = [FileJob(path, cfg, text=text)]
    jobs += [FileJob(f"other-{i}.{EXTENSION[fmt]}", cfg, text=t) for i, t in enumerate(corpus)]
    result = Engine().run_jobs(jobs)
    assert not result.errors, result.errors
    return [d for d in result.findings if d.path == path]


def findings(text: str, select=("all",), **kw) -> list[tuple[int, int, str]]:
    """(line, column, rule) of every finding, in order."""
    return [(d.line, d.column, d.rule) for d in run(text, select, **kw)]


def spans(text: str, select=("all",), **kw) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end_line, end_column, rule) of every finding."""
    return [(d.line, d.column, d.end_line, d.end_column, d.rule) for d in run(text, select, **kw)]


def modules_after_check(folder, name: str, text: str, modules, *args: str) -> dict[str, bool]:
    """Which of `modules` a fresh `edlint check` of `text` (written to folder/name, with
    `args`) has imported by the time it exits: what a cold start pays for."""
    import json
    import subprocess
    import sys
    import textwrap

    (folder / name).write_text(text)
    code = textwrap.dedent(f"""
        import json, sys
        from lint.cli import main
        try:
            main(["check", "--fail-on", "never", "-q", *{list(args)!r}, {name!r}])
        except SystemExit:
            pass
        print(json.dumps({{m: m in sys.modules for m in {tuple(modules)!r}}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def flagged_boilerplate(lines: list[str]) -> list[tuple[str, str]]:
    """(line, rule) of each boilerplate finding in the paragraphs `lines`, one per line."""
    text = "\n\n".join(lines)
    rows = text.split("\n")
    return [(rows[d.line - 1], d.rule) for d in run(text, ["boilerplate"])]
