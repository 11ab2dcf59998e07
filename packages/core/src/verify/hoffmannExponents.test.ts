/** Hoffmann et al. 2022 Table 2 exponents and the overlap test against them. */
import { describe, expect, it } from 'vitest';
import { HOFFMANN_EXPONENTS, compareWithHoffmann } from './hoffmannExponents.js';

describe('compareWithHoffmann', () => {
  it('carries Table 2 (a + b = 1 for every approach, each a inside its interval)', () => {
    expect(HOFFMANN_EXPONENTS.map((e) => e.a)).toEqual([0.5, 0.49, 0.46]);
    for (const e of HOFFMANN_EXPONENTS) {
      expect(e.a + e.b).toBeCloseTo(1, 10);
      expect(e.source).toMatch(/Table 2/);
    }
  });

  it('says consistent, above or below', () => {
    const ok = compareWithHoffmann('approach2', 0.52, [0.45, 0.6], 0.9);
    expect(ok.overlaps).toBe(true);
    expect(ok.message).toContain('consistent with the published exponent');
    expect(compareWithHoffmann('approach2', 0.6, [0.3, 0.8], 0.9).message).toContain('too wide to test');
    const hi = compareWithHoffmann('approach2', 0.7, [0.6, 0.8], 0.9);
    expect(hi.overlaps).toBe(false);
    expect(hi.message).toContain('above the published exponent');
    expect(compareWithHoffmann('approach3', 0.3, [0.2, 0.4], 0.9).message).toContain('below the published exponent');
  });
});
