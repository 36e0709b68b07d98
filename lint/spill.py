"""Where a run keeps per-file results until the reports are written.

An API call or an editor's check keeps them in memory, as lists. A CLI run over an
archive keeps them in a temporary directory instead (`RunStore(spill=True)`), so its
memory does not grow with the number of articles: the findings, the documents' figures
and the corpus rules' collected data are pickled there as files finish, and read back
as the reports are written (`StoredList`, which iterates, counts and indexes like the
list it stands for).
"""
from __future__ import annotations

import os
import pickle
from array import array


class Chunks:
    """Append-only chunks of picklable objects, numbered in the order they were put."""

    def __init__(self, directory: str | None, name: str):
        self._objects: list | None = [] if directory is None else None
        self._file = None
        if directory is not None:
            self._file = open(os.path.join(directory, name), "w+b")
            self._offsets = array("q")
            self._lengths = array("q")
            self._where = array("i")  # 0: this file; k: the k-th of `_names`, a worker's
            self._names: list[str] = []
            self._readers: dict[int, int] = {}  # `_where` -> descriptor, read with os.pread
            self._directory = directory
            self._end = 0
            self._unflushed = False

    def __len__(self) -> int:
        return len(self._objects) if self._file is None else len(self._offsets)

    def put_ref(self, ref) -> int:
        """A chunk a worker pickled into its own file in the directory: (name, offset, length)."""
        name, offset, length = ref
        if name not in self._names:
            self._names.append(name)
        self._offsets.append(offset)
        self._lengths.append(length)
        self._where.append(self._names.index(name) + 1)
        return len(self._offsets) - 1

    def put(self, obj) -> int:
        if self._file is None:
            self._objects.append(obj)
            return len(self._objects) - 1
        return self.put_pickled(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, data: bytes) -> int:
        """A chunk given as its pickle (the result cache keeps them so)."""
        if self._file is None:
            self._objects.append(pickle.loads(data))
            return len(self._objects) - 1
        # Only writes move the file's position (reads are os.pread): no seek, which would
        # flush the buffer at every chunk.
        self._file.write(data)
        self._unflushed = True
        self._offsets.append(self._end)
        self._lengths.append(len(data))
        self._where.append(0)
        self._end += len(data)
        return len(self._offsets) - 1

    def get(self, number: int):
        if self._file is None:
            return self._objects[number]
        return pickle.loads(self.get_pickled(number))

    def ref(self, number: int) -> tuple[str, int, int]:
        """Where chunk `number` is, as put_ref takes it: another Chunks of the run's directory
        can then hold the same chunk without a copy (a spilling run's chunks only)."""
        where = self._where[number]
        if where:
            name = self._names[where - 1]
        else:
            if self._unflushed:
                self._file.flush()
                self._unflushed = False
            name = os.path.basename(self._file.name)
        return name, self._offsets[number], self._lengths[number]

    def get_pickled(self, number: int) -> bytes:
        """A chunk's pickle, as stored (a spilling run's chunks only)."""
        where = self._where[number]
        if where:
            fd = self._readers.get(where)
            if fd is None:
                fd = self._readers[where] = os.open(os.path.join(self._directory, self._names[where - 1]),
                                                    os.O_RDONLY)
        else:
            if self._unflushed:
                self._file.flush()
                self._unflushed = False
            fd = self._file.fileno()
        return os.pread(fd, self._lengths[number], self._offsets[number])

    def __iter__(self):
        for number in range(len(self)):
            yield self.get(number)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            while self._readers:
                os.close(self._readers.popitem()[1])


class PathList:
    """An append-only sequence of paths: a list, or in a spilling run a file in the run's
    directory and 8 bytes of offset per path, so an archive's names are not held in memory.
    Iterates, counts, indexes and compares like the list it stands for. `distinct` is set
    by a caller that knows no path repeats (a directory walk's)."""

    def __init__(self, directory: str | None = None, name: str = "paths"):
        self._list: list[str] | None = [] if directory is None else None
        self.distinct = False
        if directory is not None:
            self._file = open(os.path.join(directory, name), "w+b")
            self._ends = array("q")  # path number -> where it ends in the file
            self._unflushed = False

    def append(self, path: str) -> None:
        if self._list is not None:
            self._list.append(path)
            return
        # surrogatepass: a name os.walk decoded with surrogateescape comes back the same.
        self._file.write(path.encode("utf-8", "surrogatepass"))
        self._ends.append(self._file.tell())
        self._unflushed = True

    def extend(self, paths) -> None:
        for p in paths:
            self.append(p)

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else len(self._ends)

    def __bool__(self) -> bool:
        return len(self) > 0

    def _fd(self) -> int:
        if self._unflushed:
            self._file.flush()
            self._unflushed = False
        return self._file.fileno()

    def __getitem__(self, number: int) -> str:
        if self._list is not None:
            return self._list[number]
        if number < 0:
            number += len(self._ends)
        if not 0 <= number < len(self._ends):
            raise IndexError(number)
        start = self._ends[number - 1] if number else 0
        return os.pread(self._fd(), self._ends[number] - start, start).decode("utf-8", "surrogatepass")

    def __iter__(self):
        if self._list is not None:
            yield from self._list
            return
        fd, start, n, block = self._fd(), 0, len(self._ends), 1 << 16
        k = 0
        while k < n:  # a block of whole paths at a time (a longer path is its own block)
            j = k
            while j < n and (self._ends[j] - start <= block or j == k):
                j += 1
            data = os.pread(fd, self._ends[j - 1] - start, start)
            at = 0
            for e in self._ends[k:j]:
                yield data[at:e - start].decode("utf-8", "surrogatepass")
                at = e - start
            start, k = self._ends[j - 1], j

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, PathList)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"PathList({len(self)} paths)"

    def close(self) -> None:
        if self._list is None:
            self._file.close()


class FileNames:
    """`RunResult.files` of a spilling run: the names noted before the run (files whose
    config could not be built) and then the checked files, kept on disk."""

    def __init__(self, before: list[str], stored: PathList):
        self._before = before
        self._stored = stored
        self.distinct = stored.distinct  # no path repeats: the reports need no set of them

    def __len__(self) -> int:
        return len(self._before) + len(self._stored)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self):
        yield from self._before
        yield from self._stored

    def __getitem__(self, number: int) -> str:
        if number < 0:
            number += len(self)
        if number < len(self._before):
            return self._before[number]
        return self._stored[number - len(self._before)]

    def append(self, path: str) -> None:
        self._stored.append(path)

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, FileNames, PathList)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"FileNames({len(self)} paths)"


class StoredList:
    """A read-only sequence over some chunks (each a list): what a report iterates, once
    or several times, without holding it. Indexing reads it whole (only small runs do)."""

    def __init__(self, chunks: Chunks, numbers, length: int):
        self._chunks = chunks
        self._numbers = numbers  # which chunks, in order
        self._length = length
        self.counts: dict[str, int] | None = None  # findings per severity, when known
        self.paths: int | None = None  # distinct paths among the findings, when known
        self.first_by_rule: dict | None = None  # the first finding of each rule, when known
        # For a report that walks files: file number (in RunResult.files) -> the chunk of
        # its path's findings, -1 for none (a repeated path's go with its first file).
        self._by_file = array("q")
        self._by_file_end = None  # with _by_file: the chunk after the path's last (a long path has several)
        self._files = None  # RunResult.files, to look a path up
        self._by_path: dict[str, int] | None = None
        self.fragments: Fragments | None = None  # with the result cache: the report's text of the chunks

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return self._length > 0

    def __iter__(self):
        for number in self._numbers:
            yield from self._chunks.get(number)

    def __getitem__(self, index):
        return list(self)[index]

    def texts(self, render, batch: int = 500):
        """`render(chunk)` of each chunk in order, the stored text of a chunk the memo of
        `fragments` knows instead: what a report writes of these, without reading them."""
        f = self.fragments
        if f is None:
            for number in self._numbers:
                yield render(self._chunks.get(number))
            return
        for start in range(0, len(self._numbers), batch):
            numbers = self._numbers[start:start + batch]
            pairs = [(f.idents[64 * k:64 * k + 32], f.idents[64 * k + 32:64 * k + 64])
                     for k in range(start, start + len(numbers))]
            known = f.memo.known([ident for ident, _ in pairs if ident != _NONE]) if f.found is None else {}
            for k, (number, (ident, owner)) in enumerate(zip(numbers, pairs), start):
                if f.found is not None and f.found[k] >= 0:
                    yield f.texts.get_pickled(f.found[k]).decode("utf-8", "surrogatepass")
                    continue
                text = known.get(ident)
                if text is None:
                    chunk = self._chunks.get(number)
                    text = render(chunk)
                    if ident != _NONE:
                        f.memo.add(ident, owner, f.header(chunk) + text if f.header is not None else text)
                yield text
        f.memo.save()

    def for_file(self, number: int) -> list:
        """The findings of the path of file `number` of RunResult.files."""
        chunk = self._by_file[number] if number < len(self._by_file) else -1
        if chunk < 0:
            return []
        end = self._by_file_end[number] if self._by_file_end is not None else chunk + 1
        if end == chunk + 1:
            return self._chunks.get(chunk)
        return ChunkRun(self._chunks, chunk, end)

    def _path_files(self) -> dict[str, int]:
        if self._by_path is None:  # only a report that looks paths up builds it (O(paths))
            self._by_path = {}
            for number, (path, chunk) in enumerate(zip(self._files or (), self._by_file)):
                if chunk >= 0:
                    self._by_path.setdefault(path, number)
        return self._by_path

    def path_names(self) -> list[str]:
        """The paths that have findings, in the order of the findings."""
        files = self._path_files()
        return sorted(files, key=lambda path: self._by_file[files[path]])

    def for_path(self, path: str) -> list:
        number = self._path_files().get(path)
        return [] if number is None else self.for_file(number)


_NONE = bytes(32)


class Fragments:
    """A StoredList's chunks as the report's text (lint.cache.FragmentMemo): `idents`, 64 bytes
    per chunk, the ident of its text and its entry's key (zeros: not to be kept). The texts
    are looked up as the report goes, or were found already (`found`: chunk -> where its
    text is in `texts`, -1 for none); `header(chunk)` is kept before a new text."""

    def __init__(self, memo, idents: bytes, found=None, texts: Chunks | None = None, header=None):
        self.memo, self.idents, self.found, self.texts, self.header = memo, idents, found, texts, header


class ChunkRun:
    """One path's findings over several chunks (a long export's), read back each time they
    are iterated, so a report can walk them without holding them."""

    def __init__(self, chunks: Chunks, start: int, end: int):
        self._chunks, self._range = chunks, range(start, end)
        self._length: int | None = None

    def __iter__(self):
        for number in self._range:
            yield from self._chunks.get(number)

    def __len__(self) -> int:
        if self._length is None:
            self._length = sum(len(self._chunks.get(n)) for n in self._range)
        return self._length

    def __bool__(self) -> bool:
        return True  # only a path with findings has chunks


class RunStore:
    """The chunks of one run; `close()` removes the temporary directory."""

    def __init__(self, spill: bool = False):
        self.directory = None
        if spill:
            import tempfile  # with shutil, bz2 and lzma: a run that keeps its results in memory never needs it

            self.directory = tempfile.mkdtemp(prefix="edlint-run-")
        self.findings = Chunks(self.directory, "findings")  # per file, as finalized
        self.documents = Chunks(self.directory, "documents")  # per file, DocumentResults
        self.sealed = Chunks(self.directory, "sealed")  # per path, sorted and baselined
        self.late = Chunks(self.directory, "late")  # the corpus rules' findings, per file in batches
        self.texts = Chunks(self.directory, "texts")  # the report's text of sealed chunks (put_pickled as UTF-8)
        self._corpus: dict[str, Chunks] = {}  # per corpus rule: (global doc, data) per file
        self.packs = Packs()  # file number -> what a late finding needs (see lint.jobs)
        self.files = PathList(self.directory, "files")  # per file
        self.discovered = PathList(self.directory, "discovered")  # what Engine.run found to check

    @property
    def spilled(self) -> bool:
        return self.directory is not None

    def add_collected(self, rule_id: str, base: int, items) -> None:
        """What a corpus rule collected from one file: its (document, data) list or a Ref to it."""
        entry = self._corpus.get(rule_id)
        if entry is None:
            entry = self._corpus[rule_id] = (Chunks(self.directory, f"corpus-{len(self._corpus)}"), array("q"))
        chunks, bases = entry
        if isinstance(items, tuple):
            chunks.put_ref(items)
        else:
            chunks.put(items)
        bases.append(base)

    def corpus_rules(self) -> dict[str, tuple[Chunks, array]]:
        return self._corpus

    def close(self) -> None:
        for chunks in (self.findings, self.documents, self.sealed, self.late, self.texts,
                       *(c for c, _ in self._corpus.values())):
            chunks.close()
        for names in (self.files, self.discovered):
            names.close()
        if self.directory is not None:
            _remove_flat(self.directory)
            self.directory = None


class Packs:
    """Where each file's pack is: bytes (in memory), or (pack file, offset, length) kept in
    arrays, since a run with a corpus rule has one per file."""

    def __init__(self):
        self._bytes: dict[int, bytes] = {}
        self._names: list[str] = []
        self._file = array("i")  # file number -> pack file number, -1 for none
        self._offset = array("q")
        self._length = array("q")

    def __setitem__(self, number: int, pack) -> None:
        if isinstance(pack, bytes):
            self._bytes[number] = pack
            return
        name, offset, length = pack
        if name not in self._names:
            self._names.append(name)
        while len(self._file) <= number:
            self._file.append(-1)
            self._offset.append(0)
            self._length.append(0)
        self._file[number] = self._names.index(name)
        self._offset[number], self._length[number] = offset, length

    def __contains__(self, number: int) -> bool:
        return number in self._bytes or (number < len(self._file) and self._file[number] >= 0)

    def __getitem__(self, number: int):
        if number in self._bytes:
            return self._bytes[number]
        if number >= len(self._file) or self._file[number] < 0:
            raise KeyError(number)
        return (self._names[self._file[number]], self._offset[number], self._length[number])


class CollectedItems:
    """What a corpus rule collected, as `finish()` reads it: (global doc, data) pairs in
    run order. Iterable many times and sized; indexing reads it whole."""

    def __init__(self, chunks: Chunks, bases, length: int):
        self._chunks = chunks
        self._bases = bases  # chunk number -> the global number of its file's first document
        self._length = length
        self._list: list | None = None

    def __len__(self) -> int:
        return self._length

    def __iter__(self):
        if self._list is not None:
            return iter(self._list)
        return ((base + n, data) for base, chunk in zip(self._bases, self._chunks) for n, data in chunk)

    def __getitem__(self, index):
        if self._list is None:
            self._list = list(self)
        return self._list[index]


def _remove_flat(directory: str) -> None:
    # The directory holds only files: no shutil.rmtree, whose fd-based walk is more than this needs.
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        try:
            os.unlink(os.path.join(directory, name))
        except OSError:
            pass
    try:
        os.rmdir(directory)
    except OSError:
        pass
