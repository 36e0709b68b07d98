"""Fixtures: the test pack in tmp_path, and a working directory whose config selects only it."""
from __future__ import annotations

import pytest

from .support import SELECT, write_pack


@pytest.fixture
def pack(tmp_path):
    """The pack directory (tmp_path/pack)."""
    write_pack(tmp_path / "pack")
    return tmp_path / "pack"


@pytest.fixture
def desk(tmp_path, pack, monkeypatch):
    """tmp_path as the working directory, with an edlint.toml selecting only the test pack."""
    (tmp_path / "edlint.toml").write_text(f'{SELECT}\nrule-packs = ["pack"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path

