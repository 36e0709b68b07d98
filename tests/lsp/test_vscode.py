"""The VS Code extension (editors/vscode/): built and packaged with npm as its README says,
and what it starts is a working `edlint lsp`.

npm's packages are installed once per package-lock.json into a cache outside the repository
($XDG_CACHE_HOME/edlint-tests, or ~/.cache/edlint-tests), so a re-run does not fetch them.
Without npm the test skips, saying so, except in CI (.ci/run installs npm there)."""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

EXTENSION = Path(__file__).resolve().parents[2] / "editors" / "vscode"
NPM, NODE = shutil.which("npm"), shutil.which("node")
ENV = {k: v for k, v in os.environ.items() if k != "EDLINT_LANGUAGETOOL"}

pytestmark = pytest.mark.slow


def _need_npm() -> None:
    if NPM and NODE:
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI must provide node and npm for the VS Code extension's build (.ci/run installs them)")
    pytest.skip("no node/npm on this machine (Debian: apt-get install npm): the VS Code extension is not built")


def _node_modules() -> Path:
    """The extension's npm packages, installed with `npm ci` once per lock file, outside the repo."""
    lock = (EXTENSION / "package-lock.json").read_bytes()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "edlint-tests"
    target = base / f"vscode-{hashlib.sha256(lock).hexdigest()[:16]}"
    if (target / "node_modules" / ".package-lock.json").exists():
        return target / "node_modules"
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="vscode-", dir=base))
    for name in ("package.json", "package-lock.json"):
        shutil.copy(EXTENSION / name, work / name)
    subprocess.run([NPM, "ci", "--no-audit", "--no-fund"], cwd=work, check=True, capture_output=True,
                   timeout=900)
    try:
        work.rename(target)  # atomic: a parallel run that got there first keeps its copy
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
    return target / "node_modules"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of editors/vscode/ after `npm run package`."""
    _need_npm()
    work = tmp_path_factory.mktemp("vscode")
    shutil.copytree(EXTENSION, work, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("node_modules", "dist"))
    (work / "node_modules").symlink_to(_node_modules(), target_is_directory=True)
    run = subprocess.run([NPM, "run", "package"], cwd=work, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return work


def test_the_extension_builds_into_a_vsix_with_the_client_bundled(built):
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(built / "dist" / "edlint.vsix") as vsix:
        names = set(vsix.namelist())
        packaged = json.loads(vsix.read("extension/package.json"))
        bundle = vsix.read("extension/" + manifest["main"].removeprefix("./")).decode("utf-8")
    assert "extension/node_modules/vscode-languageclient/package.json" not in names  # bundled instead
    assert packaged["main"] == manifest["main"] and packaged["activationEvents"] == manifest["activationEvents"]
    # The language client is inside the bundle; only VS Code's own API is left to require.
    assert "class LanguageClient" in bundle or "LanguageClient = class" in bundle
    assert 'require("vscode-languageclient' not in bundle
    assert 'require("vscode")' in bundle


def _activate(built: Path, settings: dict) -> dict:
    out = subprocess.run([NODE, "test/activate.js", json.dumps(settings)], cwd=built, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return json.loads(out)


def test_activation_starts_edlint_lsp_with_the_settings_as_initialization_options(built):
    default = _activate(built, {})
    assert default["started"] == 1 and default["subscribed"]
    assert default["serverOptions"] == {"command": "edlint", "args": ["lsp"]}
    assert [s["language"] for s in default["documentSelector"]] == ["markdown", "html", "plaintext", "json"]
    assert default["initializationOptions"] == {"debounce": 150, "languagetool": True}


async def test_the_server_the_extension_starts_checks_a_document(built, tmp_path):
    started = _activate(built, {"command": [sys.executable, "-m", "lint", "lsp"], "debounce": 0,
                                "languagetool": False})
    server, init = started["serverOptions"], started["initializationOptions"]
    assert init == {"debounce": 0, "languagetool": False}
    client = LanguageClient("vscode-stand-in", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams):
        published.put_nowait(params)

    await client.start_io(server["command"], *server["args"], env=ENV, cwd=str(Path(__file__).parents[2]))
    try:
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri(), initialization_options=init))
        client.initialized(types.InitializedParams())
        uri = (tmp_path / "story.md").as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id=started["documentSelector"][0]["language"], version=1,
            text="A freindly harbour.\n")))
        params = await asyncio.wait_for(published.get(), 120)
        assert params.uri == uri
        assert [d.code for d in params.diagnostics] == ["spelling.misspelling"]
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
