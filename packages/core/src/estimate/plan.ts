/**
 * Planning a run backwards from a constraint, with one set of formulas (the
 * time formulas of time.ts solved for the other unknown):
 *
 * - deadline: count = ⌈main-run accelerator-hours × (1 + restarts) / deadline⌉,
 *   at least 1 (`deadlineCount`; restarts stretch the calendar, the sweep runs
 *   before the run and does not);
 * - budget: FLOPs = (USD / USD-per-hour) × 3600 × peak × MFU / (1 + restarts + sweep)
 *   (`mainRunFlopsForBudget`; the budget pays for the overheads too, as the run's cost does).
 *
 * Two entry points use them:
 * - `estimatePlanned(spec, { deadlineHours, budgetUsd })` (the CLI's --deadline and
 *   --budget): the spec completed (count, or FLOPs) and estimated by `estimateRun`,
 *   so every number keeps its assumptions and sources; `planForDeadline(spec, h)`
 *   is its deadline answer alone (the site's cost page);
 * - `planForBudget(estimate, usd)`: what a budget buys at an existing estimate's
 *   model size, price, peak and MFU (hours, wall-clock, FLOPs, tokens = FLOPs ÷ 6N).
 *
 * Perfect scaling at the estimate's MFU, as estimateRun assumes.
 */
import { constant } from '../data/constants.js';
import { tokensForTrainingFlopsUnchecked } from './flops.js';
import { getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { defaultPrice } from '../data/prices.js';
import { InputError, requireNumber } from '../errors.js';
import { DEFAULT_ACCELERATOR, estimateRun, type Estimate, type EstimateSpec } from './estimateRun.js';
import { acceleratorsForHours, flopsForBudget, overheadFactor } from './time.js';

export interface PlanSpec {
  /** Wall-clock hours available: sets `count` to what the deadline needs. */
  deadlineHours?: number;
  /** USD available: sets `flops` to what the budget buys (the spec may not also give a model size, hours or preset). */
  budgetUsd?: number;
}

export interface PlannedEstimate extends Estimate {
  deadlineHours?: number;
  budgetUsd?: number;
}

export interface DeadlinePlan {
  deadlineHours: number;
  accelerators: number;
  wallClockHours: number;
}

export interface BudgetPlan {
  budgetUsd: number;
  acceleratorHours: number;
  /** On the estimate's count; null without one. */
  wallClockHours: number | null;
  flops: number;
  /** FLOPs ÷ 6N for the estimate's (active) parameters; null when unknown. */
  tokens: number | null;
  /** Budget ÷ the run's cost: above 1 the run fits the budget. */
  coversRun: number | null;
}

/** The fewest accelerators that finish `computeHours` of main run, stretched by restarts, within `deadlineHours`. */
export function deadlineCount(computeHours: number, restartOverhead: number, deadlineHours: number): number {
  return acceleratorsForHours(computeHours * overheadFactor(restartOverhead, 0), deadlineHours);
}

/** FLOPs of the main run that `usd` buys when it also pays for restarts and the sweep. */
export function mainRunFlopsForBudget(usd: number, usdPerHour: number, peakFlopsPerSecond: number, mfu: number, restartOverhead: number, sweepOverhead: number): number {
  return flopsForBudget(usd, usdPerHour, peakFlopsPerSecond, mfu) / overheadFactor(restartOverhead, sweepOverhead);
}

/** The spec with `flops` (and `usdPerHour`) set to what `budgetUsd` buys. */
export function specForBudget(spec: EstimateSpec, budgetUsd: number): EstimateSpec {
  requireNumber('budget', budgetUsd, { exclusiveMin: 0, unit: 'USD' });
  if (spec.flops !== undefined || spec.params !== undefined || spec.tokens !== undefined || spec.architecture !== undefined || spec.acceleratorHours !== undefined || spec.preset !== undefined) {
    throw new InputError('budget', 'given together with a model size, hours or preset', 'give the budget alone, with the hardware, MFU and price, to see what it buys');
  }
  const acc = getAccelerator(spec.hardware ?? DEFAULT_ACCELERATOR);
  const peak = spec.peakFlopsPerSecond ?? peakFlopsPerSecond(acc, spec.precision).flopsPerSecond;
  const price = spec.usdPerHour ?? defaultPrice(acc.id, spec.pricing)?.usdPerHour;
  if (price === undefined) throw new InputError('usdPerHour', `no default price for ${acc.id}`, 'give the price in USD per accelerator-hour');
  const mfu = spec.mfu ?? constant('mfu.default');
  return { ...spec, flops: mainRunFlopsForBudget(budgetUsd, price, peak, mfu, spec.restartOverhead ?? 0, spec.sweepOverhead ?? 0), usdPerHour: price };
}

/**
 * {@link estimateRun} with a deadline and/or a budget applied: a deadline sets the accelerator count
 * to the fewest that finish the main run, stretched by restarts, in time; a budget sets the FLOPs to
 * what it buys at the price, peak and MFU after restarts and the sweep are paid for.
 *
 * @param spec - the estimate's inputs (no `count` with a deadline)
 * @param plan - `deadlineHours` and/or `budgetUsd`
 * @returns the estimate, with `deadlineHours` and `budgetUsd` when given
 * @example
 * ```ts
 * import { estimatePlanned } from '@scaling-lab/core';
 * // Chinchilla's 5.88e23 FLOPs on A100s at 40 % MFU within 30 days
 * estimatePlanned({ flops: 5.88e23, hardware: 'a100-80gb', mfu: 0.4 }, { deadlineHours: 720 }).count; // → 1818
 * estimatePlanned({ flops: 5.88e23, hardware: 'a100-80gb', count: 8 }, { deadlineHours: 720 }); // → throws InputError
 * ```
 * @throws InputError (fields `deadline`, `budget`, `usdPerHour`, or estimateRun's) for bad or conflicting input.
 */
export function estimatePlanned(spec: EstimateSpec, plan: PlanSpec = {}): PlannedEstimate {
  const { deadlineHours, budgetUsd } = plan;
  if (deadlineHours !== undefined) {
    requireNumber('deadline', deadlineHours, { exclusiveMin: 0, unit: 'hours' });
    if (spec.count !== undefined) throw new InputError('deadline', 'given together with count', 'give either the accelerator count or the deadline, not both');
  }
  const full = budgetUsd !== undefined ? specForBudget(spec, budgetUsd) : spec;
  let e: PlannedEstimate = estimateRun(full);
  if (deadlineHours !== undefined) {
    const count = deadlineCount(e.computeAcceleratorHours, full.restartOverhead ?? 0, deadlineHours);
    e = { ...estimateRun({ ...full, count }), deadlineHours };
  }
  if (budgetUsd !== undefined) {
    e.budgetUsd = budgetUsd;
    const f = e.assumptions.find((a) => a.name === 'flops');
    if (f) f.source = `bought by the budget of ${budgetUsd} USD at ${e.usdPerHour} USD/h, peak × MFU, less overheads (flopsForBudget)`;
  }
  return e;
}

/**
 * The fewest accelerators that finish the run of `spec` within `deadlineHours`, and its
 * wall-clock time on them: estimatePlanned's deadline, with the spec's own count set aside.
 *
 * @param spec - the estimate's inputs (any `count` is ignored)
 * @param deadlineHours - wall-clock hours available
 * @returns the deadline, the accelerator count and the wall-clock hours on them
 * @throws InputError (`deadline`, or estimateRun's fields).
 * @example
 * ```ts
 * import { planForDeadline } from '@scaling-lab/core';
 * const p = planForDeadline({ flops: 5.88e23, hardware: 'a100-80gb', mfu: 0.4 }, 720);
 * p.accelerators; // → 1818
 * p.wallClockHours; // → 719.9
 * ```
 */
export function planForDeadline(spec: EstimateSpec, deadlineHours: number): DeadlinePlan {
  const e = estimatePlanned({ ...spec, count: undefined }, { deadlineHours });
  return { deadlineHours, accelerators: e.count!, wallClockHours: e.wallClockHours! };
}

/**
 * What `budgetUsd` buys at an estimate's price, peak and MFU: accelerator-hours = budget ÷ USD/h, and the
 * main-run FLOPs (and tokens, C/6N) left once the estimate's restart and sweep overheads are paid for,
 * with `coversRun` = budget ÷ the run's cost.
 *
 * @param e - an estimate from {@link estimateRun}
 * @param budgetUsd - USD available
 * @returns the budget plan, or null when the estimate has no price
 * @example
 * ```ts
 * import { estimateRun, planForBudget } from '@scaling-lab/core';
 * const e = estimateRun({ flops: 5.88e23, hardware: 'a100-80gb', mfu: 0.4, count: 1024 });
 * planForBudget(e, 1e6)?.flops; // → 1.31e23
 * planForBudget(e, 1e6)?.coversRun; // → 0.223
 * ```
 */
export function planForBudget(e: Estimate, budgetUsd: number): BudgetPlan | null {
  if (e.usdPerHour === null || !(e.usdPerHour > 0)) return null;
  const acceleratorHours = budgetUsd / e.usdPerHour;
  const mfu = e.mfu ?? 0;
  // The estimate's overheads as one factor: total ÷ main-run accelerator-hours = 1 + restarts + sweep.
  const overhead = e.computeAcceleratorHours > 0 ? e.acceleratorHours / e.computeAcceleratorHours - 1 : 0;
  const flops = mfu > 0 ? mainRunFlopsForBudget(budgetUsd, e.usdPerHour, e.peakFlopsPerSecond, mfu, overhead, 0) : 0;
  const n = e.activeParams ?? e.params;
  return {
    budgetUsd,
    acceleratorHours,
    wallClockHours: e.count ? acceleratorHours / e.count : null,
    flops,
    tokens: n ? tokensForTrainingFlopsUnchecked(flops, n) : null,
    coversRun: e.costUsd ? budgetUsd / e.costUsd : null,
  };
}
