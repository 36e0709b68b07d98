"""The parts of the spelling pass: tokenizer, lexicon cache, derived words, names, suggester."""
from __future__ import annotations

from lint.spelling import lexicon as lexicon_module
from lint.spelling.lexicon import get_lexicon
from lint.spelling.names import NameIndex, is_acronym, is_mixed_case
from lint.spelling.suggest import Suggester, skeleton
from lint.spelling.tokens import tokenize
from lint.spelling.words import is_derived


def words(text, known=None):
    return [(t.start, t.text, t.stem, t.sentence_initial, t.compound_part) for t in tokenize(text, known)]


def test_tokens_with_offsets_endings_and_sentence_starts():
    assert words("Mr. Okafor’s aides didn't go. Then we-ll see") == [
        (0, "Mr", "Mr", True, False),
        (4, "Okafor’s", "Okafor", False, False),
        (13, "aides", "aides", False, False),
        (19, "didn't", "did", False, False),
        (26, "go", "go", False, False),
        (30, "Then", "Then", True, False),
        (35, "we", "we", False, True),
        (38, "ll", "ll", False, True),
        (41, "see", "see", False, False),
    ]


def test_tokens_skip_non_words():
    text = "Visit https://a.example/x or a.example, mail me@a.example, @handle #tag 512GB i9 5th snake_case file.txt"
    assert [(s, w) for s, w, *_ in words(text)] == [(0, "Visit"), (26, "or"), (40, "mail")]


def test_known_words_are_skipped_but_positions_stay_exact():
    text = "the cat sat on teh mat. Teh end, the end"
    assert [(s, w) for s, w, *_ in words(text, known={"the", "cat", "sat", "on", "mat", "end"})] == [
        (15, "teh"), (24, "Teh")]


def test_lexicon_cache_round_trip(tmp_path, monkeypatch):
    from lint.spelling import prebuilt

    monkeypatch.setattr(prebuilt, "DIRECTORY", tmp_path / "none shipped")  # as when the data differ
    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexicon_module, "_LEXICON", None)
    built = get_lexicon()
    assert list(tmp_path.glob("lexicon-*.bin"))
    monkeypatch.setattr(lexicon_module, "_LEXICON", None)
    loaded = get_lexicon()
    assert loaded.freqs == built.freqs and loaded.misspellings == built.misspellings
    assert "friendly" in loaded and "freindly" not in loaded
    assert loaded.corrections("freindly") == ["friendly"]
    assert loaded.gb_to_us["colour"] == "color" and loaded.us_to_gb["color"] == "colour"
    # Frequencies order candidates: a common word outranks a rare one.
    assert loaded.zipf("house") > loaded.zipf("hovel") > 0


def test_derived_words():
    lex = get_lexicon()
    assert is_derived("hourlong", lex)  # hour + long
    assert is_derived("unpainted", lex) or "unpainted" in lex
    assert not is_derived("companys", lex)  # consonant + y takes -ies
    assert not is_derived("senting", lex)  # "sent" + "ing" is no compound


def test_name_shapes_and_other_spellings():
    assert is_acronym("CNBC") and not is_acronym("A")
    assert is_mixed_case("MacBook") and is_mixed_case("iPhone") and not is_mixed_case("London")
    text = "Blinken met Wang. Blinken left. Blinkin stayed."
    index = NameIndex([text], list(tokenize(text)))
    assert index.other_spelling("Blinkin") == "Blinken"
    assert index.other_spelling("Blinken") is None
    assert index.is_name("Wang", sentence_initial=False)


def test_suggester_ranks_by_sound_frequency_and_context():
    s = Suggester(get_lexicon())
    assert skeleton("neccessarry") == "ncsr"
    assert s.suggest("definate")[0] == "definite"
    assert s.suggest("thre", "went", "yesterday")[0] == "there"
    assert s.suggest("thre", "about", "years")[0] == "three"
    assert s.suggest("zzzzzzzzqx") == []


def test_misspellings_are_decoded_one_group_at_a_time():
    import pytest

    from lint.spelling.cachefile import DamagedCache
    from lint.spelling.lexicon import Pairs, _buckets

    pairs = {"teh": "the", "tehy": "they", "abotu": "about", "x": "y"}
    lazy = Pairs(_buckets(pairs))
    assert lazy.get("teh") == "the" and lazy.get("tha") is None
    assert list(lazy._open) == ["te", "th"]  # only the groups asked about were decoded
    assert lazy == pairs and len(lazy) == 4 and "abotu" in lazy and lazy["x"] == "y"
    damaged = _buckets(pairs)
    damaged["te"] = (b"teh\ntehy", b"the")  # a correction lost
    with pytest.raises(DamagedCache):
        Pairs(damaged)


def test_the_loaded_word_table_answers_as_the_dict_it_was_saved_from(tmp_path):
    words = {"zebra": 40, "apple": 120, "ant": 90, "axe": 30, "apples": 100, "éclair": 50, "b": 10}
    path = tmp_path / "lexicon-test.bin"
    lexicon_module._save(path, words, {"teh": "the"}, {"colour": "color"})
    table, _, _ = lexicon_module._load(path, mark_used=False)
    assert table == words and len(table) == len(words)
    probes = [*words, "apex", "ap", "zebras", "", "a", "éclairs", "Apple", 3, None]
    answers = [(w in table, table.get(w)) for w in probes]
    assert answers == [(w in words, words.get(w) if isinstance(w, str) else None) for w in probes]
    assert list(table)[:3] == ["ant", "axe", "apple"]  # first letter, then length: the suggester's slices
    table.BUILD_DICT_AFTER = len(answers) * 2 + 1  # past it (an archive), the dict answers the same
    assert [(w in table, table.get(w)) for w in probes] == answers and table._dict is not None


def test_a_pool_about_to_fork_gets_the_loaded_word_table_as_a_dict(tmp_path, monkeypatch):
    # Before a pool forks (lint.prefork), the process-wide lexicon's words go into the dict
    # its workers would each build after BUILD_DICT_AFTER lookups: the same answers.
    from lint import prefork

    words = {"zebra": 40, "apple": 120, "ant": 90, "éclair": 50}
    path = tmp_path / "lexicon-test.bin"
    lexicon_module._save(path, words, {"teh": "the"}, {"colour": "color"})
    table, misspellings, gb_to_us = lexicon_module._load(path, mark_used=False)
    monkeypatch.setattr(lexicon_module, "_LEXICON", lexicon_module.Lexicon(table, misspellings, gb_to_us))
    assert table._dict is None
    prefork.build_all()
    assert table._dict == words
    assert [(w in table, table.get(w)) for w in [*words, "apex", "", 3]] == [
        (True, 40), (True, 120), (True, 90), (True, 50), (False, None), (False, None), (False, None)]
    monkeypatch.setattr(lexicon_module, "_LEXICON", None)
    prefork.build_all()  # no lexicon loaded (no spelling rule ran): nothing is loaded for it
    assert lexicon_module._LEXICON is None


def test_lookups_read_the_joined_words_without_splitting_them(tmp_path):
    words = {w: k % 250 for k, w in enumerate(
        ["a", "an", "and", "ant", "any", "apple", "apply", "bee", "é", "éa", "éclair", "zoo", "zebra", "zz"])}
    path = tmp_path / "lexicon-test.bin"
    lexicon_module._save(path, words, {}, {})
    table, _, _ = lexicon_module._load(path, mark_used=False)
    probes = [*words, "ana", "anz", "am", "applf", "applx", "éb", "zzz", "Zoo", "b", "ée"]
    assert [table.get(w) for w in probes] == [words.get(w) for w in probes]
    assert table._words is None  # no lookup split the list
    assert len(table) == len(words) and sorted(table) == sorted(words)


def test_a_word_table_whose_groups_do_not_fit_its_words_is_refused():
    import pytest

    from lint.spelling.cachefile import DamagedCache

    text, freqs = "ab\nac\nxyz", bytes([1, 2, 3])
    good = (("a", 2, 0, 0, 2), ("x", 3, 6, 2, 1))
    assert lexicon_module.Words(text, freqs, good).get("ac") == 2
    for groups in [(("a", 2, 0, 0, 2),),  # a word left out
                   (("a", 2, 0, 0, 2), ("x", 3, 5, 2, 1)),  # an offset off by one
                   (("a", 2, 0, 0, 1), ("x", 3, 6, 2, 1)),  # a count
                   (("a", 2, 0, 0, 2), ("y", 3, 6, 2, 1)),  # a first letter
                   (("a", 2, 0, 0, 2), ("x", 4, 6, 2, 1)),  # a length
                   (("a", 2, 0, 0, 2), ("x", 3, 6, 2)),  # not five fields
                   ]:
        with pytest.raises(DamagedCache):
            lexicon_module.Words(text, freqs, groups)
    with pytest.raises(DamagedCache):
        lexicon_module.Words(text, bytes([1, 2]), good)


def test_the_words_outside_the_lexicon_are_the_same_before_and_after_its_dict_is_built():
    # Before the dict, each word is looked up by binary search; once built, the text's words
    # are probed against the dict at C speed (tokens._unknown_matches): the same tokens.
    words = lexicon_module.Words("ab\nac\nxyz", bytes([1, 2, 3]), (("a", 2, 0, 0, 2), ("x", 3, 6, 2, 1)))
    text = "Ab ac, xyz and abc: ac-ab Xyz zz AC ab's"
    searched = [(t.start, t.text) for t in tokenize(text, words)]
    assert words.built_table() is None
    words.build_table()
    assert words.built_table() == {"ab": 1, "ac": 2, "xyz": 3}
    assert [(t.start, t.text) for t in tokenize(text, words)] == searched
    assert {w for _, w in searched} >= {"and", "abc", "zz"} and "ac" not in {w for _, w in searched}
