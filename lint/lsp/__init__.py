"""`edlint lsp`: a language server on pygls, speaking to any LSP client.

Modules, one job each:
- positions: character offsets <-> LSP positions in the negotiated encoding;
- checking: one buffer checked with the configuration the CLI would use for its path;
- vocabulary_edit: the quick fixes that write to the project's configuration;
- actions: code actions and the commands behind them, from findings;
- server: the pygls server (document sync, debounced checks, features).
Nothing here is imported by `edlint check`: the CLI's cold start does not pay for pygls.
"""
