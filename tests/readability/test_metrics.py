"""document_metrics: prose only (boilerplate spans and headings left out), counted
once per document, and scores consistent with the counts reported beside them."""
from __future__ import annotations

import pytest

from lint.document import Block, Document, OffsetMap
from lint.readability import formulas
from lint.readability.counts import Counts
from lint.readability.metrics import document_metrics, prose


def plain(text: str) -> Document:
    """A plain-text Document: one paragraph block per run of non-blank lines."""
    doc = Document(path="a.txt", source=text, format="text")
    pos = 0
    for part in text.split("\n\n"):
        start = text.index(part, pos)
        stripped = part.strip("\n")
        if stripped:
            s = text.index(stripped, start)
            doc.blocks.append(Block("paragraph", stripped, OffsetMap.identity(s, len(stripped)), s, s + len(stripped)))
        pos = start + len(part)
    return doc


BODY = "The council met on Monday. It voted to repair the old bridge."  # 2 sentences, 12 words


def test_counts_and_scores_agree():
    m = document_metrics(plain(" ".join([BODY] * 10)), {})
    c = Counts(**{k: m[k] for k in ("sentences", "words", "syllables", "letters", "polysyllables",
                                    "complex_words", "difficult_words")})
    assert (c.sentences, c.words) == (20, 120)
    assert m["flesch_kincaid_grade"] == round(formulas.flesch_kincaid_grade(c), 2)
    assert m["smog_index"] == round(formulas.smog_index(c), 2)
    assert m["words_per_sentence"] == 6.0
    assert m["reading_time_s"] == round(120 * 60 / 238)


def test_excluded_spans_are_left_out():
    boiler = "Sign up for our newsletter to get the latest stories in your inbox every morning."
    text = f"{BODY}\n\n{boiler}\n\n{BODY}"
    doc = plain(text)
    start = text.index(boiler)
    doc.excluded.append((start, start + len(boiler)))
    m = document_metrics(doc, {"min-words": 1})
    assert (m["words"], m["sentences"], m["paragraphs"]) == (24, 4, 2)


def test_a_sentence_mostly_excluded_is_left_out_but_not_its_neighbours():
    promo = "Advertisement: read our full coverage online."
    text = f"{BODY} {promo}"
    doc = plain(text)
    start = text.index(promo)
    doc.excluded.append((start, start + len("Advertisement: read our full coverage")))
    assert prose(doc).counts.sentences == 2


def test_headings_are_counted_apart():
    doc = plain(f"Council Votes to Repair Bridge\n\n{BODY}")
    doc.blocks.insert(0, Block("heading", "Bridge Works", OffsetMap.identity(0, 0), 0, 0, level=2))
    m = document_metrics(doc, {"min-words": 1})
    assert (m["headings"], m["heading_words"], m["words"], m["sentences"]) == (2, 7, 12, 2)


def test_table_cells_are_not_prose():
    doc = plain(BODY)
    doc.blocks.append(Block("table_cell", "12.5 percent of the vote in the county.", OffsetMap.identity(0, 0), 0, 0))
    assert prose(doc).counts.words == 12


def test_metrics_are_computed_once_per_document():
    doc = plain(" ".join([BODY] * 10))
    first = document_metrics(doc, {})
    doc.blocks.clear()  # a second call must not recount
    assert document_metrics(doc, {}) == first
    first["words"] = -1  # callers get their own copy
    assert document_metrics(doc, {})["words"] == 120


def test_settings_change_the_grade_not_the_counts():
    doc = plain(" ".join([BODY] * 10))
    fk = document_metrics(doc, {})
    fog = document_metrics(doc, {"formula": "gunning-fog", "preset": "young-readers"})
    assert fk["words"] == fog["words"]
    assert (fog["formula"], fog["preset"], fog["target_grade"]) == ("gunning-fog", "young-readers", 6)
    assert fog["grade"] == fog["gunning_fog"] != fk["grade"]


def test_tiny_text_gets_no_absurd_scores():
    m = document_metrics(plain("Go. Now. Run."), {})
    assert m["too_short"] and m["flesch_reading_ease"] is None and m["grade"] is None
    assert (m["words"], m["sentences"]) == (3, 3)


@pytest.mark.parametrize("text, sentences", [
    ("The U.S. economy grew 2.5% in the year to March, Mr. Powell said.", 1),
    ("Shares fell 45.6% on Monday. Investors sold $1.5 billion of stock.", 2),
])
def test_textstat_sentence_quirks_are_avoided(text, sentences):
    assert prose(plain(text)).counts.sentences == sentences
