"""Make untrusted text safe to print on one line of human-readable output.

File names, messages and quoted text come from contributors (and from a
LanguageTool server): a raw newline in a file name would start a new output
line, and a line that begins with `::` is a workflow command to GitHub Actions
(`::error file=README.md::…`); an ESC sequence drives the terminal. Every
human-readable writer (the text report, stderr messages, `stats`, `vocab`,
`config`) passes such text through `printable`, and lines that begin with a
name through `printable_path`, so only edlint writes a line that starts with `::`.
"""
from __future__ import annotations

import re

# C0 controls (tab and newline included), DEL, C1 controls, the Unicode line and
# paragraph separators, and the bidirectional overrides that can disguise a name.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """`text` with every control character shown as a backslash escape (`\\n`, `\\x1b`)."""
    text = str(text)
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


def starts_a_command(line: str) -> bool:
    # GitHub's runner trims leading whitespace before it looks for "::".
    return line.lstrip().startswith("::")


def printable_path(path: str) -> str:
    """A path for the start of a line: escaped, and "./" in front of a relative name
    that would otherwise begin the line with `::` (it still names the same file)."""
    path = printable(path)
    return "./" + path if starts_a_command(path) else path


def printable_line(line: str) -> str:
    """Any line of untrusted text: escaped, and a leading `::` shown as `\\x3a:`."""
    line = printable(line)
    if starts_a_command(line):
        i = line.index("::")
        line = line[:i] + "\\x3a" + line[i + 1:]
    return line
