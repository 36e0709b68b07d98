"""`edlint mcp`: edlint's engine as tools for AI writing assistants (Model Context Protocol).

- tools: check_text, explain_rule and fix_text as plain functions over the engine (no MCP);
- server: those functions served over stdio with the official `mcp` SDK.
Only `edlint mcp` imports the SDK (an optional extra: `pip install "edlint[mcp]"`).
"""
