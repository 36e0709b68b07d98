"""The published readability formulas, as functions of `Counts`.

Each is the formula as first published (constants as in textstat 0.7.8, which
uses the same ones); each returns 0.0 when the text has no words or sentences.

    Flesch reading ease   206.835 - 1.015 W/S - 84.6 Y/W          (Flesch 1948)
    Flesch-Kincaid grade  0.39 W/S + 11.8 Y/W - 15.59             (Kincaid et al. 1975)
    Gunning fog           0.4 (W/S + 100 C/W)                      (Gunning 1952)
    SMOG                  1.043 sqrt(30 P/S) + 3.1291              (McLaughlin 1969)
    Coleman-Liau          0.0588 L - 0.296 S100 - 15.8             (Coleman & Liau 1975)
                          L = letters per 100 words, S100 = sentences per 100 words
    ARI                   4.71 L/W + 0.5 W/S - 21.43               (Smith & Senter 1967)
    Dale-Chall            0.1579 (100 D/W) + 0.0496 W/S, + 3.6365 when D/W > 5 %
                                                                    (Dale & Chall 1948)
    Linsear Write         r = (W - P + 3 P)/S; (r - 2)/2 if r <= 20 else r/2

W words, S sentences, Y syllables, C complex words, P polysyllables, D difficult
words, L letters. Coleman-Liau: textstat uses 0.058; the published constant is 0.0588.
Linsear Write is computed on the whole text rather than a 100-word sample.
"""
from __future__ import annotations

import functools
import math
from collections import Counter

from .counts import Counts


def _needs_words_and_sentences(formula):
    """A formula of words per sentence (or per word) scores 0.0 for text with no words
    or no sentences, rather than dividing by zero."""
    @functools.wraps(formula)
    def score(c: Counts) -> float:
        return formula(c) if c.words and c.sentences else 0.0
    return score


@_needs_words_and_sentences
def flesch_reading_ease(c: Counts) -> float:
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


@_needs_words_and_sentences
def flesch_kincaid_grade(c: Counts) -> float:
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


@_needs_words_and_sentences
def gunning_fog(c: Counts) -> float:
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog_index(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


@_needs_words_and_sentences
def coleman_liau_index(c: Counts) -> float:
    return 0.0588 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8


@_needs_words_and_sentences
def automated_readability_index(c: Counts) -> float:
    return 4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43


@_needs_words_and_sentences
def dale_chall_score(c: Counts) -> float:
    share = 100 * c.difficult_words / c.words
    return 0.1579 * share + 0.0496 * c.words / c.sentences + (3.6365 if share > 5 else 0.0)


def dale_chall_grade(c: Counts) -> float:
    """The grade band of a Dale-Chall score (Dale & Chall's table), its upper grade."""
    score = dale_chall_score(c)
    for limit, grade in ((5.0, 4.0), (6.0, 6.0), (7.0, 8.0), (8.0, 10.0), (9.0, 12.0), (10.0, 15.0)):
        if score < limit:
            return grade
    return 16.0


def linsear_write(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    r = (c.words - c.polysyllables + 3 * c.polysyllables) / c.sentences
    return (r - 2) / 2 if r <= 20 else r / 2


def _ease_grade(ease: float) -> list[int]:
    if ease >= 90:
        return [5]  # textstat votes 13 for an ease of 100 or more: a very easy text
    for low, grades in ((80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])):
        if low <= ease < low + 10:
            return grades
    return [13]


@_needs_words_and_sentences
def consensus_grade(c: Counts) -> float:
    """textstat's `text_standard`: the grade most of the formulas agree on (each
    grade formula votes for its floor, ceiling and rounding; reading ease votes
    by Flesch's table; ties go to the grade voted for first). Unlike textstat,
    a reading ease of 100 or more votes grade 5, not 13."""
    votes: list[int] = []
    votes += [math.floor(g := flesch_kincaid_grade(c)), math.ceil(g), round(g)]
    votes += _ease_grade(flesch_reading_ease(c))
    for g in (smog_index(c), coleman_liau_index(c), automated_readability_index(c),
              dale_chall_score(c), linsear_write(c), gunning_fog(c)):
        votes += [math.floor(g), math.ceil(g), round(g)]
    return float(Counter(votes).most_common(1)[0][0])


# Formulas a grade rule may use: name -> function returning a U.S. school grade.
GRADE_FORMULAS = {
    "flesch-kincaid": flesch_kincaid_grade,
    "gunning-fog": gunning_fog,
    "smog": smog_index,
    "coleman-liau": coleman_liau_index,
    "automated-readability": automated_readability_index,
    "dale-chall": dale_chall_grade,
    "consensus": consensus_grade,
}
