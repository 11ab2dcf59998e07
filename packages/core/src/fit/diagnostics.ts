/**
 * Fit diagnostics for two-variable laws: residuals in log space (log L̂ − log L), their RMSE,
 * and extrapolation error: refit without the largest-compute runs and predict them — the
 * check that matters when a law is used to project beyond the sweep.
 */
import { InputError } from '../errors.js';
import { requireWholeNumber } from '../wholeNumber.js';
import { lossAtUnchecked } from '../laws/decisions.js';
import type { Law } from '../laws/types.js';
import { validateLaw } from '../laws/validate.js';
import { fitChinchilla, type FitChinchillaOptions } from './fitChinchilla.js';
import { flopsOf, validatePoints, type ScalingPoint } from './points.js';

/** log(predicted) − log(observed) per point. */
export function logResiduals(law: Law, points: readonly ScalingPoint[]): Float64Array {
  validateLaw(law);
  validatePoints(points, 1);
  return Float64Array.from(points, (p) => Math.log(lossAtUnchecked(law, p.params, p.tokens)) - Math.log(p.loss));
}

/** Root-mean-square of the log residuals. */
export function logRmse(law: Law, points: readonly ScalingPoint[]): number {
  const r = logResiduals(law, points);
  let s = 0;
  for (const v of r) s += v * v;
  return Math.sqrt(s / r.length);
}

export interface HoldoutResult {
  law: Law;
  /** Runs used for the fit / held out. */
  trained: number;
  heldOut: number;
  /** Smallest compute among the held-out runs. */
  heldOutFromFlops: number;
  /** Per held-out run: observed, predicted, relative error (predicted/observed − 1). */
  predictions: { params: number; tokens: number; flops: number; loss: number; predicted: number; relError: number }[];
  logRmse: number;
  maxAbsRelError: number;
}

/**
 * Refits the Chinchilla form without the `holdOut` highest-compute runs (default 10% of them,
 * at least 1) and scores its predictions on those runs.
 */
export function holdoutExtrapolation(
  points: readonly ScalingPoint[],
  opts: { holdOut?: number; fitOptions?: FitChinchillaOptions } = {},
): HoldoutResult {
  validatePoints(points, 6);
  const k = requireWholeNumber('holdOut', opts.holdOut ?? Math.max(1, Math.round(points.length * 0.1)), { min: 1, max: points.length - 5 });
  if (points.length - k < 5) throw new InputError('holdOut', `leaves ${points.length - k} runs to fit, fewer than the 5 parameters`, 'hold out fewer runs');
  const sorted = [...points].sort((p, q) => flopsOf(p) - flopsOf(q));
  const train = sorted.slice(0, sorted.length - k);
  const test = sorted.slice(sorted.length - k);
  const law = fitChinchilla(train, opts.fitOptions).law;
  const predictions = test.map((p) => {
    const predicted = lossAtUnchecked(law, p.params, p.tokens);
    return { params: p.params, tokens: p.tokens, flops: flopsOf(p), loss: p.loss, predicted, relError: predicted / p.loss - 1 };
  });
  return {
    law,
    trained: train.length,
    heldOut: test.length,
    heldOutFromFlops: flopsOf(test[0]),
    predictions,
    logRmse: logRmse(law, test),
    maxAbsRelError: Math.max(...predictions.map((p) => Math.abs(p.relError))),
  };
}
