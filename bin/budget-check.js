#!/usr/bin/env node
// budget-check: the CLI entry. The TypeScript sources are compiled to lib/ by `npm ci` (prepare script).
// The check runs in a node given the V8 settings of lib/cli/nodeFlags.js (this process relaunches itself).
require("../lib/cli/nodeFlags.js")
  .relaunchWithNodeFlags()
  .then((code) => code ?? require("../lib/cli/main.js").main(process.argv.slice(2)))
  .then((code) => { process.exitCode = code; });
