#!/usr/bin/env node
// `npm run bench [name…]`: runs scripts/bench/<name>.mjs (all of them when no
// name is given), each in its own process so one benchmark's warm-up or memory
// does not colour another's figures. Each script prints its own figures.
// Flags (`--profile`) are passed on to each benchmark; `npm run bench train --profile`
// reaches it as npm's npm_config_profile instead, which train.mjs reads too.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const all = readdirSync(dir).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort();
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${all.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name} ==`);
  const r = spawnSync(process.execPath, [join(dir, `${name}.mjs`), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
