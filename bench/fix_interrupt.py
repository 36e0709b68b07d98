"""`kill -9` during `edlint fix`: is any file ever left half written, and are the leftovers cleaned?

    .venv/bin/python bench/fix_interrupt.py ARTICLE [--runs 30] [--seed 1]

Copies ARTICLE (any file `edlint fix` changes) into a scratch directory, then, run after
run, starts `edlint fix` on it and kills it with SIGKILL after a random delay between
the start and the time a whole run takes. After each kill the file must hold exactly
the original bytes or exactly the fixed ones. Prints the kills, how many left the old
file, the new file, anything else (must be 0), the temporary files left behind, and
whether one more run removed them all.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    edlint = [sys.executable, "-m", "lint", "fix"]
    env = {**os.environ, "PYTHONPATH": os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")}
    with tempfile.TemporaryDirectory() as scratch:
        name = os.path.join(scratch, os.path.basename(args.article))
        original = open(args.article, "rb").read()

        def reset() -> None:
            with open(name, "wb") as f:
                f.write(original)

        reset()
        t0 = time.perf_counter()
        subprocess.run(edlint + [name], cwd=scratch, env=env, capture_output=True)
        whole = time.perf_counter() - t0
        fixed = open(name, "rb").read()
        if fixed == original:
            sys.exit(f"{args.article}: edlint fix changes nothing in it; pick a file with fixes")
        old = new = other = 0
        for _ in range(args.runs):
            reset()
            child = subprocess.Popen(edlint + [name], cwd=scratch, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, whole))
            child.send_signal(signal.SIGKILL)
            child.wait()
            now = open(name, "rb").read()
            if now == original:
                old += 1
            elif now == fixed:
                new += 1
            else:
                other += 1
                shutil.copy(name, name + f".broken-{other}")
            os.utime(scratch)  # nothing else touches the directory
        left = [n for n in os.listdir(scratch) if n.startswith(".edlint-")]
        time.sleep(0.05)  # leftovers must be older than the cleaning run
        reset()
        subprocess.run(edlint + [name], cwd=scratch, env=env, capture_output=True)
        after = [n for n in os.listdir(scratch) if n.startswith(".edlint-")]
    print(f"whole fix run            {whole:.2f} s")
    print(f"kills                    {args.runs}")
    print(f"left the old file        {old}")
    print(f"left the fixed file      {new}")
    print(f"left anything else       {other}   (must be 0)")
    print(f"temporary files left     {len(left)}")
    print(f"left after one more run  {len(after)}   (must be 0)")


if __name__ == "__main__":
    main()
