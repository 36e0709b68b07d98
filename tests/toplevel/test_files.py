"""Which files a directory expands to: include/exclude globs from the config and the command
line, folders skipped by default, and explicit files checked as given."""
from __future__ import annotations

import pytest

from .support import config_text, edlint

FILES = ["news/a.txt", "news/b.md", "news/c.rst", "news/.svn/x.txt", "news/node_modules/y.md",
         "news/drafts/d.txt", "news/sub/e.html", "news/sub/deeper/f.json"]


@pytest.fixture
def news(desk):
    for p in FILES:
        (desk / p).parent.mkdir(parents=True, exist_ok=True)
        if p.endswith(".json"):
            (desk / p).write_text('{"title": "Very good"}')
        else:
            (desk / p).write_text("Very.\n")
    return desk


def checked(*args) -> list[str]:
    r = edlint("check", "-q", *args)
    assert r.exit_code == 0, r.output
    return [line.split(":")[0] for line in r.stdout.splitlines()]


def test_directory_walk_default_include_and_exclude(news):
    assert checked("news") == ["news/a.txt", "news/b.md", "news/drafts/d.txt", "news/sub/deeper/f.json",
                               "news/sub/e.html"]


def test_cli_exclude(news):
    assert checked("--exclude", "drafts/", "news") == ["news/a.txt", "news/b.md", "news/sub/deeper/f.json",
                                                       "news/sub/e.html"]
    assert checked("--exclude", "*.md,sub", "news") == ["news/a.txt", "news/drafts/d.txt"]


def test_cli_include_replaces_the_default(news):
    assert checked("--include", "*.rst", "news") == ["news/c.rst"]


def test_config_include_and_exclude(news):
    (news / "edlint.toml").write_text(config_text('include = ["*.txt", "*.rst"]', 'exclude = ["drafts/"]'))
    assert checked("news") == ["news/a.txt", "news/c.rst"]


def test_cli_exclude_extends_config_exclude(news):
    (news / "edlint.toml").write_text(config_text('exclude = ["drafts/"]'))
    assert checked("--exclude", "sub/", "news") == ["news/a.txt", "news/b.md"]


def test_explicit_files_are_checked_as_given(news):
    # Any extension, and even when an exclude glob would skip it inside a directory walk.
    assert checked("news/c.rst", "news/drafts/d.txt", "--exclude", "drafts/") == ["news/c.rst",
                                                                                  "news/drafts/d.txt"]


def test_a_file_given_twice_is_checked_once(news):
    assert checked("news/a.txt", "news/a.txt") == ["news/a.txt"]


def test_nothing_left_after_exclude_is_an_error(news):
    r = edlint("check", "--exclude", "*", "news")
    assert r.exit_code == 2
    assert "edlint: error: news: no articles found in this directory" in r.stderr


# -- directories that can't be listed ------------------------------------------------

@pytest.fixture
def unlistable(news, monkeypatch):
    """news/sub can't be listed (as a directory without read permission, which root can
    read anyway: so the refusal is made here)."""
    import os

    real = os.scandir

    def scandir(path="."):
        if os.path.normpath(os.fspath(path)) == os.path.join("news", "sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return news


def test_a_directory_that_cannot_be_listed_is_an_input_error(unlistable):
    r = edlint("check", "-q", "news")
    assert r.exit_code == 2
    assert r.stderr == "edlint: error: news/sub: cannot list this directory: Permission denied\n"
    # everything else is still checked
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == ["news/a.txt", "news/b.md",
                                                                      "news/drafts/d.txt"]


def test_a_top_directory_that_cannot_be_listed_gets_one_message(unlistable):
    r = edlint("check", "-q", "news/sub", "news/a.txt")
    assert r.exit_code == 2
    assert r.stderr == "edlint: error: news/sub: cannot list this directory: Permission denied\n"
    assert r.stdout.startswith("news/a.txt:1:1: ")


# -- symbolic links --------------------------------------------------------------------

@pytest.fixture
def linked(news, tmp_path_factory):
    """Links in news/: to a file and a folder outside the tree, and to a file inside it."""
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "secret.txt").write_text("Quite private.\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "more.md").write_text("Very private.\n")
    tree = news / "news"
    (tree / "leak.txt").symlink_to(outside / "secret.txt")
    (tree / "sub" / "leakdir").symlink_to(outside / "folder", target_is_directory=True)
    (tree / "same.txt").symlink_to(tree / "a.txt")
    return news


NOTE = ("edlint: warning: 2 symbolic links leading out of the checked directory not followed "
        "(first: news/leak.txt); --follow-symlinks checks their targets\n")


def test_links_out_of_the_tree_are_not_followed(linked):
    r = edlint("check", "-q", "news")
    assert r.exit_code == 0, r.output
    assert r.stderr == NOTE
    assert "private" not in r.stdout
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [
        "news/a.txt", "news/b.md", "news/drafts/d.txt", "news/same.txt", "news/sub/deeper/f.json", "news/sub/e.html"]


def test_follow_symlinks_opts_in(linked):
    r = edlint("check", "-q", "--follow-symlinks", "news")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == [
        "news/a.txt", "news/b.md", "news/drafts/d.txt", "news/leak.txt", "news/same.txt",
        "news/sub/deeper/f.json", "news/sub/e.html", "news/sub/leakdir/more.md"]


def test_a_link_named_on_the_command_line_is_checked(linked):
    r = edlint("check", "-q", "news/leak.txt")
    assert r.stdout.startswith("news/leak.txt:1:1: warning: Hedge word: “Quite”.")


def test_a_link_loop_is_walked_once(news):
    (news / "news" / "sub" / "loop").symlink_to(news / "news" / "sub", target_is_directory=True)
    r = edlint("check", "-q", "--follow-symlinks", "news/sub")
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == ["news/sub/deeper/f.json", "news/sub/e.html"]


@pytest.mark.parametrize("command", ["stats", "vocab", "fix"])
def test_other_commands_share_the_rule(linked, command):
    args = [command, "news"] + (["--diff"] if command == "fix" else [])
    r = edlint(*args)
    assert NOTE in r.stderr
    assert "leak" not in r.stdout and "private" not in r.stdout
    r = edlint(*args, "--follow-symlinks")
    assert "symbolic link" not in r.stderr
    if command == "stats":
        assert "news/leak.txt" in r.stdout and "news/sub/leakdir/more.md" in r.stdout
