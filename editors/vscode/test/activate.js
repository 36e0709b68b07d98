// Runs extension.js's activate() with stand-ins for VS Code and vscode-languageclient, and prints
// (JSON) what VS Code would start: the server command and the language client's options.
// node test/activate.js '{"debounce": 0}'   (settings as a user would set them; others default)
const Module = require("module");
const manifest = require("../package.json");

const settings = JSON.parse(process.argv[2] || "{}");
const defaults = {};
for (const [key, spec] of Object.entries(manifest.contributes.configuration.properties)) {
  defaults[key.replace(/^edlint\./, "")] = spec.default;
}
const started = [];
const subscriptions = [];

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
  }
  start() { started.push(this); return Promise.resolve(); }
  stop() { return Promise.resolve(); }
  dispose() {}
}

const vscode = {
  workspace: {
    getConfiguration(section) {
      if (section !== "edlint") throw new Error(`unexpected configuration section ${section}`);
      return { get: (key) => (key in settings ? settings[key] : defaults[key]) };
    },
  },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, parent, isMain);
};

const extension = require("../extension.js");
Promise.resolve(extension.activate({ subscriptions })).then(() => {
  const [client] = started;
  process.stdout.write(JSON.stringify({
    started: started.length,
    subscribed: subscriptions.includes(client),
    id: client.id,
    serverOptions: client.serverOptions,
    documentSelector: client.clientOptions.documentSelector,
    initializationOptions: client.clientOptions.initializationOptions,
  }) + "\n");
});
