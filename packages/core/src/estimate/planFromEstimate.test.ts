import { describe, expect, it } from 'vitest';
import { estimateRun } from './estimateRun.js';
import { planForBudget, planForDeadline } from './planFromEstimate.js';
import { acceleratorHours } from './time.js';

describe('planning to a deadline or a budget', () => {
  const e = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, mfu: 0.4, usdPerHour: 2 });
  it('30 days: the fewest accelerators that finish in time (6·70B·1.4T at 40 % of 989.4 TFLOP/s = 413k h → 574)', () => {
    const h = acceleratorHours(6 * 70e9 * 1.4e12, 989.4e12, 0.4);
    const p = planForDeadline(e, 30 * 24);
    expect(p.accelerators).toBe(Math.ceil(h / 720));
    expect(p.accelerators).toBe(574);
    expect(p.wallClockHours).toBeLessThanOrEqual(720);
    expect(planForDeadline(e, p.wallClockHours * (p.accelerators / (p.accelerators - 1)) * 0.999).accelerators).toBe(p.accelerators);
  });
  it('restarts stretch the calendar: 10 % more hours needs 10 % more accelerators', () => {
    const r = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, mfu: 0.4, usdPerHour: 2, restartOverhead: 0.1 });
    expect(planForDeadline(r, 720).accelerators).toBe(Math.ceil((acceleratorHours(6 * 70e9 * 1.4e12, 989.4e12, 0.4) * 1.1) / 720 - 1e-9));
  });
  it('$1M at $2/h: 500k accelerator-hours, 20.3 days on 1,024, and the tokens they train', () => {
    const b = planForBudget(e, 1e6)!;
    expect(b.acceleratorHours).toBe(5e5);
    expect(b.wallClockHours).toBeCloseTo(5e5 / 1024, 9);
    expect(b.flops).toBeCloseTo(5e5 * 3600 * 989.4e12 * 0.4, -10);
    expect(b.tokens).toBeCloseTo(b.flops / (6 * 70e9), -3);
    expect(b.coversRun).toBeCloseTo(1e6 / e.costUsd!, 9);
  });
  it('no price: no budget plan', () => {
    expect(planForBudget({ ...e, usdPerHour: null, costUsd: null }, 1e6)).toBeNull();
  });
});
