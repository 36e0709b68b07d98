"""Declarative rules: loading the TOML rule files of the bundled and extra rule packs.

A rule file names its *type* (code in `lint/rule_types/`) and holds only
knowledge: id, severity, message, parameters, word lists and examples.

    id = "typography.repeated-word"
    type = "repetition"
    severity = "warning"
    message = "Repeated word: “{match}”."
    description = "A word written twice in a row."
    [params]
    ...
    [examples]
    fail = ["It was the the end."]
    pass = ["It was the end."]

A parameter whose value is a string starting with "file:" names a word or
phrase list beside the rule file (one entry per line, `#` comments).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import read_toml
from .finding import CATEGORIES, SEVERITIES


class RuleError(Exception):
    """A rule file that can't be used; the message names the file."""


@dataclass(frozen=True)
class Example:
    text: str
    format: str = "text"
    # For corpus rules: other documents checked in the same run.
    corpus: tuple[str, ...] = ()
    # The configured language the example is written for (None: the default).
    language: str | None = None
    # Failing examples may say where the finding falls and what the fix gives (sqlfluff's
    # fail_str/fix_str): `flags`, the exact text a finding covers; `fixed`, the text after
    # `edlint fix` applies the rule's safe fixes (the text itself: no safe fix).
    flags: str | None = None
    fixed: str | None = None


@dataclass(frozen=True)
class RuleSpec:
    id: str
    type: str
    severity: str
    message: str
    description: str
    path: str
    params: dict = field(default_factory=dict)
    docs: str = ""
    enabled: bool = True  # on by default
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


_KNOWN_KEYS = {"id", "type", "level", "message", "description", "docs", "params",
               "examples", "enabled"}


def bundled_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "rules"  # the wheel puts the packs here
    if installed.is_dir():
        return installed
    return here.parent / "rules"  # a source checkout or an editable install


def read_list_file(path: Path) -> list[str]:
    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                items.append(line)
    return items


def _resolve_files(value, base: Path, where: str):
    if isinstance(value, str) and value.startswith("file:"):
        p = base / value[5:]
        try:
            return read_list_file(p)
        except OSError as e:
            raise RuleError(f"{where}: cannot read list file {p}: {e.strerror}") from None
    if isinstance(value, dict):
        return {k: _resolve_files(v, base, where) for k, v in value.items()}
    return value


_EXAMPLE_KEYS = {"text", "format", "corpus", "language", "flags", "fixed"}


def _examples(raw, where: str, failing: bool) -> tuple[Example, ...]:
    out = []
    for item in raw or ():
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(_example_table(item, where, failing))
        else:
            raise RuleError(f"{where}: an example must be a string or a table with 'text'")
    return tuple(out)


def _example_table(item: dict, where: str, failing: bool) -> Example:
    unknown = sorted(set(item) - _EXAMPLE_KEYS)
    if unknown:
        raise RuleError(f"{where}: example key {unknown[0]!r} is not one of {', '.join(sorted(_EXAMPLE_KEYS))}")
    for key in ("flags", "fixed", "format", "language"):
        if key in item and not isinstance(item[key], str):
            raise RuleError(f"{where}: example key {key!r} must be a string")
    if not failing and ("flags" in item or "fixed" in item):
        raise RuleError(f"{where}: only a failing example can say what it flags or how it is fixed")
    return Example(item["text"], item.get("format", "text"), tuple(item.get("corpus", ())),
                   item.get("language"), item.get("flags"), item.get("fixed"))


def load_rule_file(path: Path) -> RuleSpec:
    where = str(path)
    data = read_toml(path, RuleError)
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    for key in ("id", "type", "level", "message", "description"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise RuleError(f"{where}: missing or empty key {key!r}")
    rid = data["id"]
    cat, _, name = rid.partition(".")
    if cat not in CATEGORIES or not name:
        raise RuleError(f"{where}: rule id {rid!r} must be <category>.<name> with a category of {', '.join(CATEGORIES)}")
    if data["level"] not in SEVERITIES:
        raise RuleError(f"{where}: severity {data['level']!r} must be one of {', '.join(SEVERITIES)}")
    examples = data.get("examples", {})
    if not isinstance(examples, dict):
        raise RuleError(f"{where}: 'examples' must be a table with 'fail' and 'pass' lists")
    return RuleSpec(
        id=rid, type=data["type"], severity=data["level"], message=data["message"],
        description=data["description"], path=where,
        params=_resolve_files(data.get("params", {}), path.parent, where),
        docs=data.get("docs", ""), enabled=bool(data.get("enabled", True)),
        fail_examples=_examples(examples.get("fail"), where, failing=True),
        pass_examples=_examples(examples.get("pass"), where, failing=False),
    )


def load_pack(directory: Path) -> list[RuleSpec]:
    """Every `*.toml` rule file below `directory` (list files and `_`-prefixed files are not rules)."""
    specs = []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".toml") and not name.startswith("_"):
                specs.append(load_rule_file(Path(root) / name))
    return specs


def load_rules(extra_dirs: list[Path] | tuple = ()) -> dict[str, RuleSpec]:
    """Bundled rules, then extra packs; a later pack may redefine a rule id."""
    rules: dict[str, RuleSpec] = {}
    for d in (bundled_rules_dir(), *extra_dirs):
        if not Path(d).is_dir():
            raise RuleError(f"{d}: rule pack directory not found")
        for spec in load_pack(Path(d)):
            rules[spec.id] = spec
    return rules
