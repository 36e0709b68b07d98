"""The run carries each file's resolved configuration: the exit code and the reports' settings
come from the result, never from looking a file's configuration up again."""
from __future__ import annotations

from lint.cli.check import _configured_fail_on, _setting, exit_code
from lint.config import ConfigResolver
from lint.engine import Engine

WARNING_ONLY = "A freindly town.\n"  # spelling.misspelling, a warning


def _archive(tmp_path):
    (tmp_path / "edlint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    (tmp_path / "strict").mkdir()
    (tmp_path / "strict" / "edlint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (tmp_path / "calm.txt").write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "strict" / "story.txt").write_text(WARNING_ONLY, encoding="utf-8")
    return tmp_path


def _run(paths, tmp_path):
    engine = Engine(ConfigResolver(cli={"languagetool": "off"}))
    result = engine.run([str(p) for p in paths])

    def no_lookup(path):
        raise AssertionError(f"configuration of {path} looked up again")

    engine.resolver.for_path = no_lookup
    return engine, result


def test_each_file_fails_by_its_own_config_without_a_second_lookup(tmp_path):
    root = _archive(tmp_path)
    engine, calm = _run([root / "calm.txt"], tmp_path)
    assert [d.rule for d in calm.findings] == ["spelling.misspelling"]
    assert exit_code(calm, engine, None) == 0  # a warning, under fail-on = "error"
    assert _configured_fail_on(engine, calm) == "error"

    engine, both = _run([root / "calm.txt", root / "strict" / "story.txt"], tmp_path)
    assert exit_code(both, engine, None) == 1  # strict/ fails on warnings
    assert [c.fail_on for c in both.configs] == ["error", "warning"]


def test_settings_are_read_from_the_configs_the_run_used(tmp_path):
    root = _archive(tmp_path)
    (root / "strict" / "edlint.toml").write_text('fail-on = "warning"\n[languagetool]\nrequire = true\n',
                                                 encoding="utf-8")
    engine, result = _run([root / "calm.txt", root / "strict" / "story.txt"], tmp_path)
    require = lambda c: c.settings_map().get("languagetool", {}).get("require")  # noqa: E731
    assert _setting(engine, result, require)
    engine, result = _run([root / "calm.txt"], tmp_path)
    assert not _setting(engine, result, require)
