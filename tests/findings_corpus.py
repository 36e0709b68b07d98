"""The "nothing lost" corpus: edlint's JSON findings on our own fixture articles
(tests/fixtures/findings-corpus/: Markdown, HTML, plain text, JSON, JSON Lines; every
rule family fires), sorted, against the checked-in expected file beside them.

A speed change must leave this file as it is. When a change is meant to alter
findings, regenerate it and review the diff before committing:

    python -m tests.findings_corpus --update
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "fixtures" / "findings-corpus"
EXPECTED = HERE / "fixtures" / "findings-corpus.expected.json"


def _key(d: dict) -> tuple:
    return (d["path"], d.get("record") or 0, d.get("line", 0), d.get("column", 0),
            d.get("end_line", 0), d.get("end_column", 0), d["rule"], json.dumps(d, sort_keys=True))


def current() -> dict:
    """What edlint reports on the corpus now: sorted findings and per-document metrics."""
    with tempfile.TemporaryDirectory(prefix="edlint-corpus-") as d:
        work = Path(d) / "articles"
        shutil.copytree(CORPUS, work)
        config = Path(d) / "edlint.toml"  # an empty config: the bundled defaults, whatever is around
        config.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("EDLINT_", "LTP_"))}
        proc = subprocess.run(
            [sys.executable, "-m", "lint", "check", "--format", "json", "--languagetool", "off",
             "--fail-on", "never", "--no-progress", "--jobs", "1", "--config", str(config), "."],
            cwd=work, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"edlint exited {proc.returncode}: {proc.stderr[:1000]}")
    data = json.loads(proc.stdout)
    return {
        "diagnostics": sorted(data["diagnostics"], key=_key),
        "documents": sorted(data["documents"], key=lambda x: (x["path"], x.get("record") or 0)),
        "errors": sorted(data["errors"], key=lambda x: (x["path"], x["message"])),
    }


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    EXPECTED.write_text(dump(current()), encoding="utf-8")
    print(f"wrote {EXPECTED}")
