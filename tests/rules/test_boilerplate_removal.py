"""Removal spans: applying every boilerplate fix leaves exactly the article, whatever
the layout of the residue (own block, first or last line of a block, the end of the file)."""
from __future__ import annotations

from lint.boilerplate.lines import split_lines
from lint.boilerplate.removal import removal_spans
from lint.fixes import apply_edits, merge_edits
from lint.readers.plaintext import read

from ..helpers import run

P1 = "The river rose two metres overnight and flooded the lower town, the mayor said on Monday."
P2 = "Volunteers filled sandbags until dawn while the fire service pumped water from cellars."
P3 = "The council will ask the government for emergency funds to repair the damaged bridges."
STORY = f"Floods hit the lower town\n\n{P1}\n\n{P2}\n\n{P3}"


def remove(source: str, flagged: set[int]) -> str:
    """Apply the removal spans of the given line indexes, merged as `edlint fix` merges them."""
    doc = read(source, "a.txt")[0]
    lines = split_lines(doc)
    spans = removal_spans(lines, flagged)
    out, pos = [], 0
    merged: list[list[int]] = []
    for s, e in sorted(spans.values()):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    for s, e in merged:
        out.append(source[pos:s])
        pos = e
    out.append(source[pos:])
    return "".join(out)


def test_a_whole_block_goes_with_one_blank_line():
    src = f"Floods hit the lower town\n\n{P1}\n\nAdvertisement\n\n{P2}\n\n{P3}"
    assert remove(src, {2}) == STORY


def test_first_and_last_lines_of_a_block():
    src = f"Floods hit the lower town\n\nShare\n{P1}\n\n{P2}\nTweet\n\n{P3}"
    # Lines: 0 title, 1 Share, 2 P1, 3 P2, 4 Tweet, 5 P3.
    assert remove(src, {1}) == src.replace("Share\n", "")
    assert remove(src, {4}) == src.replace("\nTweet", "")
    assert remove(src, {1, 4}) == STORY


def test_a_run_at_the_end_takes_the_blank_lines_before_it_and_keeps_the_final_newline():
    src = STORY + "\n\nNo time to read?\nGet a summary\nPrevious Article\n\nAnother headline here\n"
    # Lines: 0 title, 1-3 paragraphs, 4-6 the widget block, 7 the headline.
    assert remove(src, {4, 5, 6, 7}) == STORY + "\n"


def test_a_run_at_the_top_and_in_the_middle():
    src = f"Floods hit the lower town\n\nNo time to read?\nGet a summary\n\n{P1}\n\n{P2}\n\nMost read\n\n{P3}"
    assert remove(src, {1, 2, 5}) == STORY


def test_edlint_fix_through_the_engine_leaves_the_story():
    src = (f"Floods hit the lower town\n\nNo time to read?\nGet a summary\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
           "No time to read?\nGet a summary\nPrevious Article\n\nCouncil approves new budget for city parks\n\n"
           "Next Article\n\nSchool reopens after the summer floods")
    found = run(src, ["boilerplate"])
    assert [d.line for d in found] == [3, 4, 12, 13, 14, 16, 18, 20]
    assert apply_edits(src, merge_edits(found)) == STORY


def test_markdown_blocks_go_with_their_markup_and_one_blank_line():
    src = (f"# Floods hit the lower town\n\n{P1}\n\n## Advertisement\n\n{P2}\n\n{P3}\n\n"
           "Share this article\n")
    found = run(src, ["boilerplate"], fmt="markdown")
    assert [(d.line, d.rule) for d in found] == [(5, "boilerplate.advertisement"), (11, "boilerplate.share")]
    assert apply_edits(src, merge_edits(found)) == f"# Floods hit the lower town\n\n{P1}\n\n{P2}\n\n{P3}\n"


def test_a_lone_line_span_is_the_span_of_a_run_of_one():
    from lint.boilerplate.removal import removal_span

    # Lines of their own blocks, first, middle and last lines of a block, the file's ends.
    for source in (STORY, f"Share\nFloods\n\n{P1}\nMore\nTags\n\n{P2}\n", "One line", "A\r\nB\r\n\r\nC\n"):
        lines = split_lines(read(source, "a.txt")[0])
        for i in range(len(lines)):
            assert removal_span(lines, i) == removal_spans(lines, {i})[i], (source, i)
