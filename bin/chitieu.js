#!/usr/bin/env node
// Entry point of the chitieu command line; the compiled sources are built by `npm ci` (prepare).
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("chitieu: chưa biên dịch, hãy chạy `npm run build:cli` (not built: run `npm run build:cli`)\n");
  process.exit(2);
}
// A reader that stops early (`chitieu check … | head`) closes the pipe: nothing more to say, no stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
cli
  .run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTerminal: process.stderr.isTTY === true,
    stdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  })
  .then((code) => {
    process.exitCode = code;
  });
