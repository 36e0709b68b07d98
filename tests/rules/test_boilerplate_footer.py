"""The stretch after the story: a long one with a single known line of residue is the
page's footer and sidebars, and the line model decides its lines; the article's own lines
there (a results table, a sentence wrapped over short lines, a hand-wrapped guide's
subheadings) stay clean whatever the model makes of them."""
from __future__ import annotations

from lint.boilerplate.classifier import _footer_stretch, prepare
from lint.boilerplate.lexicon import load_lexicon
from lint.boilerplate.story_lines import ranked_results
from lint.readers.plaintext import read

from ..helpers import run

STORY = """\
Harbour board delays vote on new pier

The harbour board put off a vote on a new passenger pier on Tuesday, saying it needed more time to study the cost of dredging the channel beside it.

Board members said the delay would not change the opening date, which is set for the summer after next, and that the vote would be held at their next meeting.

A spokeswoman for the ferry operators said they supported the pier but wanted the board to publish its estimate of the dredging costs first.

"""
TEASERS = ["Ferry Fares To Rise In Spring", "Council Approves New Bus Lanes", "Lifeboat Crew Honoured For Rescue",
           "Bridge Repairs To Close Coast Road", "School Wins National Science Prize", "Market Traders Protest Rent Rise",
           "Old Lighthouse To Become Museum", "Storm Damage Bill Passes One Million", "Island Choir Heads To Final",
           "New Cycle Path Opens On Seafront"]
# One known line (an advertisement label) over ten other stories' headlines, no header.
FOOTER = "Advertisement\n\n" + "\n\n".join(TEASERS) + "\n"
RESULTS = ["1. Marsh (Northside) 1'32.2", "2. Okafor (Harbour) 1'32.3", "3. Levin (Northside) 1'32.5",
           "4. Costa (Eastbrook) 1'32.9", "5. Pike (Harbour) 1'33.4", "6. Duarte (Westfield) 1'33.8"]


def _flagged(text: str) -> dict[int, str]:
    return {d.line: d.rule for d in run(text, ["boilerplate"])}


def _lines_of(text: str, needles) -> set[int]:
    wanted = set(needles)
    return {n for n, line in enumerate(text.split("\n"), 1) if line in wanted}


def test_a_long_footer_with_one_known_line_goes_to_the_line_model():
    # Before, a stretch after the story needed two known lines: these ten headlines of
    # other stories were never weighed (failed on main: only "Advertisement" flagged).
    text = STORY + FOOTER
    flagged = _flagged(text)
    teasers = _lines_of(text, TEASERS)
    assert sum(1 for n in teasers if flagged.get(n) == "boilerplate.page-chrome") >= 8
    assert not set(flagged) & set(range(1, 8))  # the title and the story


def _state(text: str):
    return prepare(read(text, "story.txt")[0], load_lexicon())


def test_an_icon_alone_does_not_make_a_footer():
    # A mark alone ("★", an icon's mojibake) is a weak sign of chrome: a long stretch after
    # the story with nothing else known stays out of the line model's reach.
    text = STORY + "★\n\n" + "\n\n".join(TEASERS) + "\n"
    state = _state(text)
    assert state.kinds[[ln.text for ln in state.lines].index("★")] is not None
    after = range(state.span[1] + 1, len(state.lines))
    assert not _footer_stretch(after, state)
    assert _footer_stretch(after, _state(STORY + FOOTER))


def test_a_results_table_above_the_footer_stays_clean():
    # Ranked rows, each with a time of its own (failed without ranked_results: every row
    # taken as page chrome once the footer went to the line model).
    text = STORY + "\n".join(RESULTS) + "\n\n" + FOOTER
    flagged = _flagged(text)
    assert not set(flagged) & _lines_of(text, RESULTS)
    assert any(flagged.get(n) == "boilerplate.page-chrome" for n in _lines_of(text, TEASERS))


def test_a_ranked_list_of_headlines_is_not_a_results_table():
    # A "most read" list is ranked too, but its rows are headlines without a figure.
    ranked = [f"{k}. {title}" for k, title in enumerate(TEASERS[:6], 1)]
    state = _state(STORY + "\n".join(ranked) + "\n\n" + FOOTER)
    hit = [i in state.found for i in range(len(state.lines))]
    assert ranked_results(state, hit, state.span[1]) == set()
    state = _state(STORY + "\n".join(RESULTS) + "\n\n" + FOOTER)
    hit = [i in state.found for i in range(len(state.lines))]
    kept = {state.lines[i].text for i in ranked_results(state, hit, state.span[1])}
    assert kept == set(RESULTS)


WRAPPED = ["1 in 5 ferry", "passengers now", "travels without", "a car.2"]


def test_one_sentence_wrapped_over_short_lines_stays_clean():
    # An infographic's figure written over short lines, its footnote's number after the
    # stop (failed without the one-sentence test: taken as page chrome).
    text = STORY + "\n".join(WRAPPED) + "\n\n" + FOOTER
    assert not set(_flagged(text)) & _lines_of(text, WRAPPED)


def _guide() -> tuple[str, list[str]]:
    titles = ["Choosing a Boat: Sit-on-Top or Sit-in", "Paddles and Buoyancy Aids: What to Rent",
              "Tides and Weather: Planning a Safe Trip"]
    parts = ["Getting started with sea kayaking\n\nSea kayaking is one of the calmest ways to see the coast, and "
             "the harbour's clubs say more beginners joined this year than ever before.\n\n"]
    for title in titles:
        # Paragraphs wrapped by hand, as pasted from a document: no line but the last
        # ends with a stop, and the last is a word or two.
        parts.append(title + "\n\n"
                     "Most beginners start with a rented boat from one of the clubs on\n"
                     "the seafront, where staff will check that it suits their weight and\n"
                     "height before they set off, and many clubs include a short lesson\n"
                     "on the beach so that nobody goes out without knowing the\nbasics.\n\n"
                     "Once the first trips are done, the clubs suggest keeping a simple\n"
                     "log of each outing, noting the boat, the conditions and the time\n"
                     "taken, which helps when choosing a longer route along the bay and\n"
                     "when talking to the club's instructors about the next\nstep.\n\n")
    return "".join(parts) + FOOTER, titles


def test_a_hand_wrapped_guides_subheadings_stay_clean():
    # The subheadings between hand-wrapped paragraphs after the story's short stretch are
    # the guide's (failed without `between`: each taken as page chrome).
    text, titles = _guide()
    flagged = _flagged(text)
    assert not set(flagged) & _lines_of(text, titles)
    assert any(flagged.get(n) == "boilerplate.page-chrome" for n in _lines_of(text, TEASERS))
