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

export function assumption(name: string, value: number | string, unit: string, source: string): Assumption {
  return { name, value, unit, source };
}
