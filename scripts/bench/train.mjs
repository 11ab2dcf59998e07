#!/usr/bin/env node
// Trainer benchmark, for two shapes: the reference model (2 layers, width 128,
// 4 heads, context 64, batch 32) and a sweep-sized one (1 layer, width 16, 2 heads,
// context 32, batch 8), on character-level Moby Dick. For each shape, in the same
// run: the WASM trainer as training runs it (the hand-written engine,
// src/train/engine/), the same model through tfjs autodiff with the customGrad
// kernels (and for the reference also naive autodiff) and, when Debian's python3
// has torch, the same model in PyTorch on one CPU thread; then `ratio
// pytorch/wasm per CPU-second: X` for the engine (PyTorch's CPU seconds per step
// over WASM's: 0.5 means WASM takes twice PyTorch's CPU time).
// The machine is shared, so CPU seconds (process.cpuUsage / time.process_time),
// not wall-clock, are the figure to compare; the load average is printed beside.
//   --profile (or `npm run bench train --profile`): a per-kernel profile of one
//     training step for both shapes (time and count per kernel), instead of timings.
//   BENCH_STEPS: timed steps for the reference model (default 6; ×5 for the sweep-sized).
//   BENCH_WARM: untimed steps first, the same for every variant and for PyTorch (default 8: on the
//     engine the first ~8 reference steps are up to 30 % slower while V8 tiers its WebAssembly up and
//     the heap settles, and a training run is thousands of steps).
//   BENCH_CPU=1: also time the pure-JS cpu backend (~15 s per reference step).
//   BENCH_SHAPES=reference or sweep: only that shape; BENCH_NAIVE=0: skip the naive-autodiff timing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { AdamW, createTransformer, flopsPerToken, countParams, textSource } from '../../packages/core/dist/train/index.js';
import { mobyDickTokens, selectBackend } from '../../packages/core/dist/node/index.js';
import { printProfile, profileEngineStep, profileStep } from './lib/profile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SHAPES = [
  { label: 'reference L2 d128 h4 T64 B32', shape: { layers: 2, dModel: 128, heads: 4, context: 64 }, batch: 32, steps: Number(process.env.BENCH_STEPS ?? 6), naive: true },
  { label: 'sweep-sized L1 d16 h2 T32 B8', shape: { layers: 1, dModel: 16, heads: 2, context: 32 }, batch: 8, steps: 5 * Number(process.env.BENCH_STEPS ?? 6), naive: false },
];
const only = process.env.BENCH_SHAPES;
if (only) SHAPES.splice(0, SHAPES.length, ...SHAPES.filter((s) => s.label.startsWith(only)));
if (process.env.BENCH_NAIVE === '0') for (const s of SHAPES) s.naive = false;
const profile = process.argv.includes('--profile') || process.env.npm_config_profile === 'true';
const { tokens, tokenizer } = mobyDickTokens('char');
const vocab = tokenizer.vocab;
const WARM = Number(process.env.BENCH_WARM ?? 8);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/**
 * Median wall seconds and mean CPU seconds per optimiser step (batch → forward →
 * loss → backprop → AdamW), after `warm` untimed steps.
 */
async function stepSeconds(variant, steps, warm, sh, batch) {
  const model = createTransformer(sh, vocab, { seed: 1, matmul: variant === 'naive' ? 'naive' : 'fast', engine: variant === 'engine' ? 'auto' : 'tfjs' });
  if (variant === 'engine' && model.stepEngine !== 'wasm-engine') throw new Error(`bench: the engine did not load on ${tf.getBackend()}`);
  const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
  const src = textSource(tokens, vocab, 1);
  const one = async () => {
    const b = src.trainBatch(batch, sh.context);
    const x = tf.tensor2d(b.x, [batch, sh.context], 'int32');
    const y = tf.tensor2d(b.y, [batch, sh.context], 'int32');
    const { value, grads } = model.valueAndGrads(x, y, { training: true });
    await value.data();
    opt.step(grads, 1e-3);
    tf.dispose([x, y, value, ...Object.values(grads)]);
  };
  for (let i = 0; i < warm; i++) await one();
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    await one();
    times.push((performance.now() - t0) / 1000);
  }
  const cpu = process.cpuUsage(cpu0);
  opt.dispose();
  model.dispose();
  times.sort((a, b) => a - b);
  return { wall: times[Math.floor(times.length / 2)], cpu: (cpu.user + cpu.system) / 1e6 / steps };
}

function report(label, { wall, cpu }, tokensPerStep, flopsPerTok, n6) {
  const tps = tokensPerStep / wall;
  console.log(
    `  ${label.padEnd(28)} ${(wall * 1000).toFixed(1).padStart(7)} ms/step  ${tps.toFixed(0).padStart(6)} tokens/s  ` +
      `${((tps * flopsPerTok) / 1e9).toFixed(2)} GFLOP/s counted (${((tps * n6) / 1e9).toFixed(2)} by 6N)` +
      `  | per CPU-second: ${(tokensPerStep / cpu).toFixed(0)} tokens, ${((tokensPerStep * flopsPerTok) / cpu / 1e9).toFixed(2)} GFLOP (${(cpu * 1000).toFixed(1)} ms CPU/step)`,
  );
}

const py = '/usr/bin/python3';
const hasTorch = existsSync(py) && spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
/** PyTorch on one CPU thread (OPENBLAS_CORETYPE unset), same shape; null when unavailable. */
function torchSeconds(sh, batch, steps) {
  if (!hasTorch) return null;
  const env = { ...process.env, OMP_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  const args = [join(here, 'train_torch.py'), '--vocab', String(vocab), '--layers', String(sh.layers), '--d', String(sh.dModel), '--heads', String(sh.heads), '--context', String(sh.context), '--batch', String(batch), '--steps', String(steps), '--warm', String(WARM)];
  const r = spawnSync(py, args, { env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  pytorch: failed (${(r.stderr || '').trim().split('\n').pop()})`);
    return null;
  }
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  return { wall: out.secondsPerStep, cpu: out.cpuSecondsPerStep, version: out.torch };
}

await selectBackend('wasm');
console.log(`load average ${load()} on ${cpus().length} cores (wall-clock figures shrink when the machine is busy; per-CPU-second figures much less)`);
if (profile) {
  for (const s of SHAPES) {
    printProfile(`${s.label} (wasm engine)`, await profileEngineStep({ shape: s.shape, batch: s.batch, vocab, tokens }));
    printProfile(`${s.label} (wasm, tfjs customGrad)`, await profileStep({ shape: s.shape, batch: s.batch, vocab, tokens }));
  }
  console.log(`\nload average ${load()} at end`);
  process.exit(0);
}
if (!hasTorch) console.log('pytorch: /usr/bin/python3 has no torch (apt-get install python3-torch), skipped');
for (const s of SHAPES) {
  const { shape, batch } = s;
  const fpt = flopsPerToken(shape, vocab).training;
  const n = countParams(shape, vocab);
  const tps = batch * shape.context;
  console.log(`\n${s.label}, vocab ${vocab}: params non-embedding ${n.nonEmbedding}, total ${n.total}; counted training FLOPs/token ${fpt} (6N = ${6 * n.nonEmbedding})`);
  const engine = await stepSeconds('engine', s.steps, WARM, shape, batch);
  report('wasm engine', engine, tps, fpt, 6 * n.nonEmbedding);
  const fast = await stepSeconds('fast', s.steps, WARM, shape, batch);
  report('wasm tfjs customGrad', fast, tps, fpt, 6 * n.nonEmbedding);
  console.log(`  wasm engine / tfjs customGrad speed ratio: ${(fast.wall / engine.wall).toFixed(2)}× wall-clock, ${(fast.cpu / engine.cpu).toFixed(2)}× per CPU-second`);
  if (s.naive) {
    const naive = await stepSeconds('naive', Math.max(3, Math.round(s.steps / 2)), 1, shape, batch);
    report('wasm naive autodiff', naive, tps, fpt, 6 * n.nonEmbedding);
    console.log(`  wasm customGrad / naive speed ratio: ${(naive.wall / fast.wall).toFixed(2)}× wall-clock, ${(naive.cpu / fast.cpu).toFixed(2)}× per CPU-second`);
  }
  const torch = torchSeconds(shape, batch, s.steps * 3);
  if (torch) {
    report(`pytorch ${torch.version} 1 thread`, torch, tps, fpt, 6 * n.nonEmbedding);
    console.log(`  ratio pytorch/wasm per CPU-second: ${(torch.cpu / engine.cpu).toFixed(2)} (wall-clock ${(torch.wall / engine.wall).toFixed(2)}; wasm engine; goal ≥ 0.5; load average ${load()})`);
  }
}

if (process.env.BENCH_CPU === '1') {
  await selectBackend('cpu');
  const s = SHAPES[0];
  const n = countParams(s.shape, vocab);
  console.log('');
  report('cpu (pure JS) customGrad', await stepSeconds('fast', 1, 0, s.shape, s.batch), s.batch * s.shape.context, flopsPerToken(s.shape, vocab).training, 6 * n.nonEmbedding);
}
for (const backend of ['tensorflow']) {
  try {
    await selectBackend(backend);
  } catch {
    console.log(`\n${backend} (tfjs-node): not installed, skipped`);
    continue;
  }
  for (const s of SHAPES) {
    const n = countParams(s.shape, vocab);
    report(`${backend} ${s.label}`, await stepSeconds('fast', s.steps, 2, s.shape, s.batch), s.batch * s.shape.context, flopsPerToken(s.shape, vocab).training, 6 * n.nonEmbedding);
  }
}
console.log(`\nload average ${load()} at end`);
