/**
 * Parameter count of a decoder-only transformer from its architecture.
 *
 * Per layer: attention projections Q and O (d × heads·headDim each) and K, V
 * (d × kvHeads·headDim each, fewer with grouped-query attention); the MLP is
 * 2·d·ffn for a GELU MLP and 3·d·ffn for SwiGLU (gate, up, down — Shazeer 2020);
 * two norms of d (plus biases when `bias`). Mixture-of-experts multiplies the
 * MLP by the expert count (total) or by the experts routed per token plus
 * shared experts (active) and adds a d × experts router. Embeddings: vocab × d,
 * doubled when input and output embeddings are not tied, plus context × d for
 * learned positions.
 *
 * Check: Llama-2-70B (80 layers, d 8192, 64 heads, 8 KV heads, SwiGLU 28672,
 * vocab 32000, untied) → 68.98B (the released checkpoint has 68,976,648,192);
 * a count that treats the MLP as 2·d·4d gets ~56B.
 */
import { InputError, requireNumber } from '../errors.js';

export interface Architecture {
  layers: number;
  /** Residual width d_model. */
  dModel: number;
  heads: number;
  /** Key/value heads (grouped-query attention); defaults to `heads`. */
  kvHeads?: number;
  /** Per-head width; defaults to dModel / heads. */
  headDim?: number;
  /** Feed-forward width; defaults to 4·dModel. */
  ffnDim?: number;
  /** `gelu`: two matrices; `swiglu`: three. Default `gelu`. */
  ffnType?: 'gelu' | 'swiglu';
  vocab: number;
  /** Input and output embeddings share one matrix. Default false. */
  tiedEmbeddings?: boolean;
  /** Context length (sequence length); used for learned positions and attention FLOPs. */
  context?: number;
  /** Learned absolute position embeddings (GPT-2/3, OPT, Gopher uses relative). Default false. */
  learnedPositions?: boolean;
  /** Linear layers and norms carry biases (GPT-3, OPT). Default false. */
  bias?: boolean;
  /** Routed experts per MoE layer (1 or absent = dense). */
  experts?: number;
  /** Routed experts active per token. */
  activeExperts?: number;
  /** Always-on shared experts per MoE layer (DeepSeek-style). */
  sharedExperts?: number;
}

export interface ParamBreakdown {
  /** Token (and position) embeddings, plus the output matrix when untied. */
  embedding: number;
  /** Attention projections over all layers. */
  attention: number;
  /** MLP (all experts) over all layers, plus routers. */
  mlp: number;
  /** Norm scales (and biases). */
  norms: number;
  total: number;
  /** Parameters used per token (MoE: routed-active + shared experts). Equals total for dense models. */
  active: number;
  /** total − embedding (Kaplan et al. 2020's N). */
  nonEmbedding: number;
  /** active − embedding. */
  activeNonEmbedding: number;
  /** Per-layer matmul parameters used per token (attention + active MLP + router): the 2·N of the forward pass. */
  activeMatmulPerLayer: number;
}

function positiveInt(field: string, v: unknown): number {
  const n = requireNumber(field, v, { min: 1 });
  if (!Number.isInteger(n)) throw new InputError(field, `must be a whole number, got ${n}`, 'give an integer');
  return n;
}

/** Validates an architecture and fills defaults. */
export function normalizeArchitecture(a: Architecture): Required<Omit<Architecture, 'context'>> & { context?: number } {
  const layers = positiveInt('layers', a.layers);
  const dModel = positiveInt('dModel', a.dModel);
  const heads = positiveInt('heads', a.heads);
  const kvHeads = a.kvHeads === undefined ? heads : positiveInt('kvHeads', a.kvHeads);
  if (kvHeads > heads) throw new InputError('kvHeads', `cannot exceed heads (${heads}), got ${kvHeads}`, 'give kvHeads ≤ heads');
  const headDim = a.headDim === undefined ? dModel / heads : positiveInt('headDim', a.headDim);
  if (!Number.isInteger(headDim)) throw new InputError('heads', `dModel ${dModel} is not divisible by heads ${heads}`, 'give headDim explicitly');
  const ffnDim = a.ffnDim === undefined ? 4 * dModel : positiveInt('ffnDim', a.ffnDim);
  const ffnType = a.ffnType ?? 'gelu';
  if (ffnType !== 'gelu' && ffnType !== 'swiglu') throw new InputError('ffnType', `unknown "${String(ffnType)}"`, 'use gelu or swiglu');
  const vocab = positiveInt('vocab', a.vocab);
  const experts = a.experts === undefined ? 1 : positiveInt('experts', a.experts);
  const activeExperts = a.activeExperts === undefined ? experts : positiveInt('activeExperts', a.activeExperts);
  if (activeExperts > experts) throw new InputError('activeExperts', `cannot exceed experts (${experts})`, 'give activeExperts ≤ experts');
  const sharedExperts = a.sharedExperts === undefined ? 0 : requireNumber('sharedExperts', a.sharedExperts, { min: 0 });
  const context = a.context === undefined ? undefined : positiveInt('context', a.context);
  const learnedPositions = a.learnedPositions ?? false;
  if (learnedPositions && context === undefined) throw new InputError('context', 'is needed for learned position embeddings', 'give the context length');
  return { layers, dModel, heads, kvHeads, headDim, ffnDim, ffnType, vocab, tiedEmbeddings: a.tiedEmbeddings ?? false, context, learnedPositions, bias: a.bias ?? false, experts, activeExperts, sharedExperts };
}

/** Parameter breakdown of `arch`; see the module comment for the formula. */
export function paramsFromArchitecture(arch: Architecture): ParamBreakdown {
  const a = normalizeArchitecture(arch);
  const d = a.dModel;
  const qDim = a.heads * a.headDim;
  const kvDim = a.kvHeads * a.headDim;
  let attn = 2 * d * qDim + 2 * d * kvDim;
  if (a.bias) attn += qDim + 2 * kvDim + d;
  const mats = a.ffnType === 'swiglu' ? 3 : 2;
  let expertMlp = mats * d * a.ffnDim;
  if (a.bias) expertMlp += (mats - 1) * a.ffnDim + d;
  const moe = a.experts > 1;
  const router = moe ? d * a.experts : 0;
  const mlpLayerTotal = expertMlp * (a.experts + a.sharedExperts) + router;
  const mlpLayerActive = expertMlp * (a.activeExperts + a.sharedExperts) + router;
  const normLayer = (a.bias ? 2 : 1) * 2 * d;
  const finalNorm = (a.bias ? 2 : 1) * d;
  const embedding = a.vocab * d * (a.tiedEmbeddings ? 1 : 2) + (a.learnedPositions ? (a.context ?? 0) * d : 0);
  const attention = a.layers * attn;
  const mlp = a.layers * mlpLayerTotal;
  const norms = a.layers * normLayer + finalNorm;
  const total = embedding + attention + mlp + norms;
  const active = embedding + attention + a.layers * mlpLayerActive + norms;
  return {
    embedding, attention, mlp, norms, total, active,
    nonEmbedding: total - embedding, activeNonEmbedding: active - embedding,
    activeMatmulPerLayer: attn + mlpLayerActive,
  };
}
