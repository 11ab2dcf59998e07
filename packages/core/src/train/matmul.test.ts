import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { fastMatMul, naiveMatMul } from './matmul.js';
import { createTransformer } from './model.js';

function rand(shape: number[], seed: number) {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.normal()), shape);
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor) {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('fastMatMul (customGrad, transpose-free backward)', () => {
  for (const [sa, sb] of [
    [[5, 3], [3, 4]],
    [[2, 5, 3], [2, 3, 4]],
  ]) {
    it(`same value and gradients as autodiff matMul for ${JSON.stringify(sa)}·${JSON.stringify(sb)}`, () => {
      const a = rand(sa, 1);
      const b = rand(sb, 2);
      const w = rand([...sa.slice(0, -1), sb[sb.length - 1]], 3); // weights the output so dy is not all ones
      const f = (mm: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor) => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x, y), w)));
      const [ga1, gb1] = f(fastMatMul)([a, b]);
      const [ga2, gb2] = f(naiveMatMul)([a, b]);
      expect(maxAbsDiff(fastMatMul(a, b), naiveMatMul(a, b))).toBeLessThan(1e-5);
      expect(maxAbsDiff(ga1, ga2)).toBeLessThan(1e-5);
      expect(maxAbsDiff(gb1, gb2)).toBeLessThan(1e-5);
      expect(tf.tidy(() => tf.max(tf.abs(ga1)).dataSync()[0])).toBeGreaterThan(0.1);
      tf.dispose([a, b, w, ga1, gb1, ga2, gb2]);
    });
  }

  it('the whole model has the same loss and gradients with fast and naive matmuls', () => {
    const shape = { layers: 2, dModel: 8, heads: 2, context: 6 };
    const fast = createTransformer(shape, 11, { seed: 5, matmul: 'fast' });
    const naive = createTransformer(shape, 11, { seed: 5, matmul: 'naive' });
    const rng = createRng(9);
    const x = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(11)), [3, 6], 'int32');
    const y = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(11)), [3, 6], 'int32');
    const g1 = tf.variableGrads(() => fast.loss(x, y), [...fast.params.values()]);
    const g2 = tf.variableGrads(() => naive.loss(x, y), [...naive.params.values()]);
    expect(Math.abs(g1.value.dataSync()[0] - g2.value.dataSync()[0])).toBeLessThan(1e-5);
    expect(Object.keys(g1.grads).length).toBe(fast.params.size);
    for (const [name, v] of fast.params) {
      const other = naive.params.get(name)!;
      expect(maxAbsDiff(g1.grads[v.name], g2.grads[other.name]), name).toBeLessThan(1e-5);
    }
    tf.dispose([x, y, g1.value, g2.value, ...Object.values(g1.grads), ...Object.values(g2.grads)]);
    fast.dispose();
    naive.dispose();
  });
});
