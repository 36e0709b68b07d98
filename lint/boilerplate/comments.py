"""Reader comments under a story: a header, then who wrote what and when.

A scraped page often runs on past the story into its comment thread: "34 Comments",
then "jbaxt says:", "November 19, 2019 at 6:34 am", the comment, "Reply", and so on
for a hundred lines. Each comment is prose, so the story's stretch of prose would
swallow the thread; but its rhythm gives it away. A thread is a header line followed,
within a few lines, by at least two signal lines (an author line, a timestamp, a
Reply button), not all of them authors: "Jane Hill writes:" over each letter is a
letters column the paper publishes. It runs on while signals keep coming. The header,
author and signal patterns are data (rules/boilerplate/comment-thread.txt).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..datafile import compile_pattern, read_lines
from ..rule_files import bundled_rules_dir
from . import prebuilt_regex
from .regex_analysis import balanced
from .features import Shape

_FIRST_SIGNALS_WITHIN = 12  # lines after the header that must hold two signals
_MIN_SIGNALS = 2
_MAX_GAP = 10  # lines of comment text between two signals
_LAST_COMMENT_LINES = 4  # the last comment's text after its last signal
_PROSE_ABOVE = 2  # prose lines of the story above the header: a thread follows a story


_SECTIONS = ("header", "author", "signal")


@lru_cache(maxsize=2)
def load_thread_rules(path: str | None = None) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(header, author, signal): each section of the file joined into one expression;
    an author line is a signal too."""
    p = path or str(bundled_rules_dir() / "boilerplate" / "comment-thread.txt")
    lines = read_lines(p, sections=_SECTIONS).lines
    sections: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    for line in lines:
        sections[line.section].append(line.text)
    sections["signal"] += sections["author"]
    if all(_self_contained(line.text) for line in lines):
        # Then a line that does not compile alone makes its joined expression fail too:
        # each line is compiled alone only to name the bad one (a cold check paid twice).
        try:
            return _joined(sections)
        except re.error:
            pass
    for line in lines:
        compile_pattern(line.text, line.where)  # a bad one names its line, not the joined expression
    return _joined(sections)


def _joined(sections: dict[str, list[str]]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    return tuple(prebuilt_regex.compiled(x, re.IGNORECASE) or re.compile(x, re.IGNORECASE)
                 for x in _expressions(sections))


def _expressions(sections: dict[str, list[str]]) -> list[str]:
    return ["|".join(f"(?:{x})" for x in sections[name]) for name in _SECTIONS]


def thread_expressions(path: str | None = None) -> list[str]:
    """The (header, author, signal) expressions as load_thread_rules compiles them (what
    prebuilt_regex ships compiled)."""
    p = path or str(bundled_rules_dir() / "boilerplate" / "comment-thread.txt")
    sections: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    for line in read_lines(p, sections=_SECTIONS).lines:
        sections[line.section].append(line.text)
    sections["signal"] += sections["author"]
    return _expressions(sections)


# Group references ("\1", "(?P=name)", "(?(1)...)") may name another line's group once joined.
_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _self_contained(pattern: str) -> bool:
    """Whether `pattern` compiles alone if the joined expression holding it as `(?:pattern)`
    does: it refers to no group, and its parentheses balance outside classes and escapes
    ("a)|(b" would close the wrapping group and compile)."""
    return not _REFERENCE.search(pattern) and balanced(pattern)


def comment_thread(texts: list[str], shapes: list[Shape]) -> tuple[int, int] | None:
    """(header, last line) of the first comment thread below some of the story's prose.
    `texts` are the lines normalised as for the phrase patterns (lexicon.normalize)."""
    header, author, signal = load_thread_rules()
    n = len(texts)
    prose_above = 0
    for i in range(n):
        if shapes[i].prose:
            prose_above += 1
            continue
        if prose_above < _PROSE_ABOVE or len(texts[i]) > 300 or not header.fullmatch(texts[i]):
            continue
        signals = [j for j in range(i + 1, min(n, i + 1 + _FIRST_SIGNALS_WITHIN)) if _is_signal(texts[j], signal)]
        if len(signals) < _MIN_SIGNALS or all(_is_signal(texts[j], author) for j in signals):
            continue  # authors alone under "Responses" are letters; a thread has times or buttons
        return i, _thread_end(texts, shapes, signals[-1], header, signal)
    return _headerless(texts, shapes, header, author, signal)


def _headerless(texts, shapes, header, author, signal):
    """A thread without a header: three signals within a few lines, below the story, two
    of them authors and one a timestamp or a button."""
    n = len(texts)
    prose_above = 0
    hits: list[int] = []
    for i in range(n):
        if shapes[i].prose:
            prose_above += 1
            continue
        if prose_above < _PROSE_ABOVE or not _is_signal(texts[i], signal):
            continue
        hits = [j for j in hits if i - j <= _FIRST_SIGNALS_WITHIN] + [i]
        authors = sum(1 for j in hits if _is_signal(texts[j], author))
        # Two authors and a timestamp or button: "Jane writes:" three times over is a
        # letters column, not a comment thread.
        if len(hits) >= 3 and 2 <= authors < len(hits):
            return hits[0], _thread_end(texts, shapes, i, header, signal)
    return None


def _thread_end(texts, shapes, last: int, header, signal) -> int:
    """The thread's last line: it runs on while signals keep coming, then takes the last
    comment's text (a few lines, up to a blank or another header)."""
    n = len(texts)
    j = last + 1
    while j < n and j - last <= _MAX_GAP:
        if _is_signal(texts[j], signal):
            last = j
        j += 1
    end = last
    while end + 1 < n and end + 1 - last <= _LAST_COMMENT_LINES and shapes[end + 1].words > 0 \
            and not header.fullmatch(texts[end + 1]):
        end += 1
    return end


def _is_signal(text: str, signal: re.Pattern) -> bool:
    return len(text) <= 120 and signal.fullmatch(text) is not None
