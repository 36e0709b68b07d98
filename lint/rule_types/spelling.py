"""spelling: report the words the spelling pass (lint/spelling/) found, and rejected terms.

`spelling` parameters:
  kinds   which findings of the pass this rule reports: "misspelling" (a known
          common misspelling with its correction), "unknown" (not in the
          lexicon), "name" (a name spelled differently elsewhere in the same
          article), "variant" (a British spelling in US copy or the reverse)
  fix     offer a safe fix when there is exactly one correction (default: false)
  words   more words to accept, case-insensitively: units, Latin tags, news
          jargon the lexicon lacks (a list, usually "file:NAME.txt")

The message may use {word} (the word as written) and {suggestion} (the best
correction, or nothing). The pass runs once per document and all spelling
rules share it; settings come from the config's [spelling] table:
min-length (3), check-names (false: capitalised names are not checked),
suggestions (5).

`rejected-term` flags every occurrence of the project's rejected terms
(`[vocabulary] reject`, plus the rule's own `terms` parameter),
case-insensitively; an entry starting with `re:` is a regular expression.

    id = "spelling.misspelling"
    type = "spelling"
    level = "error"
    message = "“{word}” is misspelled: “{suggestion}”."
    [params]
    kinds = ["misspelling"]
    fix = true

fails:  "The results were freindly."   passes: "The results were friendly."
"""
from __future__ import annotations

import re

from ..params import Param
from ._text import format_message, replacement_fix
from .base import Rule

KINDS = ("misspelling", "unknown", "name", "variant")


class Spelling(Rule):
    PARAMS = {
        "kinds": Param("strings", ["unknown"], "Which findings of the spell checker this rule reports.",
                       choices=KINDS),
        "fix": Param("bool", False, "Offer the best suggestion as a safe fix."),
        "words": Param("strings", [], "More words to accept."),
    }

    def setup(self) -> None:
        bad = set(self.params["kinds"]) - set(KINDS)
        if bad:
            raise ValueError(f"rule {self.id}: unknown kind {sorted(bad)[0]!r}; kinds are {', '.join(KINDS)}")
        self._kinds = frozenset(self.params["kinds"])
        self._words = frozenset(w.lower() for w in self.params["words"])

    def check(self, doc, ctx):
        from ..spelling.checker import document_findings

        for f in document_findings(doc, ctx):
            if f.kind not in self._kinds or f.word.lower() in self._words:
                continue
            start, end = f.block.source_span(f.start, f.end)
            best = f.suggestions[0] if f.suggestions else ""
            fix = None
            if self.params["fix"] and len(f.suggestions) == 1:
                fix = replacement_fix(f.block, f.start, f.end, best, f"“{f.word}” → “{best}”")
            message = format_message(self.spec.message, word=f.word, suggestion=best, language=ctx.language,
                                     variant="US" if ctx.language.lower().startswith("en-gb") else "British")
            yield self.diagnostic(start, end, message,
                                  suggestions=tuple(f.suggestions), fix=fix)


class RejectedTerm(Rule):
    PARAMS = {"terms": Param("strings", [], "Terms always reported (besides [vocabulary] reject).")}

    def check(self, doc, ctx):
        pattern = _reject_pattern(tuple(self.params["terms"]) + tuple(ctx.reject), self)
        if pattern is None:
            return
        for block in doc.blocks:
            for m in pattern.finditer(block.text):
                if m.end() > m.start():
                    s, e = block.source_span(m.start(), m.end())
                    yield self.diagnostic(s, e, format_message(self.spec.message, word=m.group(0)))


_PATTERNS: dict[tuple, object] = {}


def _reject_pattern(terms: tuple[str, ...], rule):
    """One guarded alternation of the rejected terms (lint/patterns.py); a `re:` term that
    doesn't compile is left out with a warning (the config's own are checked when it loads)."""
    from ..patterns import IGNORECASE, compile_pattern, guarded, PatternError, warn

    if terms not in _PATTERNS:
        where = f"{rule.spec.path}: rule {rule.id} (its terms and the vocabulary's reject list)"
        parts = []
        for term in sorted(terms, key=len, reverse=True):
            body = term[3:] if term.startswith("re:") else r"\s+".join(map(re.escape, term.split()))
            if body and term.startswith("re:"):
                try:
                    compile_pattern(body, IGNORECASE, where, shown=term)
                except PatternError as e:
                    warn(f"{e}; the term is skipped")
                    continue
            if body:
                parts.append(rf"(?<![\w'’-])(?:{body})(?![\w-])")
        _PATTERNS[terms] = guarded("|".join(parts), IGNORECASE, where, shown="(rejected terms)") if parts else None
    return _PATTERNS[terms]
