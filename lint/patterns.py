"""Regular expressions from rule files and configs, run with a time limit.

A rule pack's pattern such as `(a+)+$` makes Python's `re` backtrack for ever
on a line of forty a's and a "!", and a CI job must never stall on content. So
every pattern a rule type compiles from its parameters, bundled or not, goes
through here: it is compiled by the `regex` package (the syntax of `re`, and
3-5x faster than `re` on the long phrase alternations of the bundled rules) and
each search gets a time budget. A pattern that doesn't compile, or that runs
out of time, is reported once, naming the rule file and the rule, and dropped;
the rest of the run goes on.

Why not RE2, which is linear by construction: it has no look-arounds, and every
word-bounded pattern here is `(?<!\\w)(?:...)(?!\\w)`; and its \\w, \\s and \\b
are ASCII-only, so "café" and a no-break space would match differently.

Warnings are kept per process and taken by the engine after each file, so a
worker's warning reaches the report too (the engine keeps one per message).
"""
from __future__ import annotations

import re
from time import process_time

IGNORECASE = re.IGNORECASE  # the same flag value in `regex`; `regex` itself is imported on first use

# What a pattern may spend, over the whole run: a start-up share plus a share per
# character it searched. A bundled pattern searches 1 MB in about 0.05 s, so only
# one that backtracks gets near, and however the text is split into blocks, no
# pattern costs more than linear time in the text checked.
BASE_SECONDS = 1.0
SECONDS_PER_MB = 4.0
# Unused allowance carried to the next search, at most: a long run's savings must
# not let one hostile block late in the run stall it for minutes.
MAX_SAVED_SECONDS = 5.0

_pending: list[str] = []
_reported: set[str] = set()


class PatternError(ValueError):
    """A pattern that does not compile; the message names where it was written and why."""


def warn(message: str) -> None:
    """Record a warning for the run, once per process."""
    if message not in _reported:
        _reported.add(message)
        _pending.append(message)


def take_warnings() -> list[str]:
    """The warnings recorded since the last call (the engine adds them to the run's notices)."""
    out = _pending[:]
    del _pending[:]
    return out


def compile_pattern(pattern, flags: int = 0, where: str = "a pattern", shown: str | None = None):
    """`pattern` compiled, or PatternError naming `where` and the pattern as written (`shown`)."""
    if not isinstance(pattern, str):
        raise PatternError(f"{where}: a pattern must be a string, not {type(pattern).__name__}")
    import regex

    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as e:
        raise PatternError(f"{where}: invalid regular expression "
                           f"{shown if shown is not None else pattern!r}: {e}") from None


class GuardedPattern:
    """A compiled pattern that gives up (and warns once) instead of running for ever.

    Each search is given what is left of the pattern's allowance (BASE_SECONDS plus
    SECONDS_PER_MB for every MB it has searched, less the time it has used, with at
    most MAX_SAVED_SECONDS carried over) as the `regex` timeout; the timeout counts the process's CPU time and spans a whole
    finditer. When it runs out, the pattern matches nothing for the rest of the
    process: a pattern that backtracks on one block would on the next one too.
    """

    __slots__ = ("rx", "where", "shown", "dropped", "_left")

    def __init__(self, rx, where: str, shown: str):
        self.rx = rx
        self.where = where  # "rules/house/x.toml: rule house.x, parameter 'patterns'"
        self.shown = shown  # the pattern as the user wrote it (before word boundaries were added)
        self.dropped = False
        self._left = BASE_SECONDS

    @property
    def groups(self) -> int:
        return self.rx.groups

    def finditer(self, text: str) -> list:
        """Every match, as a list."""
        found = self._run(self.rx.finditer, text, list)
        return found if found is not None else []

    def fullmatch(self, text: str):
        return self._run(self.rx.fullmatch, text)

    def search(self, text: str):
        return self._run(self.rx.search, text)

    def _run(self, method, text: str, collect=None):
        if self.dropped:
            return None
        self._left = min(self._left, MAX_SAVED_SECONDS) + SECONDS_PER_MB * len(text) / 1_000_000
        # CPU time, as the regex timeout counts it: wall time would drain the allowance on a
        # busy machine and drop sound patterns (with their findings) for waiting for a core.
        start = process_time()
        try:
            found = method(text, timeout=max(self._left, 0.001))
            return collect(found) if collect is not None else found
        except TimeoutError:
            self._give_up(len(text))
            return None
        finally:
            self._left -= process_time() - start

    def _give_up(self, length: int) -> None:
        self.dropped = True
        warn(f"{self.where}: pattern {self.shown!r} ran out of time (on a text of {length:,} "
             f"characters) and is skipped for the rest of the run; it backtracks without end, "
             f"as a repeat inside a repeat such as (x|xx)+ does: rewrite it")


def guarded(pattern, flags: int = 0, where: str = "a pattern", shown: str | None = None,
            ) -> GuardedPattern | None:
    """A GuardedPattern, or None (and one warning) when `pattern` does not compile.

    For rule parameters: a broken pattern costs the rule that one pattern, never the run."""
    try:
        rx = compile_pattern(pattern, flags, where, shown)
    except PatternError as e:
        warn(f"{e}; the pattern is skipped")
        return None
    return GuardedPattern(rx, where, shown if shown is not None else pattern)


def rule_where(rule, name: str, value) -> str:
    """Where a rule's pattern was written: the rule file, or the config that set the parameter."""
    written_in_file = _holds(rule.spec.params.get(name), value)
    source = rule.spec.path if written_in_file else "the configuration's [rules] table"
    return f"{source}: rule {rule.id}, parameter '{name}'"


def _holds(container, value) -> bool:
    """True when `value` is `container` or sits anywhere inside it (list items, table keys and values)."""
    if container == value:
        return True
    if isinstance(container, dict):
        return any(_holds(k, value) or _holds(v, value) for k, v in container.items())
    if isinstance(container, (list, tuple)):
        return any(_holds(x, value) for x in container)
    return False
