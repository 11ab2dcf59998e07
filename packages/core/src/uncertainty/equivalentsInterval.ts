/**
 * Everyday equivalents (car-km, flights, tree-years, household-years) of an
 * estimate with ranges, each with the median and interval of the Monte Carlo.
 * Every equivalent is a positive constant times the CO2e (or, for households,
 * the energy), and a quantile of an increasing function is that function of
 * the quantile, so the equivalents' median and interval are exactly the
 * CO2e's (energy's) median and interval divided by the factor: no second
 * simulation is needed.
 */
import { co2eEquivalents, type Co2eEquivalents } from '../estimate/equivalents.js';
import { formatCount } from '../format.js';
import type { UncertainRunResult } from './runUncertainty.js';

export interface EquivalentInterval {
  /** What is counted, e.g. `km by US car`. */
  unit: string;
  median: number;
  low: number;
  high: number;
  /** The factor: grams of CO2(e) per unit, or kWh per household-year. */
  factor: number;
  factorUnit: 'g per unit' | 'kWh per household-year';
  /** The factor's source and date. */
  source: string;
}

export type EquivalentName = keyof Co2eEquivalents | 'householdYears';

/**
 * Turns the CO2e (and energy) interval of an uncertain run estimate into everyday equivalents,
 * each the median and interval divided by a sourced factor: km by car, km flown, flights, tree-years
 * (Green Algorithms reference values, Lannelongue et al. 2021) and household-years (EIA 2020).
 *
 * @param r - a result of {@link estimateRunUncertain}
 * @returns per equivalent its unit, median, low, high, factor and source; {} without a CO2e output
 * @example
 * ```ts
 * import { equivalentsInterval, estimateRunUncertain } from '@scaling-lab/core';
 * const r = estimateRunUncertain({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-a100-sxm4-80gb', count: 1024, samples: 1000, seed: 1 });
 * equivalentsInterval(r).householdYears?.median; // → 69.2
 * equivalentsInterval(r).treeYears?.factor; // → 11000
 * ```
 */
export function equivalentsInterval(r: UncertainRunResult): Partial<Record<EquivalentName, EquivalentInterval>> {
  const out: Partial<Record<EquivalentName, EquivalentInterval>> = {};
  const co2 = r.monteCarlo.outputs.co2eKg;
  if (co2) {
    const [m, lo, hi] = [co2eEquivalents(co2.median), co2eEquivalents(co2.low), co2eEquivalents(co2.high)];
    for (const name of Object.keys(m) as (keyof Co2eEquivalents)[]) {
      out[name] = { unit: m[name].unit, median: m[name].value, low: lo[name].value, high: hi[name].value, factor: m[name].gramsPerUnit, factorUnit: 'g per unit', source: m[name].source };
    }
  }
  const energy = r.monteCarlo.outputs.energyKWh;
  const hh = r.point.assumptions.find((a) => a.name === 'householdKWhPerYear');
  if (energy && hh && typeof hh.value === 'number' && hh.value > 0) {
    const k = hh.value;
    out.householdYears = { unit: `household-years of electricity (${k.toLocaleString('en-US')} kWh each)`, median: energy.median / k, low: energy.low / k, high: energy.high / k, factor: k, factorUnit: 'kWh per household-year', source: hh.source };
  }
  return out;
}

/** "2.8M [1.2M – 5M] km by US car": one equivalent's median and interval, 3 significant figures. */
export function formatEquivalentInterval(q: EquivalentInterval): string {
  const f = (x: number) => formatCount(x);
  const fixed = Math.abs(q.high - q.low) <= 1e-9 * Math.abs(q.median);
  return fixed ? `${f(q.median)} ${q.unit}` : `${f(q.median)} [${f(q.low)} – ${f(q.high)}] ${q.unit}`;
}
