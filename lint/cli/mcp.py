"""`edlint mcp`: an MCP server on standard input and output, for AI writing assistants."""
from __future__ import annotations

import click


@click.command()
def mcp():
    """Serve check_text, fix_text and explain_rule to AI assistants (MCP, stdio)."""
    try:
        from ..mcp.server import serve
        import mcp.server.mcpserver  # noqa: F401  (the SDK is an optional extra)
    except ImportError as e:
        click.echo(f"edlint mcp: the MCP SDK is not installed ({e}); "
                   "install it with: pip install \"edlint[mcp]\"", err=True)
        raise SystemExit(2) from None
    serve()
