/**
 * Matrix products whose backward pass uses only untransposed matmuls.
 *
 * Why: the WASM backend sends a matmul to XNNPACK (fast) only when neither
 * transpose flag is set, and autodiff's gradients of C = A·B are dA = dC·Bᵀ and
 * dB = Aᵀ·dC, which tfjs computes with transpose flags — so a naive model spends
 * most of its step in WASM's slow scalar fallback. Here the gradients
 * materialise Bᵀ and Aᵀ with `tf.transpose` first and then call a plain
 * `matMul`. Measured on this project's 2-core machine: 2.7–8× faster steps,
 * identical gradients (see matmul.test.ts and scripts/bench/train.mjs).
 */
import * as tf from '@tensorflow/tfjs';

function swapLast(x: tf.Tensor): tf.Tensor {
  const r = x.rank;
  const perm = Array.from({ length: r }, (_, i) => i);
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return tf.transpose(x, perm);
}

/**
 * C = A·B for rank-2 [m,k]·[k,n] or batched rank-3 [b,m,k]·[b,k,n], with the
 * transpose-free backward described above.
 */
export const fastMatMul = tf.customGrad((a: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
  const A = a as tf.Tensor;
  const B = b as tf.Tensor;
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: tf.matMul(A as tf.Tensor2D, B as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved;
      return [tf.matMul(dy as tf.Tensor2D, swapLast(sb) as tf.Tensor2D), tf.matMul(swapLast(sa) as tf.Tensor2D, dy as tf.Tensor2D)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** Plain autodiff matmul (for comparison: the slow path on WASM). */
export function naiveMatMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
}

export type MatMulFn = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
