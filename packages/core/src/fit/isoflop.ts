/**
 * Approach 2 of Hoffmann et al. 2022 (arXiv 2203.15556, §3.2, Figure 3): isoFLOP profiles.
 * Runs are grouped by compute budget; in each group a parabola of loss against log N is
 * fitted and its vertex gives N_opt(C) (D_opt = C / (6 N_opt)); then N_opt ∝ C^a and
 * D_opt ∝ C^b are fitted across budgets (Hoffmann et al. report a = 0.49, b = 0.51).
 *
 * Grouping: runs sorted by compute join the current group while within
 * `groupWidthDecades` (default 0.1, i.e. ×1.26) of the group's smallest compute — the
 * Chinchilla budgets (6e18, 1e19, 3e19, …) are ≥ 0.22 decades apart, and the
 * extracted points scatter ~0.04 decades around them.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { flopsOf, distinctCount, validatePoints, type ScalingPoint } from './points.js';
import { fitLogLinear, type LogLinearFit } from './powerLaw.js';
import { identifyIsoflopFit, type Identification } from './identification.js';

export interface IsoflopProfile {
  /** Geometric-mean compute of the group's runs. */
  flops: number;
  runs: number;
  /** Vertex of the parabola loss = c0 + c1·u + c2·u², u = ln N. */
  paramsOpt: number;
  tokensOpt: number;
  lossOpt: number;
  /** c2: curvature (> 0 for a valid minimum). */
  curvature: number;
  /** Whether N_opt lies inside the group's range of N (else it is an extrapolation). */
  inRange: boolean;
}

export interface IsoflopFit {
  profiles: IsoflopProfile[];
  /** Groups left out (too few runs/sizes, or not convex), with why. */
  skipped: { flops: number; runs: number; reason: string }[];
  /** N_opt = k·C^a. */
  params: LogLinearFit;
  /** D_opt = k·C^b. */
  tokens: LogLinearFit;
  a: number;
  b: number;
  /** Whether the budgets and profiles identify the frontier (fit/identification.ts). */
  identification: Identification;
}

export interface FitIsoflopOptions {
  groupWidthDecades?: number;
  /** Least runs per profile (default 3; a parabola has 3 coefficients). */
  minRunsPerProfile?: number;
  /** Use only profiles whose vertex lies within the sampled N range (default true). */
  requireInRange?: boolean;
}

/**
 * Groups runs by compute budget for isoFLOP profiles (Hoffmann et al. 2022 §3.2): runs whose
 * C = 6ND (or given flops) lie within `widthDecades` of each other in log10 C share a group.
 *
 * @param points - runs with params, tokens and loss
 * @param widthDecades - the width of a budget group in decades of compute (default 0.1)
 * @returns the groups, in increasing compute
 * @example
 * ```ts
 * import { groupByCompute } from '@scaling-lab/core';
 * const runs = [[1e8, 1.67e10], [2e8, 8.3e9], [1e9, 1.67e11]].map(([params, tokens]) => ({ params, tokens, loss: 3 }));
 * groupByCompute(runs).length; // → 2
 * ```
 */
export function groupByCompute(points: readonly ScalingPoint[], widthDecades = 0.1): ScalingPoint[][] {
  requireNumber('groupWidthDecades', widthDecades, { exclusiveMin: 0, unit: 'decades of compute' });
  const sorted = [...points].sort((p, q) => flopsOf(p) - flopsOf(q));
  const groups: ScalingPoint[][] = [];
  let startLog = -Infinity;
  for (const p of sorted) {
    const lc = Math.log10(flopsOf(p));
    if (lc - startLog > widthDecades) {
      groups.push([]);
      startLog = lc;
    }
    groups[groups.length - 1].push(p);
  }
  return groups;
}

/**
 * Least-squares parabola y = c0 + c1·u + c2·u² (normal equations on centred u; 3×3 solve),
 * the isoFLOP profile of Hoffmann et al. 2022, §3.2, with u = log N.
 * Hand-written: one 3×3 system; simple-statistics has no polynomial regression and mathjs
 * would pull its whole matrix machinery into the browser bundle for it.
 *
 * @param us - abscissae (at least three distinct)
 * @param ys - ordinates, one per abscissa
 * @returns the coefficients c0, c1, c2
 * @example
 * ```ts
 * import { fitParabola } from '@scaling-lab/core';
 * fitParabola([-1, 0, 1, 2], [3, 1, 3, 9]).c2; // → 2
 * ```
 */
export function fitParabola(us: readonly number[], ys: readonly number[]): { c0: number; c1: number; c2: number } {
  const n = us.length;
  const mu = us.reduce((s, u) => s + u, 0) / n;
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
  for (let i = 0; i < n; i++) {
    const v = us[i] - mu;
    const v2 = v * v;
    s1 += v; s2 += v2; s3 += v2 * v; s4 += v2 * v2;
    t0 += ys[i]; t1 += v * ys[i]; t2 += v2 * ys[i];
  }
  // Solve [[n, s1, s2], [s1, s2, s3], [s2, s3, s4]] · [d0, d1, d2] = [t0, t1, t2] by Cramer's rule.
  const det3 = (a: number[]) => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const M = [n, s1, s2, s1, s2, s3, s2, s3, s4];
  const D = det3(M);
  const col = (k: number, t: number[]) => M.map((v, i) => (i % 3 === k ? t[Math.floor(i / 3)] : v));
  const d0 = det3(col(0, [t0, t1, t2])) / D;
  const d1 = det3(col(1, [t0, t1, t2])) / D;
  const d2 = det3(col(2, [t0, t1, t2])) / D;
  // back from v = u − μ
  return { c0: d0 - d1 * mu + d2 * mu * mu, c1: d1 - 2 * d2 * mu, c2: d2 };
}

/**
 * Approach 2 of Hoffmann et al. 2022 (§3.2, Figure 3): isoFLOP profiles. Runs are grouped
 * by compute budget; a parabola of loss against log N in each group gives N_opt(C) at its
 * vertex; then N_opt ∝ C^a and D_opt ∝ C^b are fitted across budgets (Hoffmann et al.
 * report a = 0.49, b = 0.51).
 *
 * @param points - runs with params, tokens and loss, several sizes per budget
 * @param options - group width in decades, least runs per profile, and whether a vertex must lie inside the sampled sizes
 * @returns the profiles, the groups skipped (with why), the fits N_opt = k·C^a and D_opt = k·C^b, and identification
 * @throws InputError when there are too few runs, or too few budgets give a profile, to fit
 * @example
 * ```ts
 * import { computeOptimal, fitIsoflop, getPublishedLaw, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * // five sizes around each budget's optimum, on the law itself
 * const points = [1e19, 1e20, 1e21].flatMap((flops) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const params = k * computeOptimal(law, flops).params;
 *   const tokens = flops / (6 * params);
 *   return { params, tokens, loss: lossAt(law, params, tokens) };
 * }));
 * // the law's own exponent is β/(α+β) = 0.28/0.62
 * fitIsoflop(points).a; // → 0.4516
 * ```
 */
export function fitIsoflop(points: readonly ScalingPoint[], options: FitIsoflopOptions = {}): IsoflopFit {
  validatePoints(points, 6);
  const minRuns = requireNumber('minRunsPerProfile', options.minRunsPerProfile ?? 3, { min: 3 });
  if (!Number.isInteger(minRuns)) throw new InputError('minRunsPerProfile', `must be a whole number of runs, got ${minRuns}`, 'give e.g. 3');
  const requireInRange = options.requireInRange ?? true;
  const profiles: IsoflopProfile[] = [];
  const skipped: IsoflopFit['skipped'] = [];
  for (const g of groupByCompute(points, options.groupWidthDecades ?? 0.1)) {
    const flops = Math.exp(g.reduce((s, p) => s + Math.log(flopsOf(p)), 0) / g.length);
    if (g.length < minRuns || distinctCount(g.map((p) => p.params)) < 3) {
      skipped.push({ flops, runs: g.length, reason: `fewer than ${minRuns} runs or 3 model sizes` });
      continue;
    }
    const us = g.map((p) => Math.log(p.params));
    const { c0, c1, c2 } = fitParabola(us, g.map((p) => p.loss));
    if (!(c2 > 0)) {
      skipped.push({ flops, runs: g.length, reason: 'loss is not convex in log N here (no minimum)' });
      continue;
    }
    const u = -c1 / (2 * c2);
    const inRange = u >= Math.min(...us) && u <= Math.max(...us);
    if (requireInRange && !inRange) {
      skipped.push({ flops, runs: g.length, reason: 'the parabola minimum lies outside the sampled model sizes' });
      continue;
    }
    const paramsOpt = Math.exp(u);
    profiles.push({ flops, runs: g.length, paramsOpt, tokensOpt: tokensForTrainingFlopsUnchecked(flops, paramsOpt), lossOpt: c0 + c1 * u + c2 * u * u, curvature: c2, inRange });
  }
  if (profiles.length < 2) {
    // One reason per kind with its count: fifteen budgets with one run each read "15 budgets: …", not the reason fifteen times.
    const counts = new Map<string, number>();
    for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
    const why = [...counts].map(([reason, n]) => (n > 1 ? `${n} budgets: ${reason}` : reason)).join('; ');
    throw new InputError(
      'points',
      `only ${profiles.length} compute budget(s) gave an isoFLOP minimum (${why || 'no groups'})`,
      'sweep model sizes on both sides of the optimum at two or more compute budgets',
    );
  }
  const cs = profiles.map((p) => p.flops);
  const params = fitLogLinear(cs, profiles.map((p) => p.paramsOpt), { x: 'flops', y: 'paramsOpt' });
  const tokens = fitLogLinear(cs, profiles.map((p) => p.tokensOpt), { x: 'flops', y: 'tokensOpt' });
  const fit = { profiles, skipped, params, tokens, a: params.exponent, b: tokens.exponent };
  return { ...fit, identification: identifyIsoflopFit(fit as IsoflopFit) };
}
