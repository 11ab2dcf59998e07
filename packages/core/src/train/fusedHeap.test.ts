import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../node/backend.js';
import { createRng } from '../random.js';
import { fastCrossEntropy, fastGelu, makeAttention, naiveAttention, naiveCrossEntropy, naiveGelu } from './fused.js';
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

describe("cross-entropy and causal attention (customGrad, XNNPACK products) on WASM", () => {
  it('match the composed ops (value and gradients) to float round-off', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const z = tf.tidy(() => tf.mul(rand([10, 7], 7), 3)) as tf.Tensor2D;
    const t = tf.tensor1d([0, 6, 3, 3, 1, 2, 5, 4, 0, 6], 'int32');
    const [lf, ln, gd] = tf.tidy(() => {
      const gf = tf.grad((x: tf.Tensor) => fastCrossEntropy(x as tf.Tensor2D, t))(z);
      const gn = tf.grad((x: tf.Tensor) => naiveCrossEntropy(x as tf.Tensor2D, t))(z);
      return [fastCrossEntropy(z, t).dataSync()[0]!, naiveCrossEntropy(z, t).dataSync()[0]!, maxAbsDiff(gf, gn)];
    });
    expect(lf).toBeGreaterThan(0.5);
    expect(Math.abs(lf - ln)).toBeLessThan(1e-5);
    expect(gd).toBeLessThan(1e-6);
    // causal attention over [n, T, hd] heads: value and all three input gradients
    const T = 5;
    const mask = tf.tidy(() => tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9)) as tf.Tensor2D;
    const [q, k, v] = [rand([3, T, 4], 8), rand([3, T, 4], 9), rand([3, T, 4], 10)];
    const w = rand([3, T, 4], 11);
    const diffs = tf.tidy(() => {
      const fast = makeAttention(mask, 0.5);
      const naive = naiveAttention(mask, 0.5);
      const loss = (f: typeof fast) => (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(f(a as tf.Tensor3D, b as tf.Tensor3D, c as tf.Tensor3D), w));
      const gf = tf.grads(loss(fast))([q, k, v]);
      const gn = tf.grads(loss(naive))([q, k, v]);
      return [maxAbsDiff(fast(q, k, v), naive(q, k, v)), ...gf.map((g, i) => maxAbsDiff(g, gn[i]!))];
    });
    for (const d of diffs) expect(d).toBeLessThan(1e-5);
    tf.dispose([z, t, mask, q, k, v, w]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
