/**
 * Bootstrap over runs for an Approach 3 (Chinchilla-form) fit that tolerates
 * degenerate replicates: resample runs by multiplicity weights, refit warm-started
 * from the full fit (as fit/bootstrap.ts does, after Besiroglu et al. 2024 §3).
 * Hand-rolled rather than bootstrapChinchilla because on a sweep this small some
 * refits send α → ∞ (A overflows to Infinity) or find no finite objective; those are counted and dropped here
 * instead of failing the whole bootstrap, and the count is reported.
 */
import { InputError } from '../errors.js';
import { fitChinchilla, logParamsFromLaw, type ChinchillaFit } from '../fit/fitChinchilla.js';
import type { ScalingPoint } from '../fit/points.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';

export interface LawBootstrap {
  laws: ChinchillaLaw[];
  /** Replicates whose refit had a non-finite or non-positive parameter (dropped). */
  degenerate: number;
}

export function bootstrapLaws(points: readonly ScalingPoint[], fit: ChinchillaFit, samples: number, seed: number): LawBootstrap {
  const rng = createRng(seed);
  const starts = [logParamsFromLaw(fit.law)];
  const laws: ChinchillaLaw[] = [];
  let degenerate = 0;
  const weights = new Float64Array(points.length);
  for (let s = 0; s < samples; s++) {
    weights.fill(0);
    for (let i = 0; i < points.length; i++) weights[rng.int(points.length)] += 1;
    let l: ChinchillaLaw;
    try {
      l = fitChinchilla(points, { starts, weights }).law;
    } catch (err) {
      // A resample whose objective is not finite even at the warm start (extreme weights) is degenerate too.
      if (!(err instanceof InputError)) throw err;
      degenerate++;
      continue;
    }
    if ([l.E, l.A, l.B, l.alpha, l.beta].every((v) => Number.isFinite(v) && v > 0)) laws.push(l);
    else degenerate++;
  }
  if (laws.length < 10) throw new InputError('points', `only ${laws.length} of ${samples} bootstrap refits gave a finite law`, 'add runs at more sizes and budgets');
  return { laws, degenerate };
}
