/**
 * Planning a run backwards from a constraint: a deadline (how many accelerators
 * finish in time) or a budget (what FLOPs the money buys). Both are the time
 * formulas of time.ts solved for the other unknown, then `estimateRun` on the
 * completed spec, so every number keeps its assumptions and sources.
 *
 * Deadline: count = ⌈accelerator-hours × (1 + restarts) / deadline⌉ (at least 1).
 * Budget: FLOPs = (USD / USD-per-hour) × 3600 × peak × MFU / (1 + restarts + sweep).
 */
import { constant } from '../data/constants.js';
import { getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { defaultPrice } from '../data/prices.js';
import { InputError, requireNumber } from '../errors.js';
import { DEFAULT_ACCELERATOR, estimateRun, type Estimate, type EstimateSpec } from './estimateRun.js';
import { acceleratorsForHours, flopsForBudget } from './time.js';

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
  const overhead = 1 + (spec.restartOverhead ?? 0) + (spec.sweepOverhead ?? 0);
  return { ...spec, flops: flopsForBudget(budgetUsd, price, peak, mfu) / overhead, usdPerHour: price };
}

/**
 * estimateRun with a deadline and/or a budget applied.
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
    const count = acceleratorsForHours(e.computeAcceleratorHours * (1 + (full.restartOverhead ?? 0)), deadlineHours);
    e = { ...estimateRun({ ...full, count }), deadlineHours };
  }
  if (budgetUsd !== undefined) {
    e.budgetUsd = budgetUsd;
    const f = e.assumptions.find((a) => a.name === 'flops');
    if (f) f.source = `bought by the budget of ${budgetUsd} USD at ${e.usdPerHour} USD/h, peak × MFU, less overheads (flopsForBudget)`;
  }
  return e;
}
