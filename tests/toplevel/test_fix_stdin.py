"""`edlint fix -`: standard input fixed onto standard output, for an editor's fix-on-save
(`--stdin-filename` chooses the format and the config); `fix --diff` exits 1 when it would
change something and 0 when not, as ruff and black do, and writes nothing."""
from __future__ import annotations

import codecs

from .support import config_text, edlint, no_traceback, write_pack

BEFORE, AFTER = "They utilise it, very much.\n", "They use it, very much.\n"


def test_stdin_to_stdout(desk):
    r = edlint("fix", "-", input=BEFORE.encode())
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes == AFTER.encode()
    assert r.stderr == "edlint: fixed 1 finding in 1 file\n"
    assert sorted(p.name for p in desk.iterdir()) == ["edlint.toml", "pack"]  # no file written


def test_stdin_nothing_to_fix_gives_the_text_back(desk):
    r = edlint("fix", "-", input=b"An amazing hall.\r\n")
    assert (r.exit_code, r.stdout_bytes) == (0, b"An amazing hall.\r\n")


def test_stdin_remaining_findings_at_the_fail_level_exit_1(desk):
    r = edlint("fix", "--fail-on", "warning", "-", input=BEFORE.encode())
    assert (r.exit_code, r.stdout_bytes) == (1, AFTER.encode())


def test_stdin_filename_chooses_the_format(desk):
    text = "# They utilise it\n\n`utilise` stays in code; utilise goes.\n"
    r = edlint("fix", "--stdin-filename", "story.md", "-", input=text.encode())
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes == b"# They use it\n\n`utilise` stays in code; use goes.\n"


def test_stdin_filename_chooses_the_config(desk):
    write_pack(desk / "wire" / "pack")
    (desk / "wire" / "edlint.toml").write_text(config_text('ignore = ["style.test.utilise"]'))
    r = edlint("fix", "--stdin-filename", "wire/story.txt", "-", input=BEFORE.encode())
    assert (r.exit_code, r.stdout_bytes) == (0, BEFORE.encode())
    r = edlint("fix", "--stdin-filename", "story.txt", "-", input=BEFORE.encode())
    assert r.stdout_bytes == AFTER.encode()


def test_stdin_keeps_its_encoding(desk):
    data = codecs.BOM_UTF16_LE + "Café: they utilise it.\r\n".encode("utf-16-le")
    r = edlint("fix", "-", input=data)
    assert r.stdout_bytes == codecs.BOM_UTF16_LE + "Café: they use it.\r\n".encode("utf-16-le")


def test_stdin_that_cannot_be_fixed_comes_back_unchanged(desk):
    # An editor that replaces its buffer with the output must not lose the text.
    data = "Café olé, crème brûlée. They utilise it.\n".encode() + b"\x81 ok\n"
    r = edlint("fix", "--stdin-filename", "story.txt", "-", input=data)
    no_traceback(r)
    assert r.exit_code == 2
    assert r.stdout_bytes == data
    assert "edlint: error: story.txt: not valid UTF-8" in r.stderr and "not fixed" in r.stderr


def test_stdin_under_a_broken_config_comes_back_unchanged(desk):
    (desk / "wire").mkdir()
    (desk / "wire" / "edlint.toml").write_text("select = [unquoted\n")
    r = edlint("fix", "--stdin-filename", "wire/story.txt", "-", input=BEFORE.encode())
    no_traceback(r)
    assert (r.exit_code, r.stdout_bytes) == (2, BEFORE.encode())
    assert r.stderr.startswith("edlint: error: wire/story.txt: ")


def test_stdin_binary_comes_back_unchanged(desk):
    data = b"\x00\x01\x02binary\x00" * 20
    r = edlint("fix", "-", input=data)
    assert (r.exit_code, r.stdout_bytes) == (2, data)
    assert "edlint: error: -: binary file, not checked" in r.stderr


def test_stdin_diff(desk):
    r = edlint("fix", "--diff", "--stdin-filename", "story.txt", "-", input=BEFORE.encode())
    assert r.exit_code == 1
    assert r.stdout == ("--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n"
                        "-They utilise it, very much.\n+They use it, very much.\n")


def test_diff_exit_0_when_nothing_would_change(desk):
    (desk / "a.txt").write_text("An amazing hall, very much.\n")
    r = edlint("fix", "--diff", "a.txt")
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == "edlint: would fix 0 findings in 0 files\n"


def test_diff_ignores_fail_on_and_errors_still_win(desk):
    (desk / "a.txt").write_text("An amazing hall, very much.\n")  # a warning no fix removes
    assert edlint("fix", "--diff", "--fail-on", "warning", "a.txt").exit_code == 0
    (desk / "b.txt").write_text(BEFORE)
    assert edlint("fix", "--diff", "b.txt", "missing.txt").exit_code == 2


def test_diff_splits_lines_as_editors_do(desk):
    (desk / "a.txt").write_bytes(b"Intro.\rThey utilise it.\rEnd without a newline")
    r = edlint("fix", "--diff", "a.txt")
    assert r.exit_code == 1
    # Each lone-CR line on a line of its own (CR LF), the missing final newline said as diff says it.
    assert r.stdout_bytes == (b"--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Intro.\r\n"
                              b"-They utilise it.\r\n+They use it.\r\n End without a newline\n"
                              b"\\ No newline at end of file\n")
    assert (desk / "a.txt").read_bytes() == b"Intro.\rThey utilise it.\rEnd without a newline"


def test_closed_stdin_is_an_error_not_a_traceback(desk):
    import os
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "lint", "fix", "-"], cwd=desk, capture_output=False,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(0),
                       env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr
    assert b"edlint: error: -: cannot read standard input: it is closed" in r.stderr
