"""One buffer checked the way `edlint check PATH` would check the saved file: the same
configuration, discovered from the path, and the same engine."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..errors import EdlintError

# LSP languageId -> edlint reader format; other ids fall back to the file's extension.
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text",
                    "json": "json", "jsonl": "json", "jsonlines": "json", "ndjson": "json"}


def format_for(path: str, language_id: str | None) -> str:
    from ..readers import format_for as by_extension

    return LANGUAGE_FORMATS.get((language_id or "").lower()) or by_extension(path)


@dataclass
class BufferResult:
    findings: list = field(default_factory=list)  # lint.finding.Finding, offsets into the buffer
    error: str | None = None  # the buffer could not be checked (config or input error)
    notices: list[str] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)  # readability of the first document
    offset_shift: int = 0  # 1 when the buffer starts with a BOM the engine strips


class BufferChecker:
    """Checks buffers; caches each directory's configuration until `reload()`."""

    def __init__(self):
        self._resolvers: dict[str, object] = {}

    def reload(self) -> None:
        """Forget every configuration (an edlint.toml or pyproject.toml changed)."""
        self._resolvers.clear()

    def _resolver(self, languagetool: str):
        from ..config import ConfigResolver

        r = self._resolvers.get(languagetool)
        if r is None:
            r = self._resolvers[languagetool] = ConfigResolver(cli={"languagetool": languagetool})
        return r

    def config_for(self, path: str, languagetool: str = "off"):
        return self._resolver(languagetool).for_path(path)

    def check(self, path: str, text: str, language_id: str | None = None,
              languagetool: str = "off") -> BufferResult:
        """`languagetool` overrides the mode: "off" for the fast pass, a URL for the grammar pass."""
        from ..engine import Engine, FileJob

        out = BufferResult(offset_shift=1 if text.startswith("\ufeff") else 0)
        try:
            cfg = self.config_for(path, languagetool)
            engine = Engine(self._resolver(languagetool), metrics=True)
            result = engine.run_jobs([FileJob(path, cfg, text=text, format=format_for(path, language_id))])
        except EdlintError as e:
            out.error = str(e)
            return out
        if result.errors:
            out.error = result.errors[0].message
        out.findings = result.findings
        out.notices = [n.message for n in result.notices if n.severity != "info"]
        if result.documents:
            out.metrics = result.documents[0].metrics or {}
        return out


def languagetool_mode(checker: BufferChecker, path: str) -> str:
    """The LanguageTool mode the CLI would use for `path` ("off", "auto", "local" or a URL)."""
    try:
        cfg = checker.config_for(path, languagetool="")
    except EdlintError:
        return "off"
    env = os.environ.get("EDLINT_LANGUAGETOOL")
    mode = cfg.settings_map().get("languagetool", {}).get("mode") or env or "auto"
    return mode
