"""What would the readability rules say about a set of articles, for several defaults?

    .venv/bin/python bench/readability_defaults.py ARTICLES [--preset general-news]

ARTICLES is a directory of .txt/.md files (or a JSON Lines file with a "text"
field per record), ideally published, edited copy: defaults that fire on most of
it are noise. Prints the distribution of the article grade (Flesch-Kincaid) and
the share of articles above a range of target grades; sentence lengths; how
many long-sentence notes an article would get for a range of thresholds, with
and without a cap of the worst N per article; and hard paragraphs per article
for a range of margins. Then what the preset's current settings give.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readability_speed import load_texts  # noqa: E402


def percentiles(values, points=(10, 25, 50, 75, 90, 99)):
    values = sorted(values)
    if not values:
        return {p: 0 for p in points}
    return {p: values[min(len(values) - 1, int(len(values) * p / 100))] for p in points}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--preset", default="general-news")
    args = ap.parse_args()

    from lint.readability.formulas import flesch_kincaid_grade
    from lint.readability.metrics import prose
    from lint.readability.presets import audience
    from lint.readers import parse

    aud = audience({"preset": args.preset})
    grades, lengths, per_article, paragraphs = [], [], [], []
    for text in load_texts(args.articles):
        p = prose(parse(text, "a.txt", "text", {})[0])
        if p.counts.words >= aud.min_words:
            grades.append(flesch_kincaid_grade(p.counts))
        sent = [s.counts.words for par in p.paragraphs for s in par.sentences]
        lengths.extend(sent)
        per_article.append(sent)
        paragraphs.append([flesch_kincaid_grade(par.counts) for par in p.paragraphs if par.counts.words >= 40])
    n = len(per_article)
    print(f"{n} articles, {len(grades)} of at least {aud.min_words} prose words, {len(lengths)} sentences")

    print("\narticle grade (Flesch-Kincaid): " + "  ".join(f"p{k} {v:.1f}" for k, v in percentiles(grades).items())
          + f"  mean {statistics.fmean(grades):.2f}")
    print("articles above a target grade:  " + "  ".join(
        f">{t}: {sum(g > t for g in grades) / len(grades):.1%}" for t in (8, 10, 11, 12, 13, 14, 15)))

    print("\nsentence words: " + "  ".join(f"p{k} {v}" for k, v in percentiles(lengths).items())
          + f"  mean {statistics.fmean(lengths):.1f}")
    print("notes per article for long-sentence = L (every sentence over L words; capped at the worst N):")
    print("   L    all   share>0    N=1    N=2    N=3")
    for limit in (25, 30, 35, 40, 45, 50):
        over = [sum(w > limit for w in a) for a in per_article]
        caps = "".join(f"{statistics.fmean(min(o, cap) for o in over):7.2f}" for cap in (1, 2, 3))
        print(f"  {limit:2d} {statistics.fmean(over):6.2f}   {sum(o > 0 for o in over) / n:6.1%}{caps}")

    print("hard paragraphs per article (grade above target + margin, paragraphs of 40+ words):")
    for limit in (14, 15, 16, 17, 18):
        counts = [sum(g > limit for g in a) for a in paragraphs]
        print(f"  above grade {limit}: {statistics.fmean(counts):.2f} per article, "
              f"{sum(c > 0 for c in counts) / n:.1%} of articles")

    print(f"\npreset {aud.preset}: target {aud.target_grade:g}, long {aud.long_sentence}, "
          f"very long {aud.very_long_sentence}, hard-paragraph margin {aud.hard_paragraph_margin:g}")


if __name__ == "__main__":
    main()
