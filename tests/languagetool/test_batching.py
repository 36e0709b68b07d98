"""Texts from many files share requests within the size limit; long texts are split."""
from __future__ import annotations

import math

from lint.languagetool.batching import Part, Request, pack, split_prose, utf16_len
from lint.languagetool.prose import build_prose
from lint.readers import parse

from .conftest import positions, run_files
from .fake_server import FakeLanguageTool

STORY = "Story {:02d} says the mayor made a error.\n\nThe vote is on Friday.\n"


def test_many_files_share_few_requests():
    files = {f"story-{i:02d}.txt": STORY.format(i) for i in range(40)}
    prose_len = len("Story 00 says the mayor made a error.\n\nThe vote is on Friday.")  # 61
    per_request = (400 + 2) // (prose_len + 2)  # parts joined by a blank line: 6 per request
    with FakeLanguageTool(max_text_length=400) as lt:
        result = run_files(files, mode=lt.url, max_request_chars=400, max_concurrency=3)
        sent = [form["text"] for form in lt.checks]
    assert len(sent) == math.ceil(40 / per_request) == 7
    assert all(len(t) <= 400 for t in sent)
    assert sorted(sent) == sorted(set(sent))  # nothing sent twice
    assert result.notices == []
    # Every file gets its own finding, at its own position.
    for path in files:
        assert positions(result, path) == [(1, 30, 1, 31, "grammar.en-a-vs-an")]


def test_a_long_document_is_split_at_paragraphs():
    paragraphs = [f"Paragraph {i:02d} is fine as it stands." for i in range(30)]
    paragraphs[27] = "Paragraph 27 holds a error near the end."
    text = "\n\n".join(paragraphs) + "\n"
    with FakeLanguageTool(max_text_length=300) as lt:
        result = run_files({"long.txt": text}, mode=lt.url, max_request_chars=300)
        # 34-character paragraphs: 8 fit in 300 units (8 * 34 + 7 * 2 = 286), so 8, 8, 8, 6.
        assert len(lt.checks) == 4
        assert all(len(form["text"]) <= 300 for form in lt.checks)
    assert positions(result) == [(55, 20, 55, 21, "grammar.en-a-vs-an")]


def test_an_overlong_paragraph_is_cut_at_a_sentence_end():
    sentence = "The board met again today. "
    text = sentence * 20 + "It made a error."
    doc = parse(text, "a.txt")[0]
    parts = split_prose(0, build_prose(doc), 100)
    assert all(utf16_len(p.text) <= 100 for p in parts)
    assert all(p.text.endswith(". ") for p in parts[:-1])
    assert "".join(p.text for p in parts) == text  # nothing lost, offsets continuous
    assert [p.offset for p in parts] == [sum(len(q.text) for q in parts[:i]) for i in range(len(parts))]


def test_limits_count_utf16_units():
    emoji = "😀" * 30  # 30 characters, 60 UTF-16 units
    requests = pack([Part(0, 0, emoji), Part(1, 0, emoji)], 100)
    assert [len(r.parts) for r in requests] == [1, 1]
    requests = pack([Part(0, 0, emoji), Part(1, 0, "short")], 100)
    assert [len(r.parts) for r in requests] == [2]


def test_request_locates_parts_and_rejects_spans_across_them():
    req = pack([Part(3, 10, "abc def"), Part(5, 0, "ghi")], 100)[0]
    assert req.text == "abc def\n\nghi"
    assert req.locate(4, 7) == (Part(3, 10, "abc def"), 14, 17)
    assert req.locate(9, 12) == (Part(5, 0, "ghi"), 0, 3)
    assert req.locate(4, 10) is None
    assert isinstance(req, Request)


def test_prose_collected_in_worker_processes(lt):
    from lint.engine import Engine, FileJob

    from ..helpers import make_config

    cfg = make_config(("grammar",), languagetool={"mode": lt.url})
    jobs = [FileJob(f"{i}.md", cfg, text=f"# Story {i}\n\nSee `x` and 😀 a owl.\n") for i in range(4)]
    result = Engine(jobs=2).run_jobs(jobs)
    assert len(lt.checks) == 1
    assert [(d.path, d.line, d.column, d.text) for d in result.findings] == [
        (f"{i}.md", 3, 15, "a") for i in range(4)]


def test_requests_run_in_parallel_up_to_the_limit():
    files = {f"{i}.txt": STORY.format(i) for i in range(6)}
    with FakeLanguageTool(gate=3) as lt:
        result = run_files(files, mode=lt.url, max_request_chars=70, max_concurrency=3)
        assert len(lt.checks) == 6
        assert lt.max_in_flight == 3
    assert len(result.findings) == 6 and result.notices == []


def test_one_request_at_a_time_when_concurrency_is_one():
    files = {f"{i}.txt": STORY.format(i) for i in range(3)}
    with FakeLanguageTool(gate=2, gate_timeout=0.2) as lt:
        run_files(files, mode=lt.url, max_request_chars=70, max_concurrency=1, timeout=8)
        assert len(lt.checks) == 3 and lt.max_in_flight == 1


def _text_level_run(files, gate=0, **settings):
    """The run, and the texts LanguageTool was asked: the shared request, then those asked alone."""
    with FakeLanguageTool(text_level=True, gate=gate, gate_timeout=1) as lt:
        result = run_files(files, mode=lt.url, **settings)
        shared, *alone = lt.checks
        return result, shared, alone, lt.max_in_flight


def test_a_text_level_match_set_off_by_another_document_is_not_reported():
    # Two documents share one request; LanguageTool's sentence-start rule sees the third "They"
    # in a row, but two of them belong to the other document.
    files = {"a.txt": "They met on Monday. They left.\n", "b.txt": "They slept well.\n",
             "c.txt": "Voters came. Voters left. Voters cheered.\n"}
    result, shared, alone, _ = _text_level_run(files)
    assert "They met" in shared["text"] and "They slept" in shared["text"]  # one request for all three
    # b.txt was asked again on its own, with the run's parameters. c.txt was not: the two
    # sentences its match looks back at are its own, inside its part of the request.
    assert [c["text"] for c in alone] == ["They slept well."]
    assert all({k: v for k, v in c.items() if k != "text"} == {k: v for k, v in shared.items() if k != "text"}
               for c in alone)
    assert positions(result, "b.txt") == []  # not its own repetition
    assert positions(result, "c.txt") == [(1, 27, 1, 33, "grammar.english-word-repeat-beginning-rule")]
    assert result.notices == []


def test_a_sentence_start_match_with_one_own_sentence_before_it_is_asked_again():
    # c.txt's third "They" has only one sentence of its own before it: the other "They" is b.txt's.
    files = {"a.txt": "Rain fell on Monday.\n", "b.txt": "They slept well.\n",
             "c.txt": "They came. They left.\n"}
    result, _, alone, _ = _text_level_run(files)
    assert [c["text"] for c in alone] == ["They came. They left."]
    assert positions(result, "c.txt") == []


def test_the_rechecks_go_out_in_parallel():
    # Two documents set off by the ones before them; the second asking uses the run's concurrency.
    result, _, alone, in_flight = _text_level_run({f"{i}.txt": "They met.\n" for i in range(4)},
                                                  gate=2, max_concurrency=2)
    assert len(alone) == 2 and in_flight == 2
    assert result.findings == [] and result.notices == []
