"""Which files a run checks: explicit files as given, directories walked with include/exclude globs."""
from __future__ import annotations

import os

from .config import DEFAULT_EXCLUDE, Config
from .globspec import gitignore_spec
from .result import FileError


def discover(paths: list[str], config_for, *, follow_symlinks: bool = False,
             notes: list[str] | None = None, into=None) -> tuple[list[str], list[FileError]]:
    """Expand `paths` into the files to check. `config_for(path)` gives the config that
    decides include/exclude for a directory. Missing paths, empty directories and
    directories that can't be listed are errors.

    Inside a directory, a symbolic link that leads out of it is not followed unless
    `follow_symlinks`: a contributed link to a file elsewhere on the machine would
    otherwise be read and quoted in the report. One line about the links skipped is
    appended to `notes`. Files named on the command line are checked as given.

    The files are appended to `into` (a list by default, which is returned), one at a time:
    a walk over an archive holds none of its names itself."""
    files = [] if into is None else into
    errors: list[FileError] = []
    # A path is checked once. Only the names of arguments that could meet another's are
    # remembered: a walk's names all begin with its top, so two arguments can share a name
    # only if one begins with the other; within one walk no name repeats.
    seen: set[str] = set()
    meets = _Overlap([p for p in paths if p != "-"])
    outside: list[str] = []  # links not followed
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
            from .readers import not_regular

            errors.append(FileError(p, not_regular(os.stat(p).st_mode)))  # as a walk reports it
            continue
        cfg: Config = config_for(p)
        found, unlisted = _walk(p, cfg, seen if meets(p) else None, follow_symlinks, outside, files)
        errors.extend(unlisted)
        if not found and not any(e.path == p for e in unlisted):
            errors.append(FileError(p, "no articles found in this directory (include: "
                                       + ", ".join(cfg.include) + ")"))
    if outside and notes is not None:
        n = len(outside)
        notes.append(f"{n} symbolic link{'s' if n != 1 else ''} leading out of the checked "
                     f"director{'ies' if len(paths) > 1 else 'y'} not followed (first: {outside[0]}); "
                     "--follow-symlinks checks their targets")
    return files, errors


class _Overlap:
    """Whether an argument begins with another or another with it (or it is given twice)."""

    def __init__(self, names: list[str]):
        from collections import Counter

        self._count = Counter(names)
        self._sorted = sorted(self._count)

    def __call__(self, p: str) -> bool:
        from bisect import bisect_right

        if self._count[p] > 1 or any(p[:k] in self._count for k in range(1, len(p))):
            return True
        j = bisect_right(self._sorted, p)  # the names that begin with p follow it
        return j < len(self._sorted) and self._sorted[j].startswith(p)


def _walk(top: str, cfg: Config, seen: set[str] | None, follow_symlinks: bool,
          outside: list[str], into) -> tuple[int, list[FileError]]:
    """Append the files of `top` to `into`; return how many, and the directories that
    could not be listed. `seen` (None: nothing else can name these files) keeps each once."""
    include, exclude = gitignore_spec(cfg.include), gitignore_spec(DEFAULT_EXCLUDE + tuple(cfg.exclude))
    found = 0
    errors: list[FileError] = []

    def unlisted(e: OSError) -> None:
        # os.walk skips a directory it can't list; that is files not checked, so an error.
        errors.append(FileError(e.filename or top, f"cannot list this directory: {e.strerror or e}"))

    real_top = os.path.realpath(top)
    visited = {real_top}  # with --follow-symlinks, a link back up must not loop
    for root, dirs, names in os.walk(top, onerror=unlisted, followlinks=follow_symlinks):
        if follow_symlinks:
            visited.add(os.path.realpath(root))
        rel_root = os.path.relpath(root, top)
        dirs[:] = [d for d in sorted(dirs) if not exclude.match_file(_rel(rel_root, d) + "/")
                   and _enters(os.path.join(root, d), follow_symlinks, real_top, visited, outside)]
        for name in sorted(names):
            rel = _rel(rel_root, name)
            if include.match_file(rel) and not exclude.match_file(rel):
                full = os.path.join(root, name)
                if not follow_symlinks and os.path.islink(full) and not _inside(full, real_top):
                    outside.append(full)
                    continue
                if seen is not None:
                    if full in seen:
                        continue
                    seen.add(full)
                into.append(full)
                found += 1
    return found, errors


def _enters(full: str, follow_symlinks: bool, real_top: str, visited: set[str], outside: list[str]) -> bool:
    """Whether the walk goes into directory `full`: always unless it is a link. Without
    --follow-symlinks a link is not walked (one to outside the tree is noted in `outside`;
    one within it is walked under its target's own name); with it, each target once."""
    if not os.path.islink(full):
        return True
    if not follow_symlinks:
        if not _inside(full, real_top):
            outside.append(full)
        return False
    real = os.path.realpath(full)
    if real in visited:
        return False
    visited.add(real)
    return True


def _inside(path: str, real_top: str) -> bool:
    real = os.path.realpath(path)
    return real == real_top or real.startswith(real_top.rstrip(os.sep) + os.sep)


def _rel(root: str, name: str) -> str:
    return name if root == "." else f"{root}/{name}".replace(os.sep, "/")
