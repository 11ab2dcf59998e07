/**
 * Everything the main job needs to be trusted, from a sweep's runs (plain data in,
 * plain data out; no I/O): the held-out verification (predictThenVerify),
 * bootstrap intervals on every fitted exponent (Approach 3: E, A, B, α, β and the
 * frontier exponents a = β/(α+β), b = α/(α+β); Approach 2: a, b, and each budget's
 * measured optimum N, D, loss), the projection
 * to the target with intervals on N, D and loss (fit uncertainty through
 * projectUncertain) and on GPU-hours, cost, kWh and CO2e (the assumptions'
 * default ranges: at a fixed FLOP target they do not depend on the law), the
 * comparison with Hoffmann et al.'s exponents, and the honest-projection warnings.
 */
import { InputError } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { logRmse } from '../fit/diagnostics.js';
import { computeOptimal } from '../laws/decisions.js';
import { getPublishedLaw } from '../laws/published.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { projectUncertain } from '../uncertainty/projection.js';
import { summarize } from '../uncertainty/summary.js';
import { bootstrapBudgetOptima, type BudgetOptimum } from './budgetOptima.js';
import { bootstrapLaws } from './bootstrapLaws.js';
import { predictThenVerify, type BudgetPoint, type Interval, type Verification } from './heldOut.js';
import { compareWithHoffmann, type ExponentComparison } from './hoffmannExponents.js';
import { projectionWarnings, type ProjectionWarning } from './honestProjection.js';
import { bootstrapIsoflop } from './isoflopBootstrap.js';

/** A fitted number with its bootstrap interval. */
export interface FittedEstimate {
  estimate: number;
  interval: Interval;
}

export interface TrustOptions {
  targetFlops: number;
  hardware?: string;
  /** Central interval probability (default 0.9). */
  level?: number;
  /** Bootstrap replicates per fit (default 400). */
  samples?: number;
  seed?: number;
}

export interface Trust {
  level: number;
  bootstrapSamples: number;
  verification?: Verification;
  verificationUnavailable?: string;
  approach3?: {
    law: ChinchillaLaw;
    degenerateReplicates: number;
    E: FittedEstimate; A: FittedEstimate; B: FittedEstimate; alpha: FittedEstimate; beta: FittedEstimate; a: FittedEstimate; b: FittedEstimate;
  };
  approach2?: { a: FittedEstimate; b: FittedEstimate; failedReplicates: number; sigmaLog: number };
  /** Each budget's measured optimum (parabola vertex N, D and loss) with its interval (verify/budgetOptima.ts). */
  budgetOptima: BudgetOptimum[];
  projection: {
    targetFlops: number;
    approach2?: { params: FittedEstimate; tokens: FittedEstimate; paramsAtSweep: FittedEstimate };
    approach3?: { params: FittedEstimate; tokens: FittedEstimate; loss: FittedEstimate; paramsAtSweep: FittedEstimate };
    /** At the fixed FLOP target these depend only on the assumptions (MFU, power, PUE, grid, price). */
    run?: { hardware: string; acceleratorHours: FittedEstimate; costUsd?: FittedEstimate; energyKWh: FittedEstimate; co2eKg: FittedEstimate; assumptions: { name: string; range: string; unit?: string; source: string }[] };
    runUnavailable?: string;
  };
  hoffmann: ExponentComparison[];
  warnings: ProjectionWarning[];
  /** Interval bands over compute (from half the smallest budget to the target) for the charts. */
  bands: { approach2Params?: Band; approach3Params?: Band; approach3Loss?: Band };
}

export type Band = { x: number; low: number; high: number }[];

function logspace(from: number, to: number, n: number): number[] {
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

const est = (estimate: number, values: ArrayLike<number>, level: number): FittedEstimate => {
  const s = summarize(values, level);
  return { estimate, interval: [s.low, s.high] };
};

/**
 * Everything that says how far a sweep's projection can be trusted: bootstrap intervals of both
 * approaches (Approach 2 isoFLOP profiles, Approach 3 parametric fit; Hoffmann et al. 2022 §3),
 * the projection to `targetFlops` with intervals, per-budget optima, the comparison with the
 * published exponents, the predict-then-verify check and honest-projection warnings.
 *
 * @param points - runs with their `flopsBudget`, params, tokens and loss
 * @param options - `targetFlops`, optional `hardware`, `level` (default 0.9), `samples` (default 400), `seed`
 * @returns the intervals, projection, bands, verification and warnings
 * @throws InputError when the runs cannot be fitted (e.g. too few budgets)
 * @example
 * ```ts
 * import { trustAnalysis } from '@scaling-lab/core';
 * const pts = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { params: N, tokens: D, flopsBudget: C, loss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const t = trustAnalysis(pts, { targetFlops: 1e23, samples: 50, seed: 1 });
 * t.projection.approach3?.params.estimate; // → 1.46e10
 * t.warnings[0].kind; // → 'extrapolation'
 * ```
 */
export function trustAnalysis(points: readonly BudgetPoint[], options: TrustOptions): Trust {
  const level = options.level ?? 0.9;
  const samples = options.samples ?? 400;
  const seed = options.seed ?? 42;
  const C = options.targetFlops;
  const budgets = [...new Set(points.map((p) => p.flopsBudget))].sort((x, y) => x - y);
  const Cmax = budgets[budgets.length - 1];
  const out: Trust = { level, bootstrapSamples: samples, projection: { targetFlops: C }, budgetOptima: [], hoffmann: [], warnings: [], bands: {} };
  const grid = logspace(budgets[0] / 2, Math.max(C, Cmax), 31);

  try {
    out.verification = predictThenVerify(points, { samples, seed, level });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    out.verificationUnavailable = err.message;
  }

  // Approach 3 on every run, bootstrapped.
  let laws: ChinchillaLaw[] | undefined;
  let sigmaLog = 0.02;
  try {
    const fit = fitChinchilla(points);
    const L = fit.law;
    sigmaLog = logRmse(L, points);
    const boot = bootstrapLaws(points, fit, samples, seed);
    laws = boot.laws;
    const col = (f: (l: ChinchillaLaw) => number) => laws!.map(f);
    out.approach3 = {
      law: L,
      degenerateReplicates: boot.degenerate,
      E: est(L.E, col((l) => l.E), level),
      A: est(L.A, col((l) => l.A), level),
      B: est(L.B, col((l) => l.B), level),
      alpha: est(L.alpha, col((l) => l.alpha), level),
      beta: est(L.beta, col((l) => l.beta), level),
      a: est(L.beta / (L.alpha + L.beta), col((l) => l.beta / (l.alpha + l.beta)), level),
      b: est(L.alpha / (L.alpha + L.beta), col((l) => l.alpha / (l.alpha + l.beta)), level),
    };
    const opt = computeOptimal(L, C);
    const nT = col((l) => computeOptimal(l, C).params);
    out.projection.approach3 = {
      params: est(opt.params, nT, level),
      tokens: est(opt.tokens, nT.map((n) => tokensForTrainingFlopsUnchecked(C, n)), level),
      loss: est(opt.loss, col((l) => computeOptimal(l, C).loss), level),
      paramsAtSweep: est(computeOptimal(L, Cmax).params, col((l) => computeOptimal(l, Cmax).params), level),
    };
    const bandOf = (f: (l: ChinchillaLaw, c: number) => number): Band =>
      grid.map((c) => {
        const s = summarize(laws!.map((l) => f(l, c)), level);
        return { x: c, low: s.low, high: s.high };
      });
    out.bands.approach3Params = bandOf((l, c) => computeOptimal(l, c).params);
    out.bands.approach3Loss = bandOf((l, c) => computeOptimal(l, c).loss);
    out.hoffmann.push(compareWithHoffmann('approach3', out.approach3.a.estimate, out.approach3.a.interval, level));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }

  // Approach 2 on every budget, bootstrapped over run noise of the size Approach 3 leaves.
  out.budgetOptima = bootstrapBudgetOptima(points, { samples, seed, level, sigmaLog });
  try {
    const ib = bootstrapIsoflop(points.map((p) => ({ ...p, flops: p.flopsBudget })), { samples, seed, level, sigmaLog, flops: [C, Cmax, ...grid] });
    out.bands.approach2Params = ib.at.slice(2).map((g) => ({ x: g.flops, low: g.params.low, high: g.params.high }));
    const k = ib.fit.params.coefficient;
    const n = k * C ** ib.fit.a;
    out.approach2 = { a: { estimate: ib.fit.a, interval: [ib.a.low, ib.a.high] }, b: { estimate: ib.fit.b, interval: [ib.b.low, ib.b.high] }, failedReplicates: ib.failed, sigmaLog };
    out.projection.approach2 = {
      params: { estimate: n, interval: [ib.at[0].params.low, ib.at[0].params.high] },
      tokens: { estimate: tokensForTrainingFlopsUnchecked(C, n), interval: [ib.at[0].tokens.low, ib.at[0].tokens.high] },
      paramsAtSweep: { estimate: k * Cmax ** ib.fit.a, interval: [ib.at[1].params.low, ib.at[1].params.high] },
    };
    out.hoffmann.unshift(compareWithHoffmann('approach2', ib.fit.a, out.approach2.a.interval, level));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }

  // Run cost at the target: fit uncertainty (bootstrap rows) and assumption ranges together.
  try {
    const law = out.approach3?.law ?? getPublishedLaw('hoffmann2022').law;
    const r = projectUncertain({ law, lawSamples: laws, budgetFlops: C, hardware: options.hardware ?? 'nvidia-h100-sxm5-80gb', samples: 4000, seed, level });
    const o = r.monteCarlo.outputs;
    const e = (k: keyof typeof o): FittedEstimate => ({ estimate: o[k].median, interval: [o[k].low, o[k].high] });
    out.projection.run = {
      hardware: r.hardware.name,
      acceleratorHours: e('acceleratorHours'),
      costUsd: Number.isFinite(o.costUsd.median) ? e('costUsd') : undefined,
      energyKWh: e('energyKWh'),
      co2eKg: e('co2eKg'),
      assumptions: r.assumptions.map((a) => ({ name: a.name, range: a.range, unit: a.unit, source: a.source })),
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    out.projection.runUnavailable = err.message;
  }

  const p2 = out.projection.approach2;
  const p3 = out.projection.approach3;
  const v = out.verification;
  out.warnings = projectionWarnings({
    targetFlops: C,
    sweepMaxFlops: Cmax,
    level,
    approach2: p2 && { params: p2.params.estimate, paramsInterval: p2.params.interval, tokens: p2.tokens.estimate, paramsIntervalAtSweep: p2.paramsAtSweep.interval },
    approach3: p3 && out.approach3 && {
      params: p3.params.estimate,
      paramsInterval: p3.params.interval,
      tokens: p3.tokens.estimate,
      paramsIntervalAtSweep: p3.paramsAtSweep.interval,
      loss: p3.loss.estimate,
      E: out.approach3.law.E,
      alpha: out.approach3.law.alpha,
      beta: out.approach3.law.beta,
      alphaInterval: out.approach3.alpha.interval,
      betaInterval: out.approach3.beta.interval,
    },
    heldOutParamsRatio: v && {
      approach2: v.byApproach.approach2 && v.measuredBestParams / v.byApproach.approach2.params,
      approach3: v.measuredBestParams / v.byApproach.approach3.params,
    },
  });
  return out;
}
