"""Gitignore-style glob lists (include, exclude, a config override's `files`), compiled.

pathspec picks its fastest installed backend by default; with Hyperscan installed (the
boilerplate keyword screen's dependency) that is a database compiled per list, about 30 ms
each, where the plain backend takes well under a millisecond for the few globs a config
holds, and a config's overrides are matched once per checked file.
"""
from __future__ import annotations


def gitignore_spec(patterns):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="simple")
