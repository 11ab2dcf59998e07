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

/** Learning rate for 0-based `step`. */
export function learningRateAt(step: number, opts: ScheduleOptions): number {
  const { peak, totalSteps } = opts;
  const warmupSteps = Math.max(1, Math.round((opts.warmupFraction ?? 0.05) * totalSteps));
  const minLr = peak * (opts.minFraction ?? 0.1);
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps + 1) / decaySteps);
  return minLr + 0.5 * (peak - minLr) * (1 + Math.cos(Math.PI * progress));
}
