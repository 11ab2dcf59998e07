/**
 * Approach 1 of Hoffmann et al. 2022 (arXiv 2203.15556, §3.1, Figure 2): the envelope of
 * training curves. At each of `gridSize` log-spaced compute values, take the lowest loss any
 * run reached at that compute (curves interpolated linearly in log-compute, each only within
 * the compute it covered) and the model that reached it; then fit N_opt ∝ C^a and
 * D_opt ∝ C^b to those. Compute of a curve point: C = 6·N·tokens.
 *
 * With final points only (one point per run, e.g. a CSV of finished runs) the envelope is the
 * Pareto frontier: the runs whose loss is below every run of less or equal compute.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked, trainingFlops } from '../estimate/flops.js';
import { fitLogLinear, type LogLinearFit } from './powerLaw.js';
import { distinctCount, flopsOf, validatePoints, type ScalingPoint } from './points.js';

export interface TrainingCurve {
  params: number;
  /** Tokens seen at each point, increasing. */
  tokens: ArrayLike<number>;
  /** Loss at each point. */
  loss: ArrayLike<number>;
}

export interface EnvelopePoint {
  flops: number;
  loss: number;
  params: number;
  tokens: number;
}

export interface EnvelopeFit {
  /** The frontier points used for the power-law fits. */
  envelope: EnvelopePoint[];
  params: LogLinearFit;
  tokens: LogLinearFit;
  /** N_opt ∝ C^a. */
  a: number;
  /** D_opt ∝ C^b. */
  b: number;
  /** Distinct model sizes on the envelope. */
  modelsOnEnvelope: number;
}

function finish(envelope: EnvelopePoint[]): EnvelopeFit {
  const models = distinctCount(envelope.map((e) => e.params));
  if (models < 2) {
    throw new InputError('curves', `only ${models} model size lies on the loss envelope, so N_opt(C) has no slope`, 'train a wider range of model sizes, long enough for the curves to cross');
  }
  const cs = envelope.map((e) => e.flops);
  const params = fitLogLinear(cs, envelope.map((e) => e.params), { x: 'flops', y: 'params' });
  const tokens = fitLogLinear(cs, envelope.map((e) => e.tokens), { x: 'flops', y: 'tokens' });
  return { envelope, params, tokens, a: params.exponent, b: tokens.exponent, modelsOnEnvelope: models };
}

/**
 * Approach 1 of Hoffmann et al. 2022 (§3.1) from final points only: the Pareto frontier of
 * loss against compute (runs no cheaper run beats), then N_opt ∝ C^a and D_opt ∝ C^b fitted
 * through the frontier runs by log-log least squares.
 *
 * @param points - runs with params, tokens and loss
 * @returns the envelope, the fits for N_opt and D_opt, a, b and how many models lie on the envelope
 * @throws InputError for fewer than 2 runs or a bad run
 * @example
 * ```ts
 * import { fitEnvelopePoints } from '@scaling-lab/core';
 * const runs = [{ params: 1e8, tokens: 2e9, loss: 3.2 }, { params: 4e8, tokens: 8e9, loss: 2.9 }];
 * fitEnvelopePoints(runs).a; // → 0.5
 * ```
 */
export function fitEnvelopePoints(points: readonly ScalingPoint[]): EnvelopeFit {
  validatePoints(points, 2);
  const sorted = [...points].sort((p, q) => flopsOf(p) - flopsOf(q) || p.loss - q.loss);
  const envelope: EnvelopePoint[] = [];
  let bestLoss = Infinity;
  for (const p of sorted) {
    if (p.loss < bestLoss) {
      bestLoss = p.loss;
      envelope.push({ flops: flopsOf(p), loss: p.loss, params: p.params, tokens: p.tokens });
    }
  }
  return finish(envelope);
}

/**
 * Approach 1 of Hoffmann et al. 2022 (§3.1, Figure 2) from training curves: the lowest loss
 * any model reaches at each compute (C = 6ND along each curve) forms the envelope; the model
 * size and tokens on it give N_opt ∝ C^a and D_opt ∝ C^b by log-log least squares.
 *
 * @param curves - one training curve per model size (tokens seen and loss, increasing tokens)
 * @param opts - gridSize: how many compute values the envelope is read at
 * @returns the envelope, the fits for N_opt and D_opt, a, b and how many models lie on the envelope
 * @throws InputError for fewer than 2 curves or bad curves
 * @example
 * ```ts
 * import { fitEnvelope, getPublishedLaw, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const tokens = [1e9, 2e9, 4e9, 8e9, 1.6e10, 3.2e10];
 * const curves = [5e7, 1e8, 2e8, 4e8].map((params) => ({ params, tokens, loss: tokens.map((d) => lossAt(law, params, d)) }));
 * fitEnvelope(curves).a; // → 0.4394
 * ```
 */
export function fitEnvelope(curves: readonly TrainingCurve[], opts: { gridSize?: number } = {}): EnvelopeFit {
  if (!Array.isArray(curves) || curves.length < 2) {
    throw new InputError('curves', `${curves?.length ?? 0} training curves is fewer than the 2 needed`, 'give the curves of two or more model sizes');
  }
  const prepared = curves.map((c, k) => {
    if (!(Number.isFinite(c.params) && c.params > 0)) throw new InputError(`curves[${k}].params`, `must be a finite number > 0, got ${c.params}`, 'fix that run');
    if (c.tokens.length !== c.loss.length || c.tokens.length < 1) throw new InputError(`curves[${k}]`, 'tokens and loss must have the same, non-zero length', 'give one loss per token count');
    const lc: number[] = [];
    const ls: number[] = [];
    for (let i = 0; i < c.tokens.length; i++) {
      const t = c.tokens[i];
      const l = c.loss[i];
      if (!(t > 0 && Number.isFinite(t) && l > 0 && Number.isFinite(l))) continue; // step-0 points, NaN losses
      if (lc.length && Math.log(trainingFlops(c.params, t)) <= lc[lc.length - 1]) continue; // keep increasing compute
      lc.push(Math.log(trainingFlops(c.params, t)));
      ls.push(l);
    }
    return { params: c.params, lc, ls };
  });
  if (prepared.every((p) => p.lc.length <= 1)) {
    return fitEnvelopePoints(prepared.filter((p) => p.lc.length === 1).map((p) => ({ params: p.params, tokens: tokensForTrainingFlopsUnchecked(Math.exp(p.lc[0]), p.params), loss: p.ls[0] })));
  }
  const lo = Math.min(...prepared.filter((p) => p.lc.length).map((p) => p.lc[0]));
  const hi = Math.max(...prepared.filter((p) => p.lc.length).map((p) => p.lc[p.lc.length - 1]));
  const gridSize = requireNumber('gridSize', opts.gridSize ?? 250, { min: 2 });
  if (!Number.isInteger(gridSize)) throw new InputError('gridSize', `must be a whole number of grid points, got ${gridSize}`, 'give e.g. 250');
  const envelope: EnvelopePoint[] = [];
  for (let j = 0; j < gridSize; j++) {
    const u = lo + ((hi - lo) * j) / (gridSize - 1);
    let best = Infinity;
    let bestN = 0;
    for (const p of prepared) {
      const n = p.lc.length;
      if (n < 2 || u < p.lc[0] || u > p.lc[n - 1]) continue;
      // binary search for the segment
      let a = 0;
      let b = n - 1;
      while (b - a > 1) {
        const m = (a + b) >> 1;
        if (p.lc[m] <= u) a = m;
        else b = m;
      }
      const w = (u - p.lc[a]) / (p.lc[b] - p.lc[a]);
      const l = p.ls[a] + w * (p.ls[b] - p.ls[a]);
      if (l < best) {
        best = l;
        bestN = p.params;
      }
    }
    if (best < Infinity) {
      const flops = Math.exp(u);
      envelope.push({ flops, loss: best, params: bestN, tokens: tokensForTrainingFlopsUnchecked(flops, bestN) });
    }
  }
  return finish(envelope);
}
