"""The audit page: one HTML file, styles, script and charts inline (it opens from a
mail attachment or a file share, offline). Every figure shown is an element
`data-key="dotted.path"` into audit.json, so a browser test can read it back."""
from __future__ import annotations

import json
from html import escape

from ..finding import CATEGORIES
from . import svg

SHOWN_WORDS = 150
SHOWN_RULES = 20
SHOWN_SOURCES = 25
SHOWN_TOP = 15

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1em 1.5em;color:#222}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #ddd;margin-top:1.8em;padding-bottom:.2em}
.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{background:#f5f6f8;border-radius:6px;padding:.6em 1em;min-width:120px}
.card b{display:block;font-size:1.6em}.muted{color:#666}table{border-collapse:collapse;margin:.5em 0}
td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.better{color:#17803d}.worse{color:#c0262d}
.error{color:#c0262d}.warning{color:#b26b00}.info{color:#555}textarea{width:100%;height:12em;font:12px monospace}
pre{background:#f5f6f8;padding:.6em;overflow:auto;font-size:12px}nav a{margin-right:.8em}
code{font-size:12px}.article{margin:1em 0;padding-top:.3em;border-top:1px dashed #ccc}
"""

SCRIPT = """
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('copy-accept');
  if (!button) return;
  button.addEventListener('click', function () {
    var area = document.getElementById('accept-list');
    area.select();
    var done = function () { button.textContent = 'Copied'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand('copy'); done(); });
    } else { document.execCommand('copy'); done(); }
  });
});
"""


def _fmt(key: str, value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value).lower()
    if key.endswith("share"):
        return f"{value * 100:.1f}%"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return str(value)


def _get(data: dict, key: str):
    cur = data
    for part in key.split("."):
        cur = cur[int(part)] if isinstance(cur, list) else cur.get(part)
        if cur is None:
            return None
    return cur


class Page:
    def __init__(self, data: dict):
        self.data = data
        self.parts: list[str] = []
        self.root = _root(data.get("run", {}).get("paths", []))

    def article(self, name: str) -> str:
        """An article's name without the audited folder's prefix (the full path as a tooltip)."""
        short = name[len(self.root):] if self.root and name.startswith(self.root) else name
        return f'<span title="{escape(name)}">{escape(short)}</span>'

    def num(self, key: str, tag: str = "span", cls: str = "") -> str:
        c = f' class="{cls}"' if cls else ""
        return f'<{tag}{c} data-key="{key}">{escape(_fmt(key, _get(self.data, key)))}</{tag}>'

    def cell(self, key: str) -> str:
        return self.num(key, "td", "n")

    def add(self, *html: str) -> None:
        self.parts.extend(html)


def _root(paths: list[str]) -> str:
    import os

    folders = [p for p in paths if os.path.isdir(p)]
    if len(folders) != 1 or len(paths) != 1:
        return ""
    return folders[0].rstrip("/") + "/"


def render(data: dict, compare_rows: list[dict] | None = None) -> str:
    p = Page(data)
    run = data.get("run", {})
    t = data["totals"]
    p.add(f"<h1>Archive audit</h1><p class=muted>edlint {escape(str(run.get('edlint', '')))} · "
          f"{escape(run.get('generated', ''))} · engine {escape(str(run.get('engine', '')))} · "
          f"{escape(', '.join(run.get('paths', [])))}</p>")
    p.add('<nav><a href="#findings">Findings</a><a href="#readability">Readability</a>'
          '<a href="#boilerplate">Boilerplate</a><a href="#spelling">Spelling</a><a href="#trends">Over time</a>'
          '<a href="#worst">Worst articles</a><a href="#configuration">Configuration</a></nav>')
    cards = [("documents", "articles"), ("clean_share", "clean"), ("findings", "findings"),
             ("error", "errors"), ("warning", "warnings"), ("info", "notes"), ("file_errors", "unreadable files")]
    p.add('<div class="cards" id="totals">' + "".join(
        f'<div class="card">{p.num("totals." + k, "b")}{label}</div>' for k, label in cards) + "</div>")
    p.add(f'<p>{p.num("totals.clean")} of {p.num("totals.documents")} articles have no finding.</p>')
    if compare_rows:
        _compare(p, compare_rows)
    _findings(p, data)
    _readability(p, data["readability"])
    _boilerplate(p, data["boilerplate"])
    _spelling(p, data["spelling"])
    _trends(p, data)
    _worst(p, data["worst"])
    _errors(p, data["errors"])
    p.add('<h2 id="configuration">Configuration</h2>',
          f"<pre>{escape(json.dumps(run, indent=2, ensure_ascii=False, default=str))}</pre>")
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<title>edlint audit: {t['documents']:,} articles</title><style>{CSS}</style>"
            f"<script>{SCRIPT}</script></head><body>" + "\n".join(p.parts) + "</body></html>\n")


def _compare(p: Page, rows: list[dict]) -> None:
    p.add('<h2 id="compare">Since the last audit</h2><table><tr><th>figure</th><th class=n>before</th>'
          '<th class=n>now</th><th class=n>change</th><th></th></tr>')
    for i, r in enumerate(rows):
        key = f"compare.{i}"
        mark = {"better": "▲ better", "worse": "▼ worse"}.get(r["verdict"], "=")
        p.add(f'<tr class="{r["verdict"]}"><td>{escape(r["metric"])}</td>{p.cell(key + ".old")}'
              f'{p.cell(key + ".new")}{p.cell(key + ".change")}<td data-verdict="{r["verdict"]}">{mark}</td></tr>')
    p.add("</table>")


def _findings(p: Page, data: dict) -> None:
    p.add('<h2 id="findings">Findings</h2>')
    cats = [(c, data["categories"][c], svg.PALETTE[c]) for c in CATEGORIES]
    p.add(svg.bar_chart(sorted(cats, key=lambda x: -x[1]), title="Findings by category"))
    rules = data["rules"][:SHOWN_RULES]
    p.add("<h3>By rule</h3>", svg.bar_chart([(r["rule"], r["findings"], svg.PALETTE.get(r["category"], svg.DEFAULT))
                                             for r in rules], title="Findings by rule"))
    p.add("<h3>Look at these first</h3><p class=muted>The rules that touch the most articles, "
          "errors weighing twice warnings and warnings twice notes.</p><ol>")
    for i, r in enumerate(data["priorities"]):
        k = f"priorities.{i}"
        p.add(f'<li><code>{escape(r["rule"])}</code> <span class="{r["level"]}">{r["level"]}</span>: '
              f'{p.num(k + ".articles")} articles ({p.num(k + ".share")}), {p.num(k + ".findings")} findings</li>')
    p.add("</ol>")


def _readability(p: Page, r: dict) -> None:
    p.add('<h2 id="readability">Readability</h2>')
    if not r["scored"]:
        p.add("<p>No article was long enough to score.</p>")
        return
    p.add(f'<p>{p.num("readability.scored")} articles scored ({escape(str(r["formula"]))}); median grade '
          f'{p.num("readability.grade.median")} (quartiles {p.num("readability.grade.q1")}–'
          f'{p.num("readability.grade.q3")}), target {p.num("readability.target_grade")}: '
          f'{p.num("readability.over_target")} articles ({p.num("readability.over_target_share")}) are above it. '
          f'Median reading time {p.num("readability.reading_time_s.median")} s.</p>')
    target = r["target_grade"]
    p.add(svg.histogram(r["grade_histogram"], title="Reading grade", marker=target,
                        marker_label=f"target {target:g}" if target is not None else "", unit=" grade"))
    med = r["reading_time_s"].get("median")
    p.add(svg.histogram(r["reading_histogram"], title="Reading time", marker=med,
                        marker_label=f"median {med} s" if med is not None else "", unit=" s"))
    p.add("<h3>Hardest articles</h3><table><tr><th>article</th><th class=n>grade</th><th class=n>words</th></tr>")
    for i, h in enumerate(r["hardest"][:SHOWN_TOP]):
        k = f"readability.hardest.{i}"
        p.add(f'<tr><td>{p.article(h["article"])}</td>{p.cell(k + ".grade")}{p.cell(k + ".words")}</tr>')
    p.add("</table>")


def _boilerplate(p: Page, b: dict) -> None:
    p.add('<h2 id="boilerplate">Boilerplate residue</h2>',
          f'<p>{p.num("boilerplate.findings")} lines of residue in {p.num("boilerplate.articles")} articles '
          f'({p.num("boilerplate.articles_share")}).</p>')
    p.add(svg.bar_chart([(k["kind"], k["findings"], svg.PALETTE["boilerplate"]) for k in b["by_kind"]],
                        title="Residue by kind"))
    p.add("<h3>By source</h3><table><tr><th>source</th><th class=n>articles</th><th class=n>with residue</th>"
          "<th class=n>lines</th><th class=n>per article</th></tr>")
    for i, s in enumerate(b["by_source"][:SHOWN_SOURCES]):
        k = f"boilerplate.by_source.{i}"
        p.add(f'<tr><td>{escape(s["source"])}</td>{p.cell(k + ".documents")}{p.cell(k + ".articles")}'
              f'{p.cell(k + ".findings")}{p.cell(k + ".per_article")}</tr>')
    p.add("</table>")
    p.add(f'<h3>Template lines repeated across the archive</h3><p>{p.num("boilerplate.template_lines")} lines.</p>'
          "<table><tr><th>line</th><th class=n>articles</th></tr>")
    for i, tl in enumerate(b["templates"][:SHOWN_TOP * 2]):
        p.add(f'<tr><td>{escape(tl["line"])}</td>{p.cell(f"boilerplate.templates.{i}.articles")}</tr>')
    p.add("</table><h3>Articles with the most residue</h3><table><tr><th>article</th><th class=n>lines</th></tr>")
    for i, m in enumerate(b["most_residue"][:SHOWN_TOP]):
        p.add(f'<tr><td>{p.article(m["article"])}</td>{p.cell(f"boilerplate.most_residue.{i}.findings")}</tr>')
    p.add("</table>")


def _spelling(p: Page, s: dict) -> None:
    from ..cli.vocab import accept_list

    p.add('<h2 id="spelling">Spelling: words the dictionary doesn\'t know</h2>',
          f'<p>{p.num("spelling.unknown_words")} distinct unknown words. Strike the misspellings, '
          "then paste the rest into your <code>.edlint.toml</code>.</p>")
    p.add("<table><tr><th>word</th><th class=n>articles</th><th class=n>uses</th><th>suggestion</th></tr>")
    for i, w in enumerate(s["words"][:SHOWN_WORDS]):
        k = f"spelling.words.{i}"
        p.add(f'<tr><td>{escape(w["word"])}</td>{p.cell(k + ".articles")}{p.cell(k + ".uses")}'
              f'<td>{escape(w["suggestion"])}</td></tr>')
    p.add("</table>", '<p><button id="copy-accept" type="button">Copy the accept list</button></p>',
          f'<textarea id="accept-list" readonly>{escape(accept_list(s["words"]))}</textarea>')


def _trends(p: Page, data: dict) -> None:
    p.add('<h2 id="trends">Over time and by section</h2>')
    shown = False
    for key, name, what in (("over_time", "month", "By month"), ("sections", "section", "By section")):
        rows = data[key]
        if not rows:
            continue
        shown = True
        xs = [r[name] for r in rows]
        series = {c: [r[c] for r in rows] for c in CATEGORIES if any(r[c] for r in rows)}
        p.add(f"<h3>{what}: findings per article</h3>",
              svg.line_chart(xs, series, title=f"Findings per article, {what.lower()}"))
        p.add(f"<table><tr><th>{name}</th><th class=n>articles</th>"
              + "".join(f"<th class=n>{c}</th>" for c in series) + "</tr>")
        for i, r in enumerate(rows):
            p.add(f"<tr><td>{escape(r[name])}</td>{p.cell(f'{key}.{i}.documents')}"
                  + "".join(p.cell(f"{key}.{i}.{c}") for c in series) + "</tr>")
        p.add("</table>")
    if not shown:
        p.add("<p class=muted>The articles carry no date or section (JSON fields such as <code>date</code>, "
              "<code>section</code>, front matter, or a dated URL).</p>")


def _worst(p: Page, worst: list[dict]) -> None:
    p.add('<h2 id="worst">Worst articles</h2><p class=muted>Ranked by findings weighted by severity '
          "(error 4, warning 2, note 1).</p><table><tr><th>#</th><th>article</th><th class=n>score</th>"
          "<th class=n>findings</th><th>by category</th></tr>")
    for i, w in enumerate(worst):
        cats = ", ".join(f"{c} {n}" for c, n in sorted(w["categories"].items(), key=lambda x: (-x[1], x[0])))
        p.add(f'<tr><td>{i + 1}</td><td><a href="#article-{i}">{p.article(w["article"])}</a></td>'
              f'{p.cell(f"worst.{i}.score")}{p.cell(f"worst.{i}.findings")}<td>{escape(cats)}</td></tr>')
    p.add("</table>")
    for i, w in enumerate(worst):
        p.add(f'<div class="article" id="article-{i}"><h3>{i + 1}. {p.article(w["article"])}</h3><table>')
        for f in w["shown"]:
            loc = f'{w["path"]}:{f["line"]}:{f["column"]}'
            p.add(f'<tr><td><code>{escape(loc)}</code></td><td class="{f["level"]}">{f["level"]}</td>'
                  f'<td>{escape(f["message"])}</td><td><code>{escape(f["rule"])}</code></td></tr>')
        more = w["findings"] - len(w["shown"])
        p.add("</table>" + (f"<p class=muted>and {more} more: run <code>edlint check</code> on it.</p>" if more > 0 else "")
              + '<p><a href="#worst">back to the table</a></p></div>')


def _errors(p: Page, errors: list[dict]) -> None:
    if not errors:
        return
    p.add('<h2 id="errors">Files that could not be checked</h2><ul>')
    for e in errors[:100]:
        p.add(f"<li><code>{escape(e['path'])}</code>: {escape(e['message'])}</li>")
    p.add("</ul>")
