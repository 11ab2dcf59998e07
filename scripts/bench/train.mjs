#!/usr/bin/env node
// Trainer benchmark: the reference model (2 layers, width 128, 4 heads, context 64,
// batch 32, Moby Dick characters) — tokens/s and achieved GFLOP/s on each available
// tfjs backend, the naive-autodiff vs customGrad speed ratio on WASM, and (when
// Debian's python3 has torch) the same model in PyTorch on one CPU thread.
// Figures are from a short timed window after warm-up steps; the machine is shared,
// so expect ±20 % between runs. Env: BENCH_STEPS (timed steps for the fast model, default 6).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Seconds per optimiser step (batch → forward → loss → backprop → AdamW), after `warm` untimed steps. */
async function stepSeconds(matmul, steps, warm = 2) {
  const model = createTransformer(shape, vocab, { seed: 1, matmul });
  const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
  const src = textSource(tokens, vocab, 1);
  const vars = [...model.params.values()];
  const one = async () => {
    const b = src.trainBatch(batchSize, shape.context);
    const x = tf.tensor2d(b.x, [batchSize, shape.context], 'int32');
    const y = tf.tensor2d(b.y, [batchSize, shape.context], 'int32');
    const { value, grads } = tf.variableGrads(() => model.loss(x, y), vars);
    await value.data();
    opt.step(grads, 1e-3);
    tf.dispose([x, y, value, ...Object.values(grads)]);
  };
  for (let i = 0; i < warm; i++) await one();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) await one();
  const s = (performance.now() - t0) / 1000 / steps;
  opt.dispose();
  model.dispose();
  return s;
}

const report = (label, s) => {
  const tps = (batchSize * shape.context) / s;
  console.log(
    `${label.padEnd(28)} ${(s * 1000).toFixed(0).padStart(6)} ms/step  ${tps.toFixed(0).padStart(6)} tokens/s  ` +
      `${((tps * fpt.training) / 1e9).toFixed(2)} GFLOP/s counted (${((tps * 6 * n.nonEmbedding) / 1e9).toFixed(2)} by 6N)`,
  );
  return tps;
};

const results = {};
for (const backend of ['wasm', 'cpu', 'tensorflow']) {
  try {
    await selectBackend(backend);
  } catch {
    console.log(`${backend}: not available, skipped`);
    continue;
  }
  // the pure-JS cpu backend takes ~50 s per reference step on this machine: one timed step
  const steps = backend === 'cpu' ? 1 : fastSteps;
  results[backend] = report(`${backend} customGrad`, await stepSeconds('fast', steps, backend === 'cpu' ? 0 : 2));
  if (backend === 'wasm') {
    const naive = report('wasm naive autodiff', await stepSeconds('naive', Math.max(1, Math.round(fastSteps / 3)), 1));
    console.log(`wasm customGrad / naive speed ratio: ${(results.wasm / naive).toFixed(2)}×`);
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
    const tps = report(`pytorch ${out.torch} cpu 1 thread`, out.secondsPerStep);
    if (results.wasm) console.log(`pytorch / tfjs-wasm tokens/s ratio: ${(tps / results.wasm).toFixed(2)}×`);
  }
}
