/**
 * The cost page's planning fields (the CLI's --deadline, --budget, provider
 * price, --precision fp8, --restarts, --embodied, --water, MoE active
 * parameters, --pp and --recompute) → additions to the estimateRun spec, and
 * the planning outputs from core's planning module: planForDeadline (the CLI's
 * --deadline rule, on the page's spec) and planForBudget (what a budget buys at
 * the estimate's model size).
 */
import {
  formatCO2eKg,
  formatCount,
  formatDuration,
  formatFlops,

  InputError,
  listPrices,
  planForBudget,
  planForDeadline,
  sig,
  type Estimate,
  type EstimateSpec,
  type PriceRow,
} from '@scaling-lab/core';
import { numberField } from './parse';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Price rows for an accelerator as select options: value `provider|pricing|date|usd`, label with provider and date. */
export function priceOptions(acceleratorId: string): { value: string; label: string }[] {
  return [
    { value: '', label: 'default (dated default price)' },
    ...listPrices(acceleratorId).map((p: PriceRow) => ({ value: priceKey(p), label: `${p.provider} ${p.pricing}: $${sig(p.usdPerHour, 4)}/h (${p.date})` })),
  ];
}

export function priceKey(p: PriceRow): string {
  return `${p.provider}|${p.pricing}|${p.date}|${p.usdPerHour}`;
}

/** Adds the planning fields in `v` to `spec` (in place). A provider price applies unless a price was typed. */
export function applyPlanner(spec: EstimateSpec, v: Record<string, string>): void {
  if (!blank(v.provider) && spec.usdPerHour === undefined) {
    const hw = spec.hardware ?? '';
    const row = listPrices().find((p) => priceKey(p) === v.provider && (hw === '' || p.acceleratorId === hw));
    if (!row) throw new InputError('provider', `no price "${v.provider}" for this accelerator`, 'choose a price from the list');
    spec.usdPerHour = row.usdPerHour;
    spec.pricing = row.pricing;
  }
  if (v.peakPrecision === 'fp8' || v.peakPrecision === 'bf16' || v.peakPrecision === 'fp16' || v.peakPrecision === 'tf32' || v.peakPrecision === 'fp32') spec.precision = v.peakPrecision;
  if (!blank(v.restartOverhead)) spec.restartOverhead = numberField('restartOverhead', v.restartOverhead, { min: 0, max: 10 });
  if (v.embodied === '1') spec.embodied = true;
  if (v.water === '1') spec.water = true;
  if (!blank(v.activeParams)) spec.activeParams = numberField('activeParams', v.activeParams, { min: 1 });
  const pp = blank(v.pipelineParallel) ? undefined : numberField('pipelineParallel', v.pipelineParallel, { min: 1, integer: true });
  const recompute = v.recompute === 'none' || v.recompute === 'selective' || v.recompute === 'full' ? v.recompute : undefined;
  if (pp !== undefined || recompute !== undefined) spec.memory = { ...spec.memory, ...(pp !== undefined ? { pipelineParallel: pp } : {}), ...(recompute ? { recompute } : {}) };
}

/** Planning outputs for the page's `spec` and its estimate `e`: accelerators for the deadline, what the budget buys, embodied carbon and water. */
export function plannerOutputs(spec: EstimateSpec, e: Estimate, v: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { deadlinePlan: '—', budgetPlan: '—', embodied: '—', water: '—' };
  if (!blank(v.deadlineDays)) {
    const days = numberField('deadlineDays', v.deadlineDays, { positive: true, max: 3650 });
    const p = planForDeadline(spec, days * 24);
    out.deadlinePlan = `${p.accelerators.toLocaleString('en-US')} × ${e.accelerator.name} finish in ${formatDuration(p.wallClockHours)}`;
  }
  if (!blank(v.budgetUsd)) {
    const usd = numberField('budgetUsd', v.budgetUsd, { positive: true });
    const b = planForBudget(e, usd);
    out.budgetPlan = b
      ? `${formatCount(b.acceleratorHours)} accelerator-hours${b.wallClockHours !== null ? `, ${formatDuration(b.wallClockHours)} on ${e.count!.toLocaleString('en-US')}` : ''}: ${formatFlops(b.flops)}${b.tokens !== null ? `, ${formatCount(b.tokens)} tokens at this model size` : ''}${b.coversRun !== null ? ` (${sig(b.coversRun * 100, 3)} % of this run's cost)` : ''}`
      : 'no price known: enter one';
  }
  if (e.embodiedCo2eKg !== null) out.embodied = formatCO2eKg(e.embodiedCo2eKg);
  if (e.waterLitres !== null) out.water = `${sig(e.waterLitres / 1000, 3)} m³ on site`;
  return out;
}

/** The planning fields' names (so the page can tell they are in use). */
export const PLANNER_FIELDS = ['deadlineDays', 'budgetUsd', 'provider', 'peakPrecision', 'restartOverhead', 'embodied', 'water', 'activeParams', 'pipelineParallel', 'recompute'];

