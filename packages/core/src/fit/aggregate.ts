/**
 * Big fit inputs made fittable. Approach 3's cost grows with the number of points (4,500 L-BFGS starts,
 * each evaluating every point: ~30 s for 2,000 points on one core), so past `MAX_FIT_POINTS` an input is
 * reduced before fitting, in steps that say what they did:
 * 1. rows with the same N and D (seeds, repeated logging of one run) become one point whose loss is the
 *    geometric mean of theirs — the fit works on log L, so this is the least-squares equivalent;
 * 2. with `binDecades` (the user's choice, `fit --bin`), points are averaged in cells of that width in
 *    log10 N × log10 D (geometric means of N, D and L per cell): an approximation the output states.
 * If more than `MAX_FIT_POINTS` remain, the input is refused with the advice (aggregate per run, or bin).
 * Pure: typed columns in, points out.
 */
import { InputError } from '../errors.js';
import type { ScalingPoint } from './points.js';

/** The most points Approach 3 is run on (about a minute on one core); documented in `fit --help`. */
export const MAX_FIT_POINTS = 5_000;

export interface PointColumns {
  params: Float64Array;
  tokens: Float64Array;
  /** NaN where the input had no FLOP column. */
  flops: Float64Array;
  loss: Float64Array;
}

export interface Aggregated {
  points: ScalingPoint[];
  /** What was done, in words (for the input line of the output); empty when nothing was. */
  notes: string[];
}

export const pointColumns = (points: readonly ScalingPoint[]): PointColumns => ({
  params: Float64Array.from(points, (p) => p.params),
  tokens: Float64Array.from(points, (p) => p.tokens),
  flops: Float64Array.from(points, (p) => p.flops ?? NaN),
  loss: Float64Array.from(points, (p) => p.loss),
});

/** Groups row indices by `key` (sorted typed keys, no per-row objects) and averages each group in log space; typed columns out (flops dropped). */
function groupMeans(c: PointColumns, keyA: Float64Array, keyB: Float64Array): PointColumns {
  const n = c.params.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => keyA[i] - keyA[j] || keyB[i] - keyB[j]);
  const out = { params: new Float64Array(n), tokens: new Float64Array(n), flops: new Float64Array(n).fill(NaN), loss: new Float64Array(n) };
  let m = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const a = keyA[order[start]];
    const b = keyB[order[start]];
    while (end < n && keyA[order[end]] === a && keyB[order[end]] === b) end++;
    let lnN = 0;
    let lnD = 0;
    let lnL = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      lnN += Math.log(c.params[i]);
      lnD += Math.log(c.tokens[i]);
      lnL += Math.log(c.loss[i]);
    }
    const k = end - start;
    out.params[m] = Math.exp(lnN / k);
    out.tokens[m] = Math.exp(lnD / k);
    out.loss[m] = Math.exp(lnL / k);
    m++;
    start = end;
  }
  return { params: out.params.subarray(0, m), tokens: out.tokens.subarray(0, m), flops: out.flops.subarray(0, m), loss: out.loss.subarray(0, m) };
}

const toPoints = (c: PointColumns): ScalingPoint[] =>
  Array.from({ length: c.params.length }, (_, i): ScalingPoint => (Number.isNaN(c.flops[i]) ? { params: c.params[i], tokens: c.tokens[i], loss: c.loss[i] } : { params: c.params[i], tokens: c.tokens[i], flops: c.flops[i], loss: c.loss[i] }));

/**
 * `c` reduced to at most MAX_FIT_POINTS points (see the module comment); the points unchanged when
 * already within. `flag` names the bin option in messages.
 */
export function aggregateForFit(c: PointColumns, opts: { binDecades?: number; source: string; maxPoints?: number; binFlag?: string }): Aggregated {
  const max = opts.maxPoints ?? MAX_FIT_POINTS;
  const n = c.params.length;
  const notes: string[] = [];
  if (n <= max && opts.binDecades === undefined) return { points: toPoints(c), notes };
  let merged = groupMeans(c, c.params, c.tokens);
  if (merged.params.length < n) notes.push(`${n.toLocaleString('en-US')} rows with ${merged.params.length.toLocaleString('en-US')} distinct (N, D) pairs: repeated pairs fitted as one point at the geometric mean of their losses`);
  if (opts.binDecades !== undefined) {
    const w = opts.binDecades;
    const cellN = merged.params.map((x) => Math.floor(Math.log10(x) / w));
    const cellD = merged.tokens.map((x) => Math.floor(Math.log10(x) / w));
    const before = merged.params.length;
    merged = groupMeans(merged, cellN, cellD);
    notes.push(`${before.toLocaleString('en-US')} points averaged into ${merged.params.length.toLocaleString('en-US')} cells of ${w} decades in N and D (geometric means; ${opts.binFlag ?? '--bin'})`);
  }
  const count = merged.params.length;
  if (count > max) {
    throw new InputError(
      opts.source,
      `has ${count.toLocaleString('en-US')} distinct (N, D) points, more than the ${max.toLocaleString('en-US')} a fit is run on (Approach 3's time grows with the points: ~30 s per 2,000 on one core)`,
      `aggregate it to one row per run (params, tokens, final loss), or give ${opts.binFlag ?? '--bin'} 0.05 to average the points within 0.05-decade cells of N and D`,
    );
  }
  return { points: toPoints(merged), notes };
}
