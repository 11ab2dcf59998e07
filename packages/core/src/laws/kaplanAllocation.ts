/**
 * Kaplan et al.'s published compute-optimal allocation (arXiv 2001.08361, §6.1, eq. 6.1 and
 * Fig. 14): N_opt = 1.3e9 · C_min^0.73 non-embedding parameters with C_min in PF-days, the rest of
 * the budget in tokens, D = C / (6N) ∝ C^0.27. Hoffmann et al. 2022 quote it as a = 0.73, b = 0.27
 * (Table 2). It comes from early-stopped training curves (L(N, S) of §5), not from the L(N, D) of
 * eq. 1.5: minimising eq. 1.5 under 6ND = C gives N ∝ C^0.556 (`computeOptimal` with the
 * kaplan2020 law), 4.2× smaller at Gopher's 5.76e23 FLOPs. Both are reported, each by name.
 * For a target loss, eq. 1.3 gives the least compute C_min = C_c · L^(−1/α_C) (C_c 3.1e8 PF-days,
 * α_C 0.050). No interval is published.
 */
import { requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { FLOPS_PER_PF_DAY } from './types.js';

export const KAPLAN2020_ALLOCATION_SOURCE =
  'Kaplan et al. 2020, arXiv 2001.08361, §6.1 eq. 6.1 / Fig. 14: N_opt = 1.3e9·C_min^0.73 (C_min in PF-days); quoted by Hoffmann et al. 2022 Table 2 (a = 0.73); no interval published';

export const KAPLAN2020_ALLOCATION = { coefficient: 1.3e9, exponent: 0.73, computeCPfDays: 3.1e8, alphaC: 0.05 } as const;

export interface KaplanAllocation {
  flops: number;
  params: number;
  tokens: number;
  tokensPerParam: number;
  /** Which allocation this is, in words for the output. */
  label: string;
  source: string;
}

/**
 * Kaplan et al. 2020's published compute-optimal size, N_opt = 1.3e9 · C^0.73 with C in
 * PF-days (§6.1, eq. 6.1, Fig. 14; a = 0.73 as quoted by Hoffmann et al. 2022, Table 2),
 * and D = C/(6N).
 *
 * @param flops - the training budget C, FLOPs
 * @returns params, tokens, tokens per parameter, and the source
 * @throws InputError when the budget is not a positive number
 * @example
 * ```ts
 * import { kaplanPublishedAllocation } from '@scaling-lab/core';
 * kaplanPublishedAllocation(5.76e23).params; // → 8.04e11
 * ```
 */
export function kaplanPublishedAllocation(flops: number): KaplanAllocation {
  const C = requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  const params = KAPLAN2020_ALLOCATION.coefficient * (C / FLOPS_PER_PF_DAY) ** KAPLAN2020_ALLOCATION.exponent;
  const tokens = tokensForTrainingFlopsUnchecked(C, params);
  return { flops: C, params, tokens, tokensPerParam: tokens / params, label: "Kaplan et al.'s published allocation (N_opt ∝ C^0.73, §6.1)", source: KAPLAN2020_ALLOCATION_SOURCE };
}

/**
 * The least compute that reaches `loss` on Kaplan's frontier (Kaplan et al. 2020 eq. 1.3,
 * C_min = C_c·L^(−1/α_C)), and their published allocation at it (§6.1, N_opt = 1.3e9·C_min^0.73).
 *
 * @param loss - the target loss, in nats per token
 * @returns flops, params, tokens, tokensPerParam, label, source and the loss
 * @example
 * ```ts
 * import { kaplanPublishedForLoss } from '@scaling-lab/core';
 * kaplanPublishedForLoss(2.5).flops; // → 2.945e20
 * ```
 */
export function kaplanPublishedForLoss(loss: number): KaplanAllocation & { loss: number } {
  const L = requireNumber('targetLoss', loss, { exclusiveMin: 0, unit: 'nats/token' });
  const pfDays = KAPLAN2020_ALLOCATION.computeCPfDays / L ** (1 / KAPLAN2020_ALLOCATION.alphaC);
  return { ...kaplanPublishedAllocation(pfDays * FLOPS_PER_PF_DAY), loss: L };
}
