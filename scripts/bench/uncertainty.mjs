#!/usr/bin/env node
// Uncertainty benchmarks. Prints figures; asserts nothing.
// 1. A 10,000-sample Monte Carlo of a full run estimate (every input a default range:
//    MFU, power fraction, host overhead, PUE, price across providers, grid across years),
//    timed for the Monte Carlo alone and with the tornado sensitivity and the point
//    estimate that resolves the run (target: < 50 ms for the Monte Carlo in Node).
// 2. Carrying a 1,000-sample bootstrap of a Chinchilla law through a projection
//    (target loss → computeForLoss per sample → run estimate), 10,000 Monte Carlo samples
//    and 1,000 (one per bootstrap row). The bootstrap rows come from the fitting module's
//    bootstrapChinchilla on the Chinchilla points when it is built, else from a synthetic
//    spread around the Besiroglu et al. 2024 law (timing does not depend on where rows come from).
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'core', 'dist', 'index.js');
const core = await import(dist);

function time(fn, repeats) {
  fn(); fn(); // warm-up (JIT)
  const ms = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1], repeats };
}
const fmt = (t) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)}, ${t.repeats} runs)`;

// 1. Full run estimate.
const spec = { params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 2048, region: 'gcp:us-central1' };
const resolved = core.resolveRunInputs(spec);
const model = core.runModel(resolved.plan);
console.log(`run: 70B params × 1.4T tokens on 2048 H100, gcp:us-central1; uncertain inputs: ${resolved.assumptions.filter((a) => a.distribution.kind !== 'point').map((a) => a.name).join(', ')}`);
const mc = time((i) => core.monteCarlo({ inputs: resolved.inputs, bounds: core.INPUT_BOUNDS, model, samples: 10_000, seed: i ?? 0 }), 15);
console.log(`10,000-sample Monte Carlo of a full run estimate:          ${fmt(mc)}  (target < 50 ms)`);
const full = time((i) => core.estimateRunUncertain({ ...spec, samples: 10_000, seed: i ?? 0 }), 10);
console.log(`  … with point estimate, input resolution and sensitivity: ${fmt(full)}`);
const big = time((i) => core.monteCarlo({ inputs: resolved.inputs, bounds: core.INPUT_BOUNDS, model, samples: 100_000, seed: i ?? 0 }), 3);
console.log(`100,000-sample Monte Carlo of the same:                    ${fmt(big)}`);

// 2. Bootstrap carried through a projection.
const getPublishedLaw = core.getPublishedLaw;
let central = getPublishedLaw('besiroglu2024').law;
let rows;
let rowsFrom;
if (typeof core.bootstrapChinchilla === 'function' && typeof core.chinchillaPoints === 'function') {
  const t0 = performance.now();
  try {
    const boot = core.bootstrapChinchilla(core.chinchillaPoints(), { samples: 1000, seed: 1 });
    rows = core.lawSampleRows(boot.params);
    central = boot.fit.law;
    rowsFrom = `bootstrapChinchilla on the Chinchilla points (${(performance.now() - t0).toFixed(0)} ms to fit and bootstrap, not counted below)`;
  } catch (err) {
    rowsFrom = `synthetic (bootstrapChinchilla failed: ${err.message})`;
  }
}
if (!rows) {
  const rng = core.createRng(1);
  rows = Array.from({ length: 1000 }, () => ({
    E: central.E + 0.02 * rng.normal(),
    A: central.A * Math.exp(0.3 * rng.normal()),
    B: central.B * Math.exp(0.3 * rng.normal()),
    alpha: central.alpha + 0.02 * rng.normal(),
    beta: central.beta + 0.02 * rng.normal(),
  }));
  rowsFrom ??= 'synthetic spread around besiroglu2024 (bootstrapChinchilla not built)';
}
console.log(`bootstrap rows: ${rows.length}, ${rowsFrom}`);
const proj = { law: central, lawSamples: rows, targetLoss: 2.0, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, region: 'gcp:us-central1' };
const p10k = time((i) => core.projectUncertain({ ...proj, samples: 10_000, seed: i ?? 0 }), 5);
console.log(`1,000-sample bootstrap through a projection, 10,000 MC samples (with sensitivity): ${fmt(p10k)}`);
const p1k = time((i) => core.projectUncertain({ ...proj, samples: 1_000, seed: i ?? 0 }), 10);
console.log(`1,000-sample bootstrap through a projection, 1,000 MC samples (with sensitivity):  ${fmt(p1k)}`);
const r = core.projectUncertain({ ...proj, samples: 10_000, seed: 1 });
const o = r.monteCarlo.outputs;
console.log(`  (result: compute to reach loss 2.0 = ${core.formatFlops(o.flops.median)} [${core.formatFlops(o.flops.low)} – ${core.formatFlops(o.flops.high)}], cost ${core.formatUsd(o.costUsd.median)} [${core.formatUsd(o.costUsd.low)} – ${core.formatUsd(o.costUsd.high)}], unreachable ${(r.unreachableFraction * 100).toFixed(1)}%)`);
