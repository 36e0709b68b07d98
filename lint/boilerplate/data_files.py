"""Reading the boilerplate pack's data files, with one error naming file and line.

The pack's knowledge is text an editor can extend: phrase files
(`phrases/<kind>.txt`, one pattern a line, `#! sentences` to let a file's patterns
match prose), `html-context.txt` (KIND<tab>PATTERN), `comment-thread.txt` (patterns
under `[header]`, `[author]` and `[signal]`) and the line model's weights
(`_line-model.toml`). Every one is read here: blank lines and `#` comments skipped,
each kept line with the place it was written, and every problem raised as a
`DataFileError` whose message starts with `file:line:`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


class DataFileError(ValueError):
    """A data file the boilerplate pack cannot use: `where` is "file:line" (or the file
    alone when no line is to blame), `problem` what is wrong there."""

    def __init__(self, where: str, problem: str):
        self.where, self.problem = where, problem
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class DataLine:
    text: str  # the line as written, without its line break
    where: str  # "file:line", for errors
    section: str | None = None  # the `[section]` it sits under, in a file that has them


@dataclass(frozen=True, slots=True)
class DataFile:
    lines: list[DataLine]
    directives: frozenset[str]  # the `#! name` lines the file holds, of those asked for


def read_data_file(path: str | Path, sections: tuple[str, ...] = (), directives: tuple[str, ...] = ()) -> DataFile:
    """The lines of a data file, blank lines and `#` comments left out. `#! NAME` lines
    for a NAME in `directives` are collected; in a file with `sections`, a `[NAME]` line
    opens a section and every other line must sit under one."""
    kept: list[DataLine] = []
    found: set[str] = set()
    current = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            text = raw.rstrip("\n")
            stripped = text.strip()
            if stripped.startswith("#!") and stripped[2:].strip() in directives:
                found.add(stripped[2:].strip())
                continue
            if not stripped or stripped.startswith("#"):
                continue
            if sections and stripped.startswith("[") and stripped[1:-1] in sections and stripped.endswith("]"):
                current = stripped[1:-1]
                continue
            if sections and current is None:
                listed = ", ".join(f"[{s}]" for s in sections)
                raise DataFileError(f"{path}:{n}", f"a line outside the {listed} sections")
            kept.append(DataLine(text, f"{path}:{n}", current))
    return DataFile(kept, frozenset(found))


def compile_pattern(pattern: str, where: str | None, flags: int = re.IGNORECASE) -> re.Pattern:
    """`pattern` compiled; a bad one raises a DataFileError at `where` (or naming the
    pattern itself when it was not read from a file)."""
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise DataFileError(where or repr(pattern), f"bad pattern: {e}") from None


def read_toml(path: str | Path) -> dict:
    """A TOML data file; a syntax error names the file and its line."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"at line (\d+)", str(e))
        raise DataFileError(f"{path}:{line.group(1)}" if line else str(path), f"bad TOML: {e}") from None


def line_of(path: str | Path, key: str) -> str:
    """"file:line" of the first line that sets `key` in a TOML file ("file" when none
    does), for an error about a value that parsed but cannot be used."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
                return f"{path}:{n}"
    return str(path)
