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
 * The compute-optimal N, D, C and loss for a goal.
 * @throws InputError (`flops` or `targetLoss`) for a bad goal, or a loss at or below the law's floor.
 */
export function optimalFor(law: Law, goal: OptimalGoal): OptimalAllocation {
  return 'targetLoss' in goal ? computeForLoss(law, goal.targetLoss) : computeOptimal(law, goal.flops);
}

/** Cost, energy and CO2e of training `params` on `tokens` (C = 6ND) with `settings`. */
export function estimateAllocation(allocation: { params: number; tokens: number }, settings: RunSettings = {}): Estimate {
  return estimateRun({ ...settings, params: allocation.params, tokens: allocation.tokens });
}

/** The compute-optimal run for a goal, and its estimate. */
export function estimateOptimalRun(law: Law, goal: OptimalGoal, settings: RunSettings = {}): OptimalRunEstimate {
  const optimal = optimalFor(law, goal);
  return { optimal, estimate: estimateAllocation(optimal, settings) };
}

/** Cost, energy and CO2e of the compute-optimal run that reaches `targetLoss`. */
export function costForLoss(law: Law, targetLoss: number, settings: RunSettings = {}): OptimalRunEstimate {
  return estimateOptimalRun(law, { targetLoss }, settings);
}

/** Cost, energy and CO2e of the compute-optimal run for a budget of `flops`. */
export function costForCompute(law: Law, flops: number, settings: RunSettings = {}): OptimalRunEstimate {
  return estimateOptimalRun(law, { flops }, settings);
}
