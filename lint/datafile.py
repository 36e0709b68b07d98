"""The one reader of edlint's data files, with one error naming the file and the line.

Every file a rule pack holds is read here: rule files and the line model (TOML), word
and phrase lists (one entry a line), and the boilerplate pack's line files
(`html-context.txt`, `comment-thread.txt` with `[sections]`, phrase files with
`#! directives`). Blank lines and `#` comments are skipped, each kept line knows the
place it was written, and every problem is a `DataFileError` whose message starts with
`file:line:` (or `file:` when no line is to blame). A configuration file is read by the
same TOML reader; `config.py` turns its error into a `ConfigError`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import EdlintError


class DataFileError(EdlintError, ValueError):
    """A data file edlint cannot use: `where` is "file:line" (or the file alone when no
    line is to blame), `problem` what is wrong there. A ValueError too, for callers
    that caught the errors of the readers this one replaced."""

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


def _text(path: str | Path) -> str:
    """The file's text, decoded as UTF-8."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise DataFileError(str(path), f"cannot read: {e.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise DataFileError(f"{path}:{line}", "not UTF-8 text") from None
    return text


def read_lines(path: str | Path, sections: tuple[str, ...] = (), directives: tuple[str, ...] = ()) -> DataFile:
    """The lines of a data file, blank lines and `#` comments left out. `#! NAME` lines
    for a NAME in `directives` are collected; in a file with `sections`, a `[NAME]` line
    opens a section and every other line must sit under one."""
    kept: list[DataLine] = []
    found: set[str] = set()
    current = None
    # Lines end as text-mode reading ends them: at \n, \r\n or a lone \r.
    for n, text in enumerate(_text(path).replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
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


def read_list(path: str | Path) -> list[str]:
    """A word or phrase list: one entry a line, stripped of surrounding white space."""
    return [line.text.strip() for line in read_lines(path).lines]


def read_toml(path: str | Path) -> dict:
    """A TOML file's table; a syntax error names the file and its line."""
    text = _text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # tomllib says "(at line N, column M)", or "(at end of document)": its last line.
        line = re.search(r"at line (\d+)", str(e))
        n = line.group(1) if line else text.rstrip("\n").count("\n") + 1
        raise DataFileError(f"{path}:{n}", f"invalid TOML: {e}") from None


def line_of(path: str | Path, key: str) -> str:
    """"file:line" of the first line that sets `key` in a TOML file ("file" when none
    does), for an error about a value that parsed but cannot be used."""
    setting = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    try:
        lines = _text(path).split("\n")
    except DataFileError:
        return str(path)
    for n, line in enumerate(lines, 1):
        if setting.match(line):
            return f"{path}:{n}"
    return str(path)


def compile_pattern(pattern: str, where: str | None, flags: int = re.IGNORECASE) -> re.Pattern:
    """`pattern` compiled; a bad one raises a DataFileError at `where` (or naming the
    pattern itself when it was not read from a file)."""
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise DataFileError(where or repr(pattern), f"bad pattern: {e}") from None
