/**
 * Attention, GELU and cross-entropy as single taped operations with their
 * backward passes written out (tf.customGrad). Same maths as the plain
 * autodiff versions (checked in matmul.test.ts); the point is speed on WASM:
 * every taped tfjs op costs dispatch time and a copy of each tensor it saves for
 * the backward pass, which dominates the step of the tiny models a sweep
 * trains. Ops inside a customGrad's forward are not taped.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchedMatMul, batchedMatMulNT, batchedMatMulTN } from './batchedMatMul.js';
import { heapGelu, heapGeluGrad } from './fusedHeap.js';

type In = tf.Tensor | tf.GradSaveFunc;

/**
 * Causal scaled dot-product attention over [n, T, hd] heads (Vaswani et al. 2017):
 *   S = Q·Kᵀ/√hd + M,  P = softmax(S),  O = P·V
 * Backward: dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(dP ⊙ P)),
 *           dQ = dS·K/√hd,  dK = dSᵀ·Q/√hd.
 * WASM's batched matmul is a scalar loop, so the products go through
 * batchedMatMul.ts (one XNNPACK call per head, transposes materialised); on other
 * backends they are plain tf.matMul with transpose flags.
 * `mask` [T, T] holds 0 for allowed and −1e9 for future positions.
 */
export function makeAttention(mask: tf.Tensor2D, scale: number): (q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) => tf.Tensor3D {
  return tf.customGrad((q: In, k: In, v: In, save: In) => {
    const Q = q as tf.Tensor3D;
    const K = k as tf.Tensor3D;
    const V = v as tf.Tensor3D;
    const P = tf.softmax(tf.add(tf.mul(batchedMatMulNT(Q, K), scale), mask)) as tf.Tensor3D;
    (save as tf.GradSaveFunc)([Q, K, V, P]);
    return {
      value: batchedMatMul(P, V),
      gradFunc: (dO: tf.Tensor, saved: tf.Tensor[]) => {
        const [sQ, sK, sV, sP] = saved as tf.Tensor3D[];
        const dy = dO as tf.Tensor3D;
        const dV = batchedMatMulTN(sP, dy);
        const dP = batchedMatMulNT(dy, sV);
        const dS = tf.mul(tf.mul(sP, tf.sub(dP, tf.sum(tf.mul(dP, sP), -1, true))), scale) as tf.Tensor3D;
        return [batchedMatMul(dS, sK), batchedMatMulTN(dS, sQ), dV];
      },
    };
  }) as (q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) => tf.Tensor3D;
}

/** The same attention by plain autodiff (reference for tests and the benchmark). */
export function naiveAttention(mask: tf.Tensor2D, scale: number) {
  return (q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D): tf.Tensor3D =>
    tf.matMul(tf.softmax(tf.add(tf.mul(tf.matMul(q, k, false, true), scale), mask)) as tf.Tensor3D, v);
}

/**
 * One-hot rows as float32. Cast explicitly: the WASM backend's OneHot kernel
 * ignores a float32 dtype argument and writes int32 bits (tfjs 4.22).
 */
export function floatOneHot(indices: tf.Tensor1D, depth: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(indices, depth), 'float32') as tf.Tensor2D;
}

const GELU_C = 2 * Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/**
 * GELU, tanh approximation (Hendrycks & Gimpel 2016), as in GPT-2:
 * 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(u), u = 2√(2/π)(x + 0.044715x³)
 * (since 1 + tanh(z) = 2σ(2z); WASM's sigmoid is vectorised, its tanh is not).
 * Backward: dy · (σ(u) + x·σ(u)(1 − σ(u))·2√(2/π)(1 + 3·0.044715x²)).
 */
export const fastGelu = tf.customGrad((x: In, save: In) => {
  const X = x as tf.Tensor;
  if (tf.getBackend() === 'wasm') {
    // one pass each way on the heap (fusedHeap.ts) instead of 7 ops forward, 8 backward
    const [y, s] = heapGelu(X);
    (save as tf.GradSaveFunc)([X, s]);
    return { value: y, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [heapGeluGrad(dy, saved[0]!, saved[1]!)] };
  }
  const s = tf.sigmoid(tf.mul(tf.mul(X, tf.add(tf.mul(tf.mul(X, X), GELU_A), 1)), GELU_C));
  (save as tf.GradSaveFunc)([X, s]);
  return {
    value: tf.mul(X, s),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, ss] = saved as [tf.Tensor, tf.Tensor];
      const sx2 = tf.mul(sx, sx);
      const du = tf.mul(tf.add(tf.mul(sx2, 3 * GELU_A), 1), GELU_C);
      const ds = tf.mul(ss, tf.sub(1, ss));
      return [tf.mul(dy, tf.add(ss, tf.mul(tf.mul(sx, ds), du)))];
    },
  };
}) as (x: tf.Tensor) => tf.Tensor;

export function naiveGelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(tf.mul(GELU_C, tf.add(x, tf.mul(GELU_A, tf.mul(tf.mul(x, x), x))))));
}

/**
 * Mean next-token cross-entropy in nats: −mean_i log softmax(z_i)[y_i].
 * Backward: dz = (softmax(z) − onehot(y)) · dy / N.
 */
export function fastCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const [n, vocab] = logits.shape;
  const onehot = floatOneHot(targets, vocab);
  const f = tf.customGrad((z: In, save: In) => {
    const logp = tf.logSoftmax(z as tf.Tensor2D);
    // the one-hot targets are saved too: the caller's tidy may free them before backprop
    (save as tf.GradSaveFunc)([logp, onehot]);
    return {
      value: tf.div(tf.neg(tf.sum(tf.mul(logp, onehot))), n) as tf.Scalar,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(tf.sub(tf.exp(saved[0]), saved[1]), tf.div(dy, n))],
    };
  }) as (z: tf.Tensor2D) => tf.Scalar;
  return f(logits);
}

export function naiveCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const logp = tf.logSoftmax(logits);
  const target = floatOneHot(targets, logits.shape[1]);
  return tf.neg(tf.mean(tf.sum(tf.mul(logp, target), -1))) as tf.Scalar;
}
