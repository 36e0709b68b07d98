"""The spelling data precompiled into the package (lint/spelling/prebuilt.py): used when it
was built from the data installed now, ignored (and the user's cache built as before) when
it was not, or when it is damaged."""
from __future__ import annotations

import pytest

from lint.spelling import context, lexicon, prebuilt

# A tiny lexicon with a word no real one has, so a test can tell which file was read.
TINY = ({"zqxwordly": 90, "the": 200}, {"teh": "the"}, {"colour": "color"})


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """An empty package data folder, an empty user cache, and a build that is counted."""
    folder = tmp_path / "package-data"
    folder.mkdir()
    monkeypatch.setattr(prebuilt, "DIRECTORY", folder)
    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setattr(lexicon, "_LEXICON", None)
    builds = []
    monkeypatch.setattr(lexicon, "build", lambda: builds.append(1) or ({"built": 100}, {}, {}))
    return folder, tmp_path / "user-cache", builds


def test_the_file_built_from_the_installed_data_is_read_and_nothing_is_built(shipped):
    folder, cache, builds = shipped
    lexicon._save(prebuilt.path("lexicon"), *TINY)
    lex = lexicon.get_lexicon()
    assert "zqxwordly" in lex and lex.corrections("teh") == ["the"] and lex.us_to_gb["color"] == "colour"
    assert builds == []
    assert not cache.exists()  # no user cache written on a first run


def test_a_file_of_other_data_is_never_used(shipped):
    folder, cache, builds = shipped
    lexicon._save(folder / "lexicon-0123456789abcdef0123.bin", *TINY)
    lex = lexicon.get_lexicon()
    assert "zqxwordly" not in lex and "built" in lex
    assert builds == [1]
    assert len(list(cache.glob("lexicon-*.bin"))) == 1  # built and cached, as without a shipped file


def test_a_damaged_shipped_file_is_not_trusted(shipped):
    folder, cache, builds = shipped
    path = prebuilt.path("lexicon")
    lexicon._save(path, *TINY)
    whole = path.read_bytes()
    path.write_bytes(whole[:-10] + bytes(b ^ 0x20 for b in whole[-10:]))
    assert "built" in lexicon.get_lexicon() and builds == [1]


def test_reading_the_shipped_file_does_not_touch_it(shipped):
    import os
    import time

    folder, cache, builds = shipped
    path = prebuilt.path("lexicon")
    lexicon._save(path, *TINY)
    old = time.time() - 30 * 86400
    os.utime(path, (old, old))
    lexicon.get_lexicon()
    assert abs(path.stat().st_mtime - old) < 1  # an installed file: not the user cache's "in use" mark


def test_the_bigram_model_is_shipped_the_same_way(shipped, monkeypatch):
    folder, cache, builds = shipped
    monkeypatch.setattr(context, "_MODEL", None)
    monkeypatch.setattr(context, "_build", lambda: pytest.fail("the shipped model must be read"))
    model = context.BigramModel(context._unpack(*context._pack({"of": 50_000, "the": 90_000})),
                                context._unpack(*context._pack({"of the": 20_000})), 5.0)
    context._save(prebuilt.path("bigrams"), model)
    loaded = context.get_model()
    assert loaded.right("of", "the") == model.right("of", "the") < 0
    assert not cache.exists()


@pytest.fixture
def fake_site(tmp_path, monkeypatch):
    """A site folder with one data package and its .dist-info, in place of the real four."""
    site = tmp_path / "site"
    (site / "fakewords" / "data").mkdir(parents=True)
    (site / "fakewords" / "__init__.py").write_text("raise AssertionError('a data package is never imported')\n")
    (site / "fakewords" / "data" / "words.txt").write_text("alpha\nbeta\n")
    (site / "fake_words-1.2.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(prebuilt, "SOURCES", {"fakewords": ("fake-words", ("data/words.txt",))})
    return site


def test_the_key_follows_the_data_version_the_file_sizes_and_the_build(fake_site, monkeypatch):
    first = prebuilt._compute_key()
    assert first and prebuilt._compute_key() == first
    (fake_site / "fakewords" / "data" / "words.txt").write_text("alpha\nbeta\ngamma\n")
    bigger = prebuilt._compute_key()
    (fake_site / "fake_words-1.2.0.dist-info").rename(fake_site / "fake_words-1.3.0.dist-info")
    upgraded = prebuilt._compute_key()
    monkeypatch.setattr(lexicon, "BUILD_VERSION", lexicon.BUILD_VERSION + 1)
    rebuilt = prebuilt._compute_key()
    assert len({first, bigger, upgraded, rebuilt}) == 4


def test_no_key_when_the_version_is_unknown_or_ambiguous(fake_site):
    (fake_site / "fake_words-1.1.0.dist-info").mkdir()  # a half-finished upgrade
    assert prebuilt.installed_version(fake_site, "fake-words") is None
    assert prebuilt._compute_key() is None
    for d in fake_site.glob("*.dist-info"):
        d.rmdir()
    assert prebuilt._compute_key() is None
    (fake_site / "Fake.Words-2.0.dist-info").mkdir()  # names are compared normalised
    assert prebuilt.installed_version(fake_site, "fake-words") == "2.0"


def test_the_build_step_writes_both_files_and_clears_other_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "build", lambda: TINY)
    monkeypatch.setattr(context, "_build", lambda: ({"of": 50_000, "the": 90_000}, {"of the": 20_000}))
    stale = tmp_path / "lexicon-00000000000000000000.bin"
    stale.write_bytes(b"an older build's file")
    (tmp_path / "NOTICE.md").write_text("kept")
    written = prebuilt.write(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([p.name for p in written] + ["NOTICE.md"])
    assert [p.name for p in written] == [f"lexicon-{prebuilt.data_key()}.bin", f"bigrams-{prebuilt.data_key()}.bin"]
    assert lexicon._load(written[0]) == TINY
    assert context._load(written[1]).right("of", "the") < 0
