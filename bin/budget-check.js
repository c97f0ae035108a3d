#!/usr/bin/env node
// budget-check: the CLI entry. The TypeScript sources are compiled to lib/ by `npm ci` (prepare script).
require("../lib/cli/main.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
