"""substitution: flag a wrong form and suggest the right one (Vale's `substitution`).

Parameters:
  swap        table of wrong -> right; a right side may be a list (best first).
              The first right form becomes the fix, the others extra suggestions.
  regex       the wrong sides are regular expressions and the right sides may use
              group references (\\1, \\g<name>) (default: false: literal phrases,
              a space matching any run of whitespace); a pattern that doesn't
              compile or runs out of time is skipped with a warning
  ignorecase  match regardless of case (default: true); a literal match's
              capitalisation carries over to the suggestion ("Added bonus" -> "Bonus")
  nonword     regex mode: don't add word boundaries around the patterns (default: false)
  safe        whether `edlint fix` may apply the fix unasked (default: true)
  exceptions  regular expressions; a match that fully matches one is not flagged
  skip_quotations  don't flag matches inside direct quotations (default: unset,
              which means true for style rules; see quotations.py)
  screen      regex mode: strings of which every match contains one, as written
              (case counts): a block with none is not searched, and the patterns
              are compiled (and checked) only when a block has one (default: none)

The message may use {match} (the text found) and {suggestion} (the best right form).
A fix is offered only where the match is verbatim in the source (not an entity,
not split by markup), and it replaces exactly the match.

    id = "style.redundancy"
    type = "substitution"
    message = "Redundant: use “{suggestion}” instead of “{match}”."
    [params]
    swap = { "added bonus" = "bonus", "past history" = "history" }

fails:  "His past history was known."   (fix: "His history was known.")
passes: "His history was known."
"""
from __future__ import annotations

from ..params import Param
from ..patterns import IGNORECASE, warn
from ._text import (IGNORECASE_PARAM, LEAVE_OUT_PARAMS, SCREEN_PARAM, compile_phrases, format_message,
                    guarded_list, guarded_one, match_case, normalize_phrase, replacement_fix, screened,
                    word_bounded)
from .base import Rule
from .quotations import unquoted


class Substitution(Rule):
    PARAMS = {
        "swap": Param("swap-table", {}, "What to replace -> the replacement, or a list of them best first."),
        "regex": Param("bool", False, "The keys of swap are regular expressions."),
        "ignorecase": IGNORECASE_PARAM,
        "nonword": Param("bool", False, "Keys may match inside words."),
        "safe": Param("bool", True, "The fix is safe: `edlint fix` may apply it."),
        "screen": SCREEN_PARAM,
        **LEAVE_OUT_PARAMS,
    }

    def setup(self) -> None:
        p = self.params
        self._flags = IGNORECASE if p["ignorecase"] else 0
        self._swap = {k: ([v] if isinstance(v, str) else list(v)) for k, v in p["swap"].items()}
        self._exceptions = guarded_list(self, "exceptions", self._flags)
        self._screen = tuple(p["screen"]) if p["regex"] else ()
        self._rules: list | None = None
        self._literal = None
        if p["regex"]:
            if not self._screen:  # compiled now, as the rule loads: a bad pattern is reported at once
                self._compiled_rules()
        else:
            self._rules = []
            self._literal = compile_phrases(self._swap, p["ignorecase"], self, "swap")
            self._lookup = {normalize_phrase(k, p["ignorecase"]): v for k, v in self._swap.items()}

    def _compiled_rules(self) -> list:
        """The regex mode's (pattern, right forms), compiled once: at setup, or with a screen
        when the first block that passes it is searched."""
        if self._rules is None:
            wrap = None if self.params["nonword"] else word_bounded
            self._rules = []
            for k, v in self._swap.items():
                rx = guarded_one(self, "swap", k, self._flags, wrap)
                if rx is not None and self._templates_work(rx, v):
                    self._rules.append((rx, v))
        return self._rules

    @staticmethod
    def _templates_work(rx, rights: list[str]) -> bool:
        """False (and a warning) when a right side names a group the pattern doesn't have
        ("\\2" with one group) or ends in a lone backslash: found now, not mid-run."""
        import regex

        # The pattern or nothing: always matches "", with the pattern's groups (all unset).
        empty = regex.compile(f"(?:{rx.rx.pattern})|", rx.rx.flags).match("")
        for r in rights:
            try:
                empty.expand(r)
            except (regex.error, IndexError, TypeError) as e:
                warn(f"{rx.where}: the replacement {r!r} of {rx.shown!r} can't be used: {e}; "
                     f"the pattern is skipped")
                return False
        return True

    def _matches(self, text: str):
        """(start, end, matched text, right forms), left to right, without overlaps."""
        found = []
        if self._literal is not None:
            for m in self._literal.finditer(text):
                rights = self._lookup.get(normalize_phrase(m.group(0), self.params["ignorecase"]))
                if rights:
                    found.append((m.start(), m.end(), m.group(0), [match_case(r, m.group(0)) for r in rights]))
        for rx, rights in (self._compiled_rules() if screened(self._screen, text) else ()):
            for m in rx.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), m.group(0), [m.expand(r) for r in rights]))
        found.sort(key=lambda f: (f[0], -f[1]))
        last_end = -1
        for f in found:
            if f[0] < last_end or any(e.fullmatch(f[2]) for e in self._exceptions):
                continue
            last_end = f[1]
            yield f

    def check(self, doc, ctx):
        for block in doc.blocks:
            for start, end, wrong, rights in unquoted(self, block.text, self._matches(block.text),
                                                      span=lambda f: f[:2]):
                if rights and rights[0] == wrong:
                    continue  # the rule file maps a form onto itself: nothing to change
                s, e = block.source_span(start, end)
                best = rights[0] if rights else ""
                fix = None
                if rights:
                    fix = replacement_fix(block, start, end, best, f"Replace with “{best}”",
                                          safe=bool(self.params["safe"]))
                yield self.finding(
                    s, e, format_message(self.spec.message, match=wrong, suggestion=best),
                    suggestions=tuple(rights), fix=fix)
