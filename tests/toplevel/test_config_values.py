"""Configuration that never silently drops a setting: tables of one file merge, unknown rule
ids are errors with a suggestion, and every value is checked once, when the file is read."""
from __future__ import annotations

import tomllib

import pytest

from lint.config import Config, load_config_file
from lint.errors import ConfigError

from .support import config_text, edlint, no_traceback

ARTICLE = "It was very late!! They utilise it.\n"
# 28 words: long for the general-news audience (over 25), not for broadsheet readers (over 30).
# 32 words: long for general news (over 30), not for a broadsheet (over 35).
LONG = ("The council met on Tuesday evening to discuss the new budget for the library and the "
        "swimming pool and voted after a long debate to keep both of them open next year.\n")


def config_error_line(r, config) -> str:
    """The stderr line that names `config`, after its name."""
    line = next(x for x in r.stderr.splitlines() if f"{config}: " in x)
    assert line.startswith("edlint: error: ")
    return line.split(f"{config}: ", 1)[1]


# -- one file's tables merge --------------------------------------------------------------

def test_settings_tables_of_one_file_merge(tmp_path):
    (tmp_path / "edlint.toml").write_text(
        '[readability]\npreset = "broadsheet"\n[languagetool]\nmode = "off"\n'
        '[spelling]\nmin-length = 4\n[boilerplate]\ncorpus-min-count = 5\n')
    settings = load_config_file(tmp_path / "edlint.toml").settings_map()
    assert settings == {"readability": {"preset": "broadsheet"}, "languagetool": {"mode": "off"},
                        "spelling": {"min-length": 4}, "boilerplate": {"corpus-min-count": 5}}


def test_languagetool_shorthand_merges_with_later_tables(tmp_path):
    (tmp_path / "edlint.toml").write_text('languagetool = "off"\n[readability]\npreset = "young-readers"\n')
    settings = load_config_file(tmp_path / "edlint.toml").settings_map()
    assert settings == {"languagetool": {"mode": "off"}, "readability": {"preset": "young-readers"}}


def test_merged_tables_are_what_the_check_uses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(LONG)
    (tmp_path / "edlint.toml").write_text('select = ["readability.long-sentence"]\n[languagetool]\nmode = "off"\n')
    assert "readability.long-sentence" in edlint("check", "a.txt").stdout  # general-news: too long
    (tmp_path / "edlint.toml").write_text('select = ["readability.long-sentence"]\n'
                                          '[readability]\npreset = "broadsheet"\n[languagetool]\nmode = "off"\n')
    r = edlint("check", "a.txt")
    assert r.exit_code == 0, r.output
    assert "readability.long-sentence" not in r.stdout  # the broadsheet preset was kept


def test_config_command_shows_every_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "edlint.toml").write_text('[readability]\npreset = "broadsheet"\n[languagetool]\nmode = "off"\n'
                                          '[readers]\nmax-file-size = 2000000\n')
    r = edlint("config", ".")
    assert r.exit_code == 0, r.output
    data = tomllib.loads(r.stdout)
    assert data["readability"] == {"preset": "broadsheet"}
    assert data["languagetool"] == {"mode": "off"}
    assert data["readers"] == {"max-file-size": 2000000}


# -- unknown rule ids and categories ------------------------------------------------------

def test_misspelt_rule_id_on_the_command_line_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Teh end.\n")
    for option in ("--select", "--ignore"):
        r = edlint("check", option, "spelling.unknwon-word", "a.txt")
        assert r.exit_code == 2, r.output
        no_traceback(r)
        assert (f"command line: {option}: 'spelling.unknwon-word' is not a rule id or category; "
                "did you mean 'spelling.unknown-word'?") in r.stderr


UNKNOWN_IDS = [
    # (config lines, the key named, the suggestion)
    ('select = ["style.test.hegde"]', "'select'", "'style.test.hedge'"),
    ('ignore = ["typography.test.bnag"]', "'ignore'", "'typography.test.bang'"),
    ('extend-select = ["style.tset"]', "'extend-select'", "'style.test'"),
    ('[severity]\n"style.test.utilse" = "info"', "'severity.\"style.test.utilse\"'", "'style.test.utilise'"),
    ('[rules."style.test.hedg"]\ntokens = ["x"]', "'rules.\"style.test.hedg\"'", "'style.test.hedge'"),
    ('[[overrides]]\nfiles = ["*.txt"]\nignore = ["style.test.hype2"]', "'overrides[0].ignore'",
     "'style.test.hype'"),
    ('[[overrides]]\nfiles = ["*.txt"]\nseverity = { "style.test.formall" = "error" }',
     "'overrides[0].severity.\"style.test.formall\"'", "'style.test.formal'"),
    ('select = ["styel"]', "'select'", "'style'"),
]


@pytest.mark.parametrize("extra,key,suggestion", UNKNOWN_IDS, ids=[u[1] for u in UNKNOWN_IDS])
def test_unknown_rule_ids_in_a_config_are_errors(desk, extra, key, suggestion):
    body = config_text(extra) if not extra.startswith("select") else f'{extra}\nrule-packs = ["pack"]\n'
    (desk / "edlint.toml").write_text(body)
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    message = config_error_line(r, desk / "edlint.toml")
    assert message.startswith(f"key {key}")
    assert f"did you mean {suggestion}" in message


def test_rule_ids_from_packs_and_grammar_ids_are_known(desk):
    (desk / "edlint.toml").write_text(config_text(
        'ignore = ["grammar.en-a-vs-an"]', '[severity]', '"grammar.morfologik-rule-en-us" = "info"',
        '"style.test.hedge" = "error"'))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--ignore", "style.test.utilise,grammar.some-new-rule", "a.txt")
    assert r.exit_code == 1, r.output  # the hedge is an error now
    assert "a.txt:1:8: error: Hedge word" in r.stdout


def test_pack_ids_are_unknown_without_the_pack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--select", "style.test.hedge", "a.txt")
    assert r.exit_code == 2
    assert "'style.test.hedge' is not a rule id or category" in r.stderr


def test_python_api_checks_rule_ids():
    with pytest.raises(ConfigError, match=r"<dict>: key 'select': 'typography.repeated-wrod' is not a rule id "
                                          r"or category; did you mean 'typography.repeated-word'\?"):
        Config.from_dict({"select": ["typography.repeated-wrod"]})


# -- wrong values -------------------------------------------------------------------------

BAD_VALUES = [
    # (config lines, the key named, what it must be)
    ('[rules."readability.long-sentence"]\nvery-long-level = "loud"',
     "'rules.\"readability.long-sentence\".very-long-level'", "must be one of error, warning, info, not 'loud'"),
    ('[rules."style.test.hedge"]\ntokens = 5', "'rules.\"style.test.hedge\".tokens'",
     "must be a list of strings, not an integer (5)"),
    ('[rules."style.test.utilise"]\nswap = ["use"]', "'rules.\"style.test.utilise\".swap'", "must be a table"),
    ('[rules."readability.long-sentence"]\nlong-sentence = 0', "'rules.\"readability.long-sentence\".long-sentence'",
     "must be an integer of at least 1, not 0"),
    ('[languagetool]\ntimeout = -5', "'languagetool.timeout'", "must be a positive number, not -5"),
    ('[languagetool]\nlevel = "pedantic"', "'languagetool.level'", "must be one of default, picky"),
    ('languagetool = "ftp://x"', "'languagetool'", "must be off, auto, local or an http(s):// URL, not 'ftp://x'"),
    ('[languagetool]\nurl = "lt.example.org"', "'languagetool.url'", "must start with http:// or https://"),
    ('[readers]\nmax-file-size = -1', "'readers.max-file-size'", "must be a positive number, not -1"),
    # TOML's inf and nan (1e400 reads as inf): an internal error (OverflowError) before.
    ('[readers]\nmax-file-size = 1e400', "'readers.max-file-size'", "must be a finite number, not inf"),
    ('[readability]\ntarget-grade = nan', "'readability.target-grade'", "must be a finite number, not nan"),
    # A server URL that cannot be used: an "unexpected error" warning at check time, exit 0, before.
    ('languagetool = "http://localhost:99999"', "'languagetool'",
     "is not a usable server URL (Port out of range 0-65535): 'http://localhost:99999'"),
    ('[languagetool]\nurl = "http://"', "'languagetool.url'", "is not a usable server URL (no host)"),
    ('[readers]\nencoding = "klingon-8"', "'readers.encoding'", "must name a text encoding"),
    ('[readers]\njson-fields = { title = "pdf" }', "'readers.json-fields'", "not 'pdf'"),
    ('[readability]\npreset = "tabloid"', "'readability.preset'",
     "must be one of general-news, broadsheet, young-readers, not 'tabloid'"),
    ('[readability]\nformula = "flesh"', "'readability.formula'", "must be one of flesch-kincaid"),
    ('[readability]\nlong-sentence = -3', "'readability.long-sentence'", "must be an integer of at least 1"),
    ('[spelling]\nmin-length = 0', "'spelling.min-length'", "must be an integer of at least 1, not 0"),
    ('[boilerplate]\ncorpus-min-share = 2', "'boilerplate.corpus-min-share'", "must be a number from 0 to 1, not 2"),
    ('[[overrides]]\nfiles = ["*.txt"]\nlanguagetool = { timeout = 0 }', "'overrides[0].languagetool.timeout'",
     "must be a positive number, not 0"),
]


@pytest.mark.parametrize("extra,key,expected", BAD_VALUES, ids=[b[1] for b in BAD_VALUES])
def test_bad_values_are_exit_2_naming_file_key_and_type(desk, extra, key, expected):
    (desk / "edlint.toml").write_text(config_text(extra))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    message = config_error_line(r, desk / "edlint.toml")
    assert message.startswith(f"key {key} ")
    assert expected in message
    assert "a.txt:1:" not in r.stdout


def test_bad_values_fail_when_the_file_is_read(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."readability.long-sentence"]\nvery-long-level = "loud"\n')
    with pytest.raises(ConfigError, match="very-long-level' must be one of error, warning, info"):
        load_config_file(tmp_path / "edlint.toml")


def test_a_bad_value_is_reported_once_for_many_files(desk):
    (desk / "edlint.toml").write_text(config_text('[languagetool]', 'timeout = -5'))
    for name in ("a.txt", "b.txt", "c.txt"):
        (desk / name).write_text(ARTICLE)
    r = edlint("check", "a.txt", "b.txt", "c.txt")
    assert r.exit_code == 2, r.output
    assert r.stderr.count("key 'languagetool.timeout'") <= 2  # the message, then "2 more files not checked"
    assert "2 more files not checked" in r.stderr


def test_bad_languagetool_option_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--languagetool", "ftp://x", "a.txt")
    assert r.exit_code == 2, r.output
    assert "command line: --languagetool must be off, auto, local or an http(s):// URL, not 'ftp://x'" in r.stderr


BAD_RULE_FILE = """\
id = "style.test.broken"
type = "existence"
severity = "warning"
message = "Broken."
description = "A rule whose parameter has the wrong type."
[params]
patterns = 5
"""


def test_bad_rule_file_parameter_names_the_rule_file(desk):
    (desk / "pack" / "style" / "test-broken.toml").write_text(BAD_RULE_FILE)
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    rule_file = desk / "pack" / "style" / "test-broken.toml"
    assert (f"{rule_file}: rule style.test.broken: parameter 'patterns' must be a list of strings, "
            "not an integer (5)") in r.stderr
    assert "not iterable" not in r.stderr


def test_unknown_rule_file_parameter_suggests_the_right_one(desk):
    (desk / "pack" / "style" / "test-broken.toml").write_text(BAD_RULE_FILE.replace("patterns = 5", 'token = ["x"]'))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert "rule style.test.broken: parameter 'token': no such parameter for rule type 'existence'; " \
           "did you mean 'tokens'?" in r.stderr


def test_a_wrong_level_in_a_rule_file_never_reaches_the_report(desk):
    """The KeyError in the text report came from a level nobody checked."""
    rule = BAD_RULE_FILE.replace('type = "existence"', 'type = "readability-sentence"').replace(
        "patterns = 5", 'very-long-level = "loud"').replace("style.test.broken", "readability.test-broken")
    (desk / "pack" / "readability").mkdir()
    (desk / "pack" / "readability" / "test-broken.toml").write_text(rule)
    (desk / "a.txt").write_text(LONG * 2)
    r = edlint("check", "--select", "readability.test-broken", "a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    assert "parameter 'very-long-level' must be one of error, warning, info, not 'loud'" in r.stderr
