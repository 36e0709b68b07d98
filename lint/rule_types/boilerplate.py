"""Boilerplate: text a scraper or CMS left in the article (menus, share bars, credits...).

`boilerplate` rules report the lines the shared classifier (lint/boilerplate/)
put in their `kind`; one rule per kind so a newsroom can turn one off. Each
finding covers the whole line and carries a safe fix that deletes it with the
blank line beside it. `extra-phrases` lets a rule file or the config add
whole-line patterns of its own (same syntax as rules/boilerplate/phrases/).

`boilerplate-repeated` is a corpus rule: a line that recurs, nearly verbatim,
in many of the articles checked together is template text.
"""
from __future__ import annotations

import hashlib
import math
import re
from typing import Iterable, Iterator

from ..finding import Finding
from ..document import Document
from ..params import Param
from ..patterns import IGNORECASE, guarded, rule_where
from ._text import guarded_one
from .base import CheckContext, CorpusRule, Rule


_analyse = None  # classifier.analyse, imported on first use (start-up stays cheap)


def _analysis(doc: Document):
    # Every boilerplate rule asks for every document's analysis: an import statement per
    # call (a microsecond of import machinery) would cost more than the cached answer.
    global _analyse
    if _analyse is None:
        from ..boilerplate.classifier import analyse

        _analyse = analyse
    return _analyse(doc)


def _removals(doc: Document, analysis) -> dict[int, tuple[int, int]]:
    key = "boilerplate.removals"
    spans = doc.cache.get(key)
    if spans is None:
        from ..boilerplate.removal import removal_spans

        spans = doc.cache[key] = removal_spans(analysis.lines, set(analysis.findings))
    return spans


def _by_kind(doc: Document, analysis) -> dict[str, list]:
    """The findings of the analysis by kind, each list in line order: one sort for the
    document, not one per rule."""
    key = "boilerplate.by-kind"
    by_kind = doc.cache.get(key)
    if by_kind is None:
        by_kind = doc.cache[key] = {}
        for i, finding in sorted(analysis.findings.items()):
            by_kind.setdefault(finding.kind, []).append((i, finding))
    return by_kind


class Boilerplate(Rule):
    excludes_lines = True  # readability and LanguageTool skip the lines it flags
    PARAMS = {
        "kind": Param("string", "", "Which kind of line the rule reports (default: the rule id's name)."),
        "what": Param("string", "", "The kind as the message names it."),
        "extra-phrases": Param("strings", [], "Whole-line patterns of your own (syntax of the phrase files)."),
    }

    def setup(self) -> None:
        self.kind = self.params["kind"] or self.id.split(".", 1)[1]
        self.what = self.params["what"] or self.kind.replace("-", " ")
        # Each phrase is compiled on its own first, so a broken one costs only itself (one warning).
        extra = [p for p in self.params["extra-phrases"]
                 if guarded_one(self, "extra-phrases", p, IGNORECASE) is not None]
        self.extra = guarded("|".join(f"(?:{p})" for p in extra), IGNORECASE,
                             rule_where(self, "extra-phrases", extra[0]), shown="(extra-phrases)") if extra else None

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        analysis = _analysis(doc)
        spans = _removals(doc, analysis)
        found = _by_kind(doc, analysis).get(self.kind, ())
        if found:  # most kinds have no line in most documents: no import for them
            from ..boilerplate.removal import removal_fix

            for i, finding in found:
                yield self._finding(doc, finding.line, spans[i], finding.why, removal_fix)
        if self.extra is not None:
            from ..boilerplate.lexicon import normalize
            from ..boilerplate.removal import removal_fix, removal_spans

            for line in analysis.lines:
                if line.index not in analysis.findings and self.extra.fullmatch(normalize(line.text)):
                    span = removal_spans(analysis.lines, {line.index})[line.index]
                    yield self._finding(doc, line, span, "extra phrase", removal_fix)

    def _finding(self, doc, line, span, why, removal_fix) -> Finding:
        return self.finding(line.start, line.end, self.spec.message.format(text=_short(line.text), why=why),
                            fix=removal_fix(doc, line, span, self.what),
                            data={"kind": self.kind, "evidence": why})


class RepeatedLine(CorpusRule):
    """Lines that recur in at least `min-count` documents and `min-share` of the run."""

    PARAMS = {
        "min-count": Param("int", 3, "Articles a line must recur in.", minimum=1),
        "min-share": Param("number", 0.25, "Share of the run's articles a line must recur in.",
                           minimum=0, maximum=1),
        "max-words": Param("int", 30, "Longer lines are never template text.", minimum=1),
        "min-chars": Param("int", 4, "Shorter lines are ignored.", minimum=0),
    }

    def collect(self, doc: Document, ctx: CheckContext) -> list[tuple[int, int, int, int, int]]:
        from ..boilerplate.removal import removal_span

        analysis = _analysis(doc)
        lines, findings = analysis.lines, analysis.findings
        max_words, min_chars = self.params["max-words"], self.params["min-chars"]
        out, seen, seen_texts = [], set(), set()
        for line in lines:
            if line.index in findings:
                continue  # already reported under its own kind
            text = line.text
            if text in seen_texts:
                continue  # its key is in `seen` already, or it has none
            seen_texts.add(text)
            key = _template_key(text, max_words, min_chars)
            if key is None or key in seen:
                continue
            seen.add(key)
            out.append((key, line.start, line.end, *removal_span(lines, line.index)))
        return out

    def finish(self, collected, ctx: CheckContext) -> Iterable[tuple[int, Finding]]:
        from ..finding import Fix, TextEdit

        settings = ctx.settings.get("boilerplate", {})
        min_count = settings.get("corpus-min-count", self.params["min-count"])
        min_share = settings.get("corpus-min-share", self.params["min-share"])
        docs = len(collected)
        need = max(min_count, math.ceil(min_share * docs))
        counts: dict[int, int] = {}
        for _, items in collected:
            for item in items:
                counts[item[0]] = counts.get(item[0], 0) + 1
        for n, items in collected:
            for key, start, end, s, e in items:
                count = counts[key]
                if count >= need:
                    fix = Fix((TextEdit(s, e, ""),), safe=True, description="Remove the template line")
                    yield n, self.finding(start, end, self.spec.message.format(count=count, documents=docs),
                                          fix=fix, data={"count": count})


_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
# The same folding for an ASCII line as bytes, without a regular expression: letters in
# lower case, digits "0", anything else a space (for ASCII characters \w is a letter, a
# digit or "_"); and each byte as a space or not, to count the words without split().
_ASCII_FOLD = bytes(c | 0x20 if chr(c).isalpha() else 48 if chr(c).isdigit() else 32 for c in range(128)) + bytes(128)
_ASCII_SPACE = bytes(32 if chr(c).isspace() else 97 for c in range(128)) + bytes(128)
_blake2b = hashlib.blake2b


# Typography that folds to a space as any other mark does (none of it a letter, a digit or
# "_", none of it changed by lower()): a line with no other character outside ASCII is
# folded as its UTF-8 bytes, each byte outside ASCII a space (the regular expressions cost
# several times more); `_NOT_TYPOGRAPHY` finds the lines that hold another.
_TYPOGRAPHY = "’‘“”–—…\xa0•·»«"
_NOT_TYPOGRAPHY = re.compile(f"[^\\x00-\\x7f{_TYPOGRAPHY}]")
_TYPOGRAPHY_FOLD = _ASCII_FOLD[:128] + b" " * 128


def _template_key(text: str, max_words: int, min_chars: int) -> int | None:
    """A stable 64-bit key for "the same line": case, digits, punctuation and spacing
    don't count ("3 comments" and "12 Comments" are one template)."""
    if text.isascii():
        raw = text.encode()
        # At most 2 * max_words characters cannot hold more than max_words words.
        if len(raw) > 2 * max_words and (b" " + raw.translate(_ASCII_SPACE)).count(b" a") > max_words:
            return None
        folded = raw.translate(_ASCII_FOLD)
    else:
        # At most max_words splits: a long paragraph's words are not all made strings.
        if len(text) > 2 * max_words and len(text.split(None, max_words)) > max_words:
            return None
        if _NOT_TYPOGRAPHY.search(text) is not None:
            folded = _NOT_WORD.sub(" ", _DIGITS.sub("0", text.lower())).strip()
            if len(folded) < min_chars:  # characters, not bytes
                return None
            return int.from_bytes(_blake2b(folded.encode(), digest_size=8).digest(), "big")
        # Every character outside ASCII is typography, a space once folded: so is each byte
        # of its UTF-8 form.
        folded = text.encode().translate(_TYPOGRAPHY_FOLD)
    norm = b" ".join(folded.split())
    while b"00" in norm:  # a run of digits is one "0"
        norm = norm.replace(b"00", b"0")
    if len(norm) < min_chars:
        return None
    # Not hash(): it differs between the worker processes that collect.
    return int.from_bytes(_blake2b(norm, digest_size=8).digest(), "big")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
