"""The formulas, checked by hand against their published definitions on small texts
whose counts are worked out below; and against textstat where it agrees."""
from __future__ import annotations

import math

import pytest

from lint.readability import formulas as F
from lint.readability.counts import Counts, count_sentence, total
from lint.text import split_sentences as split
from lint.readability.syllables import syllables

# Two sentences, counted by hand (syllables from the CMU dictionary):
#   The(1) cat(1) sat(1) on(1) the(1) mat(1).        6 words,  6 syllables, 17 letters
#   Elephants(3) remember(3) everything(3).          3 words,  9 syllables, 27 letters
# Polysyllables (3+): elephants, remember, everything = 3.
# Dale-Chall familiar list: all but "elephants" (textstat's list has "elephant" only),
# so 1 difficult word, and 1 complex word (a polysyllable not on the list).
TEXT = "The cat sat on the mat. Elephants remember everything."
W, S, Y, L, P, C, D = 9, 2, 15, 44, 3, 1, 1


def counts_of(text: str) -> Counts:
    return total(count_sentence(text[a:b]) for a, b in split(text))


def test_counts_by_hand():
    assert counts_of(TEXT) == Counts(sentences=S, words=W, syllables=Y, letters=L,
                                     polysyllables=P, complex_words=C, difficult_words=D)


@pytest.fixture
def c():
    return counts_of(TEXT)


def test_flesch_reading_ease(c):
    # 206.835 - 1.015 * 9/2 - 84.6 * 15/9 = 206.835 - 4.5675 - 141.0
    assert F.flesch_reading_ease(c) == pytest.approx(61.2675)


def test_flesch_kincaid_grade(c):
    # 0.39 * 4.5 + 11.8 * 15/9 - 15.59 = 1.755 + 19.6667 - 15.59
    assert F.flesch_kincaid_grade(c) == pytest.approx(5.8317, abs=1e-4)


def test_gunning_fog(c):
    # 0.4 * (9/2 + 100 * 1/9) = 0.4 * 15.6111
    assert F.gunning_fog(c) == pytest.approx(6.2444, abs=1e-4)


def test_smog(c):
    # 1.043 * sqrt(30 * 3/2) + 3.1291 = 1.043 * 6.7082 + 3.1291
    assert F.smog_index(c) == pytest.approx(10.1258, abs=1e-4)


def test_coleman_liau(c):
    # 0.0588 * (100 * 44/9) - 0.296 * (100 * 2/9) - 15.8 = 28.7467 - 6.5778 - 15.8
    assert F.coleman_liau_index(c) == pytest.approx(6.3689, abs=1e-4)


def test_automated_readability_index(c):
    # 4.71 * 44/9 + 0.5 * 9/2 - 21.43 = 23.0267 + 2.25 - 21.43
    assert F.automated_readability_index(c) == pytest.approx(3.8467, abs=1e-4)


def test_dale_chall(c):
    # 1/9 = 11.1 % difficult words, over 5 %: 0.1579 * 11.111 + 0.0496 * 4.5 + 3.6365
    assert F.dale_chall_score(c) == pytest.approx(5.6141, abs=1e-4)
    assert F.dale_chall_grade(c) == 6.0  # score 5.0-5.9: grades 5-6


def test_linsear_write(c):
    # (6 easy + 3 * 3 hard) / 2 sentences = 7.5, at most 20: (7.5 - 2) / 2
    assert F.linsear_write(c) == pytest.approx(2.75)


def test_consensus_grade(c):
    # Votes: FK 5.83 -> 5, 6, 6; ease 61.3 -> 8, 9; SMOG 10.13 -> 10, 11, 10;
    # CL 6.37 -> 6, 7, 6; ARI 3.85 -> 3, 4, 4; DC 5.61 -> 5, 6, 6; LW 2.75 -> 2, 3, 3;
    # fog 6.24 -> 6, 7, 6. Grade 6 has 7 votes.
    assert F.consensus_grade(c) == 6.0


def test_second_text_by_hand():
    # "Government officials negotiated. Nobody agreed."
    #   Government(3) officials(3) negotiated(5): 3 words, 11 syllables, 3 polysyllables
    #   Nobody(3) agreed(2): 2 words, 5 syllables, 1 polysyllable
    c = counts_of("Government officials negotiated. Nobody agreed.")
    assert (c.sentences, c.words, c.syllables, c.polysyllables) == (2, 5, 16, 4)
    assert F.flesch_kincaid_grade(c) == pytest.approx(0.39 * 2.5 + 11.8 * 16 / 5 - 15.59)
    assert F.flesch_kincaid_grade(c) == pytest.approx(23.145)
    assert F.smog_index(c) == pytest.approx(1.043 * math.sqrt(60) + 3.1291)


def test_no_words_scores_zero():
    empty = Counts()
    for f in (F.flesch_reading_ease, F.flesch_kincaid_grade, F.gunning_fog, F.smog_index,
              F.coleman_liau_index, F.automated_readability_index, F.dale_chall_score,
              F.linsear_write, F.consensus_grade):
        assert f(empty) == 0.0


def test_very_easy_text_votes_grade_5_not_13():
    # Reading ease of 100 or more: textstat's table votes 13; a very easy text is grade 5.
    c = Counts(sentences=4, words=12, syllables=12, letters=36)
    assert F.flesch_reading_ease(c) > 100
    assert F._ease_grade(F.flesch_reading_ease(c)) == [5]


@pytest.mark.parametrize("word, n", [
    ("the", 1), ("elephants", 3), ("negotiated", 5), ("don't", 1), ("U.S.", 1),
    ("well-known", 2), ("2024", 1), ("Blinken", 2),
])
def test_syllables(word, n):
    assert syllables(word) == n


def test_syllables_agree_with_textstat():
    import textstat
    words = ("administration unprecedented Zelenskyy Beijing’s recalibrate reciprocity "
             "multilateral 45.6 tariffs cooperation nevertheless").split()
    for w in words:
        assert syllables(w) == textstat.syllable_count(w), w


def test_formulas_agree_with_textstat_where_definitions_match():
    # textstat ignores sentences of two words or fewer and counts punctuation in ARI,
    # and uses 0.058 for Coleman-Liau: the text and the formulas compared avoid those.
    import textstat
    text = ("The council approved the new budget on Monday. Residents complained about "
            "rising property taxes. The mayor promised an independent review next year.")
    c = counts_of(text)
    assert c.sentences == 3
    assert F.flesch_reading_ease(c) == pytest.approx(textstat.flesch_reading_ease(text))
    assert F.flesch_kincaid_grade(c) == pytest.approx(textstat.flesch_kincaid_grade(text))
    assert F.gunning_fog(c) == pytest.approx(textstat.gunning_fog(text))
    assert F.smog_index(c) == pytest.approx(textstat.smog_index(text))
    assert F.dale_chall_score(c) == pytest.approx(textstat.dale_chall_readability_score(text))
