"""The articles a benchmark cycles through: a directory (read recursively, in a fixed
order) or a JSON Lines file with a "text" field per line. Shared by the bench scripts."""
from __future__ import annotations

import json
import os


def corpus_files(path: str | os.PathLike) -> list[tuple[str, str]]:
    """(file extension, text) of each article: ".txt" for a JSON Lines record."""
    path = os.fspath(path)
    if os.path.isdir(path):
        out = []
        for root, dirs, names in os.walk(path):
            dirs.sort()
            for n in sorted(names):
                with open(os.path.join(root, n), encoding="utf-8", errors="replace") as f:
                    out.append((os.path.splitext(n)[1], f.read()))
        return out
    with open(path, encoding="utf-8") as f:
        return [(".txt", json.loads(line)["text"]) for line in f if line.strip()]


def corpus_texts(path: str | os.PathLike) -> list[str]:
    return [text for _, text in corpus_files(path)]


ARTICLE_SUFFIXES = (".txt", ".md", ".html")


def article_files(path: str | os.PathLike) -> list[tuple[str, str]]:
    """corpus_files, without a directory's other files (a README beside the articles)."""
    files = corpus_files(path)
    if os.path.isdir(path):
        files = [(suffix, text) for suffix, text in files if suffix in ARTICLE_SUFFIXES]
    return files
