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
from .regex_analysis import _alternatives, balanced, contained_keywords, trie_pattern
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
    below = _below_story(shapes)
    for i in below:
        if len(texts[i]) > 300 or not header.fullmatch(texts[i]):
            continue
        signals = [j for j in range(i + 1, min(n, i + 1 + _FIRST_SIGNALS_WITHIN)) if _is_signal(texts[j], signal)]
        if len(signals) < _MIN_SIGNALS or all(_letters_signature(texts[j], author) for j in signals):
            # Authors alone under "Responses" are letters; a thread has times or buttons,
            # or, under a header that can only be a thread's, its writers' names alone.
            end = _names_over_comments(texts, shapes, i) if _THREAD_ONLY_HEADER.fullmatch(texts[i]) else None
            if end is not None:
                return i, end
            continue
        return i, _thread_end(texts, shapes, signals[-1], header, signal)
    return _headerless(texts, shapes, below, header, author, signal)


def _below_story(shapes: list[Shape]) -> list[int]:
    """The lines a thread's header or signals may be: short ones with some of the story's
    prose above them."""
    out, prose_above = [], 0
    for i, s in enumerate(shapes):
        if s.prose:
            prose_above += 1
        elif prose_above >= _PROSE_ABOVE:
            out.append(i)
    return out


# Headers that only a comment thread prints: a count of comments, a closed thread's notice,
# "Reader comments", "Post a comment", "Have your say". (Not "Reactions", "Responses" or
# "Discussion" alone: an article's own section can be called that, with the names of the
# people it quotes over their words.)
_THREAD_ONLY_HEADER = re.compile(
    r"(\d[\d,]*|no|one|two|three) (reader )?comments?( .{1,200})?|(reader|readers.?) comments( .{1,200})?"
    r"|comments? \(\d+\)|comments (are|have been) (now )?closed( (for|on) this (story|article|post|entry))?"
    r"|(leave|post|add|write|submit) (a|your) comment( .{1,200})?|have your say( .{1,200})?", re.I)
_NAMES_MIN_COMMENTS = 3  # names over comments: this many make a thread
_NAME_WORDS = 5  # a writer's name or handle ("Frank @ Toronto", "Jim McB")
_COMMENT_LINES = 6  # lines of one comment's text


def _names_over_comments(texts, shapes, header_at: int) -> int | None:
    """The last line of a thread under `header_at` whose comments carry nothing but their
    writer's name on the line above ("Jane R" / her comment / "Frank @ Toronto" / his ...),
    when at least three such comments follow the header at once; None otherwise."""
    n = len(texts)
    j, comments, end = header_at + 1, 0, None
    while j < n and _writers_name(texts[j], shapes[j]):
        k = j + 2  # the comment's first line, whatever its shape ("The Billion Dollar Man,")
        while k < n and k - j <= _COMMENT_LINES and not _writers_name(texts[k], shapes[k]):
            k += 1
        k = min(k, n)
        if not any(shapes[x].prose for x in range(j + 1, k)):
            break  # a list of names, not names over comments
        comments, end, j = comments + 1, k - 1, k
    return end if comments >= _NAMES_MIN_COMMENTS else None


def _writers_name(text: str, s: Shape) -> bool:
    """A short line that does not end like a sentence or a label: a name or a handle.
    (`text` is normalised, its closing marks stripped: the shape read them.)"""
    return 1 <= s.words <= _NAME_WORDS and not (s.prose or s.sentence or s.label) and len(text) <= 40


def _headerless(texts, shapes, below, header, author, signal):
    """A thread without a header: three signals within a few lines, below the story, two
    of them authors and one a timestamp or a button."""
    # Without two author lines there is none (most pages): looking for them is far
    # cheaper than the signal test of every line below.
    if not _two_authors([texts[i] for i in below], author):
        return None
    hits: list[int] = []
    for i in below:
        if not _is_signal(texts[i], signal):
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


def _letters_signature(text: str, author: re.Pattern) -> bool:
    """An author line without a time in it ("Jane Hill writes:"): a letters column signs
    its letters so; a comment's "Posted by jbaxt on 01/14/08" is dated."""
    return _is_signal(text, author) and not any(c.isdigit() for c in text)


def _two_authors(texts: list[str], author: re.Pattern) -> bool:
    """Whether two of `texts` match `author`. Once it is screened, its keywords are looked
    for in all the ASCII lines at once: on most pages none of them holds one."""
    found = _screens.get(id(author))
    if found is not None and found[1].none_in_ascii(texts):
        texts = [t for t in texts if not t.isascii()]
    authors = (t for t in texts if _is_signal(t, author))
    return next(authors, None) is not None and next(authors, None) is not None


def _is_signal(text: str, signal: re.Pattern) -> bool:
    if len(text) > 120:
        return False
    found = _screens.get(id(signal))
    if found is None:
        global _tests
        _tests += 1
        if _tests <= SCREEN_AFTER:
            return signal.fullmatch(text) is not None
        found = _screens[id(signal)] = (signal, _SignalScreen(signal))
    return found[1].fullmatch(text)


# A corpus run tries the signal expression on most short lines below the story's first
# prose; after this many tests (more than one article's) it is screened (_SignalScreen).
SCREEN_AFTER = 2000
_tests = 0
_screens: dict[int, tuple] = {}  # id of an expression -> (the expression, its screen)


class _SignalScreen:
    """Whether a line fully matches `rx` (lines of the thread file joined by "|"), trying
    its alternatives that hold one of a few keywords on every match (regex_analysis's
    contained_keywords: "reply", " ago", " says"...) only on a line that holds one, found
    by one search of the lowered line, and the others (a date alone) on every line. A
    line matches the whole when it matches one alternative. Exact for ASCII lines; other
    lines, and an expression whose alternatives refer to groups, are matched whole."""

    def __init__(self, rx: re.Pattern):
        self.rx, self.keyword, self.every_match_keyed = rx, None, False
        alternatives = _alternatives(rx.pattern)
        if "|".join(alternatives) != rx.pattern or any(_REFERENCE.search(a) for a in alternatives):
            return
        screened, rest, keywords = [], [], set()
        for alternative in alternatives:
            found = contained_keywords(alternative)
            if found:
                screened.append(alternative)
                keywords.update(found)
            else:
                rest.append(alternative)
        if not screened:
            return
        self.keyword = re.compile(trie_pattern(sorted(keywords))).search
        self.screened = re.compile("|".join(screened), rx.flags).fullmatch
        self.rest = re.compile("|".join(rest), rx.flags).fullmatch if rest else None
        # Every match holds a keyword, and none holds a line break: lines joined by line
        # breaks hold a keyword when one of them does.
        self.every_match_keyed = not rest and not any("\n" in k for k in keywords)

    def none_in_ascii(self, texts: list[str]) -> bool:
        """True when no ASCII line among `texts` can match (none holds a keyword); False
        when that is not known."""
        return self.every_match_keyed and self.keyword("\n".join(t for t in texts if t.isascii()).lower()) is None

    def fullmatch(self, text: str) -> bool:
        if self.keyword is None or not text.isascii():
            return self.rx.fullmatch(text) is not None
        return ((self.rest is not None and self.rest(text) is not None)
                or (self.keyword(text.lower()) is not None and self.screened(text) is not None))
