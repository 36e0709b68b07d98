"""Stands in for `java -Xmx1g -cp languagetool-server.jar org.languagetool.server.HTTPServer --port N --config F`.

Installed as an executable named `java` on PATH by the local-server tests.
FAKE_JAVA_LOG: file to append "pid argv..." to (and the --config file is copied to FAKE_JAVA_LOG.config); FAKE_JAVA_MODE: "serve" (the
LanguageTool stand-in on --port), "exit" (fail at start-up), "hang" (never listen).
"""
import os
import sys
import time

sys.path.insert(0, os.environ["FAKE_JAVA_REPO"])

with open(os.environ["FAKE_JAVA_LOG"], "a") as log:
    log.write(" ".join([str(os.getpid()), *sys.argv[1:]]) + "\n")
if "--config" in sys.argv:
    with open(os.environ["FAKE_JAVA_LOG"] + ".config", "w") as copy, open(sys.argv[sys.argv.index("--config") + 1]) as f:
        copy.write(f.read())
mode = os.environ.get("FAKE_JAVA_MODE", "serve")
if mode == "exit":
    sys.exit(3)
if mode == "hang":
    time.sleep(120)
    sys.exit(0)
from tests.languagetool.fake_server import FakeLanguageTool  # noqa: E402

FakeLanguageTool(port=int(sys.argv[sys.argv.index("--port") + 1])).serve_forever()
