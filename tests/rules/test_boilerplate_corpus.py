"""boilerplate.repeated: lines that recur across the articles of one run are template text."""
from __future__ import annotations

from lint.fixes import apply_edits, merge_edits

from ..helpers import run

RULE = "boilerplate.repeated"
TEMPLATE = "Follow the Gazette on the Example app for live updates"


TOPICS = ["harbour wall", "school roof", "bus station", "town library", "swimming pool", "market square",
          "river bridge", "fire station", "cricket ground", "railway footbridge", "village hall", "old mill"]
PLACES = ["Redford", "Ashby", "Kelton", "Marsh End", "Dunmore", "Fairley", "Oxbridge Green", "Holt",
          "Winsley", "Carrow", "Pendle", "Stowe"]


def story(n: int, extra: str = "") -> str:
    """A short article of its own (no line shared with another story), plus `extra`."""
    topic, place = TOPICS[n % len(TOPICS)], PLACES[n % len(PLACES)]
    body = (f"{place} votes to repair the {topic}\n\nCouncillors in {place} agreed on Tuesday to pay for "
            f"repairs to the {topic}, which has been closed since the spring storms.")
    return body + (f"\n\n{extra}" if extra else "")


def test_a_line_in_every_article_is_flagged_with_its_count():
    others = [story(n, TEMPLATE) for n in range(2, 6)]
    [d] = run(story(1, TEMPLATE), [RULE], corpus=others)
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 1, 5, len(TEMPLATE) + 1)
    assert d.message == "Template text: this line recurs in 5 of the 5 articles checked."
    assert d.data["count"] == 5
    assert apply_edits(story(1, TEMPLATE), merge_edits([d])) == story(1)


def test_near_verbatim_repeats_count_as_one_template():
    # Case, digits and punctuation don't make a different template.
    others = [story(n, f"Call the Gazette newsroom on 0800 {n}{n}{n}") for n in range(2, 5)]
    [d] = run(story(1, "Call the gazette newsroom on 0800 999."), [RULE], corpus=others)
    assert d.line == 5 and d.data["count"] == 4


def test_a_line_in_too_few_articles_is_not_flagged():
    others = [story(n, TEMPLATE if n == 2 else "") for n in range(2, 12)]
    # In 2 of 11 articles: under min-count 3 and under min-share 0.25.
    assert run(story(1, TEMPLATE), [RULE], corpus=others) == []


def test_the_share_of_the_run_is_configurable():
    others = [story(n, TEMPLATE if n < 4 else "") for n in range(2, 14)]
    # In 3 of 13 articles: enough for min-count 3, not for the default min-share 0.25...
    assert run(story(1, TEMPLATE), [RULE], corpus=others) == []
    # ...and flagged once the config lowers the share.
    found = run(story(1, TEMPLATE), [RULE], corpus=others, boilerplate={"corpus-min-share": 0.1})
    assert [(d.line, d.data["count"]) for d in found] == [(5, 3)]


def test_lines_another_boilerplate_rule_reports_are_left_to_it():
    others = [story(n, "Advertisement") for n in range(2, 6)]
    found = run(story(1, "Advertisement"), ["boilerplate"], corpus=others)
    assert [d.rule for d in found] == ["boilerplate.advertisement"]


def test_a_single_article_has_no_template():
    assert run(story(1, TEMPLATE), [RULE]) == []


def _reference_template_key(text: str, max_words: int, min_chars: int):
    """The template key as first written: the word count by split(), two regular
    expressions for the folding, whatever the script."""
    import hashlib
    import re

    if len(text.split()) > max_words:
        return None
    norm = re.sub(r"[\W_]+", " ", re.sub(r"\d+", "0", text.lower())).strip()
    if len(norm) < min_chars:
        return None
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big")


def test_the_fast_template_key_agrees_with_the_regular_expressions():
    # The ASCII folding without re, and the length test that skips split() on short lines,
    # give every line the key the two expressions give: digits, underscores, runs of
    # punctuation, tabs and odd spaces, typography, other scripts and digits, lines at the
    # word limit.
    from lint.rule_types.boilerplate import _template_key

    lines = [
        "3 Comments", "12 comments!!", "Call 0800 123 456", "a1b22c333", "007 _ 0 __ 00", "x_y__z", "__init__",
        "  Share   this\tstory  ", "Share-this/story|now", "...", "ab", "abcd", "a b", "0000", "Page 1 of 10",
        "Ünïcödé Nëws 24", "٣ تعليقات", "Comments (१२)", "Straße 5", "\u212a-pop 99", "caf\u00e9\u00a0open",
        "Read more » Top 10", "Wait… what?", "x\x1fy\x0bz", "" , "   ",
        # Typography folded as bytes once it is spaces, beside a letter outside ASCII that is not.
        "It’s “quoted” — 5 of 10… » next", "‘a’ – b · c • d « e", "’’’", "— 12 —", "x’y", "Page\xa01\xa0•\xa02",
        "café — open", "“Ünï” 24’s", " ".join(["it’s"] * 31), " ".join(["a—b"] * 20), "a — " * 31,
        " ".join(["word"] * 30), " ".join(["word"] * 31), " ".join(["w"] * 30), " ".join(["w"] * 31),
        "w " * 30, " w" * 31, "x" * 61, " ".join(["wörd"] * 31), "a\u2003" * 31,
        # Lines outside ASCII at the word limit (the count stops after max_words splits), and
        # typography beside a space outside ASCII (not typography: the expressions fold it).
        " ".join(["it’s"] * 30), "  " + " ".join(["it’s"] * 30) + "  ", "\u2003".join(["‘w’"] * 31),
        "“w”\u2003" * 30, "— " * 30 + "x", "·\u2028·",
    ]
    for text in lines:
        for max_words, min_chars in ((30, 4), (3, 0), (1, 1)):
            assert _template_key(text, max_words, min_chars) == _reference_template_key(text, max_words, min_chars), \
                (text, max_words, min_chars)
