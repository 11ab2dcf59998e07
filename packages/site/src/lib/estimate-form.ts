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
  formatFlops,
  formatUsd,
  getAccelerator,
  InputError,
  sig,
  trainingMemory,
  type Assumption,
  type Estimate,
  type EstimateSpec,
  type TrainingPrecision,
  type OptimizerKind,
} from '@scaling-lab/core';
import { numberField } from './parse';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Optional number: undefined when blank. */
function opt(field: string, raw: string | undefined, o: Parameters<typeof numberField>[2] = {}): number | undefined {
  return blank(raw) ? undefined : numberField(field, raw, o);
}

/** The estimateRun spec for the shared model/hardware/energy fields present in `v`. */
export function specFromValues(v: Record<string, string>): EstimateSpec {
  const spec: EstimateSpec = {};
  if (!blank(v.preset)) spec.preset = v.preset;
  const params = opt('params', v.params, { positive: true });
  const tokens = opt('tokens', v.tokens, { positive: true });
  if (params !== undefined) spec.params = params;
  if (tokens !== undefined) spec.tokens = tokens;
  if (!spec.preset && params === undefined) throw new InputError('params', 'is empty', 'enter the parameter count, e.g. 70B, or choose a preset');
  if (!spec.preset && tokens === undefined) throw new InputError('tokens', 'is empty', 'enter the training tokens, e.g. 1.4T, or choose a preset');
  if (!blank(v.hardware)) spec.hardware = v.hardware;
  const fields: [keyof EstimateSpec, string, Parameters<typeof numberField>[2]][] = [
    ['count', 'count', { min: 1, integer: true }],
    ['mfu', 'mfu', { positive: true, max: 1 }],
    ['usdPerHour', 'usdPerHour', { positive: true }],
    ['watts', 'watts', { positive: true }],
    ['powerFraction', 'powerFraction', { positive: true, max: 1.5 }],
    ['hostOverhead', 'hostOverhead', { min: 1, max: 3 }],
    ['pue', 'pue', { min: 1, max: 3 }],
    ['gridGCO2ePerKWh', 'grid', { min: 0, max: 2000 }],
  ];
  for (const [key, name, o] of fields) {
    if (!(name in v)) continue;
    const x = opt(name, v[name], o);
    if (x !== undefined) (spec as Record<string, unknown>)[key] = x;
  }
  if (!blank(v.region)) spec.region = v.region;
  if (v.household === 'us' || v.household === 'eu') spec.household = v.household;
  return spec;
}

export interface CostView {
  estimate: Estimate;
  memory: { totalBytes: number; perAcceleratorGB: number; fits: boolean; note: string } | null;
  outputs: Record<string, string>;
}

/** Memory per accelerator for the run's parameters: model states under ZeRO over `count` accelerators (core's trainingMemory). */
function memoryFor(est: Estimate, v: Record<string, string>) {
  if (est.params === null) return null;
  const precision = (v.precision || 'mixed') as TrainingPrecision;
  const optimizer = (v.optimizer || 'adamw') as OptimizerKind;
  const zero = Number(v.zeroStage || 3) as 0 | 1 | 2 | 3;
  const tensorParallel = numberField('tensorParallel', v.tensorParallel || '1', { min: 1, integer: true });
  const count = est.count ?? 1;
  const dataParallel = Math.max(1, Math.floor(count / tensorParallel));
  const m = trainingMemory({ params: est.params, precision, optimizer, zeroStage: zero, dataParallel, tensorParallel });
  const acc = getAccelerator(est.accelerator.id);
  return {
    totalBytes: m.totalBytes,
    perAcceleratorGB: acc.memoryGB,
    fits: m.totalBytes <= acc.memoryGB * 1e9,
    note: `weights ${formatBytes(m.weightsBytes)}, gradients ${formatBytes(m.gradientsBytes)}, optimizer ${formatBytes(m.optimizerBytes)}; activations not included`,
  };
}

export function costView(v: Record<string, string>): CostView {
  const estimate = estimateRun(specFromValues(v));
  const memory = memoryFor(estimate, v);
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
    accelerator: `${e.accelerator.name}${e.count !== null ? ` × ${formatCount(e.count)}` : ''}`,
    params: e.params === null ? '—' : `${formatCount(e.params)} parameters`,
    tokens: e.tokens === null ? '—' : `${formatCount(e.tokens)} tokens`,
    memory: memory ? `${formatBytes(memory.totalBytes)} of ${formatBytes(memory.perAcceleratorGB * 1e9)}` : '—',
    memoryFits: memory ? (memory.fits ? 'fits' : 'does not fit: add accelerators, a higher ZeRO stage or tensor parallelism') : '—',
    memoryNote: memory?.note ?? '',
    energy: formatEnergyKWh(e.energyKWh),
    itEnergy: formatEnergyKWh(e.itEnergyKWh),
    co2e: formatCO2eKg(e.co2eKg),
    households: `${sig(e.householdYears, 3)} household-years`,
    watts: `${sig(e.watts, 4)} W per accelerator`,
    pue: sig(e.pue, 3),
    grid: `${sig(e.gridGCO2ePerKWh, 3)} gCO2e/kWh`,
    region: e.region ? e.region.name : 'world average',
  };
  return { estimate, memory, outputs };
}

/** Assumption rows as shown in the table and exported. */
export function assumptionRows(a: Assumption[]): { name: string; value: string; unit: string; source: string }[] {
  return a.map((x) => ({ name: x.name, value: typeof x.value === 'number' ? sig(x.value, 4) : x.value, unit: x.unit, source: x.source }));
}
