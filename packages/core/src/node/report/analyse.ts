/**
 * The main job's analysis of a sweep's results: scaling-law fits, the
 * compute-optimal frontier, and a projection to a large target budget.
 *
 * The fitting and the law decisions are engineer B's (`fitChinchilla` —
 * Approach 3 of Hoffmann et al. 2022 —, `fitIsoflop` — Approach 2 —,
 * `computeOptimal`, published laws), the cost/energy/carbon projection is
 * engineer A's `estimateRun`; all are looked up at run time on the core's
 * public index, so this works (with less) while one of them has not landed:
 * without `fitIsoflop` the isoFLOP optimum of each budget is its lowest-loss
 * run; without any fit, a log-log power law (simple-statistics linear
 * regression on logs) of those optima against compute stands in.
 */
import { linearRegression } from 'simple-statistics';
import * as core from '../../index.js';
import type { SweepRecord } from '../sweep/types.js';

export type ParamsKind = 'nonEmbedding' | 'total';

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
}

export interface ChinchillaLawLike {
  form: 'chinchilla';
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

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
}

export interface Analysis {
  paramsKind: ParamsKind;
  points: RunPoint[];
  excluded: { runKey: string; reason: string }[];
  isoflop: {
    method: string;
    budgets: { flops: number; optimum: Allocation; runs: number; parabola?: { params: number; loss: number }[] }[];
    /** N_opt = k·C^a over the budgets' optima (needs ≥ 2 budgets). */
    paramsLaw?: PowerLawFit;
    tokensLaw?: PowerLawFit;
    raw?: unknown;
  };
  parametric?: { method: string; law: ChinchillaLawLike; objective?: number; converged?: boolean; starts?: number };
  parametricUnavailable?: string;
  /** Fallback when no parametric fit is available: L_min = k·C^b over the budgets' optima. */
  lossVsCompute?: PowerLawFit;
  frontier: (Allocation & { source: string })[];
  projection: Projection;
  /** The same target with a published law, for comparison. */
  reference?: Projection;
  notes: string[];
}

export interface AnalyseOptions {
  paramsKind?: ParamsKind;
  targetFlops?: number;
  /** Accelerator id for the projection (A's look-up; default H100). */
  hardware?: string;
  /** Published law to compare with (B's ids; default hoffmann2022). */
  referenceLaw?: string;
}

type AnyFn = (...args: never[]) => unknown;
/** A named export of the core index, if it has landed. */
function api<T extends AnyFn>(name: string): T | undefined {
  const f = (core as unknown as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as T) : undefined;
}

function powerLaw(xs: number[], ys: number[]): PowerLawFit | undefined {
  if (xs.length < 2 || new Set(xs).size < 2) return undefined;
  const { m, b } = linearRegression(xs.map((x, i) => [Math.log(x), Math.log(ys[i])]));
  return { coefficient: Math.exp(b), exponent: m, points: xs.length };
}
const evalPower = (p: PowerLawFit, x: number) => p.coefficient * x ** p.exponent;

export function toPoints(records: readonly SweepRecord[], paramsKind: ParamsKind): { points: RunPoint[]; excluded: Analysis['excluded'] } {
  const points: RunPoint[] = [];
  const excluded: Analysis['excluded'] = [];
  for (const r of records) {
    const loss = r.finalValLoss;
    if (r.diverged) excluded.push({ runKey: r.runKey, reason: 'diverged' });
    else if (loss === null || !Number.isFinite(loss) || loss <= 0) excluded.push({ runKey: r.runKey, reason: 'no finite validation loss' });
    else {
      const params = paramsKind === 'total' ? r.paramsTotal : r.paramsNonEmbedding;
      points.push({ runKey: r.runKey, model: r.sweep?.model ?? '', flopsBudget: r.sweep?.flopsBudget, params, tokens: r.tokens, flops: 6 * params * r.tokens, loss });
    }
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
  const estimateRun = api<(spec: Record<string, unknown>) => Record<string, unknown>>('estimateRun');
  const base: Projection = { ...alloc, source, hardware };
  if (!estimateRun) return { ...base, estimateUnavailable: 'estimateRun (engineer A) is not in @scaling-lab/core yet' };
  try {
    const e = estimateRun({ params: alloc.params, tokens: alloc.tokens, hardware }) as {
      accelerator: { name: string };
      mfu: number | null;
      acceleratorHours: number;
      costUsd: number | null;
      usdPerHour: number | null;
      energyKWh: number;
      co2eKg: number;
      gridGCO2ePerKWh: number;
      pue: number;
      assumptions: { name: string; value: unknown; unit?: string; source: string }[];
    };
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
    return { ...base, estimateUnavailable: `estimateRun failed: ${(err as Error).message}` };
  }
}

function logspace(from: number, to: number, n: number): number[] {
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

export function analyse(records: readonly SweepRecord[], opts: AnalyseOptions = {}): Analysis {
  const paramsKind = opts.paramsKind ?? 'nonEmbedding';
  const targetFlops = opts.targetFlops ?? 1e24;
  const hardware = opts.hardware ?? 'h100';
  const notes: string[] = [];
  const { points, excluded } = toPoints(records, paramsKind);
  if (points.length < 3) {
    throw new core.InputError('results', `only ${points.length} usable run(s) (${excluded.length} excluded)`, 'run the sweep to completion first (rerun the same command to resume)');
  }
  const groups = groupByBudget(points);

  // --- Approach 2: isoFLOP profiles ---------------------------------------
  const fitIsoflop = api<(...a: unknown[]) => unknown>('fitIsoflop');
  const isoflop: Analysis['isoflop'] = { method: '', budgets: [] };
  let isoDone = false;
  if (fitIsoflop) {
    try {
      const raw = fitIsoflop(points.map((p) => ({ params: p.params, tokens: p.tokens, flops: p.flopsBudget ?? p.flops, loss: p.loss }))) as {
        budgets?: { flops: number; params: number; tokens: number; loss: number; curve?: { params: number; loss: number }[] }[];
        minima?: { flops: number; params: number; tokens: number; loss: number }[];
        paramsLaw?: PowerLawFit;
        tokensLaw?: PowerLawFit;
      };
      const minima = raw.budgets ?? raw.minima;
      if (Array.isArray(minima) && minima.length) {
        isoflop.method = 'fitIsoflop: parabola in log N per budget, then power laws (Hoffmann et al. 2022 Approach 2; engineer B)';
        isoflop.budgets = minima.map((m) => ({
          flops: m.flops,
          optimum: { flops: m.flops, params: m.params, tokens: m.tokens, tokensPerParam: m.tokens / m.params, loss: m.loss },
          runs: groups.get(m.flops)?.length ?? 0,
          parabola: (m as { curve?: { params: number; loss: number }[] }).curve,
        }));
        isoflop.raw = raw;
        isoDone = true;
      }
    } catch (err) {
      notes.push(`fitIsoflop failed (${(err as Error).message}); used the lowest-loss run of each budget instead`);
    }
  }
  if (!isoDone) {
    isoflop.method = 'lowest-loss run of each budget (fitIsoflop has not landed: fallback, no parabola)';
    for (const [c, g] of groups) {
      if (g.length < 2) continue;
      const best = g.reduce((a, b) => (b.loss < a.loss ? b : a));
      isoflop.budgets.push({ flops: c, optimum: { flops: c, params: best.params, tokens: best.tokens, tokensPerParam: best.tokens / best.params, loss: best.loss }, runs: g.length });
      const sizes = [...g].sort((a, b) => a.params - b.params);
      if (best === sizes[0] || best === sizes[sizes.length - 1]) {
        notes.push(`budget ${c.toExponential(1)} FLOPs: the best run is at the edge of the size range, so the optimum may lie outside it`);
      }
    }
  }
  const opt = isoflop.budgets.map((b) => b.optimum);
  isoflop.paramsLaw = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.params));
  isoflop.tokensLaw = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.tokens));

  // --- Approach 3: parametric L(N, D) = E + A/N^α + B/D^β -----------------
  const fitChinchilla = api<(pts: unknown[], o?: unknown) => { law: ChinchillaLawLike; objective?: number; converged?: boolean; starts?: number }>('fitChinchilla');
  let parametric: Analysis['parametric'];
  let parametricUnavailable: string | undefined;
  if (fitChinchilla) {
    try {
      const f = fitChinchilla(points.map((p) => ({ params: p.params, tokens: p.tokens, loss: p.loss })));
      parametric = { method: 'fitChinchilla: Huber loss on log L, L-BFGS from a grid of starts (Hoffmann et al. 2022 Approach 3; engineer B)', law: f.law, objective: f.objective, converged: f.converged, starts: f.starts };
    } catch (err) {
      parametricUnavailable = `fitChinchilla failed: ${(err as Error).message}`;
    }
  } else parametricUnavailable = 'fitChinchilla (engineer B) is not in @scaling-lab/core yet';

  // --- frontier and projection ---------------------------------------------
  const computeOptimal = api<(law: unknown, flops: number) => { flops: number; params: number; tokens: number; loss: number; tokensPerParam: number }>('computeOptimal');
  const cMin = Math.min(...points.map((p) => p.flops));
  const grid = logspace(Math.min(cMin, ...opt.map((o) => o.flops)) / 2, targetFlops, 31);
  const frontier: Analysis['frontier'] = [];
  let projection: Projection | undefined;
  let lossVsCompute: PowerLawFit | undefined;
  if (parametric && computeOptimal) {
    for (const c of grid) frontier.push({ ...computeOptimal(parametric.law, c), source: 'approach3' });
    projection = project(computeOptimal(parametric.law, targetFlops), 'Approach 3 fit of this sweep (computeOptimal)', hardware);
  }
  if (isoflop.paramsLaw && isoflop.tokensLaw) {
    const pl = isoflop.paramsLaw;
    const tl = isoflop.tokensLaw;
    for (const c of grid) {
      const params = evalPower(pl, c);
      const tokens = evalPower(tl, c);
      frontier.push({ flops: c, params, tokens, tokensPerParam: tokens / params, source: 'approach2' });
    }
    if (!projection) {
      // Keep C = 6ND exact at the target: N from the params law, D = C / 6N.
      const params = evalPower(pl, targetFlops);
      const tokens = targetFlops / (6 * params);
      projection = project({ flops: targetFlops, params, tokens, tokensPerParam: tokens / params }, 'Approach 2 power law N_opt ∝ C^a of this sweep', hardware);
    }
  }
  if (!parametric) {
    lossVsCompute = powerLaw(opt.map((o) => o.flops), opt.map((o) => o.loss!));
    if (lossVsCompute && projection) projection.loss = evalPower(lossVsCompute, targetFlops);
  }
  if (!projection) throw new core.InputError('results', 'need at least two isoFLOP budgets with two or more runs each to fit a frontier', 'add budgets to the sweep spec');

  // --- a published law at the same target, for scale ----------------------
  let reference: Projection | undefined;
  const getPublishedLaw = api<(id: string) => { id: string; name: string; law: unknown; citation: string }>('getPublishedLaw');
  if (getPublishedLaw && computeOptimal) {
    try {
      const pub = getPublishedLaw(opts.referenceLaw ?? 'hoffmann2022');
      reference = project(computeOptimal(pub.law, targetFlops), `${pub.name} (${pub.citation})`, hardware);
    } catch (err) {
      notes.push(`reference law unavailable: ${(err as Error).message}`);
    }
  }

  notes.push(
    `N is the ${paramsKind === 'total' ? 'total' : 'non-embedding (Kaplan et al. 2020)'} parameter count; C = 6·N·D. The sweep's models are tiny character-level models, so the projection to ${targetFlops.toExponential(0)} FLOPs extrapolates over many orders of magnitude: read it as a demonstration of the method, not a forecast.`,
  );
  return { paramsKind, points, excluded, isoflop, parametric, parametricUnavailable, lossVsCompute, frontier, projection, reference, notes };
}
