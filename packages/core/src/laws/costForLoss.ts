/**
 * From a law to the cost of its compute-optimal run, once:
 *
 *   goal (a budget C, or a target loss L) → `optimalFor` → N_opt, D_opt, C = 6·N·D
 *   (computeOptimal / computeForLoss, laws/decisions.ts) → `estimateAllocation` →
 *   accelerator-hours, dollars, kWh and CO2e from the estimation core (`estimateRun`).
 *
 * `estimateOptimalRun` chains the two; `costForLoss` and `costForCompute` name its two
 * goals. The CLI's `optimal`, the report's projections (report/analyse.ts) and the
 * Monte Carlo projection (uncertainty/projection.ts, per sample, with runModel's
 * formulas in place of estimateRun) all take this path.
 */
import { estimateRun, type Estimate, type EstimateSpec } from '../estimate/estimateRun.js';
import { computeForLoss, computeOptimal, type OptimalAllocation } from './decisions.js';
import type { Law } from './types.js';

/** Run settings besides the model and data (hardware, MFU, count, region, price…). */
export type RunSettings = Omit<EstimateSpec, 'preset' | 'params' | 'activeParams' | 'tokens' | 'flops' | 'acceleratorHours'>;

/** What the compute-optimal run is for: a training budget in FLOPs, or a loss (nats/token) to reach. */
export type OptimalGoal = { flops: number } | { targetLoss: number };

export interface OptimalRunEstimate {
  optimal: OptimalAllocation;
  estimate: Estimate;
}

/**
 * The compute-optimal N, D, C and loss for a goal: computeOptimal for a budget, computeForLoss
 * for a target loss (Hoffmann et al. 2022 eq. 4 for the Chinchilla form).
 *
 * @param law - a fitted or published law
 * @param goal - `{ flops }` (a budget in FLOP) or `{ targetLoss }` (nats per token)
 * @returns flops, params, tokens, loss and tokensPerParam of the compute-optimal run
 * @throws InputError (`flops` or `targetLoss`) for a bad goal, or a loss at or below the law's floor.
 * @example
 * ```ts
 * import { getPublishedLaw, optimalFor } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * optimalFor(law, { flops: 1e21 }).tokensPerParam; // → 50.08
 * optimalFor(law, { targetLoss: 2 }).params; // → 1.53e10
 * ```
 */
export function optimalFor(law: Law, goal: OptimalGoal): OptimalAllocation {
  return 'targetLoss' in goal ? computeForLoss(law, goal.targetLoss) : computeOptimal(law, goal.flops);
}

/**
 * Cost, energy and CO2e of training `params` on `tokens` (C = 6ND, Kaplan et al. 2020 §2.1)
 * with `settings`: estimateRun for a given allocation, e.g. one from a law.
 *
 * @param allocation - parameters and training tokens of the run
 * @param settings - accelerator, MFU, region and the other estimateRun settings (defaults as estimateRun)
 * @returns the run's estimate (FLOPs, accelerator-hours, cost, energy, CO2e, …)
 * @throws InputError for a non-positive size or token count, or bad settings
 * @example
 * ```ts
 * import { estimateAllocation } from '@scaling-lab/core';
 * estimateAllocation({ params: 1e9, tokens: 2e10 }).flops; // → 1.2e20
 * ```
 */
export function estimateAllocation(allocation: { params: number; tokens: number }, settings: RunSettings = {}): Estimate {
  return estimateRun({ ...settings, params: allocation.params, tokens: allocation.tokens });
}

/**
 * The compute-optimal run for a goal (a compute budget or a target loss), and its estimate:
 * optimalFor, then estimateRun on the optimal N and D.
 *
 * @param law - a fitted or published law
 * @param goal - `{ flops }` (a budget in FLOP) or `{ targetLoss }` (nats per token)
 * @param settings - accelerator, MFU, region and the other estimateRun settings (defaults as estimateRun)
 * @returns the compute-optimal allocation (`optimal`) and its estimate (`estimate`)
 * @throws InputError for a bad goal, a loss at or below the law's floor, or bad settings
 * @example
 * ```ts
 * import { estimateOptimalRun, getPublishedLaw } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * estimateOptimalRun(law, { flops: 1e21 }).optimal.tokens; // → 9.136e10
 * ```
 */
export function estimateOptimalRun(law: Law, goal: OptimalGoal, settings: RunSettings = {}): OptimalRunEstimate {
  const optimal = optimalFor(law, goal);
  return { optimal, estimate: estimateAllocation(optimal, settings) };
}

/**
 * Cost, energy and CO2e of the compute-optimal run that reaches `targetLoss`: the least
 * compute for the loss (see computeForLoss), then estimateRun on its N and D.
 *
 * @param law - a fitted or published law
 * @param targetLoss - the loss to reach, in nats per token
 * @param settings - accelerator, MFU, region and the other estimateRun settings (defaults as estimateRun)
 * @returns the compute-optimal allocation (`optimal`) and its estimate (`estimate`)
 * @throws InputError when the loss is at or below the law's floor, or for bad settings
 * @example
 * ```ts
 * import { costForLoss, getPublishedLaw } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * costForLoss(law, 2.2).optimal.flops; // → 4.338e21
 * costForLoss(law, 1.5); // → throws InputError
 * ```
 */
export function costForLoss(law: Law, targetLoss: number, settings: RunSettings = {}): OptimalRunEstimate {
  return estimateOptimalRun(law, { targetLoss }, settings);
}

/**
 * Cost, energy and CO2e of the compute-optimal run for a budget of `flops`: the law's
 * compute-optimal N and D for C (see computeOptimal), then estimateRun on C = 6ND.
 *
 * @param law - a fitted or published law
 * @param flops - the training compute budget, in FLOP
 * @param settings - accelerator, MFU, region and the other estimateRun settings (defaults as estimateRun)
 * @returns the compute-optimal allocation (`optimal`) and its estimate (`estimate`)
 * @throws InputError for a budget that is not a positive finite number, or bad settings
 * @example
 * ```ts
 * import { costForCompute, getPublishedLaw } from '@scaling-lab/core';
 * const run = costForCompute(getPublishedLaw('hoffmann2022').law, 1e21);
 * run.optimal.params; // → 1.824e9
 * run.estimate.costUsd > 0; // → true
 * ```
 */
export function costForCompute(law: Law, flops: number, settings: RunSettings = {}): OptimalRunEstimate {
  return estimateOptimalRun(law, { flops }, settings);
}
