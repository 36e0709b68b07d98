"""A real LanguageTool 6.7 server for the live tests, the benchmarks and CI.

    python languagetool/server.py start [--state FILE]   # prints the server's URL
    python languagetool/server.py stop  [--state FILE]

`start` fetches LanguageTool through Maven (languagetool/pom.xml, as
`edlint languagetool install --from-maven` does) into Maven's cache, starts
`org.languagetool.server.HTTPServer` on 127.0.0.1 on a free port with edlint's
--config (lint/languagetool/local.py: maxTextLength, maxCheckThreads,
cacheSize, pipelineCaching), waits until /v2/languages answers, sends one
warm-up check (the first one loads the English rules: ~10 s), and writes the
process id, URL and timings to the state file (default
languagetool/.cache/server.json). `stop` stops that process, and only it.

The class path is kept in languagetool/.cache (LTP_PATH for this script), not in
the user's ~/.cache/language_tool_python: a server for the tests must not make
every `edlint check` on the machine start one of its own.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CACHE = HERE / ".cache"
STATE = CACHE / "server.json"
MAIN_CLASS = "org.languagetool.server.HTTPServer"


def start(state: Path, timeout: float, version: str) -> int:
    os.environ.setdefault("LTP_PATH", str(CACHE))
    from lint.languagetool import local, maven
    from lint.languagetool.client import Client, ServerFailure

    if state.exists() and _ours(json.loads(state.read_text())["pid"]):
        print(f"languagetool/server.py: a server is already running ({state}); stop it first", file=sys.stderr)
        return 1
    t0 = time.monotonic()
    try:
        maven.install(version, quiet=True)
    except maven.MavenError as e:
        print(f"languagetool/server.py: {e}", file=sys.stderr)
        return 1
    fetched = time.monotonic() - t0
    install, reason = local.find_install()
    if install is None or not install.classpath:
        print(f"languagetool/server.py: {reason or 'no Maven install found'}", file=sys.stderr)
        return 1
    state.parent.mkdir(parents=True, exist_ok=True)
    port = local._free_port()
    config = local.write_server_config(state.parent / "server.properties")
    log = state.parent / "server.log"
    t1 = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(local.server_command(install, port, config), stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    state.write_text(json.dumps({"pid": process.pid, "url": url, "log": str(log)}))
    probe = Client(url, timeout=5.0, retries=0)
    deadline = t1 + timeout
    try:
        while True:
            if process.poll() is not None:
                print(f"languagetool/server.py: the server exited with code {process.returncode}; "
                      f"its log: {log}\n{_tail(log)}", file=sys.stderr)
                return 1
            try:
                probe.languages()
                break
            except ServerFailure:
                if time.monotonic() > deadline:
                    _stop(process.pid)
                    print(f"languagetool/server.py: no answer within {timeout:g} s; log: {log}\n{_tail(log)}",
                          file=sys.stderr)
                    return 1
                time.sleep(0.25)
        up = time.monotonic() - t1
        warm = Client(url, timeout=max(timeout - up, 30.0), retries=0)
        try:
            warm.check("This is a sentence to warm the server up.", {"language": "en-US"})
        finally:
            warm.close()
    except ServerFailure as e:
        _stop(process.pid)
        print(f"languagetool/server.py: warm-up check failed: {e}", file=sys.stderr)
        return 1
    finally:
        probe.close()
    ready = time.monotonic() - t1
    state.write_text(json.dumps({"pid": process.pid, "url": url, "log": str(log), "version": install.version,
                                 "maven_s": round(fetched, 1), "up_s": round(up, 1), "ready_s": round(ready, 1)}))
    print(f"LanguageTool {install.version} started: {url} (pid {process.pid}; Maven {fetched:.1f} s, "
          f"/v2/languages answered after {up:.1f} s, warm after {ready:.1f} s)", file=sys.stderr)
    print(url)
    return 0


def stop(state: Path) -> int:
    if not state.exists():
        print(f"languagetool/server.py: no server to stop ({state} does not exist)", file=sys.stderr)
        return 0
    pid = json.loads(state.read_text())["pid"]
    if _ours(pid):
        _stop(pid)
        print(f"LanguageTool stopped (pid {pid})", file=sys.stderr)
    else:
        print(f"languagetool/server.py: pid {pid} is no longer a LanguageTool server; nothing to stop",
              file=sys.stderr)
    state.unlink()
    return 0


def _ours(pid: int) -> bool:
    """Is `pid` still the LanguageTool server (and not a process that got its number since)?"""
    try:
        return MAIN_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(60):
            time.sleep(0.25)
            if not _ours(pid):
                return
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("start", "stop"))
    ap.add_argument("--state", type=Path, default=STATE, help=f"where the pid and URL are kept (default {STATE})")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the server (default 300)")
    ap.add_argument("--version", default="6.7", help="LanguageTool version (default 6.7)")
    args = ap.parse_args()
    return start(args.state, args.timeout, args.version) if args.action == "start" else stop(args.state)


if __name__ == "__main__":
    sys.exit(main())
