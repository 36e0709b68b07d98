"""Config globs: gitignore semantics, and pathspec's plain backend whatever else is installed."""
from lint.globspec import gitignore_spec


def test_gitignore_semantics_hold():
    spec = gitignore_spec(["drafts/", "*.min.md", "!keep.min.md"])
    assert spec.match_file("drafts/a.md")
    assert spec.match_file("news/x.min.md")
    assert not spec.match_file("news/keep.min.md")
    assert not spec.match_file("news/a.md")


def test_the_plain_backend_is_used_even_with_hyperscan_installed():
    # Hyperscan (a dependency on x86-64 Linux) would be pathspec's default pick: a database
    # compiled per glob list, about 30 ms, paid per checked file for a config's overrides.
    assert gitignore_spec(["*.md"])._backend_name == "simple"
