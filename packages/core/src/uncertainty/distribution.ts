/**
 * Uncertain inputs: a number given as a probability distribution.
 *
 * - `point`: a fixed value (no uncertainty).
 * - `uniform`: every value in [low, high] equally likely.
 * - `triangular`: low, most likely (mode), high.
 * - `normal` / `lognormal`: given by the median and a central interval
 *   (`level`, default 0.9 → the 5th and 95th percentiles are `low` and `high`).
 *   When the interval is not symmetric about the median (in log space for the
 *   lognormal), each side gets its own spread, so the median and both interval
 *   ends are exactly as given: the two-piece ("split") normal of John (1982),
 *   "The three-parameter two-piece normal family of distributions",
 *   Comm. Stat. A 11(8). Symmetric intervals give the ordinary distribution.
 * - `samples`: an explicit list of values, drawn with replacement (e.g. prices
 *   across providers, a region's grid intensity across years).
 *
 * All are plain JSON-able objects so they can travel between CLI, site and core.
 */
import { InputError } from '../errors.js';
import { normalQuantile } from './normalQuantile.js';
import type { Bounds } from '../estimate/bounds.js';

export type Distribution =
  | { kind: 'point'; value: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  | { kind: 'normal'; median: number; low: number; high: number; level: number }
  | { kind: 'lognormal'; median: number; low: number; high: number; level: number }
  | { kind: 'samples'; values: readonly number[] };

/** Allowed values of an input, e.g. PUE ≥ 1, MFU in (0, 1]. */
/** Default central-interval level for normal/lognormal: 90% (5th to 95th percentile). */
export const DEFAULT_LEVEL = 0.9;

/**
 * A point "distribution": the input is known exactly and every Monte Carlo sample takes `value`.
 *
 * @param value - the fixed value
 * @returns the distribution `{ kind: 'point', value }`
 * @example
 * ```ts
 * import { distributionQuantile, pointDistribution } from '@scaling-lab/core';
 * distributionQuantile(pointDistribution(1.2), 0.95); // → 1.2
 * ```
 */
export function pointDistribution(value: number): Distribution {
  return { kind: 'point', value };
}
/**
 * A uniform distribution on [low, high]: every value in the range equally likely, sampled by
 * inverse CDF (u ↦ low + u·(high − low)). The form behind the `0.3..0.5` range syntax.
 *
 * @param low - lower end of the range
 * @param high - upper end of the range
 * @returns the distribution `{ kind: 'uniform', low, high }`
 * @example
 * ```ts
 * import { distributionQuantile, uniformDistribution } from '@scaling-lab/core';
 * distributionQuantile(uniformDistribution(0.3, 0.5), 0.25); // → 0.35
 * ```
 */
export function uniformDistribution(low: number, high: number): Distribution {
  return { kind: 'uniform', low, high };
}
/**
 * A triangular distribution on [low, high] with its peak at `mode`, sampled by inverse CDF:
 * a bounded range with a most likely value.
 *
 * @param low - lower end of the range
 * @param mode - most likely value (low ≤ mode ≤ high)
 * @param high - upper end of the range
 * @returns the distribution `{ kind: 'triangular', low, mode, high }`
 * @example
 * ```ts
 * import { distributionQuantile, triangularDistribution } from '@scaling-lab/core';
 * distributionQuantile(triangularDistribution(0.3, 0.4, 0.6), 0.5); // → 0.42679
 * ```
 */
export function triangularDistribution(low: number, mode: number, high: number): Distribution {
  return { kind: 'triangular', low, mode, high };
}
/**
 * A normal distribution given by its central interval: `low` and `high` are the (1 − level)/2
 * and (1 + level)/2 quantiles, so σ = (high − median)/z with z the standard normal quantile
 * (two-piece, one σ per side, when the median is not the midpoint). `median` defaults to the midpoint.
 *
 * @param opts - `low`, `high`, optional `median` and `level` (default 0.9, the 5th–95th percentiles)
 * @returns the distribution
 * @example
 * ```ts
 * import { distributionQuantile, normalDistribution } from '@scaling-lab/core';
 * const d = normalDistribution({ low: 1.1, high: 1.5 });
 * d.median; // → 1.3
 * distributionQuantile(d, 0.95); // → 1.5
 * ```
 */
export function normalDistribution(opts: { low: number; high: number; median?: number; level?: number }): Distribution {
  return { kind: 'normal', median: opts.median ?? (opts.low + opts.high) / 2, low: opts.low, high: opts.high, level: opts.level ?? DEFAULT_LEVEL };
}
/**
 * A lognormal given by its central interval: `low` and `high` are the (1 − level)/2 and
 * (1 + level)/2 quantiles; the median defaults to their geometric mean √(low·high).
 *
 * @param opts - `low`, `high`, optional `median` and `level` (default 0.9)
 * @returns the distribution
 * @example
 * ```ts
 * import { lognormalDistribution } from '@scaling-lab/core';
 * lognormalDistribution({ low: 1.1, high: 1.6 }).median; // → 1.3266
 * ```
 */
export function lognormalDistribution(opts: { low: number; high: number; median?: number; level?: number }): Distribution {
  return { kind: 'lognormal', median: opts.median ?? Math.sqrt(opts.low * opts.high), low: opts.low, high: opts.high, level: opts.level ?? DEFAULT_LEVEL };
}
/**
 * An empirical distribution: the Monte Carlo draws from `values` with replacement (e.g. the
 * replicates of a bootstrap, or measured runs); its quantiles are the sample quantiles (type 7).
 *
 * @param values - the observed values (copied)
 * @returns the distribution `{ kind: 'samples', values }`
 * @example
 * ```ts
 * import { distributionQuantile, samplesDistribution } from '@scaling-lab/core';
 * distributionQuantile(samplesDistribution([1, 2, 3, 4]), 0.5); // → 2.5
 * ```
 */
export function samplesDistribution(values: ArrayLike<number>): Distribution {
  return { kind: 'samples', values: Array.from(values) };
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Throws an InputError naming `field` unless `d` is a well-formed distribution
 * whose values (or interval, for the unbounded normal/lognormal) respect `bounds`.
 * Returns `d` for chaining.
 */
export function checkDistribution(field: string, d: Distribution, bounds: Bounds = {}): Distribution {
  const bad = (problem: string, fix: string): never => {
    throw new InputError(field, problem, fix);
  };
  const num = (name: string, x: unknown) => {
    if (!finite(x)) bad(`${name} must be a finite number, got ${JSON.stringify(x)}`, 'give a number such as 0.4');
  };
  switch (d?.kind) {
    case 'point':
      num('value', d.value);
      checkBounds(field, [d.value], bounds);
      break;
    case 'uniform':
      num('low', d.low); num('high', d.high);
      if (d.low > d.high) bad(`range low ${d.low} is above high ${d.high}`, 'write low..high with low ≤ high');
      checkBounds(field, [d.low, d.high], bounds);
      break;
    case 'triangular':
      num('low', d.low); num('mode', d.mode); num('high', d.high);
      if (d.low > d.high) bad(`range low ${d.low} is above high ${d.high}`, 'write triangular:low,mode,high with low ≤ mode ≤ high');
      if (d.mode < d.low || d.mode > d.high) bad(`mode ${d.mode} is outside [${d.low}, ${d.high}]`, 'write triangular:low,mode,high with low ≤ mode ≤ high');
      checkBounds(field, [d.low, d.mode, d.high], bounds);
      break;
    case 'normal':
    case 'lognormal': {
      num('median', d.median); num('low', d.low); num('high', d.high); num('level', d.level);
      const form = `${d.kind}:median,low,high`;
      if (!(d.level > 0 && d.level < 1)) bad(`interval level must be between 0 and 1, got ${d.level}`, 'use e.g. 0.9 for a 5–95% interval');
      if (d.low > d.high) bad(`interval low ${d.low} is above high ${d.high}`, `write ${form} with low ≤ median ≤ high`);
      if (d.median < d.low || d.median > d.high) bad(`median ${d.median} is outside its interval [${d.low}, ${d.high}]`, `write ${form} with low ≤ median ≤ high`);
      if (d.kind === 'lognormal' && !(d.low > 0)) bad(`a lognormal needs positive values, got low ${d.low}`, 'use normal or uniform for ranges that reach 0 or below');
      checkBounds(field, [d.low, d.median, d.high], bounds);
      break;
    }
    case 'samples':
      if (!Array.isArray(d.values) || d.values.length === 0) bad('the sample list is empty', 'give at least one value');
      for (const v of d.values) num('sample', v);
      checkBounds(field, d.values, bounds);
      break;
    default:
      bad(`unknown distribution ${JSON.stringify((d as { kind?: unknown })?.kind)}`, 'use point, uniform, triangular, normal, lognormal or samples');
  }
  return d;
}

function checkBounds(field: string, values: readonly number[], b: Bounds): void {
  const unit = b.unit ? ` ${b.unit}` : '';
  const why = b.why ? `; ${b.why}` : '';
  for (const v of values) {
    if (b.exclusiveMin !== undefined && !(v > b.exclusiveMin)) {
      throw new InputError(field, `must be greater than ${b.exclusiveMin}${unit}, got ${v}${why}`, `keep the whole range above ${b.exclusiveMin}`);
    }
    if (b.min !== undefined && v < b.min) {
      throw new InputError(field, `must be at least ${b.min}${unit}, got ${v}${why}`, `keep the whole range at ${b.min} or more`);
    }
    if (b.max !== undefined && v > b.max) {
      throw new InputError(field, `must be at most ${b.max}${unit}, got ${v}${why}`, `keep the whole range at ${b.max} or less`);
    }
  }
}

/** Spreads of a two-piece normal (in log space for lognormal): σ below and above the median. */
export function splitSigmas(d: Extract<Distribution, { kind: 'normal' | 'lognormal' }>): { below: number; above: number } {
  const z = normalQuantile(0.5 + d.level / 2);
  if (d.kind === 'normal') return { below: (d.median - d.low) / z, above: (d.high - d.median) / z };
  return { below: Math.log(d.median / d.low) / z, above: Math.log(d.high / d.median) / z };
}

/**
 * The p-quantile of a distribution (0 ≤ p ≤ 1), ignoring any truncation at bounds: used for
 * medians and for the interval ends a sensitivity analysis swings over.
 *
 * @param d - the distribution
 * @param p - the probability
 * @returns the value below which a fraction p of draws fall
 * @example
 * ```ts
 * import { distributionQuantile } from '@scaling-lab/core';
 * distributionQuantile({ kind: 'triangular', low: 0.3, mode: 0.4, high: 0.5 }, 0.5); // → 0.4
 * distributionQuantile({ kind: 'uniform', low: 0.3, high: 0.5 }, 0.05); // → 0.31
 * ```
 */
export function distributionQuantile(d: Distribution, p: number): number {
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.low + p * (d.high - d.low);
    case 'triangular':
      return triangularQuantile(d.low, d.mode, d.high, p);
    case 'normal':
    case 'lognormal': {
      const z = normalQuantile(Math.min(Math.max(p, 1e-12), 1 - 1e-12));
      const s = splitSigmas(d);
      const dz = z * (z < 0 ? s.below : s.above);
      return d.kind === 'normal' ? d.median + dz : d.median * Math.exp(dz);
    }
    case 'samples': {
      const sorted = Float64Array.from(d.values).sort();
      const idx = (sorted.length - 1) * p;
      const lo = Math.floor(idx);
      const hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (idx - lo) * (sorted[hi] - sorted[lo]);
    }
  }
}

/** Inverse CDF of the triangular distribution (closed form). */
export function triangularQuantile(low: number, mode: number, high: number, u: number): number {
  const width = high - low;
  if (width === 0) return low;
  const fc = (mode - low) / width;
  return u < fc ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}

/** 4 significant digits; scientific (7e10) for large or tiny magnitudes. */
function shortNumber(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(+x.toPrecision(4));
}

/**
 * A short human form of a distribution, as the CLI and the site print assumptions:
 * `0.3..0.5`, `lognormal 1.327 (1.1–1.6, 90%)`.
 *
 * @param d - the distribution
 * @param fmt - how to print each number (default: four significant digits)
 * @returns the text
 * @example
 * ```ts
 * import { describeDistribution, uniformDistribution } from '@scaling-lab/core';
 * describeDistribution(uniformDistribution(0.3, 0.5)); // → '0.3..0.5'
 * ```
 */
export function describeDistribution(d: Distribution, fmt: (x: number) => string = shortNumber): string {
  switch (d.kind) {
    case 'point':
      return fmt(d.value);
    case 'uniform':
      return `${fmt(d.low)}..${fmt(d.high)}`;
    case 'triangular':
      return `triangular ${fmt(d.low)}/${fmt(d.mode)}/${fmt(d.high)}`;
    case 'normal':
    case 'lognormal':
      return `${d.kind} ${fmt(d.median)} (${fmt(d.low)}–${fmt(d.high)}, ${Math.round(d.level * 100)}%)`;
    case 'samples':
      return `${d.values.length} samples ${fmt(Math.min(...d.values))}–${fmt(Math.max(...d.values))}`;
  }
}

/** True when `d` carries no uncertainty (a point, or a range of zero width). */
export function isFixed(d: Distribution): boolean {
  return distributionQuantile(d, 0.05) === distributionQuantile(d, 0.95);
}
