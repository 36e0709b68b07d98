"""`edlint mcp` end to end: the MCP SDK's own client speaks to the server over stdio."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import asynccontextmanager

import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ENV = {k: v for k, v in os.environ.items() if k != "EDLINT_LANGUAGETOOL"}


@asynccontextmanager
async def session(cwd):
    params = StdioServerParameters(command=sys.executable, args=["-m", "lint", "mcp"], env=ENV, cwd=str(cwd))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as s:
            await s.initialize()
            yield s


def payload(result) -> dict:
    """A tool's structured result (the SDK also sends it as JSON text)."""
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return result.structured_content
    return json.loads(result.content[0].text)


async def test_the_three_tools_are_listed_with_their_parameters(tmp_path):
    async with session(tmp_path) as s:
        tools = {t.name: t for t in (await s.list_tools()).tools}
    assert set(tools) == {"check_text", "fix_text", "explain_rule"}
    assert tools["check_text"].input_schema["required"] == ["text"]
    assert set(tools["check_text"].input_schema["properties"]) == {"text", "format", "path"}
    assert tools["explain_rule"].input_schema["required"] == ["rule"]


async def test_check_text_finds_words_after_multibyte_characters(tmp_path):
    text = "# Harbour\n\nThe 😀 ferry was late, and the the freindly crew apologised.\n"
    async with session(tmp_path) as s:
        out = payload(await s.call_tool("check_text", {"text": text}))
    found = {(f["rule"], f["line"], f["column"], f["text"]) for f in out["findings"]}
    assert ("spelling.misspelling", 3, 35, "freindly") in found
    assert ("typography.repeated-word", 3, 27, "the the") in found
    misspelling = next(f for f in out["findings"] if f["rule"] == "spelling.misspelling")
    assert misspelling["suggestions"][0] == "friendly"
    assert out["summary"]["warning"] + out["summary"]["error"] + out["summary"]["info"] == len(out["findings"])


async def test_the_format_decides_what_is_prose(tmp_path):
    text = "Intro.\n\n```\nthe the code\n```\n"
    async with session(tmp_path) as s:
        md = payload(await s.call_tool("check_text", {"text": text, "format": "markdown"}))
        plain = payload(await s.call_tool("check_text", {"text": text, "format": "text"}))
    assert not [f for f in md["findings"] if f["rule"] == "typography.repeated-word"]  # code is not prose
    assert [f for f in plain["findings"] if f["rule"] == "typography.repeated-word"]


async def test_fix_text_applies_only_safe_fixes_and_keeps_the_rest(tmp_path):
    text = "It’s a 😀 freindly town, and it was the the best.\n\nKeep *this* exactly.\n"
    async with session(tmp_path) as s:
        out = payload(await s.call_tool("fix_text", {"text": text, "format": "markdown"}))
        again = payload(await s.call_tool("check_text", {"text": out["text"], "format": "markdown"}))
    assert out["text"] == "It’s a 😀 friendly town, and it was the best.\n\nKeep *this* exactly.\n"
    assert out["fixes_applied"] == 2
    assert out["remaining"] == again["findings"]


async def test_the_project_configuration_of_the_path_applies(tmp_path):
    project = tmp_path / "desk"
    project.mkdir()
    (project / "edlint.toml").write_text('[vocabulary]\naccept = ["zorblat"]\n', encoding="utf-8")
    text = "The council met the zorblat on Tuesday.\n"
    async with session(tmp_path) as s:
        inside = payload(await s.call_tool("check_text", {"text": text, "path": "desk/story.md"}))
        outside = payload(await s.call_tool("check_text", {"text": text, "path": "story.md"}))
    assert not [f for f in inside["findings"] if f["text"] == "zorblat"]
    assert [f for f in outside["findings"] if f["text"] == "zorblat"]


async def test_explain_rule_gives_the_rule_docs_and_an_unknown_rule_an_error(tmp_path):
    async with session(tmp_path) as s:
        doc = await s.call_tool("explain_rule", {"rule": "typography.repeated-word"})
        unknown = await s.call_tool("explain_rule", {"rule": "repeated"})
        bad_format = await s.call_tool("check_text", {"text": "Hello.", "format": "docx"})
        still = payload(await s.call_tool("check_text", {"text": "A freindly note.\n"}))
    assert not doc.is_error
    text = doc.content[0].text
    assert text.startswith("# typography.repeated-word") and "Flagged:" in text
    assert unknown.is_error and "typography.repeated-word" in unknown.content[0].text  # did you mean
    assert bad_format.is_error and "docx" in bad_format.content[0].text
    assert [f for f in still["findings"] if f["rule"] == "spelling.misspelling"]  # the server goes on


async def test_a_broken_configuration_is_a_tool_error_naming_the_file(tmp_path):
    (tmp_path / "edlint.toml").write_text("[vocabulary\naccept = \n", encoding="utf-8")
    async with session(tmp_path) as s:
        broken = await s.call_tool("check_text", {"text": "Hello there.\n"})
    assert broken.is_error and "edlint.toml" in broken.content[0].text


def test_the_cli_does_not_import_the_mcp_sdk_unless_asked(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("A freindly town.\n", encoding="utf-8")
    probe = ("import sys\nfrom lint.cli import main\n"
             "try:\n    main(['check', '--no-progress', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
             "print('mcp' in sys.modules, 'lint.mcp' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe, str(story)], capture_output=True, text=True,
                         env=ENV, timeout=120).stdout
    assert "spelling.misspelling" in out  # the check ran
    assert out.split()[-2:] == ["False", "False"]


def test_without_the_sdk_the_command_says_how_to_install_it(tmp_path):
    # An interpreter where `mcp` cannot be imported (a finder that refuses it).
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\nclass _NoMcp:\n    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'mcp' or name.startswith('mcp.'):\n            raise ImportError('No module named mcp')\n"
        "sys.meta_path.insert(0, _NoMcp())\n", encoding="utf-8")
    env = dict(ENV, PYTHONPATH=os.pathsep.join([str(tmp_path), os.getcwd()]))
    run = subprocess.run([sys.executable, "-m", "lint", "mcp"], capture_output=True, text=True, env=env,
                         timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert 'pip install "edlint[mcp]"' in run.stderr
    assert "Traceback" not in run.stderr
