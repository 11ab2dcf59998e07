/**
 * The resolve step of `estimateRun`: from what the caller gave to every input
 * the calculation needs, each with its origin as data (`user`, `preset`,
 * `default`, `derived`; see estimateTypes.ts) and its source. No arithmetic on
 * the run happens here beyond the input rules themselves:
 *
 * - A preset fills every field its paper states; the caller's fields win, and
 *   fields that contradict the paper's figures (a new accelerator, a new model)
 *   drop the figures they invalidate (listed in `replaced`).
 * - Contradictory fields and out-of-bounds values (bounds.ts) are refused.
 * - Params and active params come from `architecture` when given.
 * - FLOPs rule: given, else 6·N·D, else the detailed count when asked for.
 * - MFU: the caller's, else 0.40 (constants); implied by FLOPs and hours when both are known.
 * - Power: `watts` (then no host overhead unless given), else TDP × the power
 *   fraction (0.70) and host overhead 1.10; TPUs without a TDP use Google's
 *   measured mean power.
 * - PUE: `pue`, else the cloud provider's fleet PUE for a cloud region, else the
 *   industry average. Grid: `gridGCO2ePerKWh`, else the region's yearly
 *   average, else the world average.
 */
import { InputError, requireNumber } from '../errors.js';
import { INPUT_BOUNDS } from './bounds.js';
import { constantRow, constantSource } from '../data/constants.js';
import { acceleratorNote, getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { defaultPrice, priceSource } from '../data/prices.js';
import { getRegion, type GridRegion } from '../data/regions.js';
import { getPublishedRun, type PublishedRun } from '../data/publishedRuns.js';
import type { Precision } from '../data/types.js';
import { paramsFromArchitecture } from './params.js';
import { averageWatts } from './energy.js';
import { DEFAULT_ACCELERATOR, type EstimateSpec, type FlopsRule, type InputOrigin, type ResolvedEstimate, type ResolvedInput } from './estimateTypes.js';

type PresetOrigin = { origin: 'user' | 'preset'; source: string };

/** Merges preset fields under the caller's, remembering where each came from. */
function mergePreset(spec: EstimateSpec, run: PublishedRun | undefined) {
  const origin = new Map<string, PresetOrigin>();
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

const input = <T>(value: T, origin: InputOrigin, unit: string, source: string): ResolvedInput<T> => ({ value, origin, unit, source });

/** The dated, sourced constant `key` as a default input. */
const fromConstant = (key: string): ResolvedInput => {
  const row = constantRow(key);
  return input(row.value, 'default', row.unit, constantSource(row));
};

/**
 * Resolves a spec (see the module comment for the rules).
 * @throws InputError naming the field for contradictory, out-of-bounds or missing input.
 */
export function resolveEstimate(given: EstimateSpec): ResolvedEstimate {
  if (given === null || typeof given !== 'object') throw new InputError('spec', 'expected an object', 'pass { params, tokens, … }');
  checkContradictions(given);
  const preset = given.preset !== undefined ? getPublishedRun(given.preset) : undefined;
  const { spec, origin, replaced } = mergePreset(given, preset);
  validate(spec);
  const src = (k: keyof EstimateSpec) => origin.get(k)?.source ?? 'user';
  /** A field the caller or the preset gave. */
  const stated = <T>(k: keyof EstimateSpec, value: T, unit: string): ResolvedInput<T> => input(value, origin.get(k)?.origin ?? 'user', unit, src(k));
  /** The caller's or the preset's value (listed without a unit), else constant `key`. */
  const statedOr = (k: keyof EstimateSpec, value: number | undefined, key: string): ResolvedInput => (value !== undefined ? stated(k, value, '') : fromConstant(key));

  // Model size and the FLOPs rule.
  let architecture: ResolvedEstimate['architecture'] = null;
  let params: ResolvedInput | null = spec.params !== undefined ? stated('params', spec.params, 'parameters') : null;
  let activeParams: ResolvedInput | null = spec.activeParams !== undefined ? stated('activeParams', spec.activeParams, 'parameters') : null;
  if (spec.architecture) {
    const p = paramsFromArchitecture(spec.architecture);
    architecture = stated('architecture', spec.architecture, '');
    params = input(p.total, 'derived', 'parameters', 'computed from the architecture (paramsFromArchitecture)');
    // With MTP modules, every training token also passes through them (DeepSeek-V3 §2.2): activatedInTraining.
    activeParams = p.active !== p.total || p.mtp > 0
      ? input(p.activatedInTraining, 'derived', 'parameters', `computed from the architecture: routed-active and shared experts, attention and output head; the input embedding is a lookup and not counted (the DeepSeek reports' "activated parameters")${p.mtp > 0 ? `; includes the ${p.activatedInTraining - p.activated} parameters the multi-token-prediction modules compute per training token (DeepSeek-V3 §2.2)` : ''}`)
      : null;
  }
  const tokens = spec.tokens !== undefined ? stated('tokens', spec.tokens, 'tokens') : null;
  let flopsRule: FlopsRule = null;
  if (spec.flops !== undefined) flopsRule = 'given';
  else if (tokens !== null && spec.flopsMethod === 'detailed') {
    if (!spec.architecture) throw new InputError('flopsMethod', 'detailed FLOPs need an architecture', 'give an architecture or use 6ND');
    flopsRule = 'detailed';
  } else if (tokens !== null && (activeParams ?? params) !== null) flopsRule = '6ND';
  else if ((params !== null || activeParams !== null) !== (tokens !== null) && spec.acceleratorHours === undefined) {
    const missing = tokens === null ? 'tokens' : 'params';
    throw new InputError(missing, 'is needed to compute FLOPs', `give --${missing}, or --flops, or --hours`);
  }
  const flops = spec.flops !== undefined ? input(spec.flops, 'user', 'FLOPs', 'user') : null;

  // Accelerator and its peak.
  const accelerator = getAccelerator(spec.hardware ?? DEFAULT_ACCELERATOR);
  let hardware: ResolvedInput<string>;
  if (spec.hardware !== undefined) {
    const note = acceleratorNote(spec.hardware);
    const source = src('hardware') === 'user' ? (accelerator.id === spec.hardware ? 'user' : `user ("${spec.hardware}")${note ? `: ${note}` : ''}`) : src('hardware');
    hardware = input(accelerator.id, origin.get('hardware')?.origin ?? 'user', '', source);
  } else {
    hardware = input(accelerator.id, 'default', '', 'default accelerator (none given)');
  }
  let peak: ResolvedInput;
  let precision: Precision | null = null;
  if (spec.peakFlopsPerSecond !== undefined) {
    peak = input(spec.peakFlopsPerSecond, 'user', 'FLOP/s', 'user');
  } else {
    const pk = peakFlopsPerSecond(accelerator, spec.precision);
    precision = pk.precision;
    peak = input(pk.flopsPerSecond, 'default', 'FLOP/s', `${accelerator.name} dense ${pk.precision} peak (${accelerator.source}; ${accelerator.verification})`);
  }

  // Hours and MFU.
  let acceleratorHours: ResolvedInput | null = null;
  let mfu: ResolvedInput | null = null;
  if (spec.acceleratorHours !== undefined) {
    acceleratorHours = stated('acceleratorHours', spec.acceleratorHours, 'h');
    if (flopsRule !== null) {
      if (origin.get('mfu')?.origin === 'user') {
        throw new InputError('mfu', 'given together with hours and a model size, which already fix it', 'drop --mfu or --hours');
      }
    } else if (spec.mfu !== undefined) mfu = stated('mfu', spec.mfu, '');
  } else {
    if (flopsRule === null) throw new InputError('flops', 'nothing to estimate', 'give --params and --tokens, --flops, --hours or --preset');
    mfu = statedOr('mfu', spec.mfu, 'mfu.default');
  }

  // Overheads (listed only when non-zero) and the count.
  const restartOverhead = spec.restartOverhead ? input(spec.restartOverhead, 'user', 'fraction of run', 'user') : null;
  const sweepOverhead = spec.sweepOverhead ? input(spec.sweepOverhead, 'user', 'fraction of run', 'user') : null;
  const count = spec.count !== undefined ? stated('count', spec.count, 'accelerators') : null;

  // Price.
  let usdPerHour: ResolvedInput | null = null;
  if (spec.usdPerHour !== undefined) usdPerHour = stated('usdPerHour', spec.usdPerHour, 'USD/h');
  else {
    const p = defaultPrice(accelerator.id, spec.pricing);
    if (p) usdPerHour = input(p.usdPerHour, 'default', 'USD/h', priceSource(p));
  }

  // Power.
  let tdpW: ResolvedInput | null = null;
  let powerFraction: ResolvedInput | null = null;
  let watts: ResolvedInput;
  let hostOverhead: ResolvedInput;
  if (spec.watts !== undefined) {
    watts = stated('watts', spec.watts, 'W');
    hostOverhead = spec.hostOverhead !== undefined
      ? stated('hostOverhead', spec.hostOverhead, '')
      : input(1, 'derived', '', 'none added: the given watts are taken as the whole per-accelerator draw');
  } else {
    if (accelerator.tdpW !== null) {
      tdpW = input(accelerator.tdpW, 'default', 'W', `${accelerator.name} TDP (${accelerator.source})`);
      powerFraction = statedOr('powerFraction', spec.powerFraction, 'power.fractionOfTdp');
      watts = input(averageWatts(tdpW.value, powerFraction.value), 'derived', 'W', 'TDP × power fraction (averageWatts)');
    } else if (accelerator.measuredMeanW !== null) {
      watts = input(accelerator.measuredMeanW, 'default', 'W', `${accelerator.name} measured mean chip power (${accelerator.source}); no TDP published`);
    } else {
      throw new InputError('watts', `${accelerator.id} has no published TDP or measured power`, 'give --watts (average power per accelerator)');
    }
    hostOverhead = statedOr('hostOverhead', spec.hostOverhead, 'power.hostOverhead');
  }

  // Region, PUE, measured energy, grid.
  let region: GridRegion | null = null;
  let regionInput: ResolvedInput<string> | null = null;
  if (spec.region !== undefined) {
    region = getRegion(spec.region);
    regionInput = input(region.id, 'user', '', spec.region === region.id ? 'user' : `user ("${spec.region}")`);
  }
  // The cloud provider's fleet PUE for a cloud region, else the industry average.
  const pue = statedOr('pue', spec.pue, region?.pueKey || 'pue.industry-average');
  const energyKWh = spec.energyKWh !== undefined ? stated('energyKWh', spec.energyKWh, 'kWh') : null;
  let gridGCO2ePerKWh: ResolvedInput;
  if (spec.gridGCO2ePerKWh !== undefined) gridGCO2ePerKWh = stated('gridGCO2ePerKWh', spec.gridGCO2ePerKWh, 'gCO2e/kWh');
  else if (region) gridGCO2ePerKWh = input(region.gCO2ePerKWh, 'default', 'gCO2e/kWh', `${region.name}, ${region.year}, ${region.basis} (${region.source})`);
  else {
    region = getRegion('world');
    gridGCO2ePerKWh = input(region.gCO2ePerKWh, 'default', 'gCO2e/kWh', `world average (no region given): ${region.source}`);
  }

  return {
    input: given, spec, preset, replaced,
    architecture, params, activeParams, tokens, flopsRule, flops,
    accelerator, hardware, peakFlopsPerSecond: peak, precision,
    acceleratorHours, mfu, restartOverhead, sweepOverhead, count,
    usdPerHour, pricing: spec.pricing,
    tdpW, powerFraction, watts, hostOverhead,
    region, regionInput, pue, energyKWh, gridGCO2ePerKWh,
  };
}
