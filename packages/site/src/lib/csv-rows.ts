/**
 * CSV rows for an estimate: raw numbers (never formatted text such as "$2.8M")
 * with a unit column, inputs and outputs told apart by the `kind` column.
 */
import type { Estimate } from '@scaling-lab/core';

// A type alias, not an interface: only aliases are assignable to the exporter's Record<string, unknown> rows.
export type CsvRow = {
  kind: 'input' | 'output';
  name: string;
  value: number | string;
  unit: string;
};

const OUTPUTS: [keyof Estimate, string][] = [
  ['params', 'parameters'],
  ['activeParams', 'parameters'],
  ['tokens', 'tokens'],
  ['flops', 'FLOPs'],
  ['peakFlopsPerSecond', 'FLOP/s'],
  ['mfu', 'fraction'],
  ['count', 'accelerators'],
  ['computeAcceleratorHours', 'accelerator-hours'],
  ['acceleratorHours', 'accelerator-hours'],
  ['wallClockHours', 'hours'],
  ['usdPerHour', 'USD per accelerator-hour'],
  ['costUsd', 'USD'],
  ['watts', 'W'],
  ['hostOverhead', 'ratio'],
  ['pue', 'ratio'],
  ['itEnergyKWh', 'kWh'],
  ['energyKWh', 'kWh'],
  ['gridGCO2ePerKWh', 'gCO2e/kWh'],
  ['co2eKg', 'kgCO2e'],
  ['embodiedCo2eKg', 'kgCO2e'],
  ['waterLitres', 'L'],
  ['householdYears', 'household-years'],
];

/** The form's inputs as typed (blank ones left out: core's defaults appear among the outputs) and the estimate's numbers. */
export function estimateCsvRows(values: Record<string, string>, e: Estimate): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const [name, v] of Object.entries(values)) if (v.trim() !== '') rows.push({ kind: 'input', name, value: v, unit: 'as typed' });
  rows.push({ kind: 'output', name: 'accelerator', value: e.accelerator.id, unit: '' });
  for (const [key, unit] of OUTPUTS) {
    const v = e[key];
    if (typeof v === 'number' && Number.isFinite(v)) rows.push({ kind: 'output', name: key, value: v, unit });
  }
  // Everyday equivalents of the operational CO2e (Green Algorithms reference values), unit = what is counted.
  for (const [name, q] of Object.entries(e.equivalents)) rows.push({ kind: 'output', name: `equivalent.${name}`, value: q.value, unit: q.unit });
  if (e.memory) {
    rows.push({ kind: 'output', name: 'memoryPerAcceleratorBytes', value: e.memory.totalBytes, unit: 'bytes' });
    rows.push({ kind: 'output', name: 'acceleratorMemoryBytes', value: e.memory.acceleratorBytes, unit: 'bytes' });
    rows.push({ kind: 'output', name: 'memoryFits', value: e.memory.fits ? 1 : 0, unit: '1 = fits' });
  }
  return rows;
}
