"""A tiny rule pack written for the core tests, and helpers to run the CLI on it.

Rule ids sit under `style.test.*` and `typography.test.*`, so `select = ["style.test",
"typography.test"]` turns on exactly these rules whatever the bundled packs hold.
"""
from __future__ import annotations

HEDGE = """\
id = "style.test.hedge"
type = "existence"
severity = "warning"
message = "Hedge word: “{match}”."
description = "Vague qualifiers that weaken a sentence."
docs = "Cut the qualifier or say how much."
[params]
tokens = ["very", "quite"]
[examples]
fail = ["It was very late."]
pass = ["It was late."]
"""

UTILISE = """\
id = "style.test.utilise"
type = "substitution"
severity = "error"
message = "Use “{suggestion}” instead of “{match}”."
description = "Plain words over pompous ones."
[params]
swap = { "utilise" = "use", "utilised" = "used" }
[examples]
fail = ["They utilise it."]
pass = ["They use it."]
"""

BANG = """\
id = "typography.test.bang"
type = "existence"
severity = "info"
message = "Doubled exclamation mark."
description = "Two exclamation marks in a row."
[params]
tokens = ["!!"]
[examples]
fail = ["Wow!!"]
pass = ["Wow!"]
"""

# Off by default: runs only when named (or its prefix is) in `select`.
FORMAL = """\
id = "style.test.formal"
type = "existence"
severity = "warning"
message = "Legalese: “{match}”."
description = "Words from contracts, not news copy."
enabled = false
[params]
tokens = ["hereby"]
[examples]
fail = ["We hereby announce it."]
pass = ["We announce it."]
"""

# A substitution whose fix is offered but not safe: `edlint fix` must leave it alone.
HYPE = """\
id = "style.test.hype"
type = "substitution"
severity = "warning"
message = "Hype: “{match}”."
description = "Breathless adjectives."
[params]
swap = { "amazing" = "notable" }
safe = false
[examples]
fail = ["An amazing result."]
pass = ["A notable result."]
"""

PACK = {"style/test-hype.toml": HYPE, "style/test-hedge.toml": HEDGE, "style/test-utilise.toml": UTILISE,
        "style/test-formal.toml": FORMAL, "typography/test-bang.toml": BANG}
MY_RULES = ("style.test.hedge", "style.test.hype", "style.test.utilise", "style.test.formal", "typography.test.bang")
SELECT = 'select = ["style.test", "typography.test"]'


def write_pack(directory) -> None:
    for rel, text in PACK.items():
        p = directory / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def config_text(*lines: str, pack_path: str = "pack") -> str:
    """An edlint.toml body selecting the test pack, plus `lines`."""
    return "\n".join([SELECT, f'rule-packs = ["{pack_path}"]', *lines]) + "\n"


def edlint(*args: str, input=None):
    """Run the CLI in-process; the Result has exit_code, stdout and stderr apart."""
    from click.testing import CliRunner

    from lint.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
