#!/usr/bin/env node
// Sweep throughput with 1 worker and with 2 workers, measured in one run:
// the same 8 identical runs (2 layers, width 32, context 32, batch 16,
// 640 steps = 327,680 tokens each, character-level Moby Dick) trained by the real sweep runner
// (forked workers, fsynced results file) into temporary files. Prints runs per
// minute and training tokens per second for each, and their ratio.
// Note: on a shared machine the ratio also measures the other load, so the CPU
// seconds the workers used (Linux: this process's reaped children, /proc/self/stat
// cutime + cstime) are printed too: equal CPU per run with 1 and 2 workers means the
// code scales and any shortfall in the wall-clock ratio is the machine's (cores
// taken by other work), not the runner's.
// Each worker also sends per-run timing with `done` (runner.ts `run-done` event, `timing`), from which the
// serial overhead is printed: start-up per worker, set-up per run, gaps between runs, the tail, the parent's
// CPU, and steady-state CPU-s per run (a worker's runs after its first) with the core share each worker got.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSweepSpec } from '../../packages/core/dist/index.js';
import { expandSweep, runSweep } from '../../packages/core/dist/node/index.js';

// Run length: half the committed quick sweep's median run (651k tokens; its shortest is 81k). Until trainer
// version 5 the bench used 120 steps, which took ~4 CPU-s; on the WASM engine that is ~1.3 CPU-s, shorter than
// any run of a reference sweep, and the bench then measured each worker's ~1 s start-up (TF.js import, corpus,
// first-run warm-up) rather than how the runner scales. BENCH_SWEEP_STEPS overrides it.
const STEPS = Number(process.env.BENCH_SWEEP_STEPS ?? 640);

const spec = parseSweepSpec({
  name: 'bench',
  design: 'grid',
  dataset: { kind: 'moby-dick', tokenizer: 'char' },
  context: 32,
  batchSize: 16,
  seeds: [0, 1, 2, 3, 4, 5, 6, 7],
  learningRate: { rule: 'constant', value: 0.003 },
  models: { 'L2-d32': { layers: 2, dModel: 32, heads: 4 } },
  grid: { models: ['L2-d32'], tokens: [STEPS * 16 * 32] },
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

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? (a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2) : NaN;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * Where the wall time went, from the workers' per-run timing (sent with each `done`): start-up per
 * worker (fork → its first optimiser step, less a later run's set-up), per-run set-up (run message →
 * first step: data source, model, first step), training (first step → end), gaps between runs (end →
 * next run message: IPC, the parent's fsync, dispatch), and the tail (a worker idle while the other finishes).
 */
function breakdown(t0Ms, endMs, done) {
  const byWorker = new Map();
  for (const e of done) {
    const k = `${e.worker}:${e.timing.processStartMs}`;
    if (!byWorker.has(k)) byWorker.set(k, []);
    byWorker.get(k).push(e.timing);
  }
  const laterSetup = [];
  const gaps = [];
  const startups = [];
  const boots = [];
  const startupCpu = [];
  const tails = [];
  for (const ts of byWorker.values()) {
    ts.sort((a, b) => a.receivedMs - b.receivedMs);
    for (let i = 1; i < ts.length; i++) {
      laterSetup.push(ts[i].firstStepMs - ts[i].receivedMs);
      gaps.push(ts[i].receivedMs - ts[i - 1].endMs);
    }
    tails.push(endMs - ts[ts.length - 1].endMs);
  }
  const setupMs = median(laterSetup);
  for (const ts of byWorker.values()) {
    const first = ts[0];
    boots.push(first.processStartMs - t0Ms);
    // fork → first step, less what any run spends before its first step: the one-off start-up.
    startups.push(first.firstStepMs - t0Ms - (Number.isFinite(setupMs) ? setupMs : 0));
    startupCpu.push(first.cpuAtReceivedSeconds);
  }
  const cpuInRuns = done.map((e) => e.timing.cpuAtEndSeconds - e.timing.cpuAtReceivedSeconds);
  const firstRunCpu = [...byWorker.values()].map((ts) => ts[0].cpuAtEndSeconds - ts[0].cpuAtReceivedSeconds);
  const laterRunCpu = [...byWorker.values()].flatMap((ts) => ts.slice(1).map((t) => t.cpuAtEndSeconds - t.cpuAtReceivedSeconds));
  const training = done.map((e) => e.timing.endMs - e.timing.firstStepMs);
  return {
    startupSecondsPerWorker: median(startups) / 1000,
    forkToProcessStartSeconds: median(boots) / 1000,
    startupCpuBeforeFirstRunSeconds: median(startupCpu),
    setupSecondsPerRun: setupMs / 1000,
    gapSecondsPerRun: median(gaps) / 1000,
    tailSecondsIdle: sum(tails) / 1000,
    trainingSecondsPerRun: median(training) / 1000,
    workerCpuPerRun: sum(cpuInRuns) / done.length,
    firstRunCpuSeconds: median(firstRunCpu),
    laterRunCpuSeconds: median(laterRunCpu),
    workersSeen: byWorker.size,
  };
}

let measured = 0;
async function measure(workers) {
  const c0 = childCpuSeconds();
  const p0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const t0Ms = performance.timeOrigin + performance.now();
  const done = [];
  const s = await runSweep({
    runs,
    outPath: join(dir, `m${measured++}-w${workers}.jsonl`), // a fresh file each time: an old one would be resumed (every run skipped)
    workers,
    onEvent: (e) => {
      if (e.type === 'run-done' && e.timing) done.push({ worker: e.worker, timing: e.timing });
    },
  });
  const endMs = performance.timeOrigin + performance.now();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const pu = process.cpuUsage(p0);
  const parentCpuSeconds = (pu.user + pu.system) / 1e6;
  const cpuPerRun = (childCpuSeconds() - c0) / s.completed;
  if (s.completed !== runs.length) throw new Error(`bench: ${s.completed} of ${runs.length} runs trained`);
  if (s.failed.length) throw new Error(`bench: ${s.failed.length} run(s) failed: ${s.failed[0].message}`);
  const tokens = s.records.reduce((a, r) => a + r.tokens, 0);
  const backend = s.records[0]?.backend;
  return { workers, seconds, runsPerMin: (s.completed / seconds) * 60, tokensPerSecond: tokens / seconds, backend, cpuPerRun, parentCpuSeconds, load: loadavg()[0], ...breakdown(t0Ms, endMs, done) };
}

// `--repeat N` (default 1): measure 1, 2, 1, 2, … workers N times each, interleaved so that a change in
// the machine's other load hits both alike, and report the fastest of each (the least disturbed).
const ri = process.argv.indexOf('--repeat');
const repeat = ri > 0 ? Math.max(1, Number(process.argv[ri + 1]) || 1) : Number(process.env.npm_config_repeat ?? 1) || 1;
console.log(`sweep throughput: ${runs.length} runs of ${runs[0].spec.tokens} tokens (L2 d32 ctx32 b16), ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at start${repeat > 1 ? `, best of ${repeat} interleaved` : ''}`);
const all = { 1: [], 2: [] };
for (let i = 0; i < repeat; i++) for (const w of [1, 2]) all[w].push(await measure(w));
const best = (ms) => ms.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const one = best(all[1]);
const two = best(all[2]);
for (const m of [one, two]) {
  // CPU the runs' steady state does not explain: each worker's start-up (node, module loading, backend, corpus) and first-run warm-up.
  const serialCpu = (m.cpuPerRun * runs.length - m.laterRunCpuSeconds * runs.length) / m.workersSeen;
  m.serialCpuPerWorker = serialCpu;
  console.log(`  ${m.workers} worker(s): ${m.seconds.toFixed(1)} s${repeat > 1 ? ` (all: ${all[m.workers].map((x) => x.seconds.toFixed(1)).join(', ')} s)` : ''}, ${m.runsPerMin.toFixed(1)} runs/min, ${Math.round(m.tokensPerSecond)} tokens/s, ${m.cpuPerRun.toFixed(2)} CPU-s per run (backend ${m.backend}; load average ${m.load.toFixed(2)} after)`);
  console.log(`    serial overhead: start-up ${m.startupSecondsPerWorker.toFixed(2)} s wall per worker (fork → first optimiser step, less one run's set-up; fork → process start ${m.forkToProcessStartSeconds.toFixed(2)} s), ${serialCpu.toFixed(2)} CPU-s per worker not explained by steady-state runs; set-up ${(m.setupSecondsPerRun * 1000).toFixed(0)} ms per run (run message → first step); gap between runs ${(m.gapSecondsPerRun * 1000).toFixed(1)} ms (IPC + fsync + dispatch); tail idle ${m.tailSecondsIdle.toFixed(2)} worker-s; parent ${m.parentCpuSeconds.toFixed(2)} CPU-s`);
  console.log(`    per run: training ${m.trainingSecondsPerRun.toFixed(2)} s wall (median), CPU-s per run ${m.laterRunCpuSeconds.toFixed(2)} steady state (runs after a worker's first; first runs ${m.firstRunCpuSeconds.toFixed(2)}); core share ${(m.laterRunCpuSeconds / m.trainingSecondsPerRun).toFixed(2)} (steady CPU-s / training wall: 1.00 = each worker had a core to itself, less = other load took the rest)`);
}
console.log(`  CPU-s per run, 2 workers vs 1: ${(two.cpuPerRun / one.cpuPerRun).toFixed(2)}× all in; ${(two.laterRunCpuSeconds / one.laterRunCpuSeconds).toFixed(2)}× steady state (1.00 = running two at once costs nothing; above it, the cores or caches are shared with something)`);
// What the speed-up would be with the start-up taken out (wall minus each config's start-up): the part the
// runner's scheduling decides; the rest is per-worker start-up, paid once per worker in parallel.
const ex = (one.seconds - one.startupSecondsPerWorker) / (two.seconds - two.startupSecondsPerWorker);
console.log(`  2 vs 1 workers: ${(two.runsPerMin / one.runsPerMin).toFixed(2)}× runs/min, ${(two.tokensPerSecond / one.tokensPerSecond).toFixed(2)}× tokens/s; start-up excluded ${ex.toFixed(2)}× (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at end, 1/5/15 min)`);
rmSync(dir, { recursive: true, force: true });
