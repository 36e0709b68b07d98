"""The keys of `edlint.toml`: one parser per key (`_KEYS`), the schema of each settings
table, and the paths a config may name (the rule ids it names are checked by `lint.ruleset`).

Each parser validates one key's value and records the change in the state of the file
being read; tables read earlier in the same file are merged, never dropped. Every value
is checked here, once, and a problem is a `ConfigError` naming the file, the key and
what the value must be.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .finding import CATEGORIES, SEVERITIES
from .errors import ConfigError
from .boilerplate.settings import SCHEMA as BOILERPLATE_SCHEMA
from .languagetool.settings import SCHEMA as LANGUAGETOOL_SCHEMA
from .readability.settings import SCHEMA as READABILITY_SCHEMA
from .spelling.settings import SCHEMA as SPELLING_SCHEMA
from .languagetool.settings import server_url_of
from .params import Param, check_value, did_you_mean  # noqa: F401 (did_you_mean: for importers)

if TYPE_CHECKING:
    from .config import Config

FAIL_LEVELS = ("error", "warning", "info", "never")

def _encoding_problem(value: str) -> str | None:
    try:
        codecs.lookup(value)
    except LookupError:
        return f"must name a text encoding such as \"utf-8\" or \"cp1252\", not {value!r}"
    return None


def _json_fields_problem(value: dict) -> str | None:
    from .readers.jsondocs import FORMATS

    bad = next((f for f in value.values() if f not in FORMATS), None)
    return None if bad is None else f"must map field names to {', '.join(FORMATS)}, not {bad!r}"


def _positive(value) -> str | None:
    return None if value > 0 else f"must be a positive number, not {value!r}"


# Settings tables per category: key -> Param, each declared in its category's package. A
# rule type reads its category's table from CheckContext.settings.
SETTINGS_SCHEMA: dict[str, dict[str, Param]] = {
    "spelling": SPELLING_SCHEMA,
    "boilerplate": BOILERPLATE_SCHEMA,
    "readability": READABILITY_SCHEMA,
    "languagetool": LANGUAGETOOL_SCHEMA,
}
READER_SCHEMA: dict[str, Param] = {
    "json-fields": Param("string-table", {}, "JSON field -> text, markdown or html.", check=_json_fields_problem),
    "encoding": Param("string", "", "The encoding of every file (default: detected).", check=_encoding_problem),
    "max-file-size": Param("number", None, "Larger files are refused (bytes).", check=_positive),
}
OVERRIDE_KEYS = ("language", "select", "ignore", "extend-select", "extend-ignore", "severity",
                 "vocabulary", "rules", *SETTINGS_SCHEMA)


@dataclass(frozen=True)
class Trust:
    """How far a config file is trusted. A pinned one (`--config`, the Python API) is the
    policy; one found in the checkout may come from the pull request being checked."""
    outside_paths: bool = True  # may name rule packs and word files outside its tree
    server: bool = True  # may choose the LanguageTool server articles are sent to


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    values: dict


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


def freeze_table(table: dict) -> tuple:
    """A dict of tables as Config stores it (sorted, hashable)."""
    return tuple(sorted((k, _freeze(v)) for k, v in table.items()))


def _key(*parts: str) -> str:
    """A key path as TOML writes it: rules."style.cliches".tokens."""
    return ".".join(p if p.replace("-", "").replace("_", "").isalnum() or p.endswith("]")
                    else f'"{p}"' for p in parts if p)


# -- per-key parsers ---------------------------------------------------------------------
# Each takes the state of one file being read and one key's value, and records what
# changes in `st.changes`; tables read earlier in the same file are merged, never dropped.

@dataclass(frozen=True)
class _Source:
    file: str
    tree: str  # paths the config names must stay below this (unless trusted)
    trust: Trust


class _State:
    def __init__(self, cfg: Config, file: str, prefix: str, source: _Source | None):
        self.cfg, self.file, self.prefix, self.source = cfg, file, prefix, source
        self.changes: dict = {}

    def get(self, name: str):
        return self.changes.get(name, getattr(self.cfg, name))

    def where(self, *key: str) -> str:
        return f"{self.file}: key '{_key(self.prefix, *key)}'"

    def fail(self, key: tuple[str, ...], problem: str):
        raise ConfigError(f"{self.where(*key)} {problem}")

    def unknown_key(self, key: tuple[str, ...], known):
        """What `params.check_value` calls for a key the table does not have."""
        def fail(hint: str):
            raise ConfigError(f"{self.file}: unknown key '{_key(self.prefix, *key)}'{hint} (known: {', '.join(known)})")
        return fail

    def settings(self) -> dict:
        return {k: _thaw(v) for k, v in self.get("settings")}


def _str_list(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _table(st: _State, key: str, value, what: str = "a table") -> dict:
    if not isinstance(value, dict):
        st.fail((key,), f"must be {what}")
    return value


def _language(st, key, value):
    if not isinstance(value, str) or not value:
        st.fail((key,), "must be \"auto\" or a language code such as \"en-US\" or \"en-GB\"")
    st.changes["language"] = value


def _selectors(st, key, value):
    sels = _str_list(value, st.where(key))
    for s in sels:
        _check_category(s, st.where(key))
    if key == "select":
        st.changes["select"] = sels
    else:  # extend-select, and ignore lists, add up: the file's, each matching override's, the CLI's
        base = key.removeprefix("extend-")
        st.changes[base] = tuple(st.get(base)) + sels


def _fail_on(st, key, value):
    if value not in FAIL_LEVELS:
        st.fail((key,), f"must be one of {', '.join(FAIL_LEVELS)}")
    st.changes["fail_on"] = value


def _globs(st, key, value):
    st.changes[key] = _str_list(value, st.where(key))


def _rule_packs(st, key, value):
    base = Path(st.cfg.root)
    st.changes["rule_packs"] = tuple(_inside(st, (key,), (base / p).resolve())
                                     for p in _str_list(value, st.where(key)))


def _severity(st, key, value):
    _table(st, key, value, "a table of rule or category = severity")
    sev = dict(st.get("severity"))
    for rule, severity in value.items():
        _check_category(rule, st.where(key, rule))
        if severity not in SEVERITIES + ("off",):
            st.fail((key, rule), f"must be one of {', '.join(SEVERITIES + ('off',))}")
        sev[rule] = severity
    st.changes["severity"] = tuple(sorted(sev.items()))


def _vocabulary(st, key, value):
    _table(st, key, value, "a table with 'accept' and 'reject' lists")
    for vk, vv in value.items():
        if vk not in ("accept", "reject", "accept-files", "reject-files"):
            raise ConfigError(f"{st.file}: unknown key '{_key(st.prefix, key, vk)}'"
                              f"{did_you_mean(vk, ('accept', 'reject', 'accept-files', 'reject-files'))}")
        items = _str_list(vv, st.where(key, vk))
        target = vk.split("-")[0]
        if vk.endswith("-files"):
            items = _read_word_files(st, (key, vk), items)
        from .vocabulary import check_terms  # a `re:` term must compile

        check_terms(items, st.where(key, vk))
        st.changes[target] = tuple(st.get(target)) + items


def _rules(st, key, value):
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        st.fail((key,), "must hold one table per rule id: [rules.\"spelling.unknown-word\"]")
    params = st.cfg.rule_params() if "rules" not in st.changes else {k: _thaw(v) for k, v in st.changes["rules"]}
    for rid, table in value.items():
        _check_category(rid, st.where(key, rid))
        params.setdefault(rid, {}).update(table)
    st.changes["rules"] = freeze_table(params)


def _settings_table(st, key, value):
    if key == "languagetool" and isinstance(value, str):
        value = {"mode": value}  # `languagetool = "MODE"` is short for `[languagetool] mode = "MODE"`
        keys = lambda sk: (key,)  # noqa: E731 - the message names the key as written
    else:
        _table(st, key, value)
        keys = lambda sk: (key, sk)  # noqa: E731
    schema = SETTINGS_SCHEMA[key]
    settings = st.settings()
    table = settings.setdefault(key, {})
    for sk, sv in value.items():
        check_value(schema, sk, sv, st.unknown_key((key, sk), sorted(schema)),
                    lambda problem, sk=sk: st.fail(keys(sk), problem))
        if server_url_of(sk, sv) and st.source and not st.source.trust.server:
            st.fail(keys(sk), "may not choose a LanguageTool server with --no-nested-config: only a config "
                              "given with --config or the --languagetool option may")
        table[sk] = sv
    st.changes["settings"] = freeze_table(settings)


def _readers(st, key, value):
    _table(st, key, value)
    opts = dict(st.get("readers"))
    for rk, rv in value.items():
        check_value(READER_SCHEMA, rk, rv, st.unknown_key((key, rk), READER_SCHEMA),
                    lambda problem, rk=rk: st.fail((key, rk), problem))
        opts[rk] = _freeze(rv)
    st.changes["readers"] = tuple(sorted(opts.items()))


def _overrides(st, key, value):
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        st.fail((key,), "must be an array of tables: [[overrides]]")
    ovs = []
    for i, ov in enumerate(value):
        ov = dict(ov)
        where = f"{st.file}: key 'overrides[{i}].files'"
        files = _str_list(ov.pop("files", None) or [], where)
        if not files:
            raise ConfigError(f"{where} must list at least one glob")
        bad = sorted(set(ov) - set(OVERRIDE_KEYS))
        if bad:
            raise ConfigError(f"{st.file}: unknown key 'overrides[{i}].{bad[0]}'{did_you_mean(bad[0], OVERRIDE_KEYS)}")
        # Validated now (and word files read now), applied per file by Config.for_path.
        checked = _State(st.cfg, st.file, f"overrides[{i}]", st.source)
        for k, v in ov.items():
            _KEYS[k](checked, k, v)
        if "vocabulary" in ov:
            ov["vocabulary"] = {"accept": list(checked.changes.get("accept", ())[len(st.cfg.accept):]),
                                "reject": list(checked.changes.get("reject", ())[len(st.cfg.reject):])}
        ovs.append(Override(files, ov))
    st.changes["overrides"] = tuple(ovs)


_KEYS = {
    "language": _language,
    "select": _selectors, "ignore": _selectors, "extend-select": _selectors, "extend-ignore": _selectors,
    "fail-on": _fail_on,
    "include": _globs, "exclude": _globs,
    "rule-packs": _rule_packs,
    "severity": _severity,
    "vocabulary": _vocabulary,
    "rules": _rules,
    **{name: _settings_table for name in SETTINGS_SCHEMA},
    "readers": _readers,
    "overrides": _overrides,
}


def _apply(cfg: Config, data: dict, file: str, prefix: str = "", merge: bool = False,
           source: _Source | None = None, validated: bool = False) -> Config:
    """Validate `data` (one TOML table) and return `cfg` updated by it. `merge` is kept for
    callers of the old signature: tables always merge."""
    st = _State(cfg, file, prefix, source)
    for key, value in data.items():
        parser = _KEYS.get(key)
        if parser is None or (key == "overrides" and (prefix or validated)):
            raise ConfigError(f"{file}: unknown key '{_key(prefix, key)}'{did_you_mean(key, _KEYS)}")
        parser(st, key, value)
    return replace(cfg, **st.changes)


# -- paths a config may name -------------------------------------------------------------

def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `.git` (a folder, or a file in a worktree)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _inside(st: _State, key: tuple[str, ...], path: Path) -> str:
    """`path` (resolved), refused when an untrusted config names a place outside its tree."""
    src = st.source
    if src is not None and not src.trust.outside_paths:
        try:
            path.resolve().relative_to(src.tree)
        except ValueError:
            st.fail(key, f"names {path}, outside {src.tree}; a config found in the checkout may only "
                         "name files inside it (pass --allow-outside-paths, or pin the config with --config)")
    return str(path)


def _read_word_files(st: _State, key: tuple[str, ...], names) -> tuple[str, ...]:
    from .datafile import DataFileError, read_list

    base = Path(st.cfg.root)
    out = []
    for n in names:
        path = Path(_inside(st, key, (base / n).resolve()))
        try:
            out += read_list(path)
        except DataFileError as e:
            raise ConfigError(f"{st.where(*key)}: word file {e}") from None
    return tuple(out)


# -- rule ids ----------------------------------------------------------------------------

def _check_category(sel: str, where: str) -> None:
    """The part of a selector that needs no rule pack: its category."""
    if sel == "all":
        return
    cat = sel.split(".", 1)[0]
    if cat not in CATEGORIES:
        raise ConfigError(f"{where}: {sel!r} is not a rule id or category{did_you_mean(cat, CATEGORIES)} "
                          f"(categories: {', '.join(CATEGORIES)})")
