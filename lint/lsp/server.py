"""The edlint language server (pygls 2): diagnostics as you type, quick fixes, hover docs.

Checks run off the event loop, in one worker thread for edlint's own rules and one for
LanguageTool, so that a slow grammar server never delays the other rules' diagnostics.
A change waits `debounce` seconds; a newer change cancels the waiting or running check of
the same document and its result, if any, is dropped (versions are compared).
"""
from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import actions
from .checking import BufferChecker, BufferResult, format_for, languagetool_mode
from .convert import to_lsp
from .grammar import GrammarServers
from .positions import UTF8, UTF16, UTF32, PositionIndex
from .warmup import WarmUp

log = logging.getLogger("edlint.lsp")

CONFIG_NAMES = ("edlint.toml", ".edlint.toml", "pyproject.toml")
DEFAULT_DEBOUNCE = 0.15  # seconds after the last keystroke
ENCODINGS = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf16: UTF16,
             types.PositionEncodingKind.Utf32: UTF32}


@dataclass
class Checked:
    """The last published check of one document."""
    version: int | None
    text: str
    index: PositionIndex
    result: BufferResult
    fmt: str


class EdlintLanguageServer(LanguageServer):
    def __init__(self, warm: WarmUp | None = None):
        from .. import __version__

        super().__init__("edlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        # Started by `serve`'s caller before pygls was imported; a server built without one
        # (tests, embedding) warms up now.
        self.warm = warm or WarmUp().start()
        self.checker = self.warm.checker
        self.grammar = GrammarServers()
        self.debounce = DEFAULT_DEBOUNCE
        self.grammar_enabled = True
        self.fast_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="edlint-check")
        self.grammar_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="edlint-grammar")
        self.pending: dict[str, asyncio.Task] = {}
        self.checked: dict[str, Checked] = {}
        self.said: set[str] = set()  # messages shown once per session

    # -- helpers ---------------------------------------------------------------
    @property
    def encoding(self) -> str:
        return ENCODINGS.get(self.workspace.position_encoding, UTF16)

    def path_of(self, uri: str) -> str:
        return to_fs_path(uri) or uri

    def workspace_root_for(self, path: str) -> str | None:
        best = None
        for folder in self.workspace.folders.values():
            root = self.path_of(folder.uri)
            if path.startswith(root.rstrip(os.sep) + os.sep) and (best is None or len(root) > len(best)):
                best = root
        return best or (self.path_of(self.workspace.root_uri) if self.workspace.root_uri else None)

    def say_once(self, message: str, kind=types.MessageType.Warning) -> None:
        if message in self.said:
            return
        self.said.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"edlint: {message}"))

    # -- checking --------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            doc = self.workspace.get_text_document(uri)
            version, text, language_id = doc.version, doc.source, doc.language_id
            path = self.path_of(uri)
            loop = asyncio.get_running_loop()
            checked = await loop.run_in_executor(self.fast_pool, self._run_check, path, text, language_id, "off")
            if self._current(uri, version):
                self._publish(uri, version, checked)
            mode = await loop.run_in_executor(self.fast_pool, languagetool_mode, self.checker, path)
            if mode != "off" and self.grammar_enabled:
                url, message = await loop.run_in_executor(self.grammar_pool, self._grammar_url, path)
                if message:
                    self.say_once(message)
                if url != "off":
                    full = await loop.run_in_executor(self.grammar_pool, self._run_check, path, text,
                                                      language_id, url)
                    if self._current(uri, version):
                        self._publish(uri, version, full)
        except asyncio.CancelledError:
            pass  # a newer change; its own task checks the newer text
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def _grammar_url(self, path: str) -> tuple[str, str]:
        cfg = self.checker.config_for(path, languagetool="")
        return self.grammar.url_for(cfg.settings_map().get("languagetool"))

    def _current(self, uri: str, version) -> bool:
        try:
            return self.workspace.get_text_document(uri).version == version
        except Exception:
            return False

    def _run_check(self, path: str, text: str, language_id: str | None, languagetool: str) -> Checked:
        fmt = format_for(path, language_id)
        self.warm.wait()  # no check runs beside the warm-up's, on the same checker
        try:
            result = self.checker.check(path, text, language_id, languagetool)
        except Exception as e:  # a crash in one check is logged; the server goes on
            log.exception("check of %s failed", path)
            result = BufferResult(error=f"internal error while checking: {type(e).__name__}: {e}")
        return Checked(None, text, PositionIndex(text, self.encoding), result, fmt)

    def _publish(self, uri: str, version, checked: Checked) -> None:
        from ..ruleset import all_rules

        checked.version = version
        self.checked[uri] = checked
        r = checked.result
        specs = _specs()
        diagnostics = [to_lsp(d, checked.index, r.offset_shift, specs) for d in r.findings]
        if r.error:
            self.say_once(f"{self.path_of(uri)}: {r.error}", types.MessageType.Error)
            top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
            diagnostics.insert(0, types.Diagnostic(range=top, message=f"edlint could not check this file: {r.error}",
                                                   severity=types.DiagnosticSeverity.Error, source="edlint",
                                                   code="edlint.error"))
        for n in r.notices:
            self.say_once(n)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def recheck_all(self) -> None:
        self.checker.reload()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    # -- quick fixes -----------------------------------------------------------
    def safe_edits(self, uri: str) -> list[types.TextEdit]:
        from ..fixes import escape_for_format, merge_edits
        from .convert import lsp_range

        c = self.checked.get(uri)
        if c is None:
            return []
        shift = c.result.offset_shift
        edits = escape_for_format(merge_edits(c.result.findings), c.fmt)
        return [types.TextEdit(range=lsp_range(c.index, e.start + shift, e.end + shift), new_text=e.replacement)
                for e in edits]


_SPECS: dict | None = None


def _specs() -> dict:
    """Every bundled rule's spec (for docs links and hover), loaded once."""
    global _SPECS
    if _SPECS is None:
        from ..ruleset import all_rules

        _SPECS = all_rules(())
    return _SPECS


def build_server(warm: WarmUp | None = None) -> EdlintLanguageServer:
    server = EdlintLanguageServer(warm)

    @server.feature(types.INITIALIZE)
    def initialize(ls: EdlintLanguageServer, params: types.InitializeParams):
        opts = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(opts.get("debounce"), (int, float)) and opts["debounce"] >= 0:
            ls.debounce = opts["debounce"] / 1000.0  # milliseconds, as editors' settings give it
        if opts.get("languagetool") is False:
            ls.grammar_enabled = False

    @server.feature(types.INITIALIZED)
    async def initialized(ls: EdlintLanguageServer, params: types.InitializedParams):
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration
        if watch:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            watchers.append(types.FileSystemWatcher(glob_pattern="**/*.txt"))  # vocabulary accept-files
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                    types.Registration(id="edlint-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                       register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                           watchers=watchers))]))
            except Exception:
                log.warning("the client refused file watching; config changes apply on save")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EdlintLanguageServer, params: types.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EdlintLanguageServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EdlintLanguageServer, params: types.DidSaveTextDocumentParams):
        name = os.path.basename(ls.path_of(params.text_document.uri))
        if name in CONFIG_NAMES:
            ls.recheck_all()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EdlintLanguageServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: EdlintLanguageServer, params: types.DidChangeWatchedFilesParams):
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND], resolve_provider=False))
    def code_action(ls: EdlintLanguageServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        c = ls.checked.get(uri)
        fmt = c.fmt if c else format_for(ls.path_of(uri), None)
        lines = (c.text if c else "").splitlines()
        out: list[types.CodeAction] = []
        only = params.context.only
        if not only or any(k.startswith(types.CodeActionKind.QuickFix) for k in only):
            for d in params.context.diagnostics:
                if d.source == "edlint":
                    line_text = lines[d.range.start.line] if d.range.start.line < len(lines) else ""
                    out += actions.for_diagnostic(uri, d, fmt, line_text)
        if not only or any(actions.FIX_ALL_KIND.startswith(k) for k in only):
            fix_all = actions.fix_all(uri, ls.safe_edits(uri))
            if fix_all is not None:
                out.append(fix_all)
        return out

    @server.command(actions.CMD_ACCEPT)
    def accept_word(ls: EdlintLanguageServer, uri: str, word: str):
        from .vocabulary_edit import accept_word as write, nearest_config

        path = ls.path_of(uri)
        written = write(nearest_config(path, ls.workspace_root_for(path)), word)
        ls.recheck_all()
        return str(written)

    @server.command(actions.CMD_ACCEPT_IN_FILE)
    def accept_word_in_file(ls: EdlintLanguageServer, uri: str, word: str):
        from .vocabulary_edit import accept_word_in_file as write, nearest_config

        path = ls.path_of(uri)
        written = write(nearest_config(path, ls.workspace_root_for(path)), path, word)
        ls.recheck_all()
        return str(written)

    @server.command(actions.CMD_FIX_ALL)
    async def fix_all(ls: EdlintLanguageServer, uri: str):
        edits = ls.safe_edits(uri)
        if edits:
            await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(
                edit=types.WorkspaceEdit(changes={uri: edits}), label="edlint: fix all safe findings"))
        return len(edits)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EdlintLanguageServer, params: types.HoverParams):
        c = ls.checked.get(params.text_document.uri)
        if c is None:
            return None
        offset = c.index.offset(params.position.line, params.position.character) - c.result.offset_shift
        hits = [d for d in c.result.findings if d.start <= offset <= max(d.end, d.start + 1)]
        if not hits:
            return None
        return types.Hover(contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(_explain(d.rule) for d in hits)))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: EdlintLanguageServer, params: types.DocumentSymbolParams):
        c = ls.checked.get(params.text_document.uri)
        if c is None or not c.result.metrics:
            return []
        m = c.result.metrics
        whole = types.Range(start=types.Position(line=0, character=0), end=c_end(c))
        parts = []
        for key, label in (("grade", "grade"), ("flesch_kincaid_grade", "grade"), ("reading_time_minutes", "min"),
                           ("words", "words")):
            if key in m and label not in [p[0] for p in parts]:
                parts.append((label, m[key]))
        detail = ", ".join(f"{v:g} {k}" if isinstance(v, (int, float)) else f"{v} {k}" for k, v in parts)
        return [types.DocumentSymbol(name="Readability", detail=detail, kind=types.SymbolKind.String,
                                     range=whole, selection_range=whole)]

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: EdlintLanguageServer, params):
        ls.grammar.close()

    return server


def c_end(c: Checked) -> types.Position:
    line, char = c.index.position(len(c.text))
    return types.Position(line=line, character=char)


def _explain(rule: str) -> str:
    spec = _specs().get(rule)
    if spec is None:
        return f"**{rule}**"
    out = [f"**{spec.id}** ({spec.severity})", "", spec.description]
    if spec.docs:
        out += ["", spec.docs.strip()]
    if spec.fail_examples:
        out += ["", "Flagged:"] + [f"- {ex.text.strip()}" for ex in spec.fail_examples[:3]]
    if spec.pass_examples:
        out += ["", "Not flagged:"] + [f"- {ex.text.strip()}" for ex in spec.pass_examples[:3]]
    return "\n".join(out)


def serve(tcp_port: int | None = None, warm: WarmUp | None = None) -> None:
    logging.basicConfig(level=logging.WARNING)
    server = build_server(warm)
    if tcp_port is not None:
        server.start_tcp("127.0.0.1", tcp_port)
    else:
        server.start_io()
