/**
 * Matrix products and layers whose backward pass stays on the WASM backend's
 * fast paths.
 *
 * Why: the WASM backend sends a matmul to XNNPACK only when it is rank-2 (batch
 * 1) and neither transpose flag is set (tfjs-backend-wasm
 * src/cc/batch_mat_mul_impl.cc); everything else runs a scalar triple loop.
 * Autodiff's gradients of C = A·B are dA = dC·Bᵀ and dB = Aᵀ·dC, which tfjs
 * computes with transpose flags — so a naive model spends most of its step in
 * that loop. Here the gradients materialise the transposes with `tf.transpose`
 * and call a plain `matMul`. Reductions over rows (bias and layer-norm gradients)
 * are also matmuls with a row of ones, because WASM's column `Sum` transposes
 * first and is ~100× slower than XNNPACK on the same data. Same maths, same
 * gradients (matmul.test.ts); the speed-up is measured in scripts/bench/train.mjs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapLayerNorm, heapLayerNormGrad } from './fusedHeap.js';

type In = tf.Tensor | tf.GradSaveFunc;

function swapLast(x: tf.Tensor): tf.Tensor {
  const r = x.rank;
  const perm = Array.from({ length: r }, (_, i) => i);
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return tf.transpose(x, perm);
}

const mm = (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);

/**
 * Aᵀ·B for rank-2 A [m,k], B [m,n] (a weight gradient: m = batch·context rows).
 * The smaller operand becomes XNNPACK's right-hand side and the larger one is
 * transposed. Why: XNNPACK packs (re-lays out) its right operand on every call
 * with a fresh tensor, and packing costs far more per element than a transpose:
 * for [2048,128]ᵀ·[2048,512], packing the [2048,512] side took 49 ms CPU against
 * 33 ms for packing the [2048,128] side and transposing the other (same result,
 * bit for bit; scripts/bench, load ~12).
 */
export function tMatMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return a.size >= b.size ? mm(tf.transpose(a), b) as tf.Tensor2D : tf.transpose(mm(tf.transpose(b), a)) as tf.Tensor2D;
}

/**
 * Σ over rows of a rank-2 tensor [m,n] → [n], as ones[1,m]·X (an XNNPACK matmul).
 * X must not be a reshaped view of data that another matmul uses as its right
 * operand with a different shape (see addPositions).
 */
export function sumRows(x: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(mm(tf.ones([1, x.shape[0]]), x), [x.shape[1]]);
}

/**
 * C = A·B for rank-2 [m,k]·[k,n] or batched rank-3 [b,m,k]·[b,k,n], with the
 * transpose-free backward described above.
 */
export const fastMatMul = tf.customGrad((a: In, b: In, save: In) => {
  const A = a as tf.Tensor;
  const B = b as tf.Tensor;
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: mm(A, B),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved;
      if (sa.rank === 2) return [mm(dy, tf.transpose(sb)), tMatMul(sa as tf.Tensor2D, dy as tf.Tensor2D)];
      return [mm(dy, swapLast(sb)), mm(swapLast(sa), dy)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** Plain autodiff matmul (for comparison: the slow path on WASM). */
export function naiveMatMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return mm(a, b);
}

/**
 * Dense layer y = x·W + b for x [m,k], W [k,n], b [n] (W and b must be
 * variables, or otherwise outlive the backward pass). Forward: one fused
 * XNNPACK matmul with bias. Backward: dx = dy·Wᵀ, dW = xᵀ·dy, db = 1ᵀ·dy, all
 * untransposed matmuls.
 */
export const fastDense = tf.customGrad((x: In, w: In, b: In, save: In) => {
  const X = x as tf.Tensor2D;
  const W = w as tf.Tensor2D;
  // Only the activation is saved (tfjs copies saved tensors); W is a trainable
  // variable, still unchanged when the backward pass runs.
  (save as tf.GradSaveFunc)([X]);
  return {
    value: tf.fused.matMul({ a: X, b: W, bias: b as tf.Tensor }),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const sx = saved[0] as tf.Tensor2D;
      const d = dy as tf.Tensor2D;
      return [mm(d, tf.transpose(W)), tMatMul(sx, d), sumRows(d)];
    },
  };
}) as (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor;

export function naiveDense(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.add(mm(x, w), b);
}

const LN_EPS = 1e-5;

/**
 * Layer normalisation over the last axis of x [m,d] (Ba et al. 2016) with gain
 * g and bias b (variables, or otherwise outliving the backward pass). Backward (the standard closed form, e.g. Ioffe & Szegedy 2015 for
 * the batch-norm analogue): with x̂ = (x−μ)/σ and ĝ = dy·g,
 *   dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / σ,  dg = Σ_rows dy·x̂,  db = Σ_rows dy.
 */
export const fastLayerNorm = tf.customGrad((x: In, g: In, b: In, save: In) => {
  const X = x as tf.Tensor2D;
  if (tf.getBackend() === 'wasm') {
    // one pass each way on the heap (fusedHeap.ts) instead of ~7 ops forward, ~12 backward
    const G = g as tf.Tensor;
    const [y, xhat, rstd] = heapLayerNorm(X, G, b as tf.Tensor, LN_EPS);
    (save as tf.GradSaveFunc)([xhat, rstd]);
    return { value: y, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => heapLayerNormGrad(dy, saved[0]!, saved[1]!, G) };
  }
  const mean = tf.mean(X, -1, true);
  const xc = tf.sub(X, mean);
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.mul(xc, xc), -1, true), LN_EPS));
  const xhat = tf.mul(xc, rstd);
  const G = g as tf.Tensor;
  (save as tf.GradSaveFunc)([xhat, rstd]); // g is a variable: used directly, not copied
  return {
    value: tf.add(tf.mul(xhat, G), b as tf.Tensor),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sxhat, srstd] = saved;
      const sg = G;
      const ghat = tf.mul(dy, sg);
      const dx = tf.mul(tf.sub(tf.sub(ghat, tf.mean(ghat, -1, true)), tf.mul(sxhat, tf.mean(tf.mul(ghat, sxhat), -1, true))), srstd);
      return [dx, sumRows(tf.mul(dy, sxhat) as tf.Tensor2D), sumRows(dy as tf.Tensor2D)];
    },
  };
}) as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor;

export function naiveLayerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const xc = tf.sub(x, mean);
  const variance = tf.mean(tf.square(xc), -1, true);
  return tf.add(tf.mul(tf.mul(xc, tf.rsqrt(tf.add(variance, LN_EPS))), g), b);
}

export type MatMulFn = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/**
 * x [B,T,d] + pos [T,d] broadcast over the batch. Autodiff's gradient for pos sums
 * a rank-3 tensor over axis 0, which WASM does by transposing; here it is
 * 1ᵀ·reshape(dy, [B, T·d]), one matmul.
 */
export const addPositions = tf.customGrad((x: In, pos: In, save: In) => {
  const X = x as tf.Tensor3D;
  const P = pos as tf.Tensor2D;
  (save as tf.GradSaveFunc)([]);
  return {
    value: tf.add(X, P),
    gradFunc: (dy: tf.Tensor) => {
      const [B, T, d] = dy.shape;
      // tf.clone: a copy, not a reshaped view. WASM caches its XNNPACK matmul operator
      // by the data id of the right-hand operand, and a reshape keeps that id; the same
      // gradient also reaches the embedding matmul as [B·T, d], and reusing an operator
      // built for [B, T·d] there corrupts memory (tfjs 4.22; regression test in
      // node/backend.test.ts).
      return [dy, tf.reshape(sumRows(tf.clone(tf.reshape(dy, [B, T * d])) as tf.Tensor2D), [T, d])];
    },
  };
}) as (x: tf.Tensor, pos: tf.Tensor) => tf.Tensor;
