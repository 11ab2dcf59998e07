/**
 * The data a scaling-law fit consumes: one training run per point, with its
 * parameter count N, tokens D, compute C (= 6·N·D when not given) and final loss.
 * `validatePoints` turns bad rows into an InputError naming the row and field.
 */
import { InputError } from '../errors.js';
import { CHINCHILLA_SVG_ROWS } from './chinchillaData.js';

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

export function flopsOf(p: ScalingPoint): number {
  return p.flops ?? 6 * p.params * p.tokens;
}

/** Counts the distinct values (relative tolerance 1e-9) of a positive series. */
export function distinctCount(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  let n = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1] * (1 + 1e-9)) n++;
  return n;
}

/**
 * The Chinchilla points as Besiroglu et al. 2024 (arXiv 2404.10102) used them: the 245
 * rows of Hoffmann et al. Figure 4, minus the `dropHighestLoss` (default 5) rows with the
 * highest loss, with D = C / (6N). Rows keep file order.
 */
export function chinchillaPoints(opts: { dropHighestLoss?: number } = {}): ScalingPoint[] {
  const drop = opts.dropHighestLoss ?? 5;
  const sortedLoss = CHINCHILLA_SVG_ROWS.map((r) => r[2]).sort((a, b) => a - b);
  // Epoch's rule: keep loss < sorted(loss)[-drop]
  const cutoff = drop > 0 ? sortedLoss[sortedLoss.length - drop] : Infinity;
  return CHINCHILLA_SVG_ROWS.filter((r) => r[2] < cutoff).map(([params, flops, loss]) => ({
    params,
    tokens: flops / (6 * params),
    flops,
    loss,
  }));
}
