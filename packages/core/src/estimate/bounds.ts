/**
 * The one bounds table: what each numeric input of a run estimate may take.
 * `estimateRun` validates point inputs with it, the Monte Carlo checks whole
 * ranges with it (uncertainty/distribution.ts `checkDistribution`), the CLI's
 * range flags and the site's calculator forms read it. The limits are physical
 * (PUE ≥ 1, MFU ≤ 1) or generous sanity caps (PUE ≤ 3, grid ≤ 2000 gCO2e/kWh,
 * above every yearly national average in Our World in Data 2023); `why` says
 * which, and is shown in range errors.
 */

/** A numeric input's valid interval. */
export interface Bounds {
  min?: number;
  /** Values must be strictly greater than this. */
  exclusiveMin?: number;
  max?: number;
  unit?: string;
  /** A whole number (accelerator counts). */
  integer?: boolean;
  /** Why the bound holds, shown in the error, e.g. "PUE is facility energy / IT energy". */
  why?: string;
}

/** Input field (EstimateSpec / UncertainRunSpec / ProjectionSpec names) → its bounds. */
export const INPUT_BOUNDS: Readonly<Record<string, Bounds>> = {
  params: { exclusiveMin: 0, unit: 'parameters' },
  activeParams: { exclusiveMin: 0, unit: 'parameters' },
  tokens: { exclusiveMin: 0, unit: 'tokens' },
  flops: { exclusiveMin: 0, unit: 'FLOP' },
  peakFlopsPerSecond: { exclusiveMin: 0, unit: 'FLOP/s' },
  count: { min: 1, integer: true },
  acceleratorHours: { exclusiveMin: 0, unit: 'h' },
  mfu: { exclusiveMin: 0, max: 1, why: 'MFU (utilisation) is a fraction of peak FLOP/s' },
  watts: { exclusiveMin: 0, unit: 'W' },
  powerFraction: { exclusiveMin: 0, max: 1.5, why: 'average accelerator draw as a fraction of TDP' },
  hostOverhead: { min: 1, max: 3, why: 'host overhead multiplies accelerator power (1 = none)' },
  pue: { min: 1, max: 3, why: 'PUE is facility energy / IT energy, never below 1' },
  usdPerHour: { exclusiveMin: 0, unit: 'USD/h' },
  gridGCO2ePerKWh: { min: 0, max: 2000, unit: 'gCO2e/kWh' },
  restartOverhead: { min: 0, max: 10, why: 'restarts add to the run, they cannot subtract' },
  sweepOverhead: { min: 0, max: 10, why: 'a sweep adds to the run, it cannot subtract' },
  energyKWh: { exclusiveMin: 0, unit: 'kWh' },
  water: { min: 0, max: 20, unit: 'L/kWh' },
  targetLoss: { exclusiveMin: 0, unit: 'nats/token' },
  budgetFlops: { exclusiveMin: 0, unit: 'FLOP' },
  budgetUsd: { exclusiveMin: 0, unit: 'USD' },
};
