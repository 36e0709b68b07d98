"""The phrase patterns' regex-analysis facts, shipped built (lint/boilerplate/pattern_facts.py):
read back exactly as worked out, ignored when they do not fit, never needed for the answer."""
from __future__ import annotations

import pytest

from lint.boilerplate import pattern_facts
from lint.boilerplate.lexicon import Lexicon, _bundled_dir, bundled_phrase_patterns, normalize, read_phrase_files
from lint.boilerplate.pattern_facts import Facts, compute


def test_every_bundled_pattern_is_read_back_as_worked_out(tmp_path):
    patterns = bundled_phrase_patterns()
    assert len(patterns) > 300 and not any(p.startswith("~") for p in patterns)
    pattern_facts.write(tmp_path, patterns)
    shipped = pattern_facts.load(tmp_path)
    assert set(shipped) == set(patterns)
    for p in patterns:
        assert shipped[p] == compute(p), p
    # Both kinds are there: patterns with known first characters and floating ones with keywords.
    assert any(f[0] is not None for f in shipped.values())
    assert any(f[0] is None and (f[2] is not None or f[3] is not None) for f in shipped.values())


def test_the_file_in_the_source_tree_is_the_current_one_when_there_is_one():
    # `pip install -e .` writes it (hatch_build.py); if it is there, it must hold the facts
    # of the analyser and Python this run has, for every pattern it names.
    found = pattern_facts.load()
    for p, facts in found.items():
        assert facts == compute(p), p


def test_a_file_of_another_analyser_or_a_damaged_one_is_not_used(tmp_path, monkeypatch):
    target = pattern_facts.write(tmp_path, ["(share|tweet) this"])
    assert pattern_facts.load(tmp_path) == {"(share|tweet) this": compute("(share|tweet) this")}
    monkeypatch.setattr(pattern_facts, "key", lambda: "0" * 20)  # another analyser's source
    assert pattern_facts.load(tmp_path) == {}
    monkeypatch.undo()
    target.write_bytes(b"\x00not marshal")
    assert pattern_facts.load(tmp_path) == {}


def test_writing_removes_the_files_of_other_keys(tmp_path):
    old = tmp_path / "pattern-facts-00000000000000000000.bin"
    old.write_bytes(b"")
    written = pattern_facts.write(tmp_path, ["advertisement"])
    assert not old.exists() and written.exists()


def test_shipped_facts_are_used_and_missing_ones_worked_out_one_at_a_time(monkeypatch):
    calls = []
    work = tuple((lambda p, _k=k, _w=w: calls.append((_k, p)) or _w(p)) for k, w in enumerate(pattern_facts._WORK))
    shipped = {"advertisement": compute("advertisement")}
    monkeypatch.setattr(pattern_facts, "_WORK", work)
    facts = Facts(shipped)
    assert facts.first_chars("advertisement") == frozenset("a") and facts.width("advertisement") == (13, 13)
    assert facts.shipped("advertisement") and not facts.shipped("(next|previous) article")
    assert calls == []
    assert facts.prefixes("(next|previous) article") == ("next article", "previous article")
    assert facts.prefixes("(next|previous) article") == ("next article", "previous article")
    assert calls == [(1, "(next|previous) article")]  # that fact alone, once, then kept


def test_a_lexicon_with_shipped_facts_matches_as_one_that_works_them_out(tmp_path):
    patterns, sentence_kinds, origins = read_phrase_files(_bundled_dir())
    fresh = Lexicon(patterns, sentence_kinds, origins)  # works every fact out itself
    pattern_facts.write(tmp_path, bundled_phrase_patterns())
    shipped = Lexicon(patterns, sentence_kinds, origins, Facts(pattern_facts.load(tmp_path)))
    known = {"Share this article": "share", "Advertisement": "advertisement", "Next Article": "navigation",
             "Sign up for our newsletter to get the latest news": "subscribe",
             "© 2024 Some Publisher Ltd. All rights reserved.": "legal",
             "The council approved the budget on Thursday.": None}
    others = _LINES  # below
    got = {}
    for line in [*known, *others]:
        norm = normalize(line)
        for sentence in (False, True):
            assert shipped.match(norm, sentence) == fresh.match(norm, sentence), (line, sentence)
        got[line] = shipped.match(norm)[0]
    assert {line: got[line] for line in known} == known


# Lines of every kind: residue, prose, headlines, other scripts, lengths at the edges.
_LINES = [
    "Share this article", "Share", "Advertisement", "ADVERTISEMENT", "Sponsored content", "Next Article",
    "Previous article: Harbour traffic returns to normal", "Sign up for our newsletter to get the day's news",
    "© 2024 Some Publisher Ltd. All rights reserved.", "All rights reserved", "Read more", "Related stories",
    "Photo: Jane Doe/Getty Images", "JANE DOE FOR THE DAILY NEWS", "Jane Doe/Associated Press", "By Jane Doe",
    "Posted by admin on March 3, 2012 at 10:15 am", "Tags: council, budget", "Follow us on Facebook",
    "The council approved the budget on Thursday after a long session that ran past midnight.",
    "Riverside council approves budget after late-night session", "We respect your privacy.",
    "Necessary cookies", "Log in", "Комментарии", "分享到微博", "ADVERTİSEMENT", "Ｓhare this", "a", "",
    "x" * 300, "Share " + "x" * 200,
]


def test_a_line_the_shipped_facts_rule_out_never_matches(tmp_path):
    pattern_facts.write(tmp_path, bundled_phrase_patterns())
    patterns, sentence_kinds, origins = read_phrase_files(_bundled_dir())
    lexicon = Lexicon(patterns, sentence_kinds, origins, Facts(pattern_facts.load(tmp_path)))
    ruled_out = 0
    for p in [p for p, _ in lexicon._anchored] + lexicon._floating:
        for line in _LINES:
            norm = normalize(line)
            if not p.may_match(norm, norm.lower()):
                ruled_out += 1
                assert p.rx.fullmatch(norm) is None, (p.text, line)
    assert ruled_out > len(_LINES) * 100  # the screen does rule lines out
