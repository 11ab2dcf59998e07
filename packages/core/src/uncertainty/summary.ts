/**
 * Summary of a sample: median and a central interval (default 5th–95th
 * percentile), plus the mean. Quantiles interpolate linearly between order
 * statistics (R type 7, numpy's default), as simple-statistics' quantileSorted
 * does; we wrap it so that samples containing +Infinity (e.g. a target loss a
 * bootstrap law can never reach) give Infinity rather than NaN (∞ − ∞).
 */
import { quantileSorted } from 'simple-statistics';

export interface SampleInterval {
  median: number;
  /** Lower end of the central interval (the (1 − level)/2 quantile). */
  low: number;
  /** Upper end of the central interval (the (1 + level)/2 quantile). */
  high: number;
  mean: number;
  /** Central-interval probability, e.g. 0.9 for 5–95%. */
  level: number;
}

/**
 * Summarises a sample: its median, central `level` interval (the (1 − level)/2 and (1 + level)/2
 * quantiles, interpolated linearly between order statistics, R type 7) and mean. The values
 * are copied, not modified; +Infinity values give Infinity quantiles rather than NaN.
 *
 * @param values - the sample
 * @param level - central-interval probability (default 0.9, the 5th–95th percentiles)
 * @returns median, low, high, mean and level
 * @throws RangeError when `values` is empty
 * @example
 * ```ts
 * import { summarize } from '@scaling-lab/core';
 * const s = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * s.median; // → 5.5
 * s.low; // → 1.45
 * s.high; // → 9.55
 * ```
 */
export function summarize(values: ArrayLike<number>, level = 0.9): SampleInterval {
  if (values.length === 0) throw new RangeError('summarize: no values');
  return summarizeSorted(Float64Array.from(values).sort(), level);
}

/** The p-quantile of values sorted ascending (type 7), safe with infinities. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const idx = (sorted.length - 1) * p;
  const lo = sorted[Math.floor(idx)];
  const hi = sorted[Math.ceil(idx)];
  if (lo === hi) return lo;
  return quantileSorted(sorted as unknown as number[], p);
}

/** As summarize, for values already sorted ascending. */
export function summarizeSorted(sorted: Float64Array, level = 0.9): SampleInterval {
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    median: quantileOfSorted(sorted, 0.5),
    low: quantileOfSorted(sorted, (1 - level) / 2),
    high: quantileOfSorted(sorted, (1 + level) / 2),
    mean: sum / sorted.length,
    level,
  };
}
