"""No false alarms on real prose: subheadings, datelines, quotes, lists and section labels
belong to the article."""
from __future__ import annotations

from ..helpers import run

ANALYSIS = """\
Ministers agree to lift tariffs on farm goods

BRUSSELS (Reuters) - European ministers agreed on Monday to lift tariffs on farm goods from three neighbouring countries, ending a dispute that had lasted almost two years.

What Happened: The agreement was reached after a twelve-hour meeting in Brussels, officials said, and will take effect in March.

"This is a good day for farmers on both sides of the border," the trade commissioner told reporters after the meeting.

Why It Matters: Farm exports account for a fifth of the region's trade, and the tariffs had cut some producers' sales by half.

The deal covers:
Grain and flour
Dairy products
Fresh fruit and vegetables

Next steps

The agreement still needs the approval of the European Parliament, which is expected to vote on it next month.

Share prices of the largest food exporters rose after the announcement, and the advertisement industry expects a busy spring.
"""

INTERVIEW = """\
Q&A: The last lighthouse keeper

For forty years, Margaret Hale kept the light on the northern cape. We asked her about the job.

How did you start?

My father kept the light before me. When he fell ill in 1979, the service asked if I would take over for a month. I stayed for four decades.

What will you miss?

The storms, honestly. You feel very small and very awake.

Margaret Hale retired in March. The light is now run from a control room two hundred miles away.
"""


def test_news_analysis_with_labels_lists_and_quotes_is_clean():
    assert [(d.line, d.rule, d.message) for d in run(ANALYSIS, ["boilerplate"])] == []


def test_interview_with_question_subheadings_is_clean():
    assert [(d.line, d.rule) for d in run(INTERVIEW, ["boilerplate"])] == []


def test_a_code_sample_is_not_a_button():
    text = ("Configuring the client\n\nSet the option once, when the client is built, and every request "
            "inherits it without further work.\n\nshare = true\nprint(share)\n\n"
            "The setting is read again whenever the configuration file changes on disk.")
    assert run(text, ["boilerplate"]) == []


def test_short_closing_sentences_after_a_share_bar_stay():
    p1 = ("The coastal road was closed on Tuesday after heavy rain flooded two bridges near the harbour, "
          "and police asked drivers to avoid the area.")
    p2 = ("Engineers will inspect both bridges on Wednesday morning, the county council said, and the "
          "road could reopen by the weekend if the water falls.")
    text = (f"Storm closes coastal road\n\n{p1}\n\n{p2}\n\nShare\nTweet\n\nHe was released on bail.\n\n"
            "The case continues next week at the crown court.")
    assert [(d.line, d.rule) for d in run(text, ["boilerplate"])] == [
        (7, "boilerplate.share"), (8, "boilerplate.share")]


def test_sentences_that_name_agencies_captions_and_copyright_are_prose():
    text = "\n\n".join([
        "Court backs photographers in copyright case",
        "A court ruled on Monday that a picture agency had broken the law, in a case watched closely by photographers across the country.",
        "Image copyright rules were last changed in 2019, the judge said, and both sides had accepted them.",
        "The Associated Press and Reuters reported the ruling within minutes of its publication.",
        "Also: the agency must pay costs",
        "Media caption software was shown to the court as evidence of how pictures were labelled.",
        "Analog Insulation Testers/Digital Meters Compared",
        "Inside the National Gallery",
        "The ruling was first published on the court's website, the agency said, and later printed.",
        "The agency said it would study the ruling before deciding whether to appeal.",
    ])
    assert [(d.line, d.rule) for d in run(text, ["boilerplate"])] == []


def test_last_paragraph_above_a_closing_credit_is_not_a_caption():
    # The credit sits in the page's tail, after the story: the paragraph above it is the
    # story's last paragraph, not a picture caption.
    text = (
        "Harbour reopens after storm\n\n"
        "Ferries stayed in port for a second day on Tuesday after the storm, the port authority said.\n\n"
        "Forecasters expect calmer weather for the rest of the week, with lighter winds.\n\n"
        "Photo: Coast News Agency\n"
    )
    found = [(d.line, d.rule) for d in run(text, ["boilerplate"])]
    assert found == [(7, "boilerplate.credit")]


def test_dates_pitches_and_left_right_in_prose_are_not_captions():
    text = "\n\n".join([
        "Tax deadline moves after storm",
        "The deadline to file federal tax returns is Wednesday, April 15, 2026, the agency said on Monday.",
        "Officials said on Tuesday that the extension would apply to every county hit by the storm.",
        "Drivers should keep left, the police said, because the right lane is still closed near the bridge.",
        "Breathing slowly can help you relax, center, and quiet the mind before a difficult meeting.",
        "More on that in a follow-up report about the new forms.",
        "The next public meeting will take place on Thursday, March 5, 2026, at the central library.",
        "The flood maps were drawn from satellite pictures taken by the American space agency (NASA).",
        "Last year the prize went to a photograph by Jane Doe of Reuters, taken during the floods.",
        "To open the old sluice gate, turn the wheel to the right, left, then right again, the keeper said.",
        "More Rain Expected",
        "More BBC reporters were sent to the harbour as the water rose.",
        "Volunteers are needed for the clean-up. Sign up for a shift at the town hall on Saturday.",
        "If you enjoyed the old deadline, you will like the new one even less, one accountant joked.",
        "The agency said it would publish the new forms next week on its website.",
    ])
    assert [(d.line, d.rule) for d in run(text, ["boilerplate"])] == []


def test_an_opening_ingredient_list_or_table_of_contents_is_the_article():
    """A long list above the story is not a page's menu when it reads like a list of
    ingredients, or like a table of contents whose entries come back as subheadings."""
    ingredients = ["2 cups flour", "1 tsp salt", "3 eggs", "1 cup milk", "2 tbsp butter", "1 onion, diced",
                   "2 cloves garlic", "200g spinach", "100g feta", "1 lemon", "Black pepper", "Olive oil",
                   "Fresh dill", "1 tsp nutmeg", "2 tbsp parmesan", "Sea salt flakes"]
    method = [
        "Heat the oven to 200C and grease a deep baking dish with a little of the butter before you start.",
        "Whisk the flour, salt, eggs and milk into a smooth batter, then leave it to rest for twenty minutes.",
        "Soften the onion and garlic in the oil, add the spinach and stir until it wilts, then season it well.",
        "Pour half the batter into the dish, spread the filling and feta over it, and bake for 35 minutes.",
    ]
    recipe = "Spinach and feta bake\n\n" + "\n".join(ingredients) + "\n\n" + "\n\n".join(method)
    assert [(d.line, d.rule) for d in run(recipe, ["boilerplate"])] == []

    sections = ["Introduction", "What Is a Heat Pump", "How Heat Pumps Work", "Air Source Heat Pumps",
                "Ground Source Heat Pumps", "Costs and Grants", "Running Costs", "Noise", "Planning Rules",
                "Installers", "Maintenance", "Common Problems", "Heat Pumps in Old Houses", "Hybrid Systems",
                "Our Verdict", "Frequently Asked Questions"]
    paragraph = ("A heat pump moves warmth from the air or the ground into your home, using electricity to "
                 "run a compressor rather than burning gas.")
    body = [line for heading in sections for line in (heading, paragraph)]
    guide = "Heat pumps: a buyer's guide\n\n" + "\n".join(sections) + "\n\n" + "\n\n".join(body)
    assert [(d.line, d.rule) for d in run(guide, ["boilerplate"])] == []


def test_a_share_bar_in_the_middle_leaves_the_second_half_of_the_story():
    # The story's stretch ends at a block of residue below half of its prose; the
    # paragraphs after it are still the story's and must not be taken for chrome.
    paragraphs = [
        "The council voted on Tuesday to close the coastal road after floods damaged two bridges near the harbour.",
        "Engineers will inspect both bridges on Wednesday morning, and the road could reopen by the weekend.",
        "Residents said the harbour had not flooded like this since 1998, when a storm surge damaged homes.",
        "The county has set aside two million pounds for repairs, and the work is expected to take the summer.",
        "Bus services will run on a diversion through the village, adding about fifteen minutes to each trip.",
        "Shop owners on the front said the closure had already cost them customers and asked for help with rates.",
        "The council will meet again next Thursday to decide whether to extend the closure into the holidays.",
    ]
    text = ("Coastal road closed after floods\n\n" + "\n\n".join(paragraphs[:4]) + "\n\nShare\nTweet\nEmail\nPrint\n\n"
            + "\n\n".join(paragraphs[4:]))
    assert [(d.line, d.rule) for d in run(text, ["boilerplate"])] == [
        (11, "boilerplate.share"), (12, "boilerplate.share"), (13, "boilerplate.share"), (14, "boilerplate.widget")]


def test_a_checklists_last_item_above_a_photo_credit_is_not_a_caption():
    # A picture with only a credit follows the list; the item above the credit is the
    # list's own, and the caption rule needs a caption-like line that is not a list item.
    text = (
        "Packing for a winter crossing\n\n"
        "Passengers who travel to the island in winter should bring more than a coat, the ferry "
        "operator said on Monday, because the crossing can be delayed for hours.\n\n"
        "Warm gloves and a spare hat\n\n"
        "A flask of soup for the waiting room\n\n"
        "Charge your phone before you leave home\n\n"
        "Image by Jane Roe via Example Images\n\n"
        "The operator said it would post delays on its website from six in the morning.\n"
    )
    found = [(d.line, d.rule) for d in run(text, ["boilerplate"])]
    assert found == [(11, "boilerplate.credit")]


def test_the_next_card_under_a_read_the_full_review_link_is_not_a_related_list():
    # "Read full review" links one card to its page; it does not head a list of other
    # stories, so the next card's name and label under it stay the article's.
    text = (
        "The best ferries for a winter crossing\n\n"
        "We sailed on every ferry that serves the island this winter and timed each crossing, "
        "noting how the boats handled the swell in the worst of the storms.\n\n"
        "The Northern Star is the steadiest boat on the route, and its lounge stays quiet "
        "even when the wind turns against the tide.\n\n"
        "Read full review\n\n"
        "Island Spirit\n\n"
        "Fastest Crossing\n\n"
        "The Island Spirit makes the crossing in forty minutes, ten fewer than any other boat, "
        "though its small deck is closed in rough weather.\n"
    )
    found = [(d.line, d.rule) for d in run(text, ["boilerplate"])]
    assert found == [(7, "boilerplate.related-headline")]
