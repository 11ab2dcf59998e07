/**
 * What reaching a loss (or spending a budget) costs: the compute-optimal model from a law
 * (`computeForLoss` / `computeOptimal`), then accelerator-hours, dollars, kWh and CO2e from
 * the estimation core (`estimateRun`) for that N, D and C = 6ND.
 */
import { estimateRun, type Estimate, type EstimateSpec } from '../estimate/estimateRun.js';
import { computeForLoss, computeOptimal, type OptimalAllocation } from './decisions.js';
import type { Law } from './types.js';

/** Run settings besides the model and data (hardware, MFU, count, region, price…). */
export type RunSettings = Omit<EstimateSpec, 'preset' | 'params' | 'activeParams' | 'tokens' | 'flops' | 'acceleratorHours'>;

export interface OptimalRunEstimate {
  optimal: OptimalAllocation;
  estimate: Estimate;
}

/** Cost, energy and CO2e of the compute-optimal run that reaches `targetLoss`. */
export function costForLoss(law: Law, targetLoss: number, settings: RunSettings = {}): OptimalRunEstimate {
  const optimal = computeForLoss(law, targetLoss);
  return { optimal, estimate: estimateRun({ ...settings, params: optimal.params, tokens: optimal.tokens }) };
}

/** Cost, energy and CO2e of the compute-optimal run for a budget of `flops`. */
export function costForCompute(law: Law, flops: number, settings: RunSettings = {}): OptimalRunEstimate {
  const optimal = computeOptimal(law, flops);
  return { optimal, estimate: estimateRun({ ...settings, params: optimal.params, tokens: optimal.tokens }) };
}
