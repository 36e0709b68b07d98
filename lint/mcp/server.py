"""`edlint mcp`: the tools of lint.mcp.tools served over stdio with the official MCP SDK."""
from __future__ import annotations

from typing import Any

from .tools import ToolError, Tools

INSTRUCTIONS = (
    "edlint is an editorial linter for news articles: spelling, leftover boilerplate, readability, "
    "grammar and typography. check_text lists findings (1-based line and column, counted in characters), "
    "fix_text applies only the fixes edlint marks safe, explain_rule documents a rule id a finding names.")


def build_server(tools: Tools | None = None):
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError as SdkToolError

    from .. import __version__

    tools = tools or Tools()
    server = MCPServer("edlint", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")

    def call(fn, *args):
        try:
            return fn(*args)
        except ToolError as e:  # the assistant sees the reason, as a tool error
            raise SdkToolError(str(e)) from None

    @server.tool()
    def check_text(text: str, format: str = "markdown", path: str | None = None) -> dict[str, Any]:
        """Check a text with edlint, as `edlint check` would check a file.

        format: one of markdown, html, text, json. path: where the text would live (its
        edlint.toml or pyproject.toml applies); default, the server's working directory.
        Returns the findings (rule, severity, message, line, column, end_line, end_column,
        suggestions, the covered text, and a fix when the rule has one), a count per severity,
        and readability metrics."""
        return call(tools.check_text, text, format, path)

    @server.tool()
    def fix_text(text: str, format: str = "markdown", path: str | None = None) -> dict[str, Any]:
        """Apply the fixes edlint marks safe (as `edlint fix`) and return the fixed text, the
        number of fixes applied and the findings that remain. Nothing else in the text changes."""
        return call(tools.fix_text, text, format, path)

    @server.tool()
    def explain_rule(rule: str) -> str:
        """The documentation of an edlint rule (as `edlint explain RULE`), with examples of what
        it flags and what it leaves alone. `rule` is the id a finding names, e.g. spelling.misspelling."""
        return call(tools.explain_rule, rule)

    return server


def serve() -> None:
    build_server().run("stdio")
