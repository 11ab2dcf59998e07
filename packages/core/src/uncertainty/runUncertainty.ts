/**
 * A training run's FLOPs, accelerator-hours, wall-clock time, cost, energy and
 * CO2e under uncertainty: every numeric input may be a distribution; the ones
 * left out get the sourced default ranges of defaultRanges.ts. One seeded
 * Monte Carlo (default 10,000 samples) calls the estimation core's arithmetic
 * per sample — nothing is re-derived here:
 *
 *   flops            = trainingFlops(N, D) = 6·N·D        (or given directly)
 *   acceleratorHours = acceleratorHours(flops, peak, mfu)  = flops / (peak·mfu·3600)
 *   wallClockHours   = wallClockHours(accH, accelerators)
 *   energyKWh        = energyKWh({accH, watts = averageWatts(TDP, powerFraction), hostOverhead, pue})
 *   costUsd          = costUsd(accH, usdPerHour, overheadFraction)
 *   co2eKg           = co2eKg(energyKWh, gridGCO2ePerKWh)
 *
 * plus a one-at-a-time sensitivity (tornado data) over the same inputs.
 */
import { getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { getRegion } from '../data/regions.js';
import type { PriceRow, Precision } from '../data/types.js';
import { InputError } from '../errors.js';
import { co2eKg } from '../estimate/carbon.js';
import { costUsd } from '../estimate/cost.js';
import { averageWatts, energyKWh } from '../estimate/energy.js';
import { trainingFlops } from '../estimate/flops.js';
import { acceleratorHours, wallClockHours } from '../estimate/time.js';
import { type Distribution, checkDistribution, describeDistribution, pointDistribution } from './distribution.js';
import { INPUT_BOUNDS, type RangeDefault, gridRange, hostOverheadRange, mfuRange, powerFractionRange, pueRange, requirePriceRange } from './defaultRanges.js';
import { type MonteCarloResult, monteCarlo, toDistribution } from './monteCarlo.js';
import { type SensitivityResult, sensitivity } from './sensitivity.js';

/** A number or a distribution. */
export type Uncertain = number | Distribution;

export interface UncertainRunSpec {
  /** Training FLOPs; or give params and tokens (6·N·D). */
  flops?: Uncertain;
  params?: Uncertain;
  tokens?: Uncertain;
  /** Accelerator id or name (forgiving look-up, e.g. `h100`). */
  hardware: string;
  precision?: Precision;
  /** Number of accelerators sharing the run (for wall-clock time); default 1. */
  accelerators?: number;
  mfu?: Uncertain;
  /** Average accelerator draw as a fraction of TDP. */
  powerFraction?: Uncertain;
  /** Average accelerator draw in W (replaces TDP × powerFraction). */
  watts?: Uncertain;
  hostOverhead?: Uncertain;
  pue?: Uncertain;
  /** Price per accelerator-hour, USD. */
  usdPerHour?: Uncertain;
  gridGCO2ePerKWh?: Uncertain;
  /** Restarts, failed runs, sweeps as a fraction of the run (cost only); default 0. */
  overheadFraction?: Uncertain;
  /** Cloud provider for the PUE default (gcp, aws, azure, meta, oracle); else taken from the region. */
  provider?: string;
  /** Grid region (country, cloud region or `world`) for the grid-intensity default; default `world`. */
  region?: string;
  pricing?: PriceRow['pricing'];
  samples?: number;
  seed?: number;
  /** Central-interval probability (default 0.9 → 5–95%). */
  level?: number;
}

export const RUN_OUTPUTS = ['flops', 'acceleratorHours', 'wallClockHours', 'costUsd', 'energyKWh', 'co2eKg'] as const;
export type RunOutput = (typeof RUN_OUTPUTS)[number];

/** One input as used: its distribution, unit and where it came from (`user` or a citation). */
export interface UncertainAssumption extends RangeDefault {
  /** Short human form of the distribution. */
  range: string;
}

export interface UncertainRunResult {
  hardware: { id: string; name: string; peakFlopsPerSecond: number; precision: Precision; tdpW: number | null };
  accelerators: number;
  assumptions: UncertainAssumption[];
  monteCarlo: MonteCarloResult<RunOutput>;
  sensitivity: SensitivityResult<RunOutput>;
}

/** Fixed context for the per-sample model. */
export interface RunContext {
  peakFlopsPerSecond: number;
  /** W the power fraction applies to (TDP, or the vendor's measured mean where no TDP exists). */
  referenceWatts: number;
  accelerators: number;
}

/**
 * The per-sample model over plain numbers (inputs by name). `flops` wins over
 * params × tokens; `watts` wins over referenceWatts × powerFraction.
 */
export function runModel(ctx: RunContext): (x: Record<string, number>) => Record<RunOutput, number> {
  return (x) => {
    const flops = x.flops !== undefined ? x.flops : trainingFlops(x.params, x.tokens);
    const accH = acceleratorHours(flops, ctx.peakFlopsPerSecond, x.mfu);
    const watts = x.watts !== undefined ? x.watts : averageWatts(ctx.referenceWatts, x.powerFraction);
    const kWh = energyKWh({ acceleratorHours: accH, watts, hostOverhead: x.hostOverhead, pue: x.pue });
    return {
      flops,
      acceleratorHours: accH,
      wallClockHours: wallClockHours(accH, ctx.accelerators),
      costUsd: costUsd(accH, x.usdPerHour, x.overheadFraction),
      energyKWh: kWh,
      co2eKg: co2eKg(kWh, x.gridGCO2ePerKWh),
    };
  };
}

/** The resolved inputs (user values or default ranges) and the model context for a run spec. */
export function resolveRunInputs(spec: Omit<UncertainRunSpec, 'samples' | 'seed' | 'level'>): {
  inputs: Record<string, Distribution>;
  assumptions: UncertainAssumption[];
  context: RunContext;
  hardware: UncertainRunResult['hardware'];
} {
  const acc = getAccelerator(spec.hardware);
  const peak = peakFlopsPerSecond(acc, spec.precision);
  const accelerators = spec.accelerators ?? 1;
  if (!Number.isInteger(accelerators) || accelerators < 1) throw new InputError('accelerators', `must be a whole number ≥ 1, got ${accelerators}`, 'give e.g. 1024');
  const region = spec.region ? getRegion(spec.region) : undefined;
  const provider = spec.provider ?? region?.provider;

  const assumptions: UncertainAssumption[] = [];
  const inputs: Record<string, Distribution> = {};
  const use = (name: string, given: Uncertain | undefined, fallback: (() => RangeDefault) | undefined, unit: string) => {
    let r: RangeDefault;
    if (given !== undefined) r = { name, distribution: toDistribution(given), unit, source: 'user' };
    else if (fallback) r = fallback();
    else return;
    checkDistribution(name, r.distribution, INPUT_BOUNDS[name]);
    inputs[name] = r.distribution;
    assumptions.push({ ...r, range: describeDistribution(r.distribution) });
  };

  if (spec.flops !== undefined) {
    if (spec.params !== undefined || spec.tokens !== undefined) throw new InputError('flops', 'was given together with params/tokens', 'give either flops, or params and tokens');
    use('flops', spec.flops, undefined, 'FLOP');
  } else {
    if (spec.params === undefined || spec.tokens === undefined) throw new InputError('params', 'params and tokens (or flops) are needed', 'give params and tokens, e.g. 70B and 1.4T');
    use('params', spec.params, undefined, 'parameters');
    use('tokens', spec.tokens, undefined, 'tokens');
  }
  use('mfu', spec.mfu, mfuRange, '');
  let referenceWatts = acc.tdpW ?? acc.measuredMeanW ?? NaN;
  if (spec.watts !== undefined) {
    use('watts', spec.watts, undefined, 'W');
    referenceWatts = 0;
  } else {
    if (!Number.isFinite(referenceWatts)) throw new InputError('watts', `${acc.id} has no published TDP or measured power`, 'give the average accelerator power with --watts');
    use('powerFraction', spec.powerFraction, powerFractionRange, '');
  }
  use('hostOverhead', spec.hostOverhead, hostOverheadRange, '');
  use('pue', spec.pue, () => pueRange(provider), '');
  use('usdPerHour', spec.usdPerHour, () => requirePriceRange(acc.id, spec.pricing), 'USD/h');
  use('gridGCO2ePerKWh', spec.gridGCO2ePerKWh, () => gridRange(spec.region ?? 'world'), 'gCO2e/kWh');
  use('overheadFraction', spec.overheadFraction, () => ({ name: 'overheadFraction', distribution: pointDistribution(0), unit: '', source: 'none assumed (give restarts/sweep overhead explicitly)' }), '');

  return {
    inputs,
    assumptions,
    context: { peakFlopsPerSecond: peak.flopsPerSecond, referenceWatts, accelerators },
    hardware: { id: acc.id, name: acc.name, peakFlopsPerSecond: peak.flopsPerSecond, precision: peak.precision, tdpW: acc.tdpW },
  };
}

/** Monte Carlo and sensitivity of a run estimate; see the module comment. */
export function estimateRunUncertain(spec: UncertainRunSpec): UncertainRunResult {
  const { inputs, assumptions, context, hardware } = resolveRunInputs(spec);
  const model = runModel(context);
  const mc = monteCarlo({ inputs, bounds: INPUT_BOUNDS, model, samples: spec.samples, seed: spec.seed, level: spec.level });
  const sens = sensitivity({ inputs, bounds: INPUT_BOUNDS, model, level: spec.level });
  return { hardware, accelerators: context.accelerators, assumptions, monteCarlo: mc, sensitivity: sens };
}
