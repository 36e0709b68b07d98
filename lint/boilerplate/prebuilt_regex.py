"""The bundled phrase patterns compiled when the wheel is built: a cold check only reads them.

Python's `re` compiles a pattern in Python code (parse, then emit the matcher's code);
a cold one-article check paid about 12 ms for the few phrase patterns and the comment
thread's expressions its lines met. The emitted code is plain integers: hatch_build.py
compiles every bundled phrase pattern (and the thread's joined expressions) once, keeps
what `re` hands its C matcher, and a run gives that to the matcher directly
(`_sre.compile`, the call `re` itself ends with). Each entry is checked at build time to
give a pattern equal to `re.compile`'s (the same flags and code).

That call is private to CPython, so the file is named by a key of the Python version and
the matcher's own version numbers: under another Python the file is not found, and on any
surprise (a missing entry, a changed call) the pattern is compiled as before. The answer
is the same either way; only the compilation is spared. Nothing is written at run time.
"""
from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

from .. import shipped

try:  # CPython's matcher: without it, every pattern is compiled as usual
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation
    _sre = None

DIRECTORY = Path(__file__).parent / "data"

_shipped: list[dict] = []  # read once per process


def key() -> str:
    """Of the Python and its matcher: the code is theirs."""
    return "-".join(map(str, (sys.implementation.name, *sys.version_info[:3], getattr(_sre, "MAGIC", 0),
                              getattr(_sre, "CODESIZE", 0), sys.maxunicode)))


def path(directory: Path = DIRECTORY) -> Path:
    return directory / f"compiled-patterns-{key()}.bin"


def load(directory: Path = DIRECTORY) -> dict:
    """(pattern, flags) -> the marshalled matcher arguments; {} when there is no file for
    this Python (or it is damaged)."""
    return {} if _sre is None else shipped.read(path(directory))


def compiled(pattern: str, flags: int) -> re.Pattern | None:
    """`re.compile(pattern, flags)` from the shipped code, or None when there is none for it."""
    if not _shipped:
        _shipped.append(load())
    found = _shipped[0].get((pattern, int(flags)))
    if found is None:
        return None
    try:
        return _sre.compile(pattern, *marshal.loads(found))
    except Exception:  # a damaged entry, or a changed call: compile as usual
        return None


def _arguments(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands _sre.compile after `pattern` itself."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def write(directory: Path, patterns) -> Path:
    """The code of `patterns` ((pattern, flags) pairs) into `directory` (the wheel-build
    step), removing files of other keys there. A pattern that does not compile, or whose
    code does not give a pattern equal to re.compile's, is left out."""
    directory.mkdir(parents=True, exist_ok=True)
    data = {}
    for pattern, flags in sorted(set((p, int(f)) for p, f in patterns)):
        try:
            args = _arguments(pattern, flags)
            if _sre.compile(pattern, *args) != re.compile(pattern, flags):
                continue
            data[pattern, flags] = marshal.dumps(args)
        except Exception:  # a bad pattern: it fails at run time as before, naming its line
            continue
    return shipped.write(path(directory), data, "compiled-patterns")


def bundled_patterns() -> list[tuple[str, int]]:
    """What a check compiles of the bundled boilerplate pack: each phrase pattern, and the
    comment thread's joined expressions."""
    from .comments import thread_expressions
    from .pattern_facts import bundled_patterns as phrases

    return [(p, re.IGNORECASE) for p in phrases()] + [(x, re.IGNORECASE) for x in thread_expressions()]
