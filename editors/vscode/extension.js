// A minimal client for `edlint lsp`: everything else (fixes, vocabulary, hover) is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("edlint");
  const [command, ...args] = config.get("command");
  client = new LanguageClient("edlint", "edlint", { command, args }, {
    documentSelector: ["markdown", "html", "plaintext", "json"].map((language) => ({ scheme: "file", language })),
    initializationOptions: { debounce: config.get("debounce"), languagetool: config.get("languagetool") },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
