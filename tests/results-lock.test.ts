// The results file's lock is atomic (node/sweep/lock.ts): of many processes opening
// one results file at the same instant, exactly one holds it — also when they race to
// take over a stale lock left by a killed sweep (issue #11 measured 2+ holders before).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './sweep-helpers.js';

const N = 8;
const script = `
import { openResults } from ${JSON.stringify(join(root, 'packages/core/dist/node/sweep/results-file.js'))};
const [path, at] = process.argv.slice(1); // with -e, argv is [node, ...args]
while (Date.now() < Number(at)) {} // start together
let got = false;
try {
  const w = openResults(path);
  got = true;
  // Hold until the test says so (after every other process has tried), however late any of them started.
  while (!existsSync(path + '.release')) await new Promise((r) => setTimeout(r, 20));
  w.close();
} catch (e) { if (!/being written by another sweep/.test(e.message)) { console.log('ERR ' + e.message); process.exit(3); } }
console.log(got ? 'HELD' : 'REFUSED');
`.replace('import {', "import { existsSync } from 'node:fs';\nimport {");

async function race(path: string): Promise<string[]> {
  const at = Date.now() + 1500;
  let exited = 0;
  const runs = Array.from({ length: N }, () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, path, String(at)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    return new Promise<string>((resolve) => child.on('close', () => (exited++, resolve(out.trim()))));
  });
  // The holder(s) wait for the release file; the others exit. Release when only one is left (or after 60 s, if two held).
  const t0 = Date.now();
  while (exited < N - 1 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
  writeFileSync(`${path}.release`, '');
  return Promise.all(runs);
}

describe('results file lock', () => {
  it(`${N} processes opening one results file at once: exactly one holds it`, async () => {
    for (let trial = 0; trial < 3; trial++) {
      const path = join(mkdtempSync(join(tmpdir(), 'lock-race-')), 'r.jsonl');
      const outs = await race(path);
      expect(outs.filter((o) => o === 'HELD'), outs.join(' | ')).toHaveLength(1);
      expect(outs.filter((o) => o === 'REFUSED')).toHaveLength(N - 1);
    }
  });

  it(`${N} processes taking over a stale lock (its pid is dead, or it is empty as older versions left it) at once: exactly one holds it`, async () => {
    for (const stale of ['999999999\n', '']) {
      const path = join(mkdtempSync(join(tmpdir(), 'lock-stale-')), 'r.jsonl');
      writeFileSync(`${path}.lock`, stale);
      const outs = await race(path);
      expect(outs.filter((o) => o === 'HELD'), outs.join(' | ')).toHaveLength(1);
    }
  });
});
