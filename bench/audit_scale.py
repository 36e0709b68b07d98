"""The archive audit at scale: the local engine against `--engine dask`.

    .venv/bin/python bench/audit_scale.py CORPUS [--articles 100000 ...] [--workers 2]
        [--batch-size 500] [--engines local,local-j2,dask]

CORPUS is a directory of articles (e.g. ../shared/eval/clean/articles). An
archive of N articles is made by cycling its files: N symbolic links under a
temporary directory (no copy), so every article is a real file the engine
reads. Each engine audits it as `edlint audit` does; the script samples the
memory (RSS) of every process of the run, and prints per engine: wall time,
articles per second, the throughput ratio against the first engine listed,
the peak RSS of the main process and of the largest worker, and the CPU time
of all its processes (articles per CPU-second: the throughput of one core,
whatever else the machine is doing).

Engines: local (one process), local-j2 (the local engine with -j 2), dask
(a LocalCluster of --workers processes).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ENGINES = {"local": ["--engine", "local"], "local-j2": ["--engine", "local", "-j", "2"],
           "dask": ["--engine", "dask"]}


def make_archive(corpus: Path, n: int, root: Path) -> Path:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        sys.exit(f"audit_scale: no files in {corpus}")
    out = root / f"archive-{n}"
    for i in range(n):
        folder = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        src = files[i % len(files)]
        (folder / f"{i:07d}{src.suffix}").symlink_to(src.resolve())
    return out


class MemorySampler(threading.Thread):
    """Peak RSS per process of a process tree, sampled every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peaks: dict[int, int] = {}
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
                    rss = p.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            self.stop.wait(self.every)


def run_engine(edlint: str, archive: Path, engine: str, workers: int, batch: int, out: Path) -> dict:
    cmd = [edlint, "audit", str(archive), "--report", str(out / f"{engine}.html"), "-q",
           "--batch-size", str(batch), *ENGINES[engine]]
    if engine == "dask":
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the run and every process it started and waited for (Dask's workers too).
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampler.stop.set()
    sampler.join()
    if proc.returncode not in (0, 1) or not (out / f"{engine}.json").exists():
        sys.exit(f"audit_scale: {engine} failed ({proc.returncode}): {err[-2000:]}")
    data = json.loads((out / f"{engine}.json").read_text())
    peaks = dict(sampler.peaks)
    main = peaks.pop(proc.pid, 0)
    return {"engine": engine, "articles": data["totals"]["documents"], "findings": data["totals"]["findings"],
            "wall_s": round(wall, 1), "articles_per_s": round(data["totals"]["documents"] / wall, 1),
            "cpu_s": round(cpu, 1), "per_cpu_s": round(data["totals"]["documents"] / cpu, 1) if cpu else 0,
            "main_rss_mb": round(main / 2**20), "worker_rss_mb": round(max(peaks.values(), default=0) / 2**20),
            "processes": 1 + len(peaks), "numbers": _numbers(data)}


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
    ap.add_argument("--engines", default="local,local-j2,dask")
    args = ap.parse_args()
    edlint = str(Path(sys.executable).with_name("edlint"))
    engines = [e.strip() for e in args.engines.split(",")]
    for e in engines:
        if e not in ENGINES:
            sys.exit(f"audit_scale: unknown engine {e!r} (one of {', '.join(ENGINES)})")
    with tempfile.TemporaryDirectory(prefix="edlint-audit-scale-") as tmp:
        root = Path(tmp)
        print(f"{'articles':>8} {'engine':<9} {'wall s':>7} {'art/s':>7} {'ratio':>6} {'main MB':>8} "
              f"{'worker MB':>9} {'procs':>5} {'cpu s':>7} {'art/cpu-s':>9}  same numbers")
        for n in args.articles:
            archive = make_archive(args.corpus, n, root)
            rows = [run_engine(edlint, archive, e, args.workers, args.batch_size, root) for e in engines]
            first = rows[0]
            for r in rows:
                ratio = r["articles_per_s"] / first["articles_per_s"] if first["articles_per_s"] else 0
                print(f"{r['articles']:>8} {r['engine']:<9} {r['wall_s']:>7} {r['articles_per_s']:>7} "
                      f"{ratio:>6.2f} {r['main_rss_mb']:>8} {r['worker_rss_mb']:>9} {r['processes']:>5} "
                      f"{r['cpu_s']:>7} {r['per_cpu_s']:>9}  "
                      f"{'yes' if r['numbers'] == first['numbers'] else 'NO'}", flush=True)
    print(f"\nbatch size {args.batch_size}; dask workers {args.workers}; cpus {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
