"""boilerplate.comments: a reader comment thread under the story, known by its rhythm
(a header, then author lines, timestamps and Reply buttons), and what it is not."""
from __future__ import annotations

import pytest

from lint.boilerplate.comments import comment_thread, load_thread_rules
from lint.boilerplate.features import shape
from lint.boilerplate.lexicon import normalize

from ..helpers import run
from .test_boilerplate import ARTICLE, P1, P2, P3, TITLE, fixed, found

THREAD = [
    "3 Comments",
    "harbourwatcher says:",
    "March 4, 2026 at 8:12 am",
    "About time, the queue at the terminal was half a mile long yesterday and nobody told us why.",
    "Reply",
    "islandmum says:",
    "2 days ago",
    "The 7am boat was packed, they need the bigger ship back before the summer.",
    "Reply",
    "Pete R. wrote:",
    "March 5, 2026 at 10:02 am",
    "Same every winter.",
]


def lines_of(text: str) -> list[int]:
    return sorted({f[0] for f in found(text) if f[4] == "boilerplate.comments"})


def test_a_thread_under_the_story_is_flagged_from_its_header_to_its_last_comment():
    text = ARTICLE + "\n\n" + "\n\n".join(THREAD)
    story_lines = 7  # title, P1, P2, P3 with blank lines between
    expected = [story_lines + 2 + 2 * k for k in range(len(THREAD))]
    assert lines_of(text) == expected
    assert fixed(text) == ARTICLE


def test_every_line_says_it_is_in_the_thread():
    text = ARTICLE + "\n\n" + "\n\n".join(THREAD)
    findings = run(text, ["boilerplate"])
    assert len(findings) == len(THREAD)
    assert all(d.rule == "boilerplate.comments" and "comment thread" in d.message for d in findings)


def test_a_thread_without_a_header_needs_two_authors():
    headerless = THREAD[1:]
    assert lines_of(ARTICLE + "\n\n" + "\n\n".join(headerless))
    only_dates = ["March 4, 2026 at 8:12 am", "Reply", "March 5, 2026 at 9:00 am", "Reply"]
    assert not lines_of(ARTICLE + "\n\n" + "\n\n".join(only_dates))


def test_a_header_alone_is_not_a_thread():
    # "Comments" over a quote from an official is a section of the story, not a thread.
    text = "\n\n".join([TITLE, P1, P2, "Comments", "The mayor says the road will reopen on Friday.", P3])
    assert lines_of(text) == []


def test_quotes_introduced_with_says_are_the_story():
    text = "\n\n".join([TITLE, P1, "Captain Ruth Evans says:",
                        "\"We have never had to cancel for three days in a row.\"",
                        "Harbour master Tom Bell says:",
                        "\"The ship will be back in service by the weekend.\"", P2, P3])
    assert lines_of(text) == []


def test_a_thread_above_the_story_is_not_one():
    # A thread needs some of the story's prose above it.
    texts = THREAD + [P1, P2, P3]
    assert comment_thread([normalize(t) for t in texts], [shape(t) for t in texts]) is None
    below = [P1, P2] + THREAD  # the control: the same thread under the story is one
    assert comment_thread([normalize(t) for t in below], [shape(t) for t in below]) == (2, len(below) - 1)


def test_the_story_stretch_ends_where_the_thread_begins():
    from lint.boilerplate.classifier import prepare
    from lint.boilerplate.lexicon import load_lexicon
    from lint.readers.plaintext import read

    doc = read(ARTICLE + "\n\n" + "\n\n".join(THREAD), "t.txt")[0]
    state = prepare(doc, load_lexicon())
    assert state.span is not None and state.span[1] == 3  # P3, the story's last line


def test_the_thread_patterns_are_data_with_three_sections(tmp_path):
    header, author, signal = load_thread_rules()
    assert header.fullmatch("34 responses to Lynn: we needed to win")
    assert author.fullmatch("jbaxt says")
    assert signal.fullmatch("jbaxt says") and signal.fullmatch("1 year ago")
    bad = tmp_path / "thread.txt"
    bad.write_text("[header]\n(unclosed\n", encoding="utf-8")
    try:
        load_thread_rules(str(bad))
    except ValueError as e:
        assert f"{bad}:2" in str(e)
    else:
        raise AssertionError("a bad pattern must be reported")


def test_a_letters_column_is_not_a_comment_thread():
    # "X writes:" three times over, without a timestamp or a Reply button, is a letters
    # column the newspaper publishes.
    letters = ["Jane Hill writes:", "The closure has doubled my journey to work, and nobody explained why.",
               "Tom Reed writes:", "I welcome the closure; the bridges have been unsafe for years.",
               "Ann Cole writes:", "Could the council not run a shuttle bus while the work goes on?"]
    assert lines_of(ARTICLE + "\n\n" + "\n\n".join(letters)) == []
    assert lines_of(ARTICLE + "\n\nResponses\n\n" + "\n\n".join(letters)) == []  # under a header too


@pytest.mark.parametrize("line", [
    "a)|(b",  # compiles once wrapped as "(?:a)|(b)" and joined
    "(x|y",  # unbalanced: closed by the wrapping group's ")"
    "x[)]|(y",
    "\\1 says",  # names another line's group once joined
    "abc\\",  # escapes the wrapping group's ")"
])
def test_a_line_that_compiles_only_once_joined_is_still_reported(tmp_path, line):
    rules = tmp_path / "thread.txt"
    rules.write_text(f"[header]\n(\\d+) comments\n[author]\n.+ says\n[signal]\n{line}\nreply\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{rules}:6"):
        load_thread_rules(str(rules))


def test_good_lines_compile_joined_once(tmp_path, monkeypatch):
    from lint.boilerplate import comments

    rules = tmp_path / "thread.txt"
    rules.write_text("[header]\n(\\d+) comments\n[author]\n[^.]{1,20} says\n[signal]\n[]x] ago\nreply|report\n",
                     encoding="utf-8")
    calls = []
    monkeypatch.setattr(comments, "compile_pattern", lambda *a: calls.append(a))
    header, author, signal = load_thread_rules(str(rules))
    assert calls == []  # no line compiled alone
    assert header.fullmatch("12 Comments") and author.fullmatch("jo says") and signal.fullmatch("jo says")
    assert signal.fullmatch("] ago") and signal.fullmatch("report") and not signal.fullmatch("reply report")


# Session 10: a thread whose comments carry nothing but their writer's name, under a
# header only a thread prints (a closed thread's notice, a count of comments).
NAMED_THREAD = [
    "Comments are now closed for this story",
    "Harbour Watcher",
    "The council should have bought the second boat years ago, and now the islanders are paying for it.",
    "Jim R",
    "Agreed, the winter timetable was a disgrace and nobody at the depot would tell us a thing.",
    "The Mayor's Number One Fan,",
    "Three weeks without a crossing and not one word of apology from the operator or the council.",
    "Islandmum",
    "Same every winter, the school had to move its lessons online again.",
]


def test_names_over_comments_under_a_closed_threads_notice_are_a_thread():
    text = ARTICLE + "\n\n" + "\n\n".join(NAMED_THREAD)
    story_lines = 7
    assert lines_of(text) == [story_lines + 2 + 2 * k for k in range(len(NAMED_THREAD))]
    assert fixed(text) == ARTICLE


def test_names_over_quotes_under_an_articles_own_reactions_section_stay_clean():
    # "Reactions" can head the article's own section of quotes, each under the speaker's name.
    section = ["Reactions", *NAMED_THREAD[1:]]
    text = ARTICLE + "\n\n" + "\n\n".join(section)
    assert lines_of(text) == []


def test_a_list_of_names_under_a_comment_count_is_not_a_thread_of_comments():
    lines = [P1, P2, P3, "12 comments", "Harbour Watcher", "Jim R", "Islandmum", "Pete Roe", "Ann Doe", "Sam Lee"]
    assert comment_thread([normalize(t) for t in lines], [shape(t) for t in lines]) is None


def test_comments_signed_posted_by_with_a_time_and_a_report_button_are_a_thread():
    thread = [
        "Posted by: harbourwatcher, Harbourtown on 1:19pm Thu 12 Feb 09",
        "The council should have bought the second boat years ago, and now we are paying for it.",
        "Quote | Report this post",
        "Posted by: Jim R, Islandside on 5:17pm Thu 12 Feb 09",
        "Three weeks without a crossing and not one word of apology from the operator.",
        "Quote | Report this post",
    ]
    text = ARTICLE + "\n\n" + "\n\n".join(thread)
    assert lines_of(text) == [7 + 2 + 2 * k for k in range(len(thread))]


# Lines for the signal screen: signals of every kind, prose that mentions their words,
# lines outside ASCII, and lines that open like a signal and do not finish like one.
SCREEN_LINES = THREAD + [
    "Reply to harbourwatcher", "Report comment", "12 likes", "Quote | Report this post", "permalink",
    "Posted by: jbaxt, Harbourtown on 1:19pm Thu 17 Jan 08", "Rob Roe — 1/2/2008 10:30 am",
    "Thu, Jan 10, 2008 at 4:30 PM", "Posted: 16:50 8th January 2008", "19/11/2019 at 06:34", "2019-11-19",
    "November 19, 2019", "jbaxt commented", "Reply all you want, said the ferry company.",
    "The council will report on the closure in March 2026.", "He says the boat is late", "Renée says:",
    "3 días ago", "“Reply”", "Ferry timetable", "", "a", "Jan 10, 2008 — the day the boat sank, said the mayor",
    "says", " ago", "replyreply", "March 4, 2026 at 8:12 am and more words than a stamp",
]


@pytest.mark.parametrize("section", [1, 2])  # the author and the signal expressions
def test_the_signal_screen_answers_as_the_whole_expression(section):
    from lint.boilerplate.comments import _SignalScreen

    rx = load_thread_rules()[section]
    screen = _SignalScreen(rx)
    assert screen.keyword is not None  # the bundled expressions are screened
    for text in SCREEN_LINES + [normalize(t) for t in SCREEN_LINES]:
        assert screen.fullmatch(text) == (rx.fullmatch(text) is not None), text


def test_an_expression_whose_lines_refer_to_groups_is_not_screened(tmp_path):
    from lint.boilerplate.comments import _SignalScreen

    rules = tmp_path / "thread.txt"
    rules.write_text("[header]\n(\\d+) comments\n[author]\n(\\w+) says \\1\n[signal]\nreply\n", encoding="utf-8")
    header, author, signal = load_thread_rules(str(rules))
    screen = _SignalScreen(signal)
    assert screen.keyword is None
    assert screen.fullmatch("jo says jo") and screen.fullmatch("reply") and not screen.fullmatch("jo says al")


def test_a_corpus_run_finds_the_same_thread_with_the_screen(monkeypatch):
    from lint.boilerplate import comments

    lines = ["Title", "One paragraph of the story, long enough to be prose for sure.",
             "Another paragraph of the story, long enough to be prose as well."] + THREAD
    texts, shapes = [normalize(t) for t in lines], [shape(t) for t in lines]  # as the classifier has them
    monkeypatch.setattr(comments, "_screens", {})
    monkeypatch.setattr(comments, "SCREEN_AFTER", float("inf"))
    plain = comment_thread(texts, shapes)
    monkeypatch.setattr(comments, "SCREEN_AFTER", 0)
    assert comment_thread(texts, shapes) == plain == (3, len(texts) - 1)
    assert comments._screens  # the screen was used
