"""Stands in for `java -cp languagetool-server.jar org.languagetool.server.HTTPServer --port N`.

Installed as an executable named `java` on PATH by the local-server tests.
FAKE_JAVA_LOG: file to append "pid argv..." to; FAKE_JAVA_MODE: "serve" (the
LanguageTool stand-in on --port), "exit" (fail at start-up), "hang" (never listen).
"""
import os
import sys
import time

sys.path.insert(0, os.environ["FAKE_JAVA_REPO"])

with open(os.environ["FAKE_JAVA_LOG"], "a") as log:
    log.write(" ".join([str(os.getpid()), *sys.argv[1:]]) + "\n")
mode = os.environ.get("FAKE_JAVA_MODE", "serve")
if mode == "exit":
    sys.exit(3)
if mode == "hang":
    time.sleep(120)
    sys.exit(0)
from tests.languagetool.fake_server import FakeLanguageTool  # noqa: E402

FakeLanguageTool(port=int(sys.argv[sys.argv.index("--port") + 1])).serve_forever()
