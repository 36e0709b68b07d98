"""HTML input: structure (nav, aside.related, div.share...) marks residue, positions are
those of the HTML source, and a fix removes the whole element."""
from __future__ import annotations

from lint.fixes import apply_edits, merge_edits

from ..helpers import run

PAGE = """<html><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/local">Local politics</a></li></ul></nav>
<article>
<h1>Council closes the coastal road</h1>
<p>The council voted on Tuesday to close the coastal road after floods damaged two bridges near the harbour.</p>
<p>Engineers will inspect both bridges on Wednesday, and the road could reopen by the weekend.</p>
<div class="share-bar"><a href="#">Post it</a></div>
<aside class="related"><ul><li><a href="/x">Council approves new budget for city parks</a></li></ul></aside>
</article>
<footer><p>Printed by the Example Press</p></footer>
</body></html>
"""


def findings(source: str):
    return [(d.line, d.column, d.rule, source[d.start:d.end]) for d in run(source, ["boilerplate"], fmt="html")]


def at(line: int, text: str) -> tuple[int, int]:
    """(line, column) of `text` on the given line of PAGE."""
    return line, PAGE.split("\n")[line - 1].index(text) + 1


def test_structure_marks_residue_the_words_would_not():
    # None of these lines says what it is: the markup does.
    expected = [
        (*at(2, "Start"), "boilerplate.navigation", "Start"),
        (*at(2, "Local politics"), "boilerplate.navigation", "Local politics"),
        (*at(7, "Post it"), "boilerplate.share", "Post it"),
        (*at(8, "Council approves"), "boilerplate.related-headline", "Council approves new budget for city parks"),
        (*at(10, "Printed by"), "boilerplate.page-chrome", "Printed by the Example Press"),
    ]
    assert [e[:2] for e in expected] == [(2, 26), (2, 61), (7, 36), (8, 45), (10, 12)]
    assert findings(PAGE) == expected


def test_message_names_the_element():
    found = run(PAGE, ["boilerplate.related-headline"], fmt="html")
    assert [d.message for d in found] == [
        "Another story's headline or a related-stories box: “Council approves new budget for city parks” "
        "(inside aside.related)."]


def test_fix_removes_the_elements():
    fixed = apply_edits(PAGE, merge_edits(run(PAGE, ["boilerplate"], fmt="html")))
    assert "Start" not in fixed and "Local politics" not in fixed and "Post it" not in fixed
    assert "Council approves" not in fixed and "Example Press" not in fixed
    assert "<h1>Council closes the coastal road</h1>" in fixed
    assert "<p>Engineers will inspect both bridges" in fixed
    # Only whole elements went: the markup around them is intact.
    assert fixed.count("<ul>") == fixed.count("</ul>") and fixed.count("<div") == fixed.count("</div>")


def test_the_article_itself_is_clean():
    article = PAGE.split("<article>")[1].split('<div class="share-bar">')[0]
    source = f"<html><body><article>{article}</article></body></html>"
    assert run(source, ["boilerplate"], fmt="html") == []


def test_a_comment_section_is_reported_as_comments():
    source = ("<html><body><article><h1>Council closes the coastal road</h1>"
              "<p>The council voted on Tuesday to close the coastal road after floods damaged two bridges.</p>"
              "<p>Engineers will inspect both bridges on Wednesday, and the road could reopen by the weekend.</p>"
              "</article>\n<section id=\"comments\"><ol class=\"comment-list\">"
              "<li><p>Took them long enough to act on this one.</p></li></ol></section></body></html>")
    assert [(rule, text) for _, _, rule, text in findings(source)] == [
        ("boilerplate.comments", "Took them long enough to act on this one.")]
