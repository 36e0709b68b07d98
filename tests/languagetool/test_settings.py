"""The [languagetool] table: defaults, validation, and what reaches the server."""
from __future__ import annotations

import pytest

from lint.languagetool.client import base_url
from lint.languagetool.findings import edlint_rule_id
from lint.languagetool.settings import LTSettings


def test_defaults():
    s = LTSettings.from_dict({})
    assert (s.mode, s.timeout, s.retries, s.max_concurrency, s.max_request_chars, s.require) == \
        ("auto", 10.0, 1, 2, 20000, False)
    assert s.server_url == ""


def test_a_url_mode_is_the_server():
    s = LTSettings.from_dict({"mode": "https://lt.example.org/v2/", "url": "http://other:8081"})
    assert s.server_url == "https://lt.example.org/v2/"
    assert LTSettings.from_dict({"url": "http://other:8081"}).server_url == "http://other:8081"
    assert LTSettings.from_dict({"mode": "local", "url": "http://other:8081"}).server_url == ""


@pytest.mark.parametrize("raw, message", [
    ({"mode": "maybe"}, "languagetool: mode must be off, auto, local or an http(s):// URL, not 'maybe'"),
    ({"url": "lt.example.org"}, "languagetool: url must start with http:// or https://, not 'lt.example.org'"),
    ({"timeout": 0}, "languagetool: timeout must be a positive number, not 0"),
    ({"timeout": -5}, "languagetool: timeout must be a positive number, not -5"),
    ({"retries": -1}, "languagetool: retries must be an integer of at least 0, not -1"),
    ({"require": "yes"}, "languagetool: require must be true or false, not a string ('yes')"),
    ({"disabled-rules": [1]}, "languagetool: disabled-rules must be a list of strings, not a list ([1])"),
    ({"level": "pedantic"}, "languagetool: level must be one of default, picky, not 'pedantic'"),
    ({"colour": "red"}, "languagetool: unknown setting 'colour'"),
])
def test_unusable_values_are_named(raw, message):
    with pytest.raises(ValueError) as e:
        LTSettings.from_dict(raw)
    assert str(e.value) == message


def test_request_parameters():
    s = LTSettings.from_dict({"language": "en-GB", "mother-tongue": "de", "level": "picky",
                              "disabled-rules": ["grammar.en-a-vs-an", "WHITESPACE_RULE"],
                              "disabled-categories": ["TYPOS"], "enabled-rules": ["grammar.passive-voice"]})
    assert s.request_params("en-US") == {
        "language": "en-GB", "motherTongue": "de", "level": "picky",
        "disabledRules": "EN_A_VS_AN,WHITESPACE_RULE", "disabledCategories": "TYPOS",
        "enabledRules": "PASSIVE_VOICE"}
    assert LTSettings.from_dict({}).request_params("en-US") == {"language": "en-US"}


def test_rule_ids_and_urls_are_normalised():
    assert edlint_rule_id("EN_A_VS_AN") == "grammar.en-a-vs-an"
    assert edlint_rule_id("MORFOLOGIK_RULE_EN_US") == "grammar.morfologik-rule-en-us"
    assert edlint_rule_id("DE_CASE[2]") == "grammar.de-case-2"
    assert base_url("http://h:8081") == base_url("http://h:8081/v2/") == "http://h:8081/v2"


def test_severity_by_issue_type_is_configurable(lt):
    from lint.engine import Engine, FileJob

    from ..helpers import make_config

    cfg = make_config(("grammar",), languagetool={"mode": lt.url},
                      rules={"grammar.languagetool": {"severity": {"misspelling": "info", "whitespace": "error"}}})
    result = Engine().run_jobs([FileJob("a.txt", cfg, text="We recieve a email , today.\n")])
    assert [(d.rule, d.severity) for d in result.findings] == [
        ("grammar.morfologik-rule-en-us", "info"), ("grammar.en-a-vs-an", "info"),
        ("grammar.comma-parenthesis-whitespace", "error")]


def test_a_bad_severity_table_is_a_config_error():
    from lint.errors import ConfigError
    from lint.ruleset import build_ruleset

    from ..helpers import make_config

    cfg = make_config(("grammar",), rules={"grammar.languagetool": {"severity": {"style": "fatal"}}})
    with pytest.raises(ConfigError, match="parameter 'severity' must be a table of strings, each one of error, warning, info, not 'fatal'"):
        build_ruleset(cfg)
