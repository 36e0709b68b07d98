"""Residue of every era: the share, print and bookmark widgets, datelines, comment-thread
chrome and teaser cards of 2005-2012 news pages, each beside prose that mentions the same
words and must stay clean (a sentence about e-mail or printing is news)."""
from __future__ import annotations

from ..helpers import flagged_boilerplate as _flagged

STORY = [
    "The harbour board approved a plan on Tuesday to rebuild the north pier, which was closed last winter "
    "after storms cracked its foundations.",
    "Work will start in the spring and should take about eighteen months, the board said, at a cost of "
    "twelve million pounds.",
    "Fishing crews said they had waited years for the repairs and welcomed the decision, though some "
    "worried about the noise.",
]


def test_bookmarking_bars_of_the_2000s_are_share_buttons():
    lines = ["Harbour board backs pier rebuild", *STORY, "Digg this", "Post to del.icio.us",
             "Share this: Digg | del.icio.us | Furl | reddit | Facebook | What's this?",
             "Post this story to: Newsvine | Reddit | Fark"]
    assert _flagged(lines) == [(line, "boilerplate.share") for line in lines[4:]]


def test_prose_that_names_bookmarking_sites_is_news():
    lines = ["Social news site changes hands", *STORY,
             "Digg was sold in 2012 for a fraction of what it had been worth four years earlier.",
             "Readers used to post stories to del.icio.us and Newsvine before the big networks took over.",
             "Reddit and Fark both said they would not comment on the sale."]
    assert _flagged(lines) == []


def test_print_and_email_tools_alone_or_run_together_are_widgets():
    lines = ["Harbour board backs pier rebuild", *STORY, "Email to a friendPrinter friendly",
             "Printer-friendly version Email-a-friend Respond", "Send this article to Friends by E-Mail",
             "E-mail | Print", "View article on single page", "Click photo to enlarge"]
    # "E-mail | Print" is a share bar's two buttons: share comes before widget.
    assert _flagged(lines) == [(line, "boilerplate.share" if line == "E-mail | Print" else "boilerplate.widget")
                               for line in lines[4:]]


def test_sentences_about_email_and_printing_are_news():
    lines = ["Post office trials e-mail printing", *STORY,
             "Customers can email a friend's letter to the post office, which will print it and deliver it.",
             "The printer-friendly forms are available at every branch and online.",
             "Send this form to the council by e-mail before the end of March.",
             "Print"]
    # "Print" alone is a button even here: it is a whole line, not a word in a sentence.
    assert _flagged(lines) == [("Print", "boilerplate.widget")]


def test_datelines_and_agency_lines_are_bylines():
    lines = ["Harbour board backs pier rebuild", "Associated Press - January 16, 2008 4:56 PM ET",
             "Thomson Financial News | Wed, Jan 16 2008, 10:37 GMT", *STORY,
             "Posted: 12:30 15th January 2008", "Published: Dec. 16, 2008 at 4:30 PM"]
    assert _flagged(lines) == [(lines[1], "boilerplate.byline"), (lines[2], "boilerplate.byline"),
                               (lines[6], "boilerplate.byline"), (lines[7], "boilerplate.byline")]


def test_sentences_that_name_agencies_and_dates_are_news():
    lines = ["Harbour board backs pier rebuild", *STORY,
             "Reuters, citing three people close to the board, said the contract would go to a local firm.",
             "The Associated Press first reported the plan on January 16, 2008, a week before the vote.",
             "Posted on the board's website on Monday at 10:30, the plan drew hundreds of comments.",
             "The correspondent who broke the story has since left the paper."]
    assert _flagged(lines) == []


def test_comment_thread_chrome_of_old_forums_is_residue():
    lines = ["Harbour board backs pier rebuild", *STORY, "Add your comment", "Quote | Report this post",
             "Report Post", "Reader views (12)"]
    # Together they are a thread's header and buttons...
    assert _flagged(lines) == [(line, "boilerplate.comments") for line in lines[4:]]
    # ...and each alone is still a reader tool.
    for line in lines[4:]:
        assert _flagged(["Harbour board backs pier rebuild", *STORY, line]) == [(line, "boilerplate.widget")]


def test_sentences_about_reports_and_comments_are_news():
    lines = ["Harbour board backs pier rebuild", *STORY,
             "Report this post to the moderators, the forum's rules say, if it breaks the law.",
             "The board will add your comments to the public record if you send them before Friday.",
             "Reader views on the plan were mixed, a survey by the paper found."]
    assert _flagged(lines) == []


def test_a_featured_post_label_is_a_teaser_card():
    lines = ["Harbour board backs pier rebuild", *STORY, "FEATURED POST"]
    assert _flagged(lines) == [("FEATURED POST", "boilerplate.related-headline")]


def test_a_featured_post_in_a_sentence_is_news():
    lines = ["Harbour board backs pier rebuild", *STORY,
             "A featured post on the board's blog explained how the pier will be rebuilt."]
    assert _flagged(lines) == []


def test_bookmarking_labels_and_whats_this_links_are_share_buttons():
    lines = ["Harbour board backs pier rebuild", *STORY, "Bookmark with:", "Bookmark/Search this post with:",
             "Bookmark & Share", "More Feeds | What is this?", "del.icio.usDiggRedditFacebookWhat's this?"]
    assert _flagged(lines) == [(line, "boilerplate.share") for line in lines[4:]]


def test_sentences_about_bookmarks_and_questions_are_news():
    lines = ["Library puts its archive online", *STORY,
             "Readers can bookmark the page and come back to it later in the week.",
             "Critics asked: what is this?",
             "The archive tools, the library said, would be free for every member to use."]
    assert _flagged(lines) == []


def test_notices_of_old_news_pages_are_legal_lines():
    lines = ["Harbour board backs pier rebuild", *STORY,
             "Example News is not responsible for the content of external internet sites.",
             "Example Wire, the Example Wire logo and other trademarks and service marks are registered or "
             "unregistered trademarks of Example Wire Ltd.",
             "This story is sourced direct from an overseas news agency as an additional service to readers.",
             "The full article contains 412 words and appears in the Example Herald newspaper."]
    assert _flagged(lines) == [(line, "boilerplate.legal") for line in lines[4:]]


def test_sentences_about_responsibility_sources_and_trademarks_are_news():
    lines = ["Court rules on leaked report", *STORY,
             "The company said its lawyers were not responsible for the content of the leaked report.",
             "The judge said the story was sourced from documents the paper had obtained in March.",
             "The full article, the editor said, would appear in Saturday's print edition.",
             "The brewery said the names of its beers were registered last year and would be defended."]
    assert _flagged(lines) == []


def test_a_reporters_address_and_agency_help_are_bylines():
    lines = ["Harbour board backs pier rebuild", *STORY,
             "Jane Doe can be reached at jdoe@example.com or 555-0100.",
             "Some information for this report was provided by Example Wire and AFP."]
    assert _flagged(lines) == [(line, "boilerplate.byline") for line in lines[4:]]


def test_sentences_about_reaching_people_and_information_are_news():
    lines = ["Helpline opens for flood victims", *STORY,
             "The helpline can be reached at 555-0100 from eight in the morning.",
             "Information for this report came slowly, as officials refused to comment for days."]
    assert _flagged(lines) == []


def test_a_sponsor_label_is_an_advertisement_and_a_sponsored_event_is_news():
    lines = ["Harbour board backs pier rebuild", *STORY, "Sponsored by:"]
    assert _flagged(lines) == [("Sponsored by:", "boilerplate.advertisement")]
    lines = ["Festival draws record crowd", *STORY,
             "Sponsored by the city council, the festival drew four thousand visitors.",
             "Presented by the mayor, the award went to the harbour's oldest crew."]
    assert _flagged(lines) == []


def test_a_sites_standing_disclaimer_is_legal_and_a_reports_aim_is_news():
    notice = ("The information on this site is for general informational purposes only and does not "
              "constitute financial advice.")
    assert _flagged(["Harbour board backs pier rebuild", *STORY, notice]) == [(notice, "boilerplate.legal")]
    lines = ["Doctors publish new guidance", *STORY,
             "The report is not intended to replace the advice of a doctor, its authors said.",
             "This material was handed to the court on Monday, the lawyers said."]
    assert _flagged(lines) == []


def test_a_blog_archive_a_comment_forms_consent_and_a_cookie_table_are_residue():
    lines = ["Harbour board backs pier rebuild", *STORY, "▼ December (4)", "► March (12)",
             "Save my name, email, and website in this browser for the next time I comment.",
             "This cookie is set by the Example Consent plugin to remember whether you accepted cookies."]
    assert _flagged(lines) == [("▼ December (4)", "boilerplate.widget"), ("► March (12)", "boilerplate.widget"),
                               (lines[6], "boilerplate.legal"), (lines[7], "boilerplate.legal")]


def test_a_recipes_cookie_and_a_tables_year_are_news():
    lines = ["Shortbread for beginners", *STORY,
             "The cookie is set by hand on a cooling rack before it is iced.",
             "Save my name for the raffle, the baker told the stall holder.",
             "Year (entries)\n2019 (12)\n2020 (15)\n2021 (19)"]
    assert _flagged(lines) == []
