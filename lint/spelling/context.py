"""The neighbouring words: how likely a candidate is after the previous word
and before the next one, from symspellpy's packaged Google n-gram counts
(82,765 words and 243,342 word pairs).

Probabilities use "stupid backoff": a pair the list doesn't have scores as
0.4 x the candidate's unigram probability. Loaded once per process, from a
compact cache like the lexicon's (a few milliseconds), only when a suggestion
is needed.
"""
from __future__ import annotations

import marshal
import math
from array import array
from bisect import bisect_left
from pathlib import Path

from . import cachefile
from .lexicon import _versions, cache_dir, load_or_build

LOG_BACKOFF = math.log10(0.4)
LOG_FLOOR = 4.0  # counts below the lists' cut-off (10^4) are all treated alike


class _LogCounts:
    """Sorted keys with log10 counts (x1000, as unsigned shorts): loads in a few
    milliseconds from the cache, looked up by binary search."""

    def __init__(self, keys: list[str], logs: array):
        self.keys = keys
        self.logs = logs

    def get(self, key: str) -> float | None:
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return self.logs[i] / 1000.0
        return None


class BigramModel:
    def __init__(self, unigrams: _LogCounts, bigrams: _LogCounts, log_total: float):
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.log_total = log_total

    def _unigram_lp(self, word: str) -> float:
        lc = self.unigrams.get(word)
        return LOG_BACKOFF + max(lc if lc is not None else 0.0, LOG_FLOOR) - self.log_total

    def left(self, prev: str, word: str) -> float:
        """log10 P(word | prev); 0 when there is no previous word."""
        return self._given(prev, word) if prev else 0.0

    def right(self, word: str, nxt: str) -> float:
        """log10 P(next | word); 0 when there is no next word."""
        return self._given(word, nxt) if nxt else 0.0

    def _given(self, first: str, second: str) -> float:
        """log10 P(second | first): the pair's count over the first word's, or the backoff."""
        pair = self.bigrams.get(f"{first} {second}")
        count = self.unigrams.get(first)
        if pair is not None and count is not None:
            return pair - count
        return self._unigram_lp(second)


def _build() -> tuple[dict[str, int], dict[str, int]]:
    import symspellpy

    base = Path(symspellpy.__file__).parent
    unigrams: dict[str, int] = {}
    with open(base / "frequency_dictionary_en_82_765.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                unigrams[parts[0]] = int(parts[1])
    bigrams: dict[str, int] = {}
    with open(base / "frequency_bigramdictionary_en_243_342.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                bigrams[f"{parts[0]} {parts[1]}"] = int(parts[2])
    return unigrams, bigrams


def _pack(counts: dict[str, int]) -> tuple[bytes, bytes]:
    keys = sorted(counts)
    logs = array("H", (round(1000 * math.log10(max(counts[k], 1))) for k in keys))
    return "\n".join(keys).encode("utf-8"), logs.tobytes()


def _unpack(keys: bytes, logs: bytes) -> _LogCounts:
    values = array("H")
    values.frombytes(logs)
    return _LogCounts(keys.decode("utf-8").split("\n"), values)


_MODEL: BigramModel | None = None


def get_model() -> BigramModel:
    global _MODEL
    if _MODEL is None:
        from . import prebuilt

        _MODEL = prebuilt.load("bigrams", lambda p: _load(p, mark_used=False))
        if _MODEL is None:
            path = cache_dir() / f"bigrams-{_versions()}.bin"
            _MODEL = load_or_build("bigrams", path, _load, _build_model, _save)
    return _MODEL


def _build_model() -> BigramModel:
    unigrams, bigrams = _build()
    log_total = math.log10(sum(unigrams.values()) or 1)
    (uk, uv), (bk, bv) = _pack(unigrams), _pack(bigrams)
    return BigramModel(_unpack(uk, uv), _unpack(bk, bv), log_total)


def _save(path: Path, model: BigramModel) -> None:
    u, b = model.unigrams, model.bigrams
    cachefile.write(path, _TAG, marshal.dumps((model.log_total, "\n".join(u.keys).encode("utf-8"), u.logs.tobytes(),
                                               "\n".join(b.keys).encode("utf-8"), b.logs.tobytes())))


_TAG = b"edlint-bigrams\n"


def _load(path: Path, mark_used: bool = True) -> BigramModel:
    parts = marshal.loads(cachefile.read(path, _TAG, mark_used))
    if not (isinstance(parts, tuple) and len(parts) == 5 and isinstance(parts[0], float)
            and all(isinstance(p, bytes) for p in parts[1:])):
        raise cachefile.DamagedCache(f"{path}: not a bigram model")
    log_total, uk, uv, bk, bv = parts
    unigrams, bigrams = _unpack(uk, uv), _unpack(bk, bv)
    if len(unigrams.keys) != len(unigrams.logs) or len(bigrams.keys) != len(bigrams.logs):
        raise cachefile.DamagedCache(f"{path}: keys and counts disagree")
    return BigramModel(unigrams, bigrams, log_total)
