"""Suppression comments, applied by the engine to every rule: ranges, next line, categories,
in plain text (a line holding only the comment), Markdown and HTML."""
from __future__ import annotations

import pytest

import lint
from lint.config import Config, _apply

from .support import edlint


@pytest.fixture
def cfg(pack):
    return _apply(Config(root=str(pack.parent)),
                  {"select": ["style.test", "typography.test"], "rule-packs": ["pack"]}, "<test>")


def where(text, path, cfg):
    return [(d.line, d.column, d.rule) for d in lint.check_text(text, path=path, config=cfg)]


HEDGE, BANG = "style.test.hedge", "typography.test.bang"


# -- plain text ---------------------------------------------------------------------------

def test_text_disable_enable_range(cfg):
    text = ("Very good.\n"
            "<!-- edlint-disable style.test.hedge -->\n"
            "Very good!!\n"
            "<!-- edlint-enable style.test.hedge -->\n"
            "Very good.\n")
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (3, 10, BANG), (5, 1, HEDGE)]


def test_text_disable_without_enable_runs_to_the_end(cfg):
    text = "Very.\n<!-- edlint-disable style.test.hedge -->\nVery!!\n\nVery much.\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (3, 5, BANG)]


def test_text_disable_everything(cfg):
    text = "Very!!\n<!-- edlint-disable -->\nVery!!\n<!-- edlint-enable -->\nQuite!!\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (1, 5, BANG), (5, 1, HEDGE), (5, 6, BANG)]


def test_text_several_rules_in_one_comment(cfg):
    text = "Very.\n<!-- edlint-disable style.test.hedge, typography.test.bang -->\nVery!!\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE)]


def test_text_category_selector(cfg):
    text = "Very!!\n<!-- edlint-disable typography -->\nVery!!\n<!-- edlint-enable typography -->\nVery!!\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (1, 5, BANG), (3, 1, HEDGE),
                                         (5, 1, HEDGE), (5, 5, BANG)]


def test_text_disable_next_line_skips_blank_lines(cfg):
    text = "Very good.\n<!-- edlint-disable-next-line style -->\n\nVery good!!\nVery.\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (4, 10, BANG), (5, 1, HEDGE)]


def test_text_disable_next_line_covers_only_that_line(cfg):
    text = "<!-- edlint-disable-next-line -->\nVery!! Quite!!\nVery!!\n"
    assert where(text, "a.txt", cfg) == [(3, 1, HEDGE), (3, 5, BANG)]


def test_text_comment_line_with_spacing_is_a_directive(cfg):
    text = "Very.\n  <!--edlint-disable-next-line style.test.hedge-->  \nVery!!\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (3, 5, BANG)]


def test_text_comment_inside_a_line_is_prose_not_a_directive(cfg):
    # Only a line holding nothing but the comment is a directive in plain text.
    text = "It was very late <!-- edlint-disable --> very.\n"
    assert where(text, "a.txt", cfg) == [(1, 8, HEDGE), (1, 42, HEDGE)]


def test_text_directive_inside_a_paragraph_keeps_positions(cfg):
    text = "Very good,\n<!-- edlint-disable-next-line style.test.hedge -->\nvery good,\nquite good!!\n"
    assert where(text, "a.txt", cfg) == [(1, 1, HEDGE), (4, 1, HEDGE), (4, 11, BANG)]


def test_suppression_through_the_cli(desk):
    (desk / "a.txt").write_text("Very.\n<!-- edlint-disable-next-line style.test.hedge -->\nVery!!\n")
    r = edlint("check", "--fail-on", "info", "a.txt")
    assert r.stdout.splitlines() == [
        "a.txt:1:1: warning: Hedge word: “Very”. [style.test.hedge]",
        "a.txt:3:5: info: Doubled exclamation mark. [typography.test.bang]",
        "2 findings (0 errors, 1 warning, 1 info) in 1 file - 1 file checked",
    ]
    assert r.exit_code == 1


# -- Markdown -----------------------------------------------------------------------------

def test_markdown_disable_enable_everything(cfg):
    text = "Very good.\n\n<!-- edlint-disable -->\n\nVery good!!\n\n<!-- edlint-enable -->\n\nVery good.\n"
    assert where(text, "a.md", cfg) == [(1, 1, HEDGE), (9, 1, HEDGE)]


def test_markdown_disable_next_line(cfg):
    text = "Intro.\n\n<!-- edlint-disable-next-line style.test.hedge -->\nVery good, very!!\n\nVery.\n"
    assert where(text, "a.md", cfg) == [(4, 16, BANG), (6, 1, HEDGE)]


def test_markdown_category_range(cfg):
    text = "# Very!!\n\n<!-- edlint-disable typography -->\n\n- Very!!\n- Quite!!\n\n<!-- edlint-enable typography -->\n\nVery!!\n"
    assert where(text, "a.md", cfg) == [(1, 3, HEDGE), (1, 7, BANG), (5, 3, HEDGE), (6, 3, HEDGE),
                                        (10, 1, HEDGE), (10, 5, BANG)]


def test_markdown_comment_in_a_code_block_is_not_a_directive(cfg):
    text = "```\n<!-- edlint-disable -->\n```\n\nVery good!!\n"
    assert where(text, "a.md", cfg) == [(5, 1, HEDGE), (5, 10, BANG)]


# -- HTML ---------------------------------------------------------------------------------

def test_html_disable_next_line(cfg):
    text = "<p>Very good.</p>\n<!-- edlint-disable-next-line typography -->\n<p>Very good!!</p>\n<p>Very!!</p>\n"
    assert where(text, "a.html", cfg) == [(1, 4, HEDGE), (3, 4, HEDGE), (4, 4, HEDGE), (4, 8, BANG)]


def test_html_range_opened_inside_a_paragraph(cfg):
    text = ("<p>Very <!-- edlint-disable style --> very good.</p>\n<p>Very!!</p>\n"
            "<!-- edlint-enable style -->\n<p>Very.</p>")
    assert where(text, "a.html", cfg) == [(1, 4, HEDGE), (2, 8, BANG), (4, 4, HEDGE)]


def test_html_comment_in_a_script_is_not_a_directive(cfg):
    text = "<script>// <!-- edlint-disable --></script>\n<p>Very!!</p>"
    assert where(text, "a.html", cfg) == [(2, 4, HEDGE), (2, 8, BANG)]


# -- enabling part of what was disabled (as ESLint and markdownlint do) ---------------------

def test_enable_one_rule_after_disabling_everything(cfg):
    text = "<!-- edlint-disable -->\nVery!!\n<!-- edlint-enable style.test.hedge -->\nVery!!\n"
    assert where(text, "a.txt", cfg) == [(4, 1, HEDGE)]


def test_enable_one_rule_of_a_disabled_category(cfg):
    text = ("<!-- edlint-disable style -->\nVery, utilise.\n<!-- edlint-enable style.test.hedge -->\n"
            "Very, utilise.\n")
    assert where(text, "a.txt", cfg) == [(4, 1, HEDGE)]


def test_enable_a_category_after_disabling_one_of_its_rules(cfg):
    text = "<!-- edlint-disable style.test.hedge -->\nVery.\n<!-- edlint-enable style -->\nVery.\n"
    assert where(text, "a.txt", cfg) == [(4, 1, HEDGE)]


# -- every line ending (LF, CRLF, lone CR) ------------------------------------------------

NEXT_LINE = "<!-- edlint-disable-next-line style.test.hedge -->"
EVERY_FORMAT = {  # lines of the same story in each format, and where its findings are
    "a.txt": (["Very good.", NEXT_LINE, "", "Very good!!", "Quite."], [(1, 1), (4, 10), (5, 1)]),
    "a.md": (["Very good.", "", NEXT_LINE, "Very good!!", "", "Quite."], [(1, 1), (4, 10), (6, 1)]),
    "a.html": (["<p>Very good.</p>", NEXT_LINE, "", "<p>Very good!!</p>", "<p>Quite.</p>"],
               [(1, 4), (4, 13), (5, 4)]),
}


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("path", sorted(EVERY_FORMAT))
def test_directives_and_next_line_with_every_line_ending(cfg, path, eol):
    lines, ((l1, c1), (l2, c2), (l3, c3)) = EVERY_FORMAT[path]
    text = eol.join(lines) + eol
    assert where(text, path, cfg) == [(l1, c1, HEDGE), (l2, c2, BANG), (l3, c3, HEDGE)]
