"""Configuration: finding, parsing, validating and merging `edlint.toml`.

Looked up from the checked file upward: `edlint.toml`, `.edlint.toml`, or a
`pyproject.toml` with a `[tool.edlint]` table; `--config FILE` overrides the
search. Unknown keys and bad values are errors that name the file and the key.
Per-glob `[[overrides]]` are applied by `Config.for_path()`.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .diagnostic import CATEGORIES, SEVERITIES
from .errors import ConfigError

CONFIG_NAMES = ("edlint.toml", ".edlint.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.xhtml",
                   "*.json", "*.jsonl", "*.ndjson")
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", "node_modules/", ".venv/", "venv/", "__pycache__/")

# Settings tables per category: key -> type (or a tuple of allowed values).
# A rule type reads its category's table from CheckContext.settings.
SETTINGS_SCHEMA: dict[str, dict[str, object]] = {
    "spelling": {"min-length": int, "check-names": bool, "suggestions": int, "report-repeats": bool},
    "boilerplate": {"corpus-min-count": int, "corpus-min-share": float},
    "readability": {"preset": str, "formula": str, "target-grade": (int, float), "min-words": int,
                    "long-sentence": int, "very-long-sentence": int, "hard-paragraph-margin": (int, float)},
    "languagetool": {"mode": str, "url": str, "timeout": (int, float), "start-timeout": (int, float), "retries": int,
                     "max-concurrency": int, "max-request-chars": int, "disabled-rules": list,
                     "disabled-categories": list, "enabled-rules": list, "require": bool,
                     "language": str, "mother-tongue": str, "level": str},
}
READER_SCHEMA = {"json-fields": dict, "encoding": str, "max-file-size": (int, float)}


def _type_name(t) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return {str: "a string", int: "an integer", bool: "true or false", list: "a list",
            dict: "a table", float: "a number"}.get(t, getattr(t, "__name__", str(t)))


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    values: dict


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
        import pathspec  # only configs with overrides pay for it

        rel = _relative(path, self.root)
        cfg = self
        for ov in self.overrides:
            spec = pathspec.GitIgnoreSpec.from_lines(ov.files)
            if spec.match_file(rel):
                cfg = _apply(cfg, ov.values, self.path or "<config>", "overrides", merge=True)
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


def _freeze(v):
    if isinstance(v, dict):
        return tuple(sorted((k, _freeze(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("__list__",) + tuple(_freeze(x) for x in v)
    return v


def _thaw(v):
    if isinstance(v, tuple):
        if v and v[0] == "__list__":
            return [_thaw(x) for x in v[1:]]
        return {k: _thaw(x) for k, x in v}
    return v


def _relative(path: str, root: str) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _str_list(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _check_selector(sel: str, where: str) -> None:
    if sel == "all":
        return
    cat = sel.split(".", 1)[0]
    if cat not in CATEGORIES:
        raise ConfigError(f"{where}: {sel!r} is not a rule id or category "
                          f"(categories: {', '.join(CATEGORIES)})")


def _apply(cfg: Config, data: dict, file: str, prefix: str = "", merge: bool = False) -> Config:
    """Validate `data` (one TOML table) and return `cfg` updated by it."""
    def key_where(k):
        return f"{file}: key '{prefix + '.' if prefix else ''}{k}'"

    changes: dict = {}
    for key, value in data.items():
        where = key_where(key)
        if key == "language":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where} must be \"auto\" or a language code such as \"en-US\" or \"en-GB\"")
            changes["language"] = value
        elif key in ("select", "ignore", "extend-select", "extend-ignore"):
            sels = _str_list(value, where)
            for s in sels:
                _check_selector(s, where)
            if key.startswith("extend-") or (merge and key == "ignore"):
                base = key.removeprefix("extend-")
                changes[base] = tuple(changes.get(base, getattr(cfg, base))) + sels
            else:
                changes[key] = sels
        elif key == "fail-on":
            if value not in FAIL_LEVELS:
                raise ConfigError(f"{where} must be one of {', '.join(FAIL_LEVELS)}")
            changes["fail_on"] = value
        elif key in ("include", "exclude"):
            changes[key] = _str_list(value, where)
        elif key == "rule-packs":
            base = Path(cfg.root)
            changes["rule_packs"] = tuple(str((base / p).resolve()) for p in _str_list(value, where))
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of rule or category = level")
            sev = dict(cfg.severity) if merge else {}
            for rule, level in value.items():
                _check_selector(rule, key_where(f"severity.{rule}"))
                if level not in SEVERITIES + ("off",):
                    raise ConfigError(f"{key_where(f'severity.{rule}')} must be one of "
                                      f"{', '.join(SEVERITIES + ('off',))}")
                sev[rule] = level
            changes["severity"] = tuple(sorted(sev.items()))
        elif key == "vocabulary":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table with 'accept' and 'reject' lists")
            for vk, vv in value.items():
                if vk not in ("accept", "reject", "accept-files", "reject-files"):
                    raise ConfigError(f"{file}: unknown key 'vocabulary.{vk}'")
                items = _str_list(vv, key_where(f"vocabulary.{vk}"))
                target = vk.split("-")[0]
                if vk.endswith("-files"):
                    items = _read_word_files(items, Path(cfg.root), key_where(f"vocabulary.{vk}"))
                changes[target] = tuple(changes.get(target, getattr(cfg, target) if merge else ())) + items
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where} must hold one table per rule id: [rules.\"spelling.unknown-word\"]")
            params = cfg.rule_params() if merge else {}
            for rid, table in value.items():
                _check_selector(rid, key_where(f"rules.{rid}"))
                params.setdefault(rid, {}).update(table)
            changes["rules"] = tuple(sorted((k, _freeze(v)) for k, v in params.items()))
        elif key == "languagetool" and isinstance(value, str):
            # `languagetool = "MODE"` is short for `[languagetool] mode = "MODE"`.
            settings = cfg.settings_map()
            settings.setdefault("languagetool", {})["mode"] = value
            changes["settings"] = tuple(sorted((k, _freeze(v)) for k, v in settings.items()))
        elif key in SETTINGS_SCHEMA:
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table")
            schema = SETTINGS_SCHEMA[key]
            settings = cfg.settings_map()
            table = settings.get(key, {})
            for sk, sv in value.items():
                if sk not in schema:
                    raise ConfigError(f"{file}: unknown key '{key}.{sk}' "
                                      f"(known: {', '.join(sorted(schema))})")
                t = schema[sk]
                if not isinstance(sv, t) or (t is int and isinstance(sv, bool)):
                    raise ConfigError(f"{key_where(f'{key}.{sk}')} must be {_type_name(t)}")
                table[sk] = sv
            settings[key] = table
            changes["settings"] = tuple(sorted((k, _freeze(v)) for k, v in settings.items()))
        elif key == "readers":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table")
            opts = cfg.reader_options()
            for rk, rv in value.items():
                if rk not in READER_SCHEMA:
                    raise ConfigError(f"{file}: unknown key 'readers.{rk}' (known: {', '.join(READER_SCHEMA)})")
                if not isinstance(rv, READER_SCHEMA[rk]):
                    raise ConfigError(f"{key_where(f'readers.{rk}')} must be {_type_name(READER_SCHEMA[rk])}")
                opts[rk] = rv
            changes["readers"] = tuple(sorted((k, _freeze(v)) for k, v in opts.items()))
        elif key == "overrides" and not prefix:
            if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
                raise ConfigError(f"{where} must be an array of tables: [[overrides]]")
            ovs = []
            for i, ov in enumerate(value):
                ov = dict(ov)
                files = _str_list(ov.pop("files", None) or [], f"{file}: key 'overrides[{i}].files'")
                if not files:
                    raise ConfigError(f"{file}: key 'overrides[{i}].files' must list at least one glob")
                bad = set(ov) - {"language", "select", "ignore", "extend-select", "extend-ignore", "severity",
                                 "vocabulary", "rules", *SETTINGS_SCHEMA}
                if bad:
                    raise ConfigError(f"{file}: unknown key 'overrides[{i}].{sorted(bad)[0]}'")
                _apply(cfg, ov, file, f"overrides[{i}]", merge=True)  # validate now, apply per file
                ovs.append(Override(files, ov))
            changes["overrides"] = tuple(ovs)
        else:
            raise ConfigError(f"{file}: unknown key '{prefix + '.' if prefix else ''}{key}'")
    return replace(cfg, **changes)


def _read_word_files(names, base: Path, where: str) -> tuple[str, ...]:
    from .rulespec import read_list_file

    out = []
    for n in names:
        try:
            out += read_list_file(base / n)
        except OSError as e:
            raise ConfigError(f"{where}: cannot read {base / n}: {e.strerror}") from None
    return tuple(out)


def load_config_file(path: str | Path) -> Config:
    path = Path(path)
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config: {e.strerror}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("edlint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.edlint] must be a table")
    base = Config(path=str(path), root=str(path.parent.resolve()))
    return _apply(base, data, str(path))


def find_config_file(start: str | Path) -> Path | None:
    """The nearest config file at or above `start` (a file or a directory)."""
    p = Path(os.path.abspath(start))
    d = p if p.is_dir() else p.parent
    for folder in (d, *d.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return "edlint" in tomllib.load(f).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


class ConfigResolver:
    """Finds and caches the config for each checked path (one lookup per directory)."""

    def __init__(self, explicit: str | None = None, cli: dict | None = None):
        self._explicit = load_config_file(explicit) if explicit else None
        self._cli = cli or {}
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str | None, Config] = {}

    def base_for(self, path: str) -> Config:
        if self._explicit is not None:
            return self._with_cli(self._explicit)
        d = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) else os.path.abspath(path)
        cfg = self._by_dir.get(d)
        if cfg is None:
            found = find_config_file(d)
            key = str(found) if found else None
            if key not in self._by_file:
                self._by_file[key] = self._with_cli(load_config_file(found) if found else Config())
            cfg = self._by_dir[d] = self._by_file[key]
        return cfg

    def for_path(self, path: str) -> Config:
        return self.base_for(path).for_path(path)

    def _with_cli(self, cfg: Config) -> Config:
        return apply_cli(cfg, self._cli)


def apply_cli(cfg: Config, cli: dict) -> Config:
    """Command-line options win over files: select replaces, ignore extends."""
    changes: dict = {}
    if cli.get("select"):
        changes["select"] = tuple(cli["select"])
    if cli.get("ignore"):
        changes["ignore"] = cfg.ignore + tuple(cli["ignore"])
    if cli.get("language"):
        changes["language"] = cli["language"]
    if cli.get("fail_on"):
        changes["fail_on"] = cli["fail_on"]
    if cli.get("include"):
        changes["include"] = tuple(cli["include"])
    if cli.get("exclude"):
        changes["exclude"] = cfg.exclude + tuple(cli["exclude"])
    lt = {k: v for k, v in (("mode", cli.get("languagetool")),
                            ("require", cli.get("require_languagetool"))) if v}
    if lt:
        settings = cfg.settings_map()
        settings.setdefault("languagetool", {}).update(lt)
        changes["settings"] = tuple(sorted((k, _freeze(v)) for k, v in settings.items()))
    for s in changes.get("select", ()) + tuple(cli.get("ignore") or ()):
        _check_selector(s, "command line")
    return replace(cfg, **changes) if changes else cfg
