"""The quick fixes that write to the project's configuration, so that `edlint check` in CI
accepts at once what an editor accepted: a word for the whole project, or for one file.

Edits go through tomlkit, which keeps the file's formatting and comments; the file is
replaced atomically. A configuration that names `accept-files` gets the word in its first
word list (one term per line) instead of in the TOML.
"""
from __future__ import annotations

import os
from pathlib import Path


def nearest_config(path: str, workspace_root: str | None) -> Path:
    """The configuration `edlint check` would read for `path`, or a new `edlint.toml` at the
    workspace root (else beside the file) when there is none."""
    from ..config import find_config_file

    found = find_config_file(os.path.dirname(os.path.abspath(path)))
    if found is not None:
        return found
    return Path(workspace_root or os.path.dirname(os.path.abspath(path))) / "edlint.toml"


def _load(path: Path):
    import tomlkit

    if path.exists():
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    return tomlkit.document()


def _edlint_table(doc, path: Path):
    """The table holding edlint's keys: the document, or [tool.edlint] in pyproject.toml."""
    import tomlkit

    if path.name != "pyproject.toml":
        return doc
    tool = doc.setdefault("tool", tomlkit.table(is_super_table=True))
    return tool.setdefault("edlint", tomlkit.table())


def _write(path: Path, text: str) -> None:
    from ..fixes import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(str(path), text)


def _append_word(items, word: str) -> bool:
    if word in [str(x) for x in items]:
        return False
    items.append(word)
    if len(items) > 3:
        items.multiline(True)
    return True


def accept_word(config_path: Path, word: str) -> Path:
    """Add `word` to the project vocabulary of `config_path`; returns the file written."""
    import tomlkit

    doc = _load(config_path)
    table = _edlint_table(doc, config_path)
    vocab = table.get("vocabulary")
    files = list(vocab.get("accept-files", [])) if vocab is not None else []
    if files:
        target = (config_path.parent / str(files[0]))
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        if word not in existing.splitlines():
            sep = "" if not existing or existing.endswith("\n") else "\n"
            _write(target, existing + sep + word + "\n")
        return target
    if vocab is None:
        vocab = tomlkit.table()
        table["vocabulary"] = vocab
    accept = vocab.get("accept")
    if accept is None:
        accept = tomlkit.array()
        vocab["accept"] = accept
    if _append_word(accept, word):
        _write(config_path, tomlkit.dumps(doc))
    return config_path


def accept_word_in_file(config_path: Path, file_path: str, word: str) -> Path:
    """Accept `word` in one file only: an `[[overrides]]` entry for exactly that file."""
    import tomlkit

    doc = _load(config_path)
    table = _edlint_table(doc, config_path)
    rel = os.path.relpath(os.path.abspath(file_path), config_path.parent.resolve()).replace(os.sep, "/")
    overrides = table.get("overrides")
    if overrides is None:
        overrides = tomlkit.aot()
        table["overrides"] = overrides
    entry = None
    for ov in overrides:
        if [str(f) for f in ov.get("files", [])] == [rel] and set(ov) <= {"files", "vocabulary"}:
            entry = ov
            break
    if entry is None:
        entry = tomlkit.table()
        entry["files"] = [rel]
        overrides.append(entry)
    vocab = entry.setdefault("vocabulary", tomlkit.table())
    accept = vocab.setdefault("accept", tomlkit.array())
    if _append_word(accept, word):
        _write(config_path, tomlkit.dumps(doc))
    return config_path
