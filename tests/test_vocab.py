"""`edlint vocab`: unknown words of a corpus, ranked by articles, and an accept list."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lint.cli import main


def corpus(tmp_path):
    (tmp_path / "a.txt").write_text("The ecobee sensor sat in the frunk.\n\nEnvoy Zorbulak spoke.\n")
    (tmp_path / "b.txt").write_text("Another ecobee review, and one more ecobee.\n")
    (tmp_path / "c.txt").write_text("Nothing unusual here.\n")
    return tmp_path


def vocab(*args):
    result = CliRunner().invoke(main, ["vocab", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_words_ranked_by_articles_then_uses(tmp_path):
    out = json.loads(vocab("--format", "json", corpus(tmp_path)))
    assert out["documents"] == 3
    assert [(w["word"], w["articles"], w["uses"]) for w in out["words"]] == [("ecobee", 2, 3), ("frunk", 1, 1)]


def test_accept_list_is_ready_to_paste_toml(tmp_path):
    import tomllib

    out = vocab("--format", "toml", corpus(tmp_path))
    assert tomllib.loads(out) == {"vocabulary": {"accept": ["ecobee", "frunk"]}}


def test_text_report_has_table_and_accept_list(tmp_path):
    out = vocab(corpus(tmp_path))
    lines = out.splitlines()
    assert lines[0].split() == ["articles", "uses", "word", "suggestion"]
    assert lines[1].split()[:3] == ["2", "3", "ecobee"]
    assert '    "frunk",  # 1 articles' in lines


def test_min_articles_and_names(tmp_path):
    corpus(tmp_path)
    out = json.loads(vocab("--format", "json", "--min-articles", "2", tmp_path))
    assert [w["word"] for w in out["words"]] == ["ecobee"]
    out = json.loads(vocab("--format", "json", "--names", tmp_path))
    assert "Zorbulak" in [w["word"] for w in out["words"]]


def test_accepted_terms_are_not_listed(tmp_path):
    corpus(tmp_path)
    (tmp_path / ".edlint.toml").write_text('[vocabulary]\naccept = ["ecobee"]\n')
    out = json.loads(vocab("--format", "json", tmp_path))
    assert [w["word"] for w in out["words"]] == ["frunk"]
