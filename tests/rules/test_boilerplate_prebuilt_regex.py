"""The bundled phrase patterns' compiled code, shipped (lint/boilerplate/prebuilt_regex.py):
the same patterns as re.compile gives, used only when they fit, else compiled as usual."""
from __future__ import annotations

import marshal
import re

import pytest

from lint.boilerplate import prebuilt_regex
from lint.boilerplate.comments import load_thread_rules, thread_expressions


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    def use(patterns):
        prebuilt_regex.write(tmp_path, patterns)
        monkeypatch.setattr(prebuilt_regex, "_shipped", [prebuilt_regex.load(tmp_path)])
        return tmp_path
    return use


def test_every_bundled_pattern_comes_back_as_re_compiles_it(shipped):
    patterns = prebuilt_regex.bundled_patterns()
    assert len(patterns) > 300
    shipped(patterns)
    for pattern, flags in patterns:
        rx = prebuilt_regex.compiled(pattern, flags)
        assert rx is not None and rx == re.compile(pattern, flags), pattern  # the same flags and code
        assert rx.groupindex == re.compile(pattern, flags).groupindex


def test_a_shipped_pattern_matches_as_a_compiled_one(shipped):
    pattern = r"(?P<word>share|tweet)( this)?(?-i: NOW)?|\d{1,2}/\d{1,2}"
    shipped([(pattern, re.IGNORECASE)])
    rx, ref = prebuilt_regex.compiled(pattern, re.IGNORECASE), re.compile(pattern, re.IGNORECASE)
    for text in ["Share this", "TWEET", "share NOW", "share now", "12/05", "shares", "Ｓhare", "ſhare"]:
        got, want = rx.fullmatch(text), ref.fullmatch(text)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), text


def test_what_was_not_shipped_or_does_not_fit_is_compiled_as_usual(shipped, monkeypatch):
    directory = shipped([("advertisement", re.IGNORECASE), ("(unclosed", re.IGNORECASE)])
    assert prebuilt_regex.compiled("advertisement", 0) is None  # other flags
    assert prebuilt_regex.compiled("sponsored", re.IGNORECASE) is None
    assert set(prebuilt_regex.load(directory)) == {("advertisement", int(re.IGNORECASE))}  # the bad one left out
    monkeypatch.setattr(prebuilt_regex, "_shipped", [{("advertisement", int(re.IGNORECASE)): marshal.dumps((1, 2))}])
    assert prebuilt_regex.compiled("advertisement", re.IGNORECASE) is None  # a damaged entry
    monkeypatch.setattr(prebuilt_regex, "key", lambda: "another-python")
    assert prebuilt_regex.load(directory) == {}
    monkeypatch.undo()
    prebuilt_regex.path(directory).write_bytes(b"\x00damaged")
    assert prebuilt_regex.load(directory) == {}


def test_the_comment_thread_rules_are_the_shipped_expressions(shipped):
    shipped([(x, re.IGNORECASE) for x in thread_expressions()])
    load_thread_rules.cache_clear()
    try:
        rules = load_thread_rules()
        assert list(rules) == [re.compile(x, re.IGNORECASE) for x in thread_expressions()]
    finally:
        load_thread_rules.cache_clear()


def test_the_lexicon_takes_a_shipped_pattern_without_compiling_it(shipped, monkeypatch):
    from lint.boilerplate import lexicon

    shipped([("share (this|it)", re.IGNORECASE)])
    monkeypatch.setattr(lexicon, "compile_pattern", lambda *a: pytest.fail(f"compiled {a[0]!r}"))
    lx = lexicon.Lexicon({"share": ["share (this|it)"]})
    assert lx.match("Share this") == ("share", False)
    monkeypatch.undo()
    lx = lexicon.Lexicon({"share": ["share (this|that)"]})  # not shipped: compiled as before
    assert lx.match("share that") == ("share", False)
