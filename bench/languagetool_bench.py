"""Throughput of the grammar category against a LanguageTool server.

    .venv/bin/python bench/languagetool_bench.py                 # 1,000 generated articles, test server
    .venv/bin/python bench/languagetool_bench.py DIR             # the .txt/.md/.html files under DIR
    .venv/bin/python bench/languagetool_bench.py --url http://localhost:8010   # a live server

By default the server is the test suite's LanguageTool stand-in
(tests/languagetool/fake_server.py) on 127.0.0.1, so the figure measures
edlint's side: prose extraction, batching, HTTP, mapping back. Prints the
articles, characters, /v2/check requests made, wall time and articles per second.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", nargs="?", help="articles to check (default: generate them)")
    ap.add_argument("--articles", type=int, default=1000, help="how many to generate (default 1000)")
    ap.add_argument("--url", help="a live LanguageTool server instead of the test server")
    ap.add_argument("--max-request-chars", type=int, default=20000)
    ap.add_argument("--max-concurrency", type=int, default=2)
    args = ap.parse_args()

    from lint.engine import Engine, FileJob
    from lint.languagetool import client as client_module
    from tests.helpers import make_config

    articles = read_dir(args.directory) if args.directory else generate(args.articles)
    clients = []
    original_init = client_module.Client.__init__

    def counting_init(self, *a, **kw):
        original_init(self, *a, **kw)
        clients.append(self)

    client_module.Client.__init__ = counting_init

    def run(url: str):
        cfg = make_config(("grammar",), languagetool={
            "mode": url, "max-request-chars": args.max_request_chars,
            "max-concurrency": args.max_concurrency})
        jobs = [FileJob(path, cfg, text=text) for path, text in articles]
        t0 = time.perf_counter()
        result = Engine().run_jobs(jobs)
        return result, time.perf_counter() - t0

    if args.url:
        result, elapsed = run(args.url)
        server = args.url
    else:
        from tests.languagetool.fake_server import FakeLanguageTool

        with FakeLanguageTool(max_text_length=args.max_request_chars) as lt:
            result, elapsed = run(lt.url)
        server = "test server (tests/languagetool/fake_server.py)"
    chars = sum(len(t) for _, t in articles)
    requests = sum(c.requests_made for c in clients)
    print(f"server:        {server}")
    print(f"articles:      {len(articles)} ({chars:,} characters)")
    print(f"requests:      {requests} /v2/check (max-request-chars {args.max_request_chars}, "
          f"max-concurrency {args.max_concurrency})")
    print(f"findings:      {len(result.diagnostics)}")
    print(f"notices:       {[n.message for n in result.notices] or 'none'}")
    print(f"wall time:     {elapsed:.2f} s")
    print(f"throughput:    {len(articles) / elapsed:.0f} articles/s, {chars / elapsed / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
