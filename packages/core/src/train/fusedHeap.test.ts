import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../node/backend.js';
import { createRng } from '../random.js';
import { fastGelu, naiveGelu } from './fused.js';
import { fastLayerNorm, naiveLayerNorm } from './matmul.js';

function rand(shape: number[], seed: number) {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.normal()), shape) as tf.Tensor3D;
}
const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('fused GELU and layer norm on the WASM heap', () => {
  it('match the composed ops (values and gradients) to float round-off', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const x = tf.tidy(() => tf.mul(rand([6, 8], 3), 2)) as tf.Tensor2D;
    const g = tf.tidy(() => tf.add(rand([8], 4), 1));
    const b = rand([8], 5);
    const w = rand([6, 8], 6); // weights the output so dy is not all ones
    for (const [fast, naive] of [[fastGelu, naiveGelu], [(t: tf.Tensor) => fastLayerNorm(t, g, b), (t: tf.Tensor) => naiveLayerNorm(t, g, b)]] as const) {
      const loss = (f: (t: tf.Tensor) => tf.Tensor) => (t: tf.Tensor) => tf.sum(tf.mul(f(t), w));
      const [dy, dd, big] = tf.tidy(() => {
        const d1 = tf.grad(loss(fast))(x);
        return [maxAbsDiff(fast(x), naive(x)), maxAbsDiff(d1, tf.grad(loss(naive))(x)), tf.max(tf.abs(d1)).dataSync()[0]!];
      });
      expect(dy).toBeLessThan(1e-5);
      expect(dd).toBeLessThan(1e-5);
      expect(big).toBeGreaterThan(0.05);
    }
    // the layer norm's parameter gradients too
    const lossG = (gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(fastLayerNorm(x, gg, bb), w));
    const lossN = (gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(naiveLayerNorm(x, gg, bb), w));
    const diffs = tf.tidy(() => {
      const gf = tf.grads(lossG)([g, b]);
      const gn = tf.grads(lossN)([g, b]);
      return [0, 1].map((i) => maxAbsDiff(gf[i]!, gn[i]!));
    });
    for (const d of diffs) expect(d).toBeLessThan(1e-5);
    tf.dispose([x, g, b, w]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
