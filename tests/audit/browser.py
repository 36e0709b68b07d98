"""Headless Chromium (Debian's package) from the command line: the DOM after scripts
ran, every console message, and screenshots. No driver, no browser download."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--enable-logging=stderr", "--v=0",
         # Nothing leaves the machine: any request to a host fails (the page must need none).
         "--host-resolver-rules=MAP * ~NOTFOUND"]
CONSOLE = re.compile(r":CONSOLE(?::|\()\d+\)?\] (.*)")
SCREENSHOTS = Path(tempfile.gettempdir()) / "edlint-audit-screenshots"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(page: Path, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=180)


def open_page(page: Path) -> tuple[str, list[str]]:
    """(the DOM as Chromium rendered it, the console messages it logged)."""
    done = _run(page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [m.group(1) for m in CONSOLE.finditer(done.stderr)]


def screenshot(page: Path, name: str, height: int = 3000) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / f"{name}.png"
    done = _run(page, f"--screenshot={out}", f"--window-size=1100,{height}", "--hide-scrollbars")
    assert done.returncode == 0, done.stderr[-2000:]
    return out


class KeyedText(HTMLParser):
    """The text of every element with a data-key attribute."""

    def __init__(self):
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self._stack: list[tuple[str, str | None]] = []
        self._text: dict[int, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        key = dict(attrs).get("data-key")
        self._stack.append((tag, key))
        if key:
            self._text[len(self._stack)] = []

    def handle_endtag(self, tag):
        while self._stack:
            t, key = self._stack.pop()
            depth = len(self._stack) + 1
            if key:
                self.values.append((key, "".join(self._text.pop(depth, []))))
            if t == tag:
                break

    def handle_data(self, data):
        for depth in self._text:
            self._text[depth].append(data)


def keyed_values(dom: str) -> list[tuple[str, str]]:
    p = KeyedText()
    p.feed(dom)
    return p.values
