/**
 * The data a scaling-law fit consumes: one training run per point, with its
 * parameter count N, tokens D, compute C (= 6·N·D when not given) and final loss.
 * `validatePoints` turns bad rows into an InputError naming the row and field.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked, trainingFlops } from '../estimate/flops.js';
import { CHINCHILLA_SVG_ROWS } from '../data/chinchillaRows.generated.js';

export interface ScalingPoint {
  params: number;
  tokens: number;
  /** Training FLOP; 6·params·tokens when omitted. */
  flops?: number;
  /** Final loss, nats/token. */
  loss: number;
}

/** Throws InputError unless every point has finite, positive params, tokens, loss (and flops if given). */
export function validatePoints(points: readonly ScalingPoint[], minPoints: number, what = 'points'): void {
  if (!Array.isArray(points)) throw new InputError(what, 'expected an array of {params, tokens, loss}', 'pass one object per training run');
  if (points.length < minPoints) {
    throw new InputError(what, `${points.length} points is fewer than the ${minPoints} needed for this fit`, `give at least ${minPoints} runs`);
  }
  points.forEach((p, i) => {
    for (const key of ['params', 'tokens', 'loss'] as const) {
      const v = p?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) {
        throw new InputError(`${what}[${i}].${key}`, `must be a finite number > 0, got ${JSON.stringify(v)}`, 'fix or remove that row');
      }
    }
    if (p.flops !== undefined && !(Number.isFinite(p.flops) && p.flops > 0)) {
      throw new InputError(`${what}[${i}].flops`, `must be a finite number > 0, got ${JSON.stringify(p.flops)}`, 'fix or remove that row');
    }
  });
}

/**
 * Training compute of a run: its own `flops` when the input gave one, else C = 6·N·D
 * (Kaplan et al. 2020 §2.1).
 *
 * @param p - a run with params, tokens and optionally flops
 * @returns the run's training compute, in FLOP
 * @example
 * ```ts
 * import { flopsOf } from '@scaling-lab/core';
 * flopsOf({ params: 1e9, tokens: 2e10, loss: 3 }); // → 1.2e20
 * flopsOf({ params: 1e9, tokens: 2e10, flops: 1.3e20, loss: 3 }); // → 1.3e20
 * ```
 */
export function flopsOf(p: ScalingPoint): number {
  return p.flops ?? trainingFlops(p.params, p.tokens);
}

/** Counts the distinct values (relative tolerance 1e-9) of a positive series. */
export function distinctCount(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  let n = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1] * (1 + 1e-9)) n++;
  return n;
}

/**
 * The Chinchilla training runs as Besiroglu et al. 2024 ("Chinchilla Scaling: A replication
 * attempt", arXiv 2404.10102) used them: the 245 points of Hoffmann et al. 2022, Figure 4,
 * extracted from the paper's SVG, minus the `dropHighestLoss` (default 5) with the highest
 * loss, with D = C / (6N). Rows keep file order.
 *
 * @param opts - `dropHighestLoss`, how many of the highest-loss rows to leave out (default 5)
 * @returns points with params, tokens, flops and loss
 * @example
 * ```ts
 * import { chinchillaPoints } from '@scaling-lab/core';
 * chinchillaPoints().length; // → 240
 * ```
 */
export function chinchillaPoints(opts: { dropHighestLoss?: number } = {}): ScalingPoint[] {
  const points = CHINCHILLA_SVG_ROWS.map(([params, flops, loss]) => ({ params, tokens: tokensForTrainingFlopsUnchecked(flops, params), flops, loss }));
  return dropHighestLoss(points, opts.dropHighestLoss ?? 5);
}

/**
 * The points without the `k` highest losses, by Epoch's rule (Besiroglu et al. 2024):
 * keep loss < sorted(loss)[n − k], so runs tied with the cut-off go too. Order is kept.
 */
export function dropHighestLoss<P extends { loss: number }>(points: readonly P[], k: number, field = 'dropHighestLoss'): P[] {
  requireNumber(field, k, { min: 0 });
  if (!Number.isInteger(k)) throw new InputError(field, `must be a whole number of runs, got ${k}`, 'give e.g. 5 (as Besiroglu et al. 2024) or 0');
  if (k === 0) return [...points];
  if (k >= points.length) throw new InputError(field, `${k} would drop all ${points.length} runs`, `give at most ${points.length - 1}`);
  const cutoff = points.map((p) => p.loss).sort((a, b) => a - b)[points.length - k];
  return points.filter((p) => p.loss < cutoff);
}
