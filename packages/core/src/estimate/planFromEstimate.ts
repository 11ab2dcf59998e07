/**
 * Planning a run to a deadline or a budget, from an estimate's own numbers
 * (its peak, MFU, price and accelerator-hours including restarts):
 *
 * - deadline: the fewest accelerators that finish within `deadlineHours`
 *   (acceleratorsForDeadline on the main run, scaled by the restart overhead,
 *   which also stretches the calendar);
 * - budget: the accelerator-hours `usd` buys (usd ÷ price), the wall-clock
 *   they last on `count` accelerators, the FLOPs they do (flopsForBudget, net
 *   of restarts) and, for a known model size, the tokens (FLOPs ÷ 6N).
 *
 * Perfect scaling at the estimate's MFU, as estimateRun assumes.
 */
import { acceleratorsForDeadline, flopsForBudget } from './time.js';
import type { Estimate } from './estimateRun.js';

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

/** Restart overhead as a multiplier on the main run's accelerator-hours (1 when none). */
function restartFactor(e: Estimate): number {
  return e.computeAcceleratorHours > 0 ? e.acceleratorHours / e.computeAcceleratorHours : 1;
}

export function planForDeadline(e: Estimate, deadlineHours: number): DeadlinePlan {
  const mfu = e.mfu ?? 0;
  const hours = e.computeAcceleratorHours * restartFactor(e);
  const flopsEquivalent = e.flops !== null && mfu > 0 ? e.flops * restartFactor(e) : hours * 3600 * e.peakFlopsPerSecond * (mfu || 1);
  const accelerators = acceleratorsForDeadline(flopsEquivalent, e.peakFlopsPerSecond, mfu || 1, deadlineHours);
  return { deadlineHours, accelerators, wallClockHours: hours / accelerators };
}

export function planForBudget(e: Estimate, budgetUsd: number): BudgetPlan | null {
  if (e.usdPerHour === null || !(e.usdPerHour > 0)) return null;
  const acceleratorHours = budgetUsd / e.usdPerHour;
  const mfu = e.mfu ?? 0;
  const flops = mfu > 0 ? flopsForBudget(budgetUsd, e.usdPerHour, e.peakFlopsPerSecond, mfu) / restartFactor(e) : 0;
  const n = e.activeParams ?? e.params;
  return {
    budgetUsd,
    acceleratorHours,
    wallClockHours: e.count ? acceleratorHours / e.count : null,
    flops,
    tokens: n ? flops / (6 * n) : null,
    coversRun: e.costUsd ? budgetUsd / e.costUsd : null,
  };
}
