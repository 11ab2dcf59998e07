import { describe, expect, it } from 'vitest';
import { deadlineCount, mainRunFlopsForBudget, estimatePlanned, planForBudget, planForDeadline, specForBudget } from './plan.js';
import { estimateRun } from './estimateRun.js';
import { acceleratorHours, acceleratorsForHours } from './time.js';

const h100 = { hardware: 'nvidia-h100-sxm5-80gb', mfu: 0.4 };

describe('estimatePlanned', () => {
  it('a deadline sets the smallest count that finishes in time (7B × 1T tokens on H100 at MFU 0.4 in 240 h: 123 accelerators)', () => {
    const e = estimatePlanned({ ...h100, params: 7e9, tokens: 1e12 }, { deadlineHours: 240 });
    expect(e.count).toBe(123);
    expect(e.wallClockHours!).toBeLessThanOrEqual(240);
    expect(estimateRun({ ...h100, params: 7e9, tokens: 1e12, count: 122 }).wallClockHours!).toBeGreaterThan(240);
    expect(e.deadlineHours).toBe(240);
  });
  it('a budget buys FLOPs = USD / price × 3600 × peak × MFU, and the run then costs the budget', () => {
    const e = estimatePlanned({ ...h100, usdPerHour: 2 }, { budgetUsd: 1e6 });
    expect(e.flops).toBeCloseTo((1e6 / 2) * 3600 * 989.4e12 * 0.4, -15);
    expect(e.costUsd).toBeCloseTo(1e6, 3);
    expect(e.budgetUsd).toBe(1e6);
    expect(e.assumptions.find((a) => a.name === 'flops')?.source).toMatch(/budget of 1000000 USD/);
  });
  it('a budget with restarts and a sweep still costs the budget in all', () => {
    const e = estimatePlanned({ ...h100, usdPerHour: 2, restartOverhead: 0.1, sweepOverhead: 0.2 }, { budgetUsd: 1e6 });
    expect(e.costUsd).toBeCloseTo(1e6, 3);
    expect(e.flops).toBeCloseTo(mainRunFlopsForBudget(1e6, 2, 989.4e12, 0.4, 0.1, 0.2), -10);
  });
  it('conflicting or bad plans are InputErrors naming the library field', () => {
    expect(() => estimatePlanned({ ...h100, params: 7e9, tokens: 1e12, count: 8 }, { deadlineHours: 240 })).toThrow(/^deadline: given together with count/);
    expect(() => estimatePlanned({ ...h100, params: 7e9, tokens: 1e12 }, { deadlineHours: 0 })).toThrow(/^deadline: must be greater than 0 hours/);
    expect(() => specForBudget({ ...h100, params: 7e9 }, 1e6)).toThrow(/^budget: given together with a model size/);
    expect(() => specForBudget(h100, -1)).toThrow(/^budget: must be greater than 0 USD/);
  });
  it('acceleratorsForHours: at least one, and an exact fit is not rounded up', () => {
    expect(acceleratorsForHours(100, 1000)).toBe(1);
    expect(acceleratorsForHours(1000, 10)).toBe(100);
    expect(acceleratorsForHours(1000.5, 10)).toBe(101);
  });
});

describe('planForDeadline (the site\'s deadline answer)', () => {
  const spec = { params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, mfu: 0.4, usdPerHour: 2 };
  it('30 days: the fewest accelerators that finish in time (6·70B·1.4T at 40 % of 989.4 TFLOP/s = 413k h → 574)', () => {
    const h = acceleratorHours(6 * 70e9 * 1.4e12, 989.4e12, 0.4);
    const p = planForDeadline(spec, 30 * 24);
    expect(p.accelerators).toBe(Math.ceil(h / 720));
    expect(p.accelerators).toBe(574);
    expect(p.wallClockHours).toBeLessThanOrEqual(720);
    expect(planForDeadline(spec, p.wallClockHours * (p.accelerators / (p.accelerators - 1)) * 0.999).accelerators).toBe(p.accelerators);
  });
  it('is estimatePlanned\'s deadline: the same count and wall-clock as the CLI\'s --deadline', () => {
    const { count: _c, ...noCount } = spec;
    const e = estimatePlanned(noCount, { deadlineHours: 720 });
    expect(planForDeadline(spec, 720)).toEqual({ deadlineHours: 720, accelerators: e.count, wallClockHours: e.wallClockHours });
  });
  it('restarts stretch the calendar (10 % more hours, 10 % more accelerators); the sweep, which runs before, does not', () => {
    const h = acceleratorHours(6 * 70e9 * 1.4e12, 989.4e12, 0.4);
    expect(planForDeadline({ ...spec, restartOverhead: 0.1 }, 720).accelerators).toBe(Math.ceil((h * 1.1) / 720 - 1e-9));
    expect(planForDeadline({ ...spec, sweepOverhead: 0.5 }, 720).accelerators).toBe(planForDeadline(spec, 720).accelerators);
    expect(deadlineCount(h, 0.1, 720)).toBe(Math.ceil((h * 1.1) / 720 - 1e-9));
  });
});

describe('planForBudget (what a budget buys at an estimate\'s model size)', () => {
  const e = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, mfu: 0.4, usdPerHour: 2 });
  it('$1M at $2/h: 500k accelerator-hours, 20.3 days on 1,024, and the tokens they train', () => {
    const b = planForBudget(e, 1e6)!;
    expect(b.acceleratorHours).toBe(5e5);
    expect(b.wallClockHours).toBeCloseTo(5e5 / 1024, 9);
    expect(b.flops).toBeCloseTo(5e5 * 3600 * 989.4e12 * 0.4, -10);
    expect(b.tokens).toBeCloseTo(b.flops / (6 * 70e9), -3);
    expect(b.coversRun).toBeCloseTo(1e6 / e.costUsd!, 9);
  });
  it('buys the same FLOPs as the spec-level budget, overheads included', () => {
    const over = { hardware: 'nvidia-h100-sxm5-80gb', mfu: 0.4, usdPerHour: 2, restartOverhead: 0.1, sweepOverhead: 0.2 };
    const withOverheads = estimateRun({ ...over, params: 70e9, tokens: 1.4e12 });
    expect(planForBudget(withOverheads, 1e6)!.flops / specForBudget(over, 1e6).flops!).toBeCloseTo(1, 12);
  });
  it('no price: no budget plan', () => {
    expect(planForBudget({ ...e, usdPerHour: null, costUsd: null }, 1e6)).toBeNull();
  });
});
