import { describe, expect, it } from 'vitest';
import { quantileOfSorted, summarize } from './summary.js';

describe('summarize', () => {
  it('gives type-7 (numpy default) quantiles', () => {
    // numpy.percentile([1..10], [5, 50, 95]) = [1.45, 5.5, 9.55]
    const s = summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s.low).toBeCloseTo(1.45, 12);
    expect(s.median).toBeCloseTo(5.5, 12);
    expect(s.high).toBeCloseTo(9.55, 12);
    expect(s.mean).toBe(5.5);
    const s80 = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8); // 10th/90th: 1.9, 9.1
    expect(s80.low).toBeCloseTo(1.9, 12);
    expect(s80.high).toBeCloseTo(9.1, 12);
  });
  it('keeps +Infinity as a value rather than NaN', () => {
    const sorted = Float64Array.from([1, 2, Infinity, Infinity]);
    expect(quantileOfSorted(sorted, 0.95)).toBe(Infinity);
    expect(quantileOfSorted(sorted, 0.25)).toBeCloseTo(1.75, 12);
    expect(() => summarize([])).toThrow(RangeError);
  });
});
