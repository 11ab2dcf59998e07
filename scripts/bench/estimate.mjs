#!/usr/bin/env node
// Time per estimateRun call (full breakdown with assumptions) and per call of
// the small hot-path functions the Monte Carlo uses. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'core', 'dist', 'index.js');
const core = await import(dist);

function bench(name, fn, iterations) {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i); // warm-up
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < iterations; i++) sink += fn(i);
  const ms = performance.now() - t0;
  if (!Number.isFinite(sink)) throw new Error(`${name}: non-finite result`);
  console.log(`${name.padEnd(48)} ${((ms * 1000) / iterations).toFixed(3).padStart(9)} µs/call  (${iterations} calls, ${ms.toFixed(1)} ms)`);
  return ms;
}

const specs = [
  { params: 7e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 256 },
  { preset: 'llama-2-70b' },
  { flops: 1e24, region: 'us-east-1', count: 1024, restartOverhead: 0.1, embodied: true, water: true },
  // memory section with a ZeRO/TP search (does not fit as given) and LoRA
  { preset: 'gpt-3', count: 1024, memory: { zeroStage: 1, loraRank: 8 } },
];
for (const spec of specs) {
  bench(`estimateRun(${JSON.stringify(spec).slice(0, 34)}…)`, (i) => core.estimateRun({ ...spec, mfu: 0.3 + (i % 10) * 0.01 }).co2eKg, 20_000);
}

// The Monte Carlo: 10,000 samples through the plain-number functions.
const n = 10_000;
const ms = bench('hot path ×10k (hours, wall, cost, energy, CO2e)', (i) => {
  const mfu = 0.3 + (i % 100) * 0.002;
  const h = core.acceleratorHours(5.88e22, 989.4e12, mfu);
  const wall = core.wallClockHours(h, 256);
  const usd = core.costUsd(h, 2.5 + (i % 7) * 0.1, 0.1);
  const kWh = core.energyKWh({ acceleratorHours: h, watts: 490, hostOverhead: 1.1, pue: 1.1 + (i % 5) * 0.05 });
  return wall + usd + core.co2eKg(kWh, 400);
}, n);
console.log(`10,000-sample Monte Carlo through the hot-path functions: ${ms.toFixed(2)} ms total (target < 50 ms)`);
