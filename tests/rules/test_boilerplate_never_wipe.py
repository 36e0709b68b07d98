"""Never wipe an article: the story's own tables, lists, schedules, recipes, live-blog
entries and answers stay clean, whatever the line model makes of their position; only
evidence (a known phrase, a comment thread, a teaser card's shape, markup) makes a
paragraph of prose residue, and the model's share of a document's prose is bounded."""
from __future__ import annotations

from lint.boilerplate.classifier import _within_prose_bound, prepare
from lint.boilerplate.lexicon import load_lexicon
from lint.readers.plaintext import read

from ..helpers import run

SURVEY = [
    "The city council published its annual survey of neighbourhood libraries on Monday, and the figures show "
    "that visits rose in almost every district.",
    "Officials said the rise followed the decision to open branches on Sunday afternoons, which had been tried "
    "in four districts last year.",
    "The table below lists every branch that took part in the survey, with the name of its librarian.",
]
_FIRST = ["Anna", "Tom", "Lena", "Samir", "Maria", "John", "Ines", "Olu", "Ruth", "Pavel", "Grace", "Hugo"]
_LAST = ["Berg", "Okafor", "Fischer", "Haddad", "Costa", "Pike", "Duarte", "Adeyemi", "Levin", "Novak"]
_BRANCHES = ["Northgate", "Riverside", "Old Market", "Hillcrest", "Westfield", "Harbour View", "Eastbrook", "Parkside"]
# Forty branches and their librarians: a table of eighty short lines, longer than the
# story's prose around it, so the story's stretch of prose stops at its first row.
ROWS = [cell for k in range(40)
        for cell in (f"{_BRANCHES[k % 8]} {'North' if k % 2 else 'South'}", f"{_FIRST[k % 12]} {_LAST[k % 10]}")]
CLOSING = ("The council will publish the next survey in the spring, when it also expects to report on the new "
           "mobile library service for outlying villages.")
SHARE_BAR = "Share this article\nFacebook\nTwitter\nEmail\n\n© 2026 Example Gazette. All rights reserved."


def _flagged(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.rule) for d in run(text, ["boilerplate"])]


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line == needle)


def test_a_long_table_inside_the_article_is_not_page_chrome():
    text = ("Libraries count their readers\n\n" + "\n\n".join(SURVEY) + "\n\n" + "\n".join(ROWS) + "\n\n"
            + CLOSING + "\n\n" + SHARE_BAR)
    bar = _line_of(text, "Share this article")
    assert _flagged(text) == [(bar, "boilerplate.share"), (bar + 1, "boilerplate.share"),
                              (bar + 2, "boilerplate.share"), (bar + 3, "boilerplate.share"),
                              (bar + 5, "boilerplate.legal")]


SCHEDULE = """\
Blood service asks younger donors to give

The regional blood service asked people in their twenties and thirties on Monday to give blood at least twice a year, saying donations from that age group had fallen for five years in a row.

Younger donors make up a fifth of the people who give regularly, the service said, but many stop giving when they start work or have children of their own.

Clinics will be held at the following places this month:

Tuesday, March 3, 2026
St Anne's School
12 Church Street
3:30 - 8:00 pm

Saturday, March 7, 2026
Wellness Centre
95 Park Road
10:00 am - 3:00 pm

Monday, March 9, 2026
Baptist Church Hall
40 Mill Road
2:00 - 8:00 pm

Thursday, March 19, 2026
College Main Gym
78 Station Road
11:00 am - 3:00 pm

For further information contact:
Jane Hill
Clinic Coordinator
"""


def test_a_schedule_of_dates_after_the_story_is_the_story():
    # Dates in a series are the article's list of events, not its dateline.
    assert _flagged(SCHEDULE) == []


LIVE_BLOG = "Storm live: ferries cancelled as winds reach 80mph\n\n" + "\n\n".join(f"{t}\n{p}" for t, p in [
    ("16:40", "The last ferry of the day has been cancelled, the operator says, and passengers are being offered "
              "rooms in the town's two hotels."),
    ("16:05", "Police have closed the coast road between the harbour and the lighthouse after a wall collapsed "
              "onto the carriageway."),
    ("15:30", "Winds of 80mph have been recorded on the headland, the strongest in the region since the storm of "
              "1998, forecasters say."),
    ("14:55", "Schools in three villages will close early so that children can get home before the worst of the "
              "weather arrives."),
]) + "\n\nShare this page\nFacebook\nTwitter\nEmail"


def test_a_live_blog_keeps_its_entries_and_times():
    bar = _line_of(LIVE_BLOG, "Share this page")
    assert _flagged(LIVE_BLOG) == [(bar + k, "boilerplate.share") for k in range(4)]


RECIPE = """\
Lemon and thyme roast chicken

Serves 4. Prep 15 min. Cook 1 hr 20 min.

A whole chicken roasted over lemons and thyme is the easiest Sunday lunch there is, and the juices make their own gravy while it rests.

Ingredients
1 chicken, about 1.6kg
2 lemons
1 bunch thyme
4 garlic cloves
2 tbsp olive oil
500g new potatoes
Black pepper

Method

1. Heat the oven to 200C. Halve the lemons and push two halves into the chicken with half the thyme and the garlic.

2. Rub the skin with the oil, season it well, and set the bird on the potatoes in a roasting tin with the rest of the lemon.

3. Roast for 1 hour 20 minutes, basting twice, until the juices run clear when you push a skewer into the leg.

4. Rest the chicken for 15 minutes under foil, then carve it and spoon the pan juices over the meat.
"""


def test_a_recipe_keeps_its_ingredients_and_method():
    assert _flagged(RECIPE) == []


GUIDE_SECTIONS = ["Choosing a tent", "Sleeping bags", "Stoves and fuel", "Water", "Finding your way", "First aid",
                  "Clothing layers", "Food planning", "Leave no trace", "Weather checks"]
GUIDE = "A beginner's guide to wild camping\n\n" + "\n\n".join(
    f"{heading}\n\nMost first-time campers get {heading.lower()} wrong in the same way, and a little planning "
    f"at home saves a cold night on the hill, so read the advice below before you set out." for heading in GUIDE_SECTIONS)


def test_a_long_guide_with_many_sections_is_clean():
    assert _flagged(GUIDE) == []


QA = """\
Ask the expert: is my boiler safe?

Our energy adviser answers readers' questions every week.

Q: My boiler makes a banging noise when the heating comes on. Should I worry?

A: A banging noise usually means limescale has built up on the heat exchanger, which is common in hard-water areas. Ask an engineer to flush the system before the winter.

Q: How often should it be serviced?

A: Once a year, by a registered engineer. Keep the receipts: most warranties need them, and a yearly check also catches leaks early.
"""


def test_questions_and_answers_are_clean():
    assert _flagged(QA) == []


def test_the_line_model_takes_little_of_a_documents_prose():
    text = "\n\n".join(["Harbour reopens after the storm"] + SURVEY + [CLOSING, "Ferries will run again from Thursday morning.", "Menu"])
    doc = read(text, "bound.txt")[0]
    state = prepare(doc, load_lexicon())
    lines = [ln.text for ln in state.lines]
    menu, short, paragraph = lines.index("Menu"), lines.index("Ferries will run again from Thursday morning."), lines.index(CLOSING)
    # A short sentence is well under a tenth of the prose: the model may have it.
    assert _within_prose_bound([menu, short], state) == [menu, short]
    # A whole paragraph is more than a tenth: the model errs about the page, and keeps
    # only the short lines it took.
    assert _within_prose_bound([menu, short, paragraph], state) == [menu]


# A press release pasted as it was sent: one paragraph hard-wrapped at about ten words a
# line, so no line ends like a sentence of its own.
WRAPPED = [
    "The regional water board said on Thursday that it would replace",
    "the old pumping station beside the river with a smaller one, after",
    "engineers found that the present building could not be repaired at",
    "a reasonable cost. Work is expected to begin in the autumn and to",
    "last about eighteen months, during which the board will supply the",
    "villages on the east bank from its reservoir in the hills above them.",
]


def test_a_hand_wrapped_paragraph_is_prose_to_the_line_model():
    from lint.boilerplate.story_lines import wrapped_prose as _wrapped_prose

    doc = read("\n".join(WRAPPED) + "\n\nShare this article\nFacebook\nTwitter\n", "x.txt")[0]
    state = prepare(doc, load_lexicon())
    assert set(range(len(WRAPPED))) <= _wrapped_prose(state)
    menu = read("Home\nNews\nSport\nWeather\nBusiness\n", "m.txt")[0]
    assert _wrapped_prose(prepare(menu, load_lexicon())) == set()


TOUR = [
    "The orchestra will go on tour next summer for the first time in a decade, its director said on "
    "Monday, visiting cities it has not played in since the hall reopened.",
    "Tickets go on sale in March, and the orchestra said that students would be offered half-price seats "
    "at every concert of the tour.",
    "The tour's dates:",
] + [f"July {d} -- {hall}, {city}" for d, (hall, city) in zip(
    range(2, 30, 2), [("Civic Hall", "Leeds"), ("Town Hall", "Bristol"), ("Usher Hall", "Edinburgh"),
                      ("Music Centre", "Derby"), ("Corn Exchange", "Ely"), ("Dome", "Brighton"),
                      ("Guildhall", "Preston"), ("Opera House", "Buxton"), ("Assembly Rooms", "Bath"),
                      ("City Hall", "Hull"), ("Playhouse", "Perth"), ("Arena", "Cardiff"),
                      ("Colston Hall", "Bristol"), ("Royal Hall", "Harrogate")])]


def test_a_list_the_story_announces_stays_clean():
    text = "\n\n".join(TOUR) + "\n\n" + SHARE_BAR + "\n"
    flagged = _flagged(text)
    dates = {_line_of(text, line) for line in TOUR[2:]}
    assert not [f for f in flagged if f[0] in dates]
    assert any(rule == "boilerplate.share" for _, rule in flagged)


# A story that ends on its results: a table of one cell a line (rank, team, points) right
# after the last sentence, with no lead-in, then the page's share bar.
_TEAMS = ["Harbour Rovers", "Mill Lane", "St Jude's", "Eastbrook Town", "Parkside United", "Old Quay",
          "Westfield", "Hillcrest Athletic", "Riverside", "Northgate Albion", "Kings Ferry", "Castle Mead"]
LEAGUE = ["Rovers clinch the county title on the last day",
          "Harbour Rovers won the county league on Saturday with a 3-1 win at Mill Lane, finishing the season "
          "two points clear of their hosts after a run of eleven wins in a row.",
          "Their manager said the players had earned the title in the winter months, when the pitch was heavy "
          "and the crowds were small."]
TABLE = ["Pos", "Team", "Pts"] + [cell for k, team in enumerate(_TEAMS, 1) for cell in (str(k), team, str(70 - 4 * k))]


def test_a_results_table_after_the_last_sentence_is_the_story():
    text = "\n\n".join(LEAGUE) + "\n\n" + "\n".join(TABLE) + "\n\n" + SHARE_BAR + "\n"
    flagged = _flagged(text)
    table = {_line_of(text, cell) for cell in TABLE if not cell.isdigit()}
    assert not [f for f in flagged if f[0] in table or f[0] in range(min(table), max(table) + 1)]
    assert sum(rule == "boilerplate.share" for _, rule in flagged) == 4


def _table_after_story(text: str) -> set[str]:
    from lint.boilerplate.story_lines import table_after as _table_after

    doc = read(text, "t.txt")[0]
    state = prepare(doc, load_lexicon())
    hit = [i in state.found for i in range(len(state.lines))]
    return {state.lines[i].text for i in _table_after(state, hit, state.span[1])}


def test_a_ranked_list_of_headlines_after_the_story_is_no_table():
    # "Most read" under a story: ranks over other stories' headlines are teasers, and
    # a calendar's day numbers alone are no table either: the line model decides them.
    headlines = ["Council approves the new bridge over the river after a long debate",
                 "Schools to stay open through the summer for holiday clubs",
                 "Ferry timetable changes from next month as the operator cuts crossings",
                 "Police appeal for witnesses after a crash on the coast road",
                 "Hospital opens a new children's ward with thirty beds"]
    ranked = "\n".join(cell for k, h in enumerate(headlines, 1) for cell in (f"{k}.", h))
    story = "\n\n".join(LEAGUE[:3])
    assert _table_after_story(story + "\n\nMost read\n" + ranked + "\n") == set()
    assert _table_after_story(story + "\n\n" + "\n".join(str(d) for d in range(1, 29)) + "\n") == set()
    assert "Harbour Rovers" in _table_after_story(story + "\n\n" + "\n".join(TABLE) + "\n")


BOOKS = [("The Salt Road", "Ada Marsh"), ("Winter Orchard", "Tom Reyes"), ("A House of Glass", "Nia Clarke"),
         ("Northern Lights", "Ben Ito"), ("The Last Ferry", "Rosa Lind"), ("Paper Boats", "Kit Amari"),
         ("Small Hours", "Joel Brandt"), ("Quiet Water", "Mina Sato"), ("The Long Field", "Ed Moyo"),
         ("Iron Harbour", "Lucy Tan"), ("Cold Spring", "Omar Diaz"), ("Bright Morning", "Ivy Holm")]


def test_a_list_a_long_lead_in_announces_stays_clean():
    # The story's stretch of prose stops at its last paragraph; a list follows, under a
    # subheading and a long lead-in that ends with a colon (no stop of its own).
    text = "\n\n".join([
        "The books our readers loved this year",
        "Readers sent us more than four thousand votes this year, and the winner took almost a fifth of them "
        "after a late surge in the final week of voting.",
        "Booksellers said the list matched what they had seen in their shops, with debut novels doing better "
        "than in any year since the vote began.",
        "More of the year's favourites",
        "Rounding out the list, these twelve titles published this year or late last year also drew "
        "hundreds of votes from our readers:",
    ] + [f"{title} by {author}" for title, author in BOOKS]) + "\n\n" + SHARE_BAR + "\n"
    flagged = _flagged(text)
    listed = {_line_of(text, f"{t} by {a}") for t, a in BOOKS} | {_line_of(text, "More of the year's favourites")}
    assert not [f for f in flagged if f[0] in listed]
    assert sum(rule == "boilerplate.share" for _, rule in flagged) == 4


def _card(k: int) -> str:
    model = ["Harbor Quietline 500", "Norden Breeze 7", "Alto Steamwise", "Kestrel Duo 9", "Mira Compact 2"][k]
    para = [
        f"The {model} finished every load we put through it without leaving a single stain behind, and it "
        f"stayed quieter than any other machine in our laundry room during the spin cycle.",
        "Its controls are easy to read from across the room, the door opens wide enough for a duvet, and the "
        "drum kept its shape after three months of heavy family use in our test house.",
        "We would still like a shorter quick cycle, but for most households this is the one we would buy "
        "today, and it is often on sale in the spring.",
    ]
    return "\n\n".join([f"Best Pick {k + 1}", model, *para, "Pros", "Quiet spin", "Wide door", "Cons",
                        "Slow quick cycle", "$899.00 from Lowe's", "$949.99 from Best Buy",
                        "Credit: Example Reviews / Staff"])


def test_a_buyers_guide_resumes_after_each_cards_prices():
    # Each card's prices and photo credit are residue; they end the story's stretch of prose at
    # the first card, but the next cards' headings, paragraphs and lists are the story going on.
    intro = ("Washing machines we tested this year\n\n"
             "We ran more than two hundred loads through twenty machines this year to find the ones worth "
             "buying, and the five below stood out for cleaning, noise and value.\n\n"
             "Every machine was bought at retail and tested in the same laundry room by the same two "
             "reviewers, who washed towels, jeans and a stained tablecloth in each.")
    text = intro + "\n\n" + "\n\n".join(_card(k) for k in range(5))
    flagged = _flagged(text)
    lines = text.split("\n")
    assert all(lines[n - 1].startswith("$") or lines[n - 1].startswith("Credit:") for n, _ in flagged), \
        [(n, lines[n - 1]) for n, _ in flagged]
    assert len(flagged) == 15  # two prices and a credit per card


def test_a_writers_see_references_between_paragraphs_stay_clean():
    """"See: <title>" under a paragraph is how a writer cites an example or a source: the
    story's own text, unlike "Related: <title>" (a box the page slots in)."""
    text = "\n\n".join([
        "Five newsletters worth reading",
        "The first is written by a former harbour pilot who explains how the ports of the north coast "
        "work, with a long piece every week on one of them.",
        "See: \u201cWhy the tide tables changed\u201d",
        "The second comes from a retired teacher who reviews one book about the sea each month and "
        "answers letters from readers at the end of every issue.",
        "See: \u201cTen books for a winter crossing\u201d",
        "The third is a weekly digest of the fishing fleet's catches, put together by two reporters "
        "from the island's paper.",
    ])
    assert _flagged(text) == []


RELEASE = """\
Harbour ferry operator orders two electric boats

EXAMPLE CITY, March 2 -- The Example Harbour Ferry Company said on Monday it had ordered two battery-powered boats for its island routes, the first electric vessels in its fleet.

The boats, to be built at a yard on the north shore, will carry 150 passengers each and replace two diesel ferries that have served the routes for thirty years.

The company said the new boats would be charged overnight at the main pier, where a new substation is being built with the city's power utility.

SOURCE Example Harbour Ferry Company

CONTACT:
Jane Roe, +1-555-010-2233
or
John Doe, +1-555-010-4455

Share this article
Facebook
Twitter
Email

© 2026 Example Newswire. All rights reserved."""


def test_a_press_releases_contact_block_stays_clean():
    # The names and telephone numbers under a release's "CONTACT:" are the release's own,
    # though they sit after its last paragraph, above a share bar (failed on main: the
    # line model took the block as page chrome).
    flagged = {line for line, _ in _flagged(RELEASE)}
    contact = _line_of(RELEASE, "CONTACT:")
    assert not flagged & set(range(contact, contact + 4))
    assert _line_of(RELEASE, "Share this article") in flagged


def test_a_lead_in_over_a_sidebars_lines_is_not_the_story():
    # A lead-in over separate lines (a block of its own) after the story is as often a
    # sidebar's ("TEAM NEWS:" over a team selector): only the lines of the lead-in's own
    # block are kept from the line model, so here nothing is.
    from lint.boilerplate.story_lines import lead_in_block
    text = RELEASE.replace("CONTACT:\nJane Roe", "CONTACT:\n\nJane Roe")
    doc = read(text, "release.txt")[0]
    state = prepare(doc, load_lexicon())
    n = len(state.lines)
    first, last = state.span
    kept = lead_in_block(state, [i in state.found for i in range(n)], first, last)
    assert kept == set()
    same_block = lead_in_block(prepare(read(RELEASE, "release.txt")[0], load_lexicon()), [False] * n, first, last)
    assert {state.lines[i].text for i in same_block} >= {"CONTACT:", "or"}


AGENCY_STORY = """\
Harbour board delays vote on new pier

EXAMPLE CITY (AP) — The harbour board put off a vote on a new passenger pier on Tuesday, saying it needed more time to study the cost of dredging the channel beside it.

Board members said the delay would not change the opening date, which is set for the summer after next, and that the vote would be held at their next meeting.

A spokeswoman for the ferry operators said they supported the pier but wanted the board to publish its estimate of the dredging costs first.

___

Follow the news agency's coverage of the harbour at https://example.com/harbour

Share this article
Facebook
Twitter
Email"""


def test_a_rule_line_under_the_storys_last_paragraph_is_the_storys_own():
    # An agency story closes with a rule line ("___") before its footnote: a section
    # break of the story, never the line model's (failed on main: taken as page chrome).
    flagged = {line for line, _ in _flagged(AGENCY_STORY)}
    assert _line_of(AGENCY_STORY, "___") not in flagged
    assert _line_of(AGENCY_STORY, "Share this article") in flagged
