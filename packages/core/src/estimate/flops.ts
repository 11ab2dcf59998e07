/**
 * Training and inference FLOPs.
 *
 * - `trainingFlops(N, D)` = 6·N·D (Kaplan et al. 2020 §2.1; Hoffmann et al.
 *   2022): 2 FLOPs per parameter per token forward, 4 backward. For MoE use the
 *   active parameters.
 * - `detailedTrainingFlops(arch, tokens)` counts the transformer's matmuls
 *   (Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on
 *   GPU Clusters", eq. 3): per token, forward = 2·(layer matmul parameters used
 *   per token) + 4·s·(heads·headDim) per layer for attention scores (QKᵀ and
 *   A·V over the full context s, as that paper counts them) + 2·V·d for the
 *   output logits. Training is 3× forward; with full activation recomputation
 *   the layers' forward runs twice (4×) while the logits stay 3×. For GPT-3 this
 *   reproduces 72·l·h²·(1 + s/6h + V/12lh) per token without recomputation and
 *   96·l·h²·(1 + s/6h + V/16lh) with it.
 *   Sliding-window layers (Mistral 7B, Gemma 2) attend over min(s, window) instead of s; multi-head
 *   latent attention uses its own per-head widths, 2·s·heads·(d_qk + d_v); DeepSeek-V3's
 *   multi-token-prediction modules add their block's matmuls and a second pass through the output head
 *   per module (DeepSeek-V3 §2.2).
 *   Check: GPT-3 (96 layers, d 12288, V 51200, s 2048, 300B tokens) →
 *   3.23e23 without recomputation vs 6ND = 3.15e23 (N = 175B).
 * - `tokensForTrainingFlops(C, N)` = C/(6·N) and `paramsForTrainingFlops(C, D)` = C/(6·D):
 *   the same rule solved for D or N, validated; the `…Unchecked` forms are the bare
 *   formula for hot loops and for callers whose own checks and error messages come after.
 * - `inferenceFlopsPerToken(N)` = 2·N (+ attention over the context when given).
 */
import { requireNumber } from '../errors.js';
import { headWidths, normalizeArchitecture, paramsFromArchitecture, type Architecture } from './params.js';

/**
 * Training compute C = 6·N·D: each token costs 2N FLOPs forward and 4N backward
 * (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", §2.1; the C ≈ 6ND
 * Hoffmann et al. 2022 use). Attention over the context is left out; use
 * {@link detailedTrainingFlops} for an architecture. Plain numbers, no validation: safe on a hot path.
 *
 * @param params - N, parameters (non-embedding for Kaplan's convention, total for Chinchilla's)
 * @param tokens - D, training tokens
 * @returns training FLOPs
 * @example
 * ```ts
 * import { trainingFlops } from '@scaling-lab/core';
 * // GPT-3 175B on 300B tokens: Brown et al. 2020, Table D.1, report 3.14e23
 * trainingFlops(175e9, 300e9); // → 3.15e23
 * ```
 */
export function trainingFlops(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/**
 * Training tokens that a compute budget buys for a model of N parameters: the inverse
 * of {@link trainingFlops} for D, D = C/(6·N) (Kaplan et al. 2020, "Scaling Laws for
 * Neural Language Models", §2.1, C ≈ 6ND; Hoffmann et al. 2022, who size D this way
 * from N_opt). Attention over the context is left out, as in trainingFlops.
 *
 * @param flops - C, training FLOPs
 * @param params - N, parameters (active parameters for a mixture of experts)
 * @returns D, training tokens
 * @throws InputError naming `flops` or `params` when it is not a finite number above 0
 * @example
 * ```ts
 * import { tokensForTrainingFlops } from '@scaling-lab/core';
 * // Chinchilla's budget for 70B parameters (Hoffmann et al. 2022, Table 3: 5.76e23 FLOPs, 1.4T tokens)
 * tokensForTrainingFlops(5.76e23, 70e9); // → 1.37e12
 * tokensForTrainingFlops(5.76e23, 0); // → throws InputError
 * ```
 */
export function tokensForTrainingFlops(flops: number, params: number): number {
  requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  requireNumber('params', params, { exclusiveMin: 0 });
  return tokensForTrainingFlopsUnchecked(flops, params);
}

/** tokensForTrainingFlops without validation, D = C/(6·N): for hot loops and for callers that check inputs or the result themselves. */
export function tokensForTrainingFlopsUnchecked(flops: number, params: number): number {
  return flops / (6 * params);
}

/**
 * Parameters that a compute budget allows for a model trained on D tokens: the inverse
 * of {@link trainingFlops} for N, N = C/(6·D) (Kaplan et al. 2020, "Scaling Laws for
 * Neural Language Models", §2.1, C ≈ 6ND; Hoffmann et al. 2022). Attention over the
 * context is left out, as in trainingFlops.
 *
 * @param flops - C, training FLOPs
 * @param tokens - D, training tokens
 * @returns N, parameters
 * @throws InputError naming `flops` or `tokens` when it is not a finite number above 0
 * @example
 * ```ts
 * import { paramsForTrainingFlops } from '@scaling-lab/core';
 * // GPT-3's 3.14e23 FLOPs over 300B tokens (Brown et al. 2020, Table D.1)
 * paramsForTrainingFlops(3.14e23, 300e9); // → 1.744e11
 * paramsForTrainingFlops(3.14e23, Number.NaN); // → throws InputError
 * ```
 */
export function paramsForTrainingFlops(flops: number, tokens: number): number {
  requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  requireNumber('tokens', tokens, { exclusiveMin: 0, unit: 'tokens' });
  return paramsForTrainingFlopsUnchecked(flops, tokens);
}

/** paramsForTrainingFlops without validation, N = C/(6·D): for hot loops and for callers that check inputs or the result themselves. */
export function paramsForTrainingFlopsUnchecked(flops: number, tokens: number): number {
  return flops / (6 * tokens);
}

/**
 * Forward FLOPs per generated token: 2·N, plus 4·layers·context·attnDim for attention
 * over the context when given (Kaplan et al. 2020, Table 1).
 *
 * @param params - N, parameters (active parameters for a mixture of experts)
 * @param attention - `layers`, `context` and `attnDim` to add the attention term
 * @returns FLOPs per token
 * @example
 * ```ts
 * import { inferenceFlopsPerToken } from '@scaling-lab/core';
 * inferenceFlopsPerToken(70e9); // → 1.4e11
 * ```
 */
export function inferenceFlopsPerToken(params: number, attention?: { layers: number; context: number; attnDim: number }): number {
  const attn = attention ? 4 * attention.layers * attention.context * attention.attnDim : 0;
  return 2 * params + attn;
}

export interface FlopsBreakdown {
  /** Forward FLOPs per token by part. */
  perTokenForward: { matmul: number; attentionScores: number; logits: number; total: number };
  /** Training FLOPs per token (3× forward, or 4× for the layers with recomputation). */
  perTokenTraining: number;
  /** perTokenTraining × tokens. */
  total: number;
  recompute: boolean;
  context: number;
}

/**
 * Training FLOPs of a transformer counted per matmul (see the module comment): the
 * weight matmuls 2·N_matmul per token, attention scores over the context, the logits,
 * ×3 for forward and backward (×4 with activation recomputation).
 *
 * @param arch - the architecture (layers, width, heads, vocab, context, …)
 * @param tokens - training tokens, D
 * @param opts - `recompute` (full activation recomputation) and `context` (default `arch.context`)
 * @returns per-token forward FLOPs by part, per-token training FLOPs and the `total`
 * @throws InputError naming the architecture field that is missing or not valid
 * @example
 * ```ts
 * import { detailedTrainingFlops } from '@scaling-lab/core';
 * // GPT-3 175B on 300B tokens; 6ND gives 3.15e23
 * detailedTrainingFlops({ layers: 96, dModel: 12288, heads: 96, vocab: 51200, context: 2048 }, 300e9).total; // → 3.23e23
 * ```
 */
export function detailedTrainingFlops(
  arch: Architecture,
  tokens: number,
  opts: { recompute?: boolean; context?: number } = {},
): FlopsBreakdown {
  requireNumber('tokens', tokens, { exclusiveMin: 0 });
  const a = normalizeArchitecture(arch);
  const context = requireNumber('context', opts.context ?? a.context, { exclusiveMin: 0 });
  const p = paramsFromArchitecture(arch);
  const w = headWidths(a);
  const mtp = a.mtpModules;
  const matmul = 2 * (p.activeMatmul + p.mtpActiveMatmul);
  let attnContext = 0;
  for (const kind of a.attentionKinds) attnContext += kind === 'sliding' ? Math.min(context, a.slidingWindow!) : context;
  // MTP blocks are full-attention blocks of the main model's shape.
  attnContext += mtp * context;
  const attentionScores = 2 * attnContext * a.heads * (w.qk + w.v);
  const logits = 2 * a.vocab * a.dModel * (1 + mtp);
  const recompute = opts.recompute ?? false;
  const perTokenTraining = (recompute ? 4 : 3) * (matmul + attentionScores) + 3 * logits;
  return {
    perTokenForward: { matmul, attentionScores, logits, total: matmul + attentionScores + logits },
    perTokenTraining,
    total: perTokenTraining * tokens,
    recompute,
    context,
  };
}
