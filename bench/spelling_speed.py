"""Speed of the spelling category: articles per second on one core, and lexicon load time.

    .venv/bin/python bench/spelling_speed.py CORPUS [--limit N]

CORPUS is a directory of article files (.txt, .md, .html ...), or a JSON Lines
file whose records have a "text" field. Prints:
- lexicon load: a fresh interpreter loading the lexicon from its cache, and
  the time a cold `edlint check --select spelling` of one short file takes
  compared with `--select typography.repeated-word` (the lexicon's share of a cold run);
- the spelling pass (tokens, lexicon, names, suggestions) alone, over the corpus;
- the same through the engine (`lint.check_text`, spelling rules only), which
  adds reading and reporting.
Suggestions are cached per word within a process, as in a real run. Rates
use the process's CPU time (one core), so other load on the machine doesn't
skew them; wall times are printed beside.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def load_corpus(path: Path, limit: int) -> list[tuple[str, str]]:
    docs = []
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"):
                docs.append((p.name, p.read_text(encoding="utf-8", errors="replace")))
    else:
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    rec = json.loads(line)
                    docs.append((f"doc-{i}.txt", rec["text"]))
    return docs[:limit] if limit else docs


def best_of(n: int, cmd: list[str], env=None) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - t)
    return min(times)


def cold_figures() -> None:
    py = sys.executable
    edlint = str(Path(py).with_name("edlint"))
    subprocess.run([py, "-c", "from lint.spelling.lexicon import get_lexicon; get_lexicon()"], check=True)
    load = subprocess.run(
        [py, "-c", "import time; t = time.perf_counter(); from lint.spelling.lexicon import get_lexicon; "
                   "get_lexicon(); print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True)
    print(f"lexicon load from cache (fresh interpreter): {float(load.stdout):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text("The council met on Tuesday to discuss the budget.\n\n"
                           "Members said the plan was friendly to local businesses.\n")
        base = best_of(5, [edlint, "check", "--select", "typography.repeated-word", str(article)])
        spell = best_of(5, [edlint, "check", "--select", "spelling", str(article)])
        print(f"cold edlint check of one file: {base:.3f} s without spelling, {spell:.3f} s with "
              f"(spelling adds {spell - base:.3f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start figures")
    args = ap.parse_args()

    if not args.no_cold:
        cold_figures()

    import lint
    from lint.readers import parse
    from lint.spelling.checker import SpellChecker
    from lint.spelling.context import get_model

    docs = load_corpus(args.corpus, args.limit)
    words = sum(len(text.split()) for _, text in docs)
    print(f"corpus: {len(docs)} articles, {words} words")

    checker = SpellChecker("en-US")
    parsed = [d for name, text in docs for d in parse(text, name)]
    # CPU time of this process: the figure for one core, unaffected by other load on the machine.
    c, w = time.process_time(), time.perf_counter()
    checker.suggester, get_model()  # noqa: B018 - the one-time loads, timed apart
    c_init, w_init = time.process_time() - c, time.perf_counter() - w
    print(f"suggester and context model load: {c_init:.2f} s CPU ({w_init:.2f} s wall)")
    c, w = time.process_time(), time.perf_counter()
    findings = sum(len(checker.check_blocks(d.blocks)) for d in parsed)
    c, w = time.process_time() - c, time.perf_counter() - w
    print(f"spelling pass alone: {len(docs) / c:.0f} articles/s on one core "
          f"({c:.2f} s CPU, {w:.2f} s wall, {findings} findings)")

    config = {"select": ["spelling"]}
    lint.check_text("warm up", path="warm.txt", config=config)
    c, w = time.process_time(), time.perf_counter()
    n = sum(len(lint.check_text(text, path=name, config=config)) for name, text in docs)
    c, w = time.process_time() - c, time.perf_counter() - w
    print(f"engine, spelling rules only: {len(docs) / c:.0f} articles/s on one core "
          f"({c:.2f} s CPU, {w:.2f} s wall, {n} findings)")


if __name__ == "__main__":
    os.environ.setdefault("EDLINT_LANGUAGETOOL", "off")
    main()
