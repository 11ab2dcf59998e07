/**
 * Training FLOPs two ways.
 * - 6ND (Kaplan et al. 2020, §2.1): forward ≈ 2N per token, backward ≈ 4N.
 * - Counted, after Hoffmann et al. 2022 ("Training Compute-Optimal Large
 *   Language Models", App. F): embeddings, QKV, attention logits, softmax,
 *   attention-weighted values, output projection, MLP and final logits per
 *   sequence; backward = 2 × forward. We really do compute the embedding as a
 *   one-hot matmul and full (masked) T×T attention, so these are also the
 *   FLOPs the machine executes, up to layer norms, GELU and the optimiser.
 */
import type { ModelShape } from './types.js';

export interface FlopsPerToken {
  embeddings: number;
  attention: number;
  dense: number;
  logits: number;
  forward: number;
  /** forward + backward = 3 × forward. */
  training: number;
}

/** Forward and training FLOPs per token (Hoffmann et al. 2022, App. F, divided by seq_len). */
export function flopsPerToken(model: ModelShape, vocab: number): FlopsPerToken {
  const { layers: L, dModel: d, heads: H, context: T } = model;
  const ffw = 4 * d;
  const embeddings = 2 * vocab * d;
  const qkv = 2 * 3 * d * d;
  const logitsQK = 2 * T * d;
  const softmax = 3 * H * T;
  const reduce = 2 * T * d;
  const proj = 2 * d * d;
  const attention = L * (qkv + logitsQK + softmax + reduce + proj);
  const dense = L * 2 * (d * ffw + d * ffw);
  const logits = 2 * d * vocab;
  const forward = embeddings + attention + dense + logits;
  return { embeddings, attention, dense, logits, forward, training: 3 * forward };
}

/** 6 · N · D. */
export function flops6ND(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/** Counted training FLOPs for `tokens` tokens. */
export function countedTrainingFlops(model: ModelShape, vocab: number, tokens: number): number {
  return flopsPerToken(model, vocab).training * tokens;
}
