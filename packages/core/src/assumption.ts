/**
 * One input an estimate relied on, with where it came from. Every breakdown the
 * core returns lists these so a reader can see (and challenge) each number.
 */
export interface Assumption {
  /** Machine-readable key, e.g. `pue` or `gridGCO2ePerKWh`. */
  name: string;
  value: number | string;
  /** Unit of `value`, e.g. `W`, `gCO2e/kWh`, `USD/h`; `''` for dimensionless. */
  unit: string;
  /** Citation with date, or `user` when the caller supplied the value. */
  source: string;
}

/**
 * Builds one Assumption record (name, value, unit, source), the form every breakdown uses to list
 * the inputs it relied on so a reader can check each one.
 *
 * @param name - machine-readable key, e.g. `pue`
 * @param value - the number or text assumed
 * @param unit - unit of `value`, `''` for dimensionless
 * @param source - citation with date, or `user` when the caller gave it
 * @returns the Assumption
 * @example
 * ```ts
 * import { assumption } from '@scaling-lab/core';
 * assumption('pue', 1.1, '', 'user').source; // → 'user'
 * ```
 */
export function assumption(name: string, value: number | string, unit: string, source: string): Assumption {
  return { name, value, unit, source };
}
