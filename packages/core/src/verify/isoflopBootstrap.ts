/**
 * Intervals for Approach 2 (isoFLOP profiles, Hoffmann et al. 2022 §3.2): a
 * parametric bootstrap over run-to-run noise. Each replicate multiplies every
 * run's loss by exp(σ·z), z ~ N(0, 1), refits every budget's parabola in ln N
 * (fitIsoflop) and the power laws N_opt = k·C^a, D_opt = k'·C^b, and records a,
 * b and N_opt at the requested compute. σ is the runs' scatter in log loss
 * (the caller passes e.g. the log-RMSE of the Approach 3 fit, which holds both
 * seed noise and misfit).
 *
 * Why parametric rather than resampling runs: an isoFLOP budget has 4–6 runs and
 * a parabola needs 3 distinct sizes, so resampled budgets lose their parabola in
 * most replicates; perturbing losses keeps every size and asks the question that
 * matters here — how far would noise of the size we see move each vertex.
 * Replicates where fewer than two budgets keep an in-range vertex are counted
 * as `failed`, not silently dropped.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { fitIsoflop, type IsoflopFit } from '../fit/isoflop.js';
import type { ScalingPoint } from '../fit/points.js';
import { createRng } from '../random.js';
import { summarize, type SampleInterval } from '../uncertainty/summary.js';

export interface IsoflopBootstrapOptions {
  /** Replicates (default 400). */
  samples?: number;
  seed?: number;
  /** Central interval probability (default 0.9). */
  level?: number;
  /** Run-to-run scatter in ln(loss) (σ of the multiplicative noise). */
  sigmaLog: number;
  /** Compute (FLOPs) at which to report N_opt and D_opt replicates. */
  flops?: number[];
}

export interface IsoflopBootstrap {
  fit: IsoflopFit;
  samples: number;
  /** Replicates that could not fit two in-range budgets. */
  failed: number;
  sigmaLog: number;
  level: number;
  a: SampleInterval;
  b: SampleInterval;
  /** Per requested compute: N_opt and D_opt = C/(6 N_opt) replicates summarised, plus the raw N_opt replicates. */
  at: { flops: number; params: SampleInterval; tokens: SampleInterval; paramsSamples: Float64Array }[];
}

/**
 * Intervals for Approach 2 (isoFLOP profiles, Hoffmann et al. 2022 §3.2) by a parametric bootstrap:
 * each replicate multiplies every run's loss by exp(σ·z), z ~ N(0, 1), refits each budget's parabola
 * in ln N and the power laws N_opt = k·C^a, D_opt = k'·C^b, and records a, b and N_opt at `flops`.
 *
 * @param points - runs with `flops` (the budget), params, tokens and loss
 * @param options - `sigmaLog` (run scatter in ln loss), `samples` (default 400), `seed`, `level` (default 0.9), `flops`
 * @returns the central fit, intervals of a and b, N_opt and D_opt at each requested compute, and failed replicates
 * @throws InputError when too few replicates keep two isoFLOP minima
 * @example
 * ```ts
 * import { bootstrapIsoflop } from '@scaling-lab/core';
 * const pts = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { params: N, tokens: D, flops: C, loss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const b = bootstrapIsoflop(pts, { sigmaLog: 0.01, samples: 50, seed: 1, flops: [1e22] });
 * b.a.median; // → 0.4589
 * b.failed; // → 0
 * ```
 */
export function bootstrapIsoflop(points: readonly ScalingPoint[], options: IsoflopBootstrapOptions): IsoflopBootstrap {
  const samples = Math.floor(requireNumber('samples', options.samples ?? 400, { min: 2, max: 1e5 }));
  const sigma = requireNumber('sigmaLog', options.sigmaLog, { min: 0 });
  const level = requireNumber('level', options.level ?? 0.9, { exclusiveMin: 0, max: 0.999 });
  const fit = fitIsoflop(points);
  const flopsList = options.flops ?? [];
  const rng = createRng(options.seed ?? 42);
  const as: number[] = [];
  const bs: number[] = [];
  const ns: number[][] = flopsList.map(() => []);
  let failed = 0;
  for (let s = 0; s < samples; s++) {
    const noisy = points.map((p) => ({ ...p, loss: p.loss * Math.exp(sigma * rng.normal()) }));
    let f: IsoflopFit;
    try {
      f = fitIsoflop(noisy);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      continue;
    }
    as.push(f.a);
    bs.push(f.b);
    flopsList.forEach((c, i) => ns[i].push(f.params.coefficient * c ** f.a));
  }
  if (as.length < 2) {
    throw new InputError('points', `only ${as.length} of ${samples} bootstrap replicates kept two isoFLOP minima`, 'sample more sizes around each budget\'s optimum');
  }
  return {
    fit,
    samples,
    failed,
    sigmaLog: sigma,
    level,
    a: summarize(as, level),
    b: summarize(bs, level),
    at: flopsList.map((c, i) => ({
      flops: c,
      params: summarize(ns[i], level),
      tokens: summarize(ns[i].map((n) => tokensForTrainingFlopsUnchecked(c, n)), level),
      paramsSamples: Float64Array.from(ns[i]),
    })),
  };
}
