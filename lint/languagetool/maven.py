"""LanguageTool from Maven Central: `edlint languagetool install --from-maven`.

Maven fetches the pinned `languagetool-server` and `language-en` (the project in
languagetool/pom.xml, shipped in the wheel as lint/languagetool/pom.xml) into its
own cache (~/.m2) and writes their class path. edlint keeps that class path as
LTP_PATH/edlint-maven-VERSION/classpath.txt, beside language-tool-python's
downloads, where `languagetool = "local"` finds it. Nothing is copied out of
Maven's cache; a class path whose jars have gone is not used.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .install import download_dir

DEFAULT_VERSION = "6.7"
PREFIX = "edlint-maven-"
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?(-SNAPSHOT)?$")


class MavenError(Exception):
    """Maven is missing or could not fetch LanguageTool."""


def pom_path() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "pom.xml"  # the wheel puts it here
    return installed if installed.is_file() else here.parents[1] / "languagetool" / "pom.xml"


def install_dir(version: str = DEFAULT_VERSION) -> Path:
    return download_dir() / f"{PREFIX}{version}"


def maven_command(version: str, classpath_file: Path, quiet: bool = False) -> list[str]:
    import shutil  # here, not above: a check imports this module only to look for an install (find)

    mvn = shutil.which("mvn")
    if mvn is None:
        raise MavenError("Maven (`mvn`) is not on PATH; install it (Debian: apt-get install maven)")
    return [mvn, "-B", *(["-q"] if quiet else []), "-Dstyle.color=never", "-f", str(pom_path()),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={classpath_file}", f"-Dlanguagetool.version={version}"]


def install(version: str = DEFAULT_VERSION, quiet: bool = False) -> Path:
    """Fetch LanguageTool `version` through Maven; returns the directory holding its class path.
    Maven's own output (what it downloads) goes to this process's stderr."""
    if not _VERSION.match(version):
        raise MavenError(f"{version!r} is not a LanguageTool version such as {DEFAULT_VERSION}")
    dest = install_dir(version)
    dest.mkdir(parents=True, exist_ok=True)
    partial = dest / "classpath.txt.part"
    cmd = maven_command(version, partial, quiet)
    import subprocess

    try:
        code = subprocess.call(cmd, stdin=subprocess.DEVNULL, stdout=2)  # Maven's progress on stderr
    except OSError as e:
        raise MavenError(f"could not run Maven ({e.strerror or e})") from None
    if code != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        raise MavenError(f"Maven could not fetch LanguageTool {version} (exit code {code}; "
                         "its messages are above)")
    os.replace(partial, dest / "classpath.txt")
    return dest


def find() -> tuple[str, str, Path] | None:
    """(version, class path, server jar) of the newest usable Maven install, or None."""
    folder = download_dir()
    if not folder.is_dir():
        return None
    found = []
    for d in folder.glob(PREFIX + "*"):
        version = d.name[len(PREFIX):]
        classpath = _read_classpath(d / "classpath.txt")
        if classpath and _VERSION.match(version):
            found.append((_version_key(version), version, classpath))
    if not found:
        return None
    _, version, classpath = max(found)
    jars = classpath.split(os.pathsep)
    server = next((Path(j) for j in jars if Path(j).name.startswith("languagetool-server")), Path(jars[0]))
    return version, classpath, server


def _read_classpath(path: Path) -> str:
    try:
        classpath = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    jars = classpath.split(os.pathsep) if classpath else []
    if not any(Path(j).name.startswith("languagetool-server") for j in jars):
        return ""
    return classpath if all(Path(j).is_file() for j in jars) else ""


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version))
