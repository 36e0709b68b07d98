"""Typed rule parameters: every rule type declares each parameter's type, default and
meaning, and a value of the wrong type is refused with what was expected."""
from __future__ import annotations

import pytest

from lint.params import Param
from lint.rule_types import RULE_TYPES, rule_class
from lint.rule_files import RuleSpec


@pytest.mark.parametrize("type_name", sorted(RULE_TYPES))
def test_every_rule_type_declares_typed_parameters(type_name):
    cls = rule_class(type_name)
    for name, param in cls.PARAMS.items():
        assert isinstance(param, Param), f"{type_name}.{name} has no type"
        assert param.doc and param.doc[0].isupper() and param.doc.endswith("."), f"{type_name}.{name}"
        assert param.problem(param.default if not isinstance(param.default, tuple) else list(param.default)) \
            is None, f"{type_name}.{name}: its default is refused"


@pytest.mark.parametrize("param,value,problem", [
    (Param("strings", []), 5, "must be a list of strings, not an integer (5)"),
    (Param("strings", []), ["a", 1], "must be a list of strings, not a list (['a', 1])"),
    (Param("bool", True), "yes", "must be true or false, not a string ('yes')"),
    (Param("int", 3), True, "must be an integer, not a boolean (True)"),
    (Param("int", 3, minimum=1), 0, "must be an integer of at least 1, not 0"),
    (Param("number", 0.5, minimum=0, maximum=1), 1.5, "must be a number from 0 to 1, not 1.5"),
    (Param("string", "a", choices=("a", "b")), "c", "must be one of a, b, not 'c'"),
    (Param("strings", [], choices=("a", "b")), ["a", "z"], "must be a list of strings, each one of a, b, not 'z'"),
    (Param("swap-table", {}), {"x": 1}, "must be a table of pattern = replacement"),
    (Param("string-tables", []), [{"a": 1}], "must be a list of tables of strings"),
])
def test_a_wrong_value_says_what_was_expected(param, value, problem):
    assert param.problem(value).startswith(problem)


def test_right_values_pass():
    assert Param("swap-table", {}).problem({"a": "b", "c": ["d", "e"]}) is None
    assert Param("int", None, optional=True).problem(None) is None
    assert Param("number", 1).problem(2) is None  # an integer is a number


def test_building_a_rule_with_a_bad_parameter_names_rule_and_parameter():
    spec = RuleSpec(id="style.x", type="existence", severity="warning", message="m", description="d", path="x.toml")
    cls = rule_class("existence")
    with pytest.raises(ValueError, match=r"rule style.x: parameter 'patterns' must be a list of strings"):
        cls(spec, {"patterns": 5})
    with pytest.raises(ValueError, match=r"rule style.x: unknown parameter 'pattern'"):
        cls(spec, {"pattern": ["x"]})


def test_explain_lists_the_typed_parameters():
    from .support import edlint

    r = edlint("explain", "readability.long-sentence")
    assert r.exit_code == 0, r.output
    assert '  very-long-level = "warning"    one of error, warning, info. The level of a very long sentence.' \
        in r.stdout.splitlines()
    assert "  long-sentence = (not set)    an integer of at least 1." in r.stdout


def test_bundled_rules_have_valid_parameters():
    from lint.ruleset import check_rule_params
    from lint.rule_files import load_rules

    for spec in load_rules().values():
        check_rule_params(spec, spec.params, lambda name, spec=spec: f"{spec.path}: {name}")
