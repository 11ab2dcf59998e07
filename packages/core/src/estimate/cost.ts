/**
 * Cost = accelerator-hours × price per accelerator-hour × (1 + overheads).
 * Overheads are fractions of the main run's accelerator-hours: restarts and
 * failed runs (`restartFraction`) and the sweep before the run
 * (`sweepFraction`). Plain numbers, no validation (hot path).
 */

/** USD for `acceleratorHours` at `usdPerHour`, scaled by (1 + overheadFraction). */
export function costUsd(acceleratorHours: number, usdPerHour: number, overheadFraction = 0): number {
  return acceleratorHours * usdPerHour * (1 + overheadFraction);
}

/** Total overhead fraction from its parts. */
export function overheadFraction(restartFraction = 0, sweepFraction = 0): number {
  return restartFraction + sweepFraction;
}
