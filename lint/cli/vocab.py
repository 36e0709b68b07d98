"""`edlint vocab PATH...`: the unknown words of a corpus, ranked by how many
articles use them, and a ready-to-paste accept list.

An editor runs it over a site's archive, strikes the real misspellings from
the list, and pastes the rest into `[vocabulary] accept`: the site's names,
brands and jargon stop being flagged.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import replace

import click

from ..reports.printable import printable
from .common import EXIT_ERROR, EXIT_OK, config_option, follow_symlinks_option, guard, report_problems

RULE = "spelling.unknown-word"


def _resolver(config_file, language, names):
    from ..config import ConfigResolver
    from ..config_keys import freeze_table

    class VocabResolver(ConfigResolver):
        """The user's config, with only the unknown-word rule, every use of a word reported,
        and names checked if asked."""

        def _with_cli(self, cfg):
            cfg = super()._with_cli(cfg)
            settings = cfg.settings_map()
            settings.setdefault("spelling", {})["report-repeats"] = True  # every use counts
            if names:
                settings["spelling"]["check-names"] = True
            return replace(cfg, settings=freeze_table(settings))

    return VocabResolver(config_file, {"select": [RULE], "language": language})


class WordTally:
    """The unknown words seen so far, mergeable: `edlint audit` feeds it one article
    (or one partition of an archive) at a time and adds tallies made elsewhere."""

    def __init__(self):
        self.articles: Counter[str] = Counter()
        self.uses: Counter[str] = Counter()
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.suggestion: dict[str, str] = {}

    def add(self, findings) -> None:
        """Findings of one or more articles; a word counts once per (path, record)."""
        seen = set()
        for d in findings:
            if d.rule != RULE or not d.text:
                continue
            key = d.text.casefold()
            if (key, d.path, d.record) not in seen:
                seen.add((key, d.path, d.record))
                self.articles[key] += 1
            self.uses[key] += 1
            self.forms[key][d.text] += 1
            if d.suggestions and key not in self.suggestion:
                self.suggestion[key] = d.suggestions[0]

    def merge(self, other: "WordTally") -> None:
        self.articles.update(other.articles)
        self.uses.update(other.uses)
        for k, c in other.forms.items():
            self.forms[k].update(c)
        for k, v in other.suggestion.items():
            # The alphabetically first suggestion, so merge order never changes the result.
            if k not in self.suggestion or v < self.suggestion[k]:
                self.suggestion[k] = v

    def rows(self) -> list[dict]:
        def form(k):  # the commonest spelling; ties to the first in sort order (merge-order free)
            c = self.forms[k]
            return min(c, key=lambda f: (-c[f], f))

        rows = [{"word": form(k), "articles": self.articles[k], "uses": self.uses[k],
                 "suggestion": self.suggestion.get(k, "")} for k in self.articles]
        rows.sort(key=lambda r: (-r["articles"], -r["uses"], r["word"].casefold()))
        return rows


def collect(findings) -> list[dict]:
    """One entry per word (case-folded): articles using it, uses, the commonest spelling, best suggestion."""
    tally = WordTally()
    tally.add(findings)
    return tally.rows()


def accept_list(rows) -> str:
    # Each entry is the word's commonest spelling: the vocabulary matches smart-case, so a
    # lower-case entry accepts any capitalisation and a name keeps its capitals.
    lines = ["[vocabulary]", "accept = ["]
    lines += [f"    {_toml_string(r['word'])},  # {r['articles']} articles" for r in rows]
    lines.append("]")
    return "\n".join(lines)


def _toml_string(word: str) -> str:
    # JSON escapes the C0 controls; TOML's own \u / \U escapes cover what else can't be shown.
    return "".join(ch if ch.isprintable() or ch == " " else
                   (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
                   for ch in json.dumps(word, ensure_ascii=False))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@config_option
@click.option("--language", metavar="CODE", help="auto (default: US or British spelling per document), en-US or en-GB.")
@click.option("--names", is_flag=True, help="Also list capitalised names (normally never flagged).")
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True,
              help="Only words used in at least this many articles.")
@click.option("--top", type=click.IntRange(0), default=0, help="Only the N most used words (0: all).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "toml"]), default="text",
              show_default=True, help="text: table and accept list; json: the rows; toml: the accept list only.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Files checked in parallel.")
@follow_symlinks_option
@guard
def vocab(paths, config_file, language, names, min_articles, top, fmt, jobs, follow_symlinks):
    """List the words of a corpus the spell checker doesn't know, most widely used first."""
    from ..engine import Engine

    result = Engine(_resolver(config_file, language, names), jobs=jobs,
                    follow_symlinks=follow_symlinks).run(list(paths))
    report_problems(result)
    rows = [r for r in collect(result.findings) if r["articles"] >= min_articles]
    if top:
        rows = rows[:top]
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "documents": len(result.documents), "words": rows},
                              ensure_ascii=False, indent=2))
    elif fmt == "toml":
        click.echo(accept_list(rows))
    else:
        click.echo(f"{'articles':>8}  {'uses':>5}  {'word':<24} suggestion")
        for r in rows:
            click.echo(f"{r['articles']:>8}  {r['uses']:>5}  {printable(r['word']):<24} {printable(r['suggestion'])}")
        click.echo(f"\n# {len(rows)} unknown words in {len(result.documents)} documents. "
                   "Strike the misspellings, then paste into your .edlint.toml:")
        click.echo(accept_list(rows))
    # The words of the files read are listed; a file that could not be is still an error (2).
    raise SystemExit(EXIT_ERROR if result.errors else EXIT_OK)
