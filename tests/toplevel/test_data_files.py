"""One reader and one error for every data file a rule pack holds (rule files, word
lists, the boilerplate pack's line files and line model): every problem is a
DataFileError naming the file and the line it was written on."""
from __future__ import annotations

import re

import pytest

from lint.boilerplate.comments import load_thread_rules
from lint.datafile import DataFileError, compile_pattern, read_lines, read_toml
from lint.boilerplate.lexicon import read_patterns
from lint.boilerplate.model import load_model
from lint.errors import EdlintError
from lint.rule_files import load_rule_file
from lint.boilerplate.structure import load_context_rules

from .support import HEDGE, config_text, edlint, no_traceback


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_and_blank_lines_are_skipped_and_each_line_knows_its_place(tmp_path):
    path = write(tmp_path, "share.txt", "# about\n\n#! sentences\nshare this\n  # indented comment\n~facebook\n")
    data = read_lines(path, directives=("sentences",))
    assert [(ln.text, ln.where) for ln in data.lines] == [("share this", f"{path}:4"), ("~facebook", f"{path}:6")]
    assert data.directives == {"sentences"}
    assert read_lines(path).directives == frozenset()  # a directive not asked for is a comment


def test_sections_and_a_line_outside_them(tmp_path):
    path = write(tmp_path, "t.txt", "[header]\nreplies\n[signal]\nreply\n")
    data = read_lines(path, sections=("header", "signal"))
    assert [(ln.section, ln.text) for ln in data.lines] == [("header", "replies"), ("signal", "reply")]
    orphan = write(tmp_path, "o.txt", "# no section yet\nreplies\n")
    with pytest.raises(DataFileError, match=re.escape(f"{orphan}:2: a line outside the [header], [signal]")):
        read_lines(orphan, sections=("header", "signal"))


def test_a_bad_pattern_is_one_error_type_everywhere(tmp_path):
    with pytest.raises(DataFileError, match=r"x.txt:3: bad pattern"):
        compile_pattern("(unclosed", "x.txt:3")
    assert issubclass(DataFileError, ValueError)  # callers that caught ValueError still do
    phrases = write(tmp_path, "share.txt", "share\nshare( this\n")
    with pytest.raises(DataFileError, match=re.escape(f"{phrases}:2: bad pattern")):
        read_patterns(phrases)
    thread = write(tmp_path, "thread.txt", "[header]\nok\n(unclosed\n")
    with pytest.raises(DataFileError, match=re.escape(f"{thread}:3: bad pattern")):
        load_thread_rules(str(thread))


def test_html_context_rules_name_the_line_of_a_bad_rule(tmp_path):
    good = write(tmp_path, "good.txt", "# kind, tab, pattern\nnavigation\t(^|>)nav\n")
    assert [(k, rx.pattern) for k, rx in load_context_rules(str(good))] == [("navigation", "(^|>)nav")]
    no_tab = write(tmp_path, "no-tab.txt", "navigation (^|>)nav\n")
    with pytest.raises(DataFileError, match=re.escape(f"{no_tab}:1: expected KIND<tab>PATTERN")):
        load_context_rules(str(no_tab))
    bad = write(tmp_path, "bad.txt", "\nshare\tdiv.share(\n")
    with pytest.raises(DataFileError, match=re.escape(f"{bad}:2: bad pattern")):
        load_context_rules(str(bad))


MODEL = "threshold = 0.7\n\n[before]\nbias = 0.5\n\n[inside]\nbias = -1.0\n\n[after]\nprose = 0.25\n"


def test_the_line_model_loads_and_its_errors_name_file_and_line(tmp_path):
    model = load_model(str(write(tmp_path, "m.toml", MODEL)))
    assert model is not None and len(model.tables) == 3
    unknown = write(tmp_path, "unknown.toml", MODEL + "no_such_fact = 1.0\n")
    with pytest.raises(DataFileError, match=re.escape(f"{unknown}:11: unknown feature 'no_such_fact' in [after]")):
        load_model(str(unknown))
    broken = write(tmp_path, "broken.toml", "threshold = 0.7\n[before\n")
    with pytest.raises(DataFileError, match=re.escape(f"{broken}:2: invalid TOML")):
        read_toml(broken)
    missing = write(tmp_path, "missing.toml", "threshold = 0.7\n[before]\nbias = 1.0\n")
    with pytest.raises(DataFileError, match=re.escape(f"{missing}: no [inside] table")):
        load_model(str(missing))
    odd = write(tmp_path, "odd.toml", MODEL.replace("0.7", "7"))
    with pytest.raises(DataFileError, match=re.escape(f"{odd}:1: threshold must be a number between 0 and 1")):
        load_model(str(odd))
    word = write(tmp_path, "word.toml", MODEL.replace("prose = 0.25", "prose = \"high\""))
    with pytest.raises(DataFileError, match=re.escape(f"{word}:10: the weight of 'prose' must be a number")):
        load_model(str(word))


def test_the_bundled_data_files_load():
    assert load_context_rules() and all(load_thread_rules()) and load_model() is not None


# -- rule files and their word lists ------------------------------------------------------

@pytest.mark.parametrize("change, line, problem", [
    (('tokens = ["very", "quite"]', 'tokens = ["very", "quite"'), 9, "invalid TOML"),  # where tomllib notices
    (('severity = "warning"', 'severity = "loud"'), 3, "severity 'loud' must be one of"),
    (('docs = ', 'doc = '), 6, "unknown key 'doc'"),
    (('id = "style.test.hedge"', 'id = "hedges"'), 1, "rule id 'hedges' must be <category>.<name>"),
    (('message = "Hedge word: “{match}”."', 'message = ""'), 4, "missing or empty key 'message'"),
    (('pass = ["It was late."]', 'pass = [3]'), 11, "an example must be a string"),
])
def test_a_broken_rule_file_names_its_file_and_line(tmp_path, change, line, problem):
    assert change[0] in HEDGE
    rule = write(tmp_path, "hedge.toml", HEDGE.replace(*change))
    with pytest.raises(DataFileError, match=re.escape(f"{rule}:{line}: {problem}")):
        load_rule_file(rule)


def test_a_rule_without_a_required_key_names_the_file(tmp_path):
    rule = write(tmp_path, "hedge.toml", HEDGE.replace('type = "existence"\n', ""))
    with pytest.raises(DataFileError, match=re.escape(f"{rule}: missing or empty key 'type'")):
        load_rule_file(rule)


def test_a_word_list_is_read_like_every_data_file(tmp_path):
    rule = write(tmp_path, "hedge.toml", HEDGE.replace('tokens = ["very", "quite"]', 'tokens = "file:hedges.txt"'))
    write(tmp_path, "hedges.txt", "# hedge words\n  very  \n\nquite\r\nrather\rsomewhat\n")
    assert load_rule_file(rule).params["tokens"] == ["very", "quite", "rather", "somewhat"]
    (tmp_path / "hedges.txt").write_bytes(b"very\nqu\xe9te\n")
    with pytest.raises(DataFileError, match=re.escape(f"{tmp_path / 'hedges.txt'}:2: not UTF-8 text")):
        load_rule_file(rule)
    (tmp_path / "hedges.txt").unlink()
    with pytest.raises(DataFileError, match=re.escape(f"{rule}:8: list file {tmp_path / 'hedges.txt'} not found")):
        load_rule_file(rule)


def test_a_data_file_that_cannot_be_read_or_decoded(tmp_path):
    assert issubclass(DataFileError, EdlintError)  # the CLI reports it and exits 2
    with pytest.raises(DataFileError, match=re.escape(f"{tmp_path / 'none.txt'}: cannot read: ")):
        read_lines(tmp_path / "none.txt")
    (tmp_path / "latin.txt").write_bytes(b"share\n\nsh\xe4re this\n")
    with pytest.raises(DataFileError, match=re.escape(f"{tmp_path / 'latin.txt'}:3: not UTF-8 text")):
        read_patterns(tmp_path / "latin.txt")


def test_the_cli_reports_a_broken_rule_file_with_its_line_and_exits_2(desk):
    (desk / "pack" / "style" / "test-hedge.toml").write_text(HEDGE.replace('severity = "warning"', 'severity = "loud"'))
    (desk / "a.txt").write_text("It was late.\n")
    r = edlint("check", "a.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert f"{desk / 'pack' / 'style' / 'test-hedge.toml'}:3: severity 'loud' must be one of" in r.stderr


def test_the_cli_reports_a_vocabulary_file_that_is_not_utf8_with_its_line(desk):
    (desk / "edlint.toml").write_text(config_text('[vocabulary]', 'accept-files = ["words.txt"]'))
    (desk / "words.txt").write_bytes(b"utilise\nr\xe9sum\xe9\n")
    (desk / "a.txt").write_text("It was late.\n")
    r = edlint("check", "a.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert f"key 'vocabulary.accept-files': word file {desk / 'words.txt'}:2: not UTF-8 text" in r.stderr
