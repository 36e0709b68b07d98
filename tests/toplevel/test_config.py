"""Configuration: discovery upward from each file, validation errors, selection, severities,
per-glob overrides, vocabulary, and `edlint config PATH`."""
from __future__ import annotations

import tomllib

import pytest

from lint.config import Config, ConfigResolver, find_config_file, load_config_file
from lint.errors import ConfigError
from lint.ruleset import is_enabled
from lint.rule_files import load_pack

from .support import config_text, edlint, no_traceback, write_pack

ARTICLE = "It was very late!! They utilise it.\n"
# (line, column, rule) of every finding in ARTICLE with the whole test pack on.
ALL_FINDINGS = [(1, 8, "style.test.hedge"), (1, 17, "typography.test.bang"), (1, 25, "style.test.utilise")]


def found(result) -> list[tuple[str, int, int, str]]:
    """(path, line, column, rule) of each finding line in a text report."""
    out = []
    for line in result.stdout.splitlines():
        if "[" in line and line.count(":") >= 4:
            path, ln, col, _ = line.split(":", 3)
            out.append((path, int(ln), int(col), line.rsplit("[", 1)[1].rstrip("]")))
    return out


# -- discovery ------------------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path, pack, monkeypatch):
    """A repository (root/.git, root/pack) of four folders, each governed by a different
    config file found upward:

    root/edlint.toml               hedge only
    root/dot/.edlint.toml          bang only
    root/py/pyproject.toml         [tool.edlint] utilise only
    root/plain/pyproject.toml      no [tool.edlint]: skipped, root/edlint.toml applies
    root/dot/deep/er/              no config: root/dot/.edlint.toml applies
    """
    root = tmp_path / "root"
    write_pack(root / "pack")
    (root / ".git").mkdir()
    pk = (root / "pack").as_posix()
    (root / "dot" / "deep" / "er").mkdir(parents=True)
    (root / "py").mkdir()
    (root / "plain").mkdir()
    (root / "edlint.toml").write_text(f'select = ["style.test.hedge"]\nrule-packs = ["{pk}"]\n')
    (root / "dot" / ".edlint.toml").write_text(f'select = ["typography.test.bang"]\nrule-packs = ["{pk}"]\n')
    (root / "py" / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.edlint]\nselect = ["style.test.utilise"]\nrule-packs = ["{pk}"]\n')
    (root / "plain" / "pyproject.toml").write_text('[project]\nname = "y"\n')
    for d in ("", "dot", "dot/deep/er", "py", "plain"):
        (root / d / "a.txt").write_text(ARTICLE)
    elsewhere = tmp_path / "elsewhere"  # the working directory has no config of its own
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root


def test_each_file_uses_the_nearest_config_above_it(tree):
    paths = [str(tree / d / "a.txt") for d in ("", "dot", "dot/deep/er", "py", "plain")]
    r = edlint("check", "--format", "text", *paths)
    assert r.exit_code == 1, r.output  # utilise is an error
    assert found(r) == [
        (paths[0], 1, 8, "style.test.hedge"),
        (paths[1], 1, 17, "typography.test.bang"),
        (paths[2], 1, 17, "typography.test.bang"),
        (paths[4], 1, 8, "style.test.hedge"),  # reports are sorted by path: plain/ before py/
        (paths[3], 1, 25, "style.test.utilise"),
    ]


def test_find_config_file_names(tree):
    assert find_config_file(tree / "a.txt") == tree / "edlint.toml"
    assert find_config_file(tree / "dot" / "deep" / "er" / "a.txt") == tree / "dot" / ".edlint.toml"
    assert find_config_file(tree / "py") == tree / "py" / "pyproject.toml"
    assert find_config_file(tree / "plain" / "a.txt") == tree / "edlint.toml"


def test_edlint_toml_wins_over_dot_file_and_pyproject_in_one_folder(tree):
    (tree / "py" / "edlint.toml").write_text(
        f'select = ["style.test.hedge"]\nrule-packs = ["{(tree / "pack").as_posix()}"]\n')
    (tree / "py" / ".edlint.toml").write_text('select = ["typography.test.bang"]\n')
    assert find_config_file(tree / "py" / "a.txt") == tree / "py" / "edlint.toml"
    r = edlint("check", tree / "py" / "a.txt")
    assert found(r) == [(str(tree / "py" / "a.txt"), 1, 8, "style.test.hedge")]


def test_dot_file_wins_over_pyproject_in_one_folder(tree):
    (tree / "py" / ".edlint.toml").write_text(
        f'select = ["typography.test.bang"]\nrule-packs = ["{(tree / "pack").as_posix()}"]\n')
    assert find_config_file(tree / "py" / "a.txt") == tree / "py" / ".edlint.toml"


def test_explicit_config_wins_over_discovery(tree, tmp_path):
    explicit = tmp_path / "ci.toml"
    explicit.write_text(f'select = ["style.test.utilise"]\nrule-packs = ["{(tmp_path / "pack").as_posix()}"]\n')
    r = edlint("check", "--config", explicit, tree / "a.txt", tree / "dot" / "a.txt")
    assert r.exit_code == 1
    assert [f[3] for f in found(r)] == ["style.test.utilise", "style.test.utilise"]


def test_rule_packs_are_relative_to_the_config_file(tree, tmp_path):
    (tmp_path / "root" / "rel").mkdir()
    (tmp_path / "root" / "rel" / "edlint.toml").write_text(
        'select = ["style.test.hedge"]\nrule-packs = ["../../pack"]\n')
    cfg = load_config_file(tmp_path / "root" / "rel" / "edlint.toml")
    assert cfg.rule_packs == (str((tmp_path / "pack").resolve()),)


def test_check_paths_discovers_configs_too(tree):
    import lint

    result = lint.check_paths([tree / "dot" / "a.txt", tree / "py" / "a.txt"])
    assert [(d.rule, d.line, d.column) for d in result.findings] == [
        ("typography.test.bang", 1, 17), ("style.test.utilise", 1, 25)]


# -- errors -------------------------------------------------------------------------------

BAD_CONFIGS = [
    # (extra config lines, words the message must contain)
    ("bogus = 1", ["unknown key 'bogus'"]),
    ('fail-on = "sometimes"', ["'fail-on'", "error, warning, info, never"]),
    ('language = 5', ["'language'"]),
    ('[severity]\n"style.test.hedge" = "loud"', ["'severity.\"style.test.hedge\"'", "off"]),
    ('[vocabulary]\naccept = ["x"]\nbogus = ["y"]', ["'vocabulary.bogus'"]),
    ('[spelling]\nmin-length = "three"', ["'spelling.min-length'", "integer"]),
    ('[spelling]\ncolour = true', ["'spelling.colour'"]),
    ('[readers]\nfoo = 1', ["'readers.foo'"]),
    ('[[overrides]]\nfiles = ["*.txt"]\nbogus = 1', ["'overrides[0].bogus'"]),
    ('[[overrides]]\nfiles = ["*.txt"]\nfail-on = "never"', ["'overrides[0].fail-on'"]),
    ('[rules."style.test.nope"]\ntokens = ["x"]', ["'rules.\"style.test.nope\"'", "no such rule"]),
    ('[rules."style.test.hedge"]\nbogus = ["x"]', ["'rules.\"style.test.hedge\".bogus'", "no such parameter"]),
]


@pytest.mark.parametrize("extra,words", BAD_CONFIGS, ids=[b[1][0] for b in BAD_CONFIGS])
def test_bad_config_is_exit_2_naming_file_and_key(desk, extra, words):
    (desk / "edlint.toml").write_text(config_text(extra))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    no_traceback(r)
    # One line names the config file, then the key (it may be prefixed by the article it stopped).
    line = next(x for x in r.stderr.splitlines() if f"{desk / 'edlint.toml'}: " in x)
    assert line.startswith("edlint: error: ")
    for w in words:
        assert w in line.split(f"{desk / 'edlint.toml'}: ", 1)[1]
    assert "a.txt:1:" not in r.stdout  # the article under the broken config is not checked


def test_bad_selector_names_the_key(desk):
    (desk / "edlint.toml").write_text('select = ["styel"]\n')
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert f"{desk / 'edlint.toml'}: key 'select': 'styel' is not a rule id or category" in r.stderr


def test_toml_syntax_error(desk):
    (desk / "edlint.toml").write_text('select = ["style.test"\n')
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    no_traceback(r)
    assert f"{desk / 'edlint.toml'}:1: invalid TOML: " in r.stderr  # file:line


def test_error_in_pyproject_names_pyproject(tmp_path, pack, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.edlint]\nrule-packs = ["pack"]\nselct = ["style"]\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}: unknown key 'selct'" in r.stderr


@pytest.mark.parametrize("pyproject, error", [
    ('[tool]\nedlint = 3\n', "[tool.edlint] must be a table"),
    ('[tool.edlint]\nselect = ["style"\n', "invalid TOML"),  # broken, but edlint's: reported, not skipped
    ('[tool.edlint]\nselect = ["style"]\n# caf\xe9\n', "not UTF-8"),
])
def test_a_malformed_pyproject_table_is_an_error_not_a_crash_or_a_skip(tmp_path, monkeypatch, pyproject, error):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(pyproject.encode("latin-1"))
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    for args in (["check", "a.txt"], ["config", "a.txt"]):
        r = edlint(*args)
        no_traceback(r)
        assert r.exit_code == 2 and error in r.stderr and "internal error" not in r.stderr, r.output


@pytest.mark.parametrize("pyproject", ['[project]\nname = "x"\nversion = \n', 'tool = 1979-05-27T07:32:00Z\n'])
def test_a_pyproject_without_an_edlint_table_is_passed_over(tmp_path, monkeypatch, pyproject):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert find_config_file(tmp_path / "a.txt") is None
    r = edlint("check", "--languagetool", "off", "a.txt")
    no_traceback(r)
    assert r.exit_code in (0, 1)
    given = edlint("check", "--config", "pyproject.toml", "a.txt")  # named: it must then hold the table
    no_traceback(given)
    assert given.exit_code == 2 and "internal error" not in given.stderr


def test_missing_explicit_config(desk):
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--config", "nope.toml", "a.txt")
    assert r.exit_code == 2
    no_traceback(r)
    assert "nope.toml: cannot read: " in r.stderr


def test_missing_rule_pack_directory(desk):
    (desk / "edlint.toml").write_text(config_text().replace('"pack"', '"nopack"'))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert f"{desk / 'nopack'}: rule pack directory not found" in r.stderr


def test_bad_cli_selector(desk):
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "--select", "grammer", "a.txt")
    assert r.exit_code == 2
    assert "'grammer' is not a rule id or category" in r.stderr


def test_load_config_file_raises_config_error(tmp_path):
    (tmp_path / "edlint.toml").write_text("bogus = true\n")
    with pytest.raises(ConfigError, match=r"edlint\.toml: unknown key 'bogus'"):
        load_config_file(tmp_path / "edlint.toml")


# -- selection and severity ---------------------------------------------------------------

def run_with(desk, *lines, args=()):
    (desk / "edlint.toml").write_text(config_text(*lines))
    (desk / "a.txt").write_text(ARTICLE)
    return edlint("check", *args, "a.txt")


def test_whole_pack(desk):
    r = run_with(desk)
    assert [f[1:] for f in found(r)] == ALL_FINDINGS


def test_select_one_rule(desk):
    r = run_with(desk, args=("--select", "style.test.hedge"))
    assert r.exit_code == 0  # a warning; the default fail level is error
    assert [f[1:] for f in found(r)] == [(1, 8, "style.test.hedge")]


def test_ignore_one_rule(desk):
    r = run_with(desk, 'ignore = ["style.test.utilise"]')
    assert r.exit_code == 0
    assert [f[1:] for f in found(r)] == [ALL_FINDINGS[0], ALL_FINDINGS[1]]


def test_cli_ignore_extends_config_ignore(desk):
    r = run_with(desk, 'ignore = ["style.test.utilise"]', args=("--ignore", "style.test.hedge"))
    assert [f[1:] for f in found(r)] == [ALL_FINDINGS[1]]


def test_cli_select_replaces_config_select(desk):
    r = run_with(desk, args=("--select", "typography.test.bang,style.test.utilise"))
    assert [f[1:] for f in found(r)] == ALL_FINDINGS[1:]


def test_most_specific_selector_wins(desk):
    # The rule id in select beats the category in ignore; the prefix in ignore beats "all".
    r = run_with(desk, 'ignore = ["style"]', args=("--select", "style.test.hedge,typography.test"))
    assert [f[1:] for f in found(r)] == ALL_FINDINGS[:2]


def test_ignore_a_category(desk):
    # A tie between select and ignore goes to ignore: every typography rule is off.
    r = run_with(desk, 'ignore = ["typography"]', args=("--select", "typography,style.test"))
    assert [f[1:] for f in found(r)] == [ALL_FINDINGS[0], ALL_FINDINGS[2]]


def test_select_a_category(desk):
    r = run_with(desk, args=("--select", "typography"))
    mine = [f[1:] for f in found(r) if ".test." in f[3]]
    assert mine == [ALL_FINDINGS[1]]


def test_rule_off_by_default_needs_naming(pack):
    specs = {s.id: s for s in load_pack(pack)}
    formal, hedge = specs["style.test.formal"], specs["style.test.hedge"]
    assert not is_enabled(formal, ("all",), ())
    assert is_enabled(hedge, ("all",), ())
    assert is_enabled(formal, ("style",), ())
    assert is_enabled(formal, ("style.test.formal",), ())
    assert not is_enabled(formal, ("style.test.formal",), ("style.test.formal",))  # ties go to ignore


def test_rule_off_by_default_runs_when_selected(desk):
    (desk / "edlint.toml").write_text(config_text())
    (desk / "a.txt").write_text("We hereby resign.\n")
    r = edlint("check", "--select", "style.test.formal", "a.txt")
    assert found(r) == [("a.txt", 1, 4, "style.test.formal")]


def test_severity_of_a_rule(desk):
    r = run_with(desk, '[severity]', '"style.test.hedge" = "error"', '"style.test.utilise" = "info"')
    assert r.stdout.splitlines()[:3] == [
        "a.txt:1:8: error: Hedge word: “very”. [style.test.hedge]",
        "a.txt:1:17: info: Doubled exclamation mark. [typography.test.bang]",
        "a.txt:1:25: info: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]",
    ]
    assert r.exit_code == 1


def test_severity_of_a_category_and_a_more_specific_rule(desk):
    r = run_with(desk, '[severity]', 'style = "info"', '"style.test.hedge" = "warning"')
    assert r.exit_code == 0  # no error left
    assert [line.split(": ")[1] for line in r.stdout.splitlines()[:3]] == ["warning", "info", "info"]


def test_severity_off_turns_a_rule_off(desk):
    r = run_with(desk, '[severity]', '"style.test.utilise" = "off"', 'typography = "off"')
    assert r.exit_code == 0
    assert [f[1:] for f in found(r)] == [ALL_FINDINGS[0]]


def test_rule_parameters_from_config(desk):
    r = run_with(desk, '[rules."style.test.hedge"]', 'tokens = ["late"]')
    assert [f[1:] for f in found(r)][0] == (1, 13, "style.test.hedge")
    assert "“late”" in r.stdout and "“very”" not in r.stdout


def test_fail_on_from_config(desk):
    r = run_with(desk, 'fail-on = "never"')
    assert r.exit_code == 0
    r = run_with(desk, 'fail-on = "info"', args=("--select", "typography.test.bang"))
    assert r.exit_code == 1


# -- overrides ----------------------------------------------------------------------------

def test_overrides_apply_per_glob(desk):
    (desk / "edlint.toml").write_text(config_text(
        '[[overrides]]', 'files = ["briefs/**"]', 'ignore = ["typography.test.bang"]',
        'severity = { "style.test.hedge" = "error" }',
        '[[overrides]]', 'files = ["*.md"]', 'vocabulary = { accept = ["utilise"] }'))
    for d in ("news", "briefs/today"):
        (desk / d).mkdir(parents=True)
        (desk / d / "a.txt").write_text(ARTICLE)
    r = edlint("check", "news", "briefs")
    assert r.stdout.splitlines()[:5] == [
        "briefs/today/a.txt:1:8: error: Hedge word: “very”. [style.test.hedge]",
        "briefs/today/a.txt:1:25: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]",
        "news/a.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]",
        "news/a.txt:1:17: info: Doubled exclamation mark. [typography.test.bang]",
        "news/a.txt:1:25: error: Use “use” instead of “utilise”. Suggestions: use. [style.test.utilise]",
    ]


def test_override_globs_are_relative_to_the_config(tmp_path, pack, monkeypatch):
    (tmp_path / "edlint.toml").write_text(config_text(
        '[[overrides]]', 'files = ["desk/*.txt"]', 'ignore = ["style.test"]'))
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path / "desk")  # the glob still matches from below
    r = edlint("check", "a.txt")
    assert [f[1:] for f in found(r)] == [ALL_FINDINGS[1]]


def test_for_path_applies_overrides(tmp_path, pack):
    (tmp_path / "edlint.toml").write_text(config_text(
        '[[overrides]]', 'files = ["opinion/*.txt"]', 'language = "en-GB"', 'extend-select = ["style.test.formal"]'))
    cfg = load_config_file(tmp_path / "edlint.toml")
    op = cfg.for_path(str(tmp_path / "opinion" / "x.txt"))
    news = cfg.for_path(str(tmp_path / "news" / "x.txt"))
    assert (op.language, news.language) == ("en-GB", "auto")
    assert op.select == ("style.test", "typography.test", "style.test.formal")
    assert op.overrides == () and news.overrides == ()


# -- vocabulary ---------------------------------------------------------------------------

def test_accepted_terms_are_never_flagged(desk):
    (desk / "edlint.toml").write_text(config_text('[vocabulary]', 'accept = ["very", "Utilise"]'))
    (desk / "a.txt").write_text("Very good. VERY good. They utilise it. Utilise it.\n")
    r = edlint("check", "a.txt")
    # a lower-case entry accepts any case; an entry with a capital accepts only that spelling
    assert [f[1:] for f in found(r)] == [(1, 28, "style.test.utilise")]


def test_accepted_pattern_and_accept_file(desk):
    (desk / "words.txt").write_text("# house words\nquite\n")
    (desk / "edlint.toml").write_text(config_text(
        '[vocabulary]', 'accept = ["re:utilis(e|ed)"]', 'accept-files = ["words.txt"]'))
    (desk / "a.txt").write_text("Quite so. They utilised it, very much.\n")
    r = edlint("check", "a.txt")
    assert [f[1:] for f in found(r)] == [(1, 29, "style.test.hedge")]


def test_missing_vocabulary_file(desk):
    (desk / "edlint.toml").write_text(config_text('[vocabulary]', 'accept-files = ["nowords.txt"]'))
    (desk / "a.txt").write_text(ARTICLE)
    r = edlint("check", "a.txt")
    assert r.exit_code == 2
    assert "key 'vocabulary.accept-files': word file " in r.stderr and "nowords.txt: cannot read: " in r.stderr


# -- edlint config ------------------------------------------------------------------------

def test_config_command_prints_effective_toml(desk):
    (desk / "edlint.toml").write_text(config_text(
        'fail-on = "warning"', '[severity]', 'style = "info"',
        '[[overrides]]', 'files = ["briefs/*"]', 'severity = { "style.test.hedge" = "error" }',
        'ignore = ["typography"]'))
    (desk / "briefs").mkdir()
    (desk / "briefs" / "a.txt").write_text(ARTICLE)
    r = edlint("config", "briefs/a.txt")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "# effective configuration for briefs/a.txt"
    assert lines[1] == f"# from: {desk / 'edlint.toml'}"
    data = tomllib.loads(r.stdout)
    assert data["select"] == ["style.test", "typography.test"]
    assert data["ignore"] == ["typography"]
    assert data["fail-on"] == "warning"
    assert data["severity"] == {"style": "info", "style.test.hedge": "error"}
    assert data["rule-packs"] == [str(desk / "pack")]
    assert "overrides" not in data  # already applied for this path
    other = tomllib.loads(edlint("config", "a.txt").stdout)
    assert other["severity"] == {"style": "info"} and other["ignore"] == []


def test_config_command_without_a_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = edlint("config", ".")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[1].startswith("# from: built-in defaults")
    data = tomllib.loads(r.stdout)
    assert data["select"] == ["all"] and data["fail-on"] == "error" and data["language"] == "auto"


def test_config_command_reports_a_bad_config(desk):
    (desk / "edlint.toml").write_text("select = 3\n")
    r = edlint("config", ".")
    assert r.exit_code == 2
    no_traceback(r)
    assert f"{desk / 'edlint.toml'}: key 'select' must be a list of strings" in r.stderr


def test_no_config_means_defaults(tmp_path):
    cfg = ConfigResolver().for_path(str(tmp_path / "a.txt"))
    assert cfg == Config()
    assert (cfg.select, cfg.ignore, cfg.fail_on, cfg.language) == (("all",), (), "error", "auto")


def test_config_command_with_explicit_config(desk):
    (desk / "ci.toml").write_text(config_text('language = "en-GB"'))
    r = edlint("config", "--config", "ci.toml", "a.txt")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[1] == "# from: ci.toml"
    assert tomllib.loads(r.stdout)["language"] == "en-GB"
