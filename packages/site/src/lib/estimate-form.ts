/**
 * Form values ⇄ core's `estimateRun` spec, shared by the cost and energy pages
 * (in the browser and at build time, where the default view is rendered so it
 * reads without JavaScript). Blank optional fields are left out so core applies
 * its documented, sourced defaults (listed in the estimate's assumptions).
 */
import {
  estimateRun,
  formatBytes,
  formatCO2eKg,
  formatCount,
  formatDuration,
  formatEnergyKWh,
  formatEquivalents,
  formatFlops,
  formatUsd,
  InputError,
  INPUT_BOUNDS,
  sig,
  type Architecture,
  type Assumption,
  type Estimate,
  type EstimateSpec,
  type MemoryEstimate,
  type MemorySpec,
} from '@scaling-lab/core';
import { numberField, numberInBounds } from './parse';
import { gridLabel } from './grid-label';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Optional number: undefined when blank. */
function opt(field: string, raw: string | undefined, o: Parameters<typeof numberField>[2] = {}): number | undefined {
  return blank(raw) ? undefined : numberField(field, raw, o);
}

/** The full estimateRun spec for a page's form: run fields plus memory fields. */
export function fullSpecFromValues(v: Record<string, string>): EstimateSpec {
  const spec = specFromValues(v);
  const memory = memorySpecFromValues(v);
  if (memory) spec.memory = memory;
  return spec;
}

const ARCH_FIELDS = ['layers', 'dModel', 'heads', 'kvHeads', 'ffnDim', 'vocab', 'context'] as const;

/** An architecture when any of its fields is filled in (core's normalizeArchitecture checks it and names bad fields). */
export function architectureFromValues(v: Record<string, string>): Architecture | undefined {
  if (!ARCH_FIELDS.some((k) => !blank(v[k]))) return undefined;
  const a: Record<string, unknown> = {};
  for (const k of ARCH_FIELDS) {
    if (!blank(v[k])) a[k] = numberField(k, v[k], { positive: true });
  }
  for (const k of ['layers', 'dModel', 'heads', 'vocab'] as const) {
    if (a[k] === undefined) throw new InputError(k, 'is needed for an architecture', `give ${k}, or clear the architecture fields and enter the parameter count`);
  }
  if (v.ffnType === 'gelu' || v.ffnType === 'swiglu') a.ffnType = v.ffnType;
  if (v.tiedEmbeddings === '1') a.tiedEmbeddings = true;
  return a as unknown as Architecture;
}

/** The estimateRun spec for the shared model/hardware/energy fields present in `v`. */
export function specFromValues(v: Record<string, string>): EstimateSpec {
  const spec: EstimateSpec = {};
  if (!blank(v.preset)) spec.preset = v.preset;
  // At least one parameter and one token: smaller values are typos (1e-300), and would draw no chart.
  const params = opt('params', v.params, { min: 1 });
  const tokens = opt('tokens', v.tokens, { min: 1 });
  if (params !== undefined) spec.params = params;
  if (tokens !== undefined) spec.tokens = tokens;
  const architecture = architectureFromValues(v);
  if (architecture) spec.architecture = architecture;
  if (!spec.preset && params === undefined && !architecture) throw new InputError('params', 'is empty', 'enter the parameter count, e.g. 70B, an architecture, or choose a preset');
  if (!spec.preset && tokens === undefined) throw new InputError('tokens', 'is empty', 'enter the training tokens, e.g. 1.4T, or choose a preset');
  if (!blank(v.hardware)) spec.hardware = v.hardware;
  // Form name → EstimateSpec field; limits from core's one bounds table.
  const fields: [keyof EstimateSpec, string][] = [
    ['count', 'count'], ['mfu', 'mfu'], ['usdPerHour', 'usdPerHour'], ['watts', 'watts'], ['powerFraction', 'powerFraction'],
    ['hostOverhead', 'hostOverhead'], ['pue', 'pue'], ['gridGCO2ePerKWh', 'grid'],
  ];
  for (const [key, name] of fields) {
    if (!(name in v) || blank(v[name])) continue;
    (spec as Record<string, unknown>)[key] = numberInBounds(name, v[name], INPUT_BOUNDS[key]);
  }
  if (!blank(v.region)) spec.region = v.region;
  if (v.household === 'us' || v.household === 'eu') spec.household = v.household;
  return spec;
}

export interface CostView {
  /** The spec estimated (the form's fields and any extension). */
  spec: EstimateSpec;
  estimate: Estimate;
  outputs: Record<string, string>;
}

/** Memory inputs (blank → core's defaults, listed in the assumptions). */
function memorySpecFromValues(v: Record<string, string>): MemorySpec | undefined {
  const m: MemorySpec = {};
  if (v.precision === 'mixed' || v.precision === 'bf16' || v.precision === 'fp32') m.precision = v.precision;
  if (v.optimizer === 'adamw' || v.optimizer === 'adam' || v.optimizer === 'sgd' || v.optimizer === 'sgd-momentum') m.optimizer = v.optimizer;
  if (!blank(v.zeroStage)) m.zeroStage = numberField('zeroStage', v.zeroStage, { min: 0, max: 3, integer: true }) as 0 | 1 | 2 | 3;
  const tp = opt('tensorParallel', v.tensorParallel, { min: 1, integer: true });
  if (tp !== undefined) m.tensorParallel = tp;
  const mb = opt('microBatch', v.microBatch, { min: 1, integer: true });
  if (mb !== undefined) m.microBatch = mb;
  const rank = opt('loraRank', v.loraRank, { min: 1, integer: true });
  if (rank !== undefined) m.loraRank = rank;
  return Object.keys(m).length ? m : undefined;
}

function memoryOutputs(m: MemoryEstimate | null): Record<string, string> {
  if (!m) return { memory: '—', memoryFits: '—', memoryNote: '' };
  const parts = [`weights ${formatBytes(m.weightsBytes)}`, `gradients ${formatBytes(m.gradientsBytes)}`, `optimizer ${formatBytes(m.optimizerBytes)}`,
    m.activationsBytes === null ? 'activations not included (need an architecture)' : `activations ${formatBytes(m.activationsBytes)}`];
  let fits = 'fits';
  if (!m.fits) {
    const how = [m.toFit?.zeroStage ? `ZeRO stage ${m.toFit.zeroStage}` : '', m.toFit?.tensorParallel ? `tensor parallelism ${m.toFit.tensorParallel}` : ''].filter(Boolean);
    fits = `does not fit${how.length ? `: try ${how.join(' or ')}` : ': add accelerators or shard further'}`;
  }
  return {
    memory: `${formatBytes(m.totalBytes)} of ${formatBytes(m.acceleratorBytes)}`,
    memoryFits: fits,
    memoryNote: `${parts.join(', ')}; ${m.precision} precision, ${m.optimizer}, ZeRO ${m.zeroStage}, data-parallel ${m.dataParallel.toLocaleString('en-US')}, tensor-parallel ${m.tensorParallel}.`,
  };
}

/** `extend` adds fields the shared form lacks (the cost page's planning fields, lib/planner-form.ts). */
export function costView(v: Record<string, string>, extend?: (spec: EstimateSpec) => void): CostView {
  const spec = fullSpecFromValues(v);
  extend?.(spec);
  const estimate = estimateRun(spec);
  const e = estimate;
  const outputs: Record<string, string> = {
    flops: e.flops === null ? '—' : formatFlops(e.flops),
    acceleratorHours: `${formatCount(e.acceleratorHours)} accelerator-hours`,
    wallClock: e.wallClockHours === null ? 'give a count' : formatDuration(e.wallClockHours),
    wallClockDays: e.wallClockHours === null ? '—' : `${sig(e.wallClockHours / 24, 3)} days`,
    cost: e.costUsd === null ? 'no price known: enter one' : formatUsd(e.costUsd),
    usdPerHour: e.usdPerHour === null ? '—' : `${formatUsd(e.usdPerHour)} per accelerator-hour`,
    mfu: e.mfu === null ? '—' : `${sig(e.mfu * 100, 3)} %`,
    peak: `${sig(e.peakFlopsPerSecond / 1e12, 4)} TFLOP/s${e.precision ? ` (${e.precision})` : ''}`,
    accelerator: `${e.accelerator.name}${e.count !== null ? ` × ${e.count.toLocaleString('en-US')}` : ''}`,
    params: e.params === null ? '—' : `${formatCount(e.params)} parameters`,
    tokens: e.tokens === null ? '—' : `${formatCount(e.tokens)} tokens`,
    ...memoryOutputs(e.memory),
    energy: formatEnergyKWh(e.energyKWh),
    itEnergy: formatEnergyKWh(e.itEnergyKWh),
    co2e: formatCO2eKg(e.co2eKg),
    households: `${sig(e.householdYears, 3)} household-years`,
    carKm: formatEquivalents(e.equivalents, ['carKmUs', 'carKmEu']),
    flights: formatEquivalents(e.equivalents, ['flightsNySf', 'flightKmEconomy']),
    treeYears: formatEquivalents(e.equivalents, ['treeYears']),
    watts: `${sig(e.watts, 4)} W per accelerator`,
    pue: sig(e.pue, 3),
    grid: `${sig(e.gridGCO2ePerKWh, 3)} gCO2e/kWh`,
    region: gridLabel(e),
  };
  return { spec, estimate, outputs };
}

/** Assumption rows as shown in the table and exported. */
export function assumptionRows(a: Assumption[]): { name: string; value: string; unit: string; source: string }[] {
  return a.map((x) => ({ name: x.name, value: typeof x.value === 'number' ? assumptionNumber(x.value) : readableValue(x.value), unit: x.unit, source: x.source }));
}

/**
 * 4 significant figures; from 1e15 (as the CLI's assumption lines) in e-notation: "2,700,000,000,000,000,000 FLOPs"
 * is one word wider than a narrow table's value column, and is read more easily as 2.7e18.
 */
function assumptionNumber(v: number): string {
  if (Math.abs(v) < 1e15) return sig(v, 4);
  return Number(v.toPrecision(4)).toExponential().replace('e+', 'e');
}

/**
 * An object-valued assumption (a preset's architecture, stored as compact JSON) as "layers 80, dModel 8192, …":
 * the compact form is one 100-character word that no table cell can wrap, so it squeezed the source column to nothing.
 */
function readableValue(v: string): string {
  if (!v.startsWith('{')) return v;
  try {
    const o = JSON.parse(v) as Record<string, unknown>;
    return Object.entries(o).map(([k, x]) => `${k} ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`).join(', ');
  } catch {
    return v.replace(/,(?=\S)/g, ', ');
  }
}
