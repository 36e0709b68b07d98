"""The English lexicon: which words exist, how common they are, which spellings
are known misspellings, and which are British or American variants.

Built from packaged data, never from lists pasted into the repository:
- pyspellchecker's English word list (about 160,000 words, cleaned against a
  dictionary, so it holds almost no misspellings): the core of known words;
- wordfreq's large English list (web, news, books, subtitles): word
  frequencies for ranking suggestions, and extra words (jargon, new words,
  names) when they are common enough for their length. Common misspellings
  ("alot", "teh") are frequent on the web too, so wordfreq alone can't say what
  is a word: a short word must be much more frequent than a long one;
- codespell's dictionaries: common misspellings with their corrections (from
  Wikipedia's list), and British-to-American spellings. Only the data files are
  read (CC BY-SA 3.0); codespell's GPL-2.0-only code is never imported.

Merging the three packages takes about 2 s of CPU, so the merged lexicon is kept
in a compact file (one newline-joined word blob plus one byte of frequency per
word): precompiled into the wheel when edlint is built (lint/spelling/prebuilt.py,
used only when it was made from the data installed now), else written once
under the user's cache directory, keyed by the package files; later runs load
it in a few hundredths of a second. The file carries a
checksum and its parts are checked on load: a damaged or foreign file is
rebuilt, never trusted (a truncated word list would flag every word it lost).
"""
from __future__ import annotations

import marshal
import os
from collections.abc import Mapping
from pathlib import Path

from .. import prefork
from ..cache_home import cache_dir
from . import cachefile
from .cachefile import DamagedCache

# Bump when the build below changes, so stale caches are rebuilt.
BUILD_VERSION = 10

# wordfreq words outside the core list are accepted only above this Zipf
# frequency for their length: on the web, short misspellings are common
# ("wil", "das" as typos), long ones rare, while real jargon is long.
_MIN_ZIPF_BY_LENGTH = {1: 9.0, 2: 9.0, 3: 3.8, 4: 3.2, 5: 2.6, 6: 2.4, 7: 2.0, 8: 1.8}
_MIN_ZIPF_LONG = 1.6


def min_zipf(length: int) -> float:
    return _MIN_ZIPF_BY_LENGTH.get(length, _MIN_ZIPF_LONG)


class Lexicon:
    """Lower-case words with a frequency byte each (Zipf x 30, 0 = unknown to wordfreq)."""

    def __init__(self, freqs: Mapping[str, int], misspellings: dict[str, str],
                 gb_to_us: dict[str, str]):
        self.freqs = freqs
        self.misspellings = misspellings
        self.gb_to_us = gb_to_us
        self.us_to_gb = {us: gb for gb, us in gb_to_us.items()}

    def __contains__(self, word: str) -> bool:
        return word in self.freqs

    def zipf(self, word: str) -> float:
        return self.freqs.get(word, 0) / 30.0

    def corrections(self, word: str) -> list[str]:
        """Corrections of a known common misspelling, best first (empty if it isn't one)."""
        found = self.misspellings.get(word)
        return [c.strip() for c in found.split(",") if c.strip()] if found else []


def _versions() -> str:
    """A cache key from the data files' sizes and times: cheaper than importlib.metadata,
    and it changes whenever a package upgrade changes the data."""
    from importlib.util import find_spec
    parts = [f"b{BUILD_VERSION}"]
    for module in ("spellchecker", "wordfreq", "codespell_lib", "symspellpy"):
        spec = find_spec(module)
        if spec is None or not spec.origin:
            parts.append(f"{module}-none")
            continue
        st = os.stat(Path(spec.origin).parent)
        origin = os.stat(spec.origin)
        parts.append(f"{module}-{st.st_mtime_ns ^ origin.st_mtime_ns:x}")
    return "_".join(parts)


# Another version's cache file is removed once no run has used it for this long: two
# installs sharing one cache directory (two virtual environments, a CI matrix) must not
# delete each other's file on every run, each then rebuilding its own (0.7 s a run).
UNUSED_FOR = 7 * 86400


def prune_cache(kind: str, keep: Path) -> None:
    """Remove this kind's cache files of other versions that no run has used for a week
    (each install or upgrade of edlint or its data writes a new one, 7.5 MB a time) and
    temporary files a killed run left behind."""
    import time

    try:
        entries = list(keep.parent.glob(f"{kind}-*"))
    except OSError:
        return
    for entry in entries:
        if entry == keep:
            continue
        stale_tmp = ".tmp" in entry.suffix and _age(entry, time) > 3600
        if (entry.suffix == ".bin" and _age(entry, time) > UNUSED_FOR) or stale_tmp:
            try:
                entry.unlink()
            except OSError:
                pass  # another run's file, or a read-only cache: not ours to fight over


def _age(path: Path, time) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def codespell_data_dir() -> Path:
    """codespell's dictionary folder, found without importing codespell_lib: its code is
    GPL-2.0-only, which can't be combined with edlint's GPL-3.0-or-later, while the
    dictionary files are CC BY-SA 3.0 data (see the README's licence section)."""
    from importlib.util import find_spec

    spec = find_spec("codespell_lib")  # a top-level package: located, not executed
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("codespell is not installed: its dictionary files are needed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _read_pairs(path: Path) -> dict[str, str]:
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            wrong, sep, right = line.rstrip("\n").partition("->")
            if sep:
                pairs[wrong.strip()] = right.strip()
    return pairs


def build() -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """Merge the packaged data (slow: about half a second)."""
    import gzip
    import json

    import spellchecker
    from wordfreq import get_frequency_dict

    core_path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(core_path, "rt", encoding="utf-8") as f:
        core = json.load(f)
    data = codespell_data_dir()
    misspellings = _read_pairs(data / "dictionary.txt")
    gb_to_us = _read_pairs(data / "dictionary_en-GB_to_en-US.txt")
    freq = get_frequency_dict("en", wordlist="large")

    # A possessive ("abbey's") is checked as its stem; a word whose apostrophe is its own
    # (o'clock, ma'am, shan't, ne'er) is a word of the lexicon: its stem is no word.
    words = {w: _frequency_byte(freq.get(w, 0.0)) for w in core if "'" not in w or not w.endswith("'s")}
    words.update(_web_words(freq, words, core, misspellings))
    # A known misspelling is never a word, whichever list let it in, unless the
    # core dictionary has it (codespell lists some rare real words).
    misspellings = {w: c for w, c in misspellings.items() if w not in core}
    # A British form the US core list also has (dialogue, grey, travelled) is fine in
    # US copy too: only the others are variants.
    gb_to_us = {gb: us for gb, us in gb_to_us.items() if gb not in core and us in core}
    for gb in gb_to_us:
        words.setdefault(gb, _frequency_byte(freq.get(gb, 0.0)))
    words = dict(sorted(words.items(), key=lambda kv: lexicon_order(kv[0])))
    return words, misspellings, gb_to_us


def lexicon_order(word: str) -> tuple:
    """The order of the lexicon's words: by first letter, then length, then the word. The
    suggester scans slices of it, and Words finds a word by binary search in it."""
    return word[0], len(word), word


def _frequency_byte(p: float) -> int:
    """wordfreq's Zipf scale (log10 of frequency per billion words) x 30, in a byte."""
    import math

    return max(1, min(255, round(30 * (math.log10(p) + 9)))) if p > 0 else 0


def _web_words(freq: dict[str, float], words: dict[str, int], core, misspellings) -> dict[str, int]:
    """wordfreq's words outside the core list that are common enough for their length."""
    import math

    found = {}
    for w, p in freq.items():
        if w in words or not w.isalpha() or w in misspellings:
            continue
        if len(w) > 3 and w.endswith("ys") and w[-3] not in "aeiou" and w[:-1] in core:
            continue  # "companys": web text is full of these plurals
        if math.log10(p) + 9 >= min_zipf(len(w)):
            found[w] = _frequency_byte(p)
    return found


_TAG = b"edlint-lexicon-2\n"


def _save(path: Path, words, misspellings, gb_to_us) -> None:
    words = dict(sorted(words.items(), key=lambda kv: lexicon_order(kv[0])))  # as Words reads them
    blob = "\n".join(words).encode("utf-8")
    payload = marshal.dumps((blob, bytes(words.values()), _buckets(misspellings),
                             _join(gb_to_us.keys()), _join(gb_to_us.values()), _word_groups(words)))
    cachefile.write(path, _TAG, payload)


def _word_groups(ordered) -> tuple:
    """(first letter, length, offset in the joined text, index of its first word, words) of
    each run of words sharing a first letter and a length, in the saved order."""
    groups: list[list] = []
    offset = 0
    for i, word in enumerate(ordered):
        if groups and groups[-1][0] == word[0] and groups[-1][1] == len(word):
            groups[-1][4] += 1
        else:
            groups.append([word[0], len(word), offset, i, 1])
        offset += len(word) + 1
    return tuple(map(tuple, groups))


def _load(path: Path, mark_used: bool = True):
    parts = marshal.loads(cachefile.read(path, _TAG, mark_used))
    if not (isinstance(parts, tuple) and len(parts) == 6 and isinstance(parts[2], dict)
            and all(isinstance(parts[i], bytes) for i in (0, 1, 3, 4)) and isinstance(parts[5], tuple)):
        raise DamagedCache(f"{path}: not a lexicon")
    blob, freq_bytes, buckets, gb, us, groups = parts
    return Words(blob.decode("utf-8"), freq_bytes, groups), Pairs(buckets), _pairs(gb, us)


def _join(strings) -> bytes:
    return "\n".join(strings).encode("utf-8")


def _pairs(keys: bytes, values: bytes) -> dict[str, str]:
    # Building dicts from split blobs is several times faster than unmarshalling dicts.
    k, v = keys.decode("utf-8").split("\n"), values.decode("utf-8").split("\n")
    if len(k) != len(v):
        raise DamagedCache(f"{len(k)} keys but {len(v)} values")
    return dict(zip(k, v))


def _buckets(pairs: dict[str, str]) -> dict[str, tuple[bytes, bytes]]:
    """The pairs grouped by the key's first two letters, each group as two blobs."""
    groups: dict[str, dict[str, str]] = {}
    for k, v in pairs.items():
        groups.setdefault(k[:2], {})[k] = v
    return {prefix: (_join(g.keys()), _join(g.values())) for prefix, g in groups.items()}


class Words(Mapping):
    """word -> frequency byte, over the words as saved, joined by newlines: ordered by first
    letter, then length, then the word itself. The words of one first letter and length
    stand at fixed intervals in the text, so a word is found by binary search among them
    without splitting the text (splitting 150,000 words cost 7 ms of a cold check, building
    their dict more than half of the lexicon's load; a one-article check looks up a few
    hundred). The list is split when asked for (the suggester scans slices of it), and after
    BUILD_DICT_AFTER lookups (an archive) the dict is built and used from then on."""

    BUILD_DICT_AFTER = 20_000

    def __init__(self, text: str, freqs: bytes, groups: tuple):
        self._text = text
        self._freqs = freqs
        self._words: list[str] | None = None
        self._dict: dict[str, int] | None = None
        self._lookups = 0
        self._groups: dict[tuple[str, int], tuple[int, int, int]] = {}
        # A damaged file fails here, not on some later lookup: the groups must tile the text.
        end, count = 0, 0
        try:
            for first, length, offset, index, n in groups:
                if offset != end or index != count or n < 1 or length < 1 or text[offset] != first:
                    raise ValueError
                self._groups[first, length] = (offset, index, n)
                end, count = offset + n * (length + 1), count + n
        except (ValueError, TypeError, IndexError):
            raise DamagedCache("lexicon: its word groups do not fit its words") from None
        if count != len(freqs):
            raise DamagedCache(f"lexicon: {count} words but {len(freqs)} frequencies")
        if end != (len(text) + 1 if count else len(text)):
            raise DamagedCache("lexicon: its word groups do not fit its words")

    @property
    def words(self) -> list[str]:
        """The words in the saved order."""
        if self._words is None:
            self._words = self._text.split("\n") if self._text else []
        return self._words

    def _index(self, word) -> int:
        """The word's position in `words`, or -1."""
        if not isinstance(word, str) or not word:
            return -1
        length = len(word)
        group = self._groups.get((word[0], length))
        if group is None:
            return -1
        offset, index, n = group
        text, step = self._text, length + 1
        lo, hi = 0, n
        while lo < hi:
            mid = (lo + hi) // 2
            at = offset + mid * step
            if text[at:at + length] < word:
                lo = mid + 1
            else:
                hi = mid
        at = offset + lo * step
        return index + lo if lo < n and text[at:at + length] == word else -1

    def _table(self) -> dict[str, int] | None:
        if self._dict is None:
            self._lookups += 1
            if self._lookups > self.BUILD_DICT_AFTER:
                self.build_table()
        return self._dict

    def built_table(self) -> dict[str, int] | None:
        """The dict, if it is built (a caller with many words to probe then probes it at C
        speed, lint.spelling.tokens), else None; asking counts no lookup."""
        return self._dict

    def build_table(self) -> None:
        """The dict now, not after BUILD_DICT_AFTER lookups (before a pool forks)."""
        if self._dict is None:
            self._dict = dict(zip(self.words, self._freqs))

    def __getitem__(self, word) -> int:
        table = self._table()
        if table is not None:
            return table[word]
        i = self._index(word)
        if i < 0:
            raise KeyError(word)
        return self._freqs[i]

    def get(self, word, default=None):
        table = self._table()
        if table is not None:
            return table.get(word, default)
        i = self._index(word)
        return self._freqs[i] if i >= 0 else default

    def __contains__(self, word) -> bool:
        table = self._table()
        if table is not None:
            return word in table
        return self._index(word) >= 0

    def __iter__(self):
        return iter(self.words)

    def __len__(self) -> int:
        return len(self._freqs)


class Pairs(Mapping):
    """codespell's misspellings (65,000 of them), decoded one group (the first two letters)
    at a time when a word of that group is first looked up: a check asks about the few
    words the lexicon lacks, and building the whole dict cost a third of the lexicon's load."""

    def __init__(self, buckets: dict[str, tuple[bytes, bytes]]):
        for keys, values in buckets.values():  # a damaged file fails now, not on some later lookup
            if not (isinstance(keys, bytes) and isinstance(values, bytes)) or keys.count(b"\n") != values.count(b"\n"):
                raise DamagedCache("misspellings: keys and corrections disagree")
        self._buckets = buckets
        self._open: dict[str, dict[str, str]] = {}

    def _group(self, prefix: str) -> dict[str, str]:
        group = self._open.get(prefix)
        if group is None:
            raw = self._buckets.get(prefix)
            group = self._open[prefix] = _pairs(*raw) if raw else {}
        return group

    def __getitem__(self, word: str) -> str:
        return self._group(word[:2])[word]

    def get(self, word, default=None):
        return self._group(word[:2]).get(word, default) if isinstance(word, str) else default

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and word in self._group(word[:2])

    def __iter__(self):
        for prefix in self._buckets:
            yield from self._group(prefix)

    def __len__(self) -> int:
        return sum(keys.count(b"\n") + 1 for keys, _ in self._buckets.values())


_LEXICON: Lexicon | None = None


@prefork.register
def _build_table() -> None:
    # A pool's workers each looked up 20,000 words by binary search, then built the dict.
    if _LEXICON is not None and isinstance(_LEXICON.freqs, Words):
        _LEXICON.freqs.build_table()


def get_lexicon() -> Lexicon:
    """The process-wide lexicon: the one installed with edlint when it was built from the
    installed data, else the user's cache, else built (and cached)."""
    global _LEXICON
    if _LEXICON is None:
        from . import prebuilt

        parts = prebuilt.load("lexicon", lambda p: _load(p, mark_used=False))
        if parts is None:
            path = cache_dir() / f"lexicon-{_versions()}.bin"
            parts = load_or_build("lexicon", path, _load, build, lambda p, built: _save(p, *built))
        _LEXICON = Lexicon(*parts)
    return _LEXICON


def load_or_build(kind: str, path: Path, load, build, save):
    """load(path); when the file is missing, unreadable or damaged, build() and save(path,
    built) it for the next run, pruning this kind's files of other versions."""
    try:
        return load(path)
    except (OSError, ValueError, EOFError, TypeError):  # missing, unreadable or damaged
        built = build()
        try:
            save(path, built)
            prune_cache(kind, path)
        except OSError:
            pass  # a read-only home: keep working, just slower
        return built
