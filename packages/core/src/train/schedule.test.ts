import { describe, expect, it } from 'vitest';
import { learningRateAt } from './schedule.js';

describe('warmup + cosine schedule', () => {
  const o = { peak: 1e-3, totalSteps: 100, warmupFraction: 0.1, minFraction: 0.1 };
  it('rises linearly over the warmup steps', () => {
    expect(learningRateAt(0, o)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(4, o)).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(9, o)).toBeCloseTo(1e-3, 12);
  });
  it('decays by cosine to 10 % of the peak at the last step, halfway at the middle', () => {
    expect(learningRateAt(99, o)).toBeCloseTo(1e-4, 12);
    // step 54: progress (54−10+1)/90 = 0.5 → min + (peak−min)/2
    expect(learningRateAt(54, o)).toBeCloseTo(1e-4 + 0.5 * 9e-4, 12);
    for (let s = 10; s < 99; s++) expect(learningRateAt(s + 1, o)).toBeLessThanOrEqual(learningRateAt(s, o));
  });
  it('scales with the run length', () => {
    const long = { ...o, totalSteps: 1000 };
    expect(learningRateAt(99, long)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(999, long)).toBeCloseTo(1e-4, 12);
  });
});
