"""Configuration: finding, parsing, validating and merging `edlint.toml`.

Looked up from the checked file upward, stopping at the repository root (the
first folder holding `.git`): `edlint.toml`, `.edlint.toml`, or a
`pyproject.toml` with a `[tool.edlint]` table; `--config FILE` pins one file
instead. Each key has its own parser (`lint/config_keys.py`); every value is checked once,
when the file is read, and an unknown key, rule id or bad value is a
`ConfigError` naming the file and the key. Per-glob `[[overrides]]` are applied
by `Config.for_path()`.

A config that was found rather than pinned is treated as untrusted content of
the checkout: the paths it names (rule packs, word files) must stay inside its
tree, and with `--no-nested-config` it may not choose a LanguageTool server.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from .config_keys import (FAIL_LEVELS, LANGUAGETOOL_SCHEMA, OVERRIDE_KEYS, READER_SCHEMA,  # noqa: F401
                          SETTINGS_SCHEMA, Override, Trust, _apply, _freeze, _Source, _thaw, freeze_table,
                          repository_root)
from .datafile import DataFileError, read_toml
from .errors import ConfigError

CONFIG_NAMES = ("edlint.toml", ".edlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.xhtml",
                   "*.json", "*.jsonl", "*.ndjson")
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", "node_modules/", ".venv/", "venv/", "__pycache__/")


@dataclass(frozen=True)
class Config:
    """Effective configuration. Plain data: picklable, hashable by identity of its parts."""
    path: str | None = None  # the file it came from
    root: str = "."  # paths in the config are relative to this
    language: str = "auto"  # "auto": US or British spelling decided per document (lint/spelling/varieties.py)
    select: tuple[str, ...] = ("all",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    rule_packs: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    rules: tuple[tuple[str, tuple], ...] = ()  # rule id -> sorted (param, value) pairs
    settings: tuple[tuple[str, tuple], ...] = ()
    readers: tuple[tuple[str, object], ...] = ()
    fail_on: str = "error"
    overrides: tuple[Override, ...] = ()

    @classmethod
    def from_dict(cls, data: dict, file: str = "<dict>", root: str = ".", trust: Trust = Trust()) -> "Config":
        """A validated Config from TOML-shaped data (the body of an edlint.toml)."""
        if not isinstance(data, dict):
            raise ConfigError(f"{file}: the configuration must be a table")
        source = _Source(file, str(Path(root).resolve()), trust)
        cfg = _apply(Config(path=None if file == "<dict>" else file, root=root), data, file, source=source)
        from .ruleset import check_rule_ids

        check_rule_ids(cfg, data, file)
        return cfg

    # -- views as plain dicts (the frozen tuples keep Config hashable for caching)
    def severity_map(self) -> dict[str, str]:
        return dict(self.severity)

    def rule_params(self) -> dict[str, dict]:
        return {k: _thaw(v) for k, v in self.rules}

    def settings_map(self) -> dict[str, dict]:
        return {k: _thaw(v) for k, v in self.settings}

    def reader_options(self) -> dict:
        return {k: _thaw(v) for k, v in self.readers}

    def for_path(self, path: str) -> "Config":
        """This config with the overrides whose globs match `path` applied."""
        if not self.overrides:
            return self
        from .globspec import gitignore_spec  # only configs with overrides pay for pathspec

        rel = _relative(path, self.root)
        cfg = self
        for ov in self.overrides:
            spec = gitignore_spec(ov.files)
            if spec.match_file(rel):
                cfg = _apply(cfg, ov.values, self.path or "<config>", "overrides", validated=True)
        return replace(cfg, overrides=())

    def as_dict(self) -> dict:
        """The effective configuration as TOML-shaped data (for `edlint config`)."""
        out = {"language": self.language, "select": list(self.select), "ignore": list(self.ignore),
               "fail-on": self.fail_on, "include": list(self.include), "exclude": list(self.exclude),
               "rule-packs": list(self.rule_packs),
               "severity": self.severity_map(),
               "vocabulary": {"accept": list(self.accept), "reject": list(self.reject)},
               "rules": self.rule_params(), "readers": self.reader_options()}
        out.update(self.settings_map())
        out["overrides"] = [dict(ov.values, files=list(ov.files)) for ov in self.overrides]
        return out


def _relative(path: str, root: str) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


# -- files -------------------------------------------------------------------------------

def load_config_file(path: str | Path, trust: Trust = Trust()) -> Config:
    path = Path(path)
    try:
        data = read_toml(path)
    except DataFileError as e:  # a config, not a rule pack's file: its error is a config error
        raise ConfigError(str(e)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("edlint", {}) if isinstance(tool, dict) else None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.edlint] must be a table")
    folder = path.parent.resolve()
    tree = repository_root(folder) or folder
    source = _Source(str(path), str(tree), trust)
    cfg = _apply(Config(path=str(path), root=str(folder)), data, str(path), source=source)
    from .ruleset import check_rule_ids  # the rules must be loaded to know their ids

    check_rule_ids(cfg, data, str(path))
    return cfg


def find_config_file(start: str | Path) -> Path | None:
    """The nearest config file at or above `start` (a file or a directory), looking no
    higher than the repository root: a checkout never takes a config from outside itself."""
    p = Path(os.path.abspath(start))
    d = p if p.is_dir() else p.parent
    for folder in (d, *d.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether `path` (a pyproject.toml) configures edlint. One that cannot be read as TOML
    but names edlint is taken as edlint's, so that its error is reported: skipping it would
    silently check the folder under some other config, or none."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return False
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool")
    except ValueError:  # not TOML, or not UTF-8
        return b"edlint" in raw
    return isinstance(tool, dict) and "edlint" in tool


class ConfigResolver:
    """Finds and caches the config for each checked path (one lookup per directory).

    `nested=False` (`--no-nested-config`): one config governs every file, the pinned one
    or else the one found from the working directory; configs below it are ignored and
    may not switch rules off. `allow_outside` (`--allow-outside-paths`): a found config
    may name rule packs and word files outside its tree."""

    def __init__(self, explicit: str | None = None, cli: dict | None = None, *,
                 nested: bool = True, allow_outside: bool = False):
        self._explicit = load_config_file(explicit) if explicit else None
        self._cli = cli or {}
        self._nested = nested
        self._trust = Trust(outside_paths=allow_outside, server=nested)
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str | None, Config] = {}

    def base_for(self, path: str) -> Config:
        if self._explicit is not None:
            if None not in self._by_file:  # the CLI options are applied (and checked) once
                self._by_file[None] = self._with_cli(self._explicit)
            return self._by_file[None]
        if not self._nested:
            path = os.getcwd()
        d = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) else os.path.abspath(path)
        cfg = self._by_dir.get(d)
        if cfg is None:
            found = find_config_file(d)
            key = str(found) if found else None
            if key not in self._by_file:
                self._by_file[key] = self._with_cli(load_config_file(found, self._trust) if found else Config())
            cfg = self._by_dir[d] = self._by_file[key]
        return cfg

    def source_for(self, path: str) -> Path | None:
        """The file the config of `path` comes from (None: built-in defaults)."""
        if self._explicit is not None:
            return Path(self._explicit.path)
        return find_config_file(path if self._nested else os.getcwd())

    def for_path(self, path: str) -> Config:
        return self.base_for(path).for_path(path)

    def _with_cli(self, cfg: Config) -> Config:
        return apply_cli(cfg, self._cli)


# Command-line option -> (config field, how the option combines with the files' value).
_CLI_FIELDS = (("select", "select", "replace"), ("ignore", "ignore", "extend"),
               ("language", "language", "set"), ("fail_on", "fail_on", "set"),
               ("include", "include", "replace"), ("exclude", "exclude", "extend"))


def apply_cli(cfg: Config, cli: dict) -> Config:
    """Command-line options win over files: select replaces, ignore extends."""
    changes: dict = {}
    for option, name, how in _CLI_FIELDS:
        value = cli.get(option)
        if value:
            changes[name] = value if how == "set" else \
                (getattr(cfg, name) if how == "extend" else ()) + tuple(value)
    lt = _cli_languagetool(cli)
    if lt:
        settings = cfg.settings_map()
        settings.setdefault("languagetool", {}).update(lt)
        changes["settings"] = freeze_table(settings)
    _check_cli_selectors(cfg, cli)
    return replace(cfg, **changes) if changes else cfg


def _cli_languagetool(cli: dict) -> dict:
    lt = {k: v for k, v in (("mode", cli.get("languagetool")),
                            ("require", cli.get("require_languagetool"))) if v}
    if lt.get("mode"):
        problem = LANGUAGETOOL_SCHEMA["mode"].problem(lt["mode"])
        if problem:
            raise ConfigError(f"command line: --languagetool {problem}")
    return lt


def _check_cli_selectors(cfg: Config, cli: dict) -> None:
    opts = (("--select", cli.get("select") or ()), ("--ignore", cli.get("ignore") or ()))
    if any(sels for _, sels in opts):
        from .ruleset import check_selector, known_selectors

        known = known_selectors(cfg.rule_packs)
        for option, sels in opts:
            for s in sels:
                check_selector(s, known, f"command line: {option}", tuple(cfg.rule_packs))
