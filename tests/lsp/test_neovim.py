"""The README's Neovim set-up, run in a real Neovim (headless): diagnostics from `edlint lsp`
land on the flagged word after multi-byte characters, and a quick fix applies."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
NVIM = shutil.which("nvim")


def nvim_version() -> tuple[int, int]:
    out = subprocess.run([NVIM, "--version"], capture_output=True, text=True, timeout=30).stdout
    major, minor = re.search(r"NVIM v(\d+)\.(\d+)", out).groups()
    return int(major), int(minor)


def readme_setup(version: tuple[int, int]) -> str:
    heading = "Neovim 0.8 or newer" if version >= (0, 8) else "Neovim 0.7"
    return re.search(re.escape(heading) + r".*?```lua\n(.*?)```", README, re.S).group(1)


PROBE = r"""
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
  table.insert(out, string.format("%s|%d|%s", d.code or d.user_data and d.user_data.lsp.code or "?", d.lnum,
                                  line:sub(d.col + 1, d.end_col)))
end
vim.fn.writefile(out, "diagnostics.txt")
-- The fix-all code action, asked of the server and applied by Neovim.
local params = { textDocument = vim.lsp.util.make_text_document_params(),
                 range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
                 context = { diagnostics = {}, only = { "source.fixAll" } } }
local replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000)
for _, reply in pairs(replies or {}) do
  for _, action in ipairs(reply.result or {}) do
    if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, "utf-16") end
  end
end
vim.cmd("write")
"""


@pytest.mark.skipif(NVIM is None, reason="no nvim on this machine (Debian: apt-get install neovim)")
def test_neovim_shows_edlint_diagnostics_on_the_right_words(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Town\n\nIt’s a 😀 freindly town, and it was the the best.\n", encoding="utf-8")
    (tmp_path / "init.lua").write_text(readme_setup(nvim_version()), encoding="utf-8")
    (tmp_path / "probe.lua").write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("EDLINT_LANGUAGETOOL", None)
    subprocess.run([NVIM, "--headless", "-i", "NONE", "-u", "init.lua", "story.md",
                    "-c", "luafile probe.lua", "-c", "qall!"],
                   cwd=tmp_path, env=env, timeout=120, check=True, capture_output=True)
    found = sorted((tmp_path / "diagnostics.txt").read_text(encoding="utf-8").splitlines())
    assert found == ["spelling.misspelling|2|freindly", "typography.repeated-word|2|the the"]
    assert story.read_text(encoding="utf-8") == "# Town\n\nIt’s a 😀 friendly town, and it was the best.\n"
