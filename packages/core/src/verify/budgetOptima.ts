/**
 * Intervals on each isoFLOP budget's measured optimum (Approach 2's per-budget rows:
 * the parabola vertex N_opt, D_opt = C/(6·N_opt), and the loss there; Hoffmann et
 * al. 2022 §3.2). The same parametric bootstrap as isoflopBootstrap.ts, one budget
 * at a time: each replicate multiplies every run's loss by exp(σ·z), z ~ N(0, 1),
 * refits that budget's parabola in ln N and records its vertex. σ is the runs'
 * scatter in log loss (the caller passes the Approach 3 fit's log-RMSE).
 *
 * A replicate whose parabola is not convex has no minimum: it is counted
 * (`noMinimum`) and left out. A replicate whose vertex falls outside the sampled
 * sizes is kept, so the interval shows how far the noise can push the optimum,
 * and `insideShare` says how often it stayed inside: a low share means the
 * budget does not bracket its optimum well, whatever its point estimate says.
 */
import { requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { fitParabola } from '../fit/isoflop.js';
import { createRng } from '../random.js';
import { summarize } from '../uncertainty/summary.js';
import type { BudgetPoint, Interval } from './heldOut.js';
import type { FittedEstimate } from './trust.js';

export interface BudgetOptimum {
  flops: number;
  runs: number;
  /** The vertex of the parabola through the measured losses (the point estimate). */
  params: FittedEstimate;
  tokens: FittedEstimate;
  loss: FittedEstimate;
  /** Whether the point estimate's vertex lies inside the sampled sizes (Approach 2 uses only such budgets). */
  vertexInside: boolean;
  /** Share of the kept replicates whose vertex lies inside the sampled sizes. */
  insideShare: number;
  /** Replicates whose parabola had no minimum (not convex), left out. */
  noMinimum: number;
  samples: number;
}

export interface BudgetOptimaOptions {
  /** Replicates (default 400). */
  samples?: number;
  seed?: number;
  /** Central interval probability (default 0.9). */
  level?: number;
  /** Run-to-run scatter in ln(loss). */
  sigmaLog: number;
}

function vertex(us: readonly number[], losses: readonly number[]): { u: number; loss: number } | undefined {
  const { c0, c1, c2 } = fitParabola(us, losses);
  if (!(c2 > 0)) return undefined;
  const u = -c1 / (2 * c2);
  return { u, loss: c0 + c1 * u + c2 * u * u };
}

/**
 * The compute-optimal run of each isoFLOP budget with intervals: the vertex of a parabola in ln N
 * through the budget's runs (Hoffmann et al. 2022 §3.2), refitted under a parametric bootstrap of
 * the losses (each multiplied by exp(σ·z)). Budgets with fewer than 3 sizes or no convex parabola are left out.
 *
 * @param points - runs with their `flopsBudget`, params, tokens and loss
 * @param options - `sigmaLog` (run scatter in ln loss), `samples` (default 400), `seed`, `level` (default 0.9)
 * @returns per budget the optimal params, tokens and loss with intervals, and how often the vertex fell inside the sizes run
 * @example
 * ```ts
 * import { bootstrapBudgetOptima } from '@scaling-lab/core';
 * const pts = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { params: N, tokens: D, flopsBudget: C, loss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const o = bootstrapBudgetOptima(pts, { sigmaLog: 0.01, samples: 50, seed: 1 });
 * o.length; // → 4
 * o[0].params.estimate; // → 8.179e7
 * ```
 */
export function bootstrapBudgetOptima(points: readonly BudgetPoint[], options: BudgetOptimaOptions): BudgetOptimum[] {
  const samples = Math.floor(requireNumber('samples', options.samples ?? 400, { min: 2, max: 1e5 }));
  const sigma = requireNumber('sigmaLog', options.sigmaLog, { min: 0 });
  const level = requireNumber('level', options.level ?? 0.9, { exclusiveMin: 0, max: 0.999 });
  const rng = createRng(options.seed ?? 42);
  const budgets = new Map<number, BudgetPoint[]>();
  for (const p of points) budgets.set(p.flopsBudget, [...(budgets.get(p.flopsBudget) ?? []), p]);
  const out: BudgetOptimum[] = [];
  for (const [flops, g] of [...budgets.entries()].sort((x, y) => x[0] - y[0])) {
    if (new Set(g.map((p) => p.params)).size < 3) continue;
    const us = g.map((p) => Math.log(p.params));
    const best = vertex(us, g.map((p) => p.loss));
    if (!best) continue;
    const uMin = Math.min(...us);
    const uMax = Math.max(...us);
    const ns: number[] = [];
    const ls: number[] = [];
    let inside = 0;
    let noMinimum = 0;
    for (let s = 0; s < samples; s++) {
      const v = vertex(us, g.map((p) => p.loss * Math.exp(sigma * rng.normal())));
      if (!v) {
        noMinimum++;
        continue;
      }
      ns.push(Math.exp(v.u));
      ls.push(v.loss);
      if (v.u >= uMin && v.u <= uMax) inside++;
    }
    if (ns.length < 2) continue;
    const n = Math.exp(best.u);
    const nS = summarize(ns, level);
    const lS = summarize(ls, level);
    const nIv: Interval = [nS.low, nS.high];
    out.push({
      flops,
      runs: g.length,
      params: { estimate: n, interval: nIv },
      tokens: { estimate: tokensForTrainingFlopsUnchecked(flops, n), interval: [tokensForTrainingFlopsUnchecked(flops, nIv[1]), tokensForTrainingFlopsUnchecked(flops, nIv[0])] },
      loss: { estimate: best.loss, interval: [lS.low, lS.high] },
      vertexInside: best.u >= uMin && best.u <= uMax,
      insideShare: inside / ns.length,
      noMinimum,
      samples,
    });
  }
  return out;
}
