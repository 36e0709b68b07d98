"""Why edlint keeps its own LanguageTool client: language-tool-python measured, not assumed.

    .venv/bin/python bench/languagetool_ltp.py --url http://127.0.0.1:PORT   # a real server (6.7)

Three checks, each run through `language_tool_python.LanguageTool(remote_server=URL)` and
through edlint's `lint.languagetool.client.Client`:

    description   LanguageTool's rule description and category name (SARIF's rule
                  metadata and `edlint explain` need them): kept or dropped?
    emoji span    a match whose span holds an emoji (LanguageTool counts UTF-16 units):
                  is the Python span exactly the flagged text?
    deadline      a server that trickles its answer one byte every 0.5 s (the test
                  suite's stand-in, on 127.0.0.1): how long until the caller gets control back,
                  with edlint's timeout at 3 s? (language-tool-python is given up to --wait s.)
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# LanguageTool 6.7 flags this whole sentence (TOO_LONG_SENTENCE, picky), emoji included.
LONG = ("The committee which met on Tuesday evening in the old town hall 😀 after a long delay caused by the "
        "storm that had closed the roads and the bridge for most of the afternoon decided after a long and "
        "heated debate that lasted well into the night to approve the new budget for the park and the "
        "library and the school.")
TWO = LONG + " Then they left."  # a second sentence after it, so a span one too long shows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True)
    ap.add_argument("--wait", type=float, default=60.0)
    args = ap.parse_args()

    import language_tool_python

    from lint.languagetool.batching import Utf16Index
    from lint.languagetool.client import Client, ServerFailure

    url = args.url.rstrip("/").removesuffix("/v2")
    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    ours = Client(url, timeout=60)

    text = "The council approved a increase in the budget."
    [ltp_match] = [m for m in tool.check(text) if m.rule_id == "EN_A_VS_AN"]
    [raw] = [m for m in ours.check(text, {"language": "en-US"}) if m["rule"]["id"] == "EN_A_VS_AN"]
    print(f"LanguageTool {ours.version()} at {url}")
    print("description:  LanguageTool sent rule.description "
          f"{raw['rule'].get('description')!r}, category name {raw['rule']['category'].get('name')!r}")
    print(f"              language-tool-python's Match keeps: description "
          f"{getattr(ltp_match, 'description', None)!r}, category {ltp_match.category!r} (id only)")

    tool.picky = True
    [ltp_long] = [m for m in tool.check(TWO) if m.rule_id == "TOO_LONG_SENTENCE"]
    [raw_long] = [m for m in ours.check(TWO, {"language": "en-US", "level": "picky"})
                  if m["rule"]["id"] == "TOO_LONG_SENTENCE"]
    index = Utf16Index(TWO)
    a, b = index.to_index(raw_long["offset"]), index.to_index(raw_long["offset"] + raw_long["length"])
    ltp_span = TWO[ltp_long.offset:ltp_long.offset + ltp_long.error_length]
    print(f"emoji span:   LanguageTool: offset {raw_long['offset']}, length {raw_long['length']} UTF-16 units "
          f"over a {len(LONG)}-character sentence holding one emoji")
    print(f"              edlint: [{a}, {b}) = {b - a} characters, exactly the sentence: {TWO[a:b] == LONG}")
    print(f"              language-tool-python: offset {ltp_long.offset}, length {ltp_long.error_length}: "
          f"{ltp_long.error_length - (b - a):+d} character past the sentence: it ends {ltp_span[-6:]!r}")
    tool.close()
    ours.close()

    from tests.languagetool.fake_server import FakeLanguageTool

    with FakeLanguageTool("trickle", delay=0.5) as slow:
        client = Client(slow.url, timeout=3.0, retries=0)
        t0 = time.monotonic()
        try:
            client.check(text, {"language": "en-US"})
            outcome = "answered"
        except ServerFailure as e:
            outcome = str(e)
        print(f"deadline:     edlint (timeout 3 s): control back after {time.monotonic() - t0:.1f} s: {outcome}")
        client.close()
        done = threading.Event()
        result: list[str] = []

        def ltp_call():
            try:
                t = language_tool_python.LanguageTool("en-US", remote_server=slow.url)
                t.check(text)
                result.append("answered")
            except Exception as e:  # whatever it raises, we only time it
                result.append(f"{type(e).__name__}")
            done.set()

        t0 = time.monotonic()
        threading.Thread(target=ltp_call, daemon=True).start()
        finished = done.wait(args.wait)
        took = time.monotonic() - t0
        print(f"              language-tool-python (its timeout: {language_tool_python.LanguageTool._TIMEOUT} s "
              f"per read): " + (f"control back after {took:.1f} s: {result[0]}" if finished else
                               f"still waiting after {took:.0f} s (given up by this script)"))


if __name__ == "__main__":
    main()
