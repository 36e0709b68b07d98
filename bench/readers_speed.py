"""Speed sanity check of the readers: documents per second for each format.

    .venv/bin/python bench/readers_speed.py                # generated articles
    .venv/bin/python bench/readers_speed.py --count 500 --words 1200
    .venv/bin/python bench/readers_speed.py PATH...         # your own files, by extension

Generated articles are random prose with the markup each format uses (headings,
links, emphasis, entities, lists, quotes, code); nothing is read from disk
unless paths are given. Prints, per reader: documents, MB, seconds, docs/s, MB/s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lint.readers import format_for, parse  # noqa: E402
from lint.readers.decoding import decode  # noqa: E402

WORDS = ("the council said on tuesday that a new plan for city housing would cost more than "
         "expected while residents café naïve protest élan budget mayor report school water "
         "river bridge election vote minister health police court week year people").split()


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, words: int) -> list[str]:
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 24))
        out.append(sentence(rng, n))
        left -= n
    return out


def markdown_article(rng: random.Random, words: int) -> str:
    parts = [f"# {sentence(rng, 8)[:-1]}", ""]
    left = words
    while left > 0:
        sentences = paragraph(rng, 60)
        left -= 60
        sentences[0] = sentences[0].replace(" ", " *", 1).replace(" ", "* ", 2)
        sentences[-1] += " See [the report](https://example.com/r) &amp; `data.csv` 😀."
        parts += [" ".join(sentences), ""]
        if rng.random() < 0.2:
            parts += [f"- {sentence(rng, 6)}", f"- {sentence(rng, 7)}", ""]
        if rng.random() < 0.1:
            parts += [f"> {sentence(rng, 12)}", ""]
        if rng.random() < 0.1:
            parts += [f"## {sentence(rng, 5)[:-1]}", ""]
    return "\n".join(parts)


def html_article(rng: random.Random, words: int) -> str:
    parts = ["<html><head><title>Story</title></head><body><article>",
             f"<h1>{sentence(rng, 8)}</h1>"]
    left = words
    while left > 0:
        text = " ".join(paragraph(rng, 60))
        left -= 60
        parts.append(f'<p>{text} See <a href="/r">the report</a> &amp; <code>x</code> 😀.</p>')
        if rng.random() < 0.2:
            parts.append(f"<ul><li>{sentence(rng, 6)}</li><li>{sentence(rng, 7)}</li></ul>")
    parts.append('<aside class="related"><ul><li><a href="/a">Related story</a></li></ul></aside>')
    parts.append("</article></body></html>")
    return "\n".join(parts)


def generated(count: int, words: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    rng = random.Random(seed)
    md = [markdown_article(rng, words) for _ in range(count)]
    ht = [html_article(rng, words) for _ in range(count)]
    records = [{"id": i, "title": sentence(rng, 8), "body": md[i], "content": ht[i]}
               for i in range(count)]
    return {
        "markdown": [(f"a{i}.md", s) for i, s in enumerate(md)],
        "html": [(f"a{i}.html", s) for i, s in enumerate(ht)],
        # one file holding every record, as a CMS export would
        "json": [("export.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records))],
        "text": [(f"a{i}.txt", "\n\n".join(" ".join(paragraph(rng, 60))
                                           for _ in range(max(1, words // 60))))
                 for i in range(count)],
    }


def from_paths(paths: list[str]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for root in paths:
        files = [root] if os.path.isfile(root) else [
            os.path.join(d, f) for d, _, fs in os.walk(root) for f in sorted(fs)]
        for path in files:
            with open(path, "rb") as f:
                text, _ = decode(f.read(), path)
            out.setdefault(format_for(path), []).append((path, text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="files or directories to read instead of generated articles")
    ap.add_argument("--count", type=int, default=200, help="generated articles per format")
    ap.add_argument("--words", type=int, default=800, help="words per generated article")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    corpus = from_paths(args.paths) if args.paths else generated(args.count, args.words, args.seed)
    print(f"{'reader':<10} {'docs':>7} {'MB':>7} {'seconds':>8} {'docs/s':>9} {'MB/s':>7}")
    for fmt, files in corpus.items():
        size = sum(len(s.encode()) for _, s in files) / 1e6
        best, docs = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            docs = sum(len(parse(text, path, fmt, {})) for path, text in files)
            best = min(best, time.perf_counter() - t0)
        print(f"{fmt:<10} {docs:>7} {size:>7.2f} {best:>8.3f} {docs / best:>9.0f} {size / best:>7.2f}")


if __name__ == "__main__":
    main()
