/**
 * The main job's analysis of a sweep's results: scaling-law fits, the
 * compute-optimal frontier, and a projection to a large target budget.
 *
 * The fits and law decisions come from fit/ and laws/ (`fitIsoflop` — Approach 2 of
 * Hoffmann et al. 2022 —, `fitChinchilla` — Approach 3 —, `fitLogLinear`,
 * `computeOptimal`, `logRmse`, published laws); the cost, energy and carbon of
 * the projected run are `estimateRun`'s, through the one law → optimum → estimate
 * path of laws/costForLoss.ts (`optimalFor`, `estimateAllocation`). When the isoFLOP parabolas
 * cannot be fitted (e.g. a budget's minimum lies outside its sampled sizes),
 * each budget's lowest-loss run stands in for its optimum; when the parametric
 * fit has no minimum (α or β ≤ 0), the projection uses Approach 2.
 */
import { InputError } from '../errors.js';
import { tokensForTrainingFlopsUnchecked, trainingFlops } from '../estimate/flops.js';
import { computeOptimal, lossAt } from '../laws/decisions.js';
import { estimateAllocation, optimalFor } from '../laws/costForLoss.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { fitIsoflop } from '../fit/isoflop.js';
import { fitLogLinear } from '../fit/powerLaw.js';
import { getPublishedLaw } from '../laws/published.js';
import { logRmse } from '../fit/diagnostics.js';
import type { Identification } from '../fit/identification.js';
import { notIdentifiedMark } from './identified.js';
import type { ChinchillaLaw } from '../laws/types.js';
import type { SweepRecord } from '../sweep/types.js';
import { recordPoint, type ParamsKind } from '../sweep/results.js';

export type { ParamsKind };

export interface RunPoint {
  runKey: string;
  model: string;
  /** isoFLOP budget C the run belongs to (from the sweep), if any. */
  flopsBudget?: number;
  params: number;
  tokens: number;
  /** 6·N·D with the chosen N. */
  flops: number;
  loss: number;
}

export interface PowerLawFit {
  /** y = coefficient · x^exponent */
  coefficient: number;
  exponent: number;
  points: number;
  /** R² in log-log space. */
  rSquared?: number;
}

export type ChinchillaLawLike = ChinchillaLaw;

export interface Allocation {
  flops: number;
  params: number;
  tokens: number;
  tokensPerParam: number;
  loss?: number;
}

export interface Projection extends Allocation {
  /** Which law gave N and D. */
  source: string;
  /** What the loss is measured on. */
  lossNote?: string;
  hardware: string;
  estimate?: {
    acceleratorName: string;
    mfu: number | null;
    acceleratorHours: number;
    costUsd: number | null;
    usdPerHour: number | null;
    energyKWh: number;
    co2eKg: number;
    tCO2e: number;
    gridGCO2ePerKWh: number;
    pue: number;
    assumptions: { name: string; value: unknown; unit?: string; source: string }[];
  };
  estimateUnavailable?: string;
  /** Set when the fit behind N, D or the loss is not identified by its data (report/identified.ts): "Approach 2: this fit is not identified: …". */
  notIdentified?: string;
}

export interface Analysis {
  paramsKind: ParamsKind;
  /** Exact entropy rate of a synthetic source (nats/token), when the runs carry it: the true E. */
  entropyRate?: number;
  /** What training the sweep itself took on this machine (from the runs' own records). */
  sweepCost: { runs: number; trainingSeconds: number; tokens: number; joules: number; kWh: number; backends: string[]; wattsSource?: string };
  points: RunPoint[];
  excluded: { runKey: string; reason: string }[];
  isoflop: {
    method: string;
    budgets: { flops: number; optimum: Allocation; runs: number; parabola?: { params: number; loss: number }[]; inRange?: boolean }[];
    /** Budgets fitIsoflop left out, and why. */
    skipped?: { flops: number; runs: number; reason: string }[];
    /** N_opt = k·C^a over the budgets' optima (needs ≥ 2 budgets). */
    paramsLaw?: PowerLawFit;
    tokensLaw?: PowerLawFit;
    raw?: unknown;
    /** fitIsoflop's identification (fit/identification.ts); absent on the lowest-loss fallback. */
    identification?: Identification;
  };
  parametric?: {
    method: string;
    law: ChinchillaLawLike;
    objective?: number;
    converged?: boolean;
    starts?: number;
    logRmse?: number;
    /**
     * 0.05 ≤ α, β ≤ 2: a law worth extrapolating. Published fits lie inside (Kaplan et al. 2020: 0.076, 0.095;
     * Hoffmann et al. 2022: 0.34, 0.28); 2 is the top of Hoffmann et al.'s start grid. Our judgement, not a standard.
     */
    usable: boolean;
    /** fitChinchilla's identification (fit/identification.ts): "this fit is not identified: …" in words. */
    identification?: Identification;
  };
  parametricUnavailable?: string;
  /** Fallback when no parametric fit is available: L_min = k·C^b over the budgets' optima. */
  lossVsCompute?: PowerLawFit;
  frontier: (Allocation & { source: string })[];
  /** The headline projection: Approach 2 when its power law exists (it is the measured frontier), else Approach 3. */
  projection: Projection;
  /** Each approach's projection, where available. */
  projections: { approach2?: Projection; approach3?: Projection };
  /** The same target with a published law, for comparison. */
  reference?: Projection;
  notes: string[];
}

export interface AnalyseOptions {
  paramsKind?: ParamsKind;
  targetFlops?: number;
  /** Accelerator id for the projection (any id or name `getAccelerator` resolves; default H100). */
  hardware?: string;
  /** Published law to compare with (an id of `getPublishedLaw`; default hoffmann2022). */
  referenceLaw?: string;
}

function powerLaw(xs: number[], ys: number[], names: { x: string; y: string }): PowerLawFit | undefined {
  if (xs.length < 2 || new Set(xs).size < 2) return undefined;
  const f = fitLogLinear(xs, ys, names);
  return { coefficient: f.coefficient, exponent: f.exponent, points: f.points, rSquared: f.rSquared };
}
const evalPower = (p: PowerLawFit, x: number) => p.coefficient * x ** p.exponent;

export function toPoints(records: readonly SweepRecord[], paramsKind: ParamsKind): { points: RunPoint[]; excluded: Analysis['excluded'] } {
  const points: RunPoint[] = [];
  const excluded: Analysis['excluded'] = [];
  for (const r of records) {
    const p = recordPoint(r, paramsKind, `results run ${r.runKey}`);
    if ('excluded' in p) excluded.push({ runKey: r.runKey, reason: p.excluded });
    else points.push({ runKey: r.runKey, model: r.sweep?.model ?? '', flopsBudget: r.sweep?.flopsBudget, params: p.params, tokens: p.tokens, flops: trainingFlops(p.params, p.tokens), loss: p.loss });
  }
  return { points, excluded };
}

/** Groups runs by isoFLOP budget (the sweep's C; runs without one are grouped by rounded 6ND). */
function groupByBudget(points: RunPoint[]): Map<number, RunPoint[]> {
  const groups = new Map<number, RunPoint[]>();
  for (const p of points) {
    const c = p.flopsBudget ?? Number(p.flops.toPrecision(2));
    groups.set(c, [...(groups.get(c) ?? []), p]);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

function project(alloc: Allocation, source: string, hardware: string): Projection {
  const base: Projection = { ...alloc, source, hardware };
  try {
    const e = estimateAllocation(alloc, { hardware });
    return {
      ...base,
      estimate: {
        acceleratorName: e.accelerator.name,
        mfu: e.mfu,
        acceleratorHours: e.acceleratorHours,
        costUsd: e.costUsd,
        usdPerHour: e.usdPerHour,
        energyKWh: e.energyKWh,
        co2eKg: e.co2eKg,
        tCO2e: e.co2eKg / 1000,
        gridGCO2ePerKWh: e.gridGCO2ePerKWh,
        pue: e.pue,
        assumptions: e.assumptions.map((a) => ({ name: a.name, value: a.value, unit: a.unit, source: a.source })),
      },
    };
  } catch (err) {
    if (err instanceof InputError && /hardware/.test(err.field)) throw err; // a bad --hardware is the user's to fix
    return { ...base, estimateUnavailable: `estimateRun failed: ${(err as Error).message}` };
  }
}

function logspace(from: number, to: number, n: number): number[] {
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

/**
 * Analyses a sweep's results: isoFLOP profiles (Approach 2: a parabola in ln N per budget and the
 * power law N_opt ∝ C^a), the parametric fit L = E + A/N^α + B/D^β (Approach 3, Hoffmann et al. 2022),
 * the compute-optimal frontier, the projection to `targetFlops` with its cost, and the published
 * reference law at the same compute. Diverged runs and runs without a finite loss are excluded with the reason.
 *
 * @param records - the sweep records (e.g. `parseResults(text).records`)
 * @param options - `paramsKind` (default non-embedding), `targetFlops`, `hardware` (default H100), `referenceLaw` (default hoffmann2022)
 * @returns the fits, frontier, projections, reference and notes
 * @throws InputError when too few usable runs or budgets remain to fit a frontier
 * @example
 * ```ts
 * import { analyse } from '@scaling-lab/core';
 * const records = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { runKey: `${C}-${k}`, sweep: { flopsBudget: C }, paramsNonEmbedding: N, tokens: D,
 *     finalValLoss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const a = analyse(records as never, { targetFlops: 1e23 });
 * a.parametric?.law.E; // → 1.69
 * a.projections.approach3?.params; // → 1.46e10
 * ```
 */
export function analyse(records: readonly SweepRecord[], opts: AnalyseOptions = {}): Analysis {
  const paramsKind = opts.paramsKind ?? 'nonEmbedding';
  const targetFlops = opts.targetFlops ?? 1e24;
  const hardware = opts.hardware ?? 'nvidia-h100-sxm5-80gb';
  const notes: string[] = [];
  const { points, excluded } = toPoints(records, paramsKind);
  if (points.length < 3) {
    throw new InputError('results', `only ${points.length} usable run(s) (${excluded.length} excluded)`, 'run the sweep to completion first (rerun the same command to resume)');
  }
  const groups = groupByBudget(points);

  // --- Approach 2: isoFLOP profiles ---------------------------------------
  const isoflop: Analysis['isoflop'] = { method: '', budgets: [] };
  try {
    const fit = fitIsoflop(points.map((p) => ({ params: p.params, tokens: p.tokens, flops: p.flopsBudget ?? p.flops, loss: p.loss })));
    isoflop.method = 'fitIsoflop: parabola of loss in ln N per budget, vertex = optimum (Hoffmann et al. 2022 Approach 2)';
    isoflop.budgets = fit.profiles.map((pr) => {
      const entry = [...groups.entries()].find(([c]) => Math.abs(Math.log10(c) - Math.log10(pr.flops)) < 0.05);
      const group = entry?.[1] ?? [];
      const flops = entry?.[0] ?? pr.flops; // the sweep's budget (fitIsoflop reports the runs' geometric mean)
      const ns = group.map((g) => g.params);
      const lo = Math.min(...ns, pr.paramsOpt) / 1.3;
      const hi = Math.max(...ns, pr.paramsOpt) * 1.3;
      const parabola = logspace(lo, hi, 25).map((n) => ({ params: n, loss: pr.lossOpt + pr.curvature * Math.log(n / pr.paramsOpt) ** 2 }));
      return {
        flops,
        optimum: { flops, params: pr.paramsOpt, tokens: tokensForTrainingFlopsUnchecked(flops, pr.paramsOpt), tokensPerParam: tokensForTrainingFlopsUnchecked(flops, pr.paramsOpt) / pr.paramsOpt, loss: pr.lossOpt },
        runs: pr.runs,
        parabola,
        inRange: pr.inRange,
      };
    });
    isoflop.skipped = fit.skipped;
    for (const sk of fit.skipped) notes.push(`isoFLOP budget ${sk.flops.toExponential(1)} FLOPs left out of Approach 2: ${sk.reason}`);
    isoflop.raw = { a: fit.a, b: fit.b, params: fit.params, tokens: fit.tokens };
    isoflop.identification = fit.identification;
  } catch (err) {
    notes.push(`isoFLOP parabolas not usable (${(err as Error).message}); each budget's optimum is its lowest-loss run instead`);
    isoflop.method = "lowest-loss run of each budget (fallback: fitIsoflop's parabolas were not usable)";
    for (const [c, g] of groups) {
      if (g.length < 2) continue;
      const best = g.reduce((x, y) => (y.loss < x.loss ? y : x));
      isoflop.budgets.push({ flops: c, optimum: { flops: c, params: best.params, tokens: best.tokens, tokensPerParam: best.tokens / best.params, loss: best.loss }, runs: g.length });
      const sizes = [...g].sort((x, y) => x.params - y.params);
      if (best === sizes[0] || best === sizes[sizes.length - 1]) {
        notes.push(`budget ${c.toExponential(1)} FLOPs: the best run is at the edge of the sampled sizes, so the true optimum may lie outside them`);
      }
    }
  }
  const opt = isoflop.budgets.map((b) => b.optimum);
  isoflop.paramsLaw = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.params), { x: 'flops', y: 'paramsOpt' });
  isoflop.tokensLaw = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.tokens), { x: 'flops', y: 'tokensOpt' });

  // --- Approach 3: parametric L(N, D) = E + A/N^α + B/D^β -----------------
  let parametric: Analysis['parametric'];
  let parametricUnavailable: string | undefined;
  try {
    const sp = points.map((p) => ({ params: p.params, tokens: p.tokens, loss: p.loss }));
    const f = fitChinchilla(sp);
    const l = f.law;
    const usable = l.alpha >= 0.05 && l.alpha <= 2 && l.beta >= 0.05 && l.beta <= 2 && l.A > 0 && l.B > 0;
    parametric = {
      method: 'fitChinchilla: Huber loss on log L, L-BFGS from a grid of starts (Hoffmann et al. 2022 Approach 3)',
      law: f.law,
      objective: f.objective,
      converged: f.converged,
      starts: f.starts,
      logRmse: logRmse(f.law, sp),
      usable,
      identification: f.identification,
    };
    if (!usable) {
      notes.push(
        `the Approach 3 fit has α = ${l.alpha.toPrecision(3)}, β = ${l.beta.toPrecision(3)} (outside [0.05, 2]): the sweep does not pin down L(N, D) well enough to extrapolate it, so it gives no frontier or projection here`,
      );
    }
  } catch (err) {
    parametricUnavailable = `fitChinchilla failed: ${(err as Error).message}`;
  }

  // --- frontier and projection ---------------------------------------------
  const cMin = Math.min(...points.map((p) => p.flops));
  const grid = logspace(Math.min(cMin, ...opt.map((o) => o.flops)) / 2, targetFlops, 31);
  const frontier: Analysis['frontier'] = [];
  let lossVsCompute: PowerLawFit | undefined;
  const projections: Analysis['projections'] = {};
  if (parametric?.usable) {
    for (const c of grid) frontier.push({ ...computeOptimal(parametric.law, c), source: 'approach3' });
    projections.approach3 = project(optimalFor(parametric.law, { flops: targetFlops }), 'Approach 3 fit of this sweep (computeOptimal)', hardware);
  }
  if (isoflop.paramsLaw && isoflop.tokensLaw) {
    const pl = isoflop.paramsLaw;
    for (const c of grid) {
      // N from the params law, D = C / 6N so every frontier point keeps C = 6ND.
      const params = evalPower(pl, c);
      const tokens = tokensForTrainingFlopsUnchecked(c, params);
      frontier.push({ flops: c, params, tokens, tokensPerParam: tokens / params, source: 'approach2' });
    }
    const params = evalPower(pl, targetFlops);
    const tokens = tokensForTrainingFlopsUnchecked(targetFlops, params);
    projections.approach2 = project({ flops: targetFlops, params, tokens, tokensPerParam: tokens / params }, 'Approach 2 power law N_opt ∝ C^a of this sweep', hardware);
    if (parametric?.usable) {
      projections.approach2.loss = lossAt(parametric.law, params, tokens);
      projections.approach2.lossNote = "Approach 3 law at this N and D, on this sweep's data and tokenizer";
    } else if (opt.length >= 2) {
      // No usable L(N, D): a pure power law through the budgets' optima (no irreducible term, so it falls forever).
      lossVsCompute = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.loss!), { x: 'flops', y: 'lossOpt' });
      if (lossVsCompute) {
        projections.approach2.loss = evalPower(lossVsCompute, targetFlops);
        projections.approach2.lossNote = "power law L = k·C^b through the isoFLOP optima, no irreducible term: optimistic";
      }
    }
  }
  const a3 = { label: 'Approach 3', identification: parametric?.identification };
  if (projections.approach2) {
    const mark = notIdentifiedMark([{ label: 'Approach 2', identification: isoflop.identification }, ...(projections.approach2.lossNote?.startsWith('Approach 3') ? [{ ...a3, label: 'its loss from Approach 3' }] : [])]);
    if (mark) projections.approach2.notIdentified = mark;
  }
  if (projections.approach3) {
    const mark = notIdentifiedMark([a3]);
    if (mark) projections.approach3.notIdentified = mark;
  }
  const projection = projections.approach2 ?? projections.approach3;
  if (!projection) throw new InputError('results', 'need at least two isoFLOP budgets with two or more runs each to fit a frontier', 'add budgets to the sweep spec');

  // --- a published law at the same target, for scale ----------------------
  let reference: Projection | undefined;
  try {
    const pub = getPublishedLaw(opts.referenceLaw ?? 'hoffmann2022');
    reference = project(optimalFor(pub.law, { flops: targetFlops }), `${pub.name} (${pub.citation})`, hardware);
    reference.lossNote = 'on the published law\'s own data (MassiveText), not comparable with this sweep\'s losses';
  } catch (err) {
    notes.push(`reference law unavailable: ${(err as Error).message}`);
  }

  const entropy = records.find((r) => typeof r.entropyRate === 'number')?.entropyRate;
  if (entropy !== undefined) {
    notes.push(
      `the data source's exact entropy rate is ${entropy.toFixed(4)} nats/token (the true irreducible loss)` +
        (parametric ? `; the Approach 3 fit found E = ${parametric.law.E.toFixed(4)} (${(((parametric.law.E - entropy) / entropy) * 100).toFixed(1)}% off)` : ''),
    );
  }
  notes.push(
    `N is the ${paramsKind === 'total' ? 'total' : 'non-embedding (Kaplan et al. 2020)'} parameter count; C = 6·N·D. The sweep's models are tiny (thousands of parameters), so the projection to ${targetFlops.toExponential(0)} FLOPs extrapolates over many orders of magnitude: read it as a demonstration of the method, not a forecast.`,
  );
  const sweepCost = {
    runs: records.length,
    trainingSeconds: records.reduce((t, r) => t + (r.wallSeconds ?? 0), 0),
    tokens: records.reduce((t, r) => t + (r.tokens ?? 0), 0),
    joules: records.reduce((t, r) => t + (r.energy?.joules ?? 0), 0),
    kWh: records.reduce((t, r) => t + (r.energy?.joules ?? 0), 0) / 3.6e6,
    backends: [...new Set(records.map((r) => r.backend))],
    wattsSource: records[0]?.energy?.wattsSource,
  };
  return { paramsKind, sweepCost, entropyRate: entropy, points, excluded, isoflop, parametric, parametricUnavailable, lossVsCompute, frontier, projection, projections, reference, notes };
}
