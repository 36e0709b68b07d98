"""`edlint types`: each rule type's parameters (name, type, default, meaning)."""
from __future__ import annotations

import click


def _default(param) -> str:
    from .config import _value

    if param.default is None:
        return "(not set)"
    value = list(param.default) if isinstance(param.default, tuple) else param.default
    shown = _value(value)
    return shown if len(shown) <= 40 else f"({len(value)} entries)"


def _summary(cls) -> str:
    """The first paragraph of the class's docstring, else of its module's."""
    import sys

    for doc in (cls.__doc__, sys.modules[cls.__module__].__doc__):
        if doc and doc.strip():
            return " ".join(doc.strip().split("\n\n")[0].split())
    return ""


def _markdown(types) -> str:
    out = []
    for name, cls, table in types:
        out += [f"#### `{name}`", ""] + ([_summary(cls), ""] if _summary(cls) else [])
        if not table:
            out += ["No parameters.", ""]
            continue
        out += ["| parameter | type | default | meaning |", "| --- | --- | --- | --- |"]
        for pname, p in sorted(table.items()):
            cells = [f"`{pname}`", p.expected, f"`{_default(p)}`", p.doc]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out).rstrip()


@click.command()
@click.option("--markdown", is_flag=True, help="Markdown tables of the bundled types (the README's rule-type reference).")
def types(markdown):
    """List the rule types and the parameters each one takes."""
    from ..params import declared
    from ..rule_types import RULE_TYPES, plugin_types, rule_class

    found = []
    for name in sorted(RULE_TYPES):
        cls = rule_class(name)
        found.append((name, cls, declared(cls.PARAMS)))
    if markdown:  # the README's reference: the bundled types alone
        click.echo(_markdown(found))
        return
    for name in sorted(plugin_types()):  # installed plugins' (a broken one fails here, named)
        try:
            cls = rule_class(name)
        except KeyError as e:
            from .common import fail

            fail(e.args[0])
        found.append((name, cls, declared(cls.PARAMS)))
    lines = []
    for name, cls, table in found:
        lines.append(f"{name}: {_summary(cls)}")
        for pname, p in sorted(table.items()):
            lines.append(f"  {pname} = {_default(p)}    {p.expected}. {p.doc}".rstrip())
        lines.append("")
    click.echo("\n".join(lines).rstrip())
