"""Latency and memory of `edlint lsp`, measured by a real LSP client over stdio.

    python bench/lsp_latency.py ARTICLE [--edits 100] [--documents 50]
                                [--starts 5] [--peer "PYTHON -m lint lsp"]

ARTICLE is a text or Markdown file of about 800 words. The client opens it, then makes
single-character edits one at a time and times each change until the server publishes the
diagnostics of that version (debounce set to 0, so it is excluded; LanguageTool off). Then it
opens DOCUMENTS copies under other names and reads the resident memory of the server and
its check worker, summed (RSS, and PSS, which splits the pages a fork shares).

Start-up is timed over STARTS fresh servers (spawn -> `initialize` answered -> first
diagnostics of the article), with the CPU time of the server and its worker beside the wall time: on a loaded
machine the wall time mostly measures the other processes, CPU time much less so. With
--peer, another server command (say, an older build's) is started in alternation, and the
median ratio is printed. Servers run with Python's bytecode cache on (as an installed
edlint is), whatever PYTHONDONTWRITEBYTECODE says here.
Targets (issue 14): median <= 50 ms, p95 <= 150 ms, start to first diagnostics <= 1 s,
memory with 50 open 800-word documents <= 200 MB.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def _tree(pid: int):
    """The server and its live descendants (its check worker), through psutil as
    bench/audit_scale.py samples its runs."""
    import psutil

    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a live process and its live descendants."""
    total = 0.0
    for p in _tree(pid):
        t = p.cpu_times()
        total += t.user + t.system
    return total


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory of the process tree: summed RSS (counts pages a fork shares twice),
    summed PSS (shared pages split between their sharers) and the largest peak RSS."""
    procs = _tree(pid)
    full = [p.memory_full_info() for p in procs]
    peak = max(int(Path(f"/proc/{p.pid}/status").read_text().split("VmHWM:")[1].split()[0]) for p in procs)
    return {"rss": sum(m.rss for m in full) / 2**20, "pss": sum(m.pss for m in full) / 2**20,
            "peak": peak / 1024, "processes": len(procs)}


def server_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("EDLINT_LANGUAGETOOL", "PYTHONDONTWRITEBYTECODE")}
    return env


async def start_server(command: list[str], workdir: Path, uri: str, text: str, language: str):
    """A fresh server with the article open: (client, published, wait_for, timings)."""
    client = LanguageClient("edlint-bench", "1")
    published: dict[tuple[str, int | None], float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams):
        published[(params.uri, params.version)] = time.perf_counter()
        arrived.set()

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params):
        return None

    async def wait_for(uri: str, version: int, timeout: float = 120) -> float:
        deadline = time.perf_counter() + timeout
        while (uri, version) not in published:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), max(0.01, deadline - time.perf_counter()))
        return published[(uri, version)]

    t_spawn = time.perf_counter()
    await client.start_io(command[0], *command[1:], env=server_env())
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workdir.as_uri(),
        initialization_options={"debounce": 0, "languagetool": False}))
    t_init = time.perf_counter() - t_spawn
    client.initialized(types.InitializedParams())
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id=language, version=1, text=text)))
    first = await wait_for(uri, 1) - t_spawn
    cpu = cpu_seconds(client._server.pid)
    return client, wait_for, {"init": t_init, "first": first, "cpu": cpu}


async def stop_server(client) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def time_starts(command, peer, workdir, uri, text, language, starts):
    """Alternating fresh starts of `command` (and `peer`): their timings."""
    ours, theirs = [], []
    for _ in range(starts):
        for cmd, out in ((command, ours), (peer, theirs)):
            if cmd is None:
                continue
            client, _, timing = await start_server(cmd, workdir, uri, text, language)
            await stop_server(client)
            out.append(timing)
    return ours, theirs


def describe(label: str, timings: list[dict]) -> str:
    med = {k: statistics.median(t[k] for t in timings) for k in ("init", "first", "cpu")}
    firsts = ", ".join(f"{t['first']:.2f}" for t in timings)
    return (f"{label}: server start -> first diagnostics: median {med['first']:.2f} s wall ({firsts}), "
            f"{med['cpu']:.2f} s server CPU (with its worker); `initialize` answered after {med['init']:.2f} s   (target <= 1 s)")


async def run(article: Path, edits: int, documents: int, starts: int, peer: list[str] | None) -> None:
    text = article.read_text(encoding="utf-8")
    words = len(text.split())
    language = "markdown" if article.suffix in (".md", ".markdown") else "plaintext"
    workdir = Path(tempfile.mkdtemp(prefix="edlint-lsp-bench-"))
    uri = (workdir / article.name).as_uri()
    command = [sys.executable, "-m", "lint", "lsp"]

    load_before = os.getloadavg()
    ours, theirs = await time_starts(command, peer, workdir, uri, text, language, starts)
    client, wait_for, _ = await start_server(command, workdir, uri, text, language)

    # Single-character edits spread through the article, each waited for.
    lines = text.split("\n")
    latencies = []
    for i in range(edits):
        version = i + 2
        line = (i * 7) % len(lines)
        col = min(len(lines[line]), (i * 13) % 40)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=col),
                                  end=types.Position(line=line, character=col)), text="x")]))
        lines[line] = lines[line][:col] + "x" + lines[line][col:]
        latencies.append((await wait_for(uri, version)) - sent)

    for n in range(documents - 1):
        other = (workdir / f"copy-{n}{article.suffix}").as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=other, language_id=language, version=1, text=text)))
        await wait_for(other, 1)
    mem = memory_mb(client._server.pid)
    await stop_server(client)

    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    load = os.getloadavg()
    print(f"article: {article} ({words} words), {edits} single-character edits, debounce 0, LanguageTool off")
    print(f"machine load (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores "
          f"(before the start-up rounds: {load_before[0]:.2f})")
    print(f"change -> publishDiagnostics: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
          f"max {ms[-1]:.1f} ms   (targets: median <= 50, p95 <= 150)")
    print(describe(f"{starts} starts", ours))
    if theirs:
        print(describe(f"peer {' '.join(peer)}", theirs))
        ratio = statistics.median(t["first"] for t in ours) / statistics.median(t["first"] for t in theirs)
        cpu_ratio = statistics.median(t["cpu"] for t in ours) / statistics.median(t["cpu"] for t in theirs)
        print(f"this server / peer: start -> first diagnostics x{ratio:.2f} wall, x{cpu_ratio:.2f} CPU")
    print(f"memory with {documents} open documents: {mem['rss']:.0f} MB resident in {mem['processes']} "
          f"process(es), summed (PSS {mem['pss']:.0f} MB; largest process peak {mem['peak']:.0f} MB)   "
          f"(target <= 200 MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", type=Path)
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--documents", type=int, default=50)
    ap.add_argument("--starts", type=int, default=5, help="fresh servers timed from spawn to first diagnostics")
    ap.add_argument("--peer", help="another server command to time in alternation, e.g. an older build's")
    args = ap.parse_args()
    peer = shlex.split(args.peer) if args.peer else None
    asyncio.run(run(args.article, args.edits, args.documents, max(1, args.starts), peer))


if __name__ == "__main__":
    main()
