"""`edlint languagetool install --from-maven`: the pinned Maven project, its class path kept
where `languagetool = "local"` finds it, and a local server started from it. A stand-in
`mvn` on PATH records what it was asked and writes the class path (no network here)."""
from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.languagetool import maven
from lint.languagetool.local import find_install

from .conftest import positions, run_files
from .test_local_server import REPO, alive, started

FAKE_MVN = '''
import sys
args = sys.argv[1:]
with open(LOG, "a") as log:
    log.write(" ".join(args) + "\\n")
if EXIT:
    sys.exit(EXIT)
out = next(a.split("=", 1)[1] for a in args if a.startswith("-Dmdep.outputFile="))
with open(out, "w") as f:
    f.write(CLASSPATH)
'''


@pytest.fixture
def fake_mvn(tmp_path, monkeypatch):
    """A `mvn` that writes a class path of two (empty) jars; returns (its log, the jars)."""
    jars = [tmp_path / "m2" / "languagetool-server-6.7.jar", tmp_path / "m2" / "language-en-6.7.jar"]
    jars[0].parent.mkdir()
    for jar in jars:
        jar.write_bytes(b"")
    bin_dir = tmp_path / "mvn-bin"
    bin_dir.mkdir()
    log = tmp_path / "mvn.log"

    def install(exit_code=0):
        mvn = bin_dir / "mvn"
        mvn.write_text(f"#!{sys.executable}\nLOG = {str(log)!r}\nEXIT = {exit_code}\n"
                       f"CLASSPATH = {os.pathsep.join(map(str, jars))!r}\n" + FAKE_MVN)
        mvn.chmod(0o755)

    install()
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log, jars, install


def invoke(*args):
    return CliRunner().invoke(main, ["languagetool", *args], catch_exceptions=False)


def test_the_pom_pins_languagetool_6_7_for_english():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ET.parse(REPO / "languagetool" / "pom.xml").getroot()
    assert pom.find("m:properties/m:languagetool.version", ns).text == "6.7" == maven.DEFAULT_VERSION
    artifacts = {d.find("m:artifactId", ns).text: d.find("m:version", ns).text
                 for d in pom.findall("m:dependencies/m:dependency", ns)}
    assert artifacts == {"languagetool-server": "${languagetool.version}", "language-en": "${languagetool.version}"}
    plugin = pom.find("m:build/m:plugins/m:plugin", ns)
    assert plugin.find("m:artifactId", ns).text == "maven-dependency-plugin" and plugin.find("m:version", ns).text
    assert maven.pom_path() == REPO / "languagetool" / "pom.xml"


def test_install_from_maven_keeps_the_class_path_where_local_mode_finds_it(fake_mvn, tmp_path):
    log, jars, _ = fake_mvn
    assert find_install()[0] is None
    r = invoke("install", "--from-maven")
    assert r.exit_code == 0, r.output
    [argv] = [line.split() for line in log.read_text().splitlines()]
    assert argv[:5] == ["-B", "-Dstyle.color=never", "-f", str(maven.pom_path()), "dependency:build-classpath"]
    assert "-Dlanguagetool.version=6.7" in argv
    classpath = tmp_path / "no-languagetool-here" / "edlint-maven-6.7" / "classpath.txt"
    assert classpath.read_text() == os.pathsep.join(map(str, jars))
    install, reason = find_install()
    assert reason == "" and install.classpath == classpath.read_text() and install.version == "6.7"
    assert install.jar == jars[0]


def test_dry_run_runs_nothing(fake_mvn):
    log, _, _ = fake_mvn
    r = invoke("install", "--from-maven", "--dry-run")
    assert r.exit_code == 0 and not log.exists()


def test_a_maven_failure_is_one_error(fake_mvn):
    _, _, install = fake_mvn
    install(exit_code=1)
    r = invoke("install", "--from-maven")
    assert r.exit_code == 2
    assert r.output.strip().splitlines()[-1] == (
        "edlint: error: Maven could not fetch LanguageTool 6.7 (exit code 1; its messages are above)")
    assert find_install()[0] is None


def test_no_maven_on_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    r = invoke("install", "--from-maven")
    assert r.exit_code == 2 and "Maven (`mvn`) is not on PATH" in r.output


def test_a_class_path_whose_jars_are_gone_is_not_used(fake_mvn):
    _, jars, _ = fake_mvn
    assert invoke("install", "--from-maven").exit_code == 0
    jars[1].unlink()  # Maven's cache was cleaned
    assert find_install()[0] is None


def test_local_mode_starts_the_maven_install(fake_mvn, tmp_path, monkeypatch):
    _, jars, _ = fake_mvn
    assert invoke("install", "--from-maven").exit_code == 0
    bin_dir = tmp_path / "java-bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f"#!{sys.executable}\n" + (Path(__file__).parent / "fake_java.py").read_text())
    java.chmod(0o755)
    java_log = tmp_path / "java.log"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_JAVA_LOG", str(java_log))
    monkeypatch.setenv("FAKE_JAVA_REPO", str(REPO))
    result = run_files({"a.txt": "It was a error.\n"}, mode="local")
    assert result.notices == [] and positions(result) == [(1, 8, 1, 9, "grammar.en-a-vs-an")]
    (pid, argv), = started(java_log)
    assert argv[argv.index("-cp") + 1] == os.pathsep.join(map(str, jars))
    assert not alive(pid)
