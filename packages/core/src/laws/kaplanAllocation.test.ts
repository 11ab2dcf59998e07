import { describe, expect, it } from 'vitest';
import { computeOptimal } from './decisions.js';
import { kaplanPublishedAllocation, kaplanPublishedForLoss } from './kaplanAllocation.js';
import { getPublishedLaw } from './published.js';

describe("Kaplan et al.'s published allocation", () => {
  it('N_opt ∝ C^0.73 (Hoffmann et al. Table 2: a = 0.73, b = 0.27)', () => {
    const a = kaplanPublishedAllocation(1e22);
    const b = kaplanPublishedAllocation(1e24);
    expect(Math.log(b.params / a.params) / Math.log(100)).toBeCloseTo(0.73, 10);
    expect(Math.log(b.tokens / a.tokens) / Math.log(100)).toBeCloseTo(0.27, 10);
  });

  it("at Gopher's 5.76e23 FLOPs: ~8.0e11 parameters, 4.2× the N ∝ C^0.556 derived from eq. 1.5", () => {
    const pub = kaplanPublishedAllocation(5.76e23);
    expect(pub.params / 1e11).toBeCloseTo(8.04, 1);
    const derived = computeOptimal(getPublishedLaw('kaplan2020').law, 5.76e23);
    expect(pub.params / derived.params).toBeCloseTo(4.2, 1);
    expect(pub.label).toMatch(/published/);
  });

  it('for a target loss uses eq. 1.3 (C_min = 3.1e8 PF-days · L^-20)', () => {
    const r = kaplanPublishedForLoss(2);
    expect(r.flops / 8.64e19).toBeCloseTo(3.1e8 / 2 ** 20, 3);
    expect(() => kaplanPublishedForLoss(-1)).toThrow(/targetLoss/);
  });
});
