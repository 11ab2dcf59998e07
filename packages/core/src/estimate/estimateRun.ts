/**
 * `estimateRun(spec)`: FLOPs → accelerator-hours → wall-clock → cost →
 * energy → CO2e (plus optional embodied carbon and water) for a planned or
 * published training run, with every input listed in `assumptions` (value,
 * unit, source; `user` for what the caller gave, the paper for presets, the
 * reference table row or constant otherwise).
 *
 * Two steps, each in its own file:
 * - resolve (resolveEstimate.ts): presets, validation, look-ups and defaults,
 *   each input with its origin (`user`, `preset`, `default`, `derived`);
 * - calculate (calculateEstimate.ts): the named formulas of flops.ts, time.ts
 *   and runOutputs.ts, the same the Monte Carlo (uncertainty/runUncertainty.ts)
 *   evaluates per sample.
 *
 * Rules (each one also shows up in the assumptions):
 * - FLOPs: `flops`, else 6·N·D with N = activeParams ?? params (or from
 *   `architecture`), or the detailed count when `flopsMethod: 'detailed'`.
 * - Hours: `acceleratorHours` when given (MFU is then implied when FLOPs are
 *   known), else FLOPs / (peak × MFU × 3600); MFU defaults to 0.40.
 * - Overheads: restarts/failed runs and the preceding sweep are fractions of
 *   the main run's accelerator-hours; they add to cost, energy and carbon;
 *   restarts (not the sweep) also add to wall-clock time.
 * - Power: `watts` (then no host overhead unless given), else TDP × 0.70 and
 *   host overhead 1.10; TPUs without a TDP use Google's measured mean power.
 * - PUE: `pue`, else the cloud provider's fleet PUE for a cloud region, else
 *   the industry average 1.54 (Uptime 2025). Grid: `gridGCO2ePerKWh`, else the
 *   region's yearly average, else the world average (480, Ember 2023).
 * - A preset fills every field its paper states; the caller's fields win.
 * - Memory: when the parameter count is known, training memory per
 *   accelerator and whether it fits (`memory`, see runMemory.ts for its
 *   defaults); null otherwise.
 */
import { calculateEstimate } from './calculateEstimate.js';
import type { Estimate, EstimateSpec } from './estimateTypes.js';
import { resolveEstimate } from './resolveEstimate.js';

export { DEFAULT_ACCELERATOR, type Estimate, type EstimateSpec } from './estimateTypes.js';

/**
 * The full estimate of one training run: FLOPs → accelerator-hours → wall clock, cost,
 * energy, CO2e (operational and embodied), water and memory, with every assumption it used
 * and where each came from (see the module comment for the rules and defaults).
 *
 * Method: C = 6ND (or the detailed count of an architecture); hours = C / (peak × MFU × 3600);
 * cost = hours × price; energy = hours × watts × host overhead × PUE; CO2e = energy × grid intensity.
 *
 * @param spec - what is known of the run: a `preset`, or params and tokens (or FLOPs or hours),
 *   and optionally hardware, count, MFU, price, region, power and overheads
 * @returns the {@link Estimate}, each number with its `assumptions`
 * @throws InputError naming the field (`params`, `mfu`, …), the problem and the fix
 * @example
 * ```ts
 * import { estimateRun } from '@scaling-lab/core';
 * const e = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-a100-sxm4-80gb', count: 1024 });
 * e.flops; // → 5.88e23
 * e.acceleratorHours; // → 1.31e6
 * e.costUsd; // → 4.49e6
 * estimateRun({ params: 70e9 }); // → throws InputError
 * // a preset reproduces its paper: Llama 2 70B, 291.42 tCO2eq (Touvron et al. 2023, Table 2)
 * estimateRun({ preset: 'llama-2-70b' }).co2eKg; // → 291422
 * ```
 */
export function estimateRun(spec: EstimateSpec): Estimate {
  return calculateEstimate(resolveEstimate(spec));
}
