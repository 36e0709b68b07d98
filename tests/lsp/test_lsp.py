"""End-to-end: `edlint lsp` over stdio, driven by a real LSP client (pytest-lsp)."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from lsprotocol import types

from .conftest import diagnostics_for, open_doc, start

# A word after an emoji (two UTF-16 units, four UTF-8 bytes) and a combining accent.
TEXT = "# Notes 😀\n\nThe cafe\u0301 😀 was a freindly place.\n"
WORD_LINE = 2
# Where "freindly" starts on its line, in each encoding's units.
CHARS_BEFORE = "The cafe\u0301 😀 was a "
EXPECTED_COLUMN = {"utf-32": len(CHARS_BEFORE), "utf-16": len(CHARS_BEFORE) + 1,
                   "utf-8": len(CHARS_BEFORE.encode("utf-8"))}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
async def test_positions_in_the_negotiated_encoding(client, tmp_path, encoding):
    offered = None if encoding == "utf-16" else [encoding]  # UTF-16 is what a client gets by default
    result = await start(client, tmp_path, encodings=offered)
    assert result.capabilities.position_encoding == encoding
    uri = open_doc(client, tmp_path / "story.md", TEXT, "markdown")
    params = await diagnostics_for(client, uri)
    [d] = [d for d in params.diagnostics if d.code == "spelling.misspelling"]
    assert (d.range.start.line, d.range.start.character) == (WORD_LINE, EXPECTED_COLUMN[encoding])
    width = len("freindly")
    assert d.range.end.character - d.range.start.character == width
    assert d.severity is not None and d.source == "edlint"
    assert d.code_description is not None and d.code_description.href.endswith("misspelling.toml")
    assert d.data["fix"]["edits"][0]["newText"] == "friendly"


async def test_format_follows_the_language_id(client, tmp_path):
    await start(client, tmp_path)
    text = "Intro.\n\n```\nthe the code\n```\n"
    md = open_doc(client, tmp_path / "a.txt", text, "markdown")  # languageId wins over the extension
    plain = open_doc(client, tmp_path / "b.txt", text, "plaintext")
    md_diags = (await diagnostics_for(client, md)).diagnostics
    plain_diags = (await diagnostics_for(client, plain)).diagnostics
    assert not [d for d in md_diags if d.code == "typography.repeated-word"]  # code is not prose
    assert [d for d in plain_diags if d.code == "typography.repeated-word"]


async def test_changes_are_checked_and_only_the_latest_version_is_published(client, tmp_path):
    await start(client, tmp_path, debounce_ms=300)
    uri = open_doc(client, tmp_path / "s.md", "A quiet day.\n", "markdown")
    assert list((await diagnostics_for(client, uri, version=1)).diagnostics) == []
    # Five quick edits: the debounce and the cancellation leave one check, of version 6.
    for version in range(2, 7):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=0, character=0),
                                  end=types.Position(line=0, character=0)),
                text="Calm. " if version < 6 else "It was the the end. ")]))
    params = await diagnostics_for(client, uri)
    assert params.version == 6
    assert [d.code for d in params.diagnostics] == ["typography.repeated-word"]


async def test_code_actions_fix_suggest_accept_disable_and_fix_all(client, tmp_path):
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "s.md", "It was the the end of a freindly day, said zorblatt fans.\n", "markdown")
    diags = (await diagnostics_for(client, uri)).diagnostics
    unknown = next(d for d in diags if d.code == "spelling.unknown-word")
    acts = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=unknown.range,
        context=types.CodeActionContext(diagnostics=[unknown])))
    titles = [a.title for a in acts]
    assert "Add “zorblatt” to the project vocabulary" in titles
    assert "Ignore “zorblatt” in this file" in titles
    assert "Disable spelling.unknown-word for this line" in titles
    disable = next(a for a in acts if a.title.startswith("Disable") and getattr(a, "edit", None))
    assert disable.edit.changes[uri][0].new_text == "<!-- edlint-disable-next-line spelling.unknown-word -->\n"
    # (The client's decoder may read an action that carries a command as a Command.)
    assert any(getattr(a, "kind", None) == "source.fixAll.edlint" for a in acts)

    misspelt = next(d for d in diags if d.code == "spelling.misspelling")
    acts = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=misspelt.range,
        context=types.CodeActionContext(diagnostics=[misspelt], only=[types.CodeActionKind.QuickFix])))
    preferred = [a for a in acts if getattr(a, "is_preferred", False)]
    assert len(preferred) == 1 and preferred[0].edit.changes[uri][0].new_text == "friendly"

    fix_all = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=misspelt.range,
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    [action] = fix_all
    new_texts = sorted(e.new_text for e in action.edit.changes[uri])
    assert new_texts == ["", "friendly"]  # the doubled "the" deleted, the misspelling corrected


async def test_fix_all_command_applies_through_the_client(client, tmp_path):
    await start(client, tmp_path)
    applied = []

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams):
        applied.append(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    uri = open_doc(client, tmp_path / "s.md", "It was the the end.\n", "markdown")
    await diagnostics_for(client, uri)
    count = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="edlint.fixAll", arguments=[uri]))
    assert count == 1
    assert applied and applied[0].changes[uri][0].new_text == ""


def _cli_check(path, cwd):
    return subprocess.run([sys.executable, "-m", "lint", "check", "--languagetool", "off", str(path)],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


async def test_vocabulary_round_trip_reaches_the_cli(client, tmp_path):
    (tmp_path / "edlint.toml").write_text('# the newsroom\'s settings\nlanguage = "en-US"  # house style\n',
                                          encoding="utf-8")
    story = tmp_path / "news" / "s.md"
    story.parent.mkdir()
    text = "The minister zorblatt spoke.\n"
    story.write_text(text, encoding="utf-8")
    assert "zorblatt" in _cli_check(story, tmp_path).stdout
    await start(client, tmp_path)
    uri = open_doc(client, story, text, "markdown")
    assert [d.code for d in (await diagnostics_for(client, uri)).diagnostics] == ["spelling.unknown-word"]
    written = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="edlint.acceptWord", arguments=[uri, "zorblatt"]))
    assert written == str(tmp_path / "edlint.toml")
    config = (tmp_path / "edlint.toml").read_text(encoding="utf-8")
    assert "# the newsroom's settings" in config and "# house style" in config  # formatting kept
    assert list((await diagnostics_for(client, uri)).diagnostics) == []  # re-checked with the new vocabulary
    result = _cli_check(story, tmp_path)
    assert result.returncode == 0, result.stdout


async def test_ignore_in_this_file_only(client, tmp_path):
    one, other = tmp_path / "one.md", tmp_path / "other.md"
    text = "The minister zorblatt spoke.\n"
    one.write_text(text, encoding="utf-8")
    other.write_text(text, encoding="utf-8")
    await start(client, tmp_path)
    uri = open_doc(client, one, text, "markdown")
    await diagnostics_for(client, uri)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="edlint.acceptWordInFile", arguments=[uri, "zorblatt"]))
    assert list((await diagnostics_for(client, uri)).diagnostics) == []
    assert _cli_check(one, tmp_path).returncode == 0
    assert "zorblatt" in _cli_check(other, tmp_path).stdout


async def test_config_change_reloads(client, tmp_path):
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "s.md", "It was the the end.\n", "markdown")
    assert (await diagnostics_for(client, uri)).diagnostics
    (tmp_path / "edlint.toml").write_text('ignore = ["typography.repeated-word"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / "edlint.toml").as_uri(), type=types.FileChangeType.Created)]))
    assert list((await diagnostics_for(client, uri)).diagnostics) == []


async def test_broken_config_is_a_diagnostic_and_a_message_not_a_dead_server(client, tmp_path):
    (tmp_path / "edlint.toml").write_text("select = [unclosed\n", encoding="utf-8")
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "s.md", "It was the the end.\n", "markdown")
    [d] = (await diagnostics_for(client, uri)).diagnostics
    assert d.code == "edlint.error" and "invalid TOML" in d.message
    await asyncio.sleep(0.2)
    assert any("invalid TOML" in m.message for m in client.messages)
    # Mend it: the server is alive and checks again.
    (tmp_path / "edlint.toml").write_text("select = [\"all\"]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / "edlint.toml").as_uri(), type=types.FileChangeType.Changed)]))
    assert [d.code for d in (await diagnostics_for(client, uri)).diagnostics] == ["typography.repeated-word"]


async def test_binary_and_huge_buffers_do_not_kill_the_server(client, tmp_path):
    await start(client, tmp_path)
    binary = open_doc(client, tmp_path / "b.txt", "PK\x03\x04\x00\x00\x00binary\x00\x00", "plaintext")
    await diagnostics_for(client, binary)
    huge = open_doc(client, tmp_path / "h.txt", ("A calm day in town. " * 5 + "\n\n") * 20000, "plaintext")
    await diagnostics_for(client, huge, timeout=120)
    ok = open_doc(client, tmp_path / "s.md", "It was the the end.\n", "markdown")
    assert [d.code for d in (await diagnostics_for(client, ok)).diagnostics] == ["typography.repeated-word"]


@pytest.mark.parametrize("word, said", [
    ("kaboom", "internal error"),  # the rule raises: logged, reported on the document
    ("vanish", "stopped its process"),  # the check ends its worker: a fresh one checks the next
])
async def test_a_crash_in_a_check_costs_that_check_only(crashing_client, tmp_path, word, said):
    client = crashing_client
    await start(client, tmp_path)
    bad = open_doc(client, tmp_path / "bad.md", f"The {word} was the the loudest.\n", "markdown")
    [d] = (await diagnostics_for(client, bad)).diagnostics
    assert d.code == "edlint.error" and said in d.message
    good = open_doc(client, tmp_path / "good.md", "It was the the end.\n", "markdown")
    assert [d.code for d in (await diagnostics_for(client, good)).diagnostics] == ["typography.repeated-word"]


async def test_a_rule_that_prints_does_not_reach_the_editor(crashing_client, tmp_path):
    client = crashing_client
    await start(client, tmp_path)
    noisy = open_doc(client, tmp_path / "noisy.md", "The chatter was the the loudest.\n", "markdown")
    assert [d.code for d in (await diagnostics_for(client, noisy)).diagnostics] == ["typography.repeated-word"]
    good = open_doc(client, tmp_path / "good.md", "A freindly end.\n", "markdown")
    assert [d.code for d in (await diagnostics_for(client, good)).diagnostics] == ["spelling.misspelling"]


async def test_hover_shows_the_rule_docs(client, tmp_path):
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "s.md", "It was the the end.\n", "markdown")
    [d] = (await diagnostics_for(client, uri)).diagnostics
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start))
    assert "typography.repeated-word" in hover.contents.value
    assert "Flagged:" in hover.contents.value


async def test_readability_as_a_document_symbol(client, tmp_path):
    await start(client, tmp_path)
    uri = open_doc(client, tmp_path / "s.md", "The council met on Monday. It agreed the budget.\n", "markdown")
    await diagnostics_for(client, uri)
    [symbol] = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert symbol.name == "Readability" and "words" in symbol.detail


async def test_multi_root_workspaces_use_each_folders_config(client, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (b / "edlint.toml").write_text('ignore = ["typography"]\n', encoding="utf-8")
    await start(client, tmp_path, folders=[a, b])
    text = "It was the the end.\n"
    ua = open_doc(client, a / "s.md", text, "markdown")
    assert (await diagnostics_for(client, ua)).diagnostics
    ub = open_doc(client, b / "s.md", text, "markdown")
    assert list((await diagnostics_for(client, ub)).diagnostics) == []
