"""Words the lexicon doesn't list but builds: closed compounds of two common
words (weeklong, teardown, roofline) and regular plurals of words it has
(logins, automations).

Misspellings rarely take these shapes, but some do ("companys", "alright"),
so the parts must be common words of four letters or more ("sent" + "ing",
"poll" + "ice" are not compounds), a prefix must stand before a word of five
letters or more ("re" + "pare" is not "repare"), and a plural must be spelled
the regular way.
"""
from __future__ import annotations

MIN_PART = 4
MIN_PREFIXED = 5
MIN_PART_ZIPF = 3.0
# Bound prefixes that make closed compounds with any word (uncrewed, hyperdrive).
PREFIXES = ("un", "re", "non", "pre", "post", "over", "under", "mid", "hyper", "super", "micro",
            "mega", "multi", "anti", "auto", "cyber", "tele", "astro", "electro", "bio", "eco",
            "geo", "semi", "sub", "inter", "counter", "out", "self")

_PREFIX_STARTS = tuple(PREFIXES)


def is_derived(word: str, lexicon) -> bool:
    return _is_plural(word, lexicon) or _is_prefixed(word, lexicon) or _is_compound(word, lexicon)


def _is_plural(word: str, lexicon) -> bool:
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return False
    base = word[:-1]
    if base.endswith("e") and word.endswith("es") and base[:-1] in lexicon and base[:-1][-1:] in "sxzh":
        return True  # boxes, wishes
    # "companys": a consonant + y takes -ies, never -ys.
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return False
    return base in lexicon and lexicon.zipf(base) >= MIN_PART_ZIPF - 1


def _is_prefixed(word: str, lexicon) -> bool:
    if not word.startswith(_PREFIX_STARTS):  # one C call rules out most words
        return False
    for prefix in PREFIXES:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix):]
        if len(rest) >= MIN_PREFIXED and rest in lexicon and lexicon.zipf(rest) >= MIN_PART_ZIPF - 0.5:
            return True
    return False


# The longest closed compound tried: two dictionary words. A longer run of letters is no
# compound, and trying every split of it costs its length squared (a 1 MB token of letters
# took minutes).
MAX_COMPOUND = 60


def _is_compound(word: str, lexicon) -> bool:
    if not 2 * MIN_PART <= len(word) <= MAX_COMPOUND:
        return False
    zipf = lexicon.zipf
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if head in lexicon and tail in lexicon and zipf(head) >= MIN_PART_ZIPF and zipf(tail) >= MIN_PART_ZIPF:
            return True
    return False
