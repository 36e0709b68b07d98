"""`edlint fix`: safe fixes only, written atomically with the same permissions; --diff writes
nothing; a file that changes while being checked is not overwritten."""
from __future__ import annotations

import os
import stat

import pytest

import lint.cli.fix as fix_module
from lint.finding import Finding, Fix, TextEdit
from lint.fixes import apply_edits, atomic_write, merge_edits

from .support import edlint, no_traceback

BEFORE = "They utilise it, very much.\nAn amazing, utilised hall.\n"
AFTER = "They use it, very much.\nAn amazing, used hall.\n"  # "amazing" has an unsafe fix: kept


def test_fix_writes_the_safe_fixes(desk):
    (desk / "a.txt").write_text(BEFORE)
    r = edlint("fix", "a.txt")
    assert r.exit_code == 0, r.output  # warnings are left, errors are fixed
    assert r.stdout == ""
    assert r.stderr == "edlint: fixed 2 findings in 1 file\n"
    assert (desk / "a.txt").read_text() == AFTER


def test_fix_exit_1_when_findings_at_fail_level_remain(desk):
    (desk / "a.txt").write_text(BEFORE)
    r = edlint("fix", "--fail-on", "warning", "a.txt")
    assert r.exit_code == 1
    assert (desk / "a.txt").read_text() == AFTER


def test_fix_keeps_permissions_and_replaces_the_file(desk):
    target = desk / "a.txt"
    target.write_text(BEFORE)
    target.chmod(0o640)
    inode = target.stat().st_ino
    assert edlint("fix", "a.txt").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert target.read_text() == AFTER
    assert sorted(p.name for p in desk.iterdir() if p.name.startswith(".edlint-")) == []


def test_fix_keeps_crlf_and_bom(desk):
    (desk / "a.txt").write_bytes("\ufeffThey utilise it.\r\nVery well.\r\n".encode("utf-8"))
    assert edlint("fix", "a.txt").exit_code == 0
    assert (desk / "a.txt").read_bytes() == "\ufeffThey use it.\r\nVery well.\r\n".encode("utf-8")


def test_fix_keeps_case(desk):
    (desk / "a.txt").write_text("Utilise it. UTILISE it.\n")
    edlint("fix", "a.txt")
    assert (desk / "a.txt").read_text() == "Use it. USE it.\n"


def test_fix_diff_writes_nothing_and_exits_1_when_it_would_change_something(desk):
    (desk / "a.txt").write_text(BEFORE)
    mtime = (desk / "a.txt").stat().st_mtime_ns
    r = edlint("fix", "--diff", "a.txt")
    assert r.exit_code == 1  # as `ruff check --diff` and `black --diff --check`
    assert r.stdout == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n"
                        "-They utilise it, very much.\n-An amazing, utilised hall.\n"
                        "+They use it, very much.\n+An amazing, used hall.\n")
    assert r.stderr == "edlint: would fix 2 findings in 1 file\n"
    assert (desk / "a.txt").read_text() == BEFORE
    assert (desk / "a.txt").stat().st_mtime_ns == mtime


def test_fix_nothing_to_fix(desk):
    (desk / "a.txt").write_text("An amazing hall.\n")
    r = edlint("fix", "a.txt")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "edlint: fixed 0 findings in 0 files\n")
    assert (desk / "a.txt").read_text() == "An amazing hall.\n"


def test_file_changed_while_being_checked_is_not_overwritten(desk, monkeypatch):
    target = desk / "a.txt"
    target.write_text(BEFORE)
    real = fix_module.fix_text

    def slow_fix_text(*args):
        out = real(*args)
        target.write_text("An editor saved this meanwhile. They utilise it.\n")  # the race
        return out

    monkeypatch.setattr(fix_module, "fix_text", slow_fix_text)
    r = edlint("fix", "a.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: a.txt: changed while being checked; not overwritten" in r.stderr
    assert target.read_text() == "An editor saved this meanwhile. They utilise it.\n"


def test_fix_goes_on_after_a_bad_file(desk):
    (desk / "news").mkdir()
    (desk / "news" / "a.txt").write_text(BEFORE)
    (desk / "news" / "b.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    r = edlint("fix", "news")
    no_traceback(r)
    assert r.exit_code == 2
    assert "news/b.txt" in r.stderr
    assert (desk / "news" / "a.txt").read_text() == AFTER


def test_fix_missing_path(desk):
    r = edlint("fix", "nope.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert "edlint: error: nope.txt: no such file or directory" in r.stderr


def test_fix_markdown_keeps_markup(desk):
    (desk / "a.md").write_text("# They *utilise* it\n\n```\nutilise\n```\n\n[utilise](http://x.org/utilise)\n")
    assert edlint("fix", "a.md").exit_code == 0
    assert (desk / "a.md").read_text() == "# They *use* it\n\n```\nutilise\n```\n\n[use](http://x.org/utilise)\n"


# -- the pieces ---------------------------------------------------------------------------

def _d(*edits, safe=True):
    return Finding("style.x", "m", edits[0].start, edits[0].end, fix=Fix(tuple(edits), safe=safe))


def test_merge_edits_keeps_safe_non_overlapping_edits_in_order():
    edits = merge_edits([
        _d(TextEdit(10, 12, "b")),
        _d(TextEdit(0, 3, "a")),
        _d(TextEdit(11, 14, "x")),  # overlaps the first: left for the next pass
        _d(TextEdit(20, 22, "u"), safe=False),
        _d(TextEdit(4, 6, ""), TextEdit(5, 8, "")),  # overlapping deletions merge
    ])
    assert edits == [TextEdit(0, 3, "a"), TextEdit(4, 8, ""), TextEdit(10, 12, "b")]


def test_apply_edits():
    assert apply_edits("0123456789", [TextEdit(0, 2, "ab"), TextEdit(5, 5, "+"), TextEdit(8, 10, "")]) == \
        "ab234+567"


def test_atomic_write_failure_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(str(target), "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_atomic_write_new_file(tmp_path):
    atomic_write(str(tmp_path / "n.txt"), "é\r\n")
    assert (tmp_path / "n.txt").read_bytes() == "é\r\n".encode()
    umask = os.umask(0o022)
    os.umask(umask)
    # As `open()` would create it (the temporary file's private 0600 would hide a report).
    assert stat.S_IMODE((tmp_path / "n.txt").stat().st_mode) == 0o666 & ~umask


def test_a_broken_config_stops_only_the_files_below_it(desk):
    (desk / "sub").mkdir()
    (desk / "sub" / "edlint.toml").write_text("select = [unquoted\n")
    (desk / "sub" / "a.txt").write_text(BEFORE)
    (desk / "b.txt").write_text(BEFORE)
    r = edlint("fix", "sub/a.txt", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stderr.startswith("edlint: error: sub/a.txt: ") and "edlint.toml" in r.stderr
    assert (desk / "sub" / "a.txt").read_text() == BEFORE
    assert (desk / "b.txt").read_text() == AFTER
