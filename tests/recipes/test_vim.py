"""The README's Vim recipe, run in a real Vim (headless `vim -es`): each quickfix entry lands
on the flagged word, also after multi-byte characters, and no notice becomes an entry."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
VIM = shutil.which("vim")


def readme_vim_settings() -> list[str]:
    block = re.search(r"Vim / Neovim.*?```vim\n(.*?)```", README, re.S).group(1)
    return [line for line in block.splitlines() if line.startswith("set ")]


@pytest.mark.skipif(VIM is None, reason="no vim on this machine (Debian: apt-get install vim-nox)")
def test_quickfix_entries_land_on_the_flagged_words(tmp_path):
    # Curly apostrophes are three bytes in UTF-8: a byte-column errorformat lands two columns early.
    (tmp_path / "story.txt").write_text(
        "It’s a freindly town, and it’s a freindly day.\nWe’ll be there tomorow.\n", encoding="utf-8")
    script = readme_vim_settings() + [
        "edit story.txt",
        "silent make",
        "let out = []",
        "for e in getqflist()",
        "  call add(out, e.valid . ' ' . e.lnum)",
        "endfor",
        "let words = []",
        "for i in range(len(getqflist()))",
        "  execute 'cc ' . (i + 1)",
        "  call add(words, expand('<cword>'))",
        "endfor",
        "call writefile(out, 'entries.txt')",
        "call writefile(words, 'words.txt')",
        "qall!",
    ]
    (tmp_path / "run.vim").write_text("\n".join(script) + "\n", encoding="utf-8")
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("EDLINT_LANGUAGETOOL", None)
    env["LTP_PATH"] = str(tmp_path / "no-languagetool")  # so the "grammar skipped" notice is printed
    subprocess.run([VIM, "-es", "-u", "NONE", "-i", "NONE", "-N", "-S", "run.vim"], cwd=tmp_path, env=env,
                   timeout=60, check=True, stdout=subprocess.DEVNULL)
    entries = (tmp_path / "entries.txt").read_text().split()
    words = (tmp_path / "words.txt").read_text().split()
    assert words == ["freindly", "freindly", "tomorow"]
    # Every line edlint printed is a valid entry: no notice or summary line in the list.
    assert entries == ["1", "1", "1", "1", "1", "2"]
