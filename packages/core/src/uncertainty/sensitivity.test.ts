import { describe, expect, it } from 'vitest';
import { uniformDistribution } from './distribution.js';
import { sensitivity } from './sensitivity.js';

describe('sensitivity', () => {
  it('ranks inputs by their one-at-a-time swing', () => {
    // y = a · b with a ∈ 1..3 (median 2) and b ∈ 10..11 (median 10.5); 5–95% ends:
    // a: 1.1 → 2.9 swings y by 1.8 × 10.5 = 18.9; b: 10.05 → 10.95 swings y by 0.9 × 2 = 1.8.
    const r = sensitivity({ inputs: { a: uniformDistribution(1, 3), b: uniformDistribution(10, 11), c: 4 }, model: ({ a, b, c }) => ({ y: a * b, z: c }) });
    expect(r.baseline.y).toBeCloseTo(21, 12);
    expect(r.bars.y.map((bar) => bar.input)).toEqual(['a', 'b']);
    expect(r.bars.y[0].swing).toBeCloseTo(18.9, 10);
    expect(r.bars.y[1].swing).toBeCloseTo(1.8, 10);
    expect(r.bars.y[0].outputAtLow).toBeCloseTo(1.1 * 10.5, 10);
    expect(r.bars.z).toEqual([]);
  });
  it('swings a joint group as one bar', () => {
    const rows = { p: Array.from({ length: 101 }, (_, i) => i), q: Array.from({ length: 101 }, () => 1) };
    const r = sensitivity({ inputs: {}, joint: { fit: rows }, model: ({ p, q }) => ({ y: p * q }) });
    expect(r.bars.y[0].input).toBe('fit');
    expect(r.bars.y[0].outputAtLow).toBeCloseTo(5, 10);
    expect(r.bars.y[0].outputAtHigh).toBeCloseTo(95, 10);
  });
});
