import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { fastExp } from './fastExp.js';

describe('fastExp', () => {
  it('is within 5e-16 (relative, 2 ulp) of Math.exp over [−700, 700]', () => {
    const rng = createRng(7);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = i % 2 ? -700 + 1400 * rng.next() : -40 + 80 * rng.next();
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(5e-16);
  });
  it('is exact at 0 and 1 ulp-close at ln 2 multiples; defers to Math.exp outside [−700, 700]', () => {
    expect(fastExp(0)).toBe(1);
    expect(Math.abs(fastExp(10 * Math.LN2) / 1024 - 1)).toBeLessThan(3e-16);
    expect(fastExp(710)).toBe(Math.exp(710));
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(NaN)).toBeNaN();
  });
});
