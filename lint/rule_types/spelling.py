"""spelling: report the words the spelling pass (lint/spelling/) found, and rejected terms.

`spelling` parameters:
  kinds   which findings of the pass this rule reports: "misspelling" (a known
          common misspelling with its correction), "unknown" (not in the
          lexicon), "name" (a name spelled differently elsewhere in the same
          article), "variant" (with language en-US or en-GB: a spelling of the
          other variety), "mix" (with language "auto": a spelling against the
          variety most of the article's own variant spellings are in)
  fix     offer a fix when there is exactly one correction; it is safe only
          where the pass judged it so (default: false)
  words   more words to accept, case-insensitively: units, Latin tags, news
          jargon the lexicon lacks (a list, usually "file:NAME.txt"); for the
          variant kinds, words that count for neither variety
  no-suggest  words never offered as a suggestion, still accepted when written

Suggestions are spelled the way the article spells (British or US), or, with no
variant spelling to go by, the configured way; a respelled correction is never
a safe fix. The message may use {word} (the word as written), {suggestion} (the
best correction, or nothing: `message-without-suggestion` is the message then, when set), {variant} (the variety of the word) and
{language} (the configured language, or for "mix" the article's variety). The pass runs once per document and all spelling
rules share it; settings come from the config's [spelling] table:
min-length (3), check-names (false: capitalised names are not checked),
suggestions (5), report-repeats (false: an unknown word is reported at its
first use in an article only; `edlint vocab` turns it on to count uses),
max-unknown-words (5000: past that many words outside the lexicon, the pass
stops with one "limit" finding, reported by the rule whose kinds include "unknown").

`rejected-term` flags every occurrence of the project's rejected terms
(`[vocabulary] reject`, plus the rule's own `terms` parameter),
case-insensitively; an entry starting with `re:` is a regular expression.

    id = "spelling.misspelling"
    type = "spelling"
    severity = "warning"
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

KINDS = ("misspelling", "unknown", "name", "variant", "mix")
_VARIETY_NAMES = {"gb": "British", "us": "US"}


class Spelling(Rule):
    PARAMS = {
        "kinds": Param("strings", ["unknown"], "Which findings of the spell checker this rule reports.",
                       choices=KINDS),
        "fix": Param("bool", False, "Offer the best suggestion as a fix (safe only where the checker says so)."),
        "words": Param("strings", [], "More words to accept (for the variant kinds: words of neither variety)."),
        "no-suggest": Param("strings", [], "Words never offered as a suggestion, still accepted when written."),
        "message-without-suggestion": Param("string", "", "The message when there is no suggestion to offer "
                                                          "(empty: `message`, with {suggestion} empty)."),
        "oxford": Param("bool", True, "British copy may use -ize (Oxford spelling: organize, realization); "
                                      "-yse stays British (analyse)."),
    }

    def setup(self) -> None:
        bad = set(self.params["kinds"]) - set(KINDS)
        if bad:
            raise ValueError(f"rule {self.id}: unknown kind {sorted(bad)[0]!r}; kinds are {', '.join(KINDS)}")
        self._kinds = frozenset(self.params["kinds"])
        self._words = frozenset(w.lower().replace("’", "'") for w in self.params["words"])
        self._no_suggest = frozenset(w.lower() for w in self.params["no-suggest"])

    def check(self, doc, ctx):
        from ..spelling.checker import document_findings

        findings = self._considered(document_findings(doc, ctx))
        copy_variety = _variety_of_copy(findings, ctx.language)
        # Corrections are spelled the way the article spells; without a variant spelling
        # to go by, the configured way.
        own_variety = _variety_of_copy(findings, "auto") or copy_variety
        for f in findings:
            if f.kind == "limit":
                if "unknown" in self._kinds:
                    yield self._limit_finding(f, ctx)
                continue
            kind = self._reported_kind(f, ctx.language, copy_variety)
            if kind is not None:
                yield self._finding(f, kind, ctx.language, copy_variety, own_variety)

    def _considered(self, found) -> list:
        """The pass's findings this rule looks at. Variants count for the copy's variety
        whatever this rule reports; other kinds only when reported (a page of unknown
        words is not looked at by each rule)."""
        kinds, words = self._kinds, self._words
        return [f for f in found
                if (f.kind in kinds or f.kind == "variant" or f.kind == "limit")
                and (not words or f.kind == "limit" or f.word.lower().replace("’", "'") not in words)]

    def _reported_kind(self, f, language: str, copy_variety: str | None) -> str | None:
        """The kind `f` is reported as by this rule ("variant" becomes "variant", "mix" or
        nothing), or None."""
        kind = f.kind
        if kind == "variant":
            kind = _variant_kind(f, language, copy_variety)
            if kind and copy_variety == "gb" and self.params["oxford"] and is_oxford_form(f.word, f.suggestions):
                return None
        return kind if kind in self._kinds else None

    def _finding(self, f, kind: str, language: str, copy_variety: str | None, own_variety: str | None):
        start, end = f.block.source_span(f.start, f.end)
        if kind == "variant" or kind == "mix":
            suggestions, changed = list(f.suggestions), False
        else:
            suggestions, changed = _in_variety(f.suggestions, own_variety)
        suggestions = [s for s in suggestions if s.lower() not in self._no_suggest]
        best = suggestions[0] if suggestions else ""
        fix = None
        if self.params["fix"] and f.safe and not changed and len(suggestions) == 1:
            fix = replacement_fix(f.block, f.start, f.end, best, f"“{f.word}” → “{best}”")
        other = "gb" if f.variety == "us" else "us"
        # "Did you mean “”?" says nothing: a rule file gives the message without a suggestion.
        template = (self.params["message-without-suggestion"] or self.spec.message) if not best else self.spec.message
        message = format_message(template, word=f.word, suggestion=best,
                                 language=language if kind == "variant" else _VARIETY_NAMES.get(copy_variety, ""),
                                 variant=_VARIETY_NAMES.get(f.variety or other, ""))
        return self.finding(start, end, message, suggestions=tuple(suggestions), fix=fix)

    def _limit_finding(self, f, ctx):
        """Where the pass stopped on a document with too many words outside the lexicon
        (lint/spelling/checker.py): said once, by the rule that reports unknown words."""
        from ..spelling.checker import MAX_UNKNOWN_WORDS

        limit = ctx.settings.get("spelling", {}).get("max-unknown-words", MAX_UNKNOWN_WORDS)
        start, end = f.block.source_span(f.start, f.end)
        return self.finding(start, end, f"Spelling stopped here: this document has more than {limit:,} "
                                           f"words outside the lexicon, too many to be prose; the rest is not "
                                           f"checked ([spelling] max-unknown-words).")


def is_oxford_form(word: str, suggestions) -> bool:
    """"organize" beside the British "organise": the -ize of Oxford spelling, which the OED
    and many British publishers use. Only -iz- for -is-: "analyze" for "analyse" is US."""
    lower = word.lower()
    if not suggestions or "iz" not in lower:
        return False
    gb = suggestions[0].lower()
    return len(gb) == len(lower) and any(
        lower[i:i + 2] == "iz" and gb == lower[:i] + "is" + lower[i + 2:] for i in range(len(lower) - 1))


def _variety_of_copy(findings, language: str) -> str | None:
    """The variety the copy is held to: the configured one, or with "auto" the one
    most of the document's own variant spellings are in."""
    from ..spelling.varieties import AUTO, document_variety, variety_of

    variety = variety_of(language)
    if variety != AUTO:
        return variety
    return document_variety(f for f in findings if f.kind == "variant")


def _in_variety(suggestions, variety: str | None) -> tuple[list[str], bool]:
    """Suggestions spelled the article's way: in British copy "favorite" becomes
    "favourite", "favorite" (and the reverse); True when one was respelled, so that
    an editor chooses (a computer "program" is British too)."""
    if variety is None:
        return list(suggestions), False
    from ..text import match_case
    from ..spelling.lexicon import get_lexicon

    lexicon = get_lexicon()
    table = lexicon.us_to_gb if variety == "gb" else lexicon.gb_to_us
    out, changed = [], False
    for s in suggestions:
        other = table.get(s.lower())
        if other:
            out.append(match_case(other, s))
            changed = True
        out.append(s)
    return list(dict.fromkeys(out))[: max(len(suggestions), 2)], changed


def _variant_kind(f, language: str, copy_variety: str | None) -> str | None:
    """"variant": the other variety than the configured language's; "mix": with
    "auto", a spelling against the document's own majority; None: neither."""
    from ..spelling.varieties import AUTO, variety_of

    if f.variety == copy_variety:
        return None
    return "mix" if variety_of(language) == AUTO else "variant"


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
                    yield self.finding(s, e, format_message(self.spec.message, word=m.group(0)))


_PATTERNS: dict[tuple, object] = {}


def _reject_pattern(terms: tuple[str, ...], rule):
    """One guarded alternation of the rejected terms (lint/patterns.py); a `re:` term that
    doesn't compile is left out with a warning (the config's own are checked when it loads)."""
    from ..patterns import IGNORECASE, compile_pattern, PatternError, warn
    from ._text import PhrasePattern

    if terms not in _PATTERNS:
        where = f"{rule.spec.path}: rule {rule.id} (its terms and the vocabulary's reject list)"
        parts = []
        # Literal terms only: compiled when a text may hold one (lint/rule_types/_text.py).
        literal = None if any(t.startswith("re:") for t in terms) else [t for t in terms if t.split()]
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
        _PATTERNS[terms] = PhrasePattern("|".join(parts), True, where, literal,
                                         shown="(rejected terms)") if parts else None
    return _PATTERNS[terms]
