/**
 * Predict, then verify (the check that earns a scaling law trust: Hoffmann et al.
 * 2022 trained Chinchilla at the size their fits predicted; OpenAI 2023, the GPT-4
 * report §3, predicted the final loss from runs with 1/1,000 of the compute).
 *
 * Fit on every isoFLOP budget but the largest; from those runs alone predict, for
 * the largest budget C:
 * - the loss of its compute-optimal run, L_opt(C) of the Approach 3 law, with a
 *   bootstrap *prediction* interval: per bootstrap replicate i (bootstrapChinchilla,
 *   resampling runs) L_opt,i(C)·exp(r_i), r_i a log residual of the fit drawn at
 *   random — the replicate spread is the fit's uncertainty, the residual is the
 *   scatter of one run around the law (a single run, not the law, is what is
 *   measured);
 * - the compute-optimal N and D from both approaches with intervals: Approach 3
 *   from the same replicates, Approach 2 by extrapolating N_opt ∝ C^a through the
 *   smaller budgets' parabola minima (bootstrapIsoflop).
 * Then compare with what the largest budget measured: its best run's loss, and
 * its best size (the parabola minimum when it lies inside the sampled sizes,
 * else the best run's size).
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { bootstrapLaws } from './bootstrapLaws.js';
import { logResiduals } from '../fit/diagnostics.js';
import { fitParabola } from '../fit/isoflop.js';
import type { ScalingPoint } from '../fit/points.js';
import { computeOptimal, lossAtUnchecked } from '../laws/decisions.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';
import { summarize } from '../uncertainty/summary.js';
import { bootstrapIsoflop } from './isoflopBootstrap.js';

/** A run with the isoFLOP budget it belongs to. */
export interface BudgetPoint extends ScalingPoint {
  /** The sweep's compute budget C (FLOPs) for this run. */
  flopsBudget: number;
  /** The run's name (e.g. its runKey), carried into the output. */
  id?: string;
}

export type Interval = [number, number];

export interface AllocationPrediction {
  params: number;
  paramsInterval: Interval;
  tokens: number;
  tokensInterval: Interval;
}

export interface Verification {
  budgetFlops: number;
  /** Budgets the prediction was fitted on. */
  fittedBudgets: number[];
  fittedRuns: number;
  level: number;
  /** Bootstrap replicates used, and those whose refit had no finite law (dropped, counted here). */
  bootstrapSamples: number;
  bootstrapDegenerate: number;
  /** The Approach 3 law fitted on the smaller budgets. */
  law: ChinchillaLaw;
  predictedLoss: number;
  predictedLossInterval: Interval;
  measuredLoss: number;
  /** The held-out run with the lowest loss. */
  measuredBest: { id?: string; params: number; tokens: number; loss: number };
  lossErrorPercent: number;
  inside: boolean;
  /** The headline N prediction: Approach 2 when the smaller budgets give its power law, else Approach 3. */
  predictedParams: number;
  predictedParamsInterval: Interval;
  predictedTokens: number;
  predictedTokensInterval: Interval;
  predictedParamsSource: 'approach2' | 'approach3';
  byApproach: { approach2?: AllocationPrediction & { a: number }; approach3: AllocationPrediction };
  /** Best size at the held-out budget: parabola vertex in ln N when inside the sampled sizes, else the best run. */
  measuredBestParams: number;
  measuredBestParamsFrom: 'parabola' | 'best run';
  /** measured / predicted N (1 = exact). */
  paramsRatio: number;
  paramsInside: boolean;
  /** Per held-out run: the held-in law's prediction at its (N, D) against its measured loss. */
  runs: { id?: string; params: number; tokens: number; loss: number; predicted: number; errorPercent: number }[];
  /** Predicted L(N, C/6N) over N at the held-out budget, median and interval of the replicates (for the chart). */
  curve: { params: number; loss: number; low: number; high: number }[];
}

export interface VerifyOptions {
  /** Bootstrap replicates (default 400). */
  samples?: number;
  seed?: number;
  /** Central interval probability (default 0.9). */
  level?: number;
}

const inside = (x: number, [lo, hi]: Interval) => x >= lo && x <= hi;

/**
 * Predict, then verify: fits every isoFLOP budget but the largest, predicts the largest budget's
 * compute-optimal loss (Approach 3 law, bootstrap prediction interval) and N, D (Approaches 2 and 3),
 * then compares with what was measured there. The check behind Chinchilla (Hoffmann et al. 2022)
 * and the GPT-4 report's loss prediction (OpenAI 2023, §3).
 *
 * @param points - runs with their `flopsBudget`, params, tokens and loss
 * @param options - `samples` (default 400), `seed`, `level` (default 0.9)
 * @returns the fitted law, predicted and measured loss and N with intervals, and per-run predictions
 * @throws InputError when there are fewer than 3 budgets or the largest has no runs
 * @example
 * ```ts
 * import { predictThenVerify } from '@scaling-lab/core';
 * const pts = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { params: N, tokens: D, flopsBudget: C, loss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const v = predictThenVerify(pts, { samples: 50, seed: 1 });
 * v.predictedLoss; // → 2.3289
 * v.measuredLoss; // → 2.3306
 * ```
 */
export function predictThenVerify(points: readonly BudgetPoint[], options: VerifyOptions = {}): Verification {
  const level = requireNumber('level', options.level ?? 0.9, { exclusiveMin: 0, max: 0.999 });
  const samples = Math.floor(requireNumber('samples', options.samples ?? 400, { min: 10, max: 1e5 }));
  const seed = options.seed ?? 42;
  const budgets = [...new Set(points.map((p) => p.flopsBudget))].sort((x, y) => x - y);
  if (budgets.length < 3) {
    throw new InputError('budgets', `${budgets.length} isoFLOP budget(s): predicting a held-out budget needs at least 3 (2 to fit, 1 to verify)`, 'add budgets to the sweep spec');
  }
  const C = budgets[budgets.length - 1];
  const train = points.filter((p) => p.flopsBudget < C);
  const test = points.filter((p) => p.flopsBudget === C);
  if (test.length < 1) throw new InputError('budgets', 'the largest budget has no runs', 'train it first');

  // Approach 3 on the smaller budgets, with a bootstrap over their runs.
  const fit = fitChinchilla(train);
  const law = fit.law;
  const boot = bootstrapLaws(train, fit, samples, seed);
  const resid = logResiduals(law, train); // log(predicted) − log(observed)
  const rng = createRng(seed + 1);
  const lossSamples: number[] = [];
  const nSamples: number[] = [];
  for (const li of boot.laws) {
    const o = computeOptimal(li, C);
    lossSamples.push(o.loss * Math.exp(-resid[rng.int(resid.length)]));
    nSamples.push(o.params);
  }
  const lossSummary = summarize(lossSamples, level);
  const nSummary = summarize(nSamples, level);
  const opt3 = computeOptimal(law, C);
  const a3: AllocationPrediction = {
    params: opt3.params,
    paramsInterval: [nSummary.low, nSummary.high],
    tokens: opt3.tokens,
    tokensInterval: [tokensForTrainingFlopsUnchecked(C, nSummary.high), tokensForTrainingFlopsUnchecked(C, nSummary.low)],
  };

  // Approach 2 on the smaller budgets, extrapolated to C.
  let a2: (AllocationPrediction & { a: number }) | undefined;
  try {
    const sigmaLog = Math.sqrt(resid.reduce((s, r) => s + r * r, 0) / resid.length);
    const ib = bootstrapIsoflop(train.map((p) => ({ ...p, flops: p.flopsBudget })), { samples, seed, level, sigmaLog, flops: [C] });
    const n = ib.fit.params.coefficient * C ** ib.fit.a;
    const at = ib.at[0];
    a2 = { params: n, paramsInterval: [at.params.low, at.params.high], tokens: tokensForTrainingFlopsUnchecked(C, n), tokensInterval: [at.tokens.low, at.tokens.high], a: ib.fit.a };
  } catch (err) {
    if (!(err instanceof InputError)) throw err; // fewer than two in-range budgets below C: Approach 3 only
  }
  const head = a2 ?? a3;

  // What the held-out budget measured.
  const best = test.reduce((x, y) => (y.loss < x.loss ? y : x));
  let measuredBestParams = best.params;
  let measuredBestParamsFrom: Verification['measuredBestParamsFrom'] = 'best run';
  if (new Set(test.map((p) => p.params)).size >= 3) {
    const us = test.map((p) => Math.log(p.params));
    const { c1, c2 } = fitParabola(us, test.map((p) => p.loss));
    const u = -c1 / (2 * c2);
    if (c2 > 0 && u >= Math.min(...us) && u <= Math.max(...us)) {
      measuredBestParams = Math.exp(u);
      measuredBestParamsFrom = 'parabola';
    }
  }

  // The predicted isoFLOP curve at C, with the replicates' spread.
  const ns = test.map((p) => p.params);
  const lo = Math.min(...ns, head.paramsInterval[0]) / 1.5;
  const hi = Math.max(...ns, head.paramsInterval[1]) * 1.5;
  const curve = Array.from({ length: 25 }, (_, k) => {
    const n = lo * (hi / lo) ** (k / 24);
    const d = tokensForTrainingFlopsUnchecked(C, n);
    const reps = boot.laws.map((li) => lossAtUnchecked(li, n, d));
    const s = summarize(reps, level);
    return { params: n, loss: lossAtUnchecked(law, n, d), low: s.low, high: s.high };
  });

  const lossInterval: Interval = [lossSummary.low, lossSummary.high];
  return {
    budgetFlops: C,
    fittedBudgets: budgets.slice(0, -1),
    fittedRuns: train.length,
    level,
    bootstrapSamples: boot.laws.length,
    bootstrapDegenerate: boot.degenerate,
    law,
    predictedLoss: opt3.loss,
    predictedLossInterval: lossInterval,
    measuredLoss: best.loss,
    measuredBest: { id: best.id, params: best.params, tokens: best.tokens, loss: best.loss },
    lossErrorPercent: ((opt3.loss - best.loss) / best.loss) * 100,
    inside: inside(best.loss, lossInterval),
    predictedParams: head.params,
    predictedParamsInterval: head.paramsInterval,
    predictedTokens: head.tokens,
    predictedTokensInterval: head.tokensInterval,
    predictedParamsSource: a2 ? 'approach2' : 'approach3',
    byApproach: { approach2: a2, approach3: a3 },
    measuredBestParams,
    measuredBestParamsFrom,
    paramsRatio: measuredBestParams / head.params,
    paramsInside: inside(measuredBestParams, head.paramsInterval),
    runs: test.map((p) => {
      const predicted = lossAtUnchecked(law, p.params, p.tokens);
      return { id: p.id, params: p.params, tokens: p.tokens, loss: p.loss, predicted, errorPercent: ((predicted - p.loss) / p.loss) * 100 };
    }),
    curve,
  };
}
