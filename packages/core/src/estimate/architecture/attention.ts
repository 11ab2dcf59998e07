/**
 * Attention parameters of one layer, and the per-head widths the attention-score FLOPs use.
 *
 * - Multi-head / grouped-query attention: Q and O are d × heads·headDim, K and V d × kvHeads·headDim;
 *   `bias` adds biases to all four, `qkvBias` to Q, K, V only (Qwen2/2.5).
 * - Multi-head latent attention (DeepSeek-V2 §2.1, DeepSeek-V3 §2.1.1): queries through a rank-r_q
 *   bottleneck (W_DQ d × r_q, its RMSNorm, W_UQ r_q × heads·(d_nope + d_rope)), keys and values through a
 *   compressed latent of rank r_kv plus one shared decoupled RoPE key (W_DKV d × (r_kv + d_rope), its
 *   RMSNorm, W_UKV r_kv × heads·(d_nope + d_v)), output heads·d_v × d. Without a query rank the query is a
 *   plain d × heads·(d_nope + d_rope) projection (DeepSeek-V2-Lite).
 */
import { InputError } from '../../errors.js';

export interface MlaSpec {
  /** Query compression rank r_q (`q_lora_rank`); absent = uncompressed queries. */
  qLoraRank?: number;
  /** Key/value latent rank r_kv (`kv_lora_rank`). */
  kvLoraRank: number;
  /** Per-head query/key width without RoPE (`qk_nope_head_dim`). */
  qkNopeHeadDim: number;
  /** Decoupled RoPE width (`qk_rope_head_dim`). */
  qkRopeHeadDim: number;
  /** Per-head value width (`v_head_dim`). */
  vHeadDim: number;
}

export interface AttentionShape {
  dModel: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  bias: boolean;
  qkvBias: boolean;
  mla?: MlaSpec;
}

/** Parameters of one attention block (projections, their biases, MLA's internal norms). */
export function attentionParams(a: AttentionShape): number {
  const d = a.dModel;
  if (a.mla) {
    const m = a.mla;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q = m.qLoraRank !== undefined ? d * m.qLoraRank + m.qLoraRank + m.qLoraRank * a.heads * qk : d * a.heads * qk;
    const kv = d * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank + m.kvLoraRank * a.heads * (m.qkNopeHeadDim + m.vHeadDim);
    const o = a.heads * m.vHeadDim * d;
    return q + kv + o + (a.bias ? a.heads * qk + d : 0);
  }
  const qDim = a.heads * a.headDim;
  const kvDim = a.kvHeads * a.headDim;
  let p = 2 * d * qDim + 2 * d * kvDim;
  if (a.bias) p += qDim + 2 * kvDim + d;
  else if (a.qkvBias) p += qDim + 2 * kvDim;
  return p;
}

/** Per-head widths of the score (QKᵀ) and value (A·V) products. */
export function attentionHeadWidths(a: AttentionShape): { qk: number; v: number } {
  if (a.mla) return { qk: a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim, v: a.mla.vHeadDim };
  return { qk: a.headDim, v: a.headDim };
}

/** Validates an MLA block: whole positive widths. */
export function validateMla(m: unknown): MlaSpec {
  if (m === null || typeof m !== 'object') throw new InputError('mla', 'expected an object', 'give { kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, qLoraRank? }');
  const o = m as Record<string, unknown>;
  const whole = (k: string, optional = false): number | undefined => {
    const v = o[k];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new InputError(`mla.${k}`, `must be a whole number ≥ 1, got ${JSON.stringify(v)}`, 'give the width from the model config');
    return v;
  };
  const out: MlaSpec = { kvLoraRank: whole('kvLoraRank')!, qkNopeHeadDim: whole('qkNopeHeadDim')!, qkRopeHeadDim: whole('qkRopeHeadDim')!, vHeadDim: whole('vHeadDim')! };
  const q = whole('qLoraRank', true);
  if (q !== undefined) out.qLoraRank = q;
  return out;
}
