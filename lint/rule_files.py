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
phrase list beside the rule file (one entry per line, `#` comments). Both are read by
`lint/datafile.py`, and every problem is a `DataFileError` naming the file and, where
one is to blame, the line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import DataFileError, line_of, read_list, read_toml
from .finding import CATEGORIES, SEVERITIES


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


_KNOWN_KEYS = {"id", "type", "severity", "level", "message", "description", "docs", "params",
               "examples", "enabled"}


def bundled_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "rules"  # the wheel puts the packs here
    if installed.is_dir():
        return installed
    return here.parent / "rules"  # a source checkout or an editable install


def _resolve_files(value, path: Path, key: str = "params"):
    """`value` with each "file:NAME" replaced by the list in NAME (beside the rule file);
    a list that cannot be read is blamed on the line of the rule file that names it."""
    if isinstance(value, str) and value.startswith("file:"):
        p = path.parent / value[5:]
        if not p.is_file():
            raise DataFileError(line_of(path, key), f"list file {p} not found")
        return read_list(p)
    if isinstance(value, dict):
        return {k: _resolve_files(v, path, k) for k, v in value.items()}
    return value


_EXAMPLE_KEYS = {"text", "format", "corpus", "language", "flags", "fixed"}


def _examples(raw, path: Path, failing: bool) -> tuple[Example, ...]:
    def fail(problem: str):  # the line is looked up only for an error: loading stays one read
        raise DataFileError(line_of(path, "fail" if failing else "pass"), problem)

    out = []
    for item in raw or ():
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(_example_table(item, fail, failing))
        else:
            fail("an example must be a string or a table with 'text'")
    return tuple(out)


def _example_table(item: dict, fail, failing: bool) -> Example:
    unknown = sorted(set(item) - _EXAMPLE_KEYS)
    if unknown:
        fail(f"example key {unknown[0]!r} is not one of {', '.join(sorted(_EXAMPLE_KEYS))}")
    for key in ("flags", "fixed", "format", "language"):
        if key in item and not isinstance(item[key], str):
            fail(f"example key {key!r} must be a string")
    if not failing and ("flags" in item or "fixed" in item):
        fail("only a failing example can say what it flags or how it is fixed")
    return Example(item["text"], item.get("format", "text"), tuple(item.get("corpus", ())),
                   item.get("language"), item.get("flags"), item.get("fixed"))


def _severity_key(data: dict, path: Path) -> str:
    """`level` is the old name of `severity`: still read, so that a user's rule pack keeps
    working. Returns the key the file used (for the line of an error)."""
    if "level" not in data:
        return "severity"
    if "severity" in data:
        raise DataFileError(line_of(path, "level"), "'level' is the old name of 'severity': give only 'severity'")
    data["severity"] = data.pop("level")
    return "level"


def _read_rule_toml(path: Path) -> dict:
    """read_toml(path), or the table shipped for the file's bytes (lint/rule_snapshot.py)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return read_toml(path)  # its error names the file
    from . import rule_snapshot

    found = rule_snapshot.parsed(raw)
    return found if found is not None else read_toml(path)


def load_rule_file(path: Path) -> RuleSpec:
    data = _read_rule_toml(path)
    _check_header(data, path)
    examples = data.get("examples", {})
    return RuleSpec(
        id=data["id"], type=data["type"], severity=data["severity"], message=data["message"],
        description=data["description"], path=str(path),
        params=_resolve_files(data.get("params", {}), path),
        docs=data.get("docs", ""), enabled=bool(data.get("enabled", True)),
        fail_examples=_examples(examples.get("fail"), path, failing=True),
        pass_examples=_examples(examples.get("pass"), path, failing=False),
    )


def _check_header(data: dict, path: Path) -> None:
    """The rule file's own keys: known, present, and of a known category and severity."""
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise DataFileError(line_of(path, key), f"unknown key {key!r}")
    said = _severity_key(data, path)
    for key in ("id", "type", "severity", "message", "description"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise DataFileError(line_of(path, said if key == "severity" else key), f"missing or empty key {key!r}")
    rid = data["id"]
    cat, _, name = rid.partition(".")
    if cat not in CATEGORIES or not name:
        raise DataFileError(line_of(path, "id"), f"rule id {rid!r} must be <category>.<name> with a category "
                                                 f"of {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITIES:
        raise DataFileError(line_of(path, said), f"severity {data['severity']!r} must be one of {', '.join(SEVERITIES)}")
    if not isinstance(data.get("examples", {}), dict):
        raise DataFileError(line_of(path, "examples"), "'examples' must be a table with 'fail' and 'pass' lists")


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
            raise DataFileError(str(d), "rule pack directory not found")
        for spec in load_pack(Path(d)):
            rules[spec.id] = spec
    return rules
