"""Bytes to text: UTF-8 fast path, byte-order marks, legacy encodings, binary files.

A byte-order mark is stripped, so offsets (and columns) count from the first
character after it, as editors show them. Invalid UTF-8 is not fatal: the file
is read in its declared encoding (the `encoding` option, or an HTML
`<meta charset>` / XML declaration), else in the detected one, and a warning
names the file and the encoding used. NUL bytes or mostly control characters
mean a binary file, which is reported and not checked.

`decode_file` also says which encoding was used and how it was chosen, so that
`edlint fix` writes a file back in the encoding it was read in, and refuses to
rewrite one whose encoding was only a guess.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
# Control bytes that never appear in text (tab, LF, VT, FF, CR and ESC do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.I)


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read, so that `fix` can write it back byte for byte."""
    text: str
    codec: str  # Python codec name the text was decoded with (after any byte-order mark)
    bom: bytes = b""
    how: str = "utf-8"  # "utf-8", "bom", "declared", or a guess: "detected", "fallback"
    warnings: tuple[str, ...] = ()

    @property
    def guessed(self) -> bool:
        return self.how in ("detected", "fallback")


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """(text, warnings) of a file's bytes; raises InputError for binary or undecodable data."""
    d = decode_file(data, path, encoding)
    return d.text, list(d.warnings)


def decode_file(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """The text of a file's bytes and the encoding it was read in; raises InputError for
    binary or undecodable data."""
    if not data:
        return Decoded("", "utf-8")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom):], bom, codec, path)
    if _looks_binary(data[:_SNIFF]):
        raise InputError(path, "binary file, not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problem = f"not valid UTF-8 ({e.reason} at byte {e.start})"
    else:
        return Decoded(text, _ascii_declaration(data, text, encoding) or "utf-8")
    text, codec, how = _legacy(data, encoding)
    return Decoded(text, codec, b"", how, (f"{path}: {problem}; read as {codec} ({how})",))


def _decode_bom(body: bytes, bom: bytes, codec: str, path: str) -> Decoded:
    try:
        return Decoded(body.decode(codec), codec, bom, "bom")
    except UnicodeDecodeError as e:
        if codec != "utf-8":
            raise InputError(path, f"starts with a {codec.upper()} byte-order mark but is not "
                                   f"valid {codec.upper()} ({e.reason} at byte {e.start})") from None
        problem = f"not valid UTF-8 after its byte-order mark ({e.reason} at byte {e.start})"
    text, used, how = _legacy(body, None)
    return Decoded(text, used, bom, how, (f"{path}: {problem}; read as {used} ({how})",))


def _ascii_declaration(data: bytes, text: str, encoding: str | None) -> str | None:
    """A declared legacy encoding of a file whose bytes are also valid UTF-8 (plain ASCII,
    mostly): the text is the same either way, but a fix must be written in the declared one."""
    if not text.isascii():
        return None
    for name in _declared(data, encoding):
        codec = _codec(name)
        if codec and codec != "utf-8":
            try:
                if data.decode(codec) == text:
                    return codec
            except UnicodeDecodeError:
                continue
    return None


def _declared(data: bytes, encoding: str | None) -> list[str]:
    declared = [encoding] if encoding else []
    m = _DECLARED.search(data[:2048])
    if m:
        declared.append((m.group(1) or m.group(2)).decode("ascii"))
    return declared


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(8, len(head) // 10)


def _legacy(data: bytes, encoding: str | None) -> tuple[str, str, str]:
    """(text, codec, how it was chosen) for data that is not UTF-8."""
    for name in _declared(data, encoding):
        codec = _codec(name)
        if codec is None or codec == "utf-8":
            continue
        try:
            return data.decode(codec), codec, "declared"
        except UnicodeDecodeError:
            continue
    try:
        # Western text that is mostly ASCII: windows-1252 (a superset of Latin-1 in its
        # printable range) is by far the likeliest, and detectors guess poorly on short texts.
        text = data.decode("cp1252")
        letters = [c for c in text[:65536] if c.isalpha()]  # a sample is enough
        foreign = sum(1 for c in letters if ord(c) > 127)
        if letters and foreign * 5 < len(letters):
            return text, "cp1252", "detected"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, "detected"
    return data.decode("latin-1"), "latin-1", "fallback"
