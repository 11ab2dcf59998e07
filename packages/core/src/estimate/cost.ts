/**
 * Cost = accelerator-hours × price per accelerator-hour × (1 + overheads).
 * Overheads are fractions of the main run's accelerator-hours: restarts and
 * failed runs (`restartFraction`) and the sweep before the run
 * (`sweepFraction`). Plain numbers, no validation (hot path).
 */

/**
 * Cost in USD: accelerator-hours × price per accelerator-hour × (1 + overhead), the
 * overhead being restarts, failed runs and the sweep before the run as a fraction of the
 * main run's hours (see {@link overheadFraction}). Plain numbers, no validation (hot path).
 *
 * @param acceleratorHours - accelerator-hours of the main run
 * @param usdPerHour - price of one accelerator-hour, USD
 * @param overheadFraction - extra hours as a fraction of the main run (default 0)
 * @returns USD
 * @example
 * ```ts
 * import { costUsd } from '@scaling-lab/core';
 * costUsd(1e6, 2.5); // → 2500000
 * costUsd(1e6, 2.5, 0.1); // → 2750000
 * ```
 */
export function costUsd(acceleratorHours: number, usdPerHour: number, overheadFraction = 0): number {
  return acceleratorHours * usdPerHour * (1 + overheadFraction);
}

/**
 * The total overhead on a run's hours from its parts: restarts and failed runs plus the
 * sweep before the run, each a fraction of the main run's accelerator-hours.
 *
 * @param restartFraction - hours lost to restarts and failures (default 0)
 * @param sweepFraction - hours spent on the sweep and ablations (default 0)
 * @returns the sum, for {@link costUsd}
 * @example
 * ```ts
 * import { overheadFraction } from '@scaling-lab/core';
 * overheadFraction(0.1, 0.05); // → 0.15
 * ```
 */
export function overheadFraction(restartFraction = 0, sweepFraction = 0): number {
  return restartFraction + sweepFraction;
}
