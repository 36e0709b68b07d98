"""A LanguageTool installed on this machine, started by edlint and always stopped.

The installation is found where language-tool-python looks for it: the
directory named by LTP_JAR_DIR_PATH, else the newest `LanguageTool-*`
directory in LTP_PATH (default ~/.cache/language_tool_python). Finding it never
creates a directory and never downloads.

edlint starts the server itself (`java -cp languagetool-server.jar
org.languagetool.server.HTTPServer --port N`) instead of through
`language_tool_python.LanguageTool`, whose start-up may download LanguageTool,
waits a fixed 15 s, and on failure retries on each of ~900 ports. The process
is stopped by `close()` (called from the run's `finally`), by an atexit hook
(Ctrl-C, errors), and on Linux by the kernel if edlint itself dies (SIGTERM
on parent death). Only the process edlint started is ever signalled.
"""
from __future__ import annotations

import atexit
import sys
import time
from pathlib import Path

from .client import ServerFailure
from .install import JAR_NAMES, Install, _find_jar, download_dir, find_install  # noqa: F401 (the names callers import from here)

_STARTED: list["LocalServer"] = []


# The server's own limits (LanguageTool's --config file). maxTextLength stays above edlint's
# largest request (max-request-chars, default 20000); two check threads for two requests in
# flight (max-concurrency); pipelineCaching keeps the rule pipeline between requests.
SERVER_CONFIG = {"maxTextLength": 50000, "maxCheckThreads": 2, "cacheSize": 1000, "pipelineCaching": "true",
                 "maxPipelinePoolSize": 4}
JAVA_OPTIONS = ("-Xmx1g",)  # LanguageTool for English fits in 1 GB; the default (a quarter of RAM) may not


def server_command(install: Install, port: int, config_file: Path) -> list[str]:
    return [install.java, *JAVA_OPTIONS, "-cp", install.classpath or str(install.jar),
            "org.languagetool.server.HTTPServer", "--port", str(port), "--config", str(config_file)]


def write_server_config(path: Path) -> Path:
    path.write_text("".join(f"{k}={v}\n" for k, v in SERVER_CONFIG.items()), encoding="utf-8")
    return path


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent():
    """A preexec_fn asking Linux to SIGTERM the child if edlint dies first (even by SIGKILL),
    or None. libc is loaded here, in the parent: the child between fork and exec only calls it.
    (The signal follows the thread that started the child: edlint starts it from the thread
    that runs the whole check, which outlives the server.)"""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        import signal
        prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    term = int(signal.SIGTERM)

    def set_parent_death_signal():
        prctl(1, term)  # PR_SET_PDEATHSIG

    return set_parent_death_signal


class LocalServer:
    """One LanguageTool HTTP server process owned by this edlint run."""

    def __init__(self, install: Install):
        self.install = install
        self.process = None  # subprocess.Popen, once started
        self.url = ""

    def start(self, start_timeout: float) -> str:
        """Start the server and wait until it answers; returns its URL or raises ServerFailure."""
        import subprocess

        from .client import Client

        import tempfile

        port = _free_port()
        self._config_dir = tempfile.TemporaryDirectory(prefix="edlint-languagetool-")
        cmd = server_command(self.install, port,
                             write_server_config(Path(self._config_dir.name) / "server.properties"))
        try:
            self.process = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent())
        except OSError as e:
            raise ServerFailure(f"could not start Java ({e.strerror or e})") from None
        _STARTED.append(self)
        self.url = f"http://127.0.0.1:{port}/v2"
        probe = Client(self.url, timeout=2.0, retries=0)
        deadline = time.monotonic() + start_timeout
        try:
            while time.monotonic() < deadline:
                code = self.process.poll()
                if code is not None:
                    raise ServerFailure(f"local server exited with code {code} at start-up")
                try:
                    probe.languages()
                    return self.url
                except ServerFailure:
                    time.sleep(0.25)
        finally:
            probe.close()
        self.close()
        raise ServerFailure(f"local server did not answer within {start_timeout:g} s of starting")

    def close(self) -> None:
        p, self.process = self.process, None
        config_dir, self._config_dir = getattr(self, "_config_dir", None), None
        if self in _STARTED:
            _STARTED.remove(self)
        try:
            if p is None or p.poll() is not None:
                return
            import subprocess

            p.terminate()
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=5)
        finally:
            if config_dir is not None:
                config_dir.cleanup()


@atexit.register
def stop_all() -> None:
    """Stop every server this process started (and only those)."""
    for server in list(_STARTED):
        try:
            server.close()
        except Exception:
            pass
