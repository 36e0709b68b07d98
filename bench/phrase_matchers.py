"""Would a compiled multi-pattern matcher beat the phrase lexicon? (RE2 sets, Hyperscan)

    pip install google-re2 hyperscan   # not dependencies of edlint: only this script uses them
    .venv/bin/python bench/phrase_matchers.py CORPUS [--view container] [--limit N]

CORPUS is a JSON Lines file of the boilerplate benchmark. Every line of its records is
normalised as the classifier does; the printable-ASCII ones (the only lines on which a
rebuilt pattern is sure to mean what Python's re means) are matched against every
bundled phrase pattern by: the lexicon as edlint runs it (`Lexicon.match`, corpus
screens on), an RE2 set of all patterns, of the anchored ones and of those without
counted repeats, and a Hyperscan database. Prints microseconds per line (CPU), the
build time of each, and how many (pattern, line) answers differ from Python's re.

Each pattern is rebuilt for the other engines from Python's own parse of it: every
one-character part (a letter, a class, a dot) becomes the set of printable ASCII
characters Python's re accepts there, asked of re itself, so that case folding and
classes cannot differ; look-arounds, back-references, possessive and atomic parts have
no equivalent and stay out.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

try:  # private modules: without them nothing is rebuilt
    import re._compiler as _compiler
    import re._constants as _c
    import re._parser as _sre
except ImportError:  # pragma: no cover - a Python without them
    _compiler = _c = _sre = None

# The characters of the lines the rebuilt patterns see (str.isprintable() and isascii()).
PRINTABLE = tuple(chr(c) for c in range(0x20, 0x7F))
_NOTHING = r"[^\x00-\x{10FFFF}]"  # a class no character is in
_RE2_MAX_REPEAT = 1000  # RE2 refuses larger counts


class _NoEquivalent(Exception):
    """A construct RE2 has no equivalent for."""


def rebuild(pattern: str, flags: int) -> str | None:
    """`pattern` (compiled by Python with `flags`) as an RE2 pattern that accepts the same
    printable ASCII strings, or None when it cannot be rebuilt."""
    if _sre is None:
        return None
    try:
        parsed = _sre.parse(pattern, flags)
        if parsed.state.flags & _c.SRE_FLAG_LOCALE:
            return None
        return _sequence(parsed.data, parsed.state.flags)
    except (_NoEquivalent, RecursionError):
        return None
    except Exception:  # a parse this module does not know: leave the pattern to re
        return None


def _sequence(nodes, flags: int) -> str:
    return "".join(_node(op, arg, flags) for op, arg in nodes)


def _node(op, arg, flags: int) -> str:
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
        return _class(one_char_set(op, _frozen(arg), flags))
    if op is _c.BRANCH:
        return "(?:" + "|".join(_sequence(alt, flags) for alt in arg[1]) + ")"
    if op is _c.SUBPATTERN:
        _, add, remove, inner = arg
        return "(?:" + _sequence(inner, (flags | add) & ~remove) + ")"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):  # lazy or greedy: the same strings match whole
        lo, hi, inner = arg
        if lo > _RE2_MAX_REPEAT or (hi is not _c.MAXREPEAT and hi > _RE2_MAX_REPEAT):
            raise _NoEquivalent
        body = "(?:" + _sequence(inner, flags) + ")"
        if hi is _c.MAXREPEAT:
            return body + ("*" if lo == 0 else "+" if lo == 1 else "{%d,}" % lo)
        return body + ("?" if (lo, hi) == (0, 1) else "{%d,%d}" % (lo, hi))
    if op is _c.AT:
        return _anchor(arg)
    raise _NoEquivalent  # look-arounds, back-references, conditionals, possessive and atomic parts


def _anchor(at) -> str:
    # The lines hold no line break: ^ and $ (multi-line or not) are the line's ends.
    if at in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
        return r"\A"
    if at in (_c.AT_END, _c.AT_END_STRING):
        return r"\z"
    # A word boundary between ASCII characters is the same in both engines.
    if at is _c.AT_BOUNDARY:
        return r"\b"
    if at is _c.AT_NON_BOUNDARY:
        return r"\B"
    raise _NoEquivalent


def _frozen(arg):
    """A parse node's argument, hashable (class items are a list)."""
    return tuple(arg) if isinstance(arg, list) else arg


@lru_cache(maxsize=None)
def one_char_set(op, arg, flags: int) -> frozenset[str]:
    """The printable ASCII characters that the one-character node (op, arg) matches under
    `flags`, as Python's re compiles and runs it."""
    node = (op, list(arg) if op is _c.IN else arg)
    rx = _compiler.compile(_sre.SubPattern(_sre.State(), [node]), flags)
    return frozenset(ch for ch in PRINTABLE if rx.fullmatch(ch))


def _class(chars: frozenset[str]) -> str:
    if not chars:
        return _NOTHING
    codes = sorted(map(ord, chars))
    parts, start = [], codes[0]
    for prev, code in zip(codes, codes[1:] + [None]):
        if code != prev + 1:
            parts.append(r"\x{%x}" % start if start == prev else r"\x{%x}-\x{%x}" % (start, prev))
            start = code
    return "[" + "".join(parts) + "]"




def _timed(fn, items) -> tuple[list, float]:
    t = time.process_time()
    out = [fn(x) for x in items]
    return out, (time.process_time() - t) / max(1, len(items)) * 1e6


def _differences(patterns, lines, answers) -> int:
    """(pattern, line) pairs where an engine's answer is not Python's."""
    bad = 0
    for k, p in enumerate(patterns):
        rx = re.compile(p, re.IGNORECASE)
        bad += sum(1 for line, got in zip(lines, answers) if (rx.fullmatch(line) is not None) != (k in got))
    return bad


def _re2_set(rebuilt):
    import re2

    options = re2.Options()
    options.max_mem = 256 << 20
    options.log_errors = False
    s = re2.Set.FullMatchSet(options)
    for r in rebuilt:
        s.Add(r)
    s.Compile()
    return lambda line: s.Match(line) or []


def _hyperscan(rebuilt):
    import hyperscan

    flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    db = hyperscan.Database()
    db.compile(expressions=[(r"\A(?:" + r.replace(_NOTHING, r"[^\x00-\xff]") + r")\z").encode() for r in rebuilt],
               ids=list(range(len(rebuilt))), flags=flags)

    def on_match(k, start, end, flags, found):
        found.append(k)

    def match(line):
        found: list = []
        db.scan(line.encode(), match_event_handler=on_match, context=found)
        return found
    return match


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--view", default="container")
    ap.add_argument("--limit", type=int, default=None, help="lines to match (default all)")
    args = ap.parse_args()
    from lint.boilerplate.lexicon import load_lexicon, normalize
    from lint.boilerplate.lines import split_lines
    from lint.readers.plaintext import read

    with open(args.corpus, encoding="utf-8") as f:
        texts = [r["text"] for r in map(json.loads, f) if r.get("view") == args.view]
    norms = [normalize(ln.text) or ln.text for t in texts for ln in split_lines(read(t, "x.txt")[0])]
    lines = [n for n in norms if n.isascii() and n.isprintable()][:args.limit]
    print(f"{len(norms)} lines, {len(lines)} of printable ASCII used; load average {os.getloadavg()[0]:.1f}")
    lexicon = load_lexicon.__wrapped__()
    lexicon.screen_after = 0
    for line in lines[:3000]:
        lexicon.match(line)  # compiled and screened, as in a corpus run
    _, us = _timed(lexicon.match, lines)
    print(f"lexicon (Python re, screens): {us:.1f} us/line")
    everything = [p for p, _ in lexicon._anchored] + lexicon._floating
    rebuilt = {p.text: rebuild(p.text, re.IGNORECASE) for p in everything}
    print(f"patterns: {len(everything)}, rebuilt: {sum(1 for r in rebuilt.values() if r)}")
    floating = {p.text for p in lexicon._floating}
    counted = re.compile(r"\{\d*,?\d*\}")
    subsets = {"all": [t for t, r in rebuilt.items() if r],
               "anchored": [t for t, r in rebuilt.items() if r and t not in floating],
               "no counted repeats": [t for t, r in rebuilt.items() if r and not counted.search(t)]}
    engines = {"RE2 set": _re2_set, "Hyperscan": _hyperscan}
    for engine, build in engines.items():
        for name, chosen in subsets.items():
            if engine == "Hyperscan":
                if name != "all":
                    continue
                # Hyperscan refuses a pattern that can never match a byte string.
                chosen = [p for p in chosen if _NOTHING not in rebuilt[p]]
            try:
                t = time.process_time()
                fn = build([rebuilt[p] for p in chosen])
                built = time.process_time() - t
            except Exception as e:  # not installed, or a pattern it refuses
                print(f"{engine} ({name}): {type(e).__name__}: {str(e)[:80]}")
                continue
            answers, us = _timed(fn, lines)
            print(f"{engine} ({name}, {len(chosen)} patterns): built in {built:.2f} s, {us:.1f} us/line, "
                  f"{_differences(chosen, lines, answers)} answers differing from re")


if __name__ == "__main__":
    main()
