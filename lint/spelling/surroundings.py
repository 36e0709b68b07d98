"""Where a word stands in its sentence: the evidence, besides the word itself,
that says whether it is a name and whether a correction may be applied unseen.

- a title-case run: a capitalised word next to another capitalised word
  ("Oleg Gordievsky", "Agence France Presse", "Colgan, Dodds, Kenneth") is a
  name, even at the start of a sentence;
- a list after a colon or semicolon ("Subs: Hislop; Cudicini") starts with a
  name, not a sentence;
- a word cut by a character reference ("caf&#233;") is half a word;
- a word next to another word the lexicon doesn't know is likely part of a
  foreign name or phrase ("Cadena Ser", "joie de vivre");
- a word alone in quotation marks is a term being introduced ("liberati"),
  and a capitalised word before a colon or semicolon is a label or a name in a
  list ("Att: 47,111", "Delport; Pieters").
"""
from __future__ import annotations

import re

# The word after `end` (skipping spaces and one comma: "Colgan, Dodds") and the word
# before `start` (spaces only).
_NEXT_WORD = re.compile(r"[ \t]*,?[ \t]*([^\W\d_][\w'’]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w'’]*)[ \t]+$")  # no comma: "Later, Blinkin" is no run
_ENTITY_AFTER = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_ENTITY_BEFORE = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});$")


def _is_capitalised_word(word: str) -> bool:
    # "I", "I'm" and one-letter words say nothing about a name.
    return len(word) > 1 and word[0].isupper() and not re.match(r"I['’]", word)


def in_title_case_run(text: str, start: int, end: int) -> bool:
    """The capitalised word at text[start:end] has a capitalised neighbour in the
    same sentence: the word after it, or the word before it (with no sentence end
    between)."""
    after = _NEXT_WORD.match(text, end)
    if after and _is_capitalised_word(after.group(1)):
        return True
    before = _PREV_WORD.search(text, max(0, start - 60), start)
    if before and _is_capitalised_word(before.group(1)):
        return True
    # An initial before a surname: "S Horgan" (not "A" or "I", which are words).
    return bool(re.search(r"(?:^|[\s(])[B-HJ-Z][ \t]$", text[max(0, start - 3):start]))


def after_list_mark(text: str, start: int) -> bool:
    """The word follows a colon or semicolon directly (no quote mark opens a sentence)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] in ":;"


def touches_entity(text: str, start: int, end: int) -> bool:
    """The word is glued to a character reference: "caf&#233;", "B&#233;ziers"."""
    return bool(_ENTITY_AFTER.match(text, end) or _ENTITY_BEFORE.search(text, max(0, start - 10), start))


def hyphenated_whole(text: str, start: int, end: int) -> str:
    """The whole hyphenated compound around text[start:end], hyphens removed ("preempt")."""
    s, e = start, end
    while s > 0 and (text[s - 1].isalpha() or (text[s - 1] == "-" and s > 1 and text[s - 2].isalpha())):
        s -= 1
    n = len(text)
    while e < n and (text[e].isalpha() or (text[e] == "-" and e + 1 < n and text[e + 1].isalpha())):
        e += 1
    return text[s:e].replace("-", "")


def adjacent(text: str, first_end: int, second_start: int) -> bool:
    """Two words with only spaces (or a hyphen) between them."""
    gap = text[first_end:second_start]
    return len(gap) <= 3 and all(c in " \t-" for c in gap)


_QUOTES = {"\"": "\"", "“": "”", "‘": "’", "'": "'"}


def in_quotes_alone(text: str, start: int, end: int) -> bool:
    """The word is all there is between a pair of quotation marks: 'a "liberati" set'."""
    if start == 0 or end >= len(text):
        return False
    close = _QUOTES.get(text[start - 1])
    return close is not None and text[end] == close


def before_list_mark(text: str, end: int) -> bool:
    """The word is followed directly by a colon or semicolon."""
    return end < len(text) and text[end] in ":;"
