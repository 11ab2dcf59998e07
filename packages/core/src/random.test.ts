import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';

describe('createRng', () => {
  it('is reproducible and seed-dependent', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
  it('has the moments of U(0,1) and N(0,1)', () => {
    const r = createRng(1);
    let su = 0, sn = 0, sn2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) { su += r.next(); const z = r.normal(); sn += z; sn2 += z * z; }
    // within 4 standard errors of the true moments
    expect(Math.abs(su / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sn / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});
