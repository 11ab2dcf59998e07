/**
 * Learning-rate schedule scaled to the run's length: linear warmup from 0 to
 * the peak over the first `warmupFraction` of steps, then cosine decay to
 * `minFraction` × peak at the last step (the GPT-3 / Chinchilla recipe:
 * Brown et al. 2020 App. B decay to 10 %; Hoffmann et al. 2022 §3 match the
 * cosine length to the run).
 */
export interface ScheduleOptions {
  peak: number;
  totalSteps: number;
  warmupFraction?: number;
  minFraction?: number;
}

/**
 * Learning rate at 0-based `step` of the schedule above: with w = max(1, round(warmupFraction·T))
 * warmup steps (default warmupFraction 0.05, our choice for short runs) the rate is
 * peak·(step + 1)/w during warmup, then
 * min + ½(peak − min)(1 + cos(π·p)) with p = (step − w + 1)/(T − w) and min = minFraction·peak
 * (default 0.1: Brown et al. 2020, App. B, decay to 10 %), so the last step is at the minimum.
 *
 * @param step - the optimiser step, from 0
 * @param opts - `peak` learning rate, `totalSteps` T, and optional `warmupFraction`, `minFraction`
 * @returns the learning rate for that step
 * @example
 * ```ts
 * import { learningRateAt } from '@scaling-lab/core/train/pure';
 * const opts = { peak: 1e-3, totalSteps: 100 }; // 5 warmup steps
 * learningRateAt(0, opts); // → 2e-4
 * learningRateAt(4, opts); // → 1e-3
 * learningRateAt(99, opts); // → 1e-4
 * ```
 */
export function learningRateAt(step: number, opts: ScheduleOptions): number {
  const { peak, totalSteps } = opts;
  const warmupSteps = Math.max(1, Math.round((opts.warmupFraction ?? 0.05) * totalSteps));
  const minLr = peak * (opts.minFraction ?? 0.1);
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps + 1) / decaySteps);
  return minLr + 0.5 * (peak - minLr) * (1 + Math.cos(Math.PI * progress));
}
