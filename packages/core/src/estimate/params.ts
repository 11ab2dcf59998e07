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
 * Beyond that one shape (see architecture/*.ts): per-layer heterogeneity (the first k layers dense,
 * MoE every n-th layer, or an explicit list), expert and shared-expert widths that differ from the dense
 * FFN, multi-head latent attention (DeepSeek-V2/V3), Q/K/V-only biases (Qwen), norm kinds (LayerNorm
 * with bias, RMSNorm, OLMo's non-parametric LayerNorm) and counts per layer (Gemma 2's four), BERT's
 * token-type embeddings and pooler, and DeepSeek-V3's multi-token-prediction modules (reported apart:
 * the paper's 671B excludes them).
 *
 * Check: Llama-2-70B (80 layers, d 8192, 64 heads, 8 KV heads, SwiGLU 28672,
 * vocab 32000, untied) → 68.98B (the released checkpoint has 68,976,648,192);
 * a count that treats the MLP as 2·d·4d gets ~56B.
 */
import { InputError, requireNumber } from '../errors.js';
import { attentionHeadWidths, attentionParams, validateMla, type MlaSpec } from './architecture/attention.js';
import { attentionKinds, layerKinds, type AttentionKind, type LayerKind } from './architecture/layers.js';

export type { MlaSpec } from './architecture/attention.js';
export type { AttentionKind, LayerKind } from './architecture/layers.js';

export interface Architecture {
  layers: number;
  /** Residual width d_model. */
  dModel: number;
  heads: number;
  /** Key/value heads (grouped-query attention); defaults to `heads`; must divide `heads`. */
  kvHeads?: number;
  /** Per-head width; defaults to dModel / heads. */
  headDim?: number;
  /** Feed-forward width of dense layers; defaults to 4·dModel. */
  ffnDim?: number;
  /** `gelu`: two matrices; `swiglu` / `geglu` (gated, Shazeer 2020): three. Default `gelu`. */
  ffnType?: 'gelu' | 'swiglu' | 'geglu';
  vocab: number;
  /** Input and output embeddings share one matrix. Default false. */
  tiedEmbeddings?: boolean;
  /** Context length (sequence length); used for learned positions and attention FLOPs. */
  context?: number;
  /** Learned absolute position embeddings (GPT-2/3, OPT, BERT). Default false. */
  learnedPositions?: boolean;
  /** Linear layers and norms carry biases (GPT-3, OPT, BERT). Default false. */
  bias?: boolean;
  /** Biases on the Q, K and V projections only (Qwen2/2.5). Default false. */
  qkvBias?: boolean;
  /** `layernorm` (scale + bias), `rmsnorm` (scale), `nonparametric` (none, OLMo 1). Default layernorm with `bias`, else rmsnorm. */
  norm?: 'layernorm' | 'rmsnorm' | 'nonparametric';
  /** Norms per layer: 2 (pre-attention, pre-MLP) by default; Gemma 2 has 4 (pre and post each). */
  normsPerLayer?: number;
  /** BERT-style token-type (segment) embeddings, `type_vocab_size`. Default 0. */
  tokenTypes?: number;
  /** BERT's pooler, a d × d dense layer with bias on the first token. Default false. */
  pooler?: boolean;
  /** Multi-head latent attention (DeepSeek-V2/V3) instead of multi-head/grouped-query attention. */
  mla?: MlaSpec;
  /** Routed experts per MoE layer (1 or absent = dense). */
  experts?: number;
  /** Routed experts active per token. */
  activeExperts?: number;
  /** Always-on shared experts per MoE layer (DeepSeek-style). */
  sharedExperts?: number;
  /** Width of each routed expert (`moe_intermediate_size`); defaults to ffnDim. */
  expertFfnDim?: number;
  /** Width of each shared expert; defaults to expertFfnDim. */
  sharedExpertFfnDim?: number;
  /** The first k layers are dense (DeepSeek `first_k_dense_replace`). */
  denseLayers?: number;
  /** Layer i is MoE when (i + 1) mod n = 0 (n = 2: every other layer). Default 1. */
  moeEvery?: number;
  /** Explicit dense/moe per layer (overrides denseLayers and moeEvery). */
  layerTypes?: LayerKind[];
  /** Multi-token-prediction modules (DeepSeek-V3: 1): counted in `mtp`, not in `total`. */
  mtpModules?: number;
  /** Sliding-window attention width in tokens (Mistral 7B, Gemma 2: 4096). */
  slidingWindow?: number;
  /** Which layers use the window: `all` (default) or `alternate` (even layers local, Gemma 2). */
  slidingWindowPattern?: 'all' | 'alternate';
  /** Explicit global/sliding per layer (overrides slidingWindowPattern). */
  attentionTypes?: AttentionKind[];
}

/** An architecture with defaults filled and every field checked. */
export interface NormalizedArchitecture {
  layers: number; dModel: number; heads: number; kvHeads: number; headDim: number; ffnDim: number;
  ffnType: 'gelu' | 'swiglu' | 'geglu'; vocab: number; tiedEmbeddings: boolean; context?: number; learnedPositions: boolean;
  bias: boolean; qkvBias: boolean; norm: 'layernorm' | 'rmsnorm' | 'nonparametric'; normsPerLayer: number; tokenTypes: number; pooler: boolean;
  mla?: MlaSpec; experts: number; activeExperts: number; sharedExperts: number; expertFfnDim: number; sharedExpertFfnDim: number;
  mtpModules: number; slidingWindow?: number;
  /** Per layer: dense or MoE MLP, global or sliding attention. */
  layerKinds: LayerKind[]; attentionKinds: AttentionKind[];
}

export interface ParamBreakdown {
  /** Token, position and token-type embeddings, plus the output matrix when untied. */
  embedding: number;
  /** Attention projections over all layers. */
  attention: number;
  /** MLP (all experts) over all layers, plus routers. */
  mlp: number;
  /** Norm scales (and biases). */
  norms: number;
  /** Other heads (BERT's pooler). */
  other: number;
  /** Main model (without multi-token-prediction modules). */
  total: number;
  /** Parameters used per token (MoE: routed-active + shared experts). Equals total for dense models. */
  active: number;
  /** total − embedding (Kaplan et al. 2020's N). */
  nonEmbedding: number;
  /** active − embedding. */
  activeNonEmbedding: number;
  /**
   * Parameters a token is computed with: `active` less the input-side lookups (token, position and
   * token-type embeddings), keeping the output head. This is the DeepSeek reports' "activated
   * parameters": DeepSeek-V2 21B, V2-Lite 2.4B, V3 37B (see architectures.test.ts).
   */
  activated: number;
  /**
   * `activated` plus what the multi-token-prediction modules compute per training token (their
   * projection, transformer block with its active experts, and norms; embedding and head are shared):
   * the N of a training run's 6·N·D. Equals `activated` without MTP. DeepSeek-V3: 36.63B + 0.69B =
   * 37.31B against the report's "37B activated" (§4.2, two significant figures; see architectures.test.ts).
   */
  activatedInTraining: number;
  /** Matmul parameters used per token over all layers (attention + active MLP + router): the 2·N of the forward pass. */
  activeMatmul: number;
  /** activeMatmul ÷ layers (the mean layer). */
  activeMatmulPerLayer: number;
  /** Multi-token-prediction modules (shared embedding and output head not counted again); 0 without. */
  mtp: number;
  /** Matmul parameters the MTP modules use per token. */
  mtpActiveMatmul: number;
}

/** Deepest architecture accepted (see normalizeArchitecture). */
export const MAX_LAYERS = 10_000;

function positiveInt(field: string, v: unknown): number {
  const n = requireNumber(field, v, { min: 1 });
  if (!Number.isInteger(n)) throw new InputError(field, `must be a whole number, got ${n}`, 'give an integer');
  return n;
}

function wholeAtLeast0(field: string, v: unknown): number {
  const n = requireNumber(field, v, { min: 0 });
  if (!Number.isInteger(n)) throw new InputError(field, `must be a whole number, got ${n}`, 'give an integer');
  return n;
}

/** A gated MLP (SwiGLU, GeGLU) has three matrices. */
export function isGated(ffnType: NormalizedArchitecture['ffnType']): boolean {
  return ffnType === 'swiglu' || ffnType === 'geglu';
}

/**
 * Validates an architecture and fills its defaults (kvHeads = heads, headDim = dModel/heads, ffnDim = 4·dModel
 * for GELU, RMSNorm, dense layers, untied embeddings, …), so every field later code reads is present and checked.
 *
 * @param a - the architecture: at least layers, dModel, heads and vocab
 * @returns the normalized architecture, with per-layer kinds
 * @throws InputError naming the field (`layers`, `heads`, …) that is missing, not a positive whole number or inconsistent
 * @example
 * ```ts
 * import { normalizeArchitecture } from '@scaling-lab/core';
 * const n = normalizeArchitecture({ layers: 32, dModel: 4096, heads: 32, vocab: 32000 });
 * n.headDim; // → 128
 * n.ffnDim; // → 16384
 * normalizeArchitecture({ layers: 0, dModel: 4096, heads: 32, vocab: 32000 }); // → throws InputError
 * ```
 */
export function normalizeArchitecture(a: Architecture): NormalizedArchitecture {
  if (a === null || typeof a !== 'object') throw new InputError('architecture', 'expected an object', 'give { layers, dModel, heads, vocab, … }');
  const layers = positiveInt('layers', a.layers);
  // Per-layer tables are built below, so an absurd depth would exhaust memory before any check:
  // 10,000 is ~80× the deepest published dense models (PaLM 540B: 118 layers; Llama 3.1 405B: 126).
  if (layers > MAX_LAYERS) throw new InputError('layers', `must be at most ${MAX_LAYERS.toLocaleString('en-US')}, got ${layers}`, 'give the number of transformer blocks (published models have up to ~130)');
  const dModel = positiveInt('dModel', a.dModel);
  const heads = positiveInt('heads', a.heads);
  const kvHeads = a.kvHeads === undefined ? heads : positiveInt('kvHeads', a.kvHeads);
  if (kvHeads > heads) throw new InputError('kvHeads', `cannot exceed heads (${heads}), got ${kvHeads}`, 'give kvHeads ≤ heads');
  // Grouped-query attention shares each K/V head among heads/kvHeads query heads: it must divide.
  if (heads % kvHeads !== 0) throw new InputError('kvHeads', `${kvHeads} does not divide the ${heads} heads`, `give a divisor of ${heads}, such as ${largestDivisorAtMost(heads, kvHeads)}`);
  const headDim = a.headDim === undefined ? dModel / heads : positiveInt('headDim', a.headDim);
  if (!Number.isInteger(headDim)) throw new InputError('heads', `dModel ${dModel} is not divisible by heads ${heads}`, 'give headDim explicitly');
  const ffnDim = a.ffnDim === undefined ? 4 * dModel : positiveInt('ffnDim', a.ffnDim);
  const ffnType = a.ffnType ?? 'gelu';
  if (ffnType !== 'gelu' && ffnType !== 'swiglu' && ffnType !== 'geglu') throw new InputError('ffnType', `unknown "${String(ffnType)}"`, 'use gelu, swiglu or geglu');
  const vocab = positiveInt('vocab', a.vocab);
  const experts = a.experts === undefined ? 1 : positiveInt('experts', a.experts);
  const activeExperts = a.activeExperts === undefined ? experts : positiveInt('activeExperts', a.activeExperts);
  if (activeExperts > experts) throw new InputError('activeExperts', `cannot exceed experts (${experts})`, 'give activeExperts ≤ experts');
  const sharedExperts = a.sharedExperts === undefined ? 0 : wholeAtLeast0('sharedExperts', a.sharedExperts);
  const expertFfnDim = a.expertFfnDim === undefined ? ffnDim : positiveInt('expertFfnDim', a.expertFfnDim);
  const sharedExpertFfnDim = a.sharedExpertFfnDim === undefined ? expertFfnDim : positiveInt('sharedExpertFfnDim', a.sharedExpertFfnDim);
  const context = a.context === undefined ? undefined : positiveInt('context', a.context);
  const learnedPositions = a.learnedPositions ?? false;
  if (learnedPositions && context === undefined) throw new InputError('context', 'is needed for learned position embeddings', 'give the context length');
  const bias = a.bias ?? false;
  const norm = a.norm ?? (bias ? 'layernorm' : 'rmsnorm');
  if (norm !== 'layernorm' && norm !== 'rmsnorm' && norm !== 'nonparametric') throw new InputError('norm', `unknown "${String(norm)}"`, 'use layernorm, rmsnorm or nonparametric');
  const normsPerLayer = a.normsPerLayer === undefined ? 2 : wholeAtLeast0('normsPerLayer', a.normsPerLayer);
  const tokenTypes = a.tokenTypes === undefined ? 0 : wholeAtLeast0('tokenTypes', a.tokenTypes);
  const mla = a.mla === undefined ? undefined : validateMla(a.mla);
  const denseLayers = a.denseLayers === undefined ? undefined : wholeAtLeast0('denseLayers', a.denseLayers);
  const moeEvery = a.moeEvery === undefined ? undefined : positiveInt('moeEvery', a.moeEvery);
  const mtpModules = a.mtpModules === undefined ? 0 : wholeAtLeast0('mtpModules', a.mtpModules);
  // Each MTP module predicts one more token with one more block; more modules than layers is no published design (DeepSeek-V3: 1).
  if (mtpModules > layers) throw new InputError('mtpModules', `${mtpModules} modules exceed the ${layers} layers`, 'give 0 to a few (DeepSeek-V3 uses 1)');
  const slidingWindow = a.slidingWindow === undefined ? undefined : positiveInt('slidingWindow', a.slidingWindow);
  const placement = { layers, experts, denseLayers, moeEvery, layerTypes: a.layerTypes, slidingWindow, slidingWindowPattern: a.slidingWindowPattern, attentionTypes: a.attentionTypes };
  return {
    layers, dModel, heads, kvHeads, headDim, ffnDim, ffnType, vocab, tiedEmbeddings: a.tiedEmbeddings ?? false, context, learnedPositions,
    bias, qkvBias: a.qkvBias ?? false, norm, normsPerLayer, tokenTypes, pooler: a.pooler ?? false, mla,
    experts, activeExperts, sharedExperts, expertFfnDim, sharedExpertFfnDim, mtpModules, slidingWindow,
    layerKinds: layerKinds(placement), attentionKinds: attentionKinds(placement),
  };
}

function largestDivisorAtMost(n: number, k: number): number {
  for (let d = Math.min(n, k); d > 1; d--) if (n % d === 0) return d;
  return 1;
}

/** Parameters of one norm of width `width`. */
function normParams(a: NormalizedArchitecture, width: number): number {
  return a.norm === 'layernorm' ? 2 * width : a.norm === 'rmsnorm' ? width : 0;
}

/** One MLP of width `ffn`: 2 or 3 matrices, plus biases. */
function mlpParams(a: NormalizedArchitecture, ffn: number): number {
  const mats = isGated(a.ffnType) ? 3 : 2;
  return mats * a.dModel * ffn + (a.bias ? (mats - 1) * ffn + a.dModel : 0);
}

/** Total and per-token MLP parameters of one layer of `kind`. */
function layerMlp(a: NormalizedArchitecture, kind: LayerKind): { total: number; active: number } {
  if (kind === 'dense') {
    const p = mlpParams(a, a.ffnDim);
    return { total: p, active: p };
  }
  const expert = mlpParams(a, a.expertFfnDim);
  const shared = a.sharedExperts * mlpParams(a, a.sharedExpertFfnDim);
  const router = a.dModel * a.experts;
  return { total: expert * a.experts + shared + router, active: expert * a.activeExperts + shared + router };
}

/**
 * Parameter count of a decoder-only transformer from its architecture, by part.
 *
 * Method (see the module comment): attention Q, O (d × heads·headDim) and K, V
 * (d × kvHeads·headDim) per layer, the MLP 2·d·ffn (GELU) or 3·d·ffn (SwiGLU, Shazeer 2020),
 * norms, mixture-of-experts totals and active counts, embeddings vocab × d (twice when untied).
 *
 * @param arch - layers, width, heads and the options of {@link Architecture}
 * @returns the breakdown: `total`, `active` (per token, for MoE), `nonEmbedding`, and each part
 * @throws InputError naming the architecture field that is missing or inconsistent
 * @example
 * ```ts
 * import { paramsFromArchitecture } from '@scaling-lab/core';
 * // Llama-2-70B (Touvron et al. 2023): the released checkpoint has 68,976,648,192 parameters
 * const p = paramsFromArchitecture({ layers: 80, dModel: 8192, heads: 64, kvHeads: 8, ffnType: 'swiglu', ffnDim: 28672, vocab: 32000, tiedEmbeddings: false });
 * p.total; // → 68976648192
 * ```
 */
export function paramsFromArchitecture(arch: Architecture): ParamBreakdown {
  const a = normalizeArchitecture(arch);
  const d = a.dModel;
  const attn = attentionParams(a);
  let mlp = 0;
  let mlpActive = 0;
  for (const kind of a.layerKinds) {
    const m = layerMlp(a, kind);
    mlp += m.total;
    mlpActive += m.active;
  }
  const norms = a.layers * a.normsPerLayer * normParams(a, d) + normParams(a, d);
  const embedding = a.vocab * d * (a.tiedEmbeddings ? 1 : 2) + (a.learnedPositions ? (a.context ?? 0) * d : 0) + a.tokenTypes * d;
  const other = a.pooler ? d * d + d : 0;
  const attention = a.layers * attn;
  const total = embedding + attention + mlp + norms + other;
  const active = embedding + attention + mlpActive + norms + other;
  // DeepSeek-V3 §2.2: each MTP module is a projection M (d × 2d) of two RMS-normed inputs plus one
  // transformer block (of the last layer's kind); embedding and output head are shared with the model.
  const lastKind = a.layerKinds[a.layers - 1];
  const mtpLayer = layerMlp(a, lastKind);
  const mtpBlock = 2 * d * d + attn + a.normsPerLayer * normParams(a, d) + 3 * normParams(a, d);
  const activeMatmul = attention + mlpActive;
  return {
    embedding, attention, mlp, norms, other, total, active,
    nonEmbedding: total - embedding, activeNonEmbedding: active - embedding,
    // The output head (vocab × d, shared with the input table when tied) is computed; the lookups are not.
    activated: active - embedding + a.vocab * d,
    activatedInTraining: active - embedding + a.vocab * d + a.mtpModules * (mtpBlock + mtpLayer.active),
    activeMatmul, activeMatmulPerLayer: activeMatmul / a.layers,
    mtp: a.mtpModules * (mtpBlock + mtpLayer.total),
    mtpActiveMatmul: a.mtpModules * (2 * d * d + attn + mtpLayer.active),
  };
}

/** Per-head widths of attention scores and values, for FLOP counts. */
export function headWidths(a: NormalizedArchitecture): { qk: number; v: number } {
  return attentionHeadWidths(a);
}
