"""The README's PySpark example (mapInPandas over lint.check_text) runs as written
in a local Spark session and gives check_text's findings."""
from __future__ import annotations

import json
import sys
import re
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is not in the test extras (a large source build); "
                    "pip install pyspark pandas pyarrow to run the README's Spark example")
pytest.importorskip("pandas", reason="the Spark example needs pandas")
pytest.importorskip("pyarrow", reason="the Spark example needs pyarrow")

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_spark_example(tmp_path, monkeypatch):
    import lint

    code = re.search(r"### From PySpark.*?```python\n(.*?)```", README, re.S).group(1)
    texts = {"a1": "The the council met on Tuesday.", "a2": "The mayor recieved the report on Monday."}
    (tmp_path / "archive.jsonl").write_text("".join(json.dumps({"id": k, "text": v}) + "\n"
                                                    for k, v in texts.items()))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the workers need this Python, with edlint
    namespace: dict = {}
    exec(compile(code.replace(".show()", ""), "README.md", "exec"), namespace)
    try:
        got = sorted((r["id"], r["rule"], r["line"], r["column"]) for r in namespace["findings"].collect())
    finally:
        namespace["spark"].stop()
    expected = sorted((k, d.rule, d.line, d.column) for k, v in texts.items()
                      for d in lint.check_text(v, path=f"{k}.txt"))
    assert got == expected
    assert {"typography.repeated-word", "spelling.misspelling"} <= {r[1] for r in got}
