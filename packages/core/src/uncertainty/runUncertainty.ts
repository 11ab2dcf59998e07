/**
 * A training run's FLOPs, accelerator-hours, wall-clock time, cost, energy and
 * CO2e under uncertainty: any numeric input may be a distribution.
 *
 * 1. The run is first resolved by the estimation core's resolve step
 *    (estimate/resolveEstimate.ts) at the inputs' medians (so presets,
 *    architectures, hardware and region look-ups, defaults and every validation
 *    rule are exactly estimateRun's), and the point estimate calculated from it.
 * 2. Each uncertain input then gets a distribution: the caller's (a number or a
 *    distribution); else, when the resolve step's origin for it is `default`
 *    (a dated constant or table row, not the caller, not a preset's paper), the
 *    sourced default range of defaultRanges.ts; else the resolved value as a point.
 * 3. One seeded Monte Carlo (default 10,000 samples) calls the core's
 *    arithmetic per sample, following estimateRun's rules:
 *      flops      = trainingFlops(N_active, D)  (or given, or fixed by the core)
 *      computeH   = acceleratorHours(flops, peak, mfu)   (or given hours)
 *      then runOutputs (estimate/runOutputs.ts, the formula estimateRun uses):
 *      total hours, wall-clock, cost, energy (watts = averageWatts(TDP, powerFraction)) and CO2e
 * 4. A one-at-a-time sensitivity (tornado data) over the same inputs.
 */
import { InputError } from '../errors.js';
import { averageWatts } from '../estimate/energy.js';
import { runOutputs } from '../estimate/runOutputs.js';
import type { Estimate, EstimateSpec, ResolvedInput } from '../estimate/estimateTypes.js';
import { resolveEstimate } from '../estimate/resolveEstimate.js';
import { calculateEstimate } from '../estimate/calculateEstimate.js';
import { trainingFlops } from '../estimate/flops.js';
import { acceleratorHours, flopsFromHours } from '../estimate/time.js';
import { type Distribution, checkDistribution, describeDistribution, distributionQuantile, pointDistribution } from './distribution.js';
import { type RangeDefault, gridRange, hostOverheadRange, mfuRange, powerFractionRange, priceRange, pueRange } from './defaultRanges.js';
import { type MonteCarloResult, monteCarlo, toDistribution } from './monteCarlo.js';
import { type SensitivityResult, sensitivity } from './sensitivity.js';
import { INPUT_BOUNDS } from '../estimate/bounds.js';

/** A number or a distribution. */
export type Uncertain = number | Distribution;

/** estimateRun's numeric inputs that may be uncertain. */
export const UNCERTAIN_FIELDS = [
  'params', 'activeParams', 'tokens', 'flops', 'mfu', 'acceleratorHours', 'watts', 'powerFraction', 'hostOverhead',
  'pue', 'gridGCO2ePerKWh', 'usdPerHour', 'restartOverhead', 'sweepOverhead', 'energyKWh',
] as const;
export type UncertainField = (typeof UNCERTAIN_FIELDS)[number];

export type UncertainRunSpec = Omit<EstimateSpec, UncertainField> & { [K in UncertainField]?: Uncertain } & {
  samples?: number;
  seed?: number;
  /** Central-interval probability (default 0.9 → 5–95%). */
  level?: number;
  /** Give inputs the caller left out their default ranges (default true); false keeps them as points. */
  defaultRanges?: boolean;
};

export const RUN_OUTPUTS = ['flops', 'acceleratorHours', 'wallClockHours', 'costUsd', 'energyKWh', 'co2eKg'] as const;
export type RunOutput = (typeof RUN_OUTPUTS)[number];

/** One input as used: its distribution, unit, where it came from, and a short form of the range. */
export interface UncertainAssumption extends RangeDefault {
  range: string;
}

export interface UncertainRunResult {
  /** The core's point estimate at the inputs' medians (with its assumptions). */
  point: Estimate;
  /** The uncertain inputs as used in the Monte Carlo. */
  assumptions: UncertainAssumption[];
  /** Outputs: acceleratorHours, energyKWh, co2eKg, and flops / wallClockHours / costUsd when FLOPs / a count / a price are known. */
  monteCarlo: MonteCarloResult<RunOutput>;
  sensitivity: SensitivityResult<RunOutput>;
}

/** How the per-sample model computes, fixed by the resolved point estimate. */
export interface RunPlan {
  peakFlopsPerSecond: number;
  /** Compute from `flops` input, from params/tokens inputs, or fixed at the core's value. */
  flopsFrom: 'flops' | 'paramsTokens' | 'fixed' | 'fromHours';
  fixedFlops: number | null;
  /** Hours from the `acceleratorHours` input (given) or from FLOPs and MFU. */
  hoursGiven: boolean;
  /** Power from the `watts` input, or TDP × powerFraction. */
  wattsGiven: boolean;
  tdpW: number;
  energyGiven: boolean;
  count: number | null;
  priced: boolean;
}

/**
 * The per-sample model of a run's uncertainty estimate: a function of plain numbers (inputs by
 * name) that applies the same formulas as estimateRun's point estimate (FLOPs = 6·N·D, hours =
 * FLOPs / (peak · MFU), energy = hours · watts · host overhead · PUE, CO2e = energy · grid intensity).
 *
 * @param plan - how to compute, fixed by the resolved point estimate ({@link resolveRunInputs})
 * @returns the model: inputs by name → acceleratorHours, energyKWh, co2eKg and, when known, flops, wallClockHours, costUsd
 * @example
 * ```ts
 * import { distributionQuantile, resolveRunInputs, runModel } from '@scaling-lab/core';
 * const { plan, inputs } = resolveRunInputs({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-a100-sxm4-80gb', count: 1024, mfu: 0.4 });
 * const medians = Object.fromEntries(Object.entries(inputs).map(([k, d]) => [k, distributionQuantile(d, 0.5)]));
 * runModel(plan)(medians).costUsd; // → 4.49e6
 * ```
 */
export function runModel(plan: RunPlan): (x: Record<string, number>) => Record<RunOutput, number> {
  const { peakFlopsPerSecond: peak } = plan;
  return (x) => {
    let flops: number;
    let computeH: number;
    if (plan.hoursGiven) {
      computeH = x.acceleratorHours;
      flops = plan.flopsFrom === 'fromHours' ? flopsFromHours(computeH, peak, x.mfu) : (plan.fixedFlops ?? NaN);
    } else {
      // 6·N·D with the active parameters when given (MoE), as estimateRun does.
      flops = plan.flopsFrom === 'flops' ? x.flops : plan.flopsFrom === 'paramsTokens' ? trainingFlops(x.activeParams ?? x.params, x.tokens) : plan.fixedFlops!;
      computeH = acceleratorHours(flops, peak, x.mfu);
    }
    // The same formula as estimateRun's point estimate (estimate/runOutputs.ts).
    const r = runOutputs({
      computeHours: computeH, restartOverhead: x.restartOverhead, sweepOverhead: x.sweepOverhead, count: plan.count,
      usdPerHour: plan.priced ? x.usdPerHour : null, watts: plan.wattsGiven ? x.watts : averageWatts(plan.tdpW, x.powerFraction),
      hostOverhead: x.hostOverhead, pue: x.pue, gridGCO2ePerKWh: x.gridGCO2ePerKWh, measuredEnergyKWh: plan.energyGiven ? x.energyKWh : undefined,
    });
    const out = { acceleratorHours: r.totalHours, energyKWh: r.energyKWh, co2eKg: r.co2eKg } as Record<RunOutput, number>;
    // Given hours without a model size or MFU leave the FLOPs unknown: no flops output then.
    if (!Number.isNaN(flops)) out.flops = flops;
    if (r.wallClockHours !== null) out.wallClockHours = r.wallClockHours;
    if (r.costUsd !== null) out.costUsd = r.costUsd;
    return out;
  };
}

/** An input's listed assumption, for the source shown beside a point input (the logic reads origins, not these strings). */
const num = (e: Estimate, name: string) => e.assumptions.find((a) => a.name === name);

/**
 * Resolves an uncertain run spec: the core's point estimate at the inputs' medians, the plan of
 * the per-sample model ({@link runModel}), and the distribution of every input the model reads
 * (given ranges, else the documented default ranges of MFU, price, power, PUE and grid intensity).
 *
 * @param spec - an uncertain run spec without `samples`, `seed` and `level`
 * @returns the point estimate, the model plan, the inputs' distributions and the assumptions listed
 * @throws InputError naming the field, as estimateRun does
 * @example
 * ```ts
 * import { resolveRunInputs } from '@scaling-lab/core';
 * const r = resolveRunInputs({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-a100-sxm4-80gb', count: 1024, mfu: 0.4 });
 * r.plan.flopsFrom; // → 'paramsTokens'
 * r.point.costUsd; // → 4.49e6
 * 'pue' in r.inputs; // → true
 * ```
 */
export function resolveRunInputs(spec: Omit<UncertainRunSpec, 'samples' | 'seed' | 'level'>): {
  point: Estimate;
  plan: RunPlan;
  inputs: Record<string, Distribution>;
  assumptions: UncertainAssumption[];
} {
  // 1. Point estimate at the medians (the core validates everything).
  const pointSpec: EstimateSpec = { ...(spec as EstimateSpec) };
  const given: Partial<Record<UncertainField, Distribution>> = {};
  for (const f of UNCERTAIN_FIELDS) {
    const v = spec[f];
    if (v === undefined) continue;
    const d = checkDistribution(f, toDistribution(v), INPUT_BOUNDS[f]);
    given[f] = d;
    (pointSpec as Record<string, unknown>)[f] = distributionQuantile(d, 0.5);
  }
  delete (pointSpec as Record<string, unknown>).defaultRanges;
  const resolved = resolveEstimate(pointSpec);
  const point = calculateEstimate(resolved);
  const useDefaults = spec.defaultRanges !== false;
  const acc = resolved.accelerator;

  const inputs: Record<string, Distribution> = {};
  const assumptions: UncertainAssumption[] = [];
  /** Adds input `name`: caller's distribution, else a default range when the core defaulted it, else the core's value. */
  const add = (name: UncertainField, resolvedValue: number, unit: string, defaulted: boolean, range?: () => RangeDefault | undefined) => {
    let r: RangeDefault | undefined;
    if (given[name]) r = { name, distribution: given[name]!, unit, source: 'user' };
    else if (defaulted && useDefaults && range) r = range();
    if (!r) r = { name, distribution: pointDistribution(resolvedValue), unit, source: num(point, name)?.source ?? 'estimateRun' };
    r = { ...r, name };
    inputs[name] = r.distribution;
    assumptions.push({ ...r, range: describeDistribution(r.distribution) });
  };
  /** The core took the input from a dated default (a constant, the price table, the region's grid): it gets a default range. */
  const isDefault = (x: ResolvedInput | null) => x?.origin === 'default';

  // 2. Compute.
  // Hours are an input only when the caller or the preset fixed them.
  const hoursGiven = resolved.acceleratorHours !== null;
  let flopsFrom: RunPlan['flopsFrom'];
  if (hoursGiven) {
    add('acceleratorHours', point.computeAcceleratorHours, 'h', false);
    flopsFrom = point.flopsMethod === 'from hours' ? 'fromHours' : 'fixed';
    if (flopsFrom === 'fromHours') add('mfu', point.mfu!, '', false);
  } else {
    if (resolved.flopsRule === 'given') {
      flopsFrom = 'flops';
      add('flops', point.flops!, 'FLOP', false);
    } else if (resolved.flopsRule === '6ND' && resolved.architecture === null) {
      flopsFrom = 'paramsTokens';
      // 6·N·D uses the active parameters when known (MoE); the model reads activeParams first.
      if (point.activeParams !== null) add('activeParams', point.activeParams, 'parameters', false);
      else add('params', point.params!, 'parameters', false);
      add('tokens', point.tokens!, 'tokens', false);
    } else {
      flopsFrom = 'fixed';
      if (given.params || given.tokens || given.activeParams) {
        throw new InputError('params', 'ranges for params/tokens need the 6ND FLOP count', 'give a range for flops instead, or drop the architecture');
      }
    }
    add('mfu', point.mfu!, '', isDefault(resolved.mfu), mfuRange);
  }

  // 3. Power, energy, PUE.
  const energyGiven = resolved.energyKWh !== null;
  // Watts are an input unless the core derived them from the TDP and a power fraction.
  const wattsGiven = resolved.powerFraction === null;
  if (energyGiven) {
    // The stated energy (before overheads).
    add('energyKWh', resolved.energyKWh!.value, 'kWh', false);
  } else {
    if (wattsGiven) add('watts', point.watts, 'W', false);
    else add('powerFraction', resolved.powerFraction!.value, '', isDefault(resolved.powerFraction), powerFractionRange);
    add('hostOverhead', point.hostOverhead, '', isDefault(resolved.hostOverhead), hostOverheadRange);
    const provider = resolved.regionInput ? resolved.region?.provider : undefined;
    add('pue', point.pue, '', isDefault(resolved.pue), () => pueRange(provider));
  }

  // 4. Grid, price, overheads.
  add('gridGCO2ePerKWh', point.gridGCO2ePerKWh, 'gCO2e/kWh', isDefault(resolved.gridGCO2ePerKWh), () => gridRange(point.region?.id ?? 'world'));
  const priced = point.costUsd !== null || given.usdPerHour !== undefined;
  if (priced) add('usdPerHour', point.usdPerHour!, 'USD/h', isDefault(resolved.usdPerHour), () => priceRange(acc.id, spec.pricing));
  add('restartOverhead', spec.restartOverhead === undefined ? 0 : distributionQuantile(given.restartOverhead!, 0.5), 'fraction of run', false);
  add('sweepOverhead', spec.sweepOverhead === undefined ? 0 : distributionQuantile(given.sweepOverhead!, 0.5), 'fraction of run', false);
  for (const a of assumptions) checkDistribution(a.name, a.distribution, INPUT_BOUNDS[a.name]);
  // Overheads the caller did not give are zero in the core too; leave them out of the listing.
  const listed = assumptions.filter((a) => !((a.name === 'restartOverhead' || a.name === 'sweepOverhead') && !given[a.name]));

  return {
    point,
    plan: {
      peakFlopsPerSecond: point.peakFlopsPerSecond,
      flopsFrom,
      fixedFlops: point.flops,
      hoursGiven,
      wattsGiven,
      tdpW: acc.tdpW ?? NaN,
      energyGiven,
      count: point.count,
      priced,
    },
    inputs,
    assumptions: listed,
  };
}

/**
 * The estimate of a run with its uncertainty: a seeded Monte Carlo over the inputs given as
 * distributions (and, unless `defaultRanges` is false, the default ranges of the rest: MFU,
 * price, power, PUE, grid intensity), plus each input's share of the spread (sensitivity).
 * Each sample goes through the same formulas as {@link estimateRun}.
 *
 * @param spec - an {@link EstimateSpec} whose uncertain fields may be distributions, plus
 *   `samples` (default 10,000), `seed` (default 42) and `level` (default 0.9)
 * @returns the point estimate at the medians, the inputs used, the Monte Carlo summaries and the sensitivity
 * @throws InputError naming the field, as estimateRun does
 * @example
 * ```ts
 * import { estimateRunUncertain, parseDistribution } from '@scaling-lab/core';
 * const r = estimateRunUncertain({
 *   params: 70e9, tokens: 1.4e12, hardware: 'nvidia-a100-sxm4-80gb', count: 1024,
 *   mfu: parseDistribution('mfu', '0.3..0.5'), samples: 2000, seed: 1,
 * });
 * r.point.costUsd; // → 4.49e6
 * r.monteCarlo.outputs.costUsd.low; // → 1.87e6
 * r.monteCarlo.outputs.costUsd.high; // → 6.49e6
 * ```
 */
export function estimateRunUncertain(spec: UncertainRunSpec): UncertainRunResult {
  const { point, plan, inputs, assumptions } = resolveRunInputs(spec);
  const model = runModel(plan);
  const mc = monteCarlo({ inputs, bounds: INPUT_BOUNDS, model, samples: spec.samples, seed: spec.seed, level: spec.level });
  const sens = sensitivity({ inputs, bounds: INPUT_BOUNDS, model, level: spec.level });
  return { point, assumptions, monteCarlo: mc, sensitivity: sens };
}

