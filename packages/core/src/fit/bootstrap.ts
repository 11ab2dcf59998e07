/**
 * Bootstrap over runs for the Approach-3 fit (as Besiroglu et al. 2024, arXiv 2404.10102,
 * §3 and Table 1, did to obtain standard errors): resample the points with replacement,
 * refit warm-started from the full-data best fit, and collect the parameters. Resampling is
 * done by multiplicity weights (a point drawn k times gets weight k), which is the same
 * objective as fitting the resampled list and needs no copying. Seeded (createRng), so a
 * given (points, samples, seed) always gives the same replicates.
 *
 * Returns the per-sample parameter arrays (E, A, B, alpha, beta) so other code (the
 * uncertainty engine) can propagate them, plus standard errors and percentile intervals
 * for the parameters and for derived quantities: frontier exponents a = β/(α+β), b = α/(α+β),
 * N_opt and D_opt at a given compute, and tokens per parameter there.
 */
import { quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { InputError, requireNumber } from '../errors.js';
import { requireWholeNumber } from '../wholeNumber.js';
import { computeOptimal } from '../laws/decisions.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';
import {
  chinchillaData,
  checkChinchillaDesign,
  fitChinchilla,
  fitChinchillaData,
  GRID_LBFGS_OPTIONS,
  logParamsFromLaw,
  type ChinchillaFit,
  type FitChinchillaOptions,
} from './fitChinchilla.js';
import { Lbfgs } from './lbfgs.js';
import type { ScalingPoint } from './points.js';
import { identifyChinchillaFit, type Identification } from './identification.js';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  samples?: number;
  /** RNG seed (default 42). */
  seed?: number;
  /** The full-data fit to warm-start from; computed with fitChinchilla(points, fitOptions) if absent. */
  fit?: ChinchillaFit;
  fitOptions?: FitChinchillaOptions;
  /** Compute (FLOP) at which to report N_opt, D_opt and tokens/param intervals (default 5.76e23, Chinchilla's budget). */
  flops?: number;
  /** Central interval probability (default 0.95 → 2.5th–97.5th percentiles). */
  level?: number;
}

export interface BootstrapInterval {
  /** Full-data estimate. */
  estimate: number;
  /** Bootstrap standard deviation (the standard error). */
  se: number;
  lower: number;
  upper: number;
}

export interface ChinchillaBootstrap {
  fit: ChinchillaFit;
  samples: number;
  seed: number;
  level: number;
  flops: number;
  /** Per-sample parameters (index i = replicate i). */
  params: { E: Float64Array; A: Float64Array; B: Float64Array; alpha: Float64Array; beta: Float64Array };
  /** Per-sample objective and convergence flag. */
  objective: Float64Array;
  converged: Uint8Array;
  /** Replicates whose optimiser stopped on a convergence test. */
  convergedCount: number;
  intervals: {
    E: BootstrapInterval;
    A: BootstrapInterval;
    B: BootstrapInterval;
    alpha: BootstrapInterval;
    beta: BootstrapInterval;
    /** N_opt ∝ C^a. */
    a: BootstrapInterval;
    /** D_opt ∝ C^b. */
    b: BootstrapInterval;
    paramsOpt: BootstrapInterval;
    tokensOpt: BootstrapInterval;
    tokensPerParam: BootstrapInterval;
  };
  /** Replicates whose law has no compute-optimal allocation (an exponent ≤ 0, or under/overflow); left out of the N_opt, D_opt and ratio intervals. */
  invalidReplicates: number;
  /** The fit's identification including the interval checks (fit/identification.ts). */
  identification: Identification;
}

/** The law of replicate i. */
export function bootstrapLaw(boot: Pick<ChinchillaBootstrap, 'params'>, i: number): ChinchillaLaw {
  const p = boot.params;
  return { form: 'chinchilla', E: p.E[i], A: p.A[i], B: p.B[i], alpha: p.alpha[i], beta: p.beta[i] };
}

/**
 * Case-bootstrap intervals for an Approach-3 fit (Hoffmann et al. 2022 §3.3, whose Table A3
 * gives bootstrap intervals): resamples the runs with replacement, refits the Chinchilla form
 * warm-started from the full-data fit, and reports percentile intervals of E, A, B, α, β, the
 * frontier exponents and N_opt, D_opt, D/N at `flops`. Seeded, so repeatable.
 *
 * @param points - runs with params, tokens and loss
 * @param options - samples (default 1000), seed, the full-data fit, fit options, flops and level
 * @returns the fit, the replicates' parameters, intervals, convergence counts and identification
 * @throws InputError for too few or bad runs, or bad options
 * @example
 * ```ts
 * import { bootstrapChinchilla, computeOptimal, getPublishedLaw, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const points = [1e18, 1e19, 1e20].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k, i) => {
 *   const params = k * computeOptimal(law, C).params, tokens = C / (6 * params);
 *   return { params, tokens, loss: lossAt(law, params, tokens) * (1 + 0.01 * ((i % 3) - 1)) };
 * }));
 * bootstrapChinchilla(points, { samples: 20 }).intervals.alpha.upper; // → 0.4234
 * ```
 */
export function bootstrapChinchilla(points: readonly ScalingPoint[], options: BootstrapOptions = {}): ChinchillaBootstrap {
  checkChinchillaDesign(points);
  const samples = requireWholeNumber('samples', options.samples ?? 1000, { min: 2, max: 1e6 });
  const seed = requireNumber('seed', options.seed ?? 42);
  const flops = requireNumber('flops', options.flops ?? 5.76e23, { exclusiveMin: 0, unit: 'FLOP' });
  const level = requireNumber('level', options.level ?? 0.95, { exclusiveMin: 0, max: 0.999 });
  const fit = options.fit ?? fitChinchilla(points, options.fitOptions);
  if (fit.points !== points.length) {
    throw new InputError('fit', `was made on ${fit.points} points, not these ${points.length}`, 'pass the fit of the same points, or none');
  }
  const n = points.length;
  const data = chinchillaData(points);
  const rng = createRng(seed);
  const start = [logParamsFromLaw(fit.law)];
  const optimizer = new Lbfgs(5, options.fitOptions?.lbfgs ?? GRID_LBFGS_OPTIONS);
  const polisher = new Lbfgs(5, options.fitOptions?.polishLbfgs);
  const delta = fit.delta;
  const out = {
    E: new Float64Array(samples),
    A: new Float64Array(samples),
    B: new Float64Array(samples),
    alpha: new Float64Array(samples),
    beta: new Float64Array(samples),
  };
  const objective = new Float64Array(samples);
  const converged = new Uint8Array(samples);
  let convergedCount = 0;
  for (let s = 0; s < samples; s++) {
    data.weights.fill(0);
    for (let i = 0; i < n; i++) data.weights[rng.int(n)] += 1;
    const r = fitChinchillaData(data, delta, start, {}, optimizer, polisher);
    out.E[s] = r.law.E;
    out.A[s] = r.law.A;
    out.B[s] = r.law.B;
    out.alpha[s] = r.law.alpha;
    out.beta[s] = r.law.beta;
    objective[s] = r.objective;
    converged[s] = r.converged ? 1 : 0;
    if (r.converged) convergedCount++;
  }

  const q = (1 - level) / 2;
  const interval = (estimate: number, values: ArrayLike<number>): BootstrapInterval => {
    const sorted = Array.from(values).filter(Number.isFinite).sort((x, y) => x - y);
    if (sorted.length < 2) return { estimate, se: NaN, lower: NaN, upper: NaN };
    return {
      estimate,
      se: sampleStandardDeviation(sorted),
      lower: quantileSorted(sorted, q),
      upper: quantileSorted(sorted, 1 - q),
    };
  };
  let invalid = 0;
  const derived = { a: new Float64Array(samples), b: new Float64Array(samples), n: new Float64Array(samples), d: new Float64Array(samples), r: new Float64Array(samples) };
  for (let s = 0; s < samples; s++) {
    const al = out.alpha[s];
    const be = out.beta[s];
    derived.a[s] = be / (al + be);
    derived.b[s] = al / (al + be);
    // A replicate of weakly identified data can have α ≤ 0: it has no optimum, so it is counted, not thrown.
    let opt: { params: number; tokens: number; tokensPerParam: number } = { params: NaN, tokens: NaN, tokensPerParam: NaN };
    try {
      opt = computeOptimal(bootstrapLaw({ params: out }, s), flops);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      invalid++;
    }
    derived.n[s] = opt.params;
    derived.d[s] = opt.tokens;
    derived.r[s] = opt.tokensPerParam;
  }
  const L = fit.law;
  const optFull = computeOptimal(L, flops);
  const result = {
    fit,
    samples,
    seed,
    level,
    flops,
    params: out,
    objective,
    converged,
    convergedCount,
    intervals: {
      E: interval(L.E, out.E),
      A: interval(L.A, out.A),
      B: interval(L.B, out.B),
      alpha: interval(L.alpha, out.alpha),
      beta: interval(L.beta, out.beta),
      a: interval(L.beta / (L.alpha + L.beta), derived.a),
      b: interval(L.alpha / (L.alpha + L.beta), derived.b),
      paramsOpt: interval(optFull.params, derived.n),
      tokensOpt: interval(optFull.tokens, derived.d),
      tokensPerParam: interval(optFull.tokensPerParam, derived.r),
    },
    invalidReplicates: invalid,
  };
  return { ...result, identification: identifyChinchillaFit(fit, points, result as ChinchillaBootstrap) };
}
