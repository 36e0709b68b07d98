"""An error in edlint itself is never read as "findings": one line naming the file and
"internal error", exit 2, the other files still checked; `--debug` or EDLINT_DEBUG=1 shows
the traceback. Inputs that used to raise one (a huge JSON integer, a closed standard input,
a damaged lexicon cache) are handled as what they are."""
from __future__ import annotations

import marshal
import subprocess
import sys

import pytest

from lint.readers import jsondocs, plaintext

from .support import edlint, no_traceback

GOOD = "It was very late.\n"
GOOD_LINE = "good.txt:1:8: warning: Hedge word: “very”. [style.test.hedge]"


@pytest.fixture
def boom(desk, monkeypatch):
    """boom.txt makes the plain-text reader raise, as a bug would."""
    real = plaintext.read

    def read(source, path, options=None):
        if path.endswith("boom.txt"):
            raise RuntimeError("reader fell over")
        return real(source, path, options)

    monkeypatch.setattr(plaintext, "read", read)
    (desk / "boom.txt").write_text("Anything.\n")
    (desk / "good.txt").write_text(GOOD)
    return desk


INTERNAL = "edlint: error: boom.txt: internal error (RuntimeError: reader fell over)"


def test_internal_error_in_one_file_is_reported_and_the_others_checked(boom):
    r = edlint("check", "boom.txt", "good.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == INTERNAL
    assert "--debug" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout.splitlines()[0] == GOOD_LINE
    assert r.stdout.splitlines()[-1].endswith("- 1 file checked - 1 could not be checked")


def test_internal_error_in_a_worker_process(boom):
    for i in range(4):
        (boom / f"more{i}.txt").write_text(GOOD)
    r = edlint("check", "--jobs", "2", "boom.txt", "good.txt", *(f"more{i}.txt" for i in range(4)))
    no_traceback(r)
    assert r.exit_code == 2
    assert INTERNAL in r.stderr.splitlines()
    assert sum("Hedge word" in line for line in r.stdout.splitlines()) == 5


@pytest.mark.parametrize("how", ["option", "environment"])
def test_debug_shows_the_traceback(boom, monkeypatch, how):
    if how == "environment":
        monkeypatch.setenv("EDLINT_DEBUG", "1")
        r = edlint("check", "boom.txt", "good.txt")
    else:
        r = edlint("--debug", "check", "boom.txt", "good.txt")
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert lines[0] == INTERNAL
    assert lines[1] == "Traceback (most recent call last):"
    assert "RuntimeError: reader fell over" in lines
    assert GOOD_LINE in r.stdout


def test_internal_error_outside_the_files_exits_2(desk, monkeypatch):
    import lint.reports.text

    def write(result, options, out):  # the CLI writes its reports as a stream
        raise KeyError("no such level")

    monkeypatch.setattr(lint.reports.text, "write", write)
    (desk / "good.txt").write_text(GOOD)
    r = edlint("check", "good.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == "edlint: error: internal error (KeyError: 'no such level')"


def test_internal_error_in_a_corpus_rule_keeps_the_other_findings(desk, monkeypatch):
    from lint.rule_types.boilerplate import RepeatedLine

    def finish(self, collected, ctx):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(RepeatedLine, "finish", finish, raising=True)
    (desk / "edlint.toml").write_text('select = ["style.test", "boilerplate"]\nrule-packs = ["pack"]\n')
    (desk / "good.txt").write_text(GOOD)
    r = edlint("check", "good.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert any(line.startswith("edlint: error: boilerplate.") and "internal error (ZeroDivisionError" in line
               for line in r.stderr.splitlines()), r.stderr
    assert GOOD_LINE in r.stdout


# -- inputs that used to raise -------------------------------------------------------

def test_json_integer_longer_than_pythons_limit_is_valid_json(desk):
    huge = "9" * 5000  # int() refuses more than 4,300 digits
    a = '{"title": "Very big", "count": %s, "body": "Quite so."}' % huge
    b = '{"n": -%s.5e3, "text": "Very well."}\n' % huge
    (desk / "a.json").write_text(a)
    (desk / "b.jsonl").write_text(b)
    docs = jsondocs.read(a, "a.json")
    assert [b.text for b in docs[0].blocks] == ["Very big", "Quite so."]
    r = edlint("check", "a.json", "b.jsonl")
    no_traceback(r)
    assert r.exit_code == 0, r.output
    assert [line.split(": ")[0] for line in r.stdout.splitlines()[:-1]] == [
        f"a.json:1:{a.index('Very') + 1}", f"a.json:1:{a.index('Quite') + 1}", f"b.jsonl:1:{b.index('Very') + 1}"]


def test_closed_standard_input_is_an_input_error(desk):
    (desk / "good.txt").write_text(GOOD)
    r = subprocess.run(["bash", "-c", 'exec "$0" -m lint check - good.txt <&-', sys.executable],
                       cwd=desk, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stderr
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines()[0] == "edlint: error: -: cannot read standard input: standard input is closed"
    assert r.stdout.splitlines()[0] == GOOD_LINE


@pytest.fixture(scope="module")
def built_lexicon(tmp_path_factory):
    """The lexicon built for real once, and the cache file it wrote."""
    from lint.spelling import lexicon

    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EDLINT_CACHE_DIR", str(cache))
        mp.setattr(lexicon, "_LEXICON", None)
        parts = lexicon.build()
        path = cache / f"lexicon-{lexicon._versions()}.bin"
        lexicon._save(path, *parts)
        assert lexicon._load(path) == parts  # what is written is what is read
    return parts, path.read_bytes(), path.name


@pytest.mark.parametrize("damage", ["right shape, lengths disagree", "wrong types", "flipped byte",
                                    "truncated", "unmarshallable"])
def test_damaged_lexicon_cache_is_rebuilt(tmp_path, monkeypatch, built_lexicon, damage):
    from lint.spelling import lexicon, prebuilt

    parts, whole, name = built_lexicon
    if damage == "right shape, lengths disagree":
        # As an older edlint (or a stray process) would have written it: no checksum to go by.
        whole = marshal.dumps((b"the\nand", b"\x01", b"teh", b"the", b"colour", b"color"))
    elif damage == "wrong types":
        whole = marshal.dumps((1, 2, 3, 4, 5, 6))
    elif damage == "flipped byte":
        i = len(whole) // 2
        whole = whole[:i] + bytes([whole[i] ^ 0x20]) + whole[i + 1:]
    elif damage == "truncated":
        whole = whole[:len(whole) // 3]
    else:
        whole = b"\x00garbage" * 10
    monkeypatch.setattr(prebuilt, "DIRECTORY", tmp_path / "none shipped")  # the user's cache is read
    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path))
    path = tmp_path / name
    path.write_bytes(whole)
    builds = []
    # The build itself is slow and tested above: here it hands back the parts it made.
    monkeypatch.setattr(lexicon, "build", lambda: builds.append(1) or parts)
    monkeypatch.setattr(lexicon, "_LEXICON", None)
    rebuilt = lexicon.get_lexicon()
    assert builds == [1]
    assert len(rebuilt.freqs) == len(parts[0]) > 100_000
    assert "wednesday" in rebuilt and rebuilt.corrections("teh") == ["the"]
    assert lexicon._load(path) == parts  # ... and the file on disk is whole again


def test_a_config_that_breaks_edlint_loses_only_its_own_files(desk):
    # A TOML integer Python refuses to convert: whether config loading calls it a bad value
    # or it surfaces as an internal error, the files under the other config are checked.
    (desk / "sub").mkdir()
    (desk / "sub" / "edlint.toml").write_text("max-line = %s\n" % ("9" * 5000))
    (desk / "sub" / "a.txt").write_text(GOOD)
    (desk / "good.txt").write_text(GOOD)
    r = edlint("check", "sub/a.txt", "good.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0].startswith("edlint: error: sub/a.txt: ")
    assert r.stdout.splitlines()[0] == GOOD_LINE


@pytest.fixture(scope="module")
def bigram_counts():
    from lint.spelling import context

    return context._build()  # for real, once


@pytest.mark.parametrize("damage", ["right shape, lengths disagree", "wrong types", "flipped byte"])
def test_damaged_bigram_cache_is_rebuilt(tmp_path, monkeypatch, bigram_counts, damage):
    from lint.spelling import context, prebuilt

    monkeypatch.setattr(prebuilt, "DIRECTORY", tmp_path / "none shipped")  # the user's cache is read
    builds = []
    monkeypatch.setattr(context, "_build", lambda: builds.append(1) or bigram_counts)
    monkeypatch.setenv("EDLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(context, "_MODEL", None)
    good = context.get_model()
    path = next(tmp_path.glob("bigrams-*.bin"))
    whole = path.read_bytes()
    if damage == "right shape, lengths disagree":
        whole = marshal.dumps((9.5, b"of\nthe", b"\x10\x00", b"of the", b"\x10\x00\x20\x00"))
    elif damage == "wrong types":
        whole = marshal.dumps((1, 2, 3, 4, 5))
    else:
        i = len(whole) // 2
        whole = whole[:i] + bytes([whole[i] ^ 0x01]) + whole[i + 1:]
    path.write_bytes(whole)
    monkeypatch.setattr(context, "_MODEL", None)
    rebuilt = context.get_model()
    assert builds == [1, 1]  # built for the first run, and again for the damaged file
    assert len(rebuilt.unigrams.keys) == len(good.unigrams.keys) > 50_000
    assert rebuilt.right("of", "the") == good.right("of", "the")
    assert len(context._load(path).bigrams.keys) == len(good.bigrams.keys)  # whole on disk again


def test_a_closed_output_pipe_is_not_an_internal_error(desk, monkeypatch):
    import lint.reports.text

    def write(result, options, out):
        raise BrokenPipeError(32, "Broken pipe")  # as writing to `| head` after it has quit

    monkeypatch.setattr(lint.reports.text, "write", write)
    (desk / "good.txt").write_text(GOOD)
    r = edlint("check", "good.txt")
    no_traceback(r)
    assert r.exit_code == 141
    assert r.stderr == ""
