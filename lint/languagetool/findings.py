"""LanguageTool matches turned into `grammar.*` findings."""
from __future__ import annotations

import re

from ..finding import Finding, Fix, TextEdit

# LanguageTool's issue types (ITS 2.0 localization quality issue types) -> severity.
# The rule file's `params.severity` overrides entries; others get the rule's severity.
DEFAULT_SEVERITY = {
    "misspelling": "error",
    "grammar": "error",
    "duplication": "warning",
    "typographical": "warning",
    "whitespace": "info",
    "style": "info",
    "register": "info",
    "uncategorized": "info",
}
MAX_SUGGESTIONS = 5

_NON_ID = re.compile(r"[^a-z0-9]+")


def edlint_rule_id(lt_id: str) -> str:
    """"EN_A_VS_AN" -> "grammar.en-a-vs-an": stable, lower-case, hyphenated."""
    return "grammar." + (_NON_ID.sub("-", lt_id.lower()).strip("-") or "unknown")


def to_finding(match: dict, span: tuple[int, int, bool], severity: dict[str, str],
               default_severity: str) -> Finding:
    """`span` is the match's (source start, source end, verbatim) in its document."""
    rule = match["rule"]
    category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    issue = str(rule.get("issueType") or "uncategorized")
    suggestions = tuple(r["value"] for r in match.get("replacements") or ()
                        if isinstance(r, dict) and isinstance(r.get("value"), str))[:MAX_SUGGESTIONS]
    start, end, verbatim = span
    fix = None
    if suggestions and verbatim:
        # LanguageTool proposes, a person decides: never applied by `edlint fix` on its own.
        fix = Fix((TextEdit(start, end, suggestions[0]),), safe=False,
                  description=f"Replace with “{suggestions[0]}”")
    urls = rule.get("urls") or ()
    url = urls[0].get("value", "") if urls and isinstance(urls[0], dict) else ""
    return Finding(
        rule=edlint_rule_id(rule["id"]),
        message=str(match.get("message") or rule.get("description") or rule["id"]).strip(),
        start=start, end=end,
        severity=severity.get(issue, default_severity),
        suggestions=suggestions, fix=fix,
        data={
            "description": str(rule.get("description") or ""),
            "lt_rule": rule["id"],
            "lt_category": str(category.get("id") or ""),
            "lt_category_name": str(category.get("name") or ""),
            "issue_type": issue,
            "short_message": str(match.get("shortMessage") or ""),
            "url": url,
        },
    )
