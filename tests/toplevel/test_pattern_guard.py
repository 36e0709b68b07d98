"""Patterns written in rule packs and configs: a broken or backtracking one costs one
warning (or, in the config's vocabulary, a config error), never a hang or a traceback."""
from __future__ import annotations

import json

import pytest

from lint import patterns
from lint.vocabulary import Vocabulary

from .support import edlint, no_traceback

# (x|xx)+y on a run of x's without a y backtracks through every way of
# splitting the run: exponential time in any backtracking engine.
BACKTRACKING = "(x|xx)+y"


def write_rule(pack, name: str, body: str) -> str:
    pack.mkdir(exist_ok=True)
    path = pack / f"{name}.toml"
    path.write_text(f'id = "style.house.{name}"\nlevel = "error"\ndescription = "A house rule."\n'
                    + body, encoding="utf-8")
    return str(path)


def write_desk(tmp_path, monkeypatch) -> None:
    (tmp_path / "edlint.toml").write_text('select = ["style.house"]\nrule-packs = ["pack"]\n',
                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def warnings_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("edlint: warning:")]


@pytest.fixture
def small_allowance(monkeypatch):
    """A backtracking pattern gives up after a fraction of a second instead of one."""
    monkeypatch.setattr(patterns, "BASE_SECONDS", 0.2)
    monkeypatch.setattr(patterns, "MAX_SAVED_SECONDS", 0.2)


def test_backtracking_pattern_is_dropped_with_one_warning_and_the_run_goes_on(
        tmp_path, monkeypatch, small_allowance):
    rule_file = write_rule(tmp_path / "pack", "hang", 'type = "existence"\nmessage = "Found {match}."\n'
                           f'[params]\npatterns = ["{BACKTRACKING}", "zebra"]\n')
    write_desk(tmp_path, monkeypatch)
    run_of_x = "\n\n".join("x" * 40 for _ in range(20))
    (tmp_path / "a.txt").write_text(f"A zebra ran.\n\n{run_of_x}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{run_of_x}\n\nAnother zebra.\n", encoding="utf-8")

    result = edlint("check", "--format", "json", "a.txt", "b.txt")

    no_traceback(result)
    assert result.exit_code == 1  # the other pattern's findings, in both files
    found = sorted((d["path"], d["line"], d["message"]) for d in json.loads(result.stdout)["diagnostics"])
    assert found == [("a.txt", 1, "Found zebra."), ("b.txt", 41, "Found zebra.")]
    (warning,) = warnings_of(result)
    assert rule_file in warning and "style.house.hang" in warning
    assert repr(BACKTRACKING) in warning and "ran out of time" in warning


def test_allowance_is_shared_by_every_search_of_a_pattern(small_allowance):
    """Many blocks that are each a little slow add up: the pattern's time is bounded over
    the run (a start-up share plus a share per character), not per search."""
    rx = patterns.GuardedPattern(__import__("regex").compile(BACKTRACKING), "rules/x.toml: rule x", BACKTRACKING)
    calls = 0
    while not rx.dropped and calls < 10_000:
        assert rx.fullmatch("x" * 26) is None
        calls += 1
    assert rx.dropped and calls > 1
    assert any("rules/x.toml: rule x" in w for w in patterns.take_warnings())


@pytest.mark.parametrize("rule_type, params, good_text, good_match", [
    ("existence", 'patterns = ["(unclosed", "zebra"]', "A zebra ran.", "zebra"),
    ("existence", 'tokens = ["zebra"]\nexceptions = ["[z-a]"]', "A zebra ran.", "zebra"),
    ("substitution", 'regex = true\nswap = { "[a-" = "x", "colou(r)" = "color" }', "The colour.", "colour"),
    ("substitution", 'regex = true\nswap = { "(colo)ur" = "\\\\2", "gr(e)y" = "gray" }', "The grey one.", "grey"),
    ("consistency", 'groups = [ { wide = "[b-a]", sure = "zebra", other = "okapi" } ]',
     "A zebra, a zebra and an okapi.", "okapi"),
])
def test_invalid_pattern_in_a_rule_pack_warns_and_the_rule_still_runs(
        tmp_path, monkeypatch, rule_type, params, good_text, good_match):
    rule_file = write_rule(tmp_path / "pack", "broken", f'type = "{rule_type}"\nmessage = "Found {{match}}."\n'
                           f"[params]\n{params}\n")
    write_desk(tmp_path, monkeypatch)
    (tmp_path / "a.txt").write_text(good_text + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(good_text + "\n", encoding="utf-8")

    result = edlint("check", "--format", "json", "a.txt", "b.txt")

    no_traceback(result)
    assert result.exit_code == 1
    found = [(d["path"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("a.txt", f"Found {good_match}."), ("b.txt", f"Found {good_match}.")]
    (warning,) = warnings_of(result)  # one, though two files were checked
    assert rule_file in warning and "style.house.broken" in warning and "skipped" in warning


@pytest.mark.parametrize("table", [
    'accept = ["Okafor", "re:[A-Z"]',
    'reject = ["re:(?<name"]',
    'accept-files = ["names.txt"]',
])
def test_invalid_re_vocabulary_term_is_a_config_error_naming_the_file(tmp_path, monkeypatch, table):
    (tmp_path / "names.txt").write_text("Okafor\nre:(open\n", encoding="utf-8")
    (tmp_path / "edlint.toml").write_text(f'select = ["typography"]\n[vocabulary]\n{table}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = edlint("check", "a.txt")

    no_traceback(result)
    assert result.exit_code == 2
    assert "edlint.toml" in result.stderr and "vocabulary." in result.stderr
    assert "invalid regular expression 're:" in result.stderr


def test_backtracking_vocabulary_term_gives_up_with_a_warning(small_allowance):
    vocab = Vocabulary(("Okafor", f"re:{BACKTRACKING}"))
    assert not vocab.accepts("x" * 40)
    assert vocab.accepts("Okafor")
    assert any(repr(f"re:{BACKTRACKING}") in w and "ran out of time" in w for w in patterns.take_warnings())


def test_bundled_patterns_compile_under_the_guard_without_a_warning():
    from lint.engine import check_text

    patterns.take_warnings()
    found = check_text("His past history was known.  Rain, wind,, and snow.", path="a.txt")
    assert {"style.redundancy", "typography.double-space", "typography.doubled-punctuation"} <= {
        d.rule for d in found}
    assert patterns.take_warnings() == []


def test_invalid_extra_phrase_of_a_boilerplate_rule_warns_and_the_others_still_match(tmp_path, monkeypatch):
    rule_file = write_rule(tmp_path / "pack", "residue", 'type = "boilerplate"\nmessage = "Residue: {text}."\n'
                           '[params]\nkind = "house-residue"\n'
                           'extra-phrases = ["(unclosed", "zebra notes filed by the night desk"]\n')
    write_desk(tmp_path, monkeypatch)
    (tmp_path / "a.txt").write_text("The council met on Monday to discuss the budget for the year.\n\n"
                                    "Zebra notes filed by the night desk\n", encoding="utf-8")

    result = edlint("check", "--format", "json", "a.txt")

    no_traceback(result)
    assert result.exit_code == 1
    found = [(d["line"], d["rule"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [(3, "style.house.residue")]
    (warning,) = warnings_of(result)
    assert rule_file in warning and "style.house.residue" in warning and "'(unclosed'" in warning


CHILD = r"""
import sys, time
from lint import patterns
patterns.BASE_SECONDS, patterns.SECONDS_PER_MB = 0.2, 0.5
rx = patterns.guarded(r"(?<!\w)(?:harbour|ferry|council)(?!\w)", where="test")
text = "The ferry left the harbour late. " * 60_000  # 2 MB: about a tenth of a second to search
print("ready", flush=True)
end = time.monotonic() + 4
searches = 0
while time.monotonic() < end or searches < 3:
    found = rx.finditer(text)
    searches += 1
print("dropped" if rx.dropped else f"kept {len(found)}", flush=True)
"""


def test_a_pattern_is_not_dropped_while_its_process_waits_for_a_cpu():
    # A busy machine (or a stopped process) stretches wall time, not the CPU time the
    # regex timeout counts: the allowance must be spent in CPU time too, or a loaded
    # machine silently loses every finding of the patterns it drops.
    import signal
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        child.send_signal(signal.SIGSTOP)  # descheduled for longer than the whole allowance
        time.sleep(2.5)
        child.send_signal(signal.SIGCONT)
        out, _ = child.communicate(timeout=300)
    finally:
        if child.poll() is None:
            child.kill()
    assert out.strip() == "kept 120000"
