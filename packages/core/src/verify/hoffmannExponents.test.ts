/** Hoffmann et al. 2022 Table 2 exponents and the overlap test against them. */
import { describe, expect, it } from 'vitest';
import { HOFFMANN_EXPONENTS, compareWithHoffmann } from './hoffmannExponents.js';

describe('compareWithHoffmann', () => {
  // Hoffmann et al. 2022 (arXiv 2203.15556) Table 2, p. 8, as printed: a (10th, 90th percentile), b (same).
  it('carries Table 2 as printed, with its 80 % (10th–90th percentile) intervals', () => {
    const table2 = HOFFMANN_EXPONENTS.map((e) => [e.approach, e.a, e.aInterval, e.b, e.bInterval, e.intervalLevel]);
    expect(table2).toEqual([
      ['approach1', 0.5, [0.488, 0.502], 0.5, [0.501, 0.512], 0.8],
      ['approach2', 0.49, [0.462, 0.534], 0.51, [0.483, 0.529], 0.8],
      ['approach3', 0.46, [0.454, 0.455], 0.54, [0.542, 0.543], 0.8],
    ]);
    for (const e of HOFFMANN_EXPONENTS) {
      expect(e.a + e.b).toBeCloseTo(1, 10);
      expect(e.source).toMatch(/Table 2/);
    }
  });

  it('names both interval levels in its sentence', () => {
    expect(compareWithHoffmann('approach2', 0.52, [0.45, 0.6], 0.9).message).toMatch(/\(90 %\) vs Hoffmann et al.'s 0\.49 \[0\.462, 0\.534\] \(80 %, Table 2\)/);
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
