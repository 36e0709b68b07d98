"""Which word-frequency list the lexicon should be built from: wordfreq (60 MB
installed, frozen since 2023) against the lists already installed with
symspellpy and pyspellchecker, scored by the spelling benchmark's own scorer.

    .venv/bin/python bench/spelling_frequency_sources.py SCORER DATA [--language L] [--source NAME ...]

SCORER is the spelling benchmark's score.py, DATA its JSONL file. For each
source the lexicon is built as usual (lint/spelling/lexicon.py) with the
source's frequencies in place of wordfreq's, written to a fresh cache
directory, and `edlint check --format json` is scored with that cache
(EDLINT_CACHE_DIR), so the product code is the same in every run. Prints the
scorer's summary per source.

Sources:
- wordfreq: wordfreq's large English list (what edlint ships with);
- pyspellchecker: the counts of pyspellchecker's own English list (OpenSubtitles
  and other text, 160,572 words): frequencies for the core words, no extra words;
- symspellpy: the counts of symspellpy's 82,765-word list (Google Books n-grams),
  extra words above the same Zipf thresholds as wordfreq's;
- symspellpy+pyspellchecker: symspellpy's counts, and pyspellchecker's (scaled to
  the same total) for the words symspellpy lacks.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SOURCES = ("wordfreq", "pyspellchecker", "symspellpy", "symspellpy+pyspellchecker")


def _proportions(counts: dict[str, int]) -> dict[str, float]:
    total = sum(counts.values()) or 1
    return {w: c / total for w, c in counts.items()}


def pyspellchecker_counts() -> dict[str, int]:
    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def symspellpy_counts() -> dict[str, int]:
    import symspellpy

    counts = {}
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                counts[parts[0]] = int(parts[1])
    return counts


def frequencies(source: str) -> dict[str, float] | None:
    """word -> proportion of all words, or None for wordfreq itself."""
    if source == "wordfreq":
        return None
    if source == "pyspellchecker":
        return _proportions(pyspellchecker_counts())
    if source == "symspellpy":
        return _proportions(symspellpy_counts())
    if source == "symspellpy+pyspellchecker":
        sym, core = _proportions(symspellpy_counts()), _proportions(pyspellchecker_counts())
        return {**core, **sym}
    raise SystemExit(f"unknown source {source!r}; sources: {', '.join(SOURCES)}")


def build_cache(source: str, cache: Path) -> None:
    """The lexicon cache file edlint would load, built with `source`'s frequencies."""
    os.environ["EDLINT_CACHE_DIR"] = str(cache)
    import wordfreq

    from lint.spelling import lexicon

    freq = frequencies(source)
    original = wordfreq.get_frequency_dict
    if freq is not None:
        wordfreq.get_frequency_dict = lambda *a, **k: freq
    try:
        parts = lexicon.build()
    finally:
        wordfreq.get_frequency_dict = original
    lexicon._save(cache / f"lexicon-{lexicon._versions()}.bin", *parts)
    print(f"{source}: {len(parts[0]):,} words in the lexicon", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scorer")
    ap.add_argument("data")
    ap.add_argument("--language", default=None)
    ap.add_argument("--source", action="append", choices=SOURCES)
    args = ap.parse_args()
    edlint = str(Path(sys.executable).parent / "edlint")
    for source in args.source or SOURCES:
        with tempfile.TemporaryDirectory(prefix="edlint-freq-") as tmp:
            # Each source in its own interpreter: the lexicon module caches per process.
            subprocess.run([sys.executable, __file__, "--_build", source, tmp], check=True)
            cmd = [sys.executable, args.scorer, args.data, "--", edlint, "check", "--format", "json"]
            if args.language:
                cmd += ["--language", args.language]
            out = subprocess.run(cmd, env=dict(os.environ, EDLINT_CACHE_DIR=tmp),
                                 capture_output=True, text=True)
            print(f"== {source}")
            print(out.stdout.strip() or out.stderr.strip(), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--_build":
        build_cache(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
