"""The whole grammar chain checked against LanguageTool's own rule examples.

    .venv/bin/python bench/languagetool_examples.py --url http://127.0.0.1:PORT [--jar language-en-6.7.jar]
        [--sample 1000] [--seed 1]

The English rule files inside LanguageTool's `language-en` jar
(org/languagetool/rules/en/grammar.xml and style.xml) hold thousands of
<example> sentences; the incorrect ones mark the error with <marker>. Each
sampled example is checked by edlint (default configuration, grammar through
the server at --url) as a document of its own, in three wrappers:

    plain     the sentence alone, as .txt
    markdown  "## Heading" then "*Word* 😀 " and the sentence, as .md
    html      the same as <h2> and <p><b>Word</b> 😀 ...</p>, as .html (the sentence escaped)

and the same text (what a reader sees: "Heading\\n\\nWord 😀 sentence") is sent
to LanguageTool directly over HTTP, one request per document. Reported, per wrapper:

    agreement   of LanguageTool's own matches inside the sentence, the share edlint reports
                at exactly the same span of the original file (under grammar.<rule>, or merged
                into edlint's spelling/typography finding of the same problem, see merge.py)
    doubles     places flagged both by edlint's spelling and by LanguageTool's (should be 0)
    extra       edlint grammar findings on the *correct* examples that LanguageTool, asked
                directly, does not make (should be 0)

Sentences a reader would change are left out of that wrapper (Markdown: they hold
`*_[]<>#\\|~&` and the like; HTML: runs of white space, which HTML collapses); their
number is printed. The server is asked for every document
twice (directly and through edlint), so --sample keeps the run to minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

RULE_FILES = ("org/languagetool/rules/en/grammar.xml", "org/languagetool/rules/en/style.xml")
HEADINGS = ["Council report", "Weather notes", "Market update", "School news", "Sports brief",
            "Local elections", "Harbour works", "Library hours"]
WORDS = ["Update", "Briefly", "Meanwhile", "Elsewhere", "Today", "Also", "Later", "Still"]
MARKDOWN_SPECIAL = re.compile(r"[*_`\[\]<>#\\|~&!]|^\s*[-+>\d]|\s{2,}|https?:")


def default_jar() -> str:
    found = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/org/languagetool/language-en/*/language-en-*.jar")))
    return found[-1] if found else ""


def examples(jar: str) -> tuple[list[tuple[str, str, int, int]], list[tuple[str, str]]]:
    """(rule id, sentence, marker start, marker end) of the incorrect examples, (rule id, sentence)
    of the correct ones."""
    incorrect, correct = [], []
    with zipfile.ZipFile(jar) as z:
        for name in RULE_FILES:
            root = ET.fromstring(z.read(name))
            for rule in root.iter("rule"):
                rule_id = rule.get("id") or ""
                for ex in rule.iter("example"):
                    if ex.get("type"):  # "triggers_error" and the like: not a plain example
                        continue
                    marker = ex.find("marker")
                    text = "".join(ex.itertext())
                    if "\n" in text or not text.strip() or len(text) > 400:
                        continue
                    if marker is None:
                        correct.append((rule_id, text))
                    else:
                        start = len(ex.text or "")
                        incorrect.append((rule_id, text, start, start + len("".join(marker.itertext()))))
    return incorrect, correct


def wrap(kind: str, sentence: str, n: int):
    """(file name, file text, reader's text, sentence start in the reader's text,
    file offset of each sentence character) or None when the wrapper would change the sentence."""
    heading, word = HEADINGS[n % len(HEADINGS)], WORDS[n // len(HEADINGS) % len(WORDS)]
    if kind == "plain":
        return f"ex{n}.txt", sentence + "\n", sentence, 0, list(range(len(sentence) + 1))
    rendered_prefix = f"{heading}\n\n{word} 😀 "
    if kind == "markdown":
        if MARKDOWN_SPECIAL.search(sentence):
            return None
        prefix = f"## {heading}\n\n*{word}* 😀 "
        return (f"ex{n}.md", prefix + sentence + "\n", rendered_prefix + sentence, len(rendered_prefix),
                [len(prefix) + i for i in range(len(sentence) + 1)])
    if re.search(r"\s{2,}", sentence):  # HTML collapses white space: a reader sees another sentence
        return None
    prefix = f"<article><h2>{heading}</h2>\n<p><b>{word}</b> 😀 "
    escaped, where = [], []
    pos = len(prefix)
    for ch in sentence:
        where.append(pos)
        piece = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(ch, ch)
        escaped.append(piece)
        pos += len(piece)
    where.append(pos)
    text = prefix + "".join(escaped) + "</p></article>\n"
    return f"ex{n}.html", text, rendered_prefix + sentence, len(rendered_prefix), where


def utf16_to_index(text: str):
    units = []
    for i, ch in enumerate(text):
        units.append(i)
        if ord(ch) > 0xFFFF:
            units.append(i)
    units.append(len(text))
    return lambda u: units[min(u, len(units) - 1)]


def direct(client, rendered: str, sentence_start: int, sentence_len: int) -> set[tuple[str, int, int]]:
    """LanguageTool's own matches inside the sentence: (rule id, start, end) relative to it."""
    to_index = utf16_to_index(rendered)
    out = set()
    for m in client.check(rendered, {"language": "en-US"}):
        a, b = to_index(m["offset"]), to_index(m["offset"] + m["length"])
        if a >= sentence_start and b <= sentence_start + sentence_len:
            out.add((m["rule"]["id"], a - sentence_start, b - sentence_start))
    return out


def edlint_run(url: str, docs: list[tuple[str, str]]):
    from lint.config import Config, _apply
    from lint.engine import Engine, FileJob

    cfg = _apply(Config(), {"languagetool": {"mode": url, "timeout": 120}}, "<bench>")
    t0 = time.perf_counter()
    result = Engine().run_jobs([FileJob(path, cfg, text=text) for path, text in docs])
    return result, time.perf_counter() - t0


def measure(kind: str, cases, client, url: str, pool, correct: bool):
    """Counts for one wrapper over `cases` [(rule id, sentence, ...)]."""
    from lint.languagetool.merge import covered_by

    wrapped = []
    for n, case in enumerate(cases):
        w = wrap(kind, case[1], n)
        if w is not None:
            wrapped.append((case, w))
    refs = list(pool.map(lambda cw: direct(client, cw[1][2], cw[1][3], len(cw[0][1])), wrapped))
    result, elapsed = edlint_run(url, [(w[0], w[1]) for _, w in wrapped])
    by_path: dict[str, list] = {}
    for d in result.findings:
        by_path.setdefault(d.path, []).append(d)
    lt_total = same = merged = doubles = extra = 0
    misses, extras = [], []
    for (case, (path, _text, _rendered, _start, where)), ref in zip(wrapped, refs):
        found = by_path.get(path, [])
        back = {pos: i for i, pos in enumerate(where)}
        ours = {}
        for d in found:
            if d.start in back and d.end in back:
                ours.setdefault(d.rule, []).append((back[d.start], back[d.end], d))
        grammar = {(d.data.get("lt_rule"), a, b) for rule, spans in ours.items() if rule.startswith("grammar.")
                   for a, b, d in spans}
        for rule_id, a, b in ref:
            lt_total += 1
            if (rule_id, a, b) in grammar:
                same += 1
                continue
            # merged: edlint's own rule flagged the same problem (merge.py dropped LanguageTool's)
            probe = _probe_finding(rule_id, result, path)
            target = covered_by(probe) if probe else None
            if target and any((r == target or r.startswith(target + ".")) and s < max(b, a + 1) and a < max(e, s + 1)
                              for r, spans in ours.items() for s, e, _ in spans):
                merged += 1
                continue
            misses.append((rule_id, case[1], a, b, sorted(grammar)))
        spelling = [d for d in found if d.category == "spelling"]
        doubles += sum(1 for d in found if d.category == "grammar" and d.data.get("lt_category") == "TYPOS"
                       and any(d.start < max(o.end, o.start + 1) and o.start < max(d.end, d.start + 1)
                               for o in spelling))
        if correct:
            extra += len(grammar - ref)
            extras.extend((rule_id, case[1], a, b, sorted(ref)) for rule_id, a, b in grammar - ref)
    return {"docs": len(wrapped), "left_out": len(cases) - len(wrapped), "lt": lt_total, "same": same,
            "merged": merged, "doubles": doubles, "extra": extra, "misses": misses, "extras": extras, "seconds": elapsed,
            "notices": [n.message for n in result.notices]}


_PROBES: dict = {}


def _probe_finding(rule_id: str, result, path: str):
    """A stand-in grammar Finding for `rule_id`, for merge.covered_by (needs its category)."""
    from lint.finding import Finding

    category = _PROBES.get(rule_id)
    return Finding(rule="grammar.x", message="", start=0, end=0,
                   data={"lt_rule": rule_id, "lt_category": category or ""})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True, help="a LanguageTool server (languagetool/server.py start)")
    ap.add_argument("--jar", default=default_jar(), help="language-en jar (default: from ~/.m2)")
    ap.add_argument("--sample", type=int, default=1000, help="examples of each kind (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-misses", type=int, default=10)
    args = ap.parse_args()
    if not args.jar or not Path(args.jar).is_file():
        sys.exit("no language-en jar: give --jar, or fetch it (python languagetool/server.py start)")

    from lint.languagetool.client import Client

    incorrect, correct = examples(args.jar)
    rng = random.Random(args.seed)
    total = (len(incorrect), len(correct))
    if args.sample:
        incorrect = rng.sample(incorrect, min(args.sample, len(incorrect)))
        correct = rng.sample(correct, min(args.sample, len(correct)))
    client = Client(args.url, timeout=120, retries=1)
    # Category of each rule, for telling a merged finding from a missed one.
    import json
    import urllib.request
    with urllib.request.urlopen(client.url + "/configinfo?language=en-US", timeout=60) as r:
        for rule in json.load(r).get("rules", []):
            _PROBES[rule["ruleId"]] = rule.get("categoryId", "")
    print(f"LanguageTool examples from {Path(args.jar).name}: {total[0]} incorrect, {total[1]} correct; "
          f"sampled {len(incorrect)} and {len(correct)} (seed {args.seed})")
    print(f"{'wrapper':9} {'docs':>5} {'left out':>8} {'LT matches':>10} {'same span':>9} {'merged':>6} "
          f"{'agreement':>9} {'doubles':>7} | {'correct':>7} {'extra':>5} | edlint s")
    all_misses = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for kind in ("plain", "markdown", "html"):
            bad = measure(kind, incorrect, client, args.url, pool, correct=False)
            good = measure(kind, correct, client, args.url, pool, correct=True)
            share = (bad["same"] + bad["merged"]) / bad["lt"] if bad["lt"] else 1.0
            print(f"{kind:9} {bad['docs']:>5} {bad['left_out']:>8} {bad['lt']:>10} {bad['same']:>9} "
                  f"{bad['merged']:>6} {share:>9.2%} {bad['doubles'] + good['doubles']:>7} | "
                  f"{good['docs']:>7} {good['extra']:>5} | {bad['seconds']:.1f} + {good['seconds']:.1f}")
            for notice in bad["notices"] + good["notices"]:
                print(f"    notice: {notice}")
            all_misses += [(kind, "missed", *m) for m in bad["misses"]]
            all_misses += [(kind, "extra", *m) for m in good["extras"]]
    client.close()
    for kind, what, rule_id, sentence, a, b, other in all_misses[:args.show_misses]:
        print(f"  {what} ({kind}) {rule_id} at {a}-{b} {sentence[a:b]!r} in {sentence!r}; "
              f"{'edlint' if what == 'missed' else 'LanguageTool'} had {other}")


if __name__ == "__main__":
    main()
