#!/usr/bin/env node
// The `scaling-lab` bin, committed so npm can link it when it installs the workspace, before
// `prepare` has built dist/ (a bin pointing straight at dist/cli/main.js is not linked on a
// fresh clone, and `npx scaling-lab` then fails with "could not determine executable to run").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(`scaling-lab: error: the CLI is not built (${fileURLToPath(entry)} is missing); run \`npm run build\` in the repository root\n`);
  process.exit(1);
}
await import(entry.href);
