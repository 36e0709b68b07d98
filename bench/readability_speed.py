"""How fast are the readability metrics, and how close to textstat's?

    .venv/bin/python bench/readability_speed.py ARTICLES [--passes 5] [--no-textstat]

ARTICLES is a directory of .txt/.md files or a JSON Lines file with a "text"
field per record. Prints: the one-off costs (import, dictionary load on the
first document), the average time of `document_metrics` per article (fresh
document cache each pass: the first pass also looks up every new word, later
passes reuse the per-process word cache as a long run does), scaled to an
800-word article; and, unless --no-textstat, textstat 0.7.8's time for the
same metrics and the mean difference of the scores.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def load_texts(path: Path) -> list[str]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".md"))
        return [p.read_text(encoding="utf-8") for p in files]
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--no-textstat", action="store_true")
    args = ap.parse_args()

    texts = load_texts(args.articles)
    from lint.readers import parse
    docs = [parse(t, "a.txt", "text", {})[0] for t in texts]

    t0 = time.perf_counter()
    from lint.readability.metrics import document_metrics
    t1 = time.perf_counter()
    first = document_metrics(docs[0], {})
    t2 = time.perf_counter()
    print(f"import lint.readability.metrics: {(t1 - t0) * 1000:.1f} ms")
    print(f"first document (reads the CMU dictionary and hyphenation patterns): {(t2 - t1) * 1000:.1f} ms "
          f"({first['words']} words)")

    # Pass 1 looks up every word new to the process; later passes find them cached.
    per_pass = []
    for _ in range(args.passes):
        for d in docs:
            d.cache.clear()
        start = time.perf_counter()
        for d in docs:
            document_metrics(d, {})
        per_pass.append((time.perf_counter() - start) / len(docs))
    words = statistics.mean(document_metrics(d, {})["words"] for d in docs)
    print(f"articles: {len(docs)}, prose words per article: mean {words:.0f}")
    print(f"document_metrics per article: pass 1 {per_pass[0] * 1000:.2f} ms, "
          f"later passes median {statistics.median(per_pass[1:] or per_pass) * 1000:.2f} ms, "
          f"mean of all passes {statistics.mean(per_pass) * 1000:.2f} ms")
    print(f"per 800 words: pass 1 {per_pass[0] * 1000 * 800 / words:.2f} ms, "
          f"mean of all passes {statistics.mean(per_pass) * 1000 * 800 / words:.2f} ms (target < 5 ms)")

    if not args.no_textstat:
        compare_textstat(docs)


def compare_textstat(docs) -> None:
    from lint.readability.metrics import document_metrics, prose
    import textstat

    # The same prose textstat would be given: the sentences we score, one paragraph each.
    texts = ["\n\n".join(p.block.text[p.sentences[0].start:p.sentences[-1].end] for p in prose(d).paragraphs)
             for d in docs]
    textstat.flesch_kincaid_grade(texts[0])  # load its dictionary outside the timing
    pairs = {"flesch_reading_ease": textstat.flesch_reading_ease,
             "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
             "gunning_fog": textstat.gunning_fog, "smog_index": textstat.smog_index,
             "coleman_liau_index": textstat.coleman_liau_index,
             "automated_readability_index": textstat.automated_readability_index,
             "dale_chall_score": textstat.dale_chall_readability_score}
    start = time.perf_counter()
    theirs = [{k: f(t) for k, f in pairs.items()} | {"consensus_grade": textstat.text_standard(t, float_output=True),
                                                       "sentences": textstat.sentence_count(t),
                                                       "words": textstat.lexicon_count(t)}
              for t in texts]
    elapsed = (time.perf_counter() - start) / len(texts)
    from importlib.metadata import version
    print(f"textstat {version('textstat')}, the same metrics per article: {elapsed * 1000:.2f} ms")
    ours = [document_metrics(d, {"min-words": 0}) for d in docs]
    print("mean |ours - textstat| (mean of ours):")
    for key in [*pairs, "consensus_grade", "sentences", "words"]:
        diffs = [abs(o[key] - t[key]) for o, t in zip(ours, theirs) if o[key] is not None]
        print(f"  {key:30s} {statistics.mean(diffs):7.2f}   ({statistics.mean(o[key] for o in ours):.2f})")


if __name__ == "__main__":
    sys.exit(main())
