"""A local LanguageTool that edlint starts: found like language-tool-python finds it,
started once per run, always stopped (also on Ctrl-C), and only that process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.languagetool import local, service
from lint.languagetool.local import LocalServer, find_install, stop_all
from lint.languagetool.prose import build_prose
from lint.readers import parse

from .conftest import positions, run_files

REPO = Path(__file__).resolve().parents[2]
TEXT = "It was a error.\n"


@pytest.fixture
def fake_install(tmp_path, monkeypatch):
    """An installation in LTP_JAR_DIR_PATH and a `java` on PATH that runs the stand-in."""
    jar_dir = tmp_path / "LanguageTool-6.8"
    jar_dir.mkdir()
    (jar_dir / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f"#!{sys.executable}\n" + (Path(__file__).parent / "fake_java.py").read_text())
    java.chmod(0o755)
    log = tmp_path / "java.log"
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_JAVA_LOG", str(log))
    monkeypatch.setenv("FAKE_JAVA_REPO", str(REPO))
    return jar_dir, log


def started(log: Path) -> list[tuple[int, list[str]]]:
    if not log.exists():
        return []
    return [(int(line.split()[0]), line.split()[1:]) for line in log.read_text().splitlines()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (dead, not yet reaped by whoever adopted it) is not alive
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def test_finds_the_install_in_ltp_jar_dir_path(fake_install):
    jar_dir, _ = fake_install
    install, reason = find_install()
    assert install is not None and reason == ""
    assert install.jar == jar_dir / "languagetool-server.jar"
    assert Path(install.java).name == "java"


def test_finds_the_newest_install_in_ltp_path(tmp_path, monkeypatch):
    for version in ("6.6", "6.8", "6.7"):
        d = tmp_path / "lt" / f"LanguageTool-{version}"
        d.mkdir(parents=True)
        (d / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    install, _ = find_install()
    assert install is not None and install.jar == tmp_path / "lt" / "LanguageTool-6.8" / "languagetool-server.jar"


def test_auto_starts_one_server_for_the_run_and_stops_it(fake_install):
    _, log = fake_install
    files = {f"{i}.txt": TEXT for i in range(5)}
    result = run_files(files, max_request_chars=20)  # mode auto, no URL: the local install
    assert result.notices == []
    for path in files:
        assert positions(result, path) == [(1, 8, 1, 9, "grammar.en-a-vs-an")]
    (pid, argv), = started(log)  # one server for five files and five requests
    assert argv[:4] == ["-Xmx1g", "-cp", str(fake_install[0] / "languagetool-server.jar"),
                        "org.languagetool.server.HTTPServer"]
    assert argv[4] == "--port" and argv[6] == "--config"
    # The server's own limits, in the file it was given (gone once the server stopped).
    config = dict(line.split("=", 1) for line in Path(str(log) + ".config").read_text().splitlines())
    assert int(config["maxTextLength"]) >= 20000 and config["pipelineCaching"] == "true"
    assert config["maxCheckThreads"] == "2" and int(config["cacheSize"]) > 0
    assert not Path(argv[7]).exists()
    assert not alive(pid)
    assert local._STARTED == []


def test_server_is_stopped_on_ctrl_c(fake_install, monkeypatch):
    _, log = fake_install

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(service, "_send_all", interrupted)
    prose = build_prose(parse(TEXT, "a.txt")[0])
    with pytest.raises(KeyboardInterrupt):
        service.run([(0, prose)], {"mode": "local"}, "en-US")
    (pid, _), = started(log)
    assert not alive(pid)


def test_server_that_exits_at_start_up(fake_install, monkeypatch):
    monkeypatch.setenv("FAKE_JAVA_MODE", "exit")
    result = run_files({"a.txt": TEXT}, mode="local")
    jar = fake_install[0] / "languagetool-server.jar"
    assert [(n.severity, n.message) for n in result.notices] == [(
        "warning", f"LanguageTool (local, {jar}): local server exited with code 3 at start-up; "
                   "grammar checks skipped")]
    assert result.incomplete == ["languagetool"]


def test_server_that_never_answers_is_killed_after_the_start_timeout(fake_install, monkeypatch):
    monkeypatch.setenv("FAKE_JAVA_MODE", "hang")
    prose = build_prose(parse(TEXT, "a.txt")[0])
    outcome = service.run([(0, prose)], {"mode": "local", "start-timeout": 1}, "en-US")
    assert [n.message.split(": ", 1)[1] for n in outcome.notices] == [
        "local server did not answer within 1 s of starting; grammar checks skipped"]
    assert outcome.incomplete and outcome.findings == []
    (pid, _), = started(fake_install[1])
    assert not alive(pid)


def test_stop_all_stops_only_what_edlint_started(fake_install):
    install, _ = find_install()
    server = LocalServer(install)
    server.start(start_timeout=20)
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (pid, _), = started(fake_install[1])
        assert alive(pid)
        stop_all()  # what atexit runs
        assert not alive(pid)
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux-only")
def test_server_dies_with_edlint_even_on_sigkill(fake_install):
    import signal
    import time

    script = ("import sys, time\n"
              f"sys.path.insert(0, {str(REPO)!r})\n"
              "from lint.languagetool.local import LocalServer, find_install\n"
              "LocalServer(find_install()[0]).start(20)\n"
              "print('up', flush=True)\n"
              "time.sleep(60)\n")
    edlint = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert edlint.stdout.readline() == "up\n"
        (pid, _), = started(fake_install[1])
        assert alive(pid)
        edlint.send_signal(signal.SIGKILL)  # no atexit, no finally
        edlint.wait()
        deadline = time.monotonic() + 10
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(pid)
    finally:
        edlint.kill()
        edlint.wait()
