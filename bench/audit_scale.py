"""The archive audit at scale: the local engine against `--engine dask`.

    .venv/bin/python bench/audit_scale.py CORPUS [--articles 100000 ...] [--workers 2]
        [--batch-size 500] [--engines local,dask] [--rounds 3 | --together] [--checkpoint 10000]

CORPUS is a directory of articles (e.g. ../shared/eval/clean/articles). An
archive of N articles is made by cycling its files: hard links under a
temporary directory to one copy of the corpus, so every article is a real
file the engine reads. Each engine audits it as `edlint audit` does; the
script samples the memory (RSS) and CPU time of every process of the run, and
prints per run: the load average when it started, wall time, articles per
second, the peak RSS of the main process and of the largest worker, the CPU
time of all its processes (articles per CPU-second: the throughput of one
core, whatever else the machine is doing), and whether its audit.json equals
the first run's. Then the best throughput of each engine and its ratio to the
first engine's, and the memory at every --checkpoint articles (is it flat?).

On a shared machine, measure the ratio in one invocation: `--rounds N` runs the
engines in turn, alternating which goes first; `--together` starts them at
once, so both see the same load (and compete for the same cores).

Engines: local (one process), local-j2 (the local engine with -j 2), dask
(a LocalCluster of --workers processes).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ENGINES = {"local": ["--engine", "local"], "local-j2": ["--engine", "local", "-j", "2"],
           "dask": ["--engine", "dask"]}


def make_archive(corpus: Path, n: int, root: Path) -> Path:
    import shutil

    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        sys.exit(f"audit_scale: no files in {corpus}")
    # One copy of the corpus beside the archive, then hard links to it: real files inside
    # the archive (discovery does not follow symbolic links out of a tree), not N copies.
    source = root / "corpus"
    if not source.exists():
        source.mkdir()
        for i, f in enumerate(files):
            shutil.copyfile(f, source / f"{i:05d}{f.suffix}")
    copies = sorted(source.iterdir())
    out = root / f"archive-{n}"
    for i in range(n):
        folder = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        src = copies[i % len(copies)]
        os.link(src, folder / f"{i:07d}{src.suffix}")
    return out


class MemorySampler(threading.Thread):
    """Peak RSS and CPU time per process of a process tree, sampled every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}  # last seen user + system seconds
        self.stop = threading.Event()

    def run(self):
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    with p.oneshot():
                        rss = p.memory_info().rss
                        t = p.cpu_times()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
                self.cpu[p.pid] = t.user + t.system
            self.stop.wait(self.every)

    def main_and_worker(self) -> tuple[int, int]:
        """Peak RSS so far (MB) of the main process and of its largest child."""
        peaks = dict(self.peaks)
        main = peaks.pop(self.pid, 0)
        return round(main / 2**20), round(max(peaks.values(), default=0) / 2**20)


_PROGRESS = re.compile(r"batch (\d+)/(\d+), ([\d,]+) articles")


class Run:
    """One `edlint audit` of the archive with one engine, sampled as it goes."""

    def __init__(self, edlint: str, archive: Path, engine: str, workers: int, batch: int, out: Path,
                 every: int, tag: str):
        self.engine, self.out, self.tag, self.every = engine, out, tag, every
        cmd = [edlint, "audit", str(archive), "--report", str(out / f"{tag}.html"),
               "--batch-size", str(batch), *ENGINES[engine]]
        if engine == "dask":
            cmd += ["--workers", str(workers)]
        self.load = os.getloadavg()[0]
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.sampler = MemorySampler(self.proc.pid)
        self.sampler.start()
        self.checkpoints: list[tuple] = []  # (articles, seconds, main MB, worker MB)
        self.tail: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        next_at = self.every
        for line in self.proc.stderr:
            self.tail = (self.tail + [line])[-20:]
            m = _PROGRESS.search(line)
            if m and int(m.group(3).replace(",", "")) >= next_at:
                done = int(m.group(3).replace(",", ""))
                self.checkpoints.append((done, round(time.perf_counter() - self.start),
                                         *self.sampler.main_and_worker()))
                a, t, m, w = self.checkpoints[-1]  # as it goes: a run cut short still tells
                print(f"  .. {self.engine}: {a:,} articles in {t} s ({a / t:.1f} art/s), peak main {m} MB, "
                      f"largest worker {w} MB, load {os.getloadavg()[0]:.1f}", flush=True)
                next_at = (done // self.every + 1) * self.every

    def result(self) -> dict:
        self.proc.wait()
        wall = time.perf_counter() - self.start
        self.reader.join()
        self.sampler.stop.set()
        self.sampler.join()
        report = self.out / f"{self.tag}.json"
        if self.proc.returncode not in (0, 1) or not report.exists():
            sys.exit(f"audit_scale: {self.engine} failed ({self.proc.returncode}): {''.join(self.tail)[-2000:]}")
        data = json.loads(report.read_text())
        cpu = sum(self.sampler.cpu.values())
        main, worker = self.sampler.main_and_worker()
        n = data["totals"]["documents"]
        return {"engine": self.engine, "articles": n, "wall_s": round(wall, 1),
                "articles_per_s": round(n / wall, 1), "cpu_s": round(cpu, 1),
                "per_cpu_s": round(n / cpu, 1) if cpu else 0, "main_rss_mb": main, "worker_rss_mb": worker,
                "processes": len(self.sampler.peaks), "load": self.load, "checkpoints": self.checkpoints,
                "numbers": _numbers(data)}


def _numbers(data: dict) -> str:
    data = dict(data)
    data.pop("run", None)
    return json.dumps(data, sort_keys=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, nargs="+", default=[100_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--rounds", type=int, default=1,
                    help="Run the engines in turn this many times; the best wall time of each is kept.")
    ap.add_argument("--together", action="store_true",
                    help="Start every engine at once (each sees the same machine load; they share its cores).")
    ap.add_argument("--checkpoint", type=int, default=10_000, help="Record memory every N articles.")
    args = ap.parse_args()
    edlint = str(Path(sys.executable).with_name("edlint"))
    engines = [e.strip() for e in args.engines.split(",")]
    for e in engines:
        if e not in ENGINES:
            sys.exit(f"audit_scale: unknown engine {e!r} (one of {', '.join(ENGINES)})")
    print(f"cpus {os.cpu_count()}; batch size {args.batch_size}; dask workers {args.workers}; "
          f"{'engines started together' if args.together else f'{args.rounds} round(s), engines alternating'}; "
          f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    header = (f"{'articles':>8} {'engine':<9} {'round':>5} {'load':>5} {'wall s':>7} {'art/s':>7} {'main MB':>8} "
              f"{'worker MB':>9} {'procs':>5} {'cpu s':>7} {'art/cpu-s':>9}  same numbers")
    with tempfile.TemporaryDirectory(prefix="edlint-audit-scale-") as tmp:
        root = Path(tmp)
        for n in args.articles:
            archive = make_archive(args.corpus, n, root)
            print(header, flush=True)
            rows, first = [], None
            for r in range(args.rounds):
                def start(e):
                    return Run(edlint, archive, e, args.workers, args.batch_size, root, args.checkpoint,
                               f"{e}-{n}-{r}")
                if args.together:
                    done = [run.result() for run in [start(e) for e in engines]]
                else:
                    order = engines if r % 2 == 0 else engines[::-1]  # alternate who goes first
                    done = [start(e).result() for e in order]
                for row in done:
                    first = first or row["numbers"]
                    row["round"] = r + 1
                    rows.append(row)
                    print(f"{row['articles']:>8} {row['engine']:<9} {r + 1:>5} {row['load']:>5.1f} "
                          f"{row['wall_s']:>7} {row['articles_per_s']:>7} {row['main_rss_mb']:>8} "
                          f"{row['worker_rss_mb']:>9} {row['processes']:>5} {row['cpu_s']:>7} "
                          f"{row['per_cpu_s']:>9}  {'yes' if row['numbers'] == first else 'NO'}", flush=True)
            best = {e: max(r["articles_per_s"] for r in rows if r["engine"] == e) for e in engines}
            print(f"\n{n} articles, best of {args.rounds}: " + "; ".join(
                f"{e} {best[e]} art/s ({best[e] / best[engines[0]]:.2f} of {engines[0]})" for e in engines))
            for row in rows:
                if row["checkpoints"]:
                    print(f"  memory as it went, {row['engine']} round {row['round']} (articles: s, main MB, "
                          "largest worker MB): " + "; ".join(f"{a:,}: {t} s, {m}, {w}"
                                                               for a, t, m, w in row["checkpoints"]))
            print(flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
