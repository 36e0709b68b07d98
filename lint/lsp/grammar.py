"""LanguageTool for the language server: the same settings as the CLI, and for a local
installation one long-lived server per workspace instead of one per check."""
from __future__ import annotations

import threading


class GrammarServers:
    """Resolves the LanguageTool a buffer's configuration asks for to a URL (or "off")."""

    def __init__(self):
        self._local = None  # lint.languagetool.local.LocalServer, started on first need
        self._failed = ""  # why the local server could not start (said once)
        self._lock = threading.Lock()

    def url_for(self, raw_settings: dict | None) -> tuple[str, str]:
        """(URL or "off", a message to show once or "")."""
        from ..languagetool.settings import LTSettings

        try:
            settings = LTSettings.from_dict(raw_settings)
        except ValueError as e:
            return "off", str(e)
        if settings.mode == "off":
            return "off", ""
        if settings.server_url:
            return settings.server_url, ""
        return self._local_url(settings.start_timeout)

    def _local_url(self, start_timeout: float) -> tuple[str, str]:
        with self._lock:
            if self._local is not None and self._local.process is not None and self._local.process.poll() is None:
                return self._local.url, ""
            if self._failed:
                return "off", ""
            from ..languagetool.client import ServerFailure
            from ..languagetool.local import LocalServer, find_install

            install, reason = find_install()
            if install is None:
                self._failed = reason
                return "off", ""  # as the CLI's `auto`: no installation, no grammar, no alarm
            server = LocalServer(install)
            try:
                server.start(start_timeout)
            except ServerFailure as e:
                self._failed = str(e)
                return "off", f"LanguageTool (local): {e}; grammar checks skipped"
            self._local = server
            return server.url, ""

    def close(self) -> None:
        with self._lock:
            if self._local is not None:
                self._local.close()
                self._local = None
