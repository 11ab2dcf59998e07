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

/**
 * Forward and training FLOPs per token, counted as Hoffmann et al. 2022, App. F, do per
 * sequence, divided by the sequence length: embeddings 2Vd; per layer QKV 6d², attention
 * logits 2Td, softmax 3HT, value reduction 2Td, projection 2d², MLP 16d²; logits 2dV.
 * Training = 3 × forward (backward = 2 × forward).
 *
 * @param model - the shape: `layers`, `dModel`, `heads`, `context`
 * @param vocab - the vocabulary size
 * @returns FLOPs per token by part, `forward` and `training`
 * @example
 * ```ts
 * import { flopsPerToken } from '@scaling-lab/core/train';
 * const f = flopsPerToken({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8);
 * f.forward; // → 7216
 * f.training; // → 21648
 * ```
 */
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

/**
 * Training FLOPs by the 6·N·D rule (Kaplan et al. 2020, §2.1): 2N per token forward, 4N
 * backward. The same formula as `trainingFlops` in `@scaling-lab/core`.
 *
 * @param params - N, non-embedding parameters
 * @param tokens - D, training tokens
 * @returns training FLOPs
 * @example
 * ```ts
 * import { flops6ND } from '@scaling-lab/core/train';
 * flops6ND(3072, 1e6); // → 1.8432e10
 * ```
 */
export function flops6ND(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/**
 * Counted training FLOPs for `tokens` tokens: {@link flopsPerToken}'s `training` × tokens.
 * For tiny models it is well above 6ND (attention and embeddings dominate).
 *
 * @param model - the shape: `layers`, `dModel`, `heads`, `context`
 * @param vocab - the vocabulary size
 * @param tokens - training tokens
 * @returns training FLOPs
 * @example
 * ```ts
 * import { countedTrainingFlops } from '@scaling-lab/core/train';
 * countedTrainingFlops({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8, 1000); // → 2.1648e7
 * ```
 */
export function countedTrainingFlops(model: ModelShape, vocab: number, tokens: number): number {
  return flopsPerToken(model, vocab).training * tokens;
}
