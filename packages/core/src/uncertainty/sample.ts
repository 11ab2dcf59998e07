/**
 * Draws n values of a Distribution into a Float64Array with a seeded Rng.
 *
 * Uniform and triangular use inverse-CDF sampling; normal and lognormal use the
 * Rng's standard normal draw scaled by the side's σ (two-piece when the interval
 * is asymmetric, see distribution.ts); samples are drawn with replacement.
 * Unbounded tails (normal/lognormal) are truncated at `bounds` by redrawing the
 * value (rejection sampling), so e.g. a normal PUE never goes below 1.
 */
import type { Rng } from '../random.js';
import { createRng } from '../random.js';
import { type Distribution, splitSigmas, triangularQuantile } from './distribution.js';
import type { Bounds } from '../estimate/bounds.js';

const MAX_REDRAWS = 1000;

/**
 * Draws `n` values of a distribution with a seeded random-number generator (inverse CDF for
 * uniform and triangular, scaled standard normal draws for normal and lognormal, resampling
 * with replacement for samples); values outside `bounds` are redrawn (rejection sampling).
 *
 * @param d - the distribution to draw from
 * @param n - how many values
 * @param rng - a seeded generator from {@link createRng}
 * @param bounds - allowed range, e.g. `{ min: 1 }` for a PUE (default: none)
 * @param out - array to fill (default: a new Float64Array of length n)
 * @returns the `n` draws
 * (after 1000 straight rejections it falls back to the median rather than loop)
 * @example
 * ```ts
 * import { createRng, sampleDistribution, summarize, uniformDistribution } from '@scaling-lab/core';
 * const x = sampleDistribution(uniformDistribution(0.3, 0.5), 1000, createRng(1));
 * x.length; // → 1000
 * summarize(x).median; // → 0.4026
 * ```
 */
export function sampleDistribution(d: Distribution, n: number, rng: Rng, bounds: Bounds = {}, out = new Float64Array(n)): Float64Array {
  switch (d.kind) {
    case 'point':
      out.fill(d.value, 0, n);
      break;
    case 'uniform': {
      const w = d.high - d.low;
      for (let i = 0; i < n; i++) out[i] = d.low + w * rng.next();
      break;
    }
    case 'triangular':
      for (let i = 0; i < n; i++) out[i] = triangularQuantile(d.low, d.mode, d.high, rng.next());
      break;
    case 'normal':
    case 'lognormal': {
      const s = splitSigmas(d);
      const lo = bounds.exclusiveMin ?? bounds.min ?? -Infinity;
      const loOpen = bounds.exclusiveMin !== undefined;
      const hi = bounds.max ?? Infinity;
      const log = d.kind === 'lognormal';
      for (let i = 0; i < n; i++) {
        let x = NaN;
        for (let k = 0; k < MAX_REDRAWS; k++) {
          const z = rng.normal();
          const dz = z * (z < 0 ? s.below : s.above);
          x = log ? d.median * Math.exp(dz) : d.median + dz;
          if ((loOpen ? x > lo : x >= lo) && x <= hi) break;
        }
        // checkDistribution keeps the median inside the bounds, so a thousand
        // straight rejections means a pathological spread: fall back to the median.
        if (!((loOpen ? x > lo : x >= lo) && x <= hi)) x = d.median;
        out[i] = x;
      }
      break;
    }
    case 'samples': {
      const v = d.values;
      const m = v.length;
      for (let i = 0; i < n; i++) out[i] = v[rng.int(m)];
      break;
    }
  }
  return out;
}

/**
 * A seed for one named input's random stream: FNV-1a of the name mixed with the
 * run seed, so each input has its own stream and adding or removing one input
 * does not change the draws of the others.
 */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ Math.imul(seed | 0, 0x9e3779b1)) | 0;
}

/** An Rng for one named input of a run seeded with `seed`. */
export function streamRng(seed: number, name: string): Rng {
  return createRng(streamSeed(seed, name));
}
