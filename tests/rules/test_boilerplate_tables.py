"""A table inside a story is its data: its cells ("x" marks, names, figures) are never page chrome."""
from __future__ import annotations

from lint.config import ConfigResolver
from lint.engine import Engine

INTRO = "The candidates answered our survey on the main issues in the ward, and their answers are below."
MARKDOWN = (f"# Where the candidates stand\n\n{INTRO}\n\n| Candidate | Housing | Transport | Schools |\n"
            "|---|---|---|---|\n| Smith | x | | x |\n| Jones | x | x | |\n| Patel | | x | x |\n\n"
            "Voting opens on Thursday at 7am.\n")
HTML = (f"<html><body><article><h1>Where the candidates stand</h1><p>{INTRO}</p><table>"
        "<tr><th>Candidate</th><th>Housing</th><th>Transport</th><th>Schools</th></tr>"
        "<tr><td>Smith</td><td>x</td><td></td><td>x</td></tr><tr><td>Jones</td><td>x</td><td>x</td><td></td></tr>"
        "<tr><td>Patel</td><td></td><td>x</td><td>x</td></tr></table><p>Voting opens on Thursday at 7am.</p>"
        "</article></body></html>")


def _boilerplate(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = Engine(ConfigResolver()).run([str(tmp_path / name)])
    return [f.rule for f in result.findings if f.rule.startswith("boilerplate.")]


def test_a_markdown_tables_marks_are_not_a_share_bar(tmp_path):
    assert _boilerplate(tmp_path, "survey.md", MARKDOWN) == []


def test_an_html_data_tables_marks_are_not_a_share_bar(tmp_path):
    assert _boilerplate(tmp_path, "survey.html", HTML) == []


def test_a_share_bar_beside_the_table_is_still_found(tmp_path):
    text = MARKDOWN + "\nShare this article\n\nFacebook\n\nTwitter\n\nEmail\n"
    assert "boilerplate.share" in _boilerplate(tmp_path, "survey.md", text)
