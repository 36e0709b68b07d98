"""The boilerplate rules through the engine: which line each rule flags, exactly where,
and what `edlint fix` leaves behind."""
from __future__ import annotations

import pytest

from lint.fixes import apply_edits, merge_edits

from ..helpers import run

TITLE = "Storm closes coastal road"
P1 = ("The coastal road was closed on Tuesday after heavy rain flooded two bridges near the "
      "harbour, and police asked drivers to avoid the area.")
P2 = ("Engineers will inspect both bridges on Wednesday morning, the county council said, and "
      "the road could reopen by the weekend if the water falls.")
P3 = ("Residents said the harbour had not flooded like this since 1998, when a storm surge "
      "damaged dozens of homes along the front.")
ARTICLE = "\n\n".join([TITLE, P1, P2, P3])


def article(*after_p1: str, before: tuple = (), after: tuple = ()) -> str:
    return "\n\n".join([TITLE, *before, P1, *after_p1, P2, P3, *after])


def found(text: str, select=("boilerplate",)) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end_line, end_column, rule) of every boilerplate finding."""
    return [(d.line, d.column, d.end_line, d.end_column, d.rule) for d in run(text, list(select))]


def fixed(text: str, select=("boilerplate",)) -> str:
    """`text` after applying every safe boilerplate fix (repeated until nothing changes)."""
    for _ in range(5):
        edits = merge_edits(run(text, list(select)))
        if not edits:
            return text
        text = apply_edits(text, edits)
    return text


@pytest.mark.parametrize("line, rule", [
    ("Previous Article", "boilerplate.navigation"),
    ("Back to top", "boilerplate.navigation"),
    ("Home > News > Local", "boilerplate.navigation"),
    ("Listen to this article", "boilerplate.widget"),
    ("5 min read", "boilerplate.widget"),
    ("Leave a comment", "boilerplate.widget"),
    ("Share this article", "boilerplate.share"),
    ("Sign up for our daily newsletter", "boilerplate.subscribe"),
    ("Already a subscriber? Log in", "boilerplate.subscribe"),
    ("Advertisement", "boilerplate.advertisement"),
    ("Story continues below advertisement", "boilerplate.advertisement"),
    ("Jane Doe/Getty Images", "boilerplate.credit"),
    ("(AP Photo/Sam Lee)", "boilerplate.credit"),
    ("© 2024 Example Media Ltd. All rights reserved.", "boilerplate.legal"),
    ("Tags: weather, floods, transport", "boilerplate.tags"),
    ("Read more: Council approves new budget for city parks", "boilerplate.related-headline"),
    ("On example.com: Council approves new budget for city parks", "boilerplate.related-headline"),
    ("Image caption Flood water covers the harbour road", "boilerplate.caption"),
    ("Media captionWatch the harbour flood", "boilerplate.caption"),
    ("Image copyright Example Agency", "boilerplate.credit"),
    ("Media playback is unsupported on your device", "boilerplate.widget"),
    ("Jane Doe/Example News", "boilerplate.credit"),
    ("1 - 5 of 36", "boilerplate.navigation"),
    ("Read Later", "boilerplate.widget"),
    ("Harbour Storm Photo Gallery", "boilerplate.widget"),
    ("Tell us what you think...", "boilerplate.widget"),
])
def test_each_kind_flags_the_whole_line(line, rule):
    text = article(line)
    # The residue is line 5 (title, blank, P1, blank, residue), from its first to its last column.
    assert found(text) == [(5, 1, 5, len(line) + 1, rule)]
    assert fixed(text) == ARTICLE


@pytest.mark.parametrize("byline", ["Jane Doe and John Roe Associated Press", "2h ago", "35 min ago",
                                    "First published on March 3, 2024 / 1:07 AM", "March 3, 2024 - 11:28 AM"])
def test_agency_bylines_and_time_stamps_at_the_top(byline):
    assert found(article(before=(byline,))) == [(3, 1, 3, len(byline) + 1, "boilerplate.byline")]


def test_byline_at_the_top_but_not_in_the_middle():
    assert found(article(before=("By Jane Doe",))) == [(3, 1, 3, 12, "boilerplate.byline")]
    many = "\n\n".join([TITLE, P1, P2, P3, P1, "By Jane Doe", P2, P3, P1, P2])
    assert found(many) == []


def test_headlines_after_previous_and_next_links():
    text = article(after=("Previous Article", "Council approves new budget for city parks",
                          "Next Article", "School reopens after the summer floods"))
    assert found(text) == [
        (9, 1, 9, 17, "boilerplate.navigation"),
        (11, 1, 11, 43, "boilerplate.related-headline"),
        (13, 1, 13, 13, "boilerplate.navigation"),
        (15, 1, 15, 39, "boilerplate.related-headline"),
    ]
    assert fixed(text) == ARTICLE


def test_headlines_listed_under_a_related_header():
    text = article(after=("Related stories\nCouncil approves new budget for city parks\n"
                          "School reopens after the summer floods",))
    assert found(text) == [
        (9, 1, 9, 16, "boilerplate.related-headline"),
        (10, 1, 10, 43, "boilerplate.related-headline"),
        (11, 1, 11, 39, "boilerplate.related-headline"),
    ]
    assert fixed(text) == ARTICLE


def test_caption_above_a_credit():
    caption = "Firefighters pump water out of a flooded street near the harbour on Tuesday"
    text = article(f"{caption}\nJane Doe/Getty Images")
    assert found(text) == [(5, 1, 5, len(caption) + 1, "boilerplate.caption"),
                           (6, 1, 6, 22, "boilerplate.credit")]
    assert fixed(text) == ARTICLE


def test_share_buttons_need_company():
    # "Facebook" alone in a share bar is a button; in a sentence or a lone mention it is not.
    text = article(after=("Share this article", "Facebook\nTwitter\nEmail"))
    assert [f[0] for f in found(text)] == [9, 11, 12, 13]
    assert found(article("Facebook")) == []


def test_one_rule_can_be_turned_off():
    text = article("Advertisement", after=("Share this article",))
    assert [f[4] for f in found(text)] == ["boilerplate.advertisement", "boilerplate.share"]
    assert [f[4] for f in found(text, ["boilerplate.share"])] == ["boilerplate.share"]


def test_message_names_the_line_and_the_evidence():
    [d] = run(article("Advertisement"), ["boilerplate.advertisement"])
    assert d.message == "Advertisement or sponsorship note left in the article: “Advertisement” (a known phrase)."
    assert d.fix is not None and d.fix.safe


def test_the_story_stretch_ends_at_a_closing_notice():
    from lint.boilerplate.classifier import _end_at_notice
    from lint.boilerplate.features import shape

    lines = [P1, P2, P3, "© 2024 Example Media. All rights reserved.", P1, P2]
    shapes = [shape(t) for t in lines]
    kinds = [None, None, None, "legal", None, None]
    assert _end_at_notice((0, 5), kinds, shapes) == (0, 3)
    # A notice in the first half of the prose is not the story's end (a quoted licence).
    assert _end_at_notice((0, 5), [None, "legal", None, None, None, None], shapes) == (0, 5)
    assert _end_at_notice(None, kinds, shapes) is None


@pytest.mark.parametrize("line, rule", [
    ("Vicente Ruiz loads lumber into his truck outside a store in Hialeah, Fla. (AP Photo/Sam Lee, File)",
     "boilerplate.caption"),
    ("Shares fell after the retailer reported earnings. Photograph by Jane Doe/AFP/Getty Images",
     "boilerplate.caption"),
    ("The company logo is displayed outside its office in New York.Reuters", "boilerplate.caption"),
    ("Jonathan P. Blair Submitted photo", "boilerplate.credit"),
    ("State Sex Offender Registry via AP", "boilerplate.credit"),
    ("Write to Jane Doe at jane.doe@example.com", "boilerplate.byline"),
    ("If you enjoyed this article, join our members for unlimited reading.", "boilerplate.subscribe"),
    ("Get Harbour Monthly delivered to your door every month.", "boilerplate.subscribe"),
    ("In this Nov. 10, 2019, photo, a row of unsold cars sits at a dealership in Littleton, Colo.",
     "boilerplate.caption"),
    ("This undated handout photo shows the new bridge before it opened.", "boilerplate.caption"),
    ("Council leader Ann Hall, left, speaks with a shop owner during a visit to the harbour.",
     "boilerplate.caption"),
    ("Fans cheer during the second half of the match against the Rovers on Tuesday, Nov. 19, 2019, "
     "in Portsmouth.", "boilerplate.caption"),
    ("Need more news? Subscribe to our weekly digest for the best of the week.", "boilerplate.subscribe"),
    ("More AP soccer: https://example.com/soccer", "boilerplate.related-headline"),
    ("Thanks for watching!Visit Website", "boilerplate.widget"),
    ("View all (4)", "boilerplate.widget"),
    ("This page was originally published on Wednesday, March 2, 2022.", "boilerplate.byline"),
])
def test_news_captions_credits_and_pitches_under_the_story(line, rule):
    hits = found(article(after=(line,)))
    assert [h[4] for h in hits] == [rule]


def test_a_long_stretch_above_the_story_without_prose_goes_to_the_line_model():
    """A page's menus above the story know no phrase, but 15 lines without one sentence
    of prose are left to the line model; a stretch with prose in it is the article's."""
    from lint.boilerplate.classifier import candidates, prepare
    from lint.boilerplate.lexicon import load_lexicon
    from lint.readers.plaintext import read

    menu = ["Local", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport",
            "Culture", "Travel", "Opinion", "Climate", "Style", "Education", "Weather", "Puzzles"]
    doc = read("\n\n".join(menu + [TITLE, P1, P2, P3]), "page.txt")[0]
    state = prepare(doc, load_lexicon())
    assert not state.found  # no phrase knows these lines
    decided = {i for i, _ in candidates(state)}
    assert set(range(len(menu))) <= decided

    # The control: the same stretch with one sentence of prose in it.
    with_prose = menu[:8] + ["The site was updated on Monday with new features for readers."] + menu[8:]
    doc = read("\n\n".join(with_prose + [TITLE, P1, P2, P3]), "page.txt")[0]
    state = prepare(doc, load_lexicon())
    first = state.span[0]
    assert first == len(with_prose) + 1  # the story's stretch starts at P1
    assert not {i for i, _ in candidates(state)} & set(range(first))


def _decided_above_story(lines: list[str]) -> tuple[set[int], int]:
    from lint.boilerplate.classifier import candidates, prepare
    from lint.boilerplate.lexicon import load_lexicon
    from lint.readers.plaintext import read

    state = prepare(read("\n\n".join(lines), "page.txt")[0], load_lexicon())
    return {i for i, _ in candidates(state)}, state.span[0]


MENU = ["Local", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport",
        "Culture", "Travel", "Opinion", "Climate", "Style", "Education", "Weather", "Puzzles"]


def test_a_menu_repeated_in_the_footer_still_goes_to_the_line_model():
    """The page's footer repeats its menu: items that come back after the story are the
    menu's second copy, not the story's subheadings, so the menu above is still a menu."""
    decided, first = _decided_above_story(MENU + [TITLE, P1, P2, P3] + MENU)
    assert set(range(len(MENU))) <= decided

    # The control: the same items as the story's own subheadings (a table of contents).
    toc = MENU[:8]
    story = [TITLE] + [line for k, head in enumerate(toc) for line in (head, (P1, P2, P3)[k % 3])]
    decided, first = _decided_above_story(MENU + story)
    assert not decided & set(range(first))


def test_a_menu_with_one_line_blurbs_beside_a_log_in_link_goes_to_the_line_model():
    """A mega-menu describes some of its items in a line; with a known residue line in it
    ("Log in") it is still a menu, whereas a sentence alone among the items keeps the
    stretch the article's (test above)."""
    menu = (MENU[:6] + ["Explore our guides to the region's schools and colleges."] + MENU[6:]
            + ["Log in"])
    decided, first = _decided_above_story(menu + [TITLE, P1, P2, P3])
    items = {i for i, line in enumerate(menu) if line in MENU}
    assert items <= decided
