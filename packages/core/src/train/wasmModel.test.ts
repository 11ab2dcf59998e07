import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../node/backend.js';
import { createRng } from '../random.js';
import { createTransformer } from './model.js';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);

describe('the whole model on WASM (heap embedding, fused head + cross-entropy, XNNPACK products)', () => {
  it('has the loss and every gradient of the plain-autodiff model, to float round-off', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const shape = { layers: 2, dModel: 8, heads: 2, context: 6 };
    const V = 11;
    const fast = createTransformer(shape, V, { seed: 5, matmul: 'fast' });
    const naive = createTransformer(shape, V, { seed: 5, matmul: 'naive' });
    const rng = createRng(9);
    // repeated ids, so the embedding's scatter-add must accumulate
    const x = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(4)), [3, 6], 'int32');
    const y = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(V)), [3, 6], 'int32');
    const g1 = tf.variableGrads(() => fast.loss(x, y), [...fast.params.values()]);
    const g2 = tf.variableGrads(() => naive.loss(x, y), [...naive.params.values()]);
    expect(Math.abs(g1.value.dataSync()[0]! - g2.value.dataSync()[0]!)).toBeLessThan(1e-5);
    expect(Object.keys(g1.grads).length).toBe(fast.params.size);
    for (const [name, v] of fast.params) {
      const other = naive.params.get(name)!;
      expect(maxAbsDiff(g1.grads[v.name]!, g2.grads[other.name]!), name).toBeLessThan(1e-5);
    }
    // the token table's gradient is not trivially zero (ids 0–3 only: rows 4+ get the head's part alone)
    expect(tf.tidy(() => tf.max(tf.abs(g1.grads[fast.params.get('wte')!.name]!)).dataSync()[0]!)).toBeGreaterThan(1e-3);
    const [l1, l2] = [fast.logits(x), naive.logits(x)];
    expect(maxAbsDiff(l1, l2)).toBeLessThan(1e-5);
    tf.dispose([l1, l2]);
    tf.dispose([x, y, g1.value, g2.value, ...Object.values(g1.grads), ...Object.values(g2.grads)]);
    fast.dispose();
    naive.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
