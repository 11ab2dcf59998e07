/**
 * `estimateRun(spec)`: FLOPs → accelerator-hours → wall-clock → cost →
 * energy → CO2e (plus optional embodied carbon and water) for a planned or
 * published training run, with every input listed in `assumptions` (value,
 * unit, source; `user` for what the caller gave, the paper for presets, the
 * reference table row or constant otherwise).
 *
 * Rules (each one also shows up in the assumptions):
 * - FLOPs: `flops`, else 6·N·D with N = activeParams ?? params (or from
 *   `architecture`), or the detailed count when `flopsMethod: 'detailed'`.
 * - Hours: `acceleratorHours` when given (MFU is then implied when FLOPs are
 *   known), else FLOPs / (peak × MFU × 3600); MFU defaults to 0.40.
 * - Overheads: restarts/failed runs and the preceding sweep are fractions of
 *   the main run's accelerator-hours; they add to cost, energy and carbon;
 *   restarts (not the sweep) also add to wall-clock time.
 * - Power: `watts` (then no host overhead unless given), else TDP × 0.70 and
 *   host overhead 1.10; TPUs without a TDP use Google's measured mean power.
 * - PUE: `pue`, else the cloud provider's fleet PUE for a cloud region, else
 *   the industry average 1.54 (Uptime 2025). Grid: `gridGCO2ePerKWh`, else the
 *   region's yearly average, else the world average (480, Ember 2023).
 * - A preset fills every field its paper states; the caller's fields win.
 * - Memory: when the parameter count is known, training memory per
 *   accelerator and whether it fits (`memory`, see runMemory.ts for its
 *   defaults); null otherwise.
 */
import { assumption, type Assumption } from '../assumption.js';
import { InputError, requireNumber } from '../errors.js';
import { INPUT_BOUNDS } from './bounds.js';
import { constant, constantAssumption } from '../data/constants.js';
import { acceleratorNote, getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { defaultPrice, priceSource } from '../data/prices.js';
import { getRegion, type GridRegion } from '../data/regions.js';
import { getPublishedRun, type PublishedRun } from '../data/publishedRuns.js';
import type { AcceleratorRow, Precision, PriceRow } from '../data/types.js';
import { paramsFromArchitecture, type Architecture } from './params.js';
import { detailedTrainingFlops, trainingFlops } from './flops.js';
import { acceleratorHours as hoursFor, flopsFromHours, impliedMfu } from './time.js';
import { householdYears } from './energy.js';
import { co2eEquivalents, type Co2eEquivalents } from './equivalents.js';
import { waterLitres } from './carbon.js';
import { runOutputs } from './runOutputs.js';
import { embodiedForRun, type EmbodiedEstimate } from './embodied.js';
import { memoryRequested, runMemory, type MemoryEstimate, type MemorySpec } from './runMemory.js';

/** The accelerator assumed when the caller names none. */
export const DEFAULT_ACCELERATOR = 'nvidia-h100-sxm5-80gb';

export interface EstimateSpec {
  /** Published run id (see listPublishedRuns); its stated inputs fill the fields not given here. */
  preset?: string;
  /** Total parameters. */
  params?: number;
  /** Parameters active per token (MoE); FLOPs use these. */
  activeParams?: number;
  tokens?: number;
  /** Training FLOPs (instead of params × tokens). */
  flops?: number;
  architecture?: Architecture;
  /** `6ND` (default) or `detailed` (needs `architecture` with a context). */
  flopsMethod?: '6ND' | 'detailed';
  /** With `flopsMethod: 'detailed'`: full activation recomputation. */
  recompute?: boolean;
  /** Accelerator id (forgiving look-up). */
  hardware?: string;
  precision?: Precision;
  /** Override the accelerator's dense peak, FLOP/s. */
  peakFlopsPerSecond?: number;
  count?: number;
  mfu?: number;
  /** Accelerator-hours of the main run (instead of FLOPs ÷ throughput). */
  acceleratorHours?: number;
  /** Average power per accelerator, W. */
  watts?: number;
  /** Fraction of TDP drawn on average (when watts are not given). */
  powerFraction?: number;
  /** Host/network power multiplier on top of the accelerators. */
  hostOverhead?: number;
  pue?: number;
  /** Country (ISO3 or name), cloud region (`gcp:us-central1`, `us-east-1`) or `world`. */
  region?: string;
  gridGCO2ePerKWh?: number;
  /** USD per accelerator-hour (instead of the dated default). */
  usdPerHour?: number;
  pricing?: PriceRow['pricing'];
  /** Restarts and failed runs, as a fraction of the main run's accelerator-hours. */
  restartOverhead?: number;
  /** The sweep before the run, as a fraction of the main run's accelerator-hours. */
  sweepOverhead?: number;
  /** Facility energy measured or stated elsewhere, kWh (replaces hours × power × PUE). */
  energyKWh?: number;
  /** Add embodied (manufacturing) carbon, amortised per accelerator-hour. */
  embodied?: boolean;
  /** Add on-site water use (WUE, L per IT kWh); `true` uses the default WUE. */
  water?: boolean | number;
  /** Household for the "equivalent homes" figure. Default `us`. */
  household?: 'us' | 'eu';
  /** Training-memory inputs (optimizer, ZeRO stage, TP/PP, micro-batch, sequence, recomputation, LoRA); see runMemory.ts. */
  memory?: MemorySpec;
}

export interface Estimate {
  preset?: { id: string; name: string; citation: string; reported: PublishedRun['reported']; notes?: string; replaced: string[] };
  params: number | null;
  activeParams: number | null;
  tokens: number | null;
  flops: number | null;
  flopsMethod: 'given' | '6ND' | 'detailed' | 'from hours' | null;
  accelerator: { id: string; name: string };
  precision: Precision | null;
  peakFlopsPerSecond: number;
  mfu: number | null;
  count: number | null;
  /** Main run only, before overheads. */
  computeAcceleratorHours: number;
  /** Including restarts and the sweep: what is paid for and powered. */
  acceleratorHours: number;
  /** Main run including restarts, on `count` accelerators; null without a count. */
  wallClockHours: number | null;
  usdPerHour: number | null;
  /** Null when no price is known for the accelerator and none was given. */
  costUsd: number | null;
  watts: number;
  hostOverhead: number;
  pue: number;
  /** IT energy (accelerators + host), kWh. */
  itEnergyKWh: number;
  /** Facility energy (IT × PUE), kWh. */
  energyKWh: number;
  gridGCO2ePerKWh: number;
  region: { id: string; name: string; kind: GridRegion['kind'] } | null;
  /** Operational, location-based. */
  co2eKg: number;
  embodiedCo2eKg: number | null;
  /** Embodied carbon by part (accelerators, servers); null unless asked for. */
  embodied: EmbodiedEstimate | null;
  waterLitres: number | null;
  householdYears: number;
  /** Operational CO2e as car-km, flights and tree-years, each with its source. */
  equivalents: Co2eEquivalents;
  /** Training memory per accelerator; null when the parameter count is unknown. */
  memory: MemoryEstimate | null;
  assumptions: Assumption[];
}

type Origin = 'user' | 'preset';

/** Merges preset fields under the caller's, remembering where each came from. */
function mergePreset(spec: EstimateSpec, run: PublishedRun | undefined) {
  const origin = new Map<string, { origin: Origin; source: string }>();
  const out: EstimateSpec = {};
  const pick = <K extends keyof EstimateSpec>(key: K, presetValue: { value: EstimateSpec[K]; source: string } | undefined) => {
    if (spec[key] !== undefined) {
      out[key] = spec[key];
      origin.set(key, { origin: 'user', source: 'user' });
    } else if (presetValue !== undefined) {
      out[key] = presetValue.value;
      origin.set(key, { origin: 'preset', source: presetValue.source });
    }
  };
  const r = run;
  // A different accelerator invalidates the paper's hours, power, energy and price.
  const hwChanged = r !== undefined && spec.hardware !== undefined && getAccelerator(spec.hardware).id !== r.hardware.value;
  // When the caller restates the model, the preset's model fields step aside together; new tokens alone
  // keep the preset's model (`--preset llama-2-7b --tokens 1B`).
  const userGaveModel = spec.flops !== undefined || spec.params !== undefined || spec.activeParams !== undefined || spec.architecture !== undefined;
  const userGaveCompute = userGaveModel || spec.tokens !== undefined;
  pick('params', userGaveModel ? undefined : r?.params);
  pick('activeParams', userGaveModel ? undefined : r?.activeParams);
  pick('tokens', spec.flops !== undefined ? undefined : r?.tokens);
  pick('architecture', userGaveModel ? undefined : r?.architecture);
  // The preset's params and activeParams restate its architecture: with both, the architecture counts.
  if (out.architecture !== undefined && origin.get('architecture')?.origin === 'preset') {
    delete out.params;
    delete out.activeParams;
  }
  pick('flops', undefined);
  pick('hardware', r?.hardware);
  pick('count', r?.count);
  pick('mfu', r?.mfu);
  const recomputeHours = userGaveCompute || spec.mfu !== undefined || spec.peakFlopsPerSecond !== undefined || spec.precision !== undefined || hwChanged;
  pick('acceleratorHours', recomputeHours ? undefined : r?.acceleratorHours);
  pick('watts', spec.powerFraction !== undefined || hwChanged ? undefined : r?.watts);
  pick('hostOverhead', hwChanged ? undefined : r?.hostOverhead);
  pick('pue', spec.region !== undefined ? undefined : r?.pue);
  pick('gridGCO2ePerKWh', spec.region !== undefined ? undefined : r?.gridGCO2ePerKWh);
  pick('usdPerHour', hwChanged ? undefined : r?.usdPerHour);
  pick('energyKWh', recomputeHours || spec.acceleratorHours !== undefined || spec.watts !== undefined || spec.pue !== undefined || spec.powerFraction !== undefined ? undefined : r?.energyKWh);
  for (const k of ['flopsMethod', 'recompute', 'precision', 'peakFlopsPerSecond', 'powerFraction', 'region', 'pricing', 'restartOverhead', 'sweepOverhead', 'embodied', 'water', 'household', 'memory'] as const) {
    if (spec[k] !== undefined) {
      (out as Record<string, unknown>)[k] = spec[k];
      origin.set(k, { origin: 'user', source: 'user' });
    }
  }
  // Which of the preset's stated values the caller's fields replaced or made moot.
  const replaced: string[] = [];
  if (r) {
    for (const k of ['params', 'activeParams', 'tokens', 'architecture', 'hardware', 'count', 'mfu', 'acceleratorHours', 'watts', 'hostOverhead', 'pue', 'gridGCO2ePerKWh', 'usdPerHour', 'energyKWh'] as const) {
      if (r[k] === undefined) continue;
      if (origin.get(k)?.origin === 'user') replaced.push(`${k} (given)`);
      else if (!origin.has(k) && !((k === 'params' || k === 'activeParams') && origin.get('architecture')?.origin === 'preset')) replaced.push(`${k} (recomputed)`);
    }
  }
  return { spec: out, origin, replaced };
}

function checkContradictions(spec: EstimateSpec): void {
  if (spec.flops !== undefined && (spec.params !== undefined || spec.architecture !== undefined)) {
    throw new InputError('flops', 'given together with params/architecture', 'give either flops or params and tokens, not both');
  }
  if (spec.region !== undefined && spec.gridGCO2ePerKWh !== undefined) {
    throw new InputError('grid', 'given together with region', 'give either a region or a grid intensity in gCO2e/kWh, not both');
  }
  if (spec.acceleratorHours !== undefined && spec.flops !== undefined && spec.mfu !== undefined) {
    throw new InputError('mfu', 'given together with both flops and hours, which already fix it', 'drop one of flops, hours or mfu');
  }
  if (spec.watts !== undefined && spec.powerFraction !== undefined) {
    throw new InputError('powerFraction', 'given together with watts', 'give either watts or a fraction of TDP, not both');
  }
  if (spec.params !== undefined && spec.architecture !== undefined) {
    throw new InputError('params', 'given together with an architecture, which determines it', 'give either params or an architecture');
  }
  if (spec.energyKWh !== undefined && (spec.watts !== undefined || spec.pue !== undefined)) {
    throw new InputError('energyKWh', 'given together with watts or PUE', 'give either the measured energy or the power and PUE');
  }
}

function validate(spec: EstimateSpec): void {
  const fields = ['params', 'activeParams', 'tokens', 'flops', 'peakFlopsPerSecond', 'acceleratorHours', 'watts', 'energyKWh', 'usdPerHour', 'count',
    'mfu', 'powerFraction', 'hostOverhead', 'pue', 'restartOverhead', 'sweepOverhead'] as const;
  for (const f of fields) if (spec[f] !== undefined) requireNumber(f, spec[f], INPUT_BOUNDS[f]);
  if (spec.count !== undefined && !Number.isInteger(spec.count)) throw new InputError('count', `must be a whole number of accelerators, got ${spec.count}`, 'give an integer such as 1024');
  if (spec.gridGCO2ePerKWh !== undefined) requireNumber('grid', spec.gridGCO2ePerKWh, INPUT_BOUNDS.gridGCO2ePerKWh);
  if (typeof spec.water === 'number') requireNumber('water', spec.water, INPUT_BOUNDS.water);
  if (spec.activeParams !== undefined && spec.params !== undefined && spec.activeParams > spec.params) {
    throw new InputError('activeParams', `${spec.activeParams} exceeds params ${spec.params}`, 'active parameters are at most the total');
  }
}

/** Full estimate with assumptions; see the module comment for the rules. */
export function estimateRun(input: EstimateSpec): Estimate {
  if (input === null || typeof input !== 'object') throw new InputError('spec', 'expected an object', 'pass { params, tokens, … }');
  checkContradictions(input);
  const run = input.preset !== undefined ? getPublishedRun(input.preset) : undefined;
  const { spec, origin, replaced } = mergePreset(input, run);
  validate(spec);
  const A: Assumption[] = [];
  const src = (k: keyof EstimateSpec) => origin.get(k)?.source ?? 'user';
  /** `given` (the caller's or the preset's, with its source), else the dated, sourced constant `key`. */
  const givenOr = (name: keyof EstimateSpec, given: number | undefined, key: string): number => {
    if (given !== undefined) {
      A.push(assumption(name, given, '', src(name)));
      return given;
    }
    A.push(constantAssumption(name, key));
    return constant(key);
  };
  if (run) A.push(assumption('preset', run.id, '', run.citation));
  if (run && replaced.length) A.push(assumption('presetReplaced', replaced.join(', '), '', 'preset values replaced by the fields given, or recomputed from them'));

  // Model size and FLOPs.
  let params: number | null = spec.params ?? null;
  let activeParams: number | null = spec.activeParams ?? null;
  if (spec.architecture) {
    const p = paramsFromArchitecture(spec.architecture);
    params = p.total;
    activeParams = p.active !== p.total || p.mtp > 0 ? p.activatedInTraining : null;
    A.push(assumption('architecture', JSON.stringify(spec.architecture), '', src('architecture')));
    A.push(assumption('params', p.total, 'parameters', 'computed from the architecture (paramsFromArchitecture)'));
    if (activeParams !== null) {
      A.push(assumption('activeParams', activeParams, 'parameters', `computed from the architecture: routed-active and shared experts, attention and output head; the input embedding is a lookup and not counted (the DeepSeek reports' "activated parameters")${p.mtp > 0 ? `; includes the ${p.activatedInTraining - p.activated} parameters the multi-token-prediction modules compute per training token (DeepSeek-V3 §2.2)` : ''}`));
    }
  } else {
    if (params !== null) A.push(assumption('params', params, 'parameters', src('params')));
    if (activeParams !== null) A.push(assumption('activeParams', activeParams, 'parameters', src('activeParams')));
  }
  const tokens = spec.tokens ?? null;
  if (tokens !== null) A.push(assumption('tokens', tokens, 'tokens', src('tokens')));

  let flops: number | null = null;
  let flopsMethod: Estimate['flopsMethod'] = null;
  if (spec.flops !== undefined) {
    flops = spec.flops;
    flopsMethod = 'given';
    A.push(assumption('flops', flops, 'FLOPs', 'user'));
  } else if (tokens !== null && (spec.flopsMethod === 'detailed')) {
    if (!spec.architecture) throw new InputError('flopsMethod', 'detailed FLOPs need an architecture', 'give an architecture or use 6ND');
    flops = detailedTrainingFlops(spec.architecture, tokens, { recompute: spec.recompute }).total;
    flopsMethod = 'detailed';
    A.push(assumption('flopsMethod', `detailed transformer count${spec.recompute ? ' with full recomputation' : ''}`, '', 'Narayanan et al. 2021, eq. 3 (see detailedTrainingFlops)'));
  } else if (tokens !== null && (activeParams ?? params) !== null) {
    flops = trainingFlops((activeParams ?? params)!, tokens);
    flopsMethod = '6ND';
    A.push(assumption('flopsMethod', activeParams !== null ? '6 × active params × tokens' : '6 × params × tokens', '', 'Kaplan et al. 2020 §2.1 (C ≈ 6ND)'));
  } else if ((params !== null || activeParams !== null) !== (tokens !== null) && spec.acceleratorHours === undefined) {
    const missing = tokens === null ? 'tokens' : 'params';
    throw new InputError(missing, 'is needed to compute FLOPs', `give --${missing}, or --flops, or --hours`);
  }

  // Accelerator.
  let acc: AcceleratorRow;
  if (spec.hardware !== undefined) {
    acc = getAccelerator(spec.hardware);
    const note = acceleratorNote(spec.hardware);
    A.push(assumption('hardware', acc.id, '', src('hardware') === 'user' ? (acc.id === spec.hardware ? 'user' : `user ("${spec.hardware}")${note ? `: ${note}` : ''}`) : src('hardware')));
  } else {
    acc = getAccelerator(DEFAULT_ACCELERATOR);
    A.push(assumption('hardware', acc.id, '', 'default accelerator (none given)'));
  }
  let peak: number;
  let precision: Precision | null = null;
  if (spec.peakFlopsPerSecond !== undefined) {
    peak = spec.peakFlopsPerSecond;
    A.push(assumption('peakFlopsPerSecond', peak, 'FLOP/s', 'user'));
  } else {
    const pk = peakFlopsPerSecond(acc, spec.precision);
    peak = pk.flopsPerSecond;
    precision = pk.precision;
    A.push(assumption('peakFlopsPerSecond', peak, 'FLOP/s', `${acc.name} dense ${pk.precision} peak (${acc.source}; ${acc.verification})`));
  }

  // Hours.
  let computeHours: number;
  let mfu: number | null = null;
  if (spec.acceleratorHours !== undefined) {
    computeHours = spec.acceleratorHours;
    A.push(assumption('acceleratorHours', computeHours, 'h', src('acceleratorHours')));
    if (flops !== null) {
      if (origin.get('mfu')?.origin === 'user') {
        throw new InputError('mfu', 'given together with hours and a model size, which already fix it', 'drop --mfu or --hours');
      }
      mfu = impliedMfu(flops, computeHours, peak);
      A.push(assumption('mfu', mfu, '', 'implied by FLOPs ÷ (hours × peak)'));
    } else if (spec.mfu !== undefined) {
      mfu = spec.mfu;
      A.push(assumption('mfu', mfu, '', src('mfu')));
      flops = flopsFromHours(computeHours, peak, mfu);
      flopsMethod = 'from hours';
    }
  } else {
    if (flops === null) {
      throw new InputError('flops', 'nothing to estimate', 'give --params and --tokens, --flops, --hours or --preset');
    }
    mfu = givenOr('mfu', spec.mfu, 'mfu.default');
    computeHours = hoursFor(flops, peak, mfu);
  }

  // Overheads and wall-clock.
  const restart = spec.restartOverhead ?? 0;
  const sweep = spec.sweepOverhead ?? 0;
  if (restart) A.push(assumption('restartOverhead', restart, 'fraction of run', 'user'));
  if (sweep) A.push(assumption('sweepOverhead', sweep, 'fraction of run', 'user'));
  const count = spec.count ?? null;
  if (count !== null) A.push(assumption('count', count, 'accelerators', src('count')));

  // Training memory per accelerator.
  let memory: MemoryEstimate | null = null;
  if (params !== null) {
    const r = runMemory({
      params, architecture: spec.architecture, architectureSource: src('architecture'), accelerator: acc, count,
      peakPrecision: spec.precision ?? precision, recomputeFull: spec.recompute === true, memory: spec.memory,
    });
    memory = r.memory;
    A.push(...r.assumptions);
  } else if (memoryRequested(spec.memory) || spec.recompute) {
    const field = memoryRequested(spec.memory) ? Object.keys(spec.memory!).find((k) => spec.memory![k as keyof MemorySpec] !== undefined)! : 'recompute';
    throw new InputError(field, 'needs the parameter count to size memory', 'give params, an architecture or a preset');
  }

  // Cost.
  let usdPerHour: number | null = null;
  if (spec.usdPerHour !== undefined) {
    usdPerHour = spec.usdPerHour;
    A.push(assumption('usdPerHour', usdPerHour, 'USD/h', src('usdPerHour')));
  } else {
    const p = defaultPrice(acc.id, spec.pricing);
    if (p) {
      usdPerHour = p.usdPerHour;
      A.push(assumption('usdPerHour', usdPerHour, 'USD/h', priceSource(p)));
    } else {
      A.push(assumption('usdPerHour', 'unknown', 'USD/h', `no ${spec.pricing ?? 'on-demand'} price for ${acc.id} in the price table; give --price`));
    }
  }

  // Power and energy.
  let watts: number;
  let hostOverhead: number;
  if (spec.watts !== undefined) {
    watts = spec.watts;
    A.push(assumption('watts', watts, 'W', src('watts')));
    hostOverhead = spec.hostOverhead ?? 1;
    A.push(assumption('hostOverhead', hostOverhead, '', spec.hostOverhead !== undefined ? src('hostOverhead') : 'none added: the given watts are taken as the whole per-accelerator draw'));
  } else {
    if (acc.tdpW !== null) {
      A.push(assumption('tdpW', acc.tdpW, 'W', `${acc.name} TDP (${acc.source})`));
      watts = acc.tdpW * givenOr('powerFraction', spec.powerFraction, 'power.fractionOfTdp');
    } else if (acc.measuredMeanW !== null) {
      watts = acc.measuredMeanW;
      A.push(assumption('watts', watts, 'W', `${acc.name} measured mean chip power (${acc.source}); no TDP published`));
    } else {
      throw new InputError('watts', `${acc.id} has no published TDP or measured power`, 'give --watts (average power per accelerator)');
    }
    hostOverhead = givenOr('hostOverhead', spec.hostOverhead, 'power.hostOverhead');
  }

  let region: GridRegion | null = null;
  if (spec.region !== undefined) {
    region = getRegion(spec.region);
    A.push(assumption('region', region.id, '', spec.region === region.id ? 'user' : `user ("${spec.region}")`));
  }
  // The cloud provider's fleet PUE for a cloud region, else the industry average.
  const pue = givenOr('pue', spec.pue, region?.pueKey || 'pue.industry-average');

  if (spec.energyKWh !== undefined) A.push(assumption('energyKWh', spec.energyKWh, 'kWh', src('energyKWh')));

  // Carbon.
  let grid: number;
  if (spec.gridGCO2ePerKWh !== undefined) {
    grid = spec.gridGCO2ePerKWh;
    A.push(assumption('gridGCO2ePerKWh', grid, 'gCO2e/kWh', src('gridGCO2ePerKWh')));
  } else if (region) {
    grid = region.gCO2ePerKWh;
    A.push(assumption('gridGCO2ePerKWh', grid, 'gCO2e/kWh', `${region.name}, ${region.year}, ${region.basis} (${region.source})`));
  } else {
    region = getRegion('world');
    grid = region.gCO2ePerKWh;
    A.push(assumption('gridGCO2ePerKWh', grid, 'gCO2e/kWh', `world average (no region given): ${region.source}`));
  }
  // The calculation: the same formula the Monte Carlo evaluates per sample.
  const { totalHours, wallClockHours, costUsd, itEnergyKWh, energyKWh, co2eKg } = runOutputs({
    computeHours, restartOverhead: restart, sweepOverhead: sweep, count, usdPerHour, watts, hostOverhead, pue, gridGCO2ePerKWh: grid, measuredEnergyKWh: spec.energyKWh,
  });

  let embodied: EmbodiedEstimate | null = null;
  if (spec.embodied) {
    const e = embodiedForRun(totalHours, acc.id);
    embodied = e.embodied;
    A.push(...e.assumptions);
  }
  let water: number | null = null;
  if (spec.water !== undefined && spec.water !== false) {
    const wue = typeof spec.water === 'number' ? spec.water : constant('water.wue.onsite.us');
    water = waterLitres(itEnergyKWh, wue);
    A.push(typeof spec.water === 'number' ? assumption('wueLPerKWh', wue, 'L/kWh', 'user') : constantAssumption('wueLPerKWh', 'water.wue.onsite.us'));
  }

  const household = spec.household ?? 'us';
  const hhKey = `household.${household}.kwhPerYear`;
  A.push(constantAssumption('householdKWhPerYear', hhKey));

  // Each input is finite, but extreme ones together (params and tokens of 1e200, an MFU of 1e-300)
  // overflow: refuse them rather than return Infinity, naming the most extreme input the caller gave
  // (not an output such as flops, which the caller may not have given).
  for (const [output, value] of [['flops', flops], ['acceleratorHours', totalHours], ['costUsd', costUsd], ['energyKWh', energyKWh], ['co2eKg', co2eKg]] as const) {
    if (value !== null && !Number.isFinite(value)) {
      const given = (['params', 'activeParams', 'tokens', 'flops', 'acceleratorHours', 'mfu', 'peakFlopsPerSecond', 'usdPerHour', 'watts', 'energyKWh'] as const)
        .filter((k) => typeof input[k] === 'number' && (input[k] as number) > 0)
        .sort((a, b) => Math.abs(Math.log10(input[b] as number)) - Math.abs(Math.log10(input[a] as number)));
      const culprit = given[0] ?? output;
      throw new InputError(culprit, `${given[0] ? `${input[culprit as keyof EstimateSpec]} makes ` : ''}${output} come out as ${value}: the inputs are beyond any real training run`, `check the magnitudes of ${given.length ? given.join(', ') : 'params, tokens, flops, MFU and hours'}`);
    }
  }

  return {
    preset: run ? { id: run.id, name: run.name, citation: run.citation, reported: run.reported, notes: run.notes, replaced } : undefined,
    params, activeParams, tokens, flops, flopsMethod,
    accelerator: { id: acc.id, name: acc.name }, precision, peakFlopsPerSecond: peak, mfu, count,
    computeAcceleratorHours: computeHours, acceleratorHours: totalHours, wallClockHours,
    usdPerHour, costUsd,
    watts, hostOverhead, pue, itEnergyKWh, energyKWh,
    gridGCO2ePerKWh: grid, region: region ? { id: region.id, name: region.name, kind: region.kind } : null,
    co2eKg, embodiedCo2eKg: embodied ? embodied.totalKg : null, embodied, waterLitres: water,
    householdYears: householdYears(energyKWh, constant(hhKey)),
    equivalents: co2eEquivalents(co2eKg),
    memory,
    assumptions: A,
  };
}
