"""`edlint config [PATH]`: the effective configuration for a path, as TOML."""
from __future__ import annotations

import json

import click

from ..reports.printable import printable
from .common import config_option, guard, trust_options


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    return json.dumps(str(v))


def _key(k: str) -> str:
    return k if k.replace("-", "").replace("_", "").isalnum() else json.dumps(k)


def to_toml(data: dict) -> str:
    lines, tables = [], []
    for k, v in data.items():
        if isinstance(v, dict):
            tables.append((k, v))
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            tables.append((k, v))
        else:
            lines.append(f"{_key(k)} = {_value(v)}")
    for k, v in tables:
        if isinstance(v, list):
            for item in v:
                lines += ["", f"[[{_key(k)}]]"] + [f"{_key(a)} = {_value(b)}" for a, b in item.items()]
            continue
        lines += ["", f"[{_key(k)}]"]
        for a, b in v.items():
            lines.append(f"{_key(a)} = {_value(b)}")
    return "\n".join(lines) + "\n"


@click.command("config")
@click.argument("path", default=".", type=click.Path())
@config_option
@trust_options
@guard
def config(path, config_file, no_nested_config, allow_outside_paths):
    """Print the configuration that applies to PATH (a file or directory): every table
    of the config file merged, its overrides for PATH applied."""
    from ..config import ConfigResolver

    resolver = ConfigResolver(config_file, nested=not no_nested_config, allow_outside=allow_outside_paths)
    cfg = resolver.for_path(path)
    source = config_file or resolver.source_for(path)
    click.echo(f"# effective configuration for {printable(path)}")
    click.echo(f"# from: {printable(source) if source else 'built-in defaults (no edlint.toml, .edlint.toml or [tool.edlint] found)'}")
    data = cfg.as_dict()
    if not data.get("overrides"):
        data.pop("overrides", None)
    click.echo(to_toml(data), nl=False)
