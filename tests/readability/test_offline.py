"""Readability never touches the network, nor writes to the home directory.

Each check runs in a fresh interpreter whose every socket operation is refused
by an audit hook (socket creation, connect, DNS lookups: whatever library tries
them), with an empty HOME and NLTK_DATA; as root, where `unshare -n` can give the
process a network namespace of its own with no interfaces, it runs there as well.
A control run shows the guard does catch a network access.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

GUARD = textwrap.dedent("""
    import sys
    def _no_network(event, args):
        if event.startswith(("socket.", "urllib.Request")) or event in ("http.client.connect",):
            sys.stderr.write(f"NETWORK ACCESS: {event}\\n")
            raise OSError(f"network access blocked by the test: {event}")
    sys.addaudithook(_no_network)
""")

ARTICLE = ("Council Approves New Budget\n\n"
           + " ".join(["The city council approved a budget of $1.5 billion on Monday, Mr. Lee said, "
                       "after a long debate about the cost of repairing roads, bridges and schools "
                       "across the U.S. state's largest county."] * 8) + "\n")


def _isolation() -> list[str]:
    """`unshare -n` when this process may use it (root), else nothing: the audit hook
    alone then refuses the network."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare"):
        if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
            return ["unshare", "-n"]
    return []


def _run(code: str, tmp_path, isolation: list[str]):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.lower().endswith("_proxy") and not k.startswith(("NLTK", "EDLINT"))}
    env.update(HOME=str(home), NLTK_DATA=str(home / "nltk_data"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_CONFIG_HOME=str(home / ".config"), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run([*isolation, sys.executable, "-c", GUARD + textwrap.dedent(code)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    return proc, home


CHECK = """
    from lint.cli import main
    main(["check", "--format", "json", "--select", "readability", "--languagetool", "off",
          "--fail-on", "never", "article.txt"])
"""


@pytest.mark.parametrize("isolation", [[], _isolation()], ids=["audit-hook", "strongest-available"])
def test_check_with_readability_runs_offline(tmp_path, isolation):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    # The article is meant to trip all three rules: hold it to the usual advice, not the defaults.
    (tmp_path / "edlint.toml").write_text("[readability]\ntarget-grade = 8\n", encoding="utf-8")
    proc, home = _run(CHECK, tmp_path, isolation)
    assert "NETWORK ACCESS" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    metrics = report["documents"][0]["metrics"]
    assert (metrics["words"], metrics["sentences"], metrics["headings"]) == (264, 8, 1)
    assert metrics["grade"] is not None
    assert {d["rule"] for d in report["diagnostics"]} == {"readability.grade", "readability.hard-paragraph",
                                                    "readability.long-sentence"}
    assert list(home.iterdir()) == []  # nothing written to the home directory (no ~/nltk_data)


def test_pinned_textstat_scores_offline(tmp_path):
    # The textstat edlint pins must itself work offline (0.7.9 and later fetch the
    # CMU dictionary through nltk and fail here).
    proc, home = _run("""
        import textstat
        print(textstat.syllable_count("administration"), textstat.flesch_kincaid_grade(
              "The council approved the new budget on Monday. Residents complained."))
    """, tmp_path, _isolation())
    assert "NETWORK ACCESS" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[0] == "5"
    assert list(home.iterdir()) == []


def test_the_guard_catches_network_access(tmp_path):
    proc, _ = _run("""
        import urllib.request
        urllib.request.urlopen("http://pypi.org/simple/", timeout=5)
    """, tmp_path, [])
    assert proc.returncode != 0
    assert "NETWORK ACCESS" in proc.stderr
