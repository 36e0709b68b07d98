#!/usr/bin/env python3
"""Hostile input: does `edlint check` stay linear on content built to make it slow?

    .venv/bin/python bench/worst_case.py [--base 65536] [--doublings 4] [--only NAME,...]
                                         [--limit SECONDS] [--code DIR] [--repeat N]
                                         [--stat best|median] [--seeds N]

Each input is built here (nothing is read from disk): a whitespace-free run of
"zq,", a run of the mojibake "Ã©", a Chinese paragraph, one line of unknown
words (and one of unknown capitalised names), one long line of prose, one long
JSON Lines record with a Markdown body, and runs of punctuation, of Markdown
markup and of HTML markup. Each is checked at the base size (UTF-8 bytes) and
then doubled `--doublings` times, by the real check path (`lint.check_paths` on
a file, default configuration, every default rule) in a fresh interpreter per
measurement, so no cache carries over from a smaller size; the interpreter
first checks a warm-up file of the same format, so start-up, lexicon loading and
the one-time indexes built after a process's first 2,000 words are not counted
(its 3,000 made-up words are none of the inputs' words, so nothing it caches is a
result the timed check can reuse).

Prints per input the CPU seconds at each size and the growth per doubling
(time at 2n / time at n: 2.0 is linear, 4.0 quadratic), and their geometric mean. Targets: every growth
<= 2.3, and the 1 MB size under 5 s. A measurement over `--limit` seconds is
stopped (a limit on CPU time, not wall time) and the larger sizes of that input
are skipped. `--code DIR` runs the checks on another checkout's `lint` package
(e.g. main's, for a before/after).

On a loaded machine one measurement is noisy: `--repeat N` measures each size N
times and keeps the least CPU time (`--stat best`, the default: noise only ever
adds time) or the median. The measurements go round the sizes (each text at every
size, then the next), so a slow spell of the machine lifts one round of one size,
which the best of the rounds drops, not every measurement of one size. Each row ends
with the machine's load (1-minute
average), the garbage collector's work in the timed check at the largest
size (full collections, and whether the collector was enabled), since a change
of GC behaviour can look like a change of algorithm, and the child's peak RSS there.

The random inputs' cost also varies from one text to another, and each size's text
starts with the smaller size's (the same random sequence), so one costly stretch in
the added half shows as a growth step of its own (in a random run of Markdown markup
the brackets' balance wanders, and with it the unbalanced-bracket findings).
`--seeds N` measures N different random texts per size and keeps the median of
their figures: the growth of the expected cost, not of one text. An input with no
randomness (the same text for every seed) is measured as often, and all its
measurements count as repeats of one text.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GROWTH_TARGET = 2.3
MB_TARGET = 5.0

# A small vocabulary of our own for prose; unknown words are random letters.
WORDS = ("the council said on monday that a new plan for housing in the city would cost more "
         "than expected while residents asked why the school and the river bridge were left out "
         "of the budget and the mayor promised a report before the election next spring").split()


def _fill(unit_fn, size: int) -> str:
    """Pieces from unit_fn(i) joined until the text has `size` UTF-8 bytes (about)."""
    parts, n, i = [], 0, 0
    while n < size:
        piece = unit_fn(i)
        parts.append(piece)
        n += len(piece.encode("utf-8"))
        i += 1
    return "".join(parts)


def _random_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz" if k % 2 else "aeiouy")
                   for k in range(rng.randint(5, 9)))


def no_space(size, seed=0):
    return ".txt", _fill(lambda i: "zq,", size)


def mojibake(size, seed=0):
    return ".txt", _fill(lambda i: "Ã©", size)


def cjk(size, seed=0):
    rng = random.Random(1 + 1000 * seed)

    def unit(i):
        run = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(6, 14)))
        return run + ("。" if i % 4 == 3 else "，")
    return ".txt", _fill(unit, size)


def unknown_words(size, seed=0):
    rng = random.Random(2 + 1000 * seed)
    return ".txt", _fill(lambda i: _random_word(rng) + " ", size).rstrip() + "\n"


def unknown_names(size, seed=0):
    rng = random.Random(3 + 1000 * seed)
    return ".txt", _fill(lambda i: _random_word(rng).capitalize() + " ", size).rstrip() + "\n"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 20))]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] += ","
    return " ".join(words).capitalize() + "."


def prose_line(size, seed=0):
    rng = random.Random(4 + 1000 * seed)
    return ".txt", _fill(lambda i: _sentence(rng) + " ", size).rstrip() + "\n"


def jsonl_record(size, seed=0):
    rng = random.Random(5 + 1000 * seed)

    def paragraph(i):
        text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        if i % 3 == 0:
            text += " The café said “yes”."  # JSON escapes below: \u00e9, \u201c
        return text + "\n\n"
    body = _fill(paragraph, size)
    record = {"headline": "A long record", "body": body}
    return ".jsonl", json.dumps(record) + "\n"


def punctuation(size, seed=0):
    rng = random.Random(6 + 1000 * seed)
    marks = ".,;:!?\"'()[]{}-–—…/\\|@#%&*+=<>~^`$"
    return ".txt", _fill(lambda i: rng.choice(marks), size) + "\n"


def markdown_markup(size, seed=0):
    rng = random.Random(7 + 1000 * seed)
    marks = ["*", "**", "_", "__", "`", "[", "]", "(", ")", "![", "<", ">", "#", "\\", "~", "|",
             "&amp;", "<b>", "</b>", "[x](", "*a", "a*"]
    return ".md", "Markup:\n\n" + _fill(lambda i: rng.choice(marks), size) + "\n"


def html_markup(size, seed=0):
    rng = random.Random(8 + 1000 * seed)
    tags = ["<b>", "</b>", "<i>", "</i>", "<span>", "</span>", "<a href='#'>", "</a>", "<br>",
            "&amp;", "&#8217;", "&nbsp;", "<em>", "</em>", "<", ">", "<!-- c -->", "<p>", "</p>"]
    return ".html", "<html><body><p>" + _fill(lambda i: rng.choice(tags), size) + "</p></body></html>\n"


def html_unterminated(size, seed=0):
    """Comments, marked sections and tags that never close: html.parser looks for the end
    of each afresh to the end of the data."""
    rng = random.Random(9 + 1000 * seed)
    opens = ["<!--", "<![CDATA[", "<a", "</", "<?", "<b x='"]
    return ".html", "<p>A page cut short.</p>\n" + _fill(lambda i: rng.choice(opens), size) + " tail\n"


def html_deep_nesting(size, seed=0):
    """Elements nested ever deeper, then a block in each: every block's element chain."""
    n = max(1, size // 18)
    return ".html", "<ul>" * n + "<li>item and " * n + "\n"


def repeated_word(size, seed=0):
    """One word again and again on one line: a candidate repeated word at every word."""
    return ".txt", _fill(lambda i: "word ", size).rstrip() + "\n"


def brackets(size, seed=0):
    """Opening brackets that never close, on one paragraph."""
    return ".txt", _fill(lambda i: "([" if i % 2 else "(", size) + "\n"


def long_word(size, seed=0):
    """One run of letters without a break (a pasted hash or a stuck key): every split of it
    was once tried as a compound of two words."""
    rng = random.Random(15 + 1000 * seed)
    return ".txt", "".join(rng.choice("aeiourstln") for _ in range(size)) + "\n"


def short_lines(size, seed=0):
    """A line of one letter, again and again (a log or a column pasted as text): a line, a
    block and a boilerplate candidate at every second byte."""
    return ".txt", "a\n" * max(1, size // 2)


def wide_table(size, seed=0):
    """A Markdown table of 20 rows and ever more one-letter columns: a block per cell."""
    cols = max(1, size // 44)
    return ".md", "|a" * cols + "|\n" + "|-" * cols + "|\n" + ("|x" * cols + "|\n") * 20


INPUTS = {
    "no-whitespace (zq,)": no_space,
    "mojibake (Ã©)": mojibake,
    "CJK paragraph": cjk,
    "line of unknown words": unknown_words,
    "line of unknown names": unknown_names,
    "one long prose line": prose_line,
    "one JSONL record": jsonl_record,
    "punctuation run": punctuation,
    "Markdown markup run": markdown_markup,
    "HTML markup run": html_markup,
    "HTML never closed": html_unterminated,
    "HTML nested deep": html_deep_nesting,
    "one word repeated": repeated_word,
    "unclosed brackets": brackets,
    "one long word": long_word,
    "short lines": short_lines,
    "wide Markdown table": wide_table,
}

# Runs in a fresh interpreter: warm up on a short file of the same format, then time one check.
CHILD = r"""
import gc, json, os, sys, tempfile, time
code, path = sys.argv[1], sys.argv[2]
if code:
    sys.path.insert(0, code)
import lint
from lint.config import Config
ext = os.path.splitext(path)[1]
# A misspelling and an unknown word, so the suggester is loaded before the clock starts, and
# 3,000 made-up words ("zq..."; no input has them), so the indexes that readability builds
# once a process has looked up 2,000 words are built too: a one-time cost falling between
# two sizes would read as a growth step.
rng = __import__("random").Random(99)
made_up = " ".join("zq" + "".join(rng.choice("aeiou" if k % 2 else "bcdfgklmnprst") for k in range(6))
                   for _ in range(3000))
prose = "A short warm-up text with a mispelt word and a blorptastic one. " + made_up + "."
warm = {".jsonl": json.dumps({"body": prose}) + "\n", ".html": f"<p>{prose}</p>\n"}
with tempfile.TemporaryDirectory() as d:
    w = os.path.join(d, "warm" + ext)
    with open(w, "w", encoding="utf-8") as f:
        f.write(warm.get(ext, prose + "\n"))
    lint.check_paths([w], config=Config())
full = gc.get_stats()[-1]["collections"]
c, t = time.process_time(), time.perf_counter()
result = lint.check_paths([path], config=Config())
cpu, wall = time.process_time() - c, time.perf_counter() - t
print(json.dumps({"cpu": cpu, "wall": wall, "findings": len(result.findings),
                  "gc_full": gc.get_stats()[-1]["collections"] - full, "gc_enabled": gc.isenabled(),
                  "peak_mb": __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024,
                  "errors": [e.message for e in result.errors], "module": lint.__file__}))
"""


def measure(text: str, ext: str, code: str, limit: float) -> dict | None:
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "worst" + ext)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        env = dict(os.environ, EDLINT_LANGUAGETOOL_URL="")
        cpu_limit = int(limit) + 30

        def limit_cpu():  # the limit is on CPU time: on a loaded machine wall time is many times more
            import resource
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))
        try:
            p = subprocess.run([sys.executable, "-c", CHILD, code, path], capture_output=True,
                               text=True, timeout=10 * cpu_limit, env=env, cwd=d, preexec_fn=limit_cpu)
        except subprocess.TimeoutExpired:
            return None
        if p.returncode == -signal.SIGXCPU:
            return None
        if p.returncode != 0:  # a crash is a result too: say so and go on with the others
            last = (p.stderr.strip().splitlines() or ["?"])[-1]
            print(f"  ({len(text.encode('utf-8')) // 1024} KB: the check failed: {last[:150]})", file=sys.stderr)
            return {"crash": True}
        return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=65536, help="first size in UTF-8 bytes (default 64 KB)")
    ap.add_argument("--doublings", type=int, default=4)
    ap.add_argument("--only", default="", help="comma-separated input names (prefixes)")
    ap.add_argument("--limit", type=float, default=60.0,
                    help="seconds after which a size counts as too slow and larger ones are skipped")
    ap.add_argument("--code", default="", help="a checkout whose `lint` package to run (default: this one)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="measure each size this many times (a busy machine adds noise)")
    ap.add_argument("--seeds", type=int, default=1,
                    help="random inputs: measure this many different texts per size and keep the median "
                         "of their figures (a random run's cost varies from one text to another)")
    ap.add_argument("--stat", choices=("best", "median"), default="best",
                    help="which of the repeated measurements to keep (default: best, the least CPU time)")
    args = ap.parse_args()

    sizes = [args.base * 2 ** k for k in range(args.doublings + 1)]
    names = [n for n in INPUTS if not args.only
             or any(n.lower().startswith(o.strip().lower()) for o in args.only.split(","))]
    # The checkout to run, put first on the child's path: without it the child would import
    # whichever `lint` the interpreter has installed, not necessarily this script's.
    code = os.path.abspath(args.code or os.path.dirname(HERE))
    print(f"edlint check, default rules, CPU seconds per size (UTF-8 bytes); code: {code}")
    print(f"each figure: the {args.stat} of {max(1, args.repeat)} measurement(s)"
          + (f", the median of {args.seeds} random texts" if args.seeds > 1 else "") + "; load: 1-minute average "
          f"at the row's end; gc: full collections in the timed check at the largest size")
    head = f"{'input':24s}" + "".join(f"{_size(s):>9s}" for s in sizes) + "   growth per doubling"
    print(head)
    print("-" * len(head))
    failures = 0
    for name in names:
        results = _measure_input(INPUTS[name], sizes, code, args)
        times: list[float | str] = []  # seconds, or why there is no figure
        gc_note = ""
        for r in results:
            times.append("skipped" if r == "skipped" else f">{args.limit + 30:.0f}" if r is None
                         else "crash" if "crash" in r else r["cpu"])
            if isinstance(r, dict) and "crash" not in r:
                gc_note = (f"gc {r.get('gc_full', '?')}" + ("" if r.get("gc_enabled", True) else " (off)")
                           + f", peak {r.get('peak_mb', 0):.0f} MB")
        growth = [b / a if isinstance(a, float) and isinstance(b, float) and a else None
                  for a, b in zip(times, times[1:])]
        cells = "".join(f"{_secs(t):>9s}" for t in times)
        gcells = " ".join("   -  " if g is None else f"{g:5.2f}" for g in growth)
        if growth and all(g is not None for g in growth):  # the geometric mean: less noisy than each step
            mean = (times[-1] / times[0]) ** (1 / len(growth))
            gcells += f"   (mean {mean:.2f})"
        ok = (all(g is not None and g <= GROWTH_TARGET for g in growth)
              and isinstance(times[-1], float) and (sizes[-1] < 2 ** 20 or times[-1] < MB_TARGET))
        failures += not ok
        print(f"{name:24s}{cells}   {gcells}   {'ok' if ok else 'OVER TARGET'}"
              f"   load {os.getloadavg()[0]:.1f}, {gc_note}")
        sys.stdout.flush()
    print(f"\ntargets: growth <= {GROWTH_TARGET} per doubling, 1 MB under {MB_TARGET:.0f} s; "
          f"{len(names) - failures} of {len(names)} inputs meet them")


def _measure_input(make, sizes: list[int], code: str, args) -> list:
    """One figure per size: the median over the random texts of the `--stat` of the repeats.

    The measurements go round the sizes (each text at every size, then the next text, and
    then all again) rather than measuring one size many times in a row: neighbouring sizes
    are measured close together in time, and a slow spell of this shared machine falls on a
    different size each round, which the best of the rounds drops, instead of lifting one
    size's every measurement and reading as a growth step.
    """
    seeds, repeat = max(1, args.seeds), max(1, args.repeat)
    texts = {(size, seed): make(size, seed) for size in sizes for seed in range(seeds)}
    runs: dict[tuple[int, int], list] = {key: [] for key in texts}
    too_slow_from = len(sizes)  # sizes from this index on are skipped
    for _ in range(repeat):
        for seed in range(seeds):
            for i, size in enumerate(sizes):
                if i >= too_slow_from:
                    break
                ext, text = texts[size, seed]
                r = measure(text, ext, code, args.limit)
                runs[size, seed].append(r)
                if r is None or "crash" in r or r["cpu"] > args.limit:
                    too_slow_from = min(too_slow_from, i + 1)
    figures: list = []
    for i, size in enumerate(sizes):
        if not all(runs[size, seed] for seed in range(seeds)):
            figures.append("skipped")  # a smaller size was already over the limit
            continue
        texts_of_size = {texts[size, seed][1] for seed in range(seeds)}
        if len(texts_of_size) == 1:  # an input with no randomness: every measurement is a repeat
            groups = [[r for seed in range(seeds) for r in runs[size, seed]]]
        else:
            groups = [runs[size, seed] for seed in range(seeds)]
        per_text = [None if any(x is None for x in taken)
                    else next((x for x in taken if "crash" in x), None) or _pick(taken, args.stat)
                    for taken in groups]
        figures.append(None if any(x is None for x in per_text)
                       else next((x for x in per_text if "crash" in x), None) or _pick(per_text, "median"))
    return figures


def _pick(runs: list[dict], stat: str) -> dict:
    ranked = sorted(runs, key=lambda x: x["cpu"])
    return ranked[0] if stat == "best" else ranked[(len(ranked) - 1) // 2]


def _size(n: int) -> str:
    return f"{n // 2 ** 20} MB" if n >= 2 ** 20 else f"{n // 1024} KB"


def _secs(t: float | str) -> str:
    return t if isinstance(t, str) else f"{t:.2f}"


if __name__ == "__main__":
    main()
