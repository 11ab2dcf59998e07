/**
 * Everyday equivalents of an amount of CO2e: km driven by an average US or EU
 * passenger car, km flown economy, New York–San Francisco flights (one
 * passenger) and tree-years of CO2 absorption. Each is
 * kgCO2e × 1000 / (grams per unit), the factors being Green Algorithms'
 * reference values (Lannelongue, Grealey & Inouye 2021, Adv. Sci. 8:2100707,
 * CC BY 4.0) kept in data/constants with the primary source each quotes.
 */
import { constantRow, constantSource } from '../data/constants.js';
import { formatCount } from '../format.js';

export interface Co2eEquivalent {
  /** How many units the CO2e equals. */
  value: number;
  /** The unit counted, e.g. `km by US car`. */
  unit: string;
  /** Grams of CO2(e) per unit, from the constant row. */
  gramsPerUnit: number;
  /** The constant row's source and date. */
  source: string;
}

export interface Co2eEquivalents {
  carKmUs: Co2eEquivalent;
  carKmEu: Co2eEquivalent;
  flightKmEconomy: Co2eEquivalent;
  flightsNySf: Co2eEquivalent;
  treeYears: Co2eEquivalent;
}

const FACTORS: Record<keyof Co2eEquivalents, [key: string, unit: string]> = {
  carKmUs: ['equivalent.carUs.gPerKm', 'km by US car'],
  carKmEu: ['equivalent.carEu.gPerKm', 'km by EU car'],
  flightKmEconomy: ['equivalent.flightEconomy.gPerKm', 'km flown economy (one passenger)'],
  flightsNySf: ['equivalent.flightNySf.gPerPassenger', 'NY–SF flights (one passenger)'],
  treeYears: ['equivalent.treeYear.gPerTreeYear', 'tree-years of absorption'],
};

/**
 * The everyday equivalents of `kgCO2e` (US and EU car km, economy flight km, NY–SF flights,
 * tree-years): each kgCO2e × 1000 / grams per unit, with its factor and source (Green Algorithms
 * reference values, Lannelongue, Grealey & Inouye 2021).
 *
 * @param kgCO2e - emissions, kg CO2e
 * @returns one Co2eEquivalent per comparison
 * @example
 * ```ts
 * import { co2eEquivalents } from '@scaling-lab/core';
 * co2eEquivalents(1000).carKmUs.value; // → 3984
 * co2eEquivalents(1000).flightsNySf.value; // → 1.754
 * ```
 */
export function co2eEquivalents(kgCO2e: number): Co2eEquivalents {
  const out = {} as Co2eEquivalents;
  for (const name of Object.keys(FACTORS) as (keyof Co2eEquivalents)[]) {
    const [key, unit] = FACTORS[name];
    const row = constantRow(key);
    out[name] = { value: (kgCO2e * 1000) / row.value, unit, gramsPerUnit: row.value, source: constantSource(row) };
  }
  return out;
}

/**
 * One line of the named equivalents, each to 3 significant figures with its unit, as the CLI and
 * site print them ("2.8M km by US car, 1.23k NY–SF flights (one passenger)").
 *
 * @param q - equivalents from {@link co2eEquivalents}
 * @param names - which to show, in order; US car km and NY–SF flights by default
 * @returns the comma-separated text
 * @example
 * ```ts
 * import { co2eEquivalents, formatEquivalents } from '@scaling-lab/core';
 * formatEquivalents(co2eEquivalents(1000)); // → '3.98k km by US car, 1.75 NY–SF flights (one passenger)'
 * ```
 */
export function formatEquivalents(q: Co2eEquivalents, names: readonly (keyof Co2eEquivalents)[] = ['carKmUs', 'flightsNySf']): string {
  return names.map((n) => `${formatCount(q[n].value)} ${q[n].unit}`).join(', ');
}
