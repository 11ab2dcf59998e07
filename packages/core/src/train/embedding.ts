/**
 * Token + position embedding h[b·T+t] = wte[x[b,t]] + wpe[t] as one taped op.
 * On WASM, forward is a gather and backward a scatter-add, each one JavaScript
 * pass over the heap (heapOp.ts); elsewhere the composed one-hot matmul.
 *
 * Why by hand: the WASM backend has no gradient for `gather`, so the model took
 * the one-hot route — OneHot, Cast, a [B·T, V]·[V, d] matmul, the position add
 * and, backward, two matmuls, transposes, a clone and a row sum: ~20 kernels,
 * one of them a gradient for the one-hot input nobody needs. Same sums; the
 * scatter accumulates in double precision, so results differ by round-off.
 */
import * as tf from '@tensorflow/tfjs-core';
import { floatOneHot } from './fused.js';
import { heapOp } from './heapOp.js';
import { addPositions, fastMatMul } from './matmul.js';

type In = tf.Tensor | tf.GradSaveFunc;

/** [B·T, d] embeddings for int32 ids x [B, T], token table wte [V, d] and positions wpe [T, d]. */
export function embed(x: tf.Tensor2D, wte: tf.Tensor2D, wpe: tf.Tensor2D): tf.Tensor2D {
  const [B, T] = x.shape;
  const [V, d] = wte.shape;
  if (tf.getBackend() !== 'wasm') {
    const tok = fastMatMul(floatOneHot(tf.reshape(x, [B * T]) as tf.Tensor1D, V), wte);
    return tf.reshape(addPositions(tf.reshape(tok, [B, T, d]), wpe), [B * T, d]) as tf.Tensor2D;
  }
  const f = tf.customGrad((te: In, pe: In, save: In) => {
    const [h] = heapOp([x, te as tf.Tensor, pe as tf.Tensor], [[B * T, d]], ([X, E, P], [H]) => {
      for (let r = 0; r < B * T; r++) {
        const id = X![r]!;
        if (!(id >= 0 && id < V)) throw new RangeError(`embed: token id ${id} outside the vocabulary [0, ${V})`);
        const e = id * d;
        const p = (r % T) * d;
        const o = r * d;
        for (let j = 0; j < d; j++) H![o + j] = E![e + j]! + P![p + j]!;
      }
    });
    (save as tf.GradSaveFunc)([x]); // the ids: the caller may free x before backprop
    return {
      value: h!,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [dte, dpe] = heapOp([dy, saved[0]!], [[V, d], [T, d]], ([DY, X], [DE, DP]) => {
          const se = new Float64Array(V * d);
          const sp = new Float64Array(T * d);
          for (let r = 0; r < B * T; r++) {
            const e = X![r]! * d;
            const p = (r % T) * d;
            const o = r * d;
            for (let j = 0; j < d; j++) {
              const g = DY![o + j]!;
              se[e + j] += g;
              sp[p + j] += g;
            }
          }
          DE!.set(se);
          DP!.set(sp);
        });
        return [dte!, dpe!];
      },
    };
  }) as (te: tf.Tensor, pe: tf.Tensor) => tf.Tensor2D;
  return f(wte, wpe);
}
