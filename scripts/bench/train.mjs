#!/usr/bin/env node
// Trainer benchmark: the reference model (2 layers, width 128, 4 heads, context 64,
// batch 32, Moby Dick characters) — tokens/s and achieved GFLOP/s on each available
// tfjs backend, the naive-autodiff vs customGrad speed ratio on WASM, and (when
// Debian's python3 has torch) the same model in PyTorch on one CPU thread.
// Figures are from a short timed window after warm-up steps; the machine is shared,
// so expect ±20 % between runs (step times are medians). Env: BENCH_STEPS (timed steps for the fast model, default 6).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { AdamW, createTransformer, flopsPerToken, countParams, textSource } from '../../packages/core/dist/train/index.js';
import { mobyDickTokens, selectBackend } from '../../packages/core/dist/node/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const shape = { layers: 2, dModel: 128, heads: 4, context: 64 };
const batchSize = 32;
const fastSteps = Number(process.env.BENCH_STEPS ?? 6);
const { tokens, tokenizer } = mobyDickTokens('char');
const vocab = tokenizer.vocab;
const fpt = flopsPerToken(shape, vocab);
const n = countParams(shape, vocab);
console.log(`reference model: ${shape.layers} layers, d ${shape.dModel}, ${shape.heads} heads, context ${shape.context}, batch ${batchSize}, vocab ${vocab} (Moby Dick chars)`);
console.log(`params: non-embedding ${n.nonEmbedding} (12·L·d²), total ${n.total}; counted training FLOPs/token ${fpt.training} (6N = ${6 * n.nonEmbedding})`);

/**
 * Median seconds per optimiser step (batch → forward → loss → backprop → AdamW),
 * after `warm` untimed steps. The median, not the mean, because the CPU is shared.
 */
async function stepSeconds(matmul, steps, warm = 2, sh = shape, batch = batchSize) {
  const model = createTransformer(sh, vocab, { seed: 1, matmul });
  const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
  const src = textSource(tokens, vocab, 1);
  const vars = [...model.params.values()];
  const one = async () => {
    const b = src.trainBatch(batch, sh.context);
    const x = tf.tensor2d(b.x, [batch, sh.context], 'int32');
    const y = tf.tensor2d(b.y, [batch, sh.context], 'int32');
    const { value, grads } = tf.variableGrads(() => model.loss(x, y), vars);
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

const report = (label, { wall, cpu }, tokensPerStep = batchSize * shape.context, flopsPerTok = fpt.training, n6 = 6 * n.nonEmbedding) => {
  const tps = tokensPerStep / wall;
  console.log(
    `${label.padEnd(30)} ${(wall * 1000).toFixed(1).padStart(7)} ms/step  ${tps.toFixed(0).padStart(6)} tokens/s  ` +
      `${((tps * flopsPerTok) / 1e9).toFixed(2)} GFLOP/s counted (${((tps * n6) / 1e9).toFixed(2)} by 6N)` +
      (cpu ? `  | per CPU-second: ${(tokensPerStep / cpu).toFixed(0)} tokens, ${((tokensPerStep * flopsPerTok) / cpu / 1e9).toFixed(2)} GFLOP` : ''),
  );
  return tps;
};
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (wall-clock figures shrink when the machine is busy; per-CPU-second figures much less)`);

const results = {};
const cpuSeconds = {};
for (const backend of ['wasm', 'cpu', 'tensorflow']) {
  try {
    await selectBackend(backend);
  } catch {
    console.log(`${backend}: not available, skipped`);
    continue;
  }
  // the pure-JS cpu backend takes ~50 s per reference step on this machine: one timed step
  const steps = backend === 'cpu' ? 1 : fastSteps;
  const fastTiming = await stepSeconds('fast', steps, backend === 'cpu' ? 0 : 2);
  results[backend] = report(`${backend} customGrad`, fastTiming);
  cpuSeconds[backend] = fastTiming.cpu;
  if (backend === 'wasm') {
    const naiveTiming = await stepSeconds('naive', Math.max(3, Math.round(fastSteps / 2)), 1);
    const naive = report('wasm naive autodiff', naiveTiming);
    console.log(`wasm customGrad / naive speed ratio: ${(results.wasm / naive).toFixed(2)}× wall-clock, ${(naiveTiming.cpu / cpuSeconds.wasm).toFixed(2)}× per CPU-second`);
    // a sweep-sized model, where per-kernel overhead rather than arithmetic sets the pace
    const tiny = { layers: 1, dModel: 16, heads: 2, context: 32 };
    const fTiny = flopsPerToken(tiny, vocab).training;
    report('wasm sweep-sized L1 d16 T32 B8', await stepSeconds('fast', 40, 5, tiny, 8), 8 * 32, fTiny, 6 * countParams(tiny, vocab).nonEmbedding);
  }
}

// PyTorch reference on one CPU thread, OPENBLAS_CORETYPE unset.
const py = '/usr/bin/python3';
const hasTorch = existsSync(py) && spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
if (!hasTorch) {
  console.log('pytorch: /usr/bin/python3 has no torch (apt-get install python3-torch), skipped');
} else {
  const env = { ...process.env, OMP_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  const r = spawnSync(py, [join(here, 'train_torch.py'), '--vocab', String(vocab), '--steps', String(fastSteps * 3)], { env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`pytorch: failed (${(r.stderr || '').trim().split('\n').pop()})`);
  } else {
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    const tps = report(`pytorch ${out.torch} 1 thread`, { wall: out.secondsPerStep, cpu: out.cpuSecondsPerStep });
    if (results.wasm) {
      console.log(`pytorch / tfjs-wasm tokens/s ratio: ${(tps / results.wasm).toFixed(2)}× wall-clock, ${(cpuSeconds.wasm / out.cpuSecondsPerStep).toFixed(2)}× per CPU-second`);
    }
  }
}
