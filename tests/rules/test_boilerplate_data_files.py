"""One reader and one error for the boilerplate pack's data files: every problem names
the file and the line it was written on."""
from __future__ import annotations

import re

import pytest

from lint.boilerplate.comments import load_thread_rules
from lint.boilerplate.data_files import DataFileError, compile_pattern, read_data_file, read_toml
from lint.boilerplate.lexicon import read_patterns
from lint.boilerplate.model import load_model
from lint.boilerplate.structure import load_context_rules


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_and_blank_lines_are_skipped_and_each_line_knows_its_place(tmp_path):
    path = write(tmp_path, "share.txt", "# about\n\n#! sentences\nshare this\n  # indented comment\n~facebook\n")
    data = read_data_file(path, directives=("sentences",))
    assert [(ln.text, ln.where) for ln in data.lines] == [("share this", f"{path}:4"), ("~facebook", f"{path}:6")]
    assert data.directives == {"sentences"}
    assert read_data_file(path).directives == frozenset()  # a directive not asked for is a comment


def test_sections_and_a_line_outside_them(tmp_path):
    path = write(tmp_path, "t.txt", "[header]\nreplies\n[signal]\nreply\n")
    data = read_data_file(path, sections=("header", "signal"))
    assert [(ln.section, ln.text) for ln in data.lines] == [("header", "replies"), ("signal", "reply")]
    orphan = write(tmp_path, "o.txt", "# no section yet\nreplies\n")
    with pytest.raises(DataFileError, match=re.escape(f"{orphan}:2: a line outside the [header], [signal]")):
        read_data_file(orphan, sections=("header", "signal"))


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
    with pytest.raises(DataFileError, match=re.escape(f"{broken}:2: bad TOML")):
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
