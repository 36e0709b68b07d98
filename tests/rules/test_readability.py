"""readability.grade, readability.hard-paragraph, readability.long-sentence: exact
positions of findings, the presets and settings, and the metrics in the report."""
from __future__ import annotations

import pytest

from lint.engine import Engine, FileJob
from lint.errors import ConfigError
from lint.readability.presets import PRESETS, audience

from ..helpers import make_config, run, spans

EASY = ("The town has a new park. It opened on Monday. Kids ran to the swings. "
        "Their parents sat on the grass. ")  # 4 sentences, 21 words, grade about 1
HARD = ("Municipal authorities anticipate substantial administrative complications "
        "regarding environmental certification. ")  # 1 sentence, 9 words, grade about 25


def words(n: int) -> str:
    """A plain sentence of exactly n words."""
    pool = "the city will build a new road near the old mill and".split()
    return " ".join((pool * (n // len(pool) + 1))[:n]).capitalize() + "."


def test_long_and_very_long_sentences():
    text = f"{words(10)} {words(31)}\n\n{words(46)} {words(30)}\n"
    found = [(d.line, d.column, d.end_line, d.end_column, d.severity, d.message)
             for d in run(text, ["readability.long-sentence"])]
    second = len(words(10)) + 2
    assert found == [
        (1, second, 1, second + len(words(31)), "info",
         "A long sentence: 31 words (over 30). Consider splitting it."),
        (3, 1, 3, len(words(46)) + 1, "warning",
         "A very long sentence: 46 words (over 45). Consider splitting it."),
    ]


def test_long_sentence_reports_only_the_longest_of_an_article():
    # Five long sentences: the three longest are reported, in text order; the cap is a parameter.
    text = "\n\n".join([words(33), words(47), words(31), words(38), words(32)]) + "\n"
    found = run(text, ["readability.long-sentence"])
    assert [(d.line, d.data["words"], d.severity) for d in found] == \
        [(1, 33, "info"), (3, 47, "warning"), (7, 38, "info")]
    every = run(text, ["readability.long-sentence"], rules={"readability.long-sentence": {"max-per-article": 0}})
    assert [d.data["words"] for d in every] == [33, 47, 31, 38, 32]


def test_defaults_fit_edited_news():
    # A plainly written wire-style article: a grade near 11 and sentences of 20 to 28
    # words, as edited news has them, gets no readability finding with the defaults.
    paragraph = ("The regional council approved a new transport budget on Tuesday, ending months of "
                 "argument between the parties over the cost of repairing local roads. "
                 "Officials said the spending would be reviewed again next spring, once the final "
                 "figures for the year were published by the treasury department. ")
    text = "Council approves transport budget\n\n" + "\n\n".join([paragraph] * 4) + "\n"
    [doc] = Engine().run_jobs([FileJob("a.txt", make_config(["readability"]), text=text)]).documents
    assert 10 < doc.metrics["grade"] < 13
    assert run(text, ["readability"]) == []


def test_long_sentence_limits_from_preset_and_settings():
    text = f"{words(20)}\n"
    assert spans(text, ["readability.long-sentence"]) == []
    assert spans(text, ["readability.long-sentence"], readability={"preset": "young-readers"}) == \
        [(1, 1, 1, len(words(20)) + 1, "readability.long-sentence")]
    assert spans(text, ["readability.long-sentence"], readability={"long-sentence": 19}) == \
        [(1, 1, 1, len(words(20)) + 1, "readability.long-sentence")]


def test_very_long_level_is_a_parameter():
    text = f"{words(50)}\n"
    found = run(text, ["readability.long-sentence"],
                rules={"readability.long-sentence": {"very-long-level": "error"}})
    assert [(d.line, d.column, d.severity) for d in found] == [(1, 1, "error")]


def test_abbreviations_do_not_make_long_sentences_short():
    # 30 words in one sentence, whatever its points: U.S., Mr., $1.5, a.m., Jan.
    text = ("The U.S. Treasury said Mr. Smith would present the $1.5 billion plan "
            "at 9 a.m. on Jan. 5 to the committee that meets in the old hall by the river.")
    found = run(text, ["readability.long-sentence"], readability={"long-sentence": 25})
    assert [(d.line, d.column, d.end_column, d.data["words"]) for d in found] == [(1, 1, len(text) + 1, 30)]


def test_headline_is_not_part_of_a_long_sentence():
    text = f"City Plans New Road Across the River\n{words(20)}\n"
    assert run(text, ["readability.long-sentence"]) == []


def hard_article(paragraphs: int = 12) -> str:
    return "Council Approves Budget\n\n" + "\n\n".join(HARD + HARD for _ in range(paragraphs)) + "\n"


def test_grade_flags_a_hard_article_at_its_first_line():
    text = hard_article()  # 216 words of prose
    found = run(text, ["readability.grade"])
    assert [(d.line, d.column, d.end_line, d.end_column, d.rule) for d in found] == \
        [(1, 1, 1, len("Council Approves Budget") + 1, "readability.grade")]
    assert float(found[0].data["grade"]) > 20 and found[0].data["words"] == 216
    assert found[0].message.endswith("(flesch-kincaid) is above the target of 13 for this audience.")


def test_no_grade_finding_under_the_minimum_length():
    text = hard_article(paragraphs=5)  # 90 words of prose
    assert run(text, ["readability.grade"]) == []
    assert [d.line for d in run(text, ["readability.grade"], readability={"min-words": 80})] == [1]


def test_no_grade_finding_for_easy_text():
    assert run(EASY * 6, ["readability.grade"]) == []


def test_grade_target_and_formula_from_settings():
    text = hard_article()
    assert run(text, ["readability.grade"], readability={"target-grade": 40}) == []
    found = run(text, ["readability.grade"], readability={"formula": "smog"})
    assert "(smog)" in found[0].message


def test_rule_parameter_overrides_settings():
    text = hard_article()
    assert run(text, ["readability.grade"], readability={"target-grade": 40},
               rules={"readability.grade": {"target-grade": 12}}) != []


def test_hard_paragraph_points_at_the_paragraph():
    easy = EASY + EASY
    hard = HARD * 5  # 45 words
    text = f"{easy.strip()}\n\n{hard.strip()}\n\n{easy.strip()}\n"
    found = run(text, ["readability.hard-paragraph"])
    assert [(d.line, d.column, d.end_line, d.end_column) for d in found] == [(3, 1, 3, len(hard.strip()) + 1)]
    assert found[0].message.startswith("Hard paragraph: reading grade ")


def test_hard_paragraph_ignores_short_paragraphs():
    assert run(HARD * 3, ["readability.hard-paragraph"]) == []  # 27 words
    assert run(HARD * 3, ["readability.hard-paragraph"],
               rules={"readability.hard-paragraph": {"paragraph-min-words": 20}}) != []


def test_hard_paragraph_margin():
    text = (HARD * 5).strip()  # grade about 36
    assert run(text, ["readability.hard-paragraph"], readability={"hard-paragraph-margin": 30}) == []
    assert len(run(text, ["readability.hard-paragraph"], readability={"hard-paragraph-margin": 0})) == 1


def test_presets():
    assert audience({}) == PRESETS["general-news"]
    news, broad, young = PRESETS["general-news"], PRESETS["broadsheet"], PRESETS["young-readers"]
    assert (news.target_grade, news.long_sentence, news.very_long_sentence) == (13, 30, 45)
    assert (broad.target_grade, broad.long_sentence, broad.very_long_sentence) == (14, 35, 50)
    assert (young.target_grade, young.long_sentence, young.very_long_sentence) == (6, 18, 25)
    a = audience({"preset": "broadsheet", "target-grade": 11}, {"long-sentence": 28, "formula": None})
    assert (a.preset, a.target_grade, a.long_sentence, a.formula) == ("broadsheet", 11, 28, "flesch-kincaid")


@pytest.mark.parametrize("settings, message", [
    ({"preset": "tabloid"}, "[readability] preset 'tabloid' is unknown"),
    ({"formula": "lix"}, "[readability] formula 'lix' is unknown"),
])
def test_unknown_preset_or_formula(settings, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        audience(settings)


def _documents(text: str, select, metrics: bool = False, **settings):
    cfg = make_config(select, **settings)
    result = Engine().run_jobs([FileJob("a.txt", cfg, text=text, metrics=metrics)])
    return [d.metrics for d in result.documents]


def test_metrics_in_the_run_result():
    [m] = _documents(hard_article(), ["readability.long-sentence"])
    assert (m["words"], m["sentences"], m["paragraphs"], m["headings"], m["heading_words"]) == (216, 24, 12, 1, 3)
    assert m["too_short"] is False and m["preset"] == "general-news"
    assert m["grade"] == m["flesch_kincaid_grade"] > 20
    for key in ("flesch_reading_ease", "gunning_fog", "smog_index", "coleman_liau_index",
                "automated_readability_index", "dale_chall_score", "consensus_grade",
                "syllables", "polysyllables", "complex_words", "difficult_words", "reading_time_s"):
        assert key in m


def test_metrics_are_null_for_a_text_under_the_minimum():
    [m] = _documents(EASY, ["readability"])
    assert m["words"] == 21 and m["too_short"] is True
    assert m["grade"] is None and m["flesch_reading_ease"] is None


def test_metrics_only_when_asked_or_a_readability_rule_is_on():
    assert _documents(EASY, ["typography"]) == [{}]
    assert _documents(EASY, ["typography"], metrics=True)[0]["words"] == 21


def test_a_run_without_sentence_ends_is_reported_long_but_not_graded():
    # 400 words and no stop: a tag cloud or unpunctuated paste. Graded as one sentence it
    # said grade 150-odd; it is reported as a very long sentence and left out of the grade.
    run_of_words = " ".join(["council"] * 400)
    text = f"{EASY * 8}\n\n{run_of_words}\n"
    found = run(text, ["readability"])
    assert [(d.rule, d.line, d.data["words"]) for d in found] == [("readability.long-sentence", 3, 400)]
    [doc] = Engine().run_jobs([FileJob("a.txt", make_config(["readability"]), text=text)]).documents
    assert doc.metrics["words"] == 168 and doc.metrics["grade"] < 5
    assert doc.metrics["longest_sentence_words"] == 400
    assert doc.metrics["reading_time_s"] == round(568 * 60 / 238)  # its words are still read


def test_a_plain_text_list_is_read_item_by_item():
    # One block of dashed items, as wire copy writes a list: each item is a sentence of its
    # own, not one 60-word "sentence" (a long-sentence warning and a hard grade).
    items = [f"- Best {what} - {words(14)[:-1]}" for what in ("play", "actor", "actress", "design")]
    text = "The winners were:\n" + "\n".join(items) + "\n"
    assert run(text, ["readability.long-sentence"]) == []
    dashed_prose = f"{words(20)[:-1]}\n- {words(20).lower()}"  # a dash opening a wrapped line
    assert [d.data["words"] for d in run(dashed_prose + "\n", ["readability.long-sentence"])] == [40]
