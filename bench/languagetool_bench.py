"""Throughput of the grammar category, and of LanguageTool alone on the same requests.

    .venv/bin/python bench/languagetool_bench.py --server maven DIR [--limit N]   # real LanguageTool
    .venv/bin/python bench/languagetool_bench.py --server http://127.0.0.1:8081 DIR
    .venv/bin/python bench/languagetool_bench.py                # 1,000 generated articles, test server

--server maven starts LanguageTool from the Maven install (python languagetool/server.py
start fetches it) twice, with edlint's server config (lint/languagetool/local.py) and its
result cache off (cacheSize=0, so a text sent twice is checked twice): once with
pipelineCaching and once without. It reports:

    start-up        until /v2/languages answers, and until the first check came back
    LT alone        the requests edlint would send (same texts, same batching, same
                    concurrency), sent directly with `requests`: articles per second
    edlint grammar  `Engine.run_jobs` with only the grammar category: reading, prose,
                    batching, HTTP, mapping back; its overhead over LT alone
    LT per article  one request per article instead of batches (what batching gains)
    no pipeline     LT alone with pipelineCaching=false (what pipelineCaching gains)

With --server maven it also counts the CPU seconds of each pass, of this process (the
client) and of the server (/proc), and gives the overhead in CPU too: on a shared machine
the wall clock waits on other work, CPU time much less.

After one untimed warm-up pass (the JVM's compiler), the passes alternate (LT alone,
edlint, LT alone, edlint ...; --rounds) and the best of each is kept, so a burst of load from elsewhere on the machine does not pick a winner.
The default --server fake measures edlint's side only, against tests/languagetool/fake_server.py.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SENTENCES = [
    "The council approved {a} increase in the budget on {day}.",
    "Officials said the plan would take effect next year.",
    "Residents packed the hall to hear the debate, which ran late.",
    "The mayor said she would recieve the report on {day}.",
    "Critics said the the proposal went too far.",
    "Police closed the road for several hours after the crash.",
    "The company reported {a} operating loss for the quarter.",
    "Fans cheered 🎉 as the team returned home on {day}.",
    "A spokesperson declined to comment on the goverment inquiry.",
    "The school board will meet again in two weeks.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(6, 12)):
            picks = rng.sample(SENTENCES, rng.randint(2, 4))
            paragraphs.append(" ".join(s.format(a=rng.choice(["a", "an"]), day=rng.choice(DAYS)) for s in picks))
        out.append((f"article-{i:04d}.txt", f"Headline number {i}\n\n" + "\n\n".join(paragraphs) + "\n"))
    return out


def read_dir(directory: str) -> list[tuple[str, str]]:
    files = sorted(p for p in Path(directory).rglob("*") if p.suffix in {".txt", ".md", ".html", ".htm"})
    return [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files]


class Server:
    """A LanguageTool started from the Maven install with edlint's config plus `extra`."""

    def __init__(self, extra: dict):
        os.environ.setdefault("LTP_PATH", str(REPO / "languagetool" / ".cache"))
        from lint.languagetool import local

        install, reason = local.find_install()
        if install is None or not install.classpath:
            sys.exit(f"no Maven install of LanguageTool ({reason}): run `python languagetool/server.py start` "
                     "once (it fetches it), then stop it")
        self.dir = tempfile.TemporaryDirectory(prefix="edlint-lt-bench-")
        config = Path(self.dir.name) / "server.properties"
        config.write_text("".join(f"{k}={v}\n" for k, v in {**local.SERVER_CONFIG, **extra}.items()))
        port = local._free_port()
        self.url = f"http://127.0.0.1:{port}"
        t0 = time.perf_counter()
        self.process = subprocess.Popen(local.server_command(install, port, config), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import requests
        while True:
            if self.process.poll() is not None:
                sys.exit(f"LanguageTool exited with code {self.process.returncode} at start-up")
            try:
                requests.get(self.url + "/v2/languages", timeout=5).raise_for_status()
                break
            except requests.RequestException:
                time.sleep(0.2)
        self.up = time.perf_counter() - t0
        requests.post(self.url + "/v2/check", data={"language": "en-US", "text": "A first check."},
                      timeout=300).raise_for_status()
        self.warm = time.perf_counter() - t0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.dir.cleanup()


def edlint_batches(articles, max_chars: int):
    """The request texts edlint sends for these articles (its own prose, split and packing)."""
    from lint.languagetool.batching import pack, split_prose
    from lint.languagetool.prose import build_prose
    from lint.readers import parse

    prose = []
    for path, text in articles:
        for doc in parse(text, path):
            prose.append((len(prose), build_prose(doc)))
    parts = [part for n, p in prose if p.text.strip() for part in split_prose(n, p, max_chars)]
    per_article: dict[int, list] = {}
    for part in parts:
        per_article.setdefault(part.doc, []).append(part)
    return ([r.text for r in pack(parts, max_chars)],
            [r.text for ps in per_article.values() for r in pack(ps, max_chars)])


def _server_cpu(pid: int | None) -> float:
    """CPU seconds the server process has used so far (Linux /proc), 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_of(fn, pid):
    """(fn's value, client CPU s of this process, server CPU s) for one pass: CPU time is what
    the other load on a shared machine changes least (wall time waits on it)."""
    import resource

    c0, s0 = resource.getrusage(resource.RUSAGE_SELF), _server_cpu(pid)
    value = fn()
    c1, s1 = resource.getrusage(resource.RUSAGE_SELF), _server_cpu(pid)
    return value, (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime), s1 - s0


def lt_alone(url: str, texts: list[str], concurrency: int) -> float:
    import requests

    local = threading.local()

    def send(text: str) -> None:
        session = getattr(local, "s", None) or setattr(local, "s", requests.Session()) or local.s
        r = session.post(url + "/v2/check", data={"language": "en-US", "text": text}, timeout=600)
        r.raise_for_status()
        r.json()

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(send, texts))
    return time.perf_counter() - t0


def edlint_grammar(url: str, articles, args, select=("grammar",)):
    from lint.engine import Engine, FileJob
    from lint.languagetool import client as client_module
    from tests.helpers import make_config

    made = []
    original = client_module.Client.__init__

    def counting(self, *a, **kw):
        original(self, *a, **kw)
        made.append(self)

    client_module.Client.__init__ = counting
    try:
        cfg = make_config(select, languagetool={"mode": url, "max-request-chars": args.max_request_chars,
                                                "max-concurrency": args.max_concurrency, "timeout": 600})
        jobs = [FileJob(path, cfg, text=text) for path, text in articles]
        t0 = time.perf_counter()
        result = Engine().run_jobs(jobs)
        elapsed = time.perf_counter() - t0
    finally:
        client_module.Client.__init__ = original
    return result, elapsed, sum(c.requests_made for c in made)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", nargs="?", help="articles to check (default: generate them)")
    ap.add_argument("--server", default="fake", help="fake (default), maven, or a LanguageTool URL")
    ap.add_argument("--articles", type=int, default=1000, help="how many to generate (default 1000)")
    ap.add_argument("--limit", type=int, default=0, help="check only the first N articles of DIR")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--max-request-chars", type=int, default=20000)
    ap.add_argument("--max-concurrency", type=int, default=2)
    args = ap.parse_args()

    articles = read_dir(args.directory) if args.directory else generate(args.articles)
    if args.limit:
        articles = articles[:args.limit]
    chars = sum(len(t) for _, t in articles)
    n = len(articles)
    print(f"articles:        {n} ({chars:,} characters)", flush=True)

    if args.server == "fake":
        from tests.languagetool.fake_server import FakeLanguageTool
        with FakeLanguageTool(max_text_length=args.max_request_chars) as lt:
            result, elapsed, requests_made = edlint_grammar(lt.url, articles, args)
        print("server:          test server (tests/languagetool/fake_server.py)")
        print(f"requests:        {requests_made} /v2/check; findings {len(result.findings)}")
        print(f"edlint grammar:  {elapsed:.2f} s, {n / elapsed:.0f} articles/s")
        return

    batched, per_article = edlint_batches(articles, args.max_request_chars)
    print(f"requests:        {len(batched)} batched (max-request-chars {args.max_request_chars}, "
          f"max-concurrency {args.max_concurrency}), {len(per_article)} one article each")
    servers = []
    try:
        if args.server == "maven":
            main_server = Server({"cacheSize": 0})
            servers.append(main_server)
            url = main_server.url
            print(f"start-up:        /v2/languages after {main_server.up:.1f} s, first check back after "
                  f"{main_server.warm:.1f} s (cacheSize=0, pipelineCaching=true)")
        else:
            url = args.server.rstrip("/").removesuffix("/v2")
        # Untimed: the JVM compiles LanguageTool's hot paths during the first pass (measured: the
        # first of two passes took 122 s, the second 36 s), which would decide the comparison.
        warmup = lt_alone(url, batched, args.max_concurrency)
        print(f"warm-up pass:    {warmup:.1f} s (LT alone, not counted)", flush=True)
        pid = main_server.process.pid if args.server == "maven" else None
        lt_times, ed_times, found = [], [], None
        lt_cpu, ed_cpu = [], []  # (client, server) CPU seconds per pass
        for _ in range(args.rounds):
            t, client, server = cpu_of(lambda: lt_alone(url, batched, args.max_concurrency), pid)
            lt_times.append(t)
            lt_cpu.append((client, server))
            (result, elapsed, requests_made), client, server = cpu_of(lambda: edlint_grammar(url, articles, args), pid)
            ed_times.append(elapsed)
            ed_cpu.append((client, server))
            found = (len(result.findings), requests_made, [x.message for x in result.notices])
        lt_best, ed_best = min(lt_times), min(ed_times)
        print(f"LT alone:        {lt_best:.1f} s, {n / lt_best:.2f} articles/s  (rounds: "
              f"{', '.join(f'{t:.1f}' for t in lt_times)} s)")
        print(f"edlint grammar:  {ed_best:.1f} s, {n / ed_best:.2f} articles/s  (rounds: "
              f"{', '.join(f'{t:.1f}' for t in ed_times)} s); {found[0]} findings, {found[1]} requests, "
              f"notices {found[2] or 'none'}")
        print(f"overhead:        {ed_best / lt_best - 1:+.1%} (edlint grammar over LT alone, best of each, wall)")
        if pid is not None:
            lt_c, lt_s = min(lt_cpu, key=sum)
            ed_c, ed_s = min(ed_cpu, key=sum)
            print(f"CPU per pass:    LT alone client {lt_c:.1f} s + server {lt_s:.1f} s; edlint client {ed_c:.1f} s "
                  f"+ server {ed_s:.1f} s (least of the rounds)")
            print(f"CPU overhead:    {(ed_c + ed_s) / (lt_c + lt_s) - 1:+.1%} (all CPU of edlint's pass over LT "
                  f"alone's: reading, prose, batching, mapping back)")
        print(f"load:            {os.getloadavg()[0]:.2f} (1-minute average, {os.cpu_count()} cores)")
        single = lt_alone(url, per_article, args.max_concurrency)
        print(f"LT per article:  {single:.1f} s, {n / single:.2f} articles/s; batching gains "
              f"{single / lt_best - 1:+.1%}")
        if args.server == "maven":
            main_server.stop()
            servers.remove(main_server)
            plain = Server({"cacheSize": 0, "pipelineCaching": "false"})
            servers.append(plain)
            no_pipeline = lt_alone(plain.url, batched, args.max_concurrency)
            print(f"no pipeline:     {no_pipeline:.1f} s, {n / no_pipeline:.2f} articles/s (pipelineCaching=false; "
                  f"start-up {plain.up:.1f} s / {plain.warm:.1f} s); pipelineCaching gains "
                  f"{no_pipeline / lt_best - 1:+.1%}")
    finally:
        for s in servers:
            s.stop()


if __name__ == "__main__":
    main()
