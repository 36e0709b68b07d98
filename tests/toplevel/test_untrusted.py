"""Running on a checkout you don't trust (a pull request): the config search stops at the
repository root, --no-nested-config keeps a nested config from switching the gate off, a
found config may not reach outside its tree, and only a trusted source picks the
LanguageTool server the articles are sent to."""
from __future__ import annotations

import tomllib

import pytest

from lint.config import ConfigResolver, find_config_file

from .support import SELECT, edlint, no_traceback, write_pack

ARTICLE = "It was very late!! They utilise it.\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """tmp_path/checkout: a repository with a config selecting its own test pack, and an
    articles/ folder; tmp_path itself (outside the repository) holds another config."""
    (tmp_path / "edlint.toml").write_text('ignore = ["all"]\n')  # above the repository: never used
    root = tmp_path / "checkout"
    (root / ".git").mkdir(parents=True)
    write_pack(root / "pack")
    (root / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["pack"]\n')
    (root / "articles").mkdir()
    (root / "articles" / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(root)
    return root


def rules_found(r) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in r.stdout.splitlines() if line.endswith("]")]


# -- the search stops at the repository root ----------------------------------------------

def test_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "edlint.toml").write_text('ignore = ["all"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "news").mkdir()
    (tmp_path / "repo" / "news" / "a.txt").write_text("Teh end.\n")
    assert find_config_file(tmp_path / "repo" / "news" / "a.txt") is None
    r = edlint("check", "--fail-on", "warning", tmp_path / "repo" / "news" / "a.txt")
    assert r.exit_code == 1, r.output  # the defaults: the misspelling (a warning) is found
    assert "spelling.misspelling" in r.stdout


def test_a_git_file_marks_the_root_too(tmp_path):
    """A linked worktree or a submodule has a .git file, not a folder."""
    (tmp_path / "edlint.toml").write_text('ignore = ["all"]\n')
    (tmp_path / "wt").mkdir()
    (tmp_path / "wt" / ".git").write_text("gitdir: /somewhere/else\n")
    assert find_config_file(tmp_path / "wt") is None
    (tmp_path / "wt" / ".edlint.toml").write_text('language = "en-GB"\n')
    assert find_config_file(tmp_path / "wt") == tmp_path / "wt" / ".edlint.toml"


def test_config_at_the_root_is_still_found_from_below(repo):
    assert find_config_file(repo / "articles" / "a.txt") == repo / "edlint.toml"


# -- a nested config can't switch the gate off --------------------------------------------

@pytest.fixture
def gate_off(repo):
    (repo / "articles" / ".edlint.toml").write_text('ignore = ["all"]\n')
    return repo


def test_a_nested_config_governs_its_folder_by_default(gate_off):
    r = edlint("check", "articles/a.txt")
    assert r.exit_code == 0 and rules_found(r) == []


def test_no_nested_config_ignores_configs_below(gate_off):
    r = edlint("check", "--no-nested-config", "articles/a.txt")
    assert r.exit_code == 1, r.output
    assert rules_found(r) == ["style.test.hedge", "typography.test.bang", "style.test.utilise"]


def test_a_pinned_config_ignores_configs_below(gate_off, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text(f'{SELECT}\nrule-packs = ["{(gate_off / "pack").as_posix()}"]\n')
    for extra in ((), ("--no-nested-config",)):
        r = edlint("check", "--config", policy, *extra, "articles/a.txt")
        assert r.exit_code == 1, r.output
        assert "style.test.utilise" in rules_found(r)


def test_config_command_shows_what_no_nested_config_applies(gate_off):
    nested = tomllib.loads(edlint("config", "articles/a.txt").stdout)
    assert nested["ignore"] == ["all"]
    r = edlint("config", "--no-nested-config", "articles/a.txt")
    assert r.stdout.splitlines()[1] == f"# from: {gate_off / 'edlint.toml'}"
    assert tomllib.loads(r.stdout)["ignore"] == []


# -- paths outside the config's tree ------------------------------------------------------

def test_rule_pack_outside_the_repository_is_refused(repo, tmp_path):
    write_pack(tmp_path / "elsewhere")
    (repo / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["../elsewhere"]\n')
    r = edlint("check", "articles/a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    assert (f"{repo / 'edlint.toml'}: key 'rule-packs' names {tmp_path / 'elsewhere'}, outside {repo}") in r.stderr
    assert "--allow-outside-paths" in r.stderr
    r = edlint("check", "--allow-outside-paths", "articles/a.txt")
    assert r.exit_code == 1, r.output
    assert "style.test.utilise" in rules_found(r)


def test_word_file_outside_the_repository_is_refused(repo, tmp_path):
    (tmp_path / "secret.txt").write_text("utilise\n")
    (repo / "articles" / ".edlint.toml").write_text(
        f'{SELECT}\nrule-packs = ["../pack"]\n[vocabulary]\naccept-files = ["../../secret.txt"]\n')
    r = edlint("check", "articles/a.txt")
    assert r.exit_code == 2, r.output
    assert "key 'vocabulary.accept-files' names" in r.stderr and "outside" in r.stderr
    # Inside the repository (above the nested config's own folder) is fine.
    (repo / "words.txt").write_text("utilise\n")
    (repo / "articles" / ".edlint.toml").write_text(
        f'{SELECT}\nrule-packs = ["../pack"]\n[vocabulary]\naccept-files = ["../words.txt"]\n')
    r = edlint("check", "articles/a.txt")
    assert r.exit_code == 0, r.output
    assert "style.test.utilise" not in rules_found(r)


def test_a_link_out_of_the_repository_is_refused(repo, tmp_path):
    (tmp_path / "secret.txt").write_text("utilise\n")
    (repo / "words.txt").symlink_to(tmp_path / "secret.txt")
    (repo / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["pack"]\n[vocabulary]\naccept-files = ["words.txt"]\n')
    r = edlint("check", "articles/a.txt")
    assert r.exit_code == 2, r.output
    assert "outside" in r.stderr


def test_outside_a_repository_the_tree_is_the_config_folder(tmp_path, monkeypatch):
    write_pack(tmp_path / "pack")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["../pack"]\n')
    (tmp_path / "desk" / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path / "desk")
    r = edlint("check", "a.txt")
    assert r.exit_code == 2 and "outside" in r.stderr


def test_a_pinned_config_may_name_paths_anywhere(repo, tmp_path):
    write_pack(tmp_path / "house")
    (tmp_path / "ci.toml").write_text(f'{SELECT}\nrule-packs = ["house"]\n')
    r = edlint("check", "--config", tmp_path / "ci.toml", "articles/a.txt")
    assert r.exit_code == 1, r.output


# -- the LanguageTool server --------------------------------------------------------------

@pytest.mark.parametrize("line", ['languagetool = "http://collector.example:8081"',
                                  '[languagetool]\nurl = "https://collector.example/v2"'])
def test_a_found_config_may_not_pick_the_server_with_no_nested_config(repo, line):
    (repo / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["pack"]\n{line}\n')
    r = edlint("check", "--no-nested-config", "articles/a.txt")
    assert r.exit_code == 2, r.output
    no_traceback(r)
    assert "may not choose a LanguageTool server with --no-nested-config" in r.stderr


def test_pinned_config_and_command_line_may_pick_the_server(repo, tmp_path):
    (tmp_path / "ci.toml").write_text('languagetool = "http://lt.internal:8081"\n')
    cfg = ConfigResolver(str(tmp_path / "ci.toml"), nested=False).for_path("articles/a.txt")
    assert cfg.settings_map()["languagetool"]["mode"] == "http://lt.internal:8081"
    cli = ConfigResolver(None, {"languagetool": "http://lt.internal:8081"}, nested=False)
    assert cli.for_path("articles/a.txt").settings_map()["languagetool"]["mode"] == "http://lt.internal:8081"
    # Without --no-nested-config a found config still may (the README says what that means).
    (repo / "edlint.toml").write_text('languagetool = "http://lt.internal:8081"\n')
    found = ConfigResolver().for_path("articles/a.txt")
    assert found.settings_map()["languagetool"]["mode"] == "http://lt.internal:8081"
