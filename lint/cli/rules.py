"""`edlint rules` and `edlint explain RULE`."""
from __future__ import annotations

import click

from .common import config_option, guard


def _specs(config_file):
    from ..config import ConfigResolver
    from ..ruleset import all_rules

    cfg = ConfigResolver(config_file).for_path(".")
    return all_rules(tuple(cfg.rule_packs)), cfg


@click.command()
@config_option
@click.option("--category", help="Only this category.")
@click.option("--markdown", is_flag=True, help="A Markdown table (the README's rule list).")
@guard
def rules(config_file, category, markdown):
    """List every rule with its category, severity and a one-line description."""
    from ..ruleset import is_enabled

    specs, cfg = _specs(config_file)
    rows = [s for s in sorted(specs.values(), key=lambda s: s.id) if not category or s.category == category]
    if markdown:
        click.echo("| rule | severity | default | what it finds |\n|---|---|---|---|")
        for s in rows:
            desc = s.description.replace("<", "&lt;").replace("|", "\\|")
            click.echo(f"| `{s.id}` | {s.severity} | {'on' if s.enabled else 'off'} | {desc} |")
        return
    width = max((len(s.id) for s in rows), default=10)
    for s in rows:
        on = "on " if is_enabled(s, cfg.select, cfg.ignore) else "off"
        click.echo(f"{s.id:<{width}}  {s.category:<11}  {s.severity:<7}  {on}  {s.description}")


@click.command()
@click.argument("rule")
@config_option
@guard
def explain(rule, config_file):
    """Print a rule's documentation and examples."""
    specs, _ = _specs(config_file)
    spec = specs.get(rule)
    if spec is None:
        close = [r for r in specs if rule in r]
        hint = f" Did you mean: {', '.join(sorted(close)[:5])}?" if close else ""
        raise click.UsageError(f"no rule {rule!r}.{hint} `edlint rules` lists them.")
    out = [spec.id, "=" * len(spec.id), "", spec.description, "",
           f"category: {spec.category}    severity: {spec.severity}    type: {spec.type}    "
           f"default: {'on' if spec.enabled else 'off'}", f"defined in: {spec.path}"]
    if spec.docs:
        out += ["", spec.docs.strip()]
    out += _parameters(spec)
    if spec.fail_examples:
        out += ["", "Flagged:"] + [f"  {ex.text.strip()}" for ex in spec.fail_examples]
    if spec.pass_examples:
        out += ["", "Not flagged:"] + [f"  {ex.text.strip()}" for ex in spec.pass_examples]
    click.echo("\n".join(out))


def _parameters(spec) -> list[str]:
    """The rule type's parameters: name, type, this rule's value, meaning."""
    from ..params import declared
    from ..rule_types import rule_class

    table = declared(rule_class(spec.type).PARAMS)
    if not table:
        return []
    out = ["", f'Parameters (set them in [rules."{spec.id}"]):']
    from .config import _value

    for name, param in sorted(table.items()):
        value = spec.params.get(name, param.default)
        if value is None:
            shown = "(not set)"
        else:
            shown = _value(list(value) if isinstance(value, tuple) else value)
            if len(shown) > 40:
                shown = f"({len(value)} entries)"
        out.append(f"  {name} = {shown}    {param.expected}. {param.doc}")
    return out
