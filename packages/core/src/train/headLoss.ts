/**
 * The tied output head and the cross-entropy as one taped op:
 *   z = h·wteᵀ,  loss = −mean_i log softmax(z_i)[y_i]
 * Backward: G = (softmax(z) − onehot(y))/N (kept from the forward pass),
 *   dh = dy·G·wte,  dwte = dy·Gᵀ·h.
 * On WASM the softmax is the backend's kernel, the loss and G one JavaScript pass
 * over the heap, and the two products run on XNNPACK; elsewhere it is the composed head matmul and
 * fastCrossEntropy.
 *
 * Why by hand: tfjs has no fused softmax-cross-entropy kernel on WASM; composed,
 * the head and loss are ~25 kernels per step (one-hot, cast, log-softmax's max,
 * sub, exp, sum, log, the mean, and their gradients), which at sweep sizes cost
 * more in dispatch than the arithmetic. Sums in double precision, rounded to
 * float32 on store: results differ from the composed ops by round-off.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fastCrossEntropy } from './fused.js';
import { heapOp } from './heapOp.js';
import { fastMatMul, tMatMul } from './matmul.js';

type In = tf.Tensor | tf.GradSaveFunc;

/** Mean next-token cross-entropy (nats) of the logits h·wteᵀ for h [N, d], wte [V, d] and int32 targets [N]. */
export function headCrossEntropy(h: tf.Tensor2D, wte: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  if (tf.getBackend() !== 'wasm') return fastCrossEntropy(fastMatMul(h, tf.transpose(wte)) as tf.Tensor2D, targets);
  const [N] = h.shape;
  const V = wte.shape[0];
  const f = tf.customGrad((hh: In, te: In, save: In) => {
    const H = hh as tf.Tensor2D;
    const W = te as tf.Tensor2D;
    const z = tf.matMul(H, tf.transpose(W));
    // The exponentials on the backend's vectorised Softmax: one JavaScript Math.exp
    // per logit made this op ~8 % of the sweep-sized step (node --cpu-prof).
    const probs = tf.softmax(z);
    const [loss, g] = heapOp([probs, targets, z], [[], [N, V]], ([P, Y, Z], [L, G]) => {
      let sum = 0;
      for (let i = 0; i < N; i++) {
        const o = i * V;
        const y = Y![i]!;
        if (!(y >= 0 && y < V)) throw new RangeError(`headCrossEntropy: target ${y} outside the vocabulary [0, ${V})`);
        const py = P![o + y]!;
        if (py > 1e-30) sum -= Math.log(py);
        else {
          // too small for float32's log: the exact log-sum-exp from the logits
          let max = -Infinity;
          for (let j = 0; j < V; j++) if (Z![o + j]! > max) max = Z![o + j]!;
          let se = 0;
          for (let j = 0; j < V; j++) se += Math.exp(Z![o + j]! - max);
          sum += Math.log(se) + max - Z![o + y]!;
        }
        for (let j = 0; j < V; j++) G![o + j] = P![o + j]! / N;
        G![o + y] = (py - 1) / N;
      }
      L![0] = sum / N;
    });
    probs.dispose();
    z.dispose();
    (save as tf.GradSaveFunc)([H, g!]);
    return {
      value: loss as tf.Scalar,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const dz = tf.mul(saved[1]!, dy) as tf.Tensor2D;
        return [tf.matMul(dz, W), tMatMul(dz, saved[0] as tf.Tensor2D)];
      },
    };
  }) as (hh: tf.Tensor2D, te: tf.Tensor2D) => tf.Scalar;
  return f(h, wte);
}
