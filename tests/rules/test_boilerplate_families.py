"""Families of residue that page templates of many sites and eras print (tool bars with the
page's own links, comment forms and their notices, consent dialogs, market-data and
reader-content notices, agency and staff bylines, time stamps, registration walls), each
beside prose that uses the same words and must stay clean."""
from __future__ import annotations

import pytest

from ..helpers import flagged_boilerplate as _flagged

TITLE = "Ferry service returns to the island"
STORY = [
    "The ferry between the mainland and the island will run again from Monday, the operator said, "
    "after a winter in which storms kept it in port for eleven weeks.",
    "Islanders had relied on a small supply boat, and the school had moved its lessons online for "
    "most of January while the crossing was closed.",
    "The operator said a second vessel would join the route in the summer to carry the extra "
    "visitors who come for the festival.",
]


def _under_story(line: str) -> list[tuple[str, str]]:
    return _flagged([TITLE, *STORY, line])


@pytest.mark.parametrize("line", [
    "Back | Printable version | E-mail to a friend | Top",
    "Email Print Back to top",
    "PRINT STORY EMAIL STORY NEWSLETTER SEARCH",
    "Article Tools: PRINT | E-MAIL | Text Size: S M L | SEND YOUR FEEDBACK",
    "Clip | Send this to a friend | Printable page",
    "Article E-Mail :: Reprints :: Printer Friendly Version",
])
def test_tool_bars_with_the_pages_own_links_are_widgets(line):
    assert _under_story(line) == [(line, "boilerplate.widget")]


def test_sentences_about_printing_and_newsletters_are_news():
    lines = [TITLE, *STORY,
             "The island's newsletter is printed each week and sent by e-mail to every household.",
             "Search teams went back to the top of the cliff when the weather cleared.",
             "Print and e-mail copies of the timetable are available at the harbour office."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "Your email address will never be shared. Fields marked * are required.",
    "E-mail (will not be published)",
    "This site uses Akismet to reduce spam.",
    "No comments have yet been posted. Why not be the first to have your say?",
    "Oops! Something went wrong while submitting the form, try again.",
    "Thanks! Your message has been sent.",
    "This field is for validation purposes and should be left unchanged.",
])
def test_comment_forms_and_their_notices_are_widgets(line):
    assert _under_story(line) == [(line, "boilerplate.widget")]


def test_sentences_about_forms_emails_and_comments_are_news():
    lines = [TITLE, *STORY,
             "Your email address will be used only to send the timetable, the operator said.",
             "No comments were made by the council when the route closed in December.",
             "Something went wrong while the crew were loading the first cars, a passenger said.",
             "The operator thanked islanders for their patience and said the submission of "
             "complaints would be reviewed."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "Share this article: What is this?",
    "Share Facebook Tweet",
    "Share: Facebook | Email | Other sites",
    "Share 12",
    "Share this post on",
    "Share your views with us below.",
    "A post shared by Island Ferries (@islandferries)",
])
def test_share_bars_written_out_are_share_buttons(line):
    assert _under_story(line) == [(line, "boilerplate.share")]


def test_sentences_that_share_and_tweet_are_news():
    lines = [TITLE, *STORY,
             "Islanders shared their stories of the winter with a visiting reporter on Tuesday.",
             "The operator will share the cost of the second vessel with the county council.",
             "A post shared by the harbour master on Monday showed the ferry leaving port."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "To read the full story you need to log in or subscribe.",
    "To post a comment you need to be logged in.",
    "Log in to leave a comment.",
    "Not a member yet?",
    "Remember me - this will save your name and email address for the next time you comment.",
])
def test_registration_walls_and_sign_in_prompts_are_subscribe_prompts(line):
    assert _under_story(line) == [(line, "boilerplate.subscribe")]


def test_sentences_about_registering_and_remembering_are_news():
    lines = [TITLE, *STORY,
             "To read the new timetable, passengers will need to visit the harbour office.",
             "Remember me as the captain who never missed a crossing, he said on his last day.",
             "Voters not registered on the island cannot take part in the ferry ballot."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "Necessary cookies are absolutely essential for the website to function properly.",
    "Functional cookies help to perform certain functions like sharing the content of the site.",
    "Analytics cookies are used to understand how visitors interact with the website.",
    "Targeting cookies",
    "Example Analytics sets this cookie to store a unique visitor ID.",
    "We and our partners use data to measure ads and content.",
    "The technical storage or access is strictly necessary for the legitimate purpose of enabling a service.",
    "Stock quotes delayed by at least 20 minutes.",
    "The views expressed in the comments are not necessarily those of this site.",
])
def test_consent_dialogs_and_content_notices_are_legal_lines(line):
    assert _under_story(line) == [(line, "boilerplate.legal")]


def test_sentences_about_cookies_quotes_and_views_are_news():
    lines = [TITLE, *STORY,
             "Third-party cookies are used by advertisers to follow readers from site to site, the regulator said.",
             "The bakery on the quay sells cookies to passengers while they wait for the ferry.",
             "Share trading in the operator was delayed by at least 15 minutes after the announcement.",
             "The views expressed at the meeting were not necessarily those of the whole island."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "Our correspondent and agencies",
    "Island Gazette Staff Writer",
    "Staff Writer, Island Gazette",
    "By JANE ROE, Associated Press Writer 1 hour, 12 minutes ago",
])
def test_agency_and_staff_bylines_are_bylines(line):
    assert _flagged([TITLE, line, *STORY]) == [(line, "boilerplate.byline")]


@pytest.mark.parametrize("line", [
    "16 January 2008, 10:51",
    "Last modified: Jan. 10, 2008 12:00AM",
])
def test_time_stamps_as_templates_print_them_are_bylines(line):
    assert _flagged([TITLE, line, *STORY]) == [(line, "boilerplate.byline")]


def test_sentences_about_staff_agencies_and_times_are_news():
    lines = [TITLE,
             "Staff and volunteers from three agencies helped to clear the slipway on Sunday.",
             *STORY,
             "By the end of January, the island's staff writer for the parish magazine had left.",
             "The ferry left at 10:36pm on Wednesday 16th January 2008, the last crossing for weeks."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line, rule", [
    ("Filed under: Ferries, Island life", "boilerplate.tags"),
    ("Listed Under: Island Ferries | Comments (4)", "boilerplate.tags"),
    ("Popular Tags: ferries, weather, harbour", "boilerplate.tags"),
    ("Hide photo caption", "boilerplate.widget"),
    ("See the author's profile", "boilerplate.navigation"),
    ("More stories by this author", "boilerplate.navigation"),
])
def test_tag_lines_report_links_caption_toggles_and_author_links(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_filing_reports_and_authors_are_news():
    lines = [TITLE, *STORY,
             "The operator filed under protest when the council asked for a new safety report.",
             "Passengers who found the crossing unsafe were asked to report it to the harbour master.",
             "The author of the island's history will open the new caption exhibition on Friday."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line, rule", [
    ("Discussion about this episode", "boilerplate.widget"),
    ("Comments Restacks", "boilerplate.widget"),
    ("SubscribeLog in", "boilerplate.subscribe"),
    ("Log in | Register | Help", "boilerplate.subscribe"),
    ("My account | Log out | Help", "boilerplate.subscribe"),
    ("RSS feed", "boilerplate.widget"),
    ("Advertise on IslandGazette.com", "boilerplate.advertisement"),
    ("Skip to navigation Skip to search", "boilerplate.navigation"),
    ("Page navigation", "boilerplate.navigation"),
    ("More Travel", "boilerplate.navigation"),
    ("Web search by Example", "boilerplate.navigation"),
    ("Any cookies that may not be particularly necessary for the website to function are listed here.",
     "boilerplate.legal"),
])
def test_platform_chrome_account_links_skip_links_and_section_links(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_world_headlines_heads_a_list_of_other_stories():
    lines = [TITLE, *STORY, "Business Headlines", "Storm closes two airports in the north",
             "Council votes to keep the old library open"]
    assert _flagged(lines) == [(line, "boilerplate.related-headline") for line in lines[4:]]


def test_sentences_about_sign_ins_feeds_headlines_and_footers_are_news():
    lines = [TITLE, *STORY,
             "Passengers must sign in and register at the harbour office before they board.",
             "The discussion about this post office closure went on late into the night.",
             "The operator will advertise with local papers and on the radio this spring.",
             "More sports clubs plan to use the ferry for away games next season.",
             "The crossing made world headlines when the old ferry ran aground in 1998.",
             "A footer of the timetable lists the fares, which have not changed since last year."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line, rule", [
    ("Comments have been closed on this article", "boilerplate.widget"),
    ("Reader tools", "boilerplate.widget"),
    ("Pages: 1 | 2 | 3 | 4 Next", "boilerplate.navigation"),
    ("Homepage › Sport › Rugby", "boilerplate.navigation"),
])
def test_closed_threads_tool_labels_pagination_and_breadcrumbs(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_closing_tools_and_pages_are_news():
    lines = [TITLE, *STORY,
             "Comments are now closed, the council said, and the plan goes to a vote in March.",
             "The sharing tools on the ferry's website were switched off during the storm.",
             "Home is a long way off for the crew, who have not been back since November."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line", [
    "Mar 3, 2024 · 6 min read",
    "By Jane Roe 15 min read",
    "Island life | 7 min read",
])
def test_a_meta_line_ending_with_the_reading_time_is_a_byline(line):
    assert _flagged([TITLE, line, *STORY]) == [(line, "boilerplate.byline")]


@pytest.mark.parametrize("line, rule", [
    ("Download the free guide", "boilerplate.widget"),
    ("Download this template", "boilerplate.widget"),
    ("Download your checklist", "boilerplate.widget"),
    ("Subscribe: Spotify | Overcast | RSS", "boilerplate.subscribe"),
    ("Newsletter Signup", "boilerplate.subscribe"),
])
def test_download_buttons_podcast_bars_and_sign_up_labels(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_reading_times_and_downloads_are_news():
    lines = [TITLE, *STORY,
             "The timetable is a short read, and the crossing itself takes 40 minutes.",
             "Islanders can download the new timetable from the council's website.",
             "Subscribers to the island newsletter were told of the return first."]
    assert _flagged(lines) == []


def test_signatures_with_a_colon_after_posted_by_are_a_comment_thread():
    lines = [TITLE, *STORY, "Comments (2)",
             "Great news for the island, it has been a long winter.",
             "Posted by: ferryfan, Harbourtown on 8:21pm Tue 1 Jan 08",
             "About time too. The supply boat could not cope.",
             "Posted by: islander22 on 9:45pm Tue 1 Jan 08"]
    assert _flagged(lines) == [(line, "boilerplate.comments") for line in lines[4:]]


@pytest.mark.parametrize("line, rule", [
    ("Sign up Log in", "boilerplate.subscribe"),
    ("Get started free Log in", "boilerplate.subscribe"),
    ("Skip to sidebar Skip to content", "boilerplate.navigation"),
])
def test_account_buttons_and_skip_links_without_bars(line, rule):
    assert _under_story(line) == [(line, rule)]


# Session 7: families read off the missed lines of both benchmarks (links to the
# neighbouring stories, wire slugs and datelines, alert sign-ups, closed threads, agency
# credits, syndication notices, a partner's news box, a 2008 paper's comment stamps, and
# the marks of a widget alone on their lines).

@pytest.mark.parametrize("line, rule", [
    ("Next story: Council votes to keep the old library open", "boilerplate.navigation"),
    ("Previous article: Storm closes two airports in the north", "boilerplate.navigation"),
    ("Go to earlier story", "boilerplate.navigation"),
    ("<<Back to index", "boilerplate.navigation"),
    ("See more blog entries", "boilerplate.navigation"),
    ("AP-NY-03-02-09 1412EST", "boilerplate.byline"),
    ("Sign up for breaking news e-mail alerts", "boilerplate.subscribe"),
    ("GET OUR NEWS BY E-MAIL", "boilerplate.subscribe"),
    ("Thanks for your comments - this feedback is now closed", "boilerplate.widget"),
    ("Jane Roe © Harbour Images", "boilerplate.credit"),
    ("STAFF PHOTO BY JANE ROEThe ferry leaves the quay on its first crossing", "boilerplate.credit"),
    ("In the interest of timeliness, this story is fed directly from the Example Press newswire "
     "and may contain occasional typographical errors.", "boilerplate.legal"),
    ("More Football News from Harbour Sport", "boilerplate.related-headline"),
])
def test_story_links_wire_slugs_alerts_credits_and_notices(line, rule):
    assert _under_story(line) == [(line, rule)]


@pytest.mark.parametrize("line", [
    "HARBOURTOWN, Maine, Feb. 3, 2009",
    "Feb 3, 2009 7:00 pm US/Eastern",
])
def test_a_dateline_and_a_stamp_with_a_regions_time_zone_are_bylines(line):
    assert _flagged([TITLE, line, *STORY]) == [(line, "boilerplate.byline")]


def test_sentences_about_next_stories_alerts_closed_debates_and_wires_are_news():
    lines = [TITLE, *STORY,
             "The next story in the series will follow the crew through the winter they lost.",
             "Go back to the earlier timetable, the councillors told the operator on Friday.",
             "Residents can sign up for flood alerts at the town hall.",
             "The debate is now closed, the chairman said, and the vote will be held on Friday.",
             "Staff photos by Harbour School pupils are on show in the library until March.",
             "The report was taken from a wire service, the paper said in its correction.",
             "More local news from the island came in on Tuesday, when the harbour reopened.",
             "HARBOURTOWN, Maine, was quiet on Feb. 3, 2009, when the last ferry left the quay."]
    assert _flagged(lines) == []


def test_a_comment_thread_stamped_posted_with_the_time_first():
    lines = [TITLE, *STORY, "2 comments posted - Post a new comment",
             "Good news for the island at last.",
             "Posted: 16:50 8th January 2009",
             "About time, the supply boat could not cope.",
             "Posted: 18:42 8th January 2009"]
    assert _flagged(lines) == [(line, "boilerplate.comments") for line in lines[4:]]


def test_a_count_of_comments_in_the_story_is_news():
    lines = [TITLE, *STORY,
             "12 comments posted on the council's website were removed after the meeting, a spokesman said."]
    assert _flagged(lines) == []


def test_marks_alone_beside_a_widget_are_the_widgets():
    lines = [TITLE, *STORY[:2], "E-mail to a friend", "Font size:", "*", "*", "*", STORY[2]]
    assert _flagged(lines) == [(line, "boilerplate.widget") for line in lines[3:8]]


def test_a_section_break_and_a_rule_line_beside_residue_stay_clean():
    lines = [TITLE, STORY[0], "* * *", STORY[1], "___", "Advertisement", STORY[2]]
    assert _flagged(lines) == [("Advertisement", "boilerplate.advertisement")]


@pytest.mark.parametrize("line, rule", [
    ("Discuss this story on the Island Ferries message board...", "boilerplate.widget"),
    ("Join the discussion on our Message Boards", "boilerplate.widget"),
    ("Send us your comments", "boilerplate.widget"),
    ("Having trouble logging in? Click Here", "boilerplate.subscribe"),
    ("Today on IslandGazette.com", "boilerplate.related-headline"),
    ("« Winter timetable published | Main | Harbour fees to rise »", "boilerplate.navigation"),
    ("del.icio.us Digg this reddit!", "boilerplate.share"),
    ("Island Gazette news services", "boilerplate.byline"),
])
def test_forum_prompts_blog_links_and_wire_desks(line, rule):
    assert _under_story(line) == [(line, rule)]


@pytest.mark.parametrize("line", [
    "HARBOURTOWN--(BUSINESS WIRE)--",
    "Special to The Island Gazette",
    "Submitted by Jane Roe",
])
def test_wire_datelines_and_contributor_lines_are_bylines(line):
    assert _flagged([TITLE, line, *STORY]) == [(line, "boilerplate.byline")]


def test_sentences_about_discussions_main_roads_and_submissions_are_news():
    lines = [TITLE, *STORY,
             "Islanders will discuss this story and others at the parish meeting on Thursday.",
             "Send us your comments, the council urged, before the consultation closes in March.",
             "The ferry runs on the main | north route in summer and on the south route in winter.",
             "Special to the island is its one road, which runs from the quay to the school.",
             "Submitted by the harbour board in January, the plan was approved on Tuesday.",
             "News services on the island were cut for two days when the mast came down."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line, rule", [
    ("Reading Time: 6 minutes", "boilerplate.widget"),
    ("Jump to Recipe Jump to Video", "boilerplate.widget"),
    ("More articles by", "boilerplate.navigation"),
    ("View More Island Travel Articles", "boilerplate.navigation"),
    ("Get Started for Free", "boilerplate.subscribe"),
    ("The quay at dawn, before the first crossing. Photo by Jane Roe on Unsplash", "boilerplate.caption"),
])
def test_reading_time_labels_jump_links_author_links_and_stock_photo_captions(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_a_review_stamp_label_is_a_byline():
    line = "Date Last Reviewed:"
    assert _flagged([TITLE, *STORY, line]) == [(line, "boilerplate.byline")]


def test_leaked_link_targets_are_widgets_only_beside_each_other():
    assert _under_story("_blank") == []
    lines = [TITLE, *STORY, "_blank", "_blank"]
    assert _flagged(lines) == [("_blank", "boilerplate.widget")] * 2


def test_sentences_about_reading_times_photos_and_getting_started_are_news():
    lines = [TITLE, *STORY,
             "Reading time for the pupils was moved to the morning while the ferry was away.",
             "More articles by the island's school pupils will appear in the spring newsletter.",
             "The photo by Jane Roe on the harbour wall was taken on the first morning of spring.",
             "Getting started for free was the easy part, the new café owner said."]
    assert _flagged(lines) == []


# Session 8: an editor's square brackets ("[Video]", "[+]", "[Read more: X]") no longer
# make a line code, so the phrases see it; code's brackets still do.
@pytest.mark.parametrize("line, rule", [
    ("[Read more: How the island timetable was rebuilt]", "boilerplate.related-headline"),
    ("Passengers wait on the quay for the first crossing ... [+] of the season. (Photo: Example Images)",
     "boilerplate.caption"),
])
def test_links_and_captions_in_an_editors_brackets(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_code_with_brackets_and_a_bracketed_aside_stay_clean():
    lines = [TITLE, *STORY,
             "tags: [Tag!]!",
             "related = items[0]",
             "The harbour master said the new timetable [published on Friday] would hold until May."]
    assert _flagged(lines) == []


# Session 10: stamps that join a byline, a date and a time in other orders, agencies'
# sign-offs, copyright notices longer than a line's usual reach, a comment board's rules,
# 2008 bookmarking services, numbered figure captions, and 2008 headers, prompts and links.
@pytest.mark.parametrize("line, rule", [
    ("By Jane Roe 14/02/2009", "boilerplate.byline"),
    ("by Jane Roe, 30 November 2008", "boilerplate.byline"),
    ("Feb 14 2009 by Jane Roe, Harbour Mail", "boilerplate.byline"),
    ("Feb 12, 2009 2:04 AM (3 days ago) by Staff, The Harbour Examiner", "boilerplate.byline"),
    ("1:18PM Tuesday February 17, 2009", "boilerplate.byline"),
    ("12/02/2009 - 2:35:41 PM", "boilerplate.byline"),
    ("27/11/2008 11:27 - (SA)", "boilerplate.byline"),
    ("Updated:2/10/2009 4:11:27 PM", "boilerplate.byline"),
    ("February 7, 2009 4:30 PM | Printable version", "boilerplate.byline"),
    ("Tue, 2009-02-10 18:35.", "boilerplate.byline"),
    ("Transmitted Friday, February 20, 2009", "boilerplate.byline"),
    ("Jane Roe — 2/17/2009 10:58 am", "boilerplate.byline"),
    ("JANE ROE 31/12/2008", "boilerplate.byline"),
    ("Write to Jane Roe at jane.roe@example.com and John Doe at john.doe@example.com",
     "boilerplate.byline"),
    ("To contact the reporter on this story: Jane Roe in Harbourtown at jroe@example.com",
     "boilerplate.byline"),
    ("- AAP", "boilerplate.byline"),
    ("Bureau Report", "boilerplate.byline"),
    ("Copyright © 2008 Example Newswire. All rights reserved. Republication or redistribution of "
     "Example Newswire content is expressly prohibited without the prior written consent of "
     "Example Newswire.", "boilerplate.legal"),
    ("© Example Agency 2009. All rights reserved. Republication or redistribution of Example "
     "Agency content, including by framing or similar means, is expressly prohibited without the "
     "prior written consent of Example Agency.", "boilerplate.legal"),
    ("Comments are the sole responsibility of the person posting them.", "boilerplate.legal"),
    ("Comments should not stray from the subject of the story or editorial.", "boilerplate.legal"),
    ("Comment entries are limited to 100 words.", "boilerplate.legal"),
    ("All readers' comments are posted immediately, but will be monitored for inappropriate content.",
     "boilerplate.legal"),
    ("Please click the post button only once - your comment will not be published immediately.",
     "boilerplate.legal"),
    ("We reserve the right to delete comments that break these rules.", "boilerplate.legal"),
    ("NOTE: Comments will generally stay active for a week.", "boilerplate.legal"),
    ("del.icio.us | Digg it | Tailrank | Reddit | Newsvine | Now Public", "boilerplate.share"),
    ("Like this story? Spread the news by clicking below:", "boilerplate.share"),
    ("Share & Save:", "boilerplate.share"),
    ("Permalink for this story", "boilerplate.widget"),
    ("More related articles »", "boilerplate.related-headline"),
    ("Your views on this story? Email newsdesk@example.com", "boilerplate.subscribe"),
    ("Want more? Get home delivery now.", "boilerplate.subscribe"),
])
def test_stamps_sign_offs_notices_board_rules_and_2008_prompts(line, rule):
    assert _under_story(line) == [(line, rule)]


@pytest.mark.parametrize("line", [
    "Figure 2. How the ferry's timetable changed over the winter, by week.",
    "Fig. 3: The harbour wall before and after the storm.",
])
def test_a_numbered_figures_caption_is_a_caption(line):
    lines = [TITLE, STORY[0], line, *STORY[1:]]
    assert _flagged(lines) == [(line, "boilerplate.caption")]


def test_sentences_about_bylines_copyright_comments_figures_and_agencies_are_news():
    lines = [TITLE, *STORY,
             "By Tuesday, February 17, the river had risen above the quay.",
             "Copyright law was changed in 2008, and the ferry's owners said all rights to the route "
             "were reserved for the council.",
             "Copyright infringement cases rose by a third last year, the court said.",
             "Comments from the minister were reported widely on Friday.",
             "Comments should be sent to the harbour office, the council said, before the vote in March.",
             "Figures released on Monday show that the crossing carried 4,000 passengers in January.",
             "Chart 3 shows the fall in visitors since the storm.",
             "The AAP reported that the island's school would reopen, and the bureau report agreed.",
             "Readers who like this story can find more about the island's ferries in the library.",
             "Jane Roe, 31, said she had waited two hours for the boat."]
    assert _flagged(lines) == []


def test_an_embedded_posts_permalink_and_an_editors_recommended_box():
    lines = [TITLE, *STORY, "https://www.instagram.com/p/Cx12AbCdEf/",
             "Recommended by Our Editors", "The best ferries for a winter crossing"]
    assert _flagged(lines) == [("https://www.instagram.com/p/Cx12AbCdEf/", "boilerplate.widget"),
                               ("Recommended by Our Editors", "boilerplate.related-headline"),
                               ("The best ferries for a winter crossing", "boilerplate.related-headline")]


def test_a_cited_sites_address_and_a_sentence_about_editors_recommendations_are_news():
    lines = [TITLE, *STORY, "https://www.example.org/reports/ferry-review",
             "The crossing was recommended by the editors of the island's paper in their review."]
    assert _flagged(lines) == []


# Session 11: a text cut short with its expander, a gallery caption's collapse toggle, an
# agency picture's caption that ends with the agency's credit, and a column's standing
# invitation to write to the paper's letters mailbox.
@pytest.mark.parametrize("line, rule", [
    ("Islanders wait for the ferry at the harbour on Monday as the first crossing of the year "
     "is prepared. The ... more", "boilerplate.widget"),
    ("The council has agreed to pay for a second boat after a winter of closures that left the "
     "island cut off for weeks … Read more", "boilerplate.widget"),
    ("Passengers board the ferry at the harbour, Monday, Feb. 16, 2009. The crossing reopened "
     "after eleven weeks. (AP Photo/Jane Roe) less", "boilerplate.widget"),
    ("The premier greets the ferry's crew at the quay on Friday, Feb. 13, 2009. (Jane Roe / THE "
     "CANADIAN PRESS)", "boilerplate.caption"),
    ("The Harbour Times is committed to publishing a range of letters to the editor. We would like "
     "to hear what you think. Here is our email: letters@example.com.", "boilerplate.subscribe"),
])
def test_cut_texts_collapsed_captions_agency_captions_and_a_letters_mailbox(line, rule):
    lines = [TITLE, STORY[0], line, *STORY[1:]]
    assert _flagged(lines) == [(line, rule)]


def test_sentences_that_trail_off_cite_agencies_or_give_an_address_are_news():
    lines = [TITLE, *STORY,
             "Asked what the island needed, the harbour master said: \"Boats... and more boats.\"",
             "The new vessel burns a fifth less fuel than the old one (the operator's figures show it) "
             "and carries more.",
             "A poll for the paper (AP/Example Research) found that most islanders wanted a second boat.",
             "The harbour master told the AP (the Associated Press) that the boat would sail on time.",
             "Police asked anyone who saw the collision to email tips@example.org or call the station.",
             "Readers' letters to the editor about the ferry filled two pages of the paper last week."]
    assert _flagged(lines) == []


def test_a_deals_posts_own_line_naming_the_price_is_news_and_a_bare_shop_button_is_not():
    # A shop button names the shop ("Buy on Amazon"); "Get it on Amazon for $49.99" is the
    # deal itself, written by the post's author under each item it recommends.
    deal = "Get it on Amazon for $49.99"
    lines = [TITLE, STORY[0],
             "The waterproof jacket the ferry crew wear has dropped to its lowest price this year, "
             "and it comes in four colours.", deal, STORY[1], "Buy on Amazon", STORY[2]]
    assert _flagged(lines) == [("Buy on Amazon", "boilerplate.advertisement")]


# Session 11: template notices and prompts of 2015-2025 pages: a newsletter box's consent
# line, a shopping guide's price notice, a Pinterest prompt, a broadcaster's transcript notice.
@pytest.mark.parametrize("line, rule", [
    ("By signing up, you agree to our Privacy Policy and Terms of Use.", "boilerplate.subscribe"),
    ("By submitting your email to subscribe, you agree to Example Media's Privacy Policy.",
     "boilerplate.subscribe"),
    ("Prices were accurate at the time this article was published but may change over time.",
     "boilerplate.advertisement"),
    ("Pin this for later!", "boilerplate.share"),
    ("Accuracy and availability of Example Radio transcripts may vary. Transcript text may be "
     "revised to correct errors or match updates to audio.", "boilerplate.legal"),
])
def test_a_consent_line_a_price_notice_a_pin_prompt_and_a_transcript_notice(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_consent_prices_pins_and_transcripts_are_news():
    lines = [TITLE, *STORY,
             "By signing up, you agree to let the company sell your data, the regulator warned.",
             "Prices were accurate at the time the survey was taken, the operator said.",
             "The harbour master pinned the notice to the board and saved it for later.",
             "The court's transcripts may vary in accuracy, the clerk said, and are revised each week."]
    assert _flagged(lines) == []


# Session 11: video, photo and share controls and notices that news templates of 2015-2025
# print under or inside a story (a player's "JUST WATCHED" and "Ad Feedback", a newspaper
# network's "Buy Photo" and "Read or Share this story: <url>", a tabloid's "Share or comment
# on this article:", a wire service's standards link, a broadcaster's messenger prompt).
@pytest.mark.parametrize("line, rule", [
    ("JUST WATCHED", "boilerplate.widget"),
    ("Ad Feedback", "boilerplate.widget"),
    ("Buy Photo", "boilerplate.widget"),
    ("Scroll down for video", "boilerplate.widget"),
    ("Share or comment on this article:", "boilerplate.share"),
    ("Read or Share this story: https://www.example.com/story/news/2019/11/19/ferry/123/",
     "boilerplate.share"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "boilerplate.legal"),
    ("Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
     "boilerplate.subscribe"),
])
def test_news_templates_video_photo_and_share_controls(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_watching_photos_sharing_and_standards_are_news():
    lines = [TITLE, *STORY,
             "Islanders just watched as the ferry left without them, the harbour master said.",
             "Readers can buy photos of the storm from the paper's archive.",
             "Passengers were asked to share or comment on the article about the new timetable.",
             "Our standards for the crossing are higher than the law requires, the operator said."]
    assert _flagged(lines) == []


# Session 11: a bar of four or more short items is a template's menu whatever its words
# ("News: ePaper | Front Page | National | ..."); a table's row of figures, a shell pipeline
# and a Markdown table's row are not.
@pytest.mark.parametrize("line", [
    "News: Harbour Edition | Front Page | Island | Mainland | Ferries | Weather",
    "About us | Stats | Work with us | Terms of service",
    "HARBOUR NEWS | FERRIES | ISLAND LIFE | CONTACT",
])
def test_a_bar_of_short_items_is_a_menu(line):
    assert _under_story(line) == [(line, "boilerplate.navigation")]


def test_table_rows_pipelines_and_markdown_rows_are_not_menus():
    lines = [TITLE, *STORY,
             "Harbourtown | 12 | 4 | 3 | 5",
             "cat timetable.txt | grep ferry | sort | uniq",
             "| Crossing | Monday | Tuesday | Wednesday |"]
    assert _flagged(lines) == []


# Session 17: what syndicated, vendor and reader-funded pages print under the story: a
# software vendor's call to action, a publisher's appeal for money, who wrote and produced
# the piece and where it appeared first, a picture's licence and a republishing offer.
@pytest.mark.parametrize("line, rule", [
    ("Book a demo", "boilerplate.advertisement"),
    ("Schedule my demo", "boilerplate.advertisement"),
    ("Contact us today for a free demo", "boilerplate.advertisement"),
    ("No credit card required", "boilerplate.advertisement"),
    ("14 Day Trial", "boilerplate.advertisement"),
    ("Try Harbourplan for free!", "boilerplate.advertisement"),
    ("Since you made it to the bottom of this article, we have a small favor to ask.",
     "boilerplate.subscribe"),
    ("If you believe stories like the one you just finished matter, please consider pitching in "
     "what you can.", "boilerplate.subscribe"),
    ("Double my donation", "boilerplate.subscribe"),
    ("Did you like this article? You can buy me a coffee.", "boilerplate.subscribe"),
    ("Support Harbour Mail so we continue to report on the island for you.", "boilerplate.subscribe"),
    ("This article was originally written by Jane Roe.", "boilerplate.byline"),
    ("This article was edited by Jane Roe and John Doe.", "boilerplate.byline"),
    ("This story about the ferry was written by Jane Roe and produced by Harbour Report, a "
     "nonprofit, independent news organization.", "boilerplate.byline"),
    ("A version of this article appeared in print on March 3, 2024, Section A, Page 1.",
     "boilerplate.byline"),
    ("Editor's Note: This article also appeared in the May/June 2024 issue of Island Life magazine.",
     "boilerplate.byline"),
    ("Image used under license from Example Stock", "boilerplate.legal"),
    ("The above image is used with permission from the Harbour Trust.", "boilerplate.legal"),
    ("Republish This Story", "boilerplate.legal"),
    ("Republish our articles for free, online or in print, under a Creative Commons license.",
     "boilerplate.legal"),
    ("Featured image via Example Stock", "boilerplate.credit"),
])
def test_vendor_calls_to_action_appeals_syndication_notes_and_picture_licences(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_demos_donations_writers_licences_and_republishing_are_news():
    lines = [TITLE, *STORY,
             "Engineers will book a demo run of the new ferry for the council in March.",
             "The operator offered a free trial of the winter timetable to islanders.",
             "Since the ferry stopped, the school has asked parents for donations to its boat fund.",
             "We have a small favour to ask of every driver, the harbour master said: slow down.",
             "Islanders who support the ferry so they can keep their jobs marched on Saturday.",
             "The letter was originally written by the island's first harbour master in 1902.",
             "A version of the timetable appeared in the parish newsletter last week.",
             "The image was used under licence from the museum, the council said.",
             "The paper will republish the ferry's first timetable on its centenary."]
    assert _flagged(lines) == []


def test_a_bbc_style_credit_above_its_caption_leaves_the_paragraph_above_alone():
    # "Image copyright" comes before "Image caption" on such pages: the sentence above the
    # credit is the story's, not the picture's caption.
    paragraph = "In June, the council formally approved the harbour board's request for a second ferry."
    lines = [TITLE, *STORY, paragraph, "Image copyright Example Agency",
             "Image caption Passengers wait on the quay for the first crossing",
             "The operator said the second vessel would be named after the island's lifeboat crew."]
    flagged = _flagged(lines)
    assert paragraph not in [text for text, _ in flagged]
    assert [rule for _, rule in flagged] == ["boilerplate.credit", "boilerplate.caption"]


# Session 17: a blog engine's stamps, like button and sign-offs, push-notification and
# feedback prompts, paywalls of newsletters, and sponsored-content notices.
@pytest.mark.parametrize("line, rule", [
    ("Posted by Jane at December 16, 2025 11:15 AM", "boilerplate.byline"),
    ("Posted by Jane Roe on 2025-12-18 in ferries. Tags: island, harbour.", "boilerplate.byline"),
    ("Post time: 01-04-2024", "boilerplate.byline"),
    ("By Jane Roe Jan. 31, 2026 7:47 am EST", "boilerplate.byline"),
    ("by Jane Roe, 30 December 2007", "boilerplate.byline"),
    ("John Doe contributed to this content.", "boilerplate.byline"),
    ("Contact staff writer Jane Roe at 555-0100 or jroe@example.org.", "boilerplate.byline"),
    ("Like this:", "boilerplate.widget"),
    ("Like Loading...", "boilerplate.widget"),
    ("Would you like to receive notifications about new posts?", "boilerplate.widget"),
    ("Ask a Question or Give Feedback about this article.", "boilerplate.widget"),
    ("Thanks for visiting!", "boilerplate.subscribe"),
    ("You can also connect with me here:", "boilerplate.subscribe"),
    ("Other ways to connect with Jane", "boilerplate.subscribe"),
    ("Love what you're reading? Get the latest island news and stay in touch.", "boilerplate.subscribe"),
    ("Consider subscribing to my weekly newsletter", "boilerplate.subscribe"),
    ("Become a paid subscriber to Harbour Notes to unlock this piece and learn about:",
     "boilerplate.subscribe"),
    ("You need to login or register to view and manage your bookmarks.", "boilerplate.subscribe"),
    ("This story was developed in partnership with Example Catering by Example Studio's branded "
     "content team.", "boilerplate.advertisement"),
    ("This content is designed for advertising purposes and should not be considered editorial "
     "material.", "boilerplate.advertisement"),
])
def test_blog_stamps_like_buttons_sign_offs_paywalls_and_sponsored_notices(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_posting_liking_notifying_connecting_and_partnerships_are_news():
    lines = [TITLE, *STORY,
             "Posted by the council at the harbour office, the notice gave the new crossing times.",
             "The ferry was like this: slow, cold and always late, one islander said.",
             "Islanders would like to receive notifications of cancellations by text, the survey found.",
             "Thanks for visiting the island were painted on the quay wall by the school.",
             "The new ferry will connect with the mainland's trains at the harbour station.",
             "Readers who love what they read in the parish newsletter can now get it by post.",
             "The ferry was developed in partnership with the island's boatyard over three years.",
             "Contact with the mainland was lost for two days when the mast came down.",
             "By Tuesday, March 3, 2026 the timetable had changed twice."]
    assert _flagged(lines) == []


def test_a_click_here_button_in_capitals_is_a_link_not_a_photographers_credit():
    assert _under_story("CLICK HERE FOR CATALOG*") == [("CLICK HERE FOR CATALOG*", "boilerplate.navigation")]
    assert _under_story("JANE ROE FOR THE HARBOUR MAIL") == [("JANE ROE FOR THE HARBOUR MAIL", "boilerplate.credit")]


# Session 17: wire copy's closing lines: the credit line with its semicolon (no code), a
# ticker box, a reporter's number and address, a column's disclaimer.
@pytest.mark.parametrize("line, rule", [
    ("(Reporting by Jane Roe in Harbourtown; Editing by John Doe)", "boilerplate.byline"),
    ("(Additional reporting by Jane Roe; Writing by John Doe; editing by Ann Poe)", "boilerplate.byline"),
    ("Stocks Mentioned", "boilerplate.widget"),
    ("Jane Roe: 206-555-0100 or jroe@example.com", "boilerplate.byline"),
    ("The opinions expressed in this release are those of the organization issuing it, and do "
     "not necessarily reflect the views of Harbour Mail.", "boilerplate.legal"),
    ("The views expressed are those of the author.", "boilerplate.legal"),
])
def test_wire_credit_lines_link_boxes_tickers_contacts_and_disclaimers(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_with_semicolons_stocks_and_opinions_are_news():
    lines = [TITLE, *STORY,
             "Reporting on the ferry has been difficult; editing the timetable harder still.",
             "Stocks mentioned in the report rose on Tuesday; the operator's shares fell.",
             "The opinions expressed at the meeting were those of angry islanders.",
             "Harbour Mail: the island's paper since 1902, printed on the quay."]
    assert _flagged(lines) == []


def test_a_line_of_code_with_semicolons_is_still_code():
    lines = [TITLE, *STORY, "for (i = 0; i < n; i++) { share(i); }", "int a; int b;"]
    assert _flagged(lines) == []


# Session 17: 2008 pages: a bookmarking bar run together, the Sociable plugin's note, a blog
# engine's filing line, where to send comments, a prompt and its link, notices over a comment
# board and a feed, a font-size control.
@pytest.mark.parametrize("line, rule", [
    ("Post to Fark Post to del.icio.us Digg this story Post to reddit Post to Facebook Seed Newsvine",
     "boilerplate.share"),
    ("Let Others Know About This PostThese icons link to social bookmarking sites where readers can "
     "share and discover new web pages.", "boilerplate.share"),
    ("This entry was tagged with the following keywords: ferries, island", "boilerplate.tags"),
    ("E-mail comments to jroe@example.com", "boilerplate.byline"),
    ("Readers can mail me their comments, suggestions and advice at jroe@example.com", "boilerplate.byline"),
    ("Not a subscriber? Click here for special home delivery offers", "boilerplate.widget"),
    ("The following are comments from the readers. In no way do they represent the view of "
     "Harbour Mail.", "boilerplate.legal"),
    ("Comment posters are responsible for the opinions they express.", "boilerplate.legal"),
    ("These news feeds are provided by an independent third party and Harbour Mail is not "
     "responsible for them.", "boilerplate.legal"),
    ("Reliance on the information this site contains is at your own risk.", "boilerplate.legal"),
    ("text size: A | A | A", "boilerplate.widget"),
])
def test_2008_bookmark_bars_filing_lines_comment_addresses_prompts_and_board_notices(line, rule):
    assert _under_story(line) == [(line, rule)]


def test_sentences_about_posting_tagging_emailing_clicking_and_feeds_are_news():
    lines = [TITLE, *STORY,
             "Islanders will post to Facebook and Twitter when the ferry is late, the council said.",
             "This entry was the first the harbour board had filed since 2004, the clerk said.",
             "Residents can e-mail comments on the timetable to the council until March.",
             "Worried? Click the harbour master's page for crossing times, the council said.",
             "The following are comments from readers of the island's newsletter last year: most wanted a bigger boat.",
             "Reliance on the ferry has grown since the bridge closed, the report said."]
    assert _flagged(lines) == []


@pytest.mark.parametrize("line, rule", [
    ("With files from the Associated Press", "boilerplate.byline"),
    ("With a report from Harbour TV's Jane Roe", "boilerplate.byline"),
    ("Information from: Harbour Chronicle, http://www.example.com/chronicle", "boilerplate.byline"),
    ("Jane Roe is a sports columnist for Example Press. Write to her at jroe@example.org",
     "boilerplate.byline"),
    ("Comments are the sole responsibility of the person posting them.", "boilerplate.legal"),
    ("Comments on this site are to be used for the discussion of issues related to our stories.",
     "boilerplate.legal"),
    ("To have your say on this or any other issue visit www.example.co.uk/blogs", "boilerplate.widget"),
])
def test_wire_credits_columnist_tags_board_rules_and_forum_pointers(line, rule):
    assert _under_story(line) == [(line, rule)]


@pytest.mark.parametrize("line", [
    "With files from the harbour office missing, the inquiry was delayed.",
    "With reports from the harbour of a second leak, the ferry stayed in port.",
    "Information from the operator was scarce on Monday, islanders said.",
    "Comments on the timetable are to be sent to the council by March.",
    "Islanders will have their say on the ferry at a meeting in the school hall.",
])
def test_sentences_about_files_reports_information_and_comments_are_news(line):
    # Each as the story's last line, where a byline would be kept.
    assert _under_story(line) == []


# Session 17's prose, each line as the story's last (a byline or a date is kept only at the
# story's edges, so a list of sentences under the story would hide a byline pattern's error).
@pytest.mark.parametrize("line", [
    "Engineers will book a demo run of the new ferry for the council in March.",
    "The operator offered a free trial of the winter timetable to islanders.",
    "We have a small favour to ask of every driver, the harbour master said: slow down.",
    "The letter was originally written by the island's first harbour master in 1902.",
    "A version of the timetable appeared in the parish newsletter last week.",
    "The image was used under licence from the museum, the council said.",
    "Posted by the council at the harbour office, the notice gave the new crossing times.",
    "Contact with the mainland was lost for two days when the mast came down.",
    "By Tuesday, March 3, 2026 the timetable had changed twice.",
    "Reporting on the ferry has been difficult; editing the timetable harder still.",
    "Residents can e-mail comments on the timetable to the council until March.",
    "Harbour Mail: the island's paper since 1902, printed on the quay.",
])
def test_session_17_prose_under_the_story_stays_clean(line):
    assert _under_story(line) == []
