"""A real LSP client (pytest-lsp) speaking to `edlint lsp` over stdio."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "lint", "lsp"]
# A server whose rules crash on one word, to show that a crash in a check is survived.
CRASHING_SERVER = [sys.executable, str(Path(__file__).with_name("crashing_server.py"))]
ENV = {k: v for k, v in os.environ.items() if k != "EDLINT_LANGUAGETOOL"}


def _accept_registrations(client: LanguageClient) -> None:
    client.registrations = []
    _record_publications(client)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient):
    _accept_registrations(lsp_client)
    yield
    await _stop(lsp_client)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=CRASHING_SERVER, server_env=ENV))
async def crashing_client(lsp_client: LanguageClient):
    _accept_registrations(lsp_client)
    yield
    await _stop(lsp_client)


def _record_publications(client: LanguageClient) -> None:
    """Keep every publishDiagnostics as it arrives. pytest-lsp's wait_for_notification only
    hands a notification to a waiter already waiting: two publications read from the pipe in
    one go would lose the second."""
    import asyncio

    seen = client.__dict__.setdefault("_edlint_publications", [])
    arrived = client.__dict__.setdefault("_edlint_arrived", asyncio.Event())
    handle = client.protocol._handle_notification

    def record(method_name, params):
        if method_name == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
            seen.append(params)
            arrived.set()
        return handle(method_name, params)

    client.protocol._handle_notification = record


async def _stop(client: LanguageClient) -> None:
    """Shut the server down politely; a test that failed before initializing kills it."""
    import asyncio

    try:
        await asyncio.wait_for(client.shutdown_session(), 20)
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()


def capabilities(encodings=None, watch=True) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=types.WorkspaceClientCapabilities(
            apply_edit=True,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=watch)),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True)))


async def start(client: LanguageClient, root: Path, encodings=None, debounce_ms=0, folders=None,
                languagetool=False):
    folders = folders or [root]
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(encodings), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders],
        initialization_options={"debounce": debounce_ms, "languagetool": languagetool}))


def open_doc(client: LanguageClient, path: Path, text: str, language_id: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None, timeout: float = 60):
    """The next publication for `uri` (at `version`, if given) not yet returned; publications
    for other documents that arrive meanwhile are kept for their own call."""
    import asyncio

    seen = client.__dict__["_edlint_publications"]  # filled by _record_publications
    arrived = client.__dict__["_edlint_arrived"]

    def take():
        for i, params in enumerate(seen):
            if params.uri == uri and (version is None or params.version == version):
                return seen.pop(i)
        return None

    async def wait():
        while (found := take()) is None:
            arrived.clear()
            await arrived.wait()
        return found

    return await asyncio.wait_for(wait(), timeout)
