/**
 * Fit uncertainty carried forward: a fitted law's bootstrap parameter sets
 * (E, A, B, α, β per sample) flow through compute-optimal allocation and into
 * the run estimate, in the same Monte Carlo as the assumptions' ranges.
 *
 * Per sample i: draw a bootstrap row (the parameters stay together, keeping
 * their strong correlations) and the run inputs (MFU, power, PUE, price, grid…);
 * then, with the scaling-law functions of laws/decisions.ts:
 *
 * - target-loss mode: optimalFor(law_i, { targetLoss: L }) (laws/costForLoss.ts, the path
 *   `costForLoss` and the CLI's `optimal` take) → C, N_opt, D_opt. When L is not
 *   above the sample's irreducible loss E_i no compute reaches it: C = +∞ for
 *   that sample, reported as `unreachableFraction`.
 * - budget mode (FLOPs): optimalFor(law_i, { flops: C }) → N_opt, D_opt and the loss C buys.
 * - budget mode (USD): C = mainRunFlopsForBudget(usd, price_i, peak, mfu_i, restarts_i, sweep_i) first (estimate/plan.ts).
 *
 * and C goes through runModel (runUncertainty.ts) for accelerator-hours, wall
 * time, cost, kWh and CO2e. Without bootstrap rows the law is a fixed point and
 * only the assumptions vary.
 */
import { lossFloor } from '../laws/decisions.js';
import { optimalFor } from '../laws/costForLoss.js';
import type { ChinchillaLaw, Law } from '../laws/types.js';
import { validateLaw } from '../laws/validate.js';
import { InputError } from '../errors.js';
import { mainRunFlopsForBudget } from '../estimate/plan.js';
import { type Distribution, describeDistribution } from './distribution.js';
import { type JointSamples, type MonteCarloResult, monteCarlo } from './monteCarlo.js';
import { INPUT_BOUNDS } from '../estimate/bounds.js';
import { RUN_OUTPUTS, UNCERTAIN_FIELDS, type RunOutput, type Uncertain, type UncertainAssumption, type UncertainRunSpec, resolveRunInputs, runModel } from './runUncertainty.js';
import { type SensitivityResult, sensitivity } from './sensitivity.js';

/** One bootstrap parameter set of a Chinchilla-form law: E, A, B, alpha, beta (ChinchillaLaw without `form`). */
export type LawParams = Omit<ChinchillaLaw, 'form'>;

/** Bootstrap parameters as columns (index i = replicate i). */
export type LawColumns = { [K in keyof LawParams]: ArrayLike<number> };

/**
 * Bootstrap parameter sets of a Chinchilla-form law as rows `{ E, A, B, alpha, beta }`, from
 * either rows (returned as they are) or columns (the `params` of bootstrapChinchilla).
 *
 * @param samples - rows, or columns of equal length
 * @returns one row per replicate
 * @example
 * ```ts
 * import { lawSampleRows } from '@scaling-lab/core';
 * const rows = lawSampleRows({ E: [1.7, 1.8], A: [400, 410], B: [410, 420], alpha: [0.34, 0.35], beta: [0.28, 0.29] });
 * rows.length; // → 2
 * rows[1].E; // → 1.8
 * ```
 */
export function lawSampleRows(samples: readonly LawParams[] | LawColumns): LawParams[] {
  if (Array.isArray(samples)) return samples as LawParams[];
  const c = samples as LawColumns;
  const n = c?.E?.length ?? 0;
  for (const k of ['A', 'B', 'alpha', 'beta'] as const) {
    if (c?.[k]?.length !== n) throw new InputError(`lawSamples.${k}`, `has ${c?.[k]?.length ?? 0} values, expected ${n}`, 'give the five parameter columns the same length');
  }
  return Array.from({ length: n }, (_, i) => ({ E: c.E[i], A: c.A[i], B: c.B[i], alpha: c.alpha[i], beta: c.beta[i] }));
}

export type ProjectionSpec = Omit<UncertainRunSpec, 'flops' | 'params' | 'tokens' | 'activeParams' | 'acceleratorHours' | 'energyKWh' | 'preset' | 'architecture'> & {
  /** The central law (published or fitted). */
  law: Law;
  /**
   * Bootstrap parameter sets of a Chinchilla-form fit, as rows or as columns (the
   * `params` of the fitting module's bootstrapChinchilla); omitted → the law is fixed.
   */
  lawSamples?: readonly LawParams[] | LawColumns;
  /** Loss (nats/token) to reach: "what will it take". */
  targetLoss?: Uncertain;
  /** Training budget in FLOPs: "what does it buy". */
  budgetFlops?: Uncertain;
  /** Training budget in USD (turned into FLOPs with the sampled price and MFU). */
  budgetUsd?: Uncertain;
};

/** Inputs the run model may read (besides flops). */
const RUN_INPUTS = UNCERTAIN_FIELDS;

export const PROJECTION_OUTPUTS = ['params', 'tokens', 'loss', ...RUN_OUTPUTS] as const;
export type ProjectionOutput = (typeof PROJECTION_OUTPUTS)[number];

export interface ProjectionResult {
  mode: 'targetLoss' | 'budgetFlops' | 'budgetUsd';
  law: Law;
  /** Bootstrap rows used (0 when the law is fixed). */
  lawSamples: number;
  /** Share of samples whose law cannot reach the target loss (target mode), else 0. */
  unreachableFraction: number;
  hardware: { id: string; name: string; peakFlopsPerSecond: number };
  /** Accelerators sharing the run (wall-clock time is reported only when given). */
  count: number | null;
  assumptions: UncertainAssumption[];
  monteCarlo: MonteCarloResult<ProjectionOutput>;
  sensitivity: SensitivityResult<ProjectionOutput>;
}

/** Turns bootstrap rows into joint columns {E, A, B, alpha, beta}, validating each row. */
export function lawSamplesToColumns(rows: readonly LawParams[]): JointSamples {
  if (!Array.isArray(rows) || rows.length === 0) throw new InputError('lawSamples', 'no bootstrap samples', 'give at least one {E, A, B, alpha, beta} row, or omit them');
  const cols = { E: new Float64Array(rows.length), A: new Float64Array(rows.length), B: new Float64Array(rows.length), alpha: new Float64Array(rows.length), beta: new Float64Array(rows.length) };
  rows.forEach((r, i) => {
    validateLaw({ form: 'chinchilla', ...r } as ChinchillaLaw, `lawSamples[${i}]`);
    cols.E[i] = r.E; cols.A[i] = r.A; cols.B[i] = r.B; cols.alpha[i] = r.alpha; cols.beta[i] = r.beta;
  });
  return cols;
}

/**
 * The per-sample projection model; `fixedLaw` is used when the inputs carry no
 * E/A/B/alpha/beta. With `cacheRows` (the goal is a fixed number, so the law's
 * answer depends only on the bootstrap row), the allocation is computed once per
 * row — keyed by the `fitRow` input — instead of once per sample.
 */
export function projectionModel(
  mode: ProjectionResult['mode'],
  fixedLaw: Law,
  run: (x: Record<string, number>) => Record<RunOutput, number>,
  ctx: { peakFlopsPerSecond: number },
  cacheRows = 0,
): (x: Record<string, number>) => Record<ProjectionOutput, number> {
  // The run model reads named inputs only; copying them (rather than writing `flops`
  // into the caller's object) keeps the caller's inputs untouched. Outputs are added to
  // the run model's fresh result object instead of spreading it: this is the hot path.
  const runX: Record<string, number> = {};
  const finish = (x: Record<string, number>, flops: number, params: number, tokens: number, loss: number) => {
    for (const k of RUN_INPUTS) runX[k] = x[k];
    runX.flops = flops;
    const r = run(runX) as Record<ProjectionOutput, number>;
    r.params = params;
    r.tokens = tokens;
    r.loss = loss;
    return r;
  };
  const cache = cacheRows > 0 ? { done: new Uint8Array(cacheRows), flops: new Float64Array(cacheRows), params: new Float64Array(cacheRows), tokens: new Float64Array(cacheRows), loss: new Float64Array(cacheRows) } : undefined;
  return (x) => {
    let flops: number;
    let params: number;
    let tokens: number;
    let loss: number;
    const row = cache ? (x.fitRow ?? 0) : -1;
    if (cache?.done[row]) {
      flops = cache.flops[row]; params = cache.params[row]; tokens = cache.tokens[row]; loss = cache.loss[row];
      return finish(x, flops, params, tokens, loss);
    }
    const law: Law = x.alpha !== undefined ? { form: 'chinchilla', E: x.E, A: x.A, B: x.B, alpha: x.alpha, beta: x.beta } : fixedLaw;
    if (mode === 'targetLoss') {
      loss = x.targetLoss;
      if (!(loss > lossFloor(law))) {
        flops = params = tokens = Infinity;
      } else {
        const o = optimalFor(law, { targetLoss: loss });
        flops = o.flops; params = o.params; tokens = o.tokens;
      }
    } else {
      // A USD budget pays for the run and its restarts/sweep overheads (as estimateRun's cost does).
      flops = mode === 'budgetFlops' ? x.budgetFlops : mainRunFlopsForBudget(x.budgetUsd, x.usdPerHour, ctx.peakFlopsPerSecond, x.mfu, x.restartOverhead, x.sweepOverhead);
      const o = optimalFor(law, { flops });
      params = o.params; tokens = o.tokens; loss = o.loss;
    }
    if (cache) {
      cache.done[row] = 1; cache.flops[row] = flops; cache.params[row] = params; cache.tokens[row] = tokens; cache.loss[row] = loss;
    }
    return finish(x, flops, params, tokens, loss);
  };
}

/**
 * Projects a scaling law with intervals from both the fit and the assumptions: for a target
 * loss, a FLOP budget or a USD budget, each Monte Carlo sample takes one bootstrap law (when
 * `lawSamples` are given) and one draw of every uncertain run input, finds the compute-optimal
 * allocation N, D and loss L = E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2), and costs it with
 * the run model; the sensitivity ranks the law and each input.
 *
 * @param spec - the `law`, optional `lawSamples`, exactly one of `targetLoss` / `budgetFlops` /
 *   `budgetUsd`, the hardware and run inputs, `samples`, `seed`, `level`
 * @returns the mode, the Monte Carlo summaries of params, tokens, loss and the run outputs, and the sensitivity
 * @throws InputError when none or more than one target/budget is given, or a field is invalid
 * @example
 * ```ts
 * import { getPublishedLaw, projectUncertain } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const p = projectUncertain({ law, budgetFlops: 1e23, hardware: 'nvidia-h100-sxm5-80gb', samples: 1000, seed: 1 });
 * p.mode; // → 'budgetFlops'
 * p.monteCarlo.outputs.params.median; // → 1.46e10
 * p.monteCarlo.outputs.loss.median; // → 2.005
 * ```
 */
export function projectUncertain(spec: ProjectionSpec): ProjectionResult {
  const law = validateLaw(spec.law);
  const given = (['targetLoss', 'budgetFlops', 'budgetUsd'] as const).filter((k) => spec[k] !== undefined);
  if (given.length !== 1) {
    throw new InputError('targetLoss', given.length ? `give only one of targetLoss, budgetFlops, budgetUsd (got ${given.join(', ')})` : 'nothing to project', 'give a target loss, or a budget in FLOPs or USD');
  }
  const mode = given[0];
  // Resolve the run inputs with a placeholder compute; flops is computed per sample.
  // Resolve the run inputs at a placeholder compute (1 FLOP): the per-sample compute
  // comes from the law, so the `flops` input is dropped again.
  const { law: _l, lawSamples: _s, targetLoss: _t, budgetFlops: _b, budgetUsd: _u, ...runSpec } = spec;
  const { point, plan, inputs, assumptions } = resolveRunInputs({ ...runSpec, flops: 1 });
  delete inputs.flops;
  const kept = assumptions.filter((a) => a.name !== 'flops');
  const bounds = INPUT_BOUNDS;
  if (mode === 'budgetUsd' && !plan.priced) throw new InputError('price', `no price known for ${point.accelerator.id}`, 'give --price USD_PER_HOUR');
  const modeInput = spec[mode] as Uncertain;
  const modeDist: Distribution = typeof modeInput === 'number' ? { kind: 'point', value: modeInput } : modeInput;
  inputs[mode] = modeDist;
  kept.unshift({ name: mode, distribution: modeDist, unit: mode === 'targetLoss' ? 'nats/token' : mode === 'budgetFlops' ? 'FLOP' : 'USD', source: 'user', range: describeDistribution(modeDist) });
  if (spec.lawSamples && law.form !== 'chinchilla') throw new InputError('lawSamples', 'bootstrap samples need a Chinchilla-form law', 'use a chinchilla fit');
  const rows = spec.lawSamples ? lawSampleRows(spec.lawSamples) : undefined;
  const joint = rows ? { fit: lawSamplesToColumns(rows) } : undefined;
  const model = projectionModel(mode, law, runModel(plan), plan);
  // A fixed FLOP budget or target loss: the allocation depends on the law row only, so
  // the Monte Carlo computes it once per bootstrap row (a row index travels with the row).
  const cacheable = mode !== 'budgetUsd' && modeDist.kind === 'point';
  const mcJoint = joint && cacheable ? { fit: { ...joint.fit, fitRow: Float64Array.from(rows!, (_, i) => i) } } : joint;
  const mcModel = cacheable ? projectionModel(mode, law, runModel(plan), plan, rows?.length ?? 1) : model;
  const mc = monteCarlo({ inputs, bounds, joint: mcJoint, model: mcModel, samples: spec.samples, seed: spec.seed, level: spec.level });
  delete mc.inputs.fitRow;
  if (mode === 'targetLoss' && mc.outputs.flops.infiniteFraction === 1) {
    const floor = rows ? Math.min(...rows.map((r) => r.E)) : lossFloor(law);
    throw new InputError('targetLoss', `no sample reaches it: the law's irreducible loss is ${+floor.toPrecision(4)}${rows ? ' or more in every bootstrap fit' : ''}`, `give a target loss above ${+floor.toPrecision(4)}`);
  }
  const sens = sensitivity({ inputs, bounds, joint, model, level: spec.level, maxJointRows: 1000 });
  return {
    mode,
    law,
    lawSamples: rows?.length ?? 0,
    unreachableFraction: mode === 'targetLoss' ? mc.outputs.flops.infiniteFraction : 0,
    hardware: { id: point.accelerator.id, name: point.accelerator.name, peakFlopsPerSecond: point.peakFlopsPerSecond },
    count: point.count,
    assumptions: kept,
    monteCarlo: mc,
    sensitivity: sens,
  };
}
