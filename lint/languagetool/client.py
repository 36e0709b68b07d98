"""The HTTP conversation with a LanguageTool server: /v2/check and /v2/languages.

edlint talks to the server itself, over the standard library's http.client,
rather than through `language_tool_python.LanguageTool` (whose measured
shortcomings against LanguageTool 6.7 are in the README: no deadline for a
request, the rule's description and category name dropped, a span holding an
emoji a character too long) or `requests`, whose timeout bounds each socket
read, so a server trickling a byte every 2 s holds a check for ever.

Here `timeout` is a deadline for the whole request (connect, send, the answer's
headers and body): a watchdog shuts the socket when it passes. Redirects are
never followed: a 3xx would send the article to a host nobody configured.
Every way a request can fail ends as one `ServerFailure` whose `kind` says
what happened (timeout, unreachable, lost, redirect, busy, too-large, http,
invalid) and whose text says it in words.
"""
from __future__ import annotations

import re
import socket
import threading
import time
from urllib.parse import urlencode, urlsplit

RETRY_STATUS = {429, 500, 502, 503, 504}
CONNECT_TIMEOUT = 5.0
# Failures after which the same request may succeed once the server is back (restart, overload).
TRANSIENT = {"unreachable", "lost", "busy"}
_LIMIT = re.compile(r"limit of (\d+) characters")


class ServerFailure(Exception):
    """The server can't be used: down, too slow, answering errors or garbage."""

    def __init__(self, message: str, kind: str = "other", limit: int = 0):
        super().__init__(message)
        self.kind = kind
        self.limit = limit  # for "too-large": the server's maxTextLength, when it said so


def base_url(url: str) -> str:
    """"http://host:8081", ".../v2" or ".../v2/" -> "http://host:8081/v2"."""
    url = url.strip().rstrip("/")
    return url if url.endswith("/v2") else url + "/v2"


class Client:
    def __init__(self, url: str, timeout: float = 10.0, retries: int = 1):
        self.url = base_url(url)
        parts = urlsplit(self.url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or "localhost"
        self._port = parts.port or (443 if self._https else 80)
        self._path = parts.path
        self.timeout = timeout
        self.retries = retries
        self.requests_made = 0  # /v2/check requests sent, retries included
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list = []

    def check(self, text: str, params: dict[str, str]) -> list[dict]:
        """LanguageTool's matches for `text`, as the JSON dicts it sent."""
        data = self._send("POST", "/check", {**params, "text": text}, counted=True)
        matches = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(matches, list):
            raise ServerFailure("answered with JSON that has no 'matches' list; is this a LanguageTool server?",
                                "invalid")
        return [m for m in matches if _well_formed(m)]

    def languages(self, retries: int | None = None) -> list[dict]:
        data = self._send("GET", "/languages", None, retries=retries)
        if not isinstance(data, list) or not all(isinstance(x, dict) and "code" in x for x in data):
            raise ServerFailure("answered /v2/languages with something that is not a language list", "invalid")
        return data

    def version(self) -> str:
        """The server's LanguageTool version, from a one-word check."""
        data = self._send("POST", "/check", {"language": "en-US", "text": "Test."})
        software = data.get("software") if isinstance(data, dict) else None
        if not isinstance(software, dict) or not isinstance(data.get("matches"), list):
            raise ServerFailure("answered /v2/check with JSON that is not LanguageTool's", "invalid")
        return str(software.get("version") or "unknown version")

    def _send(self, method: str, path: str, form: dict | None, counted: bool = False,
              retries: int | None = None) -> object:
        body = urlencode(form).encode("utf-8") if form is not None else None
        last = ServerFailure("no answer", "unreachable")
        for attempt in range((self.retries if retries is None else retries) + 1):
            if attempt:
                time.sleep(min(0.25 * 2 ** (attempt - 1), 2.0))
            if counted:
                with self._lock:
                    self.requests_made += 1
            try:
                status, location, payload = self._exchange(method, path, body)
            except ServerFailure as e:
                if e.kind not in ("unreachable", "lost"):
                    # A server that was too slow once will be too slow again, and one that swallows
                    # connections will swallow the next: waiting twice doubles the wait for nothing.
                    raise
                last = e
                continue
            if status == 200:
                return _json(payload)
            failure = _refusal(status, location, payload)
            if status not in RETRY_STATUS:
                raise failure
            last = failure
        raise last

    def _exchange(self, method: str, path: str, body: bytes | None) -> tuple[int, str, bytes]:
        """One request on this thread's connection, within the deadline: (status, Location, body)."""
        import http.client

        conn, reused = self._connection()
        expired = threading.Event()
        watchdog = threading.Timer(self.timeout, _expire, (conn, expired))
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._request(conn, method, path, body, expired)
        except ServerFailure:
            conn.close()
            raise
        except (OSError, http.client.HTTPException, ValueError) as e:
            conn.close()
            # A read that waited the whole timeout (socket.timeout) is the same deadline as the
            # watchdog's, which may not have fired yet on a busy machine.
            if expired.is_set() or isinstance(e, TimeoutError):
                raise ServerFailure(f"timed out: no complete answer within {_seconds(self.timeout)}",
                                    "timeout") from None
            if reused and isinstance(e, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
                # The server closed an idle kept-alive connection: one fresh try, not a retry.
                self._local.conn = None
                return self._exchange(method, path, body)
            raise _classify(e) from None
        finally:
            watchdog.cancel()

    def _connection(self):
        """This thread's connection, kept alive from its last request unless the server
        closed it (then a new one): (connection, whether it is reused)."""
        conn = getattr(self._local, "conn", None)
        reused = conn is not None and conn.sock is not None and not _dropped(conn.sock)
        if not reused:
            if conn is not None:
                conn.close()
            conn = self._local.conn = self._new_connection()
        return conn, reused

    def _request(self, conn, method: str, path: str, body: bytes | None, expired) -> tuple[int, str, bytes]:
        if conn.sock is None:
            try:
                conn.connect()
            except TimeoutError:
                raise ServerFailure(f"no connection within {_seconds(min(self.timeout, CONNECT_TIMEOUT))}",
                                    "timeout") from None
        conn.sock.settimeout(self.timeout)
        if expired.is_set():
            raise OSError("deadline passed while connecting")
        headers = {"Accept": "application/json", "User-Agent": "edlint"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        conn.request(method, self._path + path, body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        if response.will_close:
            conn.close()
        return response.status, response.getheader("Location") or "", payload

    def _new_connection(self):
        import http.client

        timeout = min(self.timeout, CONNECT_TIMEOUT)
        if self._https:
            import ssl
            conn = http.client.HTTPSConnection(self._host, self._port, timeout=timeout,
                                               context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(self._host, self._port, timeout=timeout)
        with self._lock:
            self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()


def _expire(conn, expired: threading.Event) -> None:
    """The deadline passed: wake the thread blocked on this connection's socket."""
    expired.set()
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _refusal(status: int, location: str, payload: bytes) -> ServerFailure:
    """What an answer other than 200 means: a redirect (not followed), a text over the
    server's limit (with the limit it states), a busy server, or another HTTP error."""
    if 300 <= status < 400:
        where = f" to {_printable(location)}" if location else ""
        return ServerFailure(f"answered HTTP {status}, a redirect{where}, which edlint does not follow "
                             "(it would send the text elsewhere); configure the server's own URL", "redirect")
    text = _first_line(payload.decode("utf-8", "replace"))
    if status == 413:
        m = _LIMIT.search(text)
        return ServerFailure(f"HTTP 413: {text} (lower [languagetool] max-request-chars to the "
                             "server's maxTextLength)", "too-large", int(m.group(1)) if m else 0)
    return ServerFailure(f"HTTP {status}: {text}", "busy" if status in (429, 503) else "http")


def _json(payload: bytes) -> object:
    import json

    try:
        return json.loads(payload)
    except ValueError:
        raise ServerFailure("answered with something that is not JSON; is this a LanguageTool server?",
                            "invalid") from None


def _dropped(sock) -> bool:
    """True when a kept-alive connection was closed by the server (readable while idle)."""
    import select
    try:
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


def _classify(e: BaseException) -> ServerFailure:
    import http.client

    if isinstance(e, ConnectionRefusedError):
        return ServerFailure("not reachable (connection refused)", "unreachable")
    if isinstance(e, socket.gaierror):
        return ServerFailure(f"not reachable (host name not found: {e.strerror or e})", "unreachable")
    if isinstance(e, (http.client.RemoteDisconnected, http.client.IncompleteRead, ConnectionResetError,
                      BrokenPipeError)):
        return ServerFailure("connection lost: the server closed it before answering", "lost")
    if isinstance(e, OSError) and e.errno is not None:
        return ServerFailure(f"not reachable ({(e.strerror or str(e)).lower()})", "unreachable")
    return ServerFailure(f"request failed ({type(e).__name__}: {e})", "other")


def _well_formed(m) -> bool:
    return (isinstance(m, dict) and isinstance(m.get("offset"), int) and isinstance(m.get("length"), int)
            and m["offset"] >= 0 and m["length"] >= 0 and isinstance(m.get("rule"), dict)
            and isinstance(m["rule"].get("id"), str))


def _seconds(t: float) -> str:
    return f"{t:g} s"


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:160]


def _first_line(text: str) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else "(empty body)"
    return _printable(line)
