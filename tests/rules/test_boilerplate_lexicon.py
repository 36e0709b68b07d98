"""The phrase lexicon: its shortcuts (first-character groups, keyword tests for floating
patterns) must find exactly what trying every pattern in order would find."""
from __future__ import annotations

import re

import pytest

from lint.boilerplate.lexicon import Lexicon, load_lexicon, normalize, read_patterns

PATTERNS = {
    "legal": [r".{0,40}all rights reserved.{0,40}", r"(©|\(c\)|copyright).{0,60}"],
    "share": [r"share( this)?( article)?", r"~(facebook|email)"],
    "credit": [r"[^.!?]{2,40}(,| /) (ap|afp|reuters)( photo)?", r"(photo|image): .{1,60}",
               # Anchored without a literal opening (a class first): screened in a corpus run
               # by the keyword automaton (a keyword for every line; one for ASCII lines only)
               # or by the lengths of their matches alone.
               r"(?-i:[A-Z][\w'-]*( [A-Z][\w'-]*){0,3}) ?© ?(?-i:[A-Z]\w*( [A-Z]\w*)?)",
               r"[a-z][\w .'-]{1,30} for the (times|herald)", r"[a-z]{2,8} (more|all)", r"[a-z]{4,6}[0-9]{2}"],
    "byline": [r"[\w.+-]+@[\w-]+(\.[\w-]+)+", r"(read later|.{3,60} see (the )?full gallery)"],
    "navigation": [r"(previous|next)( article)?", r"(page )?\d+( \d+){2,}"],
}
LINES = [
    "Share", "share this article", "Share prices fell", "Facebook", "Email us your tips",
    "© 2024 Example Media", "Example Media 2024, all rights reserved", "All rights reserved.",
    "The rights reserved by the contract", "Jane Doe, AP", "Jane Doe / Reuters photo", "AP",
    "Photo: Jane Doe", "Previous Article", "next", "1 2 3", "Page 4 5 6", "2024 was a year",
    "", "…", "Ünïcode line", "Copyright law changed in 1998 and again in 2019",
    "jane@example.com", "jané@example.com", "Read later", "Twelve pictures, see the full gallery",
    # Case-insensitive re takes "ſ" for "s" and "ı" for "i": no keyword test may miss them.
    "Twelve pictures, ſee the full gallery", "Read laterı", "Pıctures: see full gallery",
    "Maria Lopez © Agencia Sur", "José Pérez © Agência", "maria lopez © agencia", "Jane Doe for the Times",
    "JANE DOE FOR THE HERALD", "Jané Doe for the Times", "A long walk for the Herald’s readers", "See more",
    "View all", "Read everything", "Waterfalls more", "Photos12", "ab12", "Photographs12", "Fotós12",
    # A floating pattern's keyword in lines at, and one past, the most characters its
    # matches can have (the corpus screens skip it on a longer line).
    "a" * 40 + "all rights reserved" + "b" * 40, "a" * 41 + "all rights reserved" + "b" * 40,
    "Twelve pictures " + "x" * 44 + " see full gallery", "Twelve pictures " + "x" * 45 + " see full gallery",
]


def brute_force(norm: str, sentence: bool = False):
    # Strong patterns of every kind in order, then weak ones.
    for weak in (False, True):
        for kind, items in PATTERNS.items():
            for p in items:
                if p.startswith("~") == weak and re.fullmatch(p.removeprefix("~"), norm, re.I):
                    return kind, weak
    return None, False


@pytest.mark.parametrize("line", LINES)
def test_shortcuts_agree_with_trying_every_pattern(line):
    lexicon = Lexicon(PATTERNS, frozenset(PATTERNS))
    norm = normalize(line)
    expected = brute_force(norm) if norm else (None, False)
    assert lexicon.match(norm) == expected


def test_normalize_strips_decoration_and_folds_quotes():
    assert normalize("  » Share this:  ") == "Share this"
    assert normalize("“Read more”") == "Read more"
    assert normalize("Next\u00a0 Article ›") == "Next Article"


def test_normalize_agrees_with_folding_every_run_of_whitespace():
    """The shortcut for printable ASCII lines without a double space gives what folding
    every run of whitespace and stripping the edges gives."""
    import random

    from lint.boilerplate.lexicon import _EDGE, _QUOTES

    def reference(text):
        for typographic, plain in _QUOTES:
            text = text.replace(typographic, plain)
        return " ".join(text.split()).strip(_EDGE)

    rng = random.Random(12)
    alphabet = "ab Z9 .,:|»-\t\x0b\x0c\x1c\x1f\x7f\xa0’\u2009"
    texts = ["Share this", " Share this ", "Share  this", "Share\tthis", "» Share this: ", ".", "  ", "",
             "Next\u00a0 Article ›", "a\x1fb", "a\x7fb", " -- a b -- "]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(5000)]
    for text in texts:
        assert normalize(text) == reference(text), repr(text)


def test_sentences_only_meet_kinds_that_allow_them():
    lexicon = Lexicon({"share": ["share this article"], "legal": [r".{0,40}all rights reserved"]},
                      frozenset({"legal"}))
    assert lexicon.match("share this article", sentence=True) == (None, False)
    assert lexicon.match("share this article") == ("share", False)
    assert lexicon.match("Example Ltd, all rights reserved", sentence=True) == ("legal", False)


def test_bundled_phrase_files_load_and_know_the_common_residue():
    lexicon = load_lexicon()
    assert lexicon.match(normalize("Advertisement"))[0] == "advertisement"
    assert lexicon.match(normalize("Share this article"))[0] == "share"
    assert lexicon.match(normalize("Previous Article"))[0] == "navigation"
    assert lexicon.match(normalize("What Happened:"))[0] is None


def test_a_bad_pattern_names_its_file_and_line(tmp_path):
    bad = tmp_path / "share.txt"
    bad.write_text("# comment\nshare( this\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"share.txt:2: bad pattern"):
        read_patterns(bad)


def test_every_bundled_pattern_compiles():
    # Loading no longer compiles anything (start-up time), so the data is checked here.
    from lint.boilerplate.lexicon import _read
    from lint.rule_files import bundled_rules_dir

    files = sorted((bundled_rules_dir() / "boilerplate" / "phrases").glob("*.txt"))
    assert len(files) >= 10
    for path in files:
        assert read_patterns(path) == _read(path)[0]


def test_a_pattern_is_compiled_only_when_a_line_needs_it():
    lexicon = Lexicon({"share": ["share( this", "tweet"]}, origins={"share": ["share.txt:1", "share.txt:2"]})
    assert lexicon.match("tweet") == ("share", False)
    with pytest.raises(ValueError, match=r"share.txt:1: bad pattern"):
        lexicon.match("share this")


def test_groups_joined_after_many_lines_find_the_same():
    from lint.boilerplate import lexicon as module

    lexicon = Lexicon(PATTERNS, frozenset(PATTERNS))
    lexicon.screen_after = float("inf")  # the groups' own path (the screens have the next test)
    for _ in range(module._JOIN_AFTER + 5):
        for line in LINES:
            norm = normalize(line)
            assert lexicon.match(norm) == (brute_force(norm) if norm else (None, False))
    assert any(g.joined is not None for g in lexicon._groups.values())


def test_the_corpus_screens_find_the_same():
    lexicon = Lexicon(PATTERNS, frozenset(PATTERNS))
    lexicon.screen_after = 0
    for line in LINES:
        norm = normalize(line)
        assert lexicon.match(norm) == (brute_force(norm) if norm else (None, False))
    assert lexicon._screens and lexicon._openings is not None


def test_the_corpus_screens_change_nothing_on_the_bundled_phrases():
    """With the screens of a corpus run on, every line of every bundled rule's examples
    (and the lines above) meets the same kind as without them."""
    import tomllib

    from lint.boilerplate.lexicon import load_lexicon as load
    from lint.rule_files import bundled_rules_dir

    lines = list(LINES)
    for path in sorted((bundled_rules_dir() / "boilerplate").glob("*.toml")):
        examples = tomllib.loads(path.read_text(encoding="utf-8")).get("examples", {})
        for example in examples.get("fail", []) + examples.get("pass", []):
            text = example["text"] if isinstance(example, dict) else example
            lines += text.split("\n")
    norms = [normalize(line) for line in lines if normalize(line)]
    plain, screened = load.__wrapped__(), load.__wrapped__()  # fresh, not the shared cached one
    plain.screen_after, screened.screen_after = float("inf"), 0
    for norm in norms:
        for sentence in (False, True):
            assert screened.match(norm, sentence) == plain.match(norm, sentence), norm
    assert screened._screens and not plain._screens
