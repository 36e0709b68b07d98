"""A hand-built run: two checked files, one unreadable file, rules with and without specs."""
import pytest

from lint.finding import Finding, Fix, TextEdit
from lint.result import FileError, Notice, RunResult
from lint.rule_files import RuleSpec


def spec(rule_id, level, description, docs=""):
    return RuleSpec(id=rule_id, type="test", severity=level, message="m", description=description,
                    path=f"rules/{rule_id}.toml", docs=docs)


def finding(rule, message, severity, path, pos, start, end, text, **kw):
    line, column, end_line, end_column = pos
    return Finding(rule=rule, message=message, start=start, end=end, severity=severity, path=path,
                   line=line, column=column, end_line=end_line, end_column=end_column, text=text, **kw)


@pytest.fixture
def run_result():
    repeated = spec("typography.repeated-word", "warning", "A word written twice in a row.",
                    docs="Scraped copy often repeats a word across a line break.")
    spelling = spec("spelling.unknown-word", "error", "A word not in the dictionary.")
    unused = spec("style.passive-voice", "info", "Passive constructions.")
    findings = [
        # "Café: the the match" — the repeat starts after a non-ASCII word, line 2.
        finding("typography.repeated-word", "Repeated word: “the”.", "warning", "news/a.md",
                (2, 7, 2, 14), 17, 24, "the the", suggestions=("the",),
                fix=Fix((TextEdit(17, 24, "the"),))),
        finding("spelling.unknown-word", "Unknown word: “recieve”.", "error", "news/a.md",
                (3, 1, 3, 8), 25, 32, "recieve", suggestions=("receive", "relieve"),
             # An edit wider than the finding: it can't be placed in the SARIF region.
                fix=Fix((TextEdit(25, 33, "receive "),), safe=False)),
        finding("typography.repeated-word", "Repeated word: “the”.", "warning", "news/a.md",
                (5, 1, 5, 8), 40, 47, "the the"),
        finding("grammar.lt-comma-and", "Use a comma before “and”, 50% of the time: here", "info",
                "news/b.txt", (1, 10, 1, 14), 9, 13, " and",
                data={"description": "Comma before a coordinating conjunction"}),
    ]
    return RunResult(
        findings=findings,
        errors=[FileError("news/c.md", "invalid UTF-8 at byte 12")],
        notices=[Notice("warning", "LanguageTool unavailable, grammar skipped", "languagetool")],
        rules={r.id: r for r in (repeated, spelling, unused)},
        files=["news/a.md", "news/b.txt", "news/clean.md"],
    )
