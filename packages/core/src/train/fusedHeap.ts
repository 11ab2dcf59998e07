/**
 * The fused GELU and layer-norm kernels, forward and backward, as single heapOp
 * passes on WASM (same formulas as fused.ts and matmul.ts, which use them there).
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapOp } from './heapOp.js';

const GELU_C = 2 * Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/**
 * GELU (tanh form) y = x·σ(u), u = 2√(2/π)(x + 0.044715x³); returns [y, σ(u)].
 * σ is the backend's Sigmoid (XNNPACK's vectorised kernel): one JavaScript
 * Math.exp per element took 16 ms per million elements here, the Sigmoid kernel
 * 2 ms, so u is computed on the heap and the exponential left to the backend.
 */
export function heapGelu(x: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const u = heapOp([x], [x.shape], ([X], [U]) => {
    for (let i = 0; i < X!.length; i++) {
      const v = X![i]!;
      U![i] = GELU_C * v * (1 + GELU_A * v * v);
    }
  })[0]!;
  const s = tf.sigmoid(u);
  u.dispose();
  return [tf.mul(x, s), s];
}

/** dx = dy · (s + x·s(1−s)·2√(2/π)(1 + 3·0.044715x²)). */
export function heapGeluGrad(dy: tf.Tensor, x: tf.Tensor, s: tf.Tensor): tf.Tensor {
  return heapOp([dy, x, s], [x.shape], ([D, X, S], [O]) => {
    for (let i = 0; i < X!.length; i++) {
      const v = X![i]!;
      const sv = S![i]!;
      O![i] = D![i]! * (sv + v * sv * (1 - sv) * GELU_C * (1 + 3 * GELU_A * v * v));
    }
  })[0]!;
}

/** Layer norm over rows of x [m,d]: returns [y = x̂·g + b, x̂, 1/σ per row [m,1]]. */
export function heapLayerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, eps: number): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const [m, d] = x.shape as [number, number];
  const [y, xhat, rstd] = heapOp([x, g, b], [[m, d], [m, d], [m, 1]], ([X, G, B], [Y, XH, R]) => {
    for (let r = 0; r < m; r++) {
      const o = r * d;
      let mean = 0;
      for (let j = 0; j < d; j++) mean += X![o + j]!;
      mean /= d;
      let vari = 0;
      for (let j = 0; j < d; j++) { const c = X![o + j]! - mean; vari += c * c; }
      // rounded to float32 as the composed version keeps it, so both normalise alike
      const rs = Math.fround(1 / Math.sqrt(vari / d + eps));
      R![r] = rs;
      for (let j = 0; j < d; j++) {
        const h = Math.fround((X![o + j]! - mean) * rs);
        XH![o + j] = h;
        Y![o + j] = h * G![j]! + B![j]!;
      }
    }
  });
  return [y!, xhat!, rstd!];
}

/**
 * Layer-norm backward: with ĝ = dy·g, dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))·(1/σ),
 * dg = Σ_rows dy·x̂, db = Σ_rows dy.
 */
export function heapLayerNormGrad(dy: tf.Tensor, xhat: tf.Tensor, rstd: tf.Tensor, g: tf.Tensor): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const [m, d] = xhat.shape as [number, number];
  const [dx, dg, db] = heapOp([dy, xhat, rstd, g], [[m, d], [d], [d]], ([DY, XH, R, G], [DX, DG, DB]) => {
    const sg = new Float64Array(d);
    const sb = new Float64Array(d);
    for (let r = 0; r < m; r++) {
      const o = r * d;
      let mg = 0;
      let mgx = 0;
      for (let j = 0; j < d; j++) {
        const dyv = DY![o + j]!;
        const h = XH![o + j]!;
        const gh = dyv * G![j]!;
        mg += gh;
        mgx += gh * h;
        sg[j] += dyv * h;
        sb[j] += dyv;
      }
      mg /= d;
      mgx /= d;
      const rs = R![r]!;
      for (let j = 0; j < d; j++) DX![o + j] = (DY![o + j]! * G![j]! - mg - XH![o + j]! * mgx) * rs;
    }
    DG!.set(sg);
    DB!.set(sb);
  });
  return [dx!, dg!, db!];
}
