"""Turning configuration into the rules of a run: which are on, with which parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import Config
from .config_keys import _check_category, _key, _str_list
from .finding import CATEGORIES
from .errors import ConfigError
from .params import check_value, declared, did_you_mean
from .rule_types import CheckContext, Rule, rule_class
from .rule_files import RuleError, RuleSpec, bundled_rules_dir, load_rules
from .text import selector_length


@lru_cache(maxsize=8)
def all_rules(packs: tuple[str, ...] = ()) -> dict[str, RuleSpec]:
    """Bundled rules and those of `packs`; a pack's rules have their type and parameters
    checked now (the bundled ones when they are built, so that a rule type that is off is
    never imported, and by the test suite)."""
    try:
        specs = load_rules([Path(p) for p in packs])
    except RuleError as e:
        raise ConfigError(str(e)) from None
    bundled = Path(bundled_rules_dir())
    for spec in specs.values():
        if bundled in Path(spec.path).parents:
            continue
        check_rule_params(spec, spec.params, lambda name, spec=spec: f"{spec.path}: rule {spec.id}: "
                                                                     f"parameter {name!r}")
    return specs


def check_rule_params(spec: RuleSpec, params: dict, where) -> None:
    """Each of `params` is a parameter of the rule's type, of its type and allowed values;
    `where(name)` names the place it was written (rule file or config key)."""
    try:
        cls = rule_class(spec.type)
    except KeyError as e:
        raise ConfigError(f"{spec.path}: {e.args[0]}") from None
    table = declared(cls.PARAMS)

    def unknown(name):
        def fail(hint):
            raise ConfigError(f"{where(name)}: no such parameter for rule type {spec.type!r}"
                              f"{hint} (parameters: {', '.join(sorted(table)) or 'none'})")
        return fail

    def bad(name):
        def fail(problem):
            raise ConfigError(f"{where(name)} {problem}")
        return fail

    for name, value in params.items():
        check_value(table, name, value, unknown(name), bad(name))


def is_enabled(spec: RuleSpec, select, ignore) -> bool:
    """The most specific matching selector decides; ties go to ignore. A rule that is
    off by default is enabled only by naming it (or its category) in select."""
    best_sel = max((selector_length(s, spec.id) for s in select), default=-1)
    best_ign = max((selector_length(s, spec.id) for s in ignore), default=-1)
    if best_sel < 0 or best_ign >= best_sel:
        return False
    return spec.enabled or best_sel > 0


def severity_for(rule_id: str, default: str, overrides: dict[str, str]) -> str:
    best, severity = -1, default
    for sel, lvl in overrides.items():
        n = selector_length(sel, rule_id)
        if n > best:
            best, severity = n, lvl
    return severity


@dataclass
class RuleSet:
    config: Config
    specs: dict[str, RuleSpec]  # the enabled rules
    document_rules: list[Rule] = field(default_factory=list)
    corpus_rules: list[Rule] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    ctx: CheckContext = field(default_factory=CheckContext)
    _exclusion_rules: list[Rule] | None = None
    _all_metrics: list | None = None
    _vocabulary: object = None

    def vocabulary(self):
        """The accepted terms, compiled once per run rather than once per file."""
        if self._vocabulary is None:
            from .vocabulary import Vocabulary

            self._vocabulary = Vocabulary(self.config.accept)
        return self._vocabulary

    def severity(self, rule_id: str, default: str) -> str:
        return severity_for(rule_id, default, self.severities)

    def exclusion_rules(self, needed: bool) -> list[Rule]:
        """Rules that mark spans for others to skip but are not selected, when `needed`
        (a rule reads the spans, or document figures are asked for); their findings are
        never reported. Built on first use: most runs never need them."""
        if not needed or any(r.excludes_lines for r in self.document_rules):
            return []
        if self._exclusion_rules is None:
            self._exclusion_rules = []
            params = self.config.rule_params()
            for spec in sorted(all_rules(tuple(self.config.rule_packs)).values(), key=lambda s: s.id):
                if spec.enabled:
                    cls = rule_class(spec.type)
                    if cls.excludes_lines and not cls.corpus:
                        self._exclusion_rules.append(cls(spec, params.get(spec.id)))
        return self._exclusion_rules

    @property
    def rules(self) -> list[Rule]:
        return self.document_rules + self.corpus_rules

    @property
    def needs_exclusions(self) -> bool:
        return any(r.needs_exclusions for r in self.rules)

    def metric_functions(self, wanted: bool) -> list:
        """What computes the documents' figures: those of the rules that are on, or, when the
        caller asks for figures (`edlint stats`, the editor), those of every bundled type."""
        funcs = _unique(r.metrics for r in self.rules)
        if not funcs and wanted:
            if self._all_metrics is None:
                specs = all_rules(tuple(self.config.rule_packs)).values()
                self._all_metrics = _unique(rule_class(t).metrics for t in sorted({s.type for s in specs}))
            funcs = self._all_metrics
        return funcs

    def postprocessors(self) -> list:
        return _unique(r.postprocess for r in self.rules)

    def allows_dynamic(self, rule_id: str) -> bool:
        """Rule types such as LanguageTool report ids of their own (grammar.en-a-vs-an):
        allowed when such a rule of the id's category is on and no more specific selector
        turns the id off."""
        cat = rule_id.split(".", 1)[0]
        if not any(r.dynamic_ids and r.spec.category == cat for r in self.rules):
            return False
        sel = max((selector_length(s, rule_id) for s in self.config.select), default=-1)
        ign = max((selector_length(s, rule_id) for s in self.config.ignore), default=-1)
        return ign < 0 or sel > ign

    def has_category(self, category: str) -> bool:
        return any(s.category == category for s in self.specs.values())


def _unique(items) -> list:
    """The distinct non-None items, in order (several rules of a type share one function)."""
    out = []
    for x in items:
        if x is not None and x not in out:
            out.append(x)
    return out


def build_ruleset(config: Config) -> RuleSet:
    specs = all_rules(tuple(config.rule_packs))
    severities = config.severity_map()
    params = config.rule_params()
    where = config.path or "configuration"
    for rid in params:
        if not any(selector_length(rid, s) >= 0 for s in specs):
            raise ConfigError(f"{where}: key 'rules.{rid}': no such rule")
    enabled = {rid: s for rid, s in specs.items()
               if is_enabled(s, config.select, config.ignore)
               and severity_for(rid, s.severity, severities) != "off"}
    ctx = CheckContext(language=config.language, accept=config.accept, reject=config.reject,
                       settings=config.settings_map())
    rs = RuleSet(config, enabled, severities=severities, ctx=ctx)
    classes = {}
    for spec in enabled.values():
        try:
            classes[spec.id] = rule_class(spec.type)
        except KeyError as e:
            raise ConfigError(f"{spec.path}: {e.args[0]}") from None
    # Rules whose findings others skip (doc.excluded) run first.
    for spec in sorted(enabled.values(), key=lambda s: (not classes[s.id].excludes_lines, s.id)):
        cls = classes[spec.id]
        try:
            rule = cls(spec, params.get(spec.id))
        except (ValueError, TypeError) as e:
            raise ConfigError(f"{where}: {e}") from None
        (rs.corpus_rules if rule.corpus else rs.document_rules).append(rule)
    return rs


# -- rule ids a configuration names ------------------------------------------------------

def known_selectors(packs: tuple[str, ...] = ()) -> set[str]:
    """Everything `select`, `ignore` and `[severity]` accept: all, each category, each rule id
    and each prefix of one by whole segments (style.test for style.test.hedge)."""
    known = {"all", *CATEGORIES}
    for rid in all_rules(tuple(packs)):
        parts = rid.split(".")
        known.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return known


def check_selector(sel: str, known: set[str], where: str, packs: tuple[str, ...] = ()) -> None:
    # A type that reports ids of its own (LanguageTool: grammar.en-a-vs-an) makes any id
    # below its rule's category a selector.
    if sel in known or sel.split(".", 1)[0] in dynamic_categories(tuple(packs)):
        return
    _check_category(sel, where)
    raise ConfigError(f"{where}: {sel!r} is not a rule id or category{did_you_mean(sel, known)}")


@lru_cache(maxsize=8)
def dynamic_categories(packs: tuple[str, ...] = ()) -> frozenset[str]:
    """Categories with a rule whose type reports ids of its own (asked only for a selector
    that names no rule, so most runs import no rule type here)."""
    specs = all_rules(packs).values()
    return frozenset(s.category for s in specs if _has_dynamic_ids(s.type))


def _has_dynamic_ids(type_name: str) -> bool:
    try:
        return rule_class(type_name).dynamic_ids
    except KeyError:
        return False


def check_rule_ids(cfg: Config, data: dict, file: str) -> None:
    """Rule ids named in `data` exist in the bundled rules or the config's rule packs, and
    `[rules."id"]` parameters suit the rule's type (name, type and allowed values)."""
    specs = all_rules(tuple(cfg.rule_packs))
    known = known_selectors(cfg.rule_packs)
    tables = [("", data)] + [(f"overrides[{i}]", ov) for i, ov in enumerate(data.get("overrides") or ())]
    for prefix, table in tables:
        for key in ("select", "ignore", "extend-select", "extend-ignore"):
            for sel in _str_list(table.get(key, []), ""):
                check_selector(sel, known, f"{file}: key '{_key(prefix, key)}'", cfg.rule_packs)
        for sel in table.get("severity", {}):
            check_selector(sel, known, f"{file}: key '{_key(prefix, 'severity', sel)}'", cfg.rule_packs)
        for rid, params in table.get("rules", {}).items():
            where = f"{file}: key '{_key(prefix, 'rules', rid)}'"
            if rid not in specs:
                raise ConfigError(f"{where}: no such rule{did_you_mean(rid, specs)}")
            check_rule_params(specs[rid], params, lambda name: f"{file}: key '{_key(prefix, 'rules', rid, name)}'")
