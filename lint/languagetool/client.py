"""The HTTP conversation with a LanguageTool server: /v2/check and /v2/languages.

edlint talks to the server itself, with `requests` (language-tool-python's own
HTTP dependency), rather than through `language_tool_python.LanguageTool`:
that class queries /v2/languages in its constructor and waits up to 300 s per
attempt, twice, with no way to set a timeout; its `Match` keeps neither the
rule's description nor the category's name (needed for SARIF), and it turns
UTF-16 offsets into Python ones (not lengths: a flagged span holding an emoji
comes out a character too long) through class-level state that parallel
requests would share. batching.Utf16Index converts both ends.

Every way a request can fail ends as one `ServerFailure` with a short reason.
"""
from __future__ import annotations

import threading
import time

RETRY_STATUS = {429, 500, 502, 503, 504}


class ServerFailure(Exception):
    """The server can't be used: down, too slow, answering errors or garbage."""


def base_url(url: str) -> str:
    """"http://host:8081", ".../v2" or ".../v2/" -> "http://host:8081/v2"."""
    url = url.strip().rstrip("/")
    return url if url.endswith("/v2") else url + "/v2"


class Client:
    def __init__(self, url: str, timeout: float = 10.0, retries: int = 1):
        self.url = base_url(url)
        self.timeout = timeout
        self.retries = retries
        self.requests_made = 0  # /v2/check requests sent, retries included
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list = []

    def check(self, text: str, params: dict[str, str]) -> list[dict]:
        """LanguageTool's matches for `text`, as the JSON dicts it sent."""
        data = self._post("/check", {**params, "text": text})
        matches = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(matches, list):
            raise ServerFailure("answered with JSON that has no 'matches' list; is this a LanguageTool server?")
        return [m for m in matches if _well_formed(m)]

    def languages(self) -> list[dict]:
        data = self._send("get", "/languages", None)
        if not isinstance(data, list) or not all(isinstance(x, dict) and "code" in x for x in data):
            raise ServerFailure("answered /v2/languages with something that is not a language list")
        return data

    def version(self) -> str:
        """The server's LanguageTool version, from a one-word check."""
        data = self._send("post", "/check", {"language": "en-US", "text": "Test."})
        software = data.get("software") if isinstance(data, dict) else None
        if not isinstance(software, dict) or not isinstance(data.get("matches"), list):
            raise ServerFailure("answered /v2/check with JSON that is not LanguageTool's")
        return str(software.get("version") or "unknown version")

    def _post(self, path: str, form: dict) -> object:
        with self._lock:
            self.requests_made += 1
        return self._send("post", path, form)

    def _send(self, method: str, path: str, form: dict | None) -> object:
        import requests  # only when a server is really asked: `edlint check` starts fast

        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            with self._lock:
                self._sessions.append(session)
        last = "no answer"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(0.25 * 2 ** (attempt - 1), 2.0))
            try:
                r = session.request(method, self.url + path, data=form,
                                    timeout=(min(self.timeout, 5.0), self.timeout))
            except requests.exceptions.ConnectTimeout:
                # A host that swallows the connection will do it again: not retried.
                raise ServerFailure(f"no connection within {_seconds(min(self.timeout, 5.0))}") from None
            except requests.exceptions.Timeout:
                # A server that was too slow once will be too slow again: waiting twice
                # would double the time the user waits for nothing.
                raise ServerFailure(f"no answer within {_seconds(self.timeout)}") from None
            except requests.exceptions.ConnectionError as e:
                last = f"not reachable ({_root_cause(e)})"
                continue
            except (requests.exceptions.RequestException, OSError, ValueError) as e:
                raise ServerFailure(f"request failed ({_root_cause(e)})") from None
            if r.status_code != 200:
                last = f"HTTP {r.status_code}: {_first_line(r.text)}"
                if r.status_code == 413:
                    last += " (lower [languagetool] max-request-chars to the server's maxTextLength)"
                if r.status_code in RETRY_STATUS:
                    continue
                raise ServerFailure(last)
            try:
                return r.json()
            except ValueError:
                raise ServerFailure("answered with something that is not JSON; is this a LanguageTool server?") from None
        raise ServerFailure(last)

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()


def _well_formed(m) -> bool:
    return (isinstance(m, dict) and isinstance(m.get("offset"), int) and isinstance(m.get("length"), int)
            and m["offset"] >= 0 and m["length"] >= 0 and isinstance(m.get("rule"), dict)
            and isinstance(m["rule"].get("id"), str))


def _seconds(t: float) -> str:
    return f"{t:g} s"


def _first_line(text: str) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else "(empty body)"
    return line[:160]


def _root_cause(e: BaseException) -> str:
    while e.__context__ is not None and e.__context__ is not e:
        e = e.__context__
    text = str(e)
    for marker in ("Connection refused", "Name or service not known", "No route to host",
                   "Temporary failure in name resolution", "Connection reset"):
        if marker in text:
            return marker.lower()
    return type(e).__name__
