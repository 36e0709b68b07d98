"""lsprotocol's types imported with the methods attrs generates taken from a cache.

`import lsprotocol.types` defines some 550 attrs classes, and attrs writes and compiles the
source of each one's `__init__`, `__repr__`, `__eq__`... (about 730 `compile()` calls): half
of the import's time, the largest single cost of the language server's start. The code
objects are the same on every start, so they are kept (marshalled, as in a .pyc file) in
edlint's cache directory and reused. A missing, stale or damaged cache, or an attrs that
compiles differently, only costs the ordinary import.
"""
from __future__ import annotations

import hashlib
import marshal
import sys

_TAG = b"edlint-attrs-code\n"


def import_lsprotocol_types() -> None:
    if "lsprotocol.types" in sys.modules:
        return
    try:
        import attr._make as make
    except ImportError:
        make = None
    # attrs compiles through its module's `compile` name (attr._make._compile_and_eval); if
    # that ever changes, import as usual instead of guessing.
    if make is None or "compile" in vars(make) or not callable(getattr(make, "_compile_and_eval", None)):
        import lsprotocol.types  # noqa: F401
        return
    path = _cache_path(make)
    cache = _load(path)
    new: dict[bytes, object] = {}

    def cached_compile(source, filename, mode, *args, **kwargs):
        if args or kwargs or not isinstance(source, str):
            return compile(source, filename, mode, *args, **kwargs)
        key = hashlib.blake2b(f"{filename}\0{mode}\0{source}".encode("utf-8", "surrogatepass"),
                              digest_size=16).digest()
        code = cache.get(key)
        if code is None:
            code = new[key] = compile(source, filename, mode)
        return code

    make.compile = cached_compile
    try:
        import lsprotocol.types  # noqa: F401
    finally:
        del make.compile
    if new and path is not None:
        _save(path, {**cache, **new})


def _cache_path(make):
    try:
        from importlib.util import find_spec

        from ..cache_home import cache_dir

        spec = find_spec("lsprotocol.types")
        import os

        st = os.stat(spec.origin)
        attrs_file = os.stat(make.__file__)
        key = f"{sys.implementation.cache_tag}-{st.st_size:x}-{st.st_mtime_ns ^ attrs_file.st_mtime_ns:x}"
        return cache_dir() / f"lsp-types-{key}.bin"
    except Exception:  # no cache directory to be had: the plain import
        return None


def _load(path) -> dict:
    if path is None:
        return {}
    from ..spelling import cachefile

    try:
        codes = marshal.loads(cachefile.read(path, _TAG))
    except (OSError, ValueError, EOFError, TypeError):  # missing, unreadable or damaged
        return {}
    return codes if isinstance(codes, dict) else {}


def _save(path, codes: dict) -> None:
    from ..spelling import cachefile
    from ..spelling.lexicon import prune_cache

    try:
        cachefile.write(path, _TAG, marshal.dumps(codes))
        prune_cache("lsp-types", path)  # other versions' files
    except (OSError, ValueError):
        pass  # a read-only home: the next start compiles again
