"""Where LanguageTool is installed on this machine, and what a run says when it is not.

Only the file system is read: no server is started, nothing is downloaded, and
nothing heavier than `os` and `pathlib` is imported, so that a check in the default
`auto` mode on a machine without LanguageTool (the common case in an editor) finds
that out without importing the client, the server code or the thread pool
(lint/languagetool/local.py and service.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..result import Notice

SOURCE = "languagetool"  # the notices' source
JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar", "languagetool.jar")


@dataclass(frozen=True)
class Install:
    jar: Path
    java: str
    classpath: str = ""  # a Maven install's jars; empty: `jar` alone
    version: str = ""

    def describe(self) -> str:
        if self.classpath:
            return f"LanguageTool {self.version} from Maven, {self.jar} (Java: {self.java})"
        return f"{self.jar} (Java: {self.java})"


def download_dir() -> Path:
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def find_install() -> tuple[Install | None, str]:
    """The local installation, or None and the reason there is none."""
    jar, classpath, version = _find_jar(), "", ""
    if jar is None and not os.environ.get("LTP_JAR_DIR_PATH"):
        from . import maven
        found = maven.find()
        if found is not None:
            version, classpath, jar = found
    if jar is None:
        where = os.environ.get("LTP_JAR_DIR_PATH") or download_dir()
        return None, f"no LanguageTool installation in {where}"
    import shutil

    java = shutil.which("java")
    if java is None:
        return None, f"LanguageTool found at {jar.parent}, but Java is not on PATH"
    return Install(jar, java, classpath, version), ""


def _find_jar() -> Path | None:
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        for name in JAR_NAMES:
            if (Path(jar_dir) / name).is_file():
                return Path(jar_dir) / name
        return None
    folder = download_dir()
    # Checked first so that a machine without LanguageTool pays no import and gets no new directory.
    if not folder.is_dir() or not any(p.is_dir() for p in folder.glob("LanguageTool-*")):
        return None
    from language_tool_python.download_lt import LocalLanguageTool
    try:
        newest = LocalLanguageTool.get_latest_installed_version()
        return newest.get_jar_path() if newest is not None else None
    except (OSError, ValueError, TypeError):
        return None


def nothing_to_ask() -> Notice:
    """What `auto` says with no server configured and none installed: grammar is skipped,
    and that is not a failure (an info notice; the run is not incomplete)."""
    return Notice("info", (
        "LanguageTool: no server configured and none installed; grammar checks skipped "
        "(set languagetool = \"http://host:8081\" or run `edlint languagetool download`)"), SOURCE)
