"""A small LanguageTool stand-in on 127.0.0.1 for the tests and the benchmark.

It speaks LanguageTool's documented HTTP API: POST /v2/check with a
form-encoded body (text, language, disabledRules, disabledCategories ...)
answered with {"software", "language", "matches": [...]}, where each match has
message, shortMessage, offset and length in UTF-16 code units (as Java counts),
replacements [{value}], rule {id, description, issueType, category {id, name}},
context {text, offset, length} and sentence; and GET /v2/languages.

It finds a few real LanguageTool rules' errors by pattern: EN_A_VS_AN,
ENGLISH_WORD_REPEAT_RULE, MORFOLOGIK_RULE_EN_US (TYPOS) for a few misspellings,
COMMA_PARENTHESIS_WHITESPACE, and, across the whole text as LanguageTool's
text-level rules do, ENGLISH_WORD_REPEAT_BEGINNING_RULE (three sentences in a
row starting with the same word; only with `text_level=True`). `enabledOnly`
with `enabledRules` is honoured. `behaviour` makes it misbehave: "slow",
"error" (HTTP 500), "garbage" (an HTML page), "no-matches" (JSON without
matches), "flaky" (HTTP 503 once, then fine), "busy" (HTTP 503 for the first
`busy` checks), "trickle" (the answer one byte every `delay` seconds),
"redirect" (HTTP 307 to `redirect_to`). `die_after=N`: after N checks the
next one gets no answer and the server stops listening, as a killed one does;
with `restart_after` seconds it listens again on the same port.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MISSPELLINGS = {"recieve": ["receive"], "goverment": ["government"], "teh": ["the", "ten"],
                "comittee": ["committee"]}

RULES = {
    "EN_A_VS_AN": ("Use “an” instead of ‘a’ if the following word starts with a vowel sound, "
                   "e.g. ‘an article’, ‘an hour’.", "Wrong article",
                   "Use of 'a' vs. 'an'", "misspelling", ("MISC", "Miscellaneous")),
    "ENGLISH_WORD_REPEAT_RULE": ("Possible typo: you repeated a word.", "Word repetition",
                                 "Word repetition (e.g. 'will will')", "duplication",
                                 ("MISC", "Miscellaneous")),
    "MORFOLOGIK_RULE_EN_US": ("Possible spelling mistake found.", "Spelling mistake",
                              "Possible spelling mistake", "misspelling", ("TYPOS", "Possible Typo")),
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE": ("Three successive sentences begin with the same word.", "",
                                           "Successive sentences beginning with the same word", "style",
                                           ("STYLE", "Style")),
    "COMMA_PARENTHESIS_WHITESPACE": ("Don’t put a space before the comma.", "",
                                     "Use of whitespace before comma and before/after parentheses",
                                     "whitespace", ("TYPOGRAPHY", "Typography")),
}

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def utf16(text: str, index: int) -> int:
    """UTF-16 offset of Python index `index` (the way Java counts, computed independently
    of edlint's own conversion)."""
    return len(text[:index].encode("utf-16-le")) // 2


class _Utf16:
    """utf16() for many indices of one text, without re-encoding it each time."""

    def __init__(self, text: str):
        self.astral = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self.astral, index)


def find_errors(text: str, text_level: bool = False) -> list[tuple[str, int, int, list[str]]]:
    """(rule id, start, end, replacements) in Python indices."""
    found = []
    for m in re.finditer(r"\b([Aa]) ([AEIOUaeiou]\w*)", text):
        found.append(("EN_A_VS_AN", m.start(1), m.end(1), ["An" if m.group(1) == "A" else "an"]))
    for m in re.finditer(r"\b(\w+)(\s+)(\1)\b", text, re.I):
        found.append(("ENGLISH_WORD_REPEAT_RULE", m.start(1), m.end(3), [m.group(1)]))
    for m in re.finditer(r"\w+", text):
        if m.group().lower() in MISSPELLINGS:
            found.append(("MORFOLOGIK_RULE_EN_US", m.start(), m.end(), MISSPELLINGS[m.group().lower()]))
    for m in re.finditer(r"\w( +),", text):
        found.append(("COMMA_PARENTHESIS_WHITESPACE", m.start(1), m.end(1) + 1, [","]))
    # A text-level rule, as LanguageTool's: it looks across paragraphs, over the whole request.
    starts = [m for m in re.finditer(r"(?:^|(?<=[.!?] )|(?<=\n))([A-Z]\w*)", text)] if text_level else []
    for a, b, c in zip(starts, starts[1:], starts[2:]):
        if a.group(1) == b.group(1) == c.group(1):
            found.append(("ENGLISH_WORD_REPEAT_BEGINNING_RULE", c.start(1), c.end(1), []))
    return sorted(found, key=lambda f: f[1])


def check_response(text: str, language: str, disabled_rules=(), disabled_categories=(), only=None,
                   text_level: bool = False) -> dict:
    matches = []
    u16 = _Utf16(text)
    for rule_id, start, end, replacements in find_errors(text, text_level):
        message, short, description, issue, (cat_id, cat_name) = RULES[rule_id]
        if rule_id in disabled_rules or cat_id in disabled_categories or (only is not None and rule_id not in only):
            continue
        cstart = max(0, start - 40)
        ctext = text[cstart:end + 40].replace("\n", " ")
        matches.append({
            "message": message, "shortMessage": short,
            "replacements": [{"value": r} for r in replacements],
            "offset": u16(start), "length": u16(end) - u16(start),
            "context": {"text": ctext, "offset": utf16(ctext, start - cstart), "length": u16(end) - u16(start)},
            "sentence": text[start:end],
            "type": {"typeName": "Other"},
            "rule": {"id": rule_id, "description": description, "issueType": issue,
                     "category": {"id": cat_id, "name": cat_name},
                     "urls": [{"value": f"https://community.languagetool.org/rule/show/{rule_id}"}]},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
        })
    return {
        "software": {"name": "LanguageTool", "version": "6.8-test", "apiVersion": 1, "premium": False},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": language},
        "matches": matches,
    }


class FakeLanguageTool:
    """`with FakeLanguageTool() as lt: lt.url ...`; `lt.checks` holds every /v2/check form."""

    def __init__(self, behaviour: str = "ok", delay: float = 2.0, max_text_length: int = 0, port: int = 0,
                 gate: int = 0, gate_timeout: float = 5.0, busy: int = 0, redirect_to: str = "",
                 die_after: int = 0, restart_after: float | None = None, text_level: bool = False):
        self.behaviour = behaviour
        self.text_level = text_level
        self.busy = busy
        self.redirect_to = redirect_to
        self.die_after = die_after
        self.restart_after = restart_after
        self.deaths = 0
        self.languages_asked = 0
        # gate > 0: hold the first /v2/checks until `gate` are in flight at once (or
        # gate_timeout passes), so `max_in_flight` shows how many the client really sends at once.
        self.gate = gate
        self.gate_timeout = gate_timeout
        self._gate_open = False
        self.in_flight = 0
        self.max_in_flight = 0
        self._gate = threading.Condition()
        self.delay = delay
        self.max_text_length = max_text_length
        self.checks: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._failed_once = False
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> "FakeLanguageTool":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._restarter is not None:
            self._restarter.join()
            self._httpd.shutdown()
            self._httpd.server_close()

    _restarter: threading.Thread | None = None

    def _die(self) -> None:
        """Stop listening at once (a killed server), and listen again on the same port later if asked."""
        port = self._httpd.server_address[1]
        self._httpd.shutdown()
        self._httpd.server_close()
        if self.restart_after is not None:
            self._restarter = threading.Thread(target=self._restart, args=(port,))
            self._restarter.start()

    def _restart(self, port: int) -> None:
        time.sleep(self.restart_after)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                path = urlsplit(self.path)
                if path.path.rstrip("/") == "/v2/languages":
                    with server._lock:
                        server.languages_asked += 1
                    return self._send(200, LANGUAGES)
                if path.path.rstrip("/") == "/v2/check":
                    return self._check({k: v[0] for k, v in parse_qs(path.query).items()})
                self._send(404, "Not found", "text/plain")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                if self.path.rstrip("/") != "/v2/check":
                    return self._send(404, "Not found", "text/plain")
                if not self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
                    return self._send(400, "Error: expected a form-encoded body", "text/plain")
                self._check({k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()})

            def _check(self, form):
                if server.gate:
                    with server._gate:
                        server.in_flight += 1
                        server.max_in_flight = max(server.max_in_flight, server.in_flight)
                        server._gate_open = server._gate_open or server.in_flight >= server.gate
                        server._gate.notify_all()
                        server._gate.wait_for(lambda: server._gate_open, timeout=server.gate_timeout)
                    try:
                        reply = self._answer(form)
                    finally:
                        # Counted as finished before the reply goes out: once the client has the
                        # answer it may send its next request, which must not find this one in flight.
                        with server._gate:
                            server.in_flight -= 1
                    return self._send(*reply)
                return self._send(*self._answer(form))

            def _answer(self, form):
                """(status, payload, content type) of the reply to a /v2/check."""
                with server._lock:
                    server.checks.append(form)
                    first_failure = server.behaviour == "flaky" and not server._failed_once
                    server._failed_once = server._failed_once or first_failure
                    busy = server.behaviour == "busy" and len(server.checks) <= server.busy
                    dies = server.die_after and len(server.checks) == server.die_after + 1
                b = server.behaviour
                if dies:
                    server.deaths += 1
                    server._die()
                    return (None,)
                if busy:
                    return (503, "Error: Server overloaded, please try again later", "text/plain")
                if b == "redirect":
                    return (307, "", "text/plain", {"Location": server.redirect_to + "/v2/check"})
                if b == "slow":
                    time.sleep(server.delay)
                if b == "error" or first_failure:
                    code = 503 if first_failure else 500
                    return (code, "Error: Internal Error: java.lang.NullPointerException", "text/plain")
                if b == "garbage":
                    return (200, "<html><body>Welcome to nginx!</body></html>", "text/html")
                if b == "no-matches":
                    return (200, {"status": "ok"})
                text, language = form.get("text"), form.get("language")
                if text is None or not language:
                    return (400, "Error: Missing 'text' or 'language' parameter", "text/plain")
                if language not in {x["longCode"] for x in LANGUAGES} | {"en", "auto"}:
                    return (400, f"Error: '{language}' is not a language code known to LanguageTool.",
                            "text/plain")
                if server.max_text_length and utf16(text, len(text)) > server.max_text_length:
                    return (413, f"Error: Your text exceeds the limit of {server.max_text_length} "
                                 "characters", "text/plain")
                only = (set(filter(None, form.get("enabledRules", "").split(",")))
                        if form.get("enabledOnly") == "true" else None)
                return (200, check_response(
                    text, language, set(filter(None, form.get("disabledRules", "").split(","))),
                    set(filter(None, form.get("disabledCategories", "").split(","))), only,
                    server.text_level))

            def _send(self, code=None, payload=None, content_type="application/json", headers=None):
                if code is None:  # killed while answering: the connection ends with no reply
                    self.close_connection = True
                    return
                body = (json.dumps(payload) if content_type == "application/json" else payload).encode("utf-8")
                try:
                    if server.behaviour == "trickle":
                        return self._trickle(code, content_type, body)
                    self.send_response(code)
                    self.send_header("Content-Type", content_type + "; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def _trickle(self, code, content_type, body):
                """The whole reply, status line included, one byte every `delay` seconds."""
                head = (f"HTTP/1.0 {code} OK\r\nContent-Type: {content_type}; charset=utf-8\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n").encode("ascii")
                for i in range(len(head) + len(body)):
                    self.wfile.write((head + body)[i:i + 1])
                    self.wfile.flush()
                    time.sleep(server.delay)

        return Handler


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"
