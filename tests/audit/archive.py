"""A small archive written for the audit tests: articles with typos, residue,
hard prose, template lines, dates and sections."""
from __future__ import annotations

import json
from pathlib import Path

PLAIN = ("The council met on Tuesday to discuss the new library. Members agreed to open it "
         "in the spring, and the mayor said the building would cost less than planned. Parents asked for "
         "longer opening hours at weekends. The head librarian said the new rooms would hold twice as many "
         "books as the old ones, with space for a cafe and a reading garden. Work on the roof starts next "
         "month. Builders expect to finish before the summer holidays if the weather stays dry.")
HARD = ("The administration's comprehensive infrastructure modernization initiative, which legislators "
        "characterized as unprecedented, necessitates considerable intergovernmental coordination. "
        "Municipal authorities anticipate substantial administrative complications regarding environmental "
        "certification, procurement transparency and contractual accountability. Independent economists "
        "calculated that the cumulative expenditure, distributed across numerous jurisdictions, could "
        "ultimately exceed preliminary estimations considerably. Opposition representatives criticized the "
        "legislation's ambiguous implementation provisions, arguing that insufficient parliamentary oversight "
        "jeopardizes fiscal responsibility. Supporters nevertheless emphasized the transformational economic "
        "opportunities associated with accelerated construction, particularly in historically underinvested "
        "metropolitan communities. Consultations with industrial associations, environmental organizations "
        "and regional governments will continue throughout the forthcoming legislative session, according "
        "to departmental representatives familiar with the negotiations.")
TEMPLATE = "Follow the Valley Courier on the Example app for live updates"


NAMES = ["Anna", "Brook", "Cedar", "Delta", "Ember", "Fjord", "Grove"]


def story(n: int, typo: bool = False, residue: bool = False) -> str:
    name = NAMES[n % len(NAMES)]
    body = (f"{name} harbour news\n\n{PLAIN}\n\nThe ferry to {name} Point will run extra trips this week, "
            f"its operator said.")
    if typo:
        body += "\n\nThe mayor said the plan was recieved well by the zorblat committee."
    if residue:
        body += "\n\nShare this article\n\nSubscribe to our newsletter"
    return body + f"\n\n{TEMPLATE}\n"


def make_archive(root: Path) -> Path:
    """Four text files, a Markdown file with front matter, a JSON Lines feed with dates and sections."""
    d = root / "archive"
    (d / "desk").mkdir(parents=True)
    (d / "desk" / "a.txt").write_text(story(1, typo=True))
    (d / "desk" / "b.txt").write_text(story(2, residue=True))
    (d / "desk" / "c.txt").write_text(story(3))
    (d / "desk" / "hard.txt").write_text(f"Infrastructure plan\n\n{HARD}\n")
    (d / "feature.md").write_text("---\ntitle: Ferry timetable\ndate: 2024-03-09\nsection: travel\n---\n\n"
                                  + story(4, typo=True))
    records = [
        {"title": "Budget vote", "text": story(5), "date": "2024-01-15T10:00:00Z", "section": "politics",
         "url": "https://news.example.org/2024/01/15/budget"},
        {"title": "Budget again", "text": story(6, residue=True), "date": "2024-02-02", "section": "politics",
         "url": "https://news.example.org/2024/02/02/budget"},
        {"title": "Match report", "text": story(7, typo=True), "section": "sport",
         "url": "https://sport.example.net/2024/02/20/match"},
    ]
    (d / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return d
