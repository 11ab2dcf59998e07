import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normalQuantile.js';

describe('normalQuantile', () => {
  it('matches published z-values (Abramowitz & Stegun 1964, Table 26.5)', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
  });
  it('inverts the CDF across the tails', () => {
    for (const p of [1e-6, 0.01, 0.02425, 0.3, 0.7, 0.99, 1 - 1e-6]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
  it('rejects p outside [0, 1]', () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(normalQuantile(0)).toBe(-Infinity);
  });
});
