/**
 * Parameter counts of the transformer in model.ts.
 *
 * Kaplan et al. 2020 ("Scaling Laws for Neural Language Models", §2.1, Table 1)
 * count non-embedding parameters as N ≈ 2·d_model·n_layer·(2·d_attn + d_ff)
 * = 12·n_layer·d_model² when d_attn = d_model and d_ff = 4·d_model, leaving out
 * biases, layer norms and the embeddings. The exact count of this model, per
 * block: QKV 3d² + 3d, output projection d² + d, MLP 4d² + 4d + 4d² + d, two
 * layer norms 4d → 12d² + 13d; plus token embedding V·d (tied to the output
 * head), position embedding n_ctx·d and the final layer norm 2d.
 */
import type { ModelShape } from './types.js';

export interface ParamCounts {
  /** Kaplan's 12·n_layer·d_model². */
  nonEmbedding: number;
  /** Exact non-embedding count (blocks with biases and layer norms, final layer norm). */
  nonEmbeddingExact: number;
  /** Token (V·d, tied with the output head) plus position (n_ctx·d) embeddings. */
  embedding: number;
  /** Every trainable parameter. */
  total: number;
}

/**
 * Parameter counts of this trainer's transformer (see the module comment): Kaplan et al.'s
 * non-embedding N = 12·L·d² (2020, Table 1), the exact non-embedding count
 * L·(12d² + 13d) + 2d with biases and layer norms, and the embeddings V·d + n_ctx·d
 * (the token embedding is tied to the output head).
 *
 * @param model - the shape: `layers` L, `dModel` d, `heads`, `context` n_ctx
 * @param vocab - V, the vocabulary size
 * @returns `nonEmbedding`, `nonEmbeddingExact`, `embedding` and `total`
 * @example
 * ```ts
 * import { countParams } from '@scaling-lab/core/train';
 * const c = countParams({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8);
 * c.nonEmbedding; // → 3072
 * c.total; // → 3568
 * ```
 */
export function countParams(model: ModelShape, vocab: number): ParamCounts {
  const { layers: L, dModel: d, context: T } = model;
  const nonEmbedding = 12 * L * d * d;
  const nonEmbeddingExact = L * (12 * d * d + 13 * d) + 2 * d;
  const embedding = vocab * d + T * d;
  return { nonEmbedding, nonEmbeddingExact, embedding, total: nonEmbeddingExact + embedding };
}
