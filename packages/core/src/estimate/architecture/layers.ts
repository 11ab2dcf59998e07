/**
 * Which layers of a transformer are mixture-of-experts and which use sliding-window attention.
 *
 * MoE placement follows the Hugging Face conventions the shorthands come from:
 * - `denseLayers: k`: the first k layers are dense (DeepSeek-V2/V3 `first_k_dense_replace`);
 * - `moeEvery: n`: layer i (0-based) is MoE when (i + 1) mod n = 0 (Qwen2-MoE `decoder_sparse_step`,
 *   Llama 4 `interleave_moe_layer_step`; n = 2 is "MoE every other layer");
 * - `layerTypes`: an explicit 'dense' | 'moe' per layer, for anything else.
 * Sliding windows: `slidingWindowPattern` 'all' (Mistral 7B v0.1), 'alternate' (Gemma 2: even layers
 * local, odd layers global), or an explicit per-layer list in `attentionTypes`.
 */
import { InputError } from '../../errors.js';

export type LayerKind = 'dense' | 'moe';
export type AttentionKind = 'global' | 'sliding';

export interface LayerPlacement {
  layers: number;
  experts: number;
  denseLayers?: number;
  moeEvery?: number;
  layerTypes?: readonly LayerKind[];
  slidingWindow?: number;
  slidingWindowPattern?: 'all' | 'alternate';
  attentionTypes?: readonly AttentionKind[];
}

/** 'dense' or 'moe' for each layer. Without experts every layer is dense. */
export function layerKinds(a: LayerPlacement): LayerKind[] {
  if (a.layerTypes !== undefined) {
    if (!Array.isArray(a.layerTypes) || a.layerTypes.length !== a.layers) {
      throw new InputError('layerTypes', `has ${Array.isArray(a.layerTypes) ? a.layerTypes.length : 'no'} entries for ${a.layers} layers`, 'give one of dense/moe per layer');
    }
    for (const t of a.layerTypes) if (t !== 'dense' && t !== 'moe') throw new InputError('layerTypes', `unknown "${String(t)}"`, 'use dense or moe');
    if (a.experts <= 1 && a.layerTypes.includes('moe')) throw new InputError('layerTypes', 'names MoE layers but experts is 1', 'give experts > 1');
    return [...a.layerTypes];
  }
  if (a.experts <= 1) return Array.from({ length: a.layers }, () => 'dense' as const);
  const k = a.denseLayers ?? 0;
  const n = a.moeEvery ?? 1;
  if (k >= a.layers) throw new InputError('denseLayers', `${k} dense layers leave no MoE layer of ${a.layers}`, 'give fewer dense layers or drop experts');
  return Array.from({ length: a.layers }, (_, i) => (i >= k && (i + 1) % n === 0 ? 'moe' : 'dense'));
}

/** 'global' or 'sliding' for each layer; all global without a window. */
export function attentionKinds(a: LayerPlacement): AttentionKind[] {
  if (a.attentionTypes !== undefined) {
    if (!Array.isArray(a.attentionTypes) || a.attentionTypes.length !== a.layers) {
      throw new InputError('attentionTypes', `has ${Array.isArray(a.attentionTypes) ? a.attentionTypes.length : 'no'} entries for ${a.layers} layers`, 'give one of global/sliding per layer');
    }
    for (const t of a.attentionTypes) if (t !== 'global' && t !== 'sliding') throw new InputError('attentionTypes', `unknown "${String(t)}"`, 'use global or sliding');
    if (a.slidingWindow === undefined && a.attentionTypes.includes('sliding')) throw new InputError('slidingWindow', 'is needed for sliding layers', 'give the window in tokens');
    return [...a.attentionTypes];
  }
  if (a.slidingWindow === undefined) return Array.from({ length: a.layers }, () => 'global' as const);
  const pattern = a.slidingWindowPattern ?? 'all';
  if (pattern !== 'all' && pattern !== 'alternate') throw new InputError('slidingWindowPattern', `unknown "${String(pattern)}"`, 'use all or alternate');
  return Array.from({ length: a.layers }, (_, i) => (pattern === 'all' || i % 2 === 0 ? 'sliding' : 'global'));
}
