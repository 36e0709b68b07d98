"""edlint's own rules checked in a process of their own, beside the language server.

Why a process and not the warm-up thread alone: a cold server spends about half a second
of CPU importing pygls and lsprotocol, and as much again loading edlint's rule packs,
lexicons and readers. Threads share one interpreter lock, so the two costs add up; a
process forked at start, before pygls is imported and before any thread exists, loads the
engine on the second core while this one answers `initialize`. It also means a check that
kills its process (a native crash, running out of memory) costs that one check: the
server says so in the document and starts a fresh worker.

The worker answers BufferChecker's `check` and `reload`, one request at a time, over a
pair of pipes carrying pickles. It never touches standard input or output, which are the
editor's LSP channel. It exits when the server closes the pipe (the server exited).
"""
from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import threading

log = logging.getLogger("edlint.lsp")


class WorkerLost(RuntimeError):
    """The worker process died during a request; a new one was started for the next."""


class CheckWorker:
    """A BufferChecker (check, reload) in another process; thread-safe, one call at a time."""

    def __init__(self, channel: "_Channel"):
        self._channel = channel
        self._lock = threading.Lock()

    @classmethod
    def fork(cls) -> "CheckWorker | None":
        """A worker forked from this process, which must not have started threads yet (so the
        child inherits nothing half-held); None where processes can't be forked."""
        return cls(_connect(_fork)) if hasattr(os, "fork") else None

    @classmethod
    def spawn(cls) -> "CheckWorker":
        """A worker started as a fresh interpreter: safe from a process that has threads."""
        return cls(_connect(_spawn))

    @property
    def pid(self) -> int:
        return self._channel.pid

    def check(self, path: str, text: str, language_id: str | None = None, languagetool: str = "off"):
        return self._call("check", (path, text, language_id, languagetool))

    def reload(self) -> None:
        self._call("reload", ())

    def close(self) -> None:
        with self._lock:
            self._channel.shut()

    def _call(self, op: str, args: tuple):
        with self._lock:
            try:
                status, value = self._channel.ask(op, args)
            except (OSError, EOFError, pickle.UnpicklingError) as e:
                log.error("the check worker died (%s: %s); starting a new one", type(e).__name__, e)
                self._channel.shut()
                self._channel = _connect(_spawn)
                raise WorkerLost("the check stopped its process (it was restarted for the next check)") from e
        if status == "raised":
            raise RuntimeError(value)
        return value


class _Channel:
    """One worker process and the two pipes to it."""

    def __init__(self, pid: int, requests, replies, stop):
        self.pid, self._requests, self._replies, self._stop = pid, requests, replies, stop

    def ask(self, op: str, args: tuple):
        pickle.dump((op, args), self._requests, protocol=pickle.HIGHEST_PROTOCOL)
        self._requests.flush()
        return pickle.load(self._replies)

    def shut(self) -> None:
        for stream in (self._requests, self._replies):
            try:
                stream.close()
            except OSError:
                pass
        self._stop()


def _connect(launch) -> _Channel:
    """Two pipes (os.pipe() gives the read end, then the write end), a worker started on
    their far ends by `launch(child_fds, parent_fds) -> (pid, stop)`, and this side's ends."""
    request_r, request_w = os.pipe()
    reply_r, reply_w = os.pipe()
    pid, stop = launch((request_r, reply_w), (request_w, reply_r))
    os.close(request_r)
    os.close(reply_w)
    return _Channel(pid, os.fdopen(request_w, "wb"), os.fdopen(reply_r, "rb"), stop)


def _fork(child_fds, parent_fds):
    pid = os.fork()
    if pid == 0:  # the worker
        for fd in parent_fds:
            os.close(fd)
        _run(*child_fds)  # never returns
    return pid, lambda: _reap(pid)


def _spawn(child_fds, parent_fds):
    proc = subprocess.Popen([sys.executable, "-m", "lint.lsp.worker", *map(str, child_fds)],
                            pass_fds=child_fds, stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno(),
                            close_fds=True)
    return proc.pid, lambda: _end(proc)


def _reap(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _end(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


def _run(requests_fd: int, replies_fd: int) -> None:
    """The worker's life: keep the LSP channel clean, warm up, answer until the pipe closes."""
    code = 0
    try:
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # the editor's requests are not ours to read
        os.dup2(2, 1)  # a stray print() in a rule must not reach the editor as LSP
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        sys.stdin = open(os.devnull)
        sys.stdout = sys.stderr
        requests, replies = os.fdopen(requests_fd, "rb"), os.fdopen(replies_fd, "wb")
        from .checking import BufferChecker
        from .warmup import warm_up

        checker = BufferChecker()
        warm_up(checker)
        while True:
            try:
                op, args = pickle.load(requests)
            except EOFError:  # the server has gone
                break
            try:
                reply = pickle.dumps(("ok", getattr(checker, op)(*args)), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as e:  # reported in the document by the server; logged here
                log.exception("check in the worker failed")
                reply = pickle.dumps(("raised", f"{type(e).__name__}: {e}"))
            replies.write(reply)
            replies.flush()
    except BaseException:  # noqa: BLE001 - the worker must end here, never run the server's code
        code = 1
        log.exception("the check worker stopped")
    finally:
        logging.shutdown()
        os._exit(code)


if __name__ == "__main__":  # started by CheckWorker.spawn
    logging.basicConfig(level=logging.WARNING)
    _run(int(sys.argv[1]), int(sys.argv[2]))
