/**
 * Time from FLOPs: accelerator-hours = FLOPs / (peak FLOP/s × MFU × 3600);
 * wall-clock = accelerator-hours / count (perfect scaling at the given MFU;
 * MFU = model FLOPs utilisation, Chowdhery et al. 2022 App. B). The inverses
 * answer "how many accelerators for a deadline" and "what FLOPs a budget buys".
 * Plain numbers, no validation: these run on the Monte Carlo's hot path.
 */

/**
 * Accelerator-hours to do `flops` of training: hours = C / (peak FLOP/s × MFU × 3600), MFU
 * being the model FLOPs utilisation (Chowdhery et al. 2022, "PaLM", Appendix B).
 * Plain numbers, no validation (hot path).
 *
 * @param flops - training FLOPs, C
 * @param peakFlopsPerSecond - the accelerator's dense peak at the training precision
 * @param mfu - the fraction of that peak the run achieves (0–1)
 * @returns accelerator-hours
 * @example
 * ```ts
 * import { acceleratorHours } from '@scaling-lab/core';
 * // 5.88e23 FLOPs on A100s (312 TFLOP/s bf16) at 40 % MFU
 * acceleratorHours(5.88e23, 312e12, 0.4); // → 1.309e6
 * ```
 */
export function acceleratorHours(flops: number, peakFlopsPerSecond: number, mfu: number): number {
  return flops / (peakFlopsPerSecond * mfu * 3600);
}

/**
 * Wall-clock hours when `count` accelerators share `acceleratorHours` of work:
 * hours = accelerator-hours / count (perfect scaling; the MFU already carries the losses).
 *
 * @param acceleratorHours - total accelerator-hours of the run
 * @param count - accelerators working at once
 * @returns hours from start to finish
 * @example
 * ```ts
 * import { wallClockHours } from '@scaling-lab/core';
 * wallClockHours(1e6, 1024); // → 976.5625
 * ```
 */
export function wallClockHours(acceleratorHours: number, count: number): number {
  return acceleratorHours / count;
}

/** FLOPs done by `acceleratorHours` at `mfu` of `peakFlopsPerSecond` (inverse of acceleratorHours). */
export function flopsFromHours(acceleratorHours: number, peakFlopsPerSecond: number, mfu: number): number {
  return acceleratorHours * 3600 * peakFlopsPerSecond * mfu;
}

/** Smallest whole number of accelerators (at least 1) sharing `acceleratorHours` within `deadlineHours`; 1e-9 absorbs rounding of an exact fit. */
export function acceleratorsForHours(acceleratorHours: number, deadlineHours: number): number {
  return Math.max(1, Math.ceil(acceleratorHours / deadlineHours - 1e-9));
}

/** Smallest whole number of accelerators that finishes `flops` within `deadlineHours`. */
export function acceleratorsForDeadline(flops: number, peakFlopsPerSecond: number, mfu: number, deadlineHours: number): number {
  return acceleratorsForHours(acceleratorHours(flops, peakFlopsPerSecond, mfu), deadlineHours);
}

/** Accelerator-hours paid for and powered per main-run hour: 1 + restarts + sweep (each a fraction of the main run). */
export function overheadFactor(restartOverhead: number, sweepOverhead: number): number {
  return 1 + restartOverhead + sweepOverhead;
}

/** FLOPs a budget of `usd` buys at `usdPerHour` per accelerator (before overheads). */
export function flopsForBudget(usd: number, usdPerHour: number, peakFlopsPerSecond: number, mfu: number): number {
  return flopsFromHours(usd / usdPerHour, peakFlopsPerSecond, mfu);
}

/** MFU implied by doing `flops` in `acceleratorHours` on accelerators of `peakFlopsPerSecond`. */
export function impliedMfu(flops: number, acceleratorHours: number, peakFlopsPerSecond: number): number {
  return flops / (acceleratorHours * 3600 * peakFlopsPerSecond);
}
