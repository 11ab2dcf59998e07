import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { createTransformer } from '../train/model.js';

describe('selectBackend', () => {
  it('wasm works offline and is recorded', async () => {
    const b = await selectBackend('wasm');
    expect(b.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(b.threads).toBe(1);
  });
  // vocab < dModel and vocab > dModel take different branches in the embedding's
  // gradient; the first once corrupted WASM memory through its XNNPACK operator cache
  it.each([
    [10, { layers: 1, dModel: 16, heads: 2, context: 8 }],
    [20, { layers: 2, dModel: 8, heads: 2, context: 8 }],
  ])('on WASM the customGrad model gives the same loss and gradients as plain autodiff (vocab %i)', async (vocab, shape) => {
    await selectBackend('wasm');
    const fast = createTransformer(shape, vocab, { seed: 4, matmul: 'fast' });
    const naive = createTransformer(shape, vocab, { seed: 4, matmul: 'naive' });
    const ids = Int32Array.from({ length: 32 }, (_, i) => (i * 7) % vocab);
    const x = tf.tensor2d(ids, [4, 8], 'int32');
    const y = tf.tensor2d(ids.map((v) => (v + 3) % vocab), [4, 8], 'int32');
    const g1 = tf.variableGrads(() => fast.loss(x, y), [...fast.params.values()]);
    const g2 = tf.variableGrads(() => naive.loss(x, y), [...naive.params.values()]);
    expect(g1.value.dataSync()[0]).toBeCloseTo(g2.value.dataSync()[0], 5);
    for (const [name, v] of fast.params) {
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(g1.grads[v.name], g2.grads[naive.params.get(name)!.name]))).dataSync()[0]);
      expect(diff, name).toBeLessThan(1e-5);
    }
    tf.dispose([x, y, g1.value, g2.value, ...Object.values(g1.grads), ...Object.values(g2.grads)]);
    fast.dispose();
    naive.dispose();
  });
  it('cpu can be forced', async () => {
    const b = await selectBackend('cpu');
    expect(b).toMatchObject({ name: 'cpu', tfBackend: 'cpu' });
  });
  it('unknown names are input errors', async () => {
    await expect(selectBackend('tpu' as never)).rejects.toThrow(/backend: unknown backend "tpu"/);
  });
});
