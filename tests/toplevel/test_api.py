"""The Python API: lint.check_text and lint.check_paths, and picklable inputs and results."""
from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import pytest

import lint
from lint.config import load_config_file
from lint.finding import Finding
from lint.errors import ConfigError, InputError
from lint.result import RunResult

from .support import config_text


@pytest.fixture
def cfg(pack) -> dict:
    return {"select": ["style.test", "typography.test"], "rule-packs": [str(pack)]}


def test_check_text_returns_positioned_findings(cfg):
    found = lint.check_text("Ünï 😀 very!!\nThey utilise it.\n", path="story.txt", config=cfg)
    assert [(d.rule, d.line, d.column, d.end_line, d.end_column, d.severity, d.path) for d in found] == [
        ("style.test.hedge", 1, 7, 1, 11, "warning", "story.txt"),  # the emoji is one character
        ("typography.test.bang", 1, 11, 1, 13, "info", "story.txt"),
        ("style.test.utilise", 2, 6, 2, 13, "error", "story.txt"),
    ]
    d = found[2]
    assert (d.start, d.end, d.text, d.suggestions, d.category) == (18, 25, "utilise", ("use",), "style")
    assert d.fix.safe and d.fix.edits[0].replacement == "use"


def test_check_text_path_picks_the_reader(cfg):
    text = "<p>Very &amp; <code>very</code> good</p>"
    assert [(d.line, d.column) for d in lint.check_text(text, path="a.html", config=cfg)] == [(1, 4)]
    assert [(d.line, d.column) for d in lint.check_text(text, path="a.txt", config=cfg)] == [(1, 4), (1, 21)]
    assert [(d.line, d.column) for d in lint.check_text(text, path="a.txt", config=cfg, format="html")] == [(1, 4)]


def test_check_text_config_kinds(tmp_path, pack, cfg):
    (tmp_path / "edlint.toml").write_text(config_text())  # rule-packs relative to the file
    text = "Very!!\n"
    as_dict = lint.check_text(text, config=cfg)
    as_path = lint.check_text(text, config=str(tmp_path / "edlint.toml"))
    as_config = lint.check_text(text, config=load_config_file(tmp_path / "edlint.toml"))
    assert [d.rule for d in as_dict] == [d.rule for d in as_path] == [d.rule for d in as_config] == [
        "style.test.hedge", "typography.test.bang"]
    assert as_dict[0].path == "<text>"
    with pytest.raises(TypeError):
        lint.check_text(text, config=42)


def test_check_text_bad_config(cfg):
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        lint.check_text("x", config={"colour": True})


def test_check_text_malformed_input_raises_input_error(cfg):
    with pytest.raises(InputError) as e:
        lint.check_text('{"title": ', path="feed.json", config=cfg)
    assert e.value.path == "feed.json"


def test_check_text_leading_bom(cfg):
    [d] = lint.check_text("\ufeffVery.", config=cfg)
    assert (d.line, d.column, d.start) == (1, 1, 0)


def test_no_global_state_between_calls(cfg, pack):
    other = dict(cfg, severity={"style.test.hedge": "error"})
    assert lint.check_text("Very.", config=cfg)[0].severity == "warning"
    assert lint.check_text("Very.", config=other)[0].severity == "error"
    assert lint.check_text("Very.", config=cfg)[0].severity == "warning"


def test_check_paths(desk):
    (desk / "news").mkdir()
    (desk / "news" / "a.txt").write_text("Quite good.\n")
    (desk / "news" / "b.md").write_text("# Fine\n\nThey utilise it.\n")
    result = lint.check_paths([desk / "news", str(desk / "missing.txt")])
    assert isinstance(result, RunResult)
    assert [(d.path, d.line, d.column, d.rule) for d in result.findings] == [
        (str(desk / "news" / "a.txt"), 1, 1, "style.test.hedge"),
        (str(desk / "news" / "b.md"), 3, 6, "style.test.utilise"),
    ]
    assert [(e.path, e.message) for e in result.errors] == [(str(desk / "missing.txt"), "no such file or directory")]
    assert result.counts() == {"error": 1, "warning": 1, "info": 0}
    assert [d.rule for d in result.at_or_above("error")] == ["style.test.utilise"]
    assert result.at_or_above("never") == []
    assert len(result.documents) == 2


def test_check_paths_with_explicit_config(tmp_path, pack, cfg):
    (tmp_path / "a.txt").write_text("Quite!!\n")
    (tmp_path / "edlint.toml").write_text("select = [\n")  # would be an error if it were read
    result = lint.check_paths([tmp_path / "a.txt"], config=cfg)
    assert [d.rule for d in result.findings] == ["style.test.hedge", "typography.test.bang"]


def test_config_finding_and_result_pickle(desk):
    (desk / "a.txt").write_text("They utilise it, quite!!\n")
    cfg = load_config_file(desk / "edlint.toml")
    assert pickle.loads(pickle.dumps(cfg)) == cfg
    again = load_config_file(desk / "edlint.toml")
    assert again == cfg and hash(again) == hash(cfg)  # rule sets are cached per config
    result = lint.check_paths([desk / "a.txt"])
    back = pickle.loads(pickle.dumps(result))
    assert back.findings == result.findings and len(back.findings) == 3
    assert back.documents == result.documents and back.files == result.files
    assert set(back.rules) == set(result.rules)
    d = result.findings[0]
    assert isinstance(d, Finding) and pickle.loads(pickle.dumps(d)) == d


def test_config_with_overrides_pickles(tmp_path, pack):
    (tmp_path / "edlint.toml").write_text(config_text(
        '[[overrides]]', 'files = ["x/*"]', 'severity = { style = "error" }', 'vocabulary = { accept = ["a"] }'))
    cfg = load_config_file(tmp_path / "edlint.toml")
    assert pickle.loads(pickle.dumps(cfg)) == cfg
    assert pickle.loads(pickle.dumps(cfg.for_path(str(tmp_path / "x" / "y.txt")))).severity == (("style", "error"),)


def test_check_text_maps_over_a_process_pool(cfg):
    texts = ["Very!!", "Nothing here.", "They utilise it.", "Quite quite."]
    check = partial(lint.check_text, config=cfg)
    serial = [[(d.rule, d.column) for d in check(t)] for t in texts]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = [[(d.rule, d.column) for d in found] for found in pool.map(check, texts)]
    assert parallel == serial
    assert serial[0] == [("style.test.hedge", 1), ("typography.test.bang", 5)]
