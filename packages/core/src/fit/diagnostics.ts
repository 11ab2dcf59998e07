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

/**
 * Log residuals of a law on runs: log(predicted) − log(observed) per point, the quantity the
 * Huber objective of Hoffmann et al. 2022 §3.3 is taken over.
 *
 * @param law - a fitted or published law
 * @param points - runs with params, tokens and loss
 * @returns one residual per point, in natural-log units
 * @example
 * ```ts
 * import { getPublishedLaw, logResiduals, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * logResiduals(law, [{ params: 1e9, tokens: 2e10, loss: lossAt(law, 1e9, 2e10) }])[0]; // → 0
 * ```
 */
export function logResiduals(law: Law, points: readonly ScalingPoint[]): Float64Array {
  validateLaw(law);
  validatePoints(points, 1);
  return Float64Array.from(points, (p) => Math.log(lossAtUnchecked(law, p.params, p.tokens)) - Math.log(p.loss));
}

/**
 * Root-mean-square of the log residuals log(predicted) − log(observed) of a law on runs:
 * about the relative error of its predictions.
 *
 * @param law - a fitted or published law
 * @param points - runs with params, tokens and loss (at least 1)
 * @returns the RMS log residual
 * @throws InputError for no runs or a bad run
 * @example
 * ```ts
 * import { getPublishedLaw, logRmse, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * logRmse(law, [{ params: 1e9, tokens: 2e10, loss: 1.01 * lossAt(law, 1e9, 2e10) }]); // → 0.00995
 * ```
 */
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
 * Extrapolation check: refits the Chinchilla form without the `holdOut` highest-compute runs
 * (default 10% of them, at least 1) and scores its predictions on those runs: how well the
 * law extrapolates in compute, which is what a scaling law is used for.
 *
 * @param points - runs with params, tokens and loss (at least 6)
 * @param opts - holdOut: how many highest-compute runs to hold out; fitOptions for fitChinchilla
 * @returns the law fitted on the rest, the predictions on the held-out runs, their log RMSE and largest relative error
 * @throws InputError for fewer than 6 runs, or a holdOut that leaves fewer than 5 runs to fit
 * @example
 * ```ts
 * import { computeOptimal, getPublishedLaw, holdoutExtrapolation, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const points = [1e18, 1e19, 1e20].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k, i) => {
 *   const params = k * computeOptimal(law, C).params, tokens = C / (6 * params);
 *   return { params, tokens, loss: lossAt(law, params, tokens) * (1 + 0.01 * ((i % 3) - 1)) };
 * }));
 * holdoutExtrapolation(points, { holdOut: 3 }).maxAbsRelError; // → 0.01617
 * ```
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
