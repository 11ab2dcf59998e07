import { describe, expect, it } from 'vitest';
import { estimatePlanned, specForBudget } from './plan.js';
import { estimateRun } from './estimateRun.js';
import { acceleratorsForHours } from './time.js';

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
