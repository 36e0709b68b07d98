"""LanguageTool's matches land on the exact source positions, in every format."""
from __future__ import annotations

from language_tool_python import Match

from lint.languagetool.batching import Utf16Index
from lint.languagetool.prose import build_prose
from lint.languagetool.service import run
from lint.readers import parse

from .conftest import positions, run_files
from .fake_server import check_response

ARTICLE = """City council votes

The council approved a increase in the budget on Tuesday.
Officials said they would recieve the funds , in March.
"""


def test_plain_text_positions_rules_and_severities(lt):
    result = run_files({"vote.txt": ARTICLE}, mode=lt.url)
    assert positions(result) == [
        (3, 22, 3, 23, "grammar.en-a-vs-an"),
        (4, 27, 4, 34, "grammar.morfologik-rule-en-us"),
        (4, 44, 4, 46, "grammar.comma-parenthesis-whitespace"),
    ]
    a_an, typo, comma = result.findings
    assert a_an.text == "a" and a_an.suggestions == ("an",) and a_an.severity == "error"
    assert a_an.message.startswith("Use “an” instead of ‘a’")
    assert typo.text == "recieve" and typo.suggestions == ("receive",)
    assert comma.text == " ," and comma.severity == "info"
    assert result.notices == [] and result.incomplete == []


def test_sarif_data_keeps_languagetool_rule_description(lt):
    d = run_files({"vote.txt": ARTICLE}, mode=lt.url).findings[0]
    assert d.data == {
        "description": "Use of 'a' vs. 'an'", "lt_rule": "EN_A_VS_AN", "lt_category": "MISC",
        "lt_category_name": "Miscellaneous", "issue_type": "misspelling", "short_message": "Wrong article",
        "url": "https://community.languagetool.org/rule/show/EN_A_VS_AN",
    }
    # Replacements are suggestions and an unsafe fix: a person decides.
    assert d.fix is not None and not d.fix.safe
    assert [(e.start, e.end, e.replacement) for e in d.fix.edits] == [(41, 42, "an")]


def test_non_bmp_characters_before_the_error(lt):
    # Each emoji and 𝔄 is one Python character but two UTF-16 code units for LanguageTool.
    text = "Fans cheered 😀🎉 and 𝔄 a owl landed.\n\n🦉 Then 𠜎 a eagle came.\n"
    result = run_files({"birds.txt": text}, mode=lt.url)
    assert positions(result) == [
        (1, 23, 1, 24, "grammar.en-a-vs-an"),
        (3, 10, 3, 11, "grammar.en-a-vs-an"),
    ]
    assert [d.text for d in result.findings] == ["a", "a"]
    # The server was given UTF-16 offsets: 22 characters, 3 of them non-BMP, before the first "a".
    assert check_response(lt.checks[0]["text"], "en-US")["matches"][0]["offset"] == 25


def test_utf16_offsets_agree_with_language_tool_python():
    text = "Kickoff 🏈 at 9, then 𝔊ame 😀 time a end."
    match = check_response(text, "en-US")["matches"][0]
    ours = Utf16Index(text).to_index(match["offset"])
    assert ours == Match(dict(match), text).offset == text.index("a end")


def test_utf16_span_with_a_non_bmp_character_inside():
    text = "x 😀y z"
    index = Utf16Index(text)
    start, end = index.to_index(2), index.to_index(2 + 3)  # "😀y" is three code units
    assert text[start:end] == "😀y"
    assert index.to_index(6) == text.index("z")


def test_markdown_positions_and_inline_code_masked(lt):
    text = ("# Budget vote\n\nThe *council* approved a increase, and the the mayor spoke.\n\n"
            "- Run `a apt-get` before a update.\n")
    result = run_files({"vote.md": text}, mode=lt.url)
    assert positions(result) == [
        (3, 24, 3, 25, "grammar.en-a-vs-an"),
        (3, 40, 3, 47, "grammar.english-word-repeat-rule"),
        (5, 26, 5, 27, "grammar.en-a-vs-an"),
    ]
    # LanguageTool saw a placeholder word where the code was.
    assert "a apt-get" not in lt.checks[0]["text"]
    assert "Run Dummy0 before a update." in lt.checks[0]["text"]


def test_html_positions_entities_and_code_masked(lt):
    text = ("<html><body>\n<h1>Budget &amp; vote</h1>\n"
            "<p>The council approved <b>a increase</b> of 5%.</p>\n"
            "<p>Run <code>a apt-get</code> before a update.</p>\n</body></html>\n")
    result = run_files({"vote.html": text}, mode=lt.url)
    assert positions(result) == [
        (3, 28, 3, 29, "grammar.en-a-vs-an"),
        (4, 38, 4, 39, "grammar.en-a-vs-an"),
    ]
    assert "Budget & vote" in lt.checks[0]["text"]


def test_excluded_boilerplate_is_not_sent(lt):
    source = "A real story about a budget.\n\nRelated: a offer you can't miss.\n\nMore of a end.\n"
    doc = parse(source, "a.txt")[0]
    start = source.index("Related")
    doc.excluded.append((start, source.index("\n", start)))
    prose = build_prose(doc)
    assert prose.text == "A real story about a budget.\n\nMore of a end."
    outcome = run([(0, prose)], {"mode": lt.url}, "en-US")
    assert [(n, source[d.start:d.end], d.start) for n, d in outcome.findings] == [
        (0, "a", source.index("a end"))]


def test_match_touching_a_placeholder_is_dropped():
    doc = parse("Call `x` a `y` now.\n", "a.md")[0]
    prose = build_prose(doc)
    assert prose.text == "Call Dummy0 a Dummy1 now."
    dummy = prose.text.index("Dummy1")
    assert prose.to_source(dummy - 2, dummy + 3) is None
    assert prose.to_source(dummy - 2, dummy - 1) == (9, 10, True)


def test_the_stand_in_counts_utf16_like_java():
    from .fake_server import _Utf16, utf16

    text = "a😀b𝔄c\U0001F989d"
    fast = _Utf16(text)
    assert [fast(i) for i in range(len(text) + 1)] == [utf16(text, i) for i in range(len(text) + 1)] \
        == [0, 1, 3, 4, 6, 7, 9, 10]


def test_why_not_language_tool_pythons_match_length():
    # language-tool-python corrects the offset but keeps the UTF-16 length, so a span holding
    # an emoji comes out one character too long; edlint converts both ends.
    text = "ok 😀x a"
    match = {"message": "m", "replacements": [], "offset": 3, "length": 3,
             "context": {"text": text, "offset": 3, "length": 3},
             "rule": {"id": "R", "issueType": "other", "category": {"id": "C"}}}
    theirs = Match(dict(match), text)
    assert text[theirs.offset:theirs.offset + theirs.error_length] == "😀x "
    index = Utf16Index(text)
    assert text[index.to_index(3):index.to_index(3 + 3)] == "😀x"


def test_json_lines_records_with_escaped_non_bmp_characters(lt):
    source = ('{"title": "Vote", "body": "The council approved a increase."}\n'
              '{"title": "Fans \\ud83d\\ude00", "body": "Then a owl came."}\n')
    result = run_files({"a.jsonl": source}, mode=lt.url)
    assert [(d.record, d.line, d.column, d.end_column, d.text) for d in result.findings] == [
        (1, 1, 49, 50, "a"), (2, 2, 46, 47, "a")]
    assert len(lt.checks) == 1  # both records in one request
