/**
 * Published models trained far past the Chinchilla ratio (~20 tokens per parameter), for
 * context beside the inference-aware optimum (Sardana et al. 2024). Parameters and tokens as
 * each paper or model card states them; tokens per parameter is their ratio.
 */
export interface OvertrainedModel {
  id: string;
  name: string;
  params: number;
  tokens: number;
  source: string;
}

export const OVERTRAINED_MODELS: readonly OvertrainedModel[] = [
  { id: 'chinchilla-70b', name: 'Chinchilla 70B', params: 70e9, tokens: 1.4e12, source: 'Hoffmann et al. 2022, arXiv 2203.15556, Table 4 (70B, 1.4T tokens)' },
  { id: 'llama-2-7b', name: 'Llama 2 7B', params: 6.74e9, tokens: 2e12, source: 'Touvron et al. 2023, arXiv 2307.09288, Table 1 (2.0T tokens)' },
  { id: 'llama-3-70b', name: 'Llama 3 70B', params: 70.6e9, tokens: 15e12, source: 'Llama Team 2024, "The Llama 3 Herd of Models", arXiv 2407.21783, §3 (15T tokens); 70.6B in the released checkpoint' },
  { id: 'llama-3-8b', name: 'Llama 3 8B', params: 8.03e9, tokens: 15e12, source: 'Llama Team 2024, arXiv 2407.21783, §3 (15T tokens); 8.03B in the released checkpoint' },
  { id: 'gemma-2-9b', name: 'Gemma 2 9B', params: 9.24e9, tokens: 8e12, source: 'Gemma Team 2024, "Gemma 2", arXiv 2408.00118, §3.1 (9B on 8T tokens); 9.24B in the released checkpoint' },
  { id: 'phi-3-mini', name: 'Phi-3-mini 3.8B', params: 3.8e9, tokens: 3.3e12, source: 'Abdin et al. 2024, "Phi-3 Technical Report", arXiv 2404.14219, §1 (3.8B on 3.3T tokens)' },
  { id: 'qwen2.5-7b', name: 'Qwen2.5 7B', params: 7.61e9, tokens: 18e12, source: 'Qwen Team 2024, "Qwen2.5 Technical Report", arXiv 2412.15115, §3 (18T tokens); 7.61B in the released checkpoint' },
];

/**
 * Training tokens per parameter, D/N, of a released model: the figure to compare with the
 * Chinchilla-optimal ≈ 20 (Hoffmann et al. 2022 Table 3).
 *
 * @param m - a model with its parameters and training tokens (e.g. one of OVERTRAINED_MODELS)
 * @returns D/N
 * @example
 * ```ts
 * import { tokensPerParam } from '@scaling-lab/core';
 * tokensPerParam({ id: 'chinchilla-70b', name: 'Chinchilla 70B', params: 70e9, tokens: 1.4e12, source: '' }); // → 20
 * ```
 */
export function tokensPerParam(m: OvertrainedModel): number {
  return m.tokens / m.params;
}
