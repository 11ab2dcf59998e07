#!/usr/bin/env node
// Compare a retrained results file with a committed one, run by run.
//   node scripts/bench/compare-results.mjs COMMITTED.jsonl NEW.jsonl [--tolerance NATS] [--seed-spread SEEDS.jsonl]
// Runs are matched by spec key: the runKey without its "-t<trainer version>" suffix
// (the hash covers the training spec only, so the same run under another trainer
// version has the same stem). Prints one line per matched run (final validation loss
// old -> new, |d|, and |d| of the final training loss) and a summary line, in the
// format of scripts/bench/profiles/quick-rerun-v4-vs-committed.txt. Exit code 1 when
// --tolerance is given and the max |d val loss| exceeds it, so the check can fail.
// --seed-spread: a results file with two seeds per (model, budget) (moby-isoflop.jsonl); each
// run's |d| is printed beside |seed 0 - seed 1| of the same model and budget there, the run-to-run
// noise a trainer change that only reorders sums should stay within.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const tolIndex = args.indexOf('--tolerance');
const toleranceNats = tolIndex >= 0 ? Number(args.splice(tolIndex, 2)[1]) : undefined;
const spreadIndex = args.indexOf('--seed-spread');
const spreadPath = spreadIndex >= 0 ? args.splice(spreadIndex, 2)[1] : undefined;
const [committedPath, newPath] = args;
if (!committedPath || !newPath) {
  console.error('usage: compare-results.mjs COMMITTED.jsonl NEW.jsonl [--tolerance NATS]');
  process.exit(2);
}

function read(path) {
  const byStem = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // a torn last line, as the readers ignore it
    }
    const stem = record.runKey.replace(/-t\d+$/, '');
    if (!byStem.has(stem)) byStem.set(stem, record); // first line wins, as in the readers
  }
  return byStem;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The run's place in its sweep, seed left out: model and budget (isoFLOP), tokens (grid), or cap and epochs (epochs design). */
const pairKey = (r) => `${r.sweep.model}@${r.sweep.flopsBudget ?? r.sweep.tokenBudget ?? r.tokens}@${r.sweep.uniqueTokens ?? ''}`;

/** |seed 0 - seed 1| final val loss per pairKey. */
function seedSpread(path) {
  const bySeed = new Map();
  for (const r of read(path).values()) {
    const k = pairKey(r);
    if (!bySeed.has(k)) bySeed.set(k, new Map());
    bySeed.get(k).set(r.sweep.seed, r.finalValLoss);
  }
  const out = new Map();
  for (const [k, s] of bySeed) if (s.has(0) && s.has(1)) out.set(k, Math.abs(s.get(0) - s.get(1)));
  return out;
}
const spread = spreadPath ? seedSpread(spreadPath) : undefined;
let aboveSpread = 0;
let withSpread = 0;

const committed = read(committedPath);
const fresh = read(newPath);
const dVal = [];
const dTrain = [];
let unmatched = 0;
for (const [stem, n] of fresh) {
  const o = committed.get(stem);
  if (!o) {
    unmatched++;
    console.log(`${n.runKey} not in ${committedPath}`);
    continue;
  }
  const dv = Math.abs(n.finalValLoss - o.finalValLoss);
  const dt = Math.abs(n.finalTrainLoss - o.finalTrainLoss);
  dVal.push(dv);
  dTrain.push(dt);
  const s = spread?.get(pairKey(n));
  if (s !== undefined) {
    withSpread++;
    if (dv > s) aboveSpread++;
  }
  console.log(
    `${n.runKey} val ${o.finalValLoss.toFixed(6)} -> ${n.finalValLoss.toFixed(6)} (|d| ${dv.toExponential(2)})  train |d| ${dt.toExponential(2)}` +
      (s === undefined ? '' : `  seed spread ${s.toExponential(2)}${dv > s ? ' (above)' : ''}`),
  );
}
const missing = [...committed.keys()].filter((k) => !fresh.has(k));
for (const k of missing) console.log(`${k} in ${committedPath} but not rerun`);
console.log(
  `${dVal.length} runs: max |d val loss| ${Math.max(...dVal).toExponential(2)} nats, median ${median(dVal).toExponential(2)}; max |d train loss| ${Math.max(...dTrain).toExponential(2)}` +
    (unmatched ? `; ${unmatched} new run(s) unmatched` : '') +
    (missing.length ? `; ${missing.length} committed run(s) not rerun` : ''),
);
if (spread) console.log(`${aboveSpread} of ${withSpread} runs with a seed pair in ${spreadPath} differ by more than that pair`);
if (toleranceNats !== undefined) {
  const held = Math.max(...dVal) <= toleranceNats;
  console.log(`tolerance ${toleranceNats} nats: ${held ? 'held' : 'NOT held'}`);
  if (!held) process.exitCode = 1;
}
