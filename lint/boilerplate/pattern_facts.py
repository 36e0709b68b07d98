"""What regex_analysis.py reads off each phrase pattern, kept on disk between runs.

The lexicon needs, for every pattern, the characters and literal openings a match
starts with, and for floating patterns the keywords every match contains. Reading
them off hundreds of patterns (CPython's regex parser, in Python) costs a cold
one-article `edlint check` more than checking the article does; the answers depend
only on the pattern's text, the analyser's code and the Python version, so they are
computed once and stored in the cache directory under a name made of those two.
A missing, unreadable or damaged file is rebuilt; a pattern the file does not hold
(new phrase data, an editor's own phrase directory) is analysed and added.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

from . import regex_analysis

# The facts, by name, and how each is computed when the file does not hold it.
_COMPUTE = {
    "first": regex_analysis.first_chars,
    "prefixes": regex_analysis.prefixes,
    "keywords": regex_analysis.keywords,
    "contained": regex_analysis.contained_keywords,
}
_MISSING = object()
# Entries kept beyond the current lexicon's (older phrase data): the file stays small.
_KEEP_OTHERS = 2000


def _file_name() -> str:
    """The analyser's source and the Python version (its parser is private): a change of
    either is a new file, so a stale answer is never read."""
    h = hashlib.blake2b(digest_size=8)
    h.update(sys.version.encode())
    h.update(b"\0")
    h.update(Path(regex_analysis.__file__).read_bytes())
    return f"boilerplate-facts-{h.hexdigest()}.bin"


class PatternFacts:
    """`get(name, pattern)`: the stored fact, else computed (and stored by `save`)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._tables: dict[str, dict] = {name: {} for name in _COMPUTE}
        self._used: dict[str, set] = {name: set() for name in _COMPUTE}
        self.computed = 0  # facts not found in the file
        self._found = False  # the file was there and read
        if path is not None:
            try:
                stored = marshal.loads(path.read_bytes())
                if isinstance(stored, dict) and all(isinstance(stored.get(n), dict) for n in _COMPUTE):
                    self._tables = {name: stored[name] for name in _COMPUTE}
                    self._found = True
            except (OSError, ValueError, EOFError, TypeError):
                pass  # missing, unreadable or damaged: rebuilt as patterns are asked for

    def get(self, name: str, pattern: str):
        table = self._tables[name]
        self._used[name].add(pattern)
        value = table.get(pattern, _MISSING)
        if value is _MISSING:
            value = table[pattern] = _COMPUTE[name](pattern)
            self.computed += 1
        return value

    def save(self) -> None:
        """Write the file when some fact was computed (atomically: another run may read it)."""
        if self.path is None or not self.computed:
            return
        tables = {}
        for name, table in self._tables.items():
            used = self._used[name]
            others = [p for p in table if p not in used][:_KEEP_OTHERS]
            tables[name] = {p: table[p] for p in [*used, *others]}
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(marshal.dumps(tables))
            os.replace(tmp, self.path)
            if not self._found:  # a new file: the files of other analysers or Pythons, unused for a week, go
                from ..spelling.lexicon import prune_cache

                prune_cache(self.path.name.rsplit("-", 1)[0], self.path)
                self._found = True
        except (OSError, ValueError):  # a read-only cache: the facts are computed again next run
            try:
                tmp.unlink()
            except OSError:
                pass
        self.computed = 0


def stored_facts() -> PatternFacts:
    from ..cache_home import cache_dir

    try:
        path = cache_dir() / _file_name()
    except OSError:
        path = None
    return PatternFacts(path)
