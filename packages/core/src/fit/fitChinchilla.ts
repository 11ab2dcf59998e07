/**
 * Approach 3 of Hoffmann et al. 2022 (arXiv 2203.15556, §3.3): fit
 * L(N, D) = E + A/N^α + B/D^β by minimising the sum of Huber losses (δ = 1e-3) of
 * LSE(a − α log N, b − β log D, e) − log L with L-BFGS from every start of a grid
 * (α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 4,500 starts),
 * keeping the best — the procedure Besiroglu et al. 2024 (arXiv 2404.10102) used to
 * reproduce it. On their extracted data (240 runs) this reaches objective
 * 0.001018274 with E 1.8172, A 477.8, B 2143, α 0.3473, β 0.3672.
 */
import { InputError } from '../errors.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { chinchillaObjective, type ChinchillaData } from './chinchillaObjective.js';
import { Lbfgs, type LbfgsOptions, type LbfgsStopReason } from './lbfgs.js';
import { distinctCount, validatePoints, type ScalingPoint } from './points.js';
import { identifyChinchillaFit, type Identification } from './identification.js';

export interface ChinchillaGrid {
  a: readonly number[];
  b: readonly number[];
  e: readonly number[];
  alpha: readonly number[];
  beta: readonly number[];
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

/** The initialisation grid of Hoffmann et al. 2022 §D.2 / Besiroglu et al. 2024 §2 (4,500 starts). */
export const HOFFMANN_GRID: ChinchillaGrid = {
  alpha: range(0, 2, 0.5),
  beta: range(0, 2, 0.5),
  e: range(-1, 1, 0.5),
  a: range(0, 25, 5),
  b: range(0, 25, 5),
};

/** Natural-log parameters [a, b, e, α, β]: A = eᵃ, B = eᵇ, E = eᵉ. */
export interface ChinchillaLogParams {
  a: number;
  b: number;
  e: number;
  alpha: number;
  beta: number;
}

export interface FitChinchillaOptions {
  /** Huber δ (default 1e-3). */
  delta?: number;
  /** Start grid (default HOFFMANN_GRID). Ignored when `starts` is given. */
  grid?: ChinchillaGrid;
  /** Explicit starts (e.g. a warm start from an earlier fit). */
  starts?: readonly ChinchillaLogParams[];
  /** Starts whose objective is within this relative distance of the (polished) best count as reaching it (default 1e-6). */
  bestTolerance?: number;
  /** Optimiser settings for each grid start (default GRID_LBFGS_OPTIONS). */
  lbfgs?: LbfgsOptions;
  /** Optimiser settings for polishing the best start (default: the Lbfgs defaults, tight). */
  polishLbfgs?: LbfgsOptions;
  /** Per-point weights (multiplicities), e.g. bootstrap counts. Default all 1. */
  weights?: ArrayLike<number>;
}

export interface ChinchillaFit {
  law: ChinchillaLaw;
  logParams: ChinchillaLogParams;
  /** Sum of Huber losses at the best start. */
  objective: number;
  /** Whether the best start's optimiser stopped on a convergence test. */
  converged: boolean;
  /** Why the best start's optimiser stopped. */
  stopReason: LbfgsStopReason;
  iterations: number;
  gradientNorm: number;
  starts: number;
  /** How many starts ended within `bestTolerance` of the best objective. */
  startsAtBest: number;
  startsConverged: number;
  /** Objective evaluations over all starts. */
  evaluations: number;
  points: number;
  delta: number;
  /**
   * Starts whose objective is within 0.1 % (plus 1e-12) of the best, and the range of their α, β and E:
   * wide ranges mean other parameters fit about as well (a flat objective).
   */
  nearBest: { starts: number; alpha: [number, number]; beta: [number, number]; E: [number, number] };
  /** Whether the data identify the law (fit/identification.ts); set by fitChinchilla, absent on bootstrap replicates. */
  identification?: Identification;
}

/**
 * Per-start settings for the grid, chosen by measuring on the Chinchilla data (evaluations for
 * every 5th start of the grid; starts reaching the best objective within 1e-6): relative
 * f-change 1e-7 (L-BFGS-B's default is an absolute 2.2e-9, looser still for an objective of
 * 1e-3), at most 300 iterations, no steepest-descent restart after a failed line search, and a
 * stall test (less than 0.01% decrease over 20 iterations): starts that wander onto the
 * all-linear plateaus of the Huber loss otherwise crawl for hundreds of iterations towards
 * nothing useful. Together these cut the evaluations by ~45% against tight settings without
 * losing starts that reach the best. The best start is then polished with the tight defaults
 * of `Lbfgs` (relative f-change 1e-12), so the reported optimum is exact.
 */
export const GRID_LBFGS_OPTIONS: LbfgsOptions = {
  // Accept a sufficient-decrease unit step without extrapolating further (measured
  // on the Chinchilla grid: 292,557 → 276,729 evaluations, 667 → 636 starts at the best, same
  // polished optimum). The polish keeps the strong-Wolfe defaults.
  acceptShortUnitStep: true,
  relFunctionTolerance: 1e-7,
  maxIterations: 300,
  restartOnLineSearchFailure: false,
  stallWindow: 20,
  stallTolerance: 1e-4,
};

/** Float64Array copies of log N, log D, log L (and weights) for the objective. */
export function chinchillaData(points: readonly ScalingPoint[], weights?: ArrayLike<number>): ChinchillaData {
  const n = points.length;
  const data: ChinchillaData = {
    logN: new Float64Array(n),
    logD: new Float64Array(n),
    logL: new Float64Array(n),
    weights: new Float64Array(n).fill(1),
  };
  for (let i = 0; i < n; i++) {
    data.logN[i] = Math.log(points[i].params);
    data.logD[i] = Math.log(points[i].tokens);
    data.logL[i] = Math.log(points[i].loss);
  }
  if (weights) {
    if (weights.length !== n) throw new InputError('weights', `has ${weights.length} entries for ${n} points`, 'give one weight per point');
    for (let i = 0; i < n; i++) data.weights[i] = weights[i];
  }
  return data;
}

/**
 * Checks that a set of runs can identify the five parameters of the Chinchilla form
 * L = E + A/N^α + B/D^β (Hoffmann et al. 2022 eq. 2): at least 5 valid runs, two or more
 * model sizes and two or more token counts. Returns nothing when they can.
 *
 * @param points - runs with params, tokens and loss
 * @returns nothing; throws instead when the design cannot identify the fit
 * @throws InputError for fewer than 5 runs, a bad run, or a single model size or token count
 * @example
 * ```ts
 * import { checkChinchillaDesign } from '@scaling-lab/core';
 * const sameSize = [1, 2, 3, 4, 5].map((k) => ({ params: 1e8, tokens: k * 1e9, loss: 3 - k / 10 }));
 * checkChinchillaDesign(sameSize); // → throws InputError
 * ```
 */
export function checkChinchillaDesign(points: readonly ScalingPoint[]): void {
  validatePoints(points, 5);
  if (distinctCount(points.map((p) => p.params)) < 2) {
    throw new InputError('points', 'every run has the same parameter count, so α and A cannot be identified', 'add runs at two or more model sizes (three or more is better)');
  }
  if (distinctCount(points.map((p) => p.tokens)) < 2) {
    throw new InputError('points', 'every run has the same token count, so β and B cannot be identified', 'add runs with two or more dataset sizes (three or more is better)');
  }
}

export function lawFromLogParams(p: ChinchillaLogParams): ChinchillaLaw {
  return { form: 'chinchilla', E: Math.exp(p.e), A: Math.exp(p.a), B: Math.exp(p.b), alpha: p.alpha, beta: p.beta };
}

/**
 * A Chinchilla law in the log parameters the fit optimises (Hoffmann et al. 2022 §3.3:
 * a = log A, b = log B, e = log E, with α and β as they are); used as a start for fitChinchilla.
 *
 * @param law - a Chinchilla-form law
 * @returns its log parameters { a, b, e, alpha, beta }
 * @example
 * ```ts
 * import { getPublishedLaw, logParamsFromLaw } from '@scaling-lab/core';
 * logParamsFromLaw(getPublishedLaw('hoffmann2022').law).e; // → 0.5247
 * ```
 */
export function logParamsFromLaw(law: ChinchillaLaw): ChinchillaLogParams {
  return { a: Math.log(law.A), b: Math.log(law.B), e: Math.log(law.E), alpha: law.alpha, beta: law.beta };
}

function* gridStarts(grid: ChinchillaGrid): Generator<ChinchillaLogParams> {
  for (const alpha of grid.alpha)
    for (const beta of grid.beta)
      for (const e of grid.e) for (const a of grid.a) for (const b of grid.b) yield { a, b, e, alpha, beta };
}

/**
 * Approach 3 of Hoffmann et al. 2022 (§3.3): fits L = E + A/N^α + B/D^β to runs by
 * minimising the Huber loss (δ = 1e-3) of log-space residuals, LSE(a − α log N, b − β log D, e)
 * − log L, with multi-start L-BFGS over Hoffmann's grid of initialisations. On
 * {@link chinchillaPoints} it finds E 1.817, A 477.8, B 2143, α 0.347, β 0.367, Besiroglu et
 * al. 2024's replication (tests/reproduce-chinchilla.test.ts).
 *
 * @param points - runs with params, tokens and loss
 * @param options - starts, Huber δ, weights and optimiser settings
 * @returns the law, the objective, convergence and whether the fit is identified
 * @throws InputError when the points are too few or not valid
 * @example
 * ```ts
 * import { fitChinchilla, getPublishedLaw, logParamsFromLaw, lossAt } from '@scaling-lab/core';
 * const truth = getPublishedLaw('hoffmann2022').law;
 * const points = [1e8, 3e8, 1e9].flatMap((params) => [2e9, 6e9, 2e10].map((tokens) => ({ params, tokens, loss: lossAt(truth, params, tokens) })));
 * // one start instead of the 4500-start grid, to keep the example quick
 * const fit = fitChinchilla(points, { starts: [logParamsFromLaw({ form: 'chinchilla', E: 2, A: 300, B: 300, alpha: 0.3, beta: 0.3 })] });
 * fit.law.alpha; // → 0.340
 * fit.law.E; // → 1.690
 * ```
 */
export function fitChinchilla(points: readonly ScalingPoint[], options: FitChinchillaOptions = {}): ChinchillaFit {
  checkChinchillaDesign(points);
  const delta = options.delta ?? 1e-3;
  if (!(delta > 0 && Number.isFinite(delta))) throw new InputError('delta', `must be a finite number > 0, got ${delta}`, 'use the default 1e-3');
  const data = chinchillaData(points, options.weights);
  const fit = fitChinchillaData(data, delta, options.starts ?? gridStarts(options.grid ?? HOFFMANN_GRID), options);
  fit.identification = identifyChinchillaFit(fit, points);
  return fit;
}

/**
 * The multi-start loop over prepared data (used by fitChinchilla and the bootstrap,
 * which reuses the buffers). Allocation per start: none besides the result object.
 */
export function fitChinchillaData(
  data: ChinchillaData,
  delta: number,
  starts: Iterable<ChinchillaLogParams>,
  options: Pick<FitChinchillaOptions, 'lbfgs' | 'polishLbfgs' | 'bestTolerance'> = {},
  optimizer: Lbfgs = new Lbfgs(5, options.lbfgs ?? GRID_LBFGS_OPTIONS),
  polisher: Lbfgs = new Lbfgs(5, options.polishLbfgs),
): ChinchillaFit {
  const fg = chinchillaObjective(data, delta);
  const bestTol = options.bestTolerance ?? 1e-6;
  const x0 = new Float64Array(5);
  const xOut = new Float64Array(5);
  const bestX = new Float64Array(5);
  const finals: number[] = [];
  // Final parameters of every start, to tell a flat objective (different optima fitting as well) from a sharp one.
  const finalX: number[] = [];
  let best: { f: number; stopReason: LbfgsStopReason; iterations: number; gradientNorm: number; converged: boolean } | undefined;
  let evaluations = 0;
  let startsConverged = 0;
  for (const s of starts) {
    x0[0] = s.a;
    x0[1] = s.b;
    x0[2] = s.e;
    x0[3] = s.alpha;
    x0[4] = s.beta;
    const r = optimizer.minimize(fg, x0, xOut);
    evaluations += r.evaluations;
    if (r.converged) startsConverged++;
    if (!Number.isFinite(r.f)) continue;
    finals.push(r.f);
    for (let k = 0; k < 5; k++) finalX.push(xOut[k]);
    if (!best || r.f < best.f) {
      best = { f: r.f, stopReason: r.stopReason, iterations: r.iterations, gradientNorm: r.gradientNorm, converged: r.converged };
      bestX.set(xOut);
    }
  }
  if (!best) throw new InputError('points', 'the objective was not finite at any start', 'check the data for extreme values');
  // Polish the best start with tight tolerances; its stop reason is the one reported when it
  // lowered f (or stopped on a convergence test). A polish that cannot move the point at all —
  // its first line search fails at the rounding floor of f, as happens when the start already
  // sits on the optimum — leaves the best start's own result and stop reason standing.
  const polished = polisher.minimize(fg, bestX, xOut);
  evaluations += polished.evaluations;
  if (Number.isFinite(polished.f) && (polished.f < best.f || (polished.f <= best.f && polished.converged))) {
    best = {
      f: polished.f,
      stopReason: polished.stopReason,
      iterations: best.iterations + polished.iterations,
      gradientNorm: polished.gradientNorm,
      converged: polished.converged,
    };
    bestX.set(xOut);
  }
  const threshold = best.f + bestTol * Math.abs(best.f);
  const startsAtBest = finals.filter((f) => f <= threshold).length;
  const logParams: ChinchillaLogParams = { a: bestX[0], b: bestX[1], e: bestX[2], alpha: bestX[3], beta: bestX[4] };
  const near = best.f + 1e-3 * Math.abs(best.f) + 1e-12;
  const nearBest = { starts: 0, alpha: [bestX[3], bestX[3]] as [number, number], beta: [bestX[4], bestX[4]] as [number, number], E: [Math.exp(bestX[2]), Math.exp(bestX[2])] as [number, number] };
  for (let i = 0; i < finals.length; i++) {
    if (!(finals[i] <= near)) continue;
    nearBest.starts++;
    const al = finalX[5 * i + 3], be = finalX[5 * i + 4], E = Math.exp(finalX[5 * i + 2]);
    nearBest.alpha = [Math.min(nearBest.alpha[0], al), Math.max(nearBest.alpha[1], al)];
    nearBest.beta = [Math.min(nearBest.beta[0], be), Math.max(nearBest.beta[1], be)];
    nearBest.E = [Math.min(nearBest.E[0], E), Math.max(nearBest.E[1], E)];
  }
  return {
    law: lawFromLogParams(logParams),
    logParams,
    objective: best.f,
    converged: best.converged,
    stopReason: best.stopReason,
    iterations: best.iterations,
    gradientNorm: best.gradientNorm,
    starts: finals.length,
    startsAtBest,
    startsConverged,
    evaluations,
    points: data.logN.length,
    delta,
    nearBest,
  };
}
