"""Which files a run checks: explicit files as given, directories walked with include/exclude globs."""
from __future__ import annotations

import os

from .config import DEFAULT_EXCLUDE, Config
from .result import FileError


def _spec(patterns):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def discover(paths: list[str], config_for) -> tuple[list[str], list[FileError]]:
    """Expand `paths` into the files to check. `config_for(path)` gives the config that
    decides include/exclude for a directory. Missing paths and empty directories are errors."""
    files: list[str] = []
    errors: list[FileError] = []
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        if os.path.isfile(p):
            if p not in seen:
                seen.add(p)
                files.append(p)
            continue
        if not os.path.exists(p):
            errors.append(FileError(p, "no such file or directory"))
            continue
        if not os.path.isdir(p):
            errors.append(FileError(p, "not a regular file or directory"))
            continue
        cfg: Config = config_for(p)
        include, exclude = _spec(cfg.include), _spec(DEFAULT_EXCLUDE + tuple(cfg.exclude))
        found = []
        for root, dirs, names in os.walk(p):
            rel_root = os.path.relpath(root, p)
            dirs[:] = sorted(d for d in dirs
                             if not exclude.match_file(_rel(rel_root, d) + "/"))
            for name in sorted(names):
                rel = _rel(rel_root, name)
                if include.match_file(rel) and not exclude.match_file(rel):
                    full = os.path.join(root, name)
                    if full not in seen:
                        seen.add(full)
                        found.append(full)
        if not found:
            errors.append(FileError(p, "no articles found in this directory (include: "
                                       + ", ".join(cfg.include) + ")"))
        files.extend(found)
    return files, errors


def _rel(root: str, name: str) -> str:
    return name if root == "." else f"{root}/{name}".replace(os.sep, "/")
