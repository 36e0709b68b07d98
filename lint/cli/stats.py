"""`edlint stats PATH...`: the readability of every article, and of the archive.

One row per document (a file, or a record of a JSON Lines file), then the
distribution over all documents long enough to score (median and quartiles),
so an editor sees a whole archive at a glance. The prose is what `check`
scores: boilerplate found by the boilerplate rules is left out, and the
audience (preset, formula, min-words) comes from the `[readability]` settings.
"""
from __future__ import annotations

import json
import statistics
import sys

import click

from ..reports.printable import printable_path
from .common import EXIT_ERROR, EXIT_OK, config_option, follow_symlinks_option, guard, report_problems

# metric key -> column heading (the table's order)
COLUMNS = {
    "words": "words", "sentences": "sent", "words_per_sentence": "w/sent", "grade": "grade",
    "flesch_reading_ease": "ease", "flesch_kincaid_grade": "FK", "gunning_fog": "fog",
    "smog_index": "SMOG", "coleman_liau_index": "CLI", "automated_readability_index": "ARI",
    "dale_chall_score": "DC", "consensus_grade": "cons", "reading_time_s": "read s",
}
# Distributions are of scores, so only over documents long enough to have them.
DISTRIBUTED = [k for k in COLUMNS if k not in ("sentences",)]


def _label(doc) -> str:
    # Escaped: the label begins a line of the table, and a name may hold anything.
    path = printable_path(doc.path)
    return path if doc.record is None else f"{path}:{doc.record}"


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def distribution(rows: list[dict]) -> dict[str, dict[str, float]]:
    """min, quartiles, median and max of each metric over the documents that have it."""
    out = {}
    for key in DISTRIBUTED:
        values = sorted(m[key] for m in rows if m.get(key) is not None and not m.get("too_short"))
        if not values:
            continue
        if len(values) > 1:
            q1, med, q3 = statistics.quantiles(values, n=4, method="inclusive")
        else:
            q1 = med = q3 = values[0]
        out[key] = {"min": values[0], "q1": round(q1, 2), "median": round(med, 2),
                    "q3": round(q3, 2), "max": values[-1]}
    return out


def render_table(docs, dist: dict, short: int) -> str:
    labels = [_label(d) for d in docs]
    width = min(max([len(x) for x in labels] + [8]), 48)
    head = f"{'document':<{width}} " + " ".join(f"{h:>6}" for h in COLUMNS.values())
    lines = [head, "-" * len(head)]
    for label, d in zip(labels, docs):
        if len(label) > width:
            label = "\u2026" + label[-(width - 1):]
        lines.append(f"{label:<{width}} " + " ".join(f"{_cell(d.metrics.get(k)):>6}" for k in COLUMNS))
    lines.append("")
    scored = len(docs) - short
    lines.append(f"{len(docs)} document{'s' if len(docs) != 1 else ''}, {scored} long enough to score"
                 + (f" ({short} under min-words: '-')" if short else ""))
    if dist:
        lines.append(f"{'':<{width}} " + " ".join(f"{COLUMNS[k]:>6}" for k in dist))
        for stat in ("min", "q1", "median", "q3", "max"):
            lines.append(f"{stat:<{width}} " + " ".join(f"{_cell(float(dist[k][stat])):>6}" for k in dist))
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table per document and the distribution, or JSON.")
@config_option
@click.option("--include", multiple=True, metavar="GLOBS", help="Files to read inside directories.")
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Files and directories to skip.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Files read in parallel.")
@follow_symlinks_option
@guard
def stats(paths, fmt, config_file, include, exclude, jobs, follow_symlinks):
    """Readability figures per article and for the whole set (median, quartiles)."""
    from .check import build_engine

    # Only the boilerplate rules run: they mark what is not the article's prose.
    engine = build_engine(config_file, ("boilerplate",), (), include=include, exclude=exclude,
                          languagetool="off", jobs=jobs, metrics=True, follow_symlinks=follow_symlinks)
    result = engine.run(list(paths))
    report_problems(result)
    docs = [d for d in result.documents if d.metrics]
    rows = [d.metrics for d in docs]
    dist = distribution(rows)
    short = sum(1 for m in rows if m.get("too_short"))
    if fmt == "json":
        click.echo(json.dumps({"documents": [{"path": d.path, "record": d.record, "metrics": d.metrics}
                                             for d in docs],
                               "distribution": dist}, indent=2))
    else:
        click.echo(render_table(docs, dist, short), nl=False)
    sys.exit(EXIT_ERROR if result.errors else EXIT_OK)
