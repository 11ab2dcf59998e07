#!/usr/bin/env node
// gpu-check: tokens/s and achieved TFLOP/s of the trainer on each tfjs backend
// available here, on a model large enough to keep a GPU busy (default GPT-2-small
// shape: 12 layers, d 768, 12 heads, context 1024, batch 8; character vocabulary
// of Moby Dick, so the embedding is negligible). For a user to run on their GPU:
//   npm run gpu-check [-- --layers 12 --d 768 --heads 12 --context 1024 --batch 8 --steps 10 --backends tensorflow-gpu,tensorflow]
// TFLOP/s counts the model's training FLOPs (flopsPerToken: matmuls, attention,
// softmax; forward + backward = 3× forward) per second of wall-clock time over the
// timed steps, after 2 warm-up steps. WASM is only tried when named in --backends
// (one step of the default shape takes minutes on a CPU core).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { AdamW, createTransformer, flopsPerToken, countParams, textSource } from '../packages/core/dist/train/index.js';
import { mobyDickTokens, selectBackend } from '../packages/core/dist/node/index.js';

const { values: o } = parseArgs({
  options: {
    layers: { type: 'string', default: '12' },
    d: { type: 'string', default: '768' },
    heads: { type: 'string', default: '12' },
    context: { type: 'string', default: '1024' },
    batch: { type: 'string', default: '8' },
    steps: { type: 'string', default: '10' },
    backends: { type: 'string', default: 'tensorflow-gpu,tensorflow' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (o.help) {
  console.log('usage: npm run gpu-check -- [--layers N] [--d N] [--heads N] [--context N] [--batch N] [--steps N] [--backends tensorflow-gpu,tensorflow,wasm]');
  process.exit(0);
}
const num = (k) => {
  const v = Number(o[k]);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`gpu-check: --${k} must be a positive whole number, got ${JSON.stringify(o[k])}`);
    process.exit(2);
  }
  return v;
};
const shape = { layers: num('layers'), dModel: num('d'), heads: num('heads'), context: num('context') };
const batch = num('batch');
const steps = num('steps');
if (shape.dModel % shape.heads) {
  console.error(`gpu-check: --heads ${shape.heads} does not divide --d ${shape.dModel}; choose heads that divide d`);
  process.exit(2);
}
const { tokens, tokenizer } = mobyDickTokens('char');
const vocab = tokenizer.vocab;
const fpt = flopsPerToken(shape, vocab).training;
const tokensPerStep = batch * shape.context;
console.log(`gpu-check: ${shape.layers} layers, d ${shape.dModel}, ${shape.heads} heads, context ${shape.context}, batch ${batch} (${tokensPerStep} tokens/step), vocab ${vocab}; ` +
  `${(countParams(shape, vocab).nonEmbedding / 1e6).toPrecision(3)}M non-embedding params; ${(fpt / 1e9).toPrecision(3)} GFLOP per training token; load average ${loadavg()[0].toFixed(1)}`);

let ran = 0;
for (const backend of o.backends.split(',').map((s) => s.trim()).filter(Boolean)) {
  try {
    await selectBackend(backend);
  } catch (e) {
    console.log(`  ${backend}: not available (${e.fix ?? e.message})`);
    continue;
  }
  let model;
  try {
    model = createTransformer(shape, vocab, { seed: 1 });
    const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
    const src = textSource(tokens, vocab, 1);
    const one = async () => {
      const b = src.trainBatch(batch, shape.context);
      const x = tf.tensor2d(b.x, [batch, shape.context], 'int32');
      const y = tf.tensor2d(b.y, [batch, shape.context], 'int32');
      const { value, grads } = model.valueAndGrads(x, y, { training: true }); // the WASM engine there, autodiff elsewhere
      const loss = (await value.data())[0];
      opt.step(grads, 1e-4);
      tf.dispose([x, y, value, ...Object.values(grads)]);
      return loss;
    };
    for (let i = 0; i < 2; i++) await one();
    const t0 = performance.now();
    let loss = NaN;
    for (let i = 0; i < steps; i++) loss = await one();
    const seconds = (performance.now() - t0) / 1000;
    const tps = (tokensPerStep * steps) / seconds;
    console.log(`  ${backend.padEnd(15)} ${tf.getBackend().padEnd(10)} ${((seconds / steps) * 1000).toFixed(1)} ms/step  ${Math.round(tps)} tokens/s  ${((tps * fpt) / 1e12).toPrecision(3)} TFLOP/s achieved (loss ${loss.toFixed(3)} after ${steps + 2} steps)`);
    ran++;
  } catch (e) {
    console.log(`  ${backend}: failed (${String(e.message).split('\n')[0]}); try a smaller --batch or --context`);
  } finally {
    model?.dispose();
  }
}
if (!ran) console.log('  no backend ran: install @tensorflow/tfjs-node-gpu (CUDA GPU) or @tensorflow/tfjs-node, or pass --backends wasm with a small model');
