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

/**
 * FLOPs done by `acceleratorHours` at `mfu` of `peakFlopsPerSecond`: C = hours × 3600 × peak × MFU,
 * the inverse of {@link acceleratorHours}. Plain numbers, no validation (hot path).
 *
 * @param acceleratorHours - accelerator-hours worked
 * @param peakFlopsPerSecond - the accelerator's dense peak at the training precision
 * @param mfu - the fraction of that peak achieved (0–1)
 * @returns training FLOPs
 * @example
 * ```ts
 * import { flopsFromHours } from '@scaling-lab/core';
 * // a million A100-hours (312 TFLOP/s bf16) at 40 % MFU
 * flopsFromHours(1e6, 312e12, 0.4); // → 4.49e23
 * ```
 */
export function flopsFromHours(acceleratorHours: number, peakFlopsPerSecond: number, mfu: number): number {
  return acceleratorHours * 3600 * peakFlopsPerSecond * mfu;
}

/**
 * Smallest whole number of accelerators (at least 1) that share `acceleratorHours` of work within
 * `deadlineHours`: ⌈hours / deadline⌉, with 1e-9 absorbing the rounding of an exact fit.
 *
 * @param acceleratorHours - total accelerator-hours of the run
 * @param deadlineHours - wall-clock hours allowed
 * @returns the accelerator count
 * @example
 * ```ts
 * import { acceleratorsForHours } from '@scaling-lab/core';
 * acceleratorsForHours(1000, 24); // → 42
 * acceleratorsForHours(960, 24); // → 40
 * ```
 */
export function acceleratorsForHours(acceleratorHours: number, deadlineHours: number): number {
  return Math.max(1, Math.ceil(acceleratorHours / deadlineHours - 1e-9));
}

/**
 * Smallest whole number of accelerators that finishes `flops` within `deadlineHours`:
 * ⌈C / (peak × MFU × 3600) / deadline⌉ ({@link acceleratorHours} then {@link acceleratorsForHours}).
 *
 * @param flops - training FLOPs, C
 * @param peakFlopsPerSecond - the accelerator's dense peak at the training precision
 * @param mfu - the fraction of that peak achieved (0–1)
 * @param deadlineHours - wall-clock hours allowed
 * @returns the accelerator count
 * @example
 * ```ts
 * import { acceleratorsForDeadline } from '@scaling-lab/core';
 * // Chinchilla's 5.88e23 FLOPs on A100s at 40 % MFU within 30 days
 * acceleratorsForDeadline(5.88e23, 312e12, 0.4, 720); // → 1818
 * ```
 */
export function acceleratorsForDeadline(flops: number, peakFlopsPerSecond: number, mfu: number, deadlineHours: number): number {
  return acceleratorsForHours(acceleratorHours(flops, peakFlopsPerSecond, mfu), deadlineHours);
}

/** Accelerator-hours paid for and powered per main-run hour: 1 + restarts + sweep (each a fraction of the main run). */
export function overheadFactor(restartOverhead: number, sweepOverhead: number): number {
  return 1 + restartOverhead + sweepOverhead;
}

/**
 * FLOPs a budget of `usd` buys at `usdPerHour` per accelerator, before restarts and sweeps:
 * C = (usd / USD per hour) × 3600 × peak × MFU.
 *
 * @param usd - the budget, USD
 * @param usdPerHour - price per accelerator-hour, USD
 * @param peakFlopsPerSecond - the accelerator's dense peak at the training precision
 * @param mfu - the fraction of that peak achieved (0–1)
 * @returns training FLOPs
 * @example
 * ```ts
 * import { flopsForBudget } from '@scaling-lab/core';
 * // USD 1M of A100-hours at USD 4/h and 40 % MFU
 * flopsForBudget(1e6, 4, 312e12, 0.4); // → 1.12e23
 * ```
 */
export function flopsForBudget(usd: number, usdPerHour: number, peakFlopsPerSecond: number, mfu: number): number {
  return flopsFromHours(usd / usdPerHour, peakFlopsPerSecond, mfu);
}

/**
 * Model FLOPs utilisation implied by doing `flops` in `acceleratorHours` on accelerators of
 * `peakFlopsPerSecond`: MFU = C / (hours × 3600 × peak) (Chowdhery et al. 2022, App. B).
 *
 * @param flops - training FLOPs, C
 * @param acceleratorHours - accelerator-hours the run took
 * @param peakFlopsPerSecond - the accelerator's dense peak at the training precision
 * @returns MFU as a fraction (0–1 for a plausible run)
 * @example
 * ```ts
 * import { impliedMfu } from '@scaling-lab/core';
 * impliedMfu(4.4928e23, 1e6, 312e12); // → 0.4
 * ```
 */
export function impliedMfu(flops: number, acceleratorHours: number, peakFlopsPerSecond: number): number {
  return flops / (acceleratorHours * 3600 * peakFlopsPerSecond);
}
