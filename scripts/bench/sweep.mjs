#!/usr/bin/env node
// Sweep throughput with 1 worker and with 2 workers, measured in one run:
// the same 8 identical runs (2 layers, width 32, context 32, batch 16,
// 120 steps each, character-level Moby Dick) trained by the real sweep runner
// (forked workers, fsynced results file) into temporary files. Prints runs per
// minute and training tokens per second for each, and their ratio.
// Note: on a shared machine the ratio also measures the other load, so the CPU
// seconds the workers used (Linux: this process's reaped children, /proc/self/stat
// cutime + cstime) are printed too: equal CPU per run with 1 and 2 workers means the
// code scales and any shortfall in the wall-clock ratio is the machine's (cores
// taken by other work), not the runner's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSweepSpec } from '../../packages/core/dist/index.js';
import { expandSweep, runSweep } from '../../packages/core/dist/node/index.js';

const spec = parseSweepSpec({
  name: 'bench',
  design: 'grid',
  dataset: { kind: 'moby-dick', tokenizer: 'char' },
  context: 32,
  batchSize: 16,
  seeds: [0, 1, 2, 3, 4, 5, 6, 7],
  learningRate: { rule: 'constant', value: 0.003 },
  models: { 'L2-d32': { layers: 2, dModel: 32, heads: 4 } },
  grid: { models: ['L2-d32'], tokens: [120 * 16 * 32] },
});
const runs = expandSweep(spec);
const dir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));

/** CPU seconds of this process's finished children (the sweep workers), or NaN off Linux. */
function childCpuSeconds() {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function measure(workers) {
  const c0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const s = await runSweep({ runs, outPath: join(dir, `w${workers}.jsonl`), workers });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuPerRun = (childCpuSeconds() - c0) / s.completed;
  if (s.failed.length) throw new Error(`bench: ${s.failed.length} run(s) failed: ${s.failed[0].message}`);
  const tokens = s.records.reduce((a, r) => a + r.tokens, 0);
  const backend = s.records[0]?.backend;
  return { workers, seconds, runsPerMin: (s.completed / seconds) * 60, tokensPerSecond: tokens / seconds, backend, cpuPerRun, load: loadavg()[0] };
}

console.log(`sweep throughput: ${runs.length} runs of ${runs[0].spec.tokens} tokens (L2 d32 ctx32 b16), ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at start`);
const one = await measure(1);
const two = await measure(2);
for (const m of [one, two]) {
  console.log(`  ${m.workers} worker(s): ${m.seconds.toFixed(1)} s, ${m.runsPerMin.toFixed(1)} runs/min, ${Math.round(m.tokensPerSecond)} tokens/s, ${m.cpuPerRun.toFixed(2)} CPU-s per run (backend ${m.backend}; load average ${m.load.toFixed(2)} after)`);
}
console.log(`  CPU-s per run, 2 workers vs 1: ${(two.cpuPerRun / one.cpuPerRun).toFixed(2)}× (1.00 = no overhead from running two at once; the wall-clock speed-up can reach 2/that when both cores are free)`);
console.log(`  2 vs 1 workers: ${(two.runsPerMin / one.runsPerMin).toFixed(2)}× runs/min, ${(two.tokensPerSecond / one.tokensPerSecond).toFixed(2)}× tokens/s (load average ${loadavg()[0].toFixed(2)} at end)`);
rmSync(dir, { recursive: true, force: true });
