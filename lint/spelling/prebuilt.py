"""The spelling data precompiled when the wheel is built (hatch_build.py), so that a fresh
install never merges the data packages on its first run (about 2 s of CPU).

The files are named by a key of the data they were built from: each data package's version
(read from the name of its .dist-info folder, found without importing the package) and the
sizes of the files the build reads. A run whose installed data differ computes another key,
finds no file of that name, and builds its own cache as before, so a lexicon made from other
data is never used. The files are the same format as the user's cache files (a tag and a
checksum, lint/spelling/cachefile.py), so a damaged one is refused the same way.

The lexicon file is made from codespell's (CC BY-SA 3.0) and wordfreq's (CC BY-SA 4.0) data
and pyspellchecker's list (MIT); see data/NOTICE.md, shipped beside the files.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

DIRECTORY = Path(__file__).parent / "data"

# import name -> (distribution name, the data files the lexicon and bigram builds read)
SOURCES = {
    "spellchecker": ("pyspellchecker", ("resources/en.json.gz",)),
    "wordfreq": ("wordfreq", ("data/large_en.msgpack.gz",)),
    "codespell_lib": ("codespell", ("data/dictionary.txt", "data/dictionary_en-GB_to_en-US.txt")),
    "symspellpy": ("symspellpy", ("frequency_dictionary_en_82_765.txt",
                                  "frequency_bigramdictionary_en_243_342.txt")),
}

_KEY: list[str | None] = []  # computed once per process


def data_key() -> str | None:
    """A key of the installed data, or None when a package or its version can't be found (an
    unusual install): then nothing precompiled is trusted."""
    if not _KEY:
        _KEY.append(_compute_key())
    return _KEY[0]


def _compute_key() -> str | None:
    from importlib.util import find_spec

    from .lexicon import BUILD_VERSION

    parts = [f"b{BUILD_VERSION}"]
    listings: dict[Path, list[str]] = {}  # the four packages usually share one folder: listed once
    for module, (distribution, files) in SOURCES.items():
        spec = find_spec(module)  # top-level packages: located, not executed
        if spec is None or not spec.submodule_search_locations:
            return None
        package = Path(list(spec.submodule_search_locations)[0])
        version = installed_version(package.parent, distribution, listings)
        if version is None:
            return None
        try:
            sizes = [os.stat(package / f).st_size for f in files]
        except OSError:
            return None
        parts.append(f"{distribution}={version}:{','.join(map(str, sizes))}")
    return hashlib.sha256(" ".join(parts).encode()).hexdigest()[:20]


def installed_version(site: Path, distribution: str, listings: dict | None = None) -> str | None:
    """The version in the one `{distribution}-{version}.dist-info` folder beside the package;
    None if there is none or more than one (a half-finished upgrade)."""
    wanted = _normalized(distribution)
    listings = {} if listings is None else listings
    try:
        if site not in listings:
            listings[site] = [n for n in os.listdir(site) if n.endswith(".dist-info")]
    except OSError:
        return None
    names = listings[site]
    found = []
    for name in names:
        project, _, version = name[:-len(".dist-info")].rpartition("-")  # versions have no "-"
        if _normalized(project) == wanted:
            found.append(version)
    return found[0] if len(found) == 1 else None


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def path(kind: str) -> Path | None:
    """The precompiled file of this kind ("lexicon", "bigrams") for the installed data."""
    key = data_key()
    return DIRECTORY / f"{kind}-{key}.bin" if key else None


def load(kind: str, read):
    """read(path) of the precompiled file, or None when there is none for this data (or it is
    damaged): the caller then uses the user's cache."""
    p = path(kind)
    if p is None:
        return None
    try:
        return read(p)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write(directory: Path) -> list[Path]:
    """Build the lexicon and the bigram model from the installed data into `directory` (the
    wheel-build step), removing files of other keys there. Returns the files written."""
    from . import context, lexicon

    key = data_key()
    if key is None:
        raise ImportError("the spelling data packages (or their versions) were not found")
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / f"lexicon-{key}.bin", directory / f"bigrams-{key}.bin"]
    lexicon._save(written[0], *lexicon.build())
    context._save(written[1], context._build_model())
    for old in directory.glob("*.bin"):
        if old not in written:
            old.unlink()
    return written
