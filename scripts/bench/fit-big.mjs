#!/usr/bin/env node
// `npm run bench fit-big` (issue #10): `scaling-lab fit` on a 50 MB CSV of 1.71M rows, generated in a
// temp dir, through the built CLI in a child process. Three inputs:
//   repeated  — 1.71M rows over 400 distinct (N, D) runs (seeds / re-logged rows): streamed, merged to
//               400 points, fitted;
//   distinct  — 1.71M distinct (N, D) rows: streamed, then refused past the documented limit
//               (fit/aggregate.ts MAX_FIT_POINTS) with the advice;
//   binned    — the distinct file with --bin 0.05: averaged in 0.05-decade cells, fitted.
// Prints rows/s (rows ÷ wall time, all of parse + merge + fit), wall time and the child's peak RSS
// (process.resourceUsage().maxRSS, read by a wrapper at exit), with the load average.
// Env: FIT_BIG_ROWS (default 1,710,000).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages/core/dist/cli/main.js');
const rowsWanted = Number(process.env.FIT_BIG_ROWS ?? 1_710_000);
const dir = mkdtempSync(join(tmpdir(), 'fit-big-'));

// Deterministic generator (mulberry32), so every run writes the same files.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const law = (n, d) => 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28; // Hoffmann et al. 2022 eq. 10

async function write(file, row) {
  const out = createWriteStream(file);
  out.write('params,tokens,loss\n');
  let buf = '';
  for (let i = 0; i < rowsWanted; i++) {
    buf += row(i);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise((r) => out.on('finish', r));
}

const r1 = rng(1);
const runs = Array.from({ length: 400 }, (_, k) => ({ n: Math.round(10 ** (7 + 2 * ((k % 20) / 19))), d: Math.round(10 ** (9.5 + 1.5 * (Math.floor(k / 20) / 19))) }));
const repeated = join(dir, 'repeated.csv');
await write(repeated, (i) => {
  const r = runs[i % runs.length];
  return `${r.n},${r.d},${(law(r.n, r.d) * Math.exp(0.01 * (r1() - 0.5))).toFixed(6)}\n`;
});
const r2 = rng(2);
const distinct = join(dir, 'distinct.csv');
await write(distinct, () => {
  const n = Math.round(10 ** (7 + 2 * r2()));
  const d = Math.round(10 ** (9.5 + 1.5 * r2()));
  return `${n},${d},${(law(n, d) * Math.exp(0.01 * (r2() - 0.5))).toFixed(6)}\n`;
});

// The wrapper runs the CLI in this process and writes its peak RSS at exit.
const wrapper = join(dir, 'rss.mjs');
const rssFile = join(dir, 'rss.txt');
writeFileSync(wrapper, `import fs from 'node:fs';\nprocess.on('exit', () => fs.writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\nprocess.argv.splice(1, 1);\nawait import(${JSON.stringify(pathToFileURL(cli).href)});\n`);

function run(label, file, extra) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [wrapper, 'x', 'fit', file, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  const mb = statSync(file).size / 1e6;
  const first = (r.stdout.split('\n').find((l) => /^(Input|Approach|L\(N, D\)|Fitted)/.test(l)) ?? '').slice(0, 160);
  console.log(`${label.padEnd(9)} ${mb.toFixed(1)} MB, ${rowsWanted.toLocaleString('en-US')} rows: exit ${r.status}, wall ${wall.toFixed(1)} s, ${Math.round(rowsWanted / wall).toLocaleString('en-US')} rows/s, peak RSS ${rssMB.toFixed(0)} MB`);
  console.log(`          ${r.status === 0 ? first : r.stderr.trim().slice(0, 300)}`);
}

console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (node ${process.version})`);
run('repeated', repeated, []);
run('distinct', distinct, []);
run('binned', distinct, ['--bin', '0.05']);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
rmSync(dir, { recursive: true, force: true });
