"""The prose rule types on hand-built documents: parameters, offsets and when a fix is safe."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lint.document import Block, Document, OffsetMap, TextBuilder
from lint.rule_types import CheckContext, rule_class
from lint.rule_files import RuleSpec


def plain_doc(source: str) -> Document:
    """A plain-text Document: paragraphs split on blank lines."""
    doc = Document(path="t.txt", source=source, format="text")
    for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", source):
        doc.blocks.append(Block("paragraph", m.group(), OffsetMap.identity(m.start(), len(m.group())),
                                m.start(), m.end()))
    return doc


def entity_doc() -> Document:
    """HTML-like source where "&amp;" stands for "&" in the block text: `Tom &amp; the the cat`."""
    source = "<p>Tom &amp; the the cat</p>"
    tb = TextBuilder()
    tb.add("Tom ", 3)
    tb.add_replaced("&", 7, 12)
    tb.add(" the the cat", 12)
    doc = Document(path="t.html", source=source, format="html")
    doc.blocks.append(Block("paragraph", tb.text(), tb.offset_map(), 0, len(source)))
    return doc


def make(type_name: str, message: str = "{match}", **params):
    spec = RuleSpec(id="style.test", type=type_name, severity="warning", message=message,
                    description="test", path="<test>", params=params)
    return rule_class(type_name)(spec)


def check(rule, doc):
    return list(rule.check(doc, CheckContext()))


def spans(rule, source: str):
    """(start, end, message) in source offsets."""
    return [(d.start, d.end, d.message) for d in check(rule, plain_doc(source))]


# existence

def test_existence_tokens_with_word_boundaries_and_any_whitespace():
    rule = make("existence", "Avoid “{match}”.", tokens=["perfect storm", "game changer"])
    assert spans(rule, "A Perfect\nstorm and a game changers list.") == [(2, 15, "Avoid “Perfect\nstorm”.")]


def test_existence_case_sensitive_patterns_and_exceptions():
    rule = make("existence", tokens=[], patterns=[r"[A-Z]{2,}s"], ignorecase=False, exceptions=["CEOs"])
    assert spans(rule, "The CEOs met the CFOs and the cfos.") == [(17, 21, "CFOs")]


def test_existence_overlapping_matches_keep_the_longest():
    rule = make("existence", tokens=["end", "end of the day"])
    assert spans(rule, "At the end of the day.") == [(7, 21, "end of the day")]


def test_existence_nonword_pattern():
    rule = make("existence", patterns=["!{2,}"], nonword=True)
    assert spans(rule, "Wow!! Yes!") == [(3, 5, "!!")]


def test_existence_rejects_unknown_parameters():
    with pytest.raises(ValueError, match="unknown parameter 'token'"):
        make("existence", token=["x"])


# substitution

def test_substitution_literal_keeps_case_and_fixes_exactly_the_match():
    rule = make("substitution", "Use “{suggestion}” for “{match}”.", swap={"past history": "history"})
    [d] = check(rule, plain_doc("Their Past history matters.\n\nPAST HISTORY too."))[:1]
    assert (d.start, d.end, d.message) == (6, 18, "Use “History” for “Past history”.")
    assert d.suggestions == ("History",)
    assert [(e.start, e.end, e.replacement) for e in d.fix.edits] == [(6, 18, "History")]
    assert d.fix.safe
    [_, d2] = check(rule, plain_doc("Their Past history matters.\n\nPAST HISTORY too."))
    assert d2.suggestions == ("HISTORY",)


def test_substitution_list_of_rights_and_unsafe_fix():
    rule = make("substitution", swap={"utilize": ["use", "employ"]}, safe=False)
    [d] = check(rule, plain_doc("We utilize it."))
    assert d.suggestions == ("use", "employ")
    assert not d.fix.safe


def test_substitution_regex_with_group_references():
    rule = make("substitution", swap={r"(\d+) per cent": r"\1%"}, regex=True)
    [d] = check(rule, plain_doc("Up 5 per cent today."))
    assert (d.start, d.end, d.suggestions) == (3, 13, ("5%",))


def test_substitution_gives_no_fix_where_the_text_is_not_verbatim():
    rule = make("substitution", swap={"tom & the": "Tom and the"})
    [d] = check(rule, entity_doc())
    assert (d.start, d.end) == (3, 16)  # the whole source span, entity included
    assert d.fix is None and d.suggestions == ("Tom and the",)


# repetition

def test_repetition_fix_deletes_the_second_word_in_source_offsets():
    rule = make("repetition")
    [d] = check(rule, entity_doc())
    assert (d.start, d.end) == (13, 20)
    assert [(e.start, e.end, e.replacement) for e in d.fix.edits] == [(16, 20, "")]


def test_repetition_allow_and_skip_names_parameters():
    assert spans(make("repetition", allow=["Had"]), "He had had it.") == []
    assert spans(make("repetition", skip_names=False), "To Walla Walla.") == [(3, 14, "Walla Walla")]


# balance

def test_balance_custom_pairs():
    rule = make("balance", "{match} {problem}", pairs=["«»"])
    assert spans(rule, "Il a dit «non. (ok") == [(9, 10, "« is not closed in this paragraph")]


def test_balance_without_emoticon_and_list_skipping():
    rule = make("balance", "{match}", emoticons=False, list_markers=False)
    assert spans(rule, "Nice :) and 1) done") == [(6, 7, ")"), (13, 14, ")")]


# quotes

def test_quotes_continuation_gap_parameter():
    text = "“We had a plan.\n\nA caption\n\n“Then we won.”"
    assert spans(make("quotes"), text) == []
    assert spans(make("quotes", continuation_gap=0), text) == [(0, 1, "“")]
    assert spans(make("quotes", continue_across_blocks=False), "“We had.\n\n“Then.”") == [(0, 1, "“")]


def test_quotes_single_and_double_switches():
    text = "He said ‘no. She said “yes."
    assert spans(make("quotes", single=False), text) == [(22, 23, "“")]
    assert spans(make("quotes", double=False), text) == [(8, 9, "‘")]


def test_quotes_continuation_needs_the_same_kind_of_mark():
    assert spans(make("quotes"), "He said ‘no.\n\n“Yes,” she said.") == [(8, 9, "‘")]


# consistency

def test_consistency_tie_goes_to_the_style_seen_first():
    rule = make("consistency", "{style}/{other} {count}/{other_count}",
                groups=[{"us": "(?i)email", "uk": "(?i)e-mail"}])
    assert spans(rule, "E-mail me.\n\nMy email is new.") == [(15, 20, "us/uk 1/1")]


def test_consistency_one_style_is_fine():
    rule = make("consistency", groups=[{"straight": '"', "curly": "[“”]"}])
    assert spans(rule, "“a” “b”") == []


# markup

def test_markup_elements_parameter_and_switches():
    assert spans(make("markup", elements=["blink"]), "Hi <blink>there</blink> <br>") == [
        (3, 10, "<blink>"), (15, 23, "</blink>")]
    assert spans(make("markup", tags=False), "<br> &amp;") == [(5, 10, "&amp;")]
    assert spans(make("markup", entities=False), "<br> &amp;") == [(0, 4, "<br>")]


def test_markup_entity_fix_is_safe_and_decodes_fully():
    [d] = check(make("markup"), plain_doc("x &amp;amp;quot; y"))
    assert d.suggestions == ('"',) and d.fix.safe
    assert [(e.start, e.end, e.replacement) for e in d.fix.edits] == [(2, 16, '"')]


# mojibake

def test_mojibake_message_and_fix():
    [d] = check(make("mojibake", "{match} -> {suggestion}"), plain_doc("donâ€™t"))
    assert (d.start, d.end, d.message, d.fix.safe) == (3, 6, "â€™ -> ’", True)


def test_mojibake_does_not_load_ftfy_for_clean_text():
    code = ("import sys; from tests.rules.test_rule_types import make, check, plain_doc; "
            "check(make('mojibake'), plain_doc('Café in Zürich, “fine”.')); print('ftfy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
