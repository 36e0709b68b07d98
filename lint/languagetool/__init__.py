"""LanguageTool as edlint's `grammar` category.

One job per module:
  settings  the `[languagetool]` config table, validated once
  prose     what LanguageTool sees of a document, and the way back to source offsets
  batching  documents packed into requests within the server's size limit
  client    the HTTP conversation (/v2/check, /v2/languages) with edlint's own timeouts
  local     a LanguageTool installed on this machine, started and always stopped by edlint
  findings  LanguageTool matches turned into `grammar.*` findings
  merge     one finding per problem when edlint's spelling/typography rules also flag it
  service   the run: choose the server, send the requests, collect findings and notices

Nothing here downloads anything: `edlint languagetool download` is the only way to do that.
"""
