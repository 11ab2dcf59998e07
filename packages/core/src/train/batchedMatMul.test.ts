import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../node/backend.js';
import { createRng } from '../random.js';
import { batchedMatMul, batchedMatMulNT, batchedMatMulTN } from './batchedMatMul.js';

function rand(shape: number[], seed: number) {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.normal()), shape) as tf.Tensor3D;
}
const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('batchedMatMul (one XNNPACK product per batch entry on WASM)', () => {
  it.each([
    [[3, 5, 4], [3, 4, 6]],
    [[16, 32, 8], [16, 8, 32]],
    [[7, 1, 9], [7, 9, 2]],
  ])('equals tf.matMul on WASM for %j·%j, also with transposes, and leaks nothing', async (sa, sb) => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const a = rand(sa, 1);
    const b = rand(sb, 2);
    // twice with different data of the same shapes: a stale cached XNNPACK operator would repeat the first answer
    for (const scale of [1, -3]) {
      const bs = tf.mul(b, scale) as tf.Tensor3D;
      const want = tf.matMul(a, bs);
      const got = batchedMatMul(a, bs);
      expect(got.shape).toEqual(want.shape);
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-5 * Math.abs(scale) * sa[2]!);
      expect(tf.tidy(() => tf.max(tf.abs(got)).dataSync()[0])).toBeGreaterThan(0.1);
      tf.dispose([bs, want, got]);
    }
    const bt = tf.transpose(b, [0, 2, 1]) as tf.Tensor3D;
    const at = tf.transpose(a, [0, 2, 1]) as tf.Tensor3D;
    const ref = tf.matMul(a, b);
    const nt = batchedMatMulNT(a, bt);
    const tn = batchedMatMulTN(at, b);
    expect(maxAbsDiff(nt, ref)).toBeLessThan(1e-5 * sa[2]!);
    expect(maxAbsDiff(tn, ref)).toBeLessThan(1e-5 * sa[2]!);
    tf.dispose([a, b, at, bt, ref, nt, tn]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects shapes that do not chain', async () => {
    await selectBackend('wasm');
    const a = rand([2, 3, 4], 1);
    const b = rand([2, 5, 3], 2);
    expect(() => batchedMatMul(a, b)).toThrow(/do not chain/);
    tf.dispose([a, b]);
  });
});
