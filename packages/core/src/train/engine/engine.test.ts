import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../node/backend.js';
import { createRng } from '../../random.js';
import { createTransformer } from '../model.js';
import type { ModelShape } from '../types.js';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
const maxAbs = (a: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]!);

/** The engine's loss and gradients against TensorFlow.js autodiff of the plain model (same weights, same masks). */
function compare(shape: ModelShape, V: number, B: number, dropout: number, seed: number) {
  const engine = createTransformer(shape, V, { seed, dropout });
  const naive = createTransformer(shape, V, { seed, dropout, matmul: 'naive' });
  expect(engine.stepEngine).toBe('wasm-engine');
  expect(naive.stepEngine).toBe('tfjs');
  const rng = createRng(seed + 1);
  const n = B * shape.context;
  // few distinct input ids, so the embedding's scatter-add must accumulate
  const x = tf.tensor2d(Int32Array.from({ length: n }, () => rng.int(Math.min(4, V))), [B, shape.context], 'int32');
  const y = tf.tensor2d(Int32Array.from({ length: n }, () => rng.int(V)), [B, shape.context], 'int32');
  const a = engine.valueAndGrads(x, y, { training: true });
  const b = naive.valueAndGrads(x, y, { training: true });
  const worst: Record<string, number> = {};
  for (const [name, v] of engine.params) {
    const ref = b.grads[naive.params.get(name)!.name]!;
    // relative to the gradient's own scale, so tiny and large tensors are judged alike
    worst[name] = maxAbsDiff(a.grads[v.name]!, ref) / Math.max(maxAbs(ref), 1e-6);
  }
  const result = { loss: a.value.dataSync()[0]!, refLoss: b.value.dataSync()[0]!, worst, gradNames: Object.keys(a.grads).length };
  const evalLoss = engine.evalLoss(x, y);
  const refEval = naive.loss(x, y);
  const evalGap = Math.abs(evalLoss.dataSync()[0]! - refEval.dataSync()[0]!);
  tf.dispose([x, y, a.value, b.value, evalLoss, refEval, ...Object.values(a.grads), ...Object.values(b.grads)]);
  engine.dispose();
  naive.dispose();
  return { ...result, evalGap, params: engine.params.size };
}

describe('the WASM training engine (hand-written forward and backward)', () => {
  it('gives the loss and every gradient of TensorFlow.js autodiff, to float round-off', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    // odd sizes on purpose: widths and vocabularies that are not multiples of the kernels' 4- and 8-wide tiles
    for (const [shape, V, B] of [
      [{ layers: 2, dModel: 8, heads: 2, context: 6 }, 11, 3],
      [{ layers: 1, dModel: 16, heads: 2, context: 32 }, 89, 4],
      [{ layers: 2, dModel: 12, heads: 3, context: 21 }, 7, 5], // 21: causal row blocks of 16 and 5
    ] as const) {
      const r = compare(shape, V, B, 0, 5);
      expect(Math.abs(r.loss - r.refLoss), JSON.stringify(shape)).toBeLessThan(1e-5);
      expect(r.evalGap).toBeLessThan(1e-5);
      expect(r.gradNames).toBe(r.params);
      for (const [name, rel] of Object.entries(r.worst)) expect(rel, `${name} ${JSON.stringify(shape)}`).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('applies the same dropout masks as the TensorFlow.js path', async () => {
    await selectBackend('wasm');
    const r = compare({ layers: 2, dModel: 8, heads: 2, context: 6 }, 11, 3, 0.3, 7);
    expect(Math.abs(r.loss - r.refLoss)).toBeLessThan(1e-5);
    for (const [name, rel] of Object.entries(r.worst)) expect(rel, name).toBeLessThan(1e-4);
  });

  it('refuses token ids outside the vocabulary instead of reading past the table', async () => {
    await selectBackend('wasm');
    const m = createTransformer({ layers: 1, dModel: 8, heads: 2, context: 4 }, 5, { seed: 1 });
    const x = tf.tensor2d([0, 1, 2, 7], [1, 4], 'int32');
    const y = tf.tensor2d([0, 1, 2, 3], [1, 4], 'int32');
    expect(() => m.valueAndGrads(x, y)).toThrow(/token id 7 outside the vocabulary \[0, 5\)/);
    tf.dispose([x, y]);
    m.dispose();
  });

  it('refuses a batch whose activations would not fit in WebAssembly memory, naming the field and the fix', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numBytes;
    const m = createTransformer({ layers: 1, dModel: 16, heads: 2, context: 32 }, 8, { seed: 1 });
    const B = 40_000; // 3.2 GiB of activations
    const x = tf.zeros([B, 32], 'int32') as tf.Tensor2D;
    expect(() => m.valueAndGrads(x, x)).toThrow(/batchSize: one training step of this model needs 3\.2 GiB .*use a smaller batch/);
    tf.dispose(x);
    m.dispose();
    expect(tf.memory().numBytes).toBe(before);
  });
});
