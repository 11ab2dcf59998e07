#!/usr/bin/env node
// The main job's training budget in CPU-seconds: for each model shape of a sweep
// spec (default sweeps/quick.json), a short timed run measures CPU-seconds per
// token (process.cpuUsage, user + system, after an untimed warm-up run), then each
// planned run's tokens × its shape's rate gives the sweep's CPU-seconds, per budget
// and in all, and the wall time on W cores with W workers if nothing else ran.
// CPU-seconds are much less sensitive to a busy machine than wall time, but a
// loaded machine still inflates them (shared caches): read the total as an upper
// bound for quiet cores. Env: BENCH_SPEC (spec path), BENCH_STEPS (timed steps, default 60), BENCH_CORES (default 2).
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { expandSweep, loadSweepSpec, trainRun } from '../../packages/core/dist/node/index.js';

const specPath = resolve(process.env.BENCH_SPEC ?? 'sweeps/quick.json');
const steps = Number(process.env.BENCH_STEPS ?? 60);
const cores = Number(process.env.BENCH_CORES ?? 2);
const spec = loadSweepSpec(specPath);
const runs = expandSweep(spec, specPath);
console.log(`${specPath}: ${runs.length} runs; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const rate = new Map();
for (const name of [...new Set(runs.map((r) => r.sweep.model))]) {
  const base = runs.find((r) => r.sweep.model === name).spec;
  const tokens = steps * base.batchSize * base.model.context;
  await trainRun({ ...base, tokens: 10 * base.batchSize * base.model.context }, { backend: 'wasm' });
  const c0 = process.cpuUsage();
  const r = await trainRun({ ...base, tokens }, { backend: 'wasm' });
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  rate.set(name, r.tokens / cpu);
  console.log(`  ${name.padEnd(8)} N=${String(r.paramsNonEmbedding).padStart(6)}  ${(r.tokens / cpu).toFixed(0).padStart(6)} tokens per CPU-second (${r.tokens} tokens, final eval included)`);
}
const byBudget = new Map();
let total = 0;
for (const r of runs) {
  const s = r.spec.tokens / rate.get(r.sweep.model);
  total += s;
  const k = r.sweep.flopsBudget ?? r.sweep.tokenBudget;
  byBudget.set(k, (byBudget.get(k) ?? 0) + s);
}
for (const [k, s] of [...byBudget].sort((a, b) => a[0] - b[0])) console.log(`  budget ${k.toExponential(0)}: ${s.toFixed(0)} CPU-s`);
console.log(`training: ${total.toFixed(0)} CPU-seconds; on ${cores} quiet cores with ${cores} workers ≈ ${(total / cores).toFixed(0)} s (${(total / cores / 60).toFixed(1)} min), not counting the fits; load average now ${loadavg()[0].toFixed(1)}`);
