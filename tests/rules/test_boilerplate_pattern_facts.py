"""The phrase patterns' facts kept on disk (lint/boilerplate/pattern_facts.py): read back
as computed, never a stale or damaged answer, and the lexicon finds the same with them."""
from __future__ import annotations

import re

import pytest

from lint.boilerplate import pattern_facts
from lint.boilerplate import regex_analysis
from lint.boilerplate.lexicon import Lexicon, normalize
from lint.boilerplate.pattern_facts import PatternFacts

PATTERNS = {
    "legal": [r".{0,40}all rights reserved", r"(©|\(c\)|copyright) .{0,60}"],
    "share": [r"share( this)?( story)?", r"~(facebook|email)"],
    "byline": [r"(read later|.{3,60} see (the )?full gallery)", r"by [a-z]+ [a-z]+"],
}
LINES = ["Share this story", "Share prices rose", "© 2031 The Valley Post", "Facebook", "by Ann Lee",
         "The valley, all rights reserved", "Forty photos, see the full gallery", "Read later", ""]


def _every_fact(lexicon: Lexicon) -> None:
    for line in LINES:
        lexicon.match(normalize(line))
        lexicon.match(normalize(line), True)


def test_facts_written_once_are_read_back_without_analysing_again(tmp_path, monkeypatch):
    path = tmp_path / "facts.bin"
    first = Lexicon(PATTERNS, facts=PatternFacts(path))
    first.prime()
    assert path.is_file()
    results = [first.match(normalize(line)) for line in LINES]

    def no_analysis(pattern):
        raise AssertionError(f"analysed again: {pattern}")

    monkeypatch.setattr(pattern_facts, "_COMPUTE", {name: no_analysis for name in pattern_facts._COMPUTE})
    facts = PatternFacts(path)
    second = Lexicon(PATTERNS, facts=facts)
    second.prime()
    _every_fact(second)
    assert [second.match(normalize(line)) for line in LINES] == results
    assert facts.computed == 0
    # What the file holds is what the analyser says.
    for patterns in PATTERNS.values():
        for raw in patterns:
            p = raw.removeprefix("~")
            assert facts.get("first", p) == regex_analysis.first_chars(p)
            assert facts.get("prefixes", p) == regex_analysis.prefixes(p)


def test_a_damaged_or_foreign_file_is_rebuilt(tmp_path):
    path = tmp_path / "facts.bin"
    for junk in (b"", b"\x00\xff not marshal", b"\xe9\x01\x00\x00\x00"):  # empty, garbage, an int
        path.write_bytes(junk)
        lexicon = Lexicon(PATTERNS, facts=PatternFacts(path))
        lexicon.prime()
        assert lexicon.match("share this") == ("share", False)
        assert PatternFacts(path).get("prefixes", "share( this)?( story)?") == ("share",)


def test_a_pattern_the_file_does_not_hold_is_analysed_and_added(tmp_path):
    path = tmp_path / "facts.bin"
    Lexicon(PATTERNS, facts=PatternFacts(path)).prime()
    more = dict(PATTERNS, navigation=[r"(previous|next) (page|article)"])
    facts = PatternFacts(path)
    lexicon = Lexicon(more, facts=facts)
    lexicon.prime()
    assert facts.computed == 0  # saved
    assert lexicon.match("next page") == ("navigation", False)
    stored = PatternFacts(path)
    assert stored.get("prefixes", r"(previous|next) (page|article)") == regex_analysis.prefixes(
        r"(previous|next) (page|article)")
    assert stored.computed == 0


def test_a_read_only_cache_costs_only_the_analysis(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    lexicon = Lexicon(PATTERNS, facts=PatternFacts(blocked / "facts.bin"))
    lexicon.prime()  # cannot write: no error
    assert lexicon.match("share") == ("share", False)


def test_the_file_is_named_by_the_analyser_and_the_python(monkeypatch):
    name = pattern_facts._file_name()
    assert re.fullmatch(r"boilerplate-facts-[0-9a-f]{16}\.bin", name)
    monkeypatch.setattr(pattern_facts.sys, "version", "0.0.0 (another Python)")
    assert pattern_facts._file_name() != name


@pytest.mark.parametrize("cached", [False, True])
def test_the_bundled_lexicon_finds_the_same_with_stored_facts(cached, tmp_path, monkeypatch):
    from lint.boilerplate.lexicon import load_lexicon

    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        if cached:
            load_lexicon().prime()  # writes every fact to the file
            load_lexicon.cache_clear()
            assert any(tmp_path.glob("boilerplate-facts-*.bin"))
        lexicon = load_lexicon()
        lines = ["Share this article", "Advertisement", "Previous Article", "© 2031 Valley Post. All rights reserved.",
                 "The council met on Tuesday.", "Follow us on Twitter", "Sign up for our newsletter"]
        plain = Lexicon({k: v for k, v in lexicon_patterns().items()}, lexicon_sentences())
        for line in lines:
            for sentence in (False, True):
                assert lexicon.match(normalize(line), sentence) == plain.match(normalize(line), sentence)
    finally:
        load_lexicon.cache_clear()


def lexicon_patterns():
    from lint.boilerplate.lexicon import KIND_ORDER, _read
    from lint.rule_files import bundled_rules_dir

    found = {p.stem: _read(p)[0] for p in sorted((bundled_rules_dir() / "boilerplate" / "phrases").glob("*.txt"))}
    ordered = {k: found.pop(k) for k in KIND_ORDER if k in found}
    ordered.update(found)
    return ordered


def lexicon_sentences():
    from lint.boilerplate.lexicon import _read
    from lint.rule_files import bundled_rules_dir

    return frozenset(p.stem for p in (bundled_rules_dir() / "boilerplate" / "phrases").glob("*.txt") if _read(p)[1])


def test_a_checked_document_leaves_its_facts_for_the_next_run(tmp_path, monkeypatch):
    from lint.boilerplate.classifier import analyse
    from lint.boilerplate.lexicon import load_lexicon
    from lint.readers.plaintext import read

    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        text = "Share this story\n\nThe harbour wall was rebuilt after the storm of last winter, the council said.\n"
        analysis = analyse(read(text, "story.txt")[0])
        assert [f.kind for f in analysis.findings.values()] == ["share"]
        files = list(tmp_path.glob("boilerplate-facts-*.bin"))
        assert len(files) == 1
        # Every pattern's first characters (read at loading) are in it, and the openings of
        # the patterns the share line met: the next run analyses none of them again.
        stored = PatternFacts(files[0])
        for raw in lexicon_patterns()["share"]:
            stored.get("first", raw.removeprefix("~"))
        opened = [p for p, _ in load_lexicon()._anchored if p._openings is not False]
        assert opened
        for p in opened:
            assert stored.get("prefixes", p.text) == regex_analysis.prefixes(p.text)
        assert stored.computed == 0
        # A second document with the same lines analyses nothing new and writes nothing.
        before = files[0].stat().st_mtime_ns
        analyse(read(text, "again.txt")[0])
        assert files[0].stat().st_mtime_ns == before
    finally:
        load_lexicon.cache_clear()


def test_a_new_file_removes_other_versions_unused_for_a_week(tmp_path):
    import os
    import time

    old = tmp_path / "boilerplate-facts-0000000000000000.bin"
    recent = tmp_path / "boilerplate-facts-1111111111111111.bin"
    for f in (old, recent):
        f.write_bytes(b"x")
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    Lexicon(PATTERNS, facts=PatternFacts(tmp_path / "boilerplate-facts-2222222222222222.bin")).prime()
    assert sorted(p.name for p in tmp_path.iterdir()) == [recent.name, "boilerplate-facts-2222222222222222.bin"]
