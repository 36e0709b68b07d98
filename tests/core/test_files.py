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
